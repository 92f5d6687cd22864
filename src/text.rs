//! Text hygiene shared by every stage: what the clerk typed is normalised once,
//! on the way in, so that comparisons, messages and documents all see the same text.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// NFC, characters XML forbids removed, inner white space folded to one space, trimmed.
///
/// Excel cells and pasted text carry vertical tabs, NULs and zero-width marks that
/// Word refuses (docgen-notes §0.2); they must never reach a document.
pub fn clean(s: &str) -> String {
    if is_clean(s) {
        return s.to_owned();
    }
    clean_chars(s.len(), nfc(s).chars())
}

/// Is `s` what [`clean`] makes of it? [Plain](all_plain) characters, spaces one at a
/// time and none at the ends, and no no-break space (white space too): every name and
/// most text of a meeting file, told from the bytes without decoding a character.
fn is_clean(s: &str) -> bool {
    let bytes = s.as_bytes();
    let single_spaces = !bytes.starts_with(b" ") && !bytes.ends_with(b" ") && !s.contains("  ");
    single_spaces && !s.contains('\u{A0}') && all_plain(s)
}

fn clean_chars(len: usize, chars: impl Iterator<Item = char>) -> String {
    let mut out = String::with_capacity(len);
    let mut pending_space = false;
    for c in chars {
        if c.is_whitespace() || c == '\u{000B}' || c == '\u{000C}' {
            pending_space = !out.is_empty();
            continue;
        }
        if !is_xml_char(c) || is_invisible(c) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// The text of a file saved as UTF-8 (with or without a byte order mark) or as UTF-16
/// with its mark, as Notepad's "Unicode" does; `None` for any other encoding.
pub fn decode_text(bytes: Vec<u8>) -> Option<String> {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]])).collect();
        bytes.len().is_multiple_of(2).then(|| String::from_utf16(&units).ok()).flatten()
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8(rest.to_vec()).ok(),
        _ => String::from_utf8(bytes).ok(),
    }
}

/// NFC with the characters XML forbids and invisible marks removed, spacing kept:
/// what may be written into a document part (the blanks of "Số:      /BC-SNV" included).
/// Text that is already so (nearly all of it: ingest cleaned it) is borrowed, not copied.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if all_plain(s) {
        return Cow::Borrowed(s);
    }
    let keep = |c: char| is_xml_char(c) && !is_invisible(c) && !matches!(c, '\u{9}' | '\u{A}' | '\u{D}');
    if s.chars().all(keep) && is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.nfc().filter(|c| keep(*c)).collect())
}

/// Is every character of `s` one [`sanitize`] keeps as it is whatever stands beside it?
/// Printable, visible, and a letter in NFC that nothing after it can combine with: ASCII,
/// Latin-1 to Latin Extended-B, and Latin Extended Additional, where the Vietnamese
/// letters with two marks are. Every Vietnamese text is made of these. Told from the
/// UTF-8 bytes, without decoding a character: every run and cell of every document
/// passes here.
fn all_plain(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        // `s` is UTF-8, so a lead byte is followed by as many continuation bytes as it says.
        at += match lead {
            b' '..=b'~' => 1,
            // U+00A0–U+00BF, but for U+00AD (the soft hyphen, invisible).
            0xC2 if matches!(bytes[at + 1], 0xA0..=0xAC | 0xAE..=0xBF) => 2,
            // U+00C0–U+02FF.
            0xC3..=0xCB => 2,
            // U+1E00–U+1EFF, Latin Extended Additional.
            0xE1 if matches!(bytes[at + 1], 0xB8..=0xBB) => 3,
            _ => return false,
        };
    }
    true
}

/// `s` in NFC, borrowed when it is so already: nearly all text arrives in NFC, and
/// Vietnamese text is told so without a table when it is made of [plain](all_plain)
/// characters only.
pub fn nfc(s: &str) -> Cow<'_, str> {
    if all_plain(s) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// Like [`clean`] but keeps line breaks (for multi-line YAML blocks): each line is
/// cleaned, runs of blank lines collapse to one, and the result is trimmed.
pub fn clean_block(s: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in s.lines() {
        let line = clean(line);
        if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// Characters allowed by XML 1.0 (§2.2), minus nothing: tab, LF and CR are allowed here,
/// [`clean`] folds them as white space.
pub fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\u{9}' | '\u{A}' | '\u{D}'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

/// Zero-width and direction marks: invisible in Excel, yet they make two equal-looking
/// names differ and can reorder text in Word.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// A key for fuzzy matching of headers, labels and ratings: lower case, no diacritics
/// (đ → d), punctuation turned into spaces, spaces folded, and the vowel /i/ spelt `i`
/// whether the clerk wrote i or y ([`spell_i`]). "Họ và tên (1)" → "ho va ten 1";
/// "Kỷ luật" and "Kỉ luật" → "ki luat".
///
/// Every matcher goes through this one function, so a pattern written in code must be
/// in its folded form, `fold(pattern) == pattern` ("ki luat", "quan li").
pub fn fold(s: &str) -> String {
    spell_i(&fold_letters(s))
}

/// Whether `c`, a letter with its marks in one character, is a `y` (ý, ỷ, Ỵ...).
fn has_base_y(c: char) -> bool {
    std::iter::once(c).nfd().next().is_some_and(|base| base.eq_ignore_ascii_case(&'y'))
}

/// [`fold`] without the i/y spelling: the letters as written. For file and folder names
/// ([`slug`]), which must not change when the matching rules do.
fn fold_letters(s: &str) -> String {
    // Most text is ASCII and the precomposed letters of Vietnamese, each folded on its
    // own from a table rather than decomposed: every name of a province is folded a few
    // times a build, and the table saved about 5% of a check's CPU at 100,000 people.
    match s.chars().all(|c| c.is_ascii() || base_letter(c).is_some()) {
        true => fold_chars(s.len(), s.chars().map(|c| base_letter(c).unwrap_or(c))),
        false => fold_chars(s.len(), s.nfd()),
    }
}

/// The letter a character is written on, from its canonical decomposition ("ệ" → 'e',
/// "Ấ" → 'A', "đ" stays 'đ'), for the Latin blocks Vietnamese is written in (Latin-1 to
/// Latin Extended Additional); `None` elsewhere, and where the decomposition is not one
/// letter followed by marks. What this gives for a text, letter by letter, is what its
/// decomposition gives with the marks taken out: the letters kept are never reordered.
fn base_letter(c: char) -> Option<char> {
    const FIRST: u32 = 0xC0;
    const END: u32 = 0x1F00;
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let at = (c as u32).checked_sub(FIRST).filter(|at| *at < END - FIRST)?;
    let table = TABLE.get_or_init(|| {
        (FIRST..END).map(|code| char::from_u32(code).and_then(decomposed_base).unwrap_or('\0')).collect()
    });
    Some(table[at as usize]).filter(|base| *base != '\0')
}

/// The first character of `c`'s canonical decomposition, when it is a starter that no
/// reordering moves and everything after it is a mark.
fn decomposed_base(c: char) -> Option<char> {
    use unicode_normalization::char::canonical_combining_class;
    let mut parts = std::iter::once(c).nfd();
    let base = parts.next()?;
    let starter = !is_combining_mark(base) && canonical_combining_class(base) == 0;
    (starter && parts.all(is_combining_mark)).then_some(base)
}

/// [`fold_letters`] of a text of `len` bytes, already decomposed (or its letters'
/// marks taken off).
fn fold_chars(len: usize, chars: impl Iterator<Item = char>) -> String {
    let mut out = String::with_capacity(len);
    let mut pending_space = false;
    for c in chars {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_alphanumeric() {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.extend(c.to_lowercase());
        } else {
            pending_space = !out.is_empty();
        }
    }
    out
}

/// Vietnamese spells the lone vowel /i/ after a consonant either way, and both are
/// correct: "kỉ luật" / "kỷ luật", "lí do" / "lý do", "quí" / "quý", "công ti" / "công ty".
/// Such a syllable-final `y` (after a consonant, or after the `qu` of "quý") becomes `i`;
/// tone marks and case are kept, so this also serves keys that keep diacritics
/// ([`unit_key`]). A `y` after another vowel ("tay", "Huy", "Thuỷ") is a different
/// sound and stays; so does a syllable that is `y` alone ("y tế").
pub fn spell_i(s: &str) -> String {
    // Most text has no `y` at all: nothing to decompose, look at or compose again.
    if !s.chars().any(|c| c.is_ascii() && c.eq_ignore_ascii_case(&'y') || !c.is_ascii() && has_base_y(c)) {
        return s.to_string();
    }
    let decomposed: Vec<char> = s.nfd().collect();
    let base = |c: char| c.to_lowercase().next().unwrap_or(c);
    let is_vowel = |c: char| matches!(base(c), 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut out = decomposed.clone();
    // The base letters of the current syllable: (index in `decomposed`, letter).
    let mut letters: Vec<(usize, char)> = Vec::new();
    let finish = |letters: &mut Vec<(usize, char)>, out: &mut Vec<char>| {
        if let [.., (_, before), (at, last)] = letters.as_slice()
            && base(*last) == 'y'
        {
            let after_qu = base(*before) == 'u' && letters.len() >= 3 && base(letters[letters.len() - 3].1) == 'q';
            if !is_vowel(*before) && before.is_alphabetic() || after_qu {
                out[*at] = if last.is_uppercase() { 'I' } else { 'i' };
            }
        }
        letters.clear();
    };
    for (i, c) in decomposed.iter().copied().enumerate() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            letters.push((i, c));
        } else {
            finish(&mut letters, &mut out);
        }
    }
    finish(&mut letters, &mut out);
    if out == decomposed { s.to_string() } else { out.into_iter().collect::<String>().nfc().collect() }
}

/// A key for matching names of people: case and white space ignored, diacritics kept
/// ("Anh" and "Ánh" are two people).
pub fn name_key(s: &str) -> String {
    clean(s).to_lowercase()
}

/// A key for matching names of units: case, white space and punctuation ignored,
/// diacritics kept, i and y as one ([`spell_i`]: "Phòng Kĩ thuật" is "Phòng Kỹ thuật").
pub fn unit_key(s: &str) -> String {
    let lowered: String = clean(s).to_lowercase();
    let mut out = String::with_capacity(lowered.len());
    let mut pending_space = false;
    for c in lowered.chars() {
        if c.is_alphanumeric() {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        } else {
            pending_space = !out.is_empty();
        }
    }
    spell_i(&out)
}

/// Up to three candidates closest to `wanted`, best first, compared without diacritics
/// so that a name typed without accents still finds its owner.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = fold(wanted);
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::normalized_levenshtein(&wanted, &fold(c)), c))
        .filter(|(score, _)| *score >= 0.5)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// "A, B hoặc C" for suggestion lists in messages.
pub fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => format!("“{one}”"),
        [init @ .., last] => {
            let head: Vec<String> = init.iter().map(|s| format!("“{s}”")).collect();
            format!("{} hoặc “{last}”", head.join(", "))
        }
    }
}

/// A number the Vietnamese way: dot thousands, comma decimals ("1.234,5").
pub fn decimal_vi(value: f64, places: usize) -> String {
    let formatted = format!("{:.*}", places, value.abs());
    let (int, frac) = formatted.split_once('.').unwrap_or((&formatted, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if value < 0.0 && formatted.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
    if frac.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped},{frac}") }
}

/// An exact value with only the decimals it needs, at most `places` ("1,4", "1,75", "2"):
/// the quotient behind a ceiling, shown before it is rounded.
pub fn exact_vi(value: f64, places: usize) -> String {
    let written = decimal_vi(value, places);
    match written.split_once(',') {
        Some((int, frac)) => {
            let frac = frac.trim_end_matches('0');
            if frac.is_empty() { int.to_string() } else { format!("{int},{frac}") }
        }
        None => written,
    }
}

/// `part` of `whole` as a percentage, rounded half up to one decimal and written the
/// Vietnamese way: "4,5%" for 4 of 88, "12,5%", "100,0%"; "0,0%" of nothing.
///
/// Integer arithmetic in tenths of a percent, so that a tie (1 of 16 = 6,25%) always
/// rounds up, where binary floating point would round some ties down. Each figure is its
/// own count over its own total: the same count over the same total always reads the same,
/// and no cell is nudged to make a row add up to 100% (outputs.md).
pub fn percent_vi(part: impl Into<u64>, whole: impl Into<u64>) -> String {
    let tenths = percent_tenths(part, whole);
    format!("{},{}%", decimal_vi((tenths / 10) as f64, 0), tenths % 10)
}

/// `part / whole` in tenths of a percent, rounded half up; 0 when `whole` is 0.
pub fn percent_tenths(part: impl Into<u64>, whole: impl Into<u64>) -> u64 {
    let (part, whole) = (u128::from(part.into()), u128::from(whole.into()));
    if whole == 0 {
        return 0;
    }
    // round(part × 1000 / whole) = floor((2 × part × 1000 + whole) / (2 × whole)).
    ((2 * part * 1000 + whole) / (2 * whole)) as u64
}

/// "“A”, “B”" for lists quoted in messages.
pub fn quote_list(items: &[String]) -> String {
    items.iter().map(|s| format!("“{s}”")).collect::<Vec<_>>().join(", ")
}

/// A safe ASCII file or folder name: "Phòng Công chức, viên chức" → "phong-cong-chuc-vien-chuc".
///
/// Only `a-z`, `0-9` and single dashes survive, so a name can never climb out of the
/// outputs folder (`../../x` → `x`) or be a device name on Windows (`CON` → `con-dv`).
pub fn slug(s: &str) -> String {
    let folded = fold_letters(s);
    let mut out: String = folded.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    while out.contains("--") {
        out = out.replace("--", "-");
    }
    let mut out = out.trim_matches('-').to_string();
    if out.len() > 60 {
        out.truncate(60);
        out = out.trim_end_matches('-').to_string();
    }
    const RESERVED: [&str; 22] = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1",
        "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    if out.is_empty() {
        "khong-ten".to_string()
    } else if RESERVED.contains(&out.as_str()) {
        format!("{out}-dv")
    } else {
        out
    }
}

/// `a` against `b`, each the text its two pieces make, compared without being joined: a
/// document's path held as its folder and its name sorts as the whole path would.
pub fn cmp_joined(a: [&str; 2], b: [&str; 2]) -> std::cmp::Ordering {
    let (mut a_rest, mut b_rest) = (&a[1..], &b[1..]);
    let (mut x, mut y) = (a[0].as_bytes(), b[0].as_bytes());
    loop {
        // The next piece once one is used up.
        while x.is_empty() && !a_rest.is_empty() {
            (x, a_rest) = (a_rest[0].as_bytes(), &a_rest[1..]);
        }
        while y.is_empty() && !b_rest.is_empty() {
            (y, b_rest) = (b_rest[0].as_bytes(), &b_rest[1..]);
        }
        if x.is_empty() || y.is_empty() {
            return x.len().cmp(&y.len());
        }
        let n = x.len().min(y.len());
        match x[..n].cmp(&y[..n]) {
            std::cmp::Ordering::Equal => (x, y) = (&x[n..], &y[n..]),
            unequal => return unequal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters [`all_plain`] accepts, by code point.
    fn is_plain(c: char) -> bool {
        matches!(c, ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{2FF}' | '\u{1E00}'..='\u{1EFF}')
    }

    #[test]
    fn pieces_compare_as_the_text_they_make() {
        let texts = ["", "a", "a/", "a/b", "a-b", "ab", "a/b/c", "b"];
        for a in texts {
            for b in texts {
                for cut_a in 0..=a.len() {
                    for cut_b in 0..=b.len() {
                        let (a0, a1) = a.split_at(cut_a);
                        let (b0, b1) = b.split_at(cut_b);
                        assert_eq!(cmp_joined([a0, a1], [b0, b1]), a.cmp(b), "{a0}|{a1} against {b0}|{b1}");
                    }
                }
            }
        }
    }

    #[test]
    fn letters_folded_from_the_table_are_those_the_decomposition_gives() {
        let decomposed = |s: &str| fold_chars(s.len(), s.nfd());
        // Every character alone, in and around the table's blocks.
        for c in (0..0x2_0000).filter_map(char::from_u32) {
            let text = format!("x{c}y {c}");
            assert_eq!(fold_letters(&text), decomposed(&text), "U+{:04X}", c as u32);
        }
        // Texts that mix letters with marks written apart, in every order: the table's
        // path is taken only where it gives what the decomposition gives.
        let pieces = ["Nguyễn", "ĐẶNG", "e\u{0302}\u{0303}", "\u{0323}", "\u{0301}a", "ǅ", "Å", "ﬁ", " - ", "Ω", "ῼ"];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(fold_letters(&text), decomposed(&text), "{text:?}");
                }
            }
        }
        assert_eq!((base_letter('ệ'), base_letter('Đ'), base_letter('\u{0302}')), (Some('e'), Some('Đ'), None));
    }

    #[test]
    fn clean_normalises_and_strips() {
        assert_eq!(clean("  Nguy\u{0065}\u{0302}\u{0303}n\u{000B}  Văn\tAn \u{0001}"), "Nguyễn Văn An");
        assert_eq!(clean("Lê\u{200B}Văn"), "LêVăn");
        assert_eq!(clean("a\u{FFFE}b"), "ab");
    }

    #[test]
    fn clean_text_is_given_back_as_the_long_way_makes_it() {
        let long_way = |s: &str| clean_chars(s.len(), nfc(s).chars());
        // Every character up to the supplementary planes, alone and among plain text.
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("Lê {c}Thị{c} Thuỷ"), format!("{c} a {c}")] {
                assert_eq!(clean(&text), long_way(&text), "U+{:04X}", c as u32);
            }
        }
        // Spaces: at the ends, doubled, no-break, or beside another white space.
        for text in ["", " ", "a  b", " a", "a ", "a\u{A0}b", "a \u{A0}b", "a\tb", "Nguyễn Văn An", "a \u{2003}b"] {
            assert_eq!(clean(text), long_way(text), "{text:?}");
            assert_eq!(is_clean(text), clean(text) == text, "{text:?}");
        }
    }

    #[test]
    fn exact_values_keep_only_the_decimals_they_need() {
        assert_eq!(exact_vi(1.4, 2), "1,4");
        assert_eq!(exact_vi(1.75, 2), "1,75");
        assert_eq!(exact_vi(2.0, 2), "2");
        assert_eq!(exact_vi(91.5, 2), "91,5");
    }

    #[test]
    fn clean_block_keeps_paragraphs() {
        assert_eq!(clean_block("  a  b\n\n\n c \n\n"), "a b\n\nc");
    }

    #[test]
    fn fold_ignores_case_diacritics_punctuation() {
        assert_eq!(fold("Họ và tên (1)"), "ho va ten 1");
        assert_eq!(fold("ĐẢNG VIÊN"), "dang vien");
        assert_eq!(fold("Phòng/đơn vị"), "phong don vi");
        assert_eq!(fold("Ngày  tháng\nnăm sinh"), "ngay thang nam sinh");
    }

    #[test]
    fn i_and_y_spellings_fold_alike() {
        for (y, i) in [("Kỷ luật", "Kỉ luật"), ("Quản lý", "Quản lí"), ("QUÝ", "QUÍ"), ("Công ty", "Công ti")]
        {
            assert_eq!(fold(y), fold(i), "{y}");
            assert_eq!(unit_key(y), unit_key(i), "{y}");
        }
        assert_eq!(fold("Kỷ luật"), "ki luat");
        assert_eq!(unit_key("Phòng Kỹ thuật"), "phòng kĩ thuật");
        // Another vowel before y, or y alone, is another sound.
        for (a, b) in [("tay", "tai"), ("Huy", "Hui"), ("Thuỷ", "Thuỉ")] {
            assert_ne!(fold(a), fold(b), "{a}");
        }
        assert_eq!(fold("Y tế"), "y te");
        assert_eq!(fold("Uỷ ban"), "uy ban");
        // A y is found whatever its marks and case, composed or not; text without one is
        // given back as it is.
        for (y, i) in [("KỸ", "KĨ"), ("lý", "lí"), ("QUỴ", "QUỊ"), ("ky\u{303}", "kĩ"), ("CÔNG TY", "CÔNG TI")]
        {
            assert_eq!(spell_i(y), i, "{y}");
        }
        assert_eq!(spell_i("Phòng Tư pháp"), "Phòng Tư pháp");
        // File names keep the letters as written.
        assert_eq!(slug("Phòng Kỹ thuật"), "phong-ky-thuat");
    }

    #[test]
    fn plain_text_is_told_from_its_bytes_as_from_its_characters() {
        // Every character up to the supplementary planes, alone and between plain ones.
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("aĐ{c}ễ~")] {
                assert_eq!(all_plain(&text), text.chars().all(is_plain), "U+{:04X}", c as u32);
            }
        }
        assert!(all_plain("Nguyễn Thị Thuỷ") && all_plain("") && !all_plain("😀") && !all_plain("a\u{AD}b"));
    }

    #[test]
    fn plain_characters_are_those_sanitize_would_keep_as_they_are() {
        let plain: Vec<char> = (0..=0x1EFF).filter_map(char::from_u32).filter(|c| is_plain(*c)).collect();
        assert!(plain.len() > 600, "{}", plain.len());
        for c in plain {
            let alone = c.to_string();
            assert!(is_xml_char(c) && !is_invisible(c) && !c.is_control(), "{c:?}");
            assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(alone.chars()), IsNormalized::Yes, "{c:?}");
        }
        assert_eq!(sanitize("Nguyễn Thị Thuỷ, Đắk Lắk"), "Nguyễn Thị Thuỷ, Đắk Lắk");
        assert!(matches!(sanitize("Nguyễn Thị Thuỷ"), Cow::Borrowed(_)));
        // What is not plain still goes the long way: decomposed, invisible, controls.
        assert_eq!(sanitize("Nguye\u{302}\u{303}n\u{AD}\u{200B}\u{7}"), "Nguyễn");
        assert!(matches!(nfc("Nguyễn Thị Thuỷ"), Cow::Borrowed("Nguyễn Thị Thuỷ")));
        assert_eq!(nfc("Nguye\u{302}\u{303}n\u{AD}"), "Nguyễn\u{AD}");
        // In NFC but not plain (quotes, a dash): borrowed too, by the table.
        assert!(matches!(nfc("“Quý I” – 2023"), Cow::Borrowed(_)));
    }

    #[test]
    fn keys() {
        assert_eq!(name_key("NGUYỄN  văn an"), name_key("Nguyễn Văn An"));
        assert_ne!(name_key("Anh"), name_key("Ánh"));
        assert_eq!(unit_key("Phòng Công chức - Viên chức"), unit_key("phòng công chức, viên chức"));
    }

    #[test]
    fn slugs_are_safe_ascii() {
        assert_eq!(slug("Phòng Công chức, viên chức"), "phong-cong-chuc-vien-chuc");
        assert_eq!(slug("Ban Thi đua - Khen thưởng"), "ban-thi-dua-khen-thuong");
        assert_eq!(slug("../../x"), "x");
        assert_eq!(slug("CON"), "con-dv");
        assert_eq!(slug("///"), "khong-ten");
        assert_eq!(slug("Đặng Thị Ánh"), "dang-thi-anh");
    }

    #[test]
    fn utf16_and_bom_files_are_read() {
        let text = "kind: unit_review\nunit: Văn phòng Sở\n";
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        let bom: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(text.bytes()).collect();
        for bytes in [le, be, bom, text.as_bytes().to_vec()] {
            assert_eq!(decode_text(bytes).as_deref(), Some(text));
        }
        assert_eq!(decode_text(vec![0xC3, 0x28]), None);
    }

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(decimal_vi(1234.5, 1), "1.234,5");
        assert_eq!(decimal_vi(1234567.0, 0), "1.234.567");
        assert_eq!(decimal_vi(64.2857, 1), "64,3");
        assert_eq!(decimal_vi(-0.04, 1), "0,0");
    }

    #[test]
    fn percentages_round_half_up_per_cell() {
        let cases: [(u32, u32, &str); 12] = [
            (4, 88, "4,5%"),
            (1, 8, "12,5%"),
            (1, 16, "6,3%"), // 6,25: a tie, up
            (1, 80, "1,3%"), // 1,25: a tie, up
            (3, 80, "3,8%"), // 3,75
            (1, 3, "33,3%"), // the same count over the same total: always 33,3
            (2, 3, "66,7%"),
            (0, 88, "0,0%"),
            (88, 88, "100,0%"),
            (0, 0, "0,0%"),
            (11, 16, "68,8%"), // 68,75
            (12345, 12346, "100,0%"),
        ];
        for (part, whole, expected) in cases {
            assert_eq!(percent_vi(part, whole), expected, "{part}/{whole}");
        }
        assert_eq!(percent_vi(1234u32, 1u32), "123.400,0%");
    }

    #[test]
    fn closest_finds_unaccented_typing() {
        let names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"];
        assert_eq!(closest("Nguyen Van An", names), vec!["Nguyễn Văn An"]);
        assert!(closest("Hoàng Minh Quân", names).is_empty());
    }
}
