//! How wide a text is on paper, in twips, before any word processor lays it out: table
//! columns are sized so that no word breaks inside ("HTXS", "STT"), and the header block
//! breaks a unit's name between words into balanced lines.

use super::metrics::{BOLD, REGULAR, UNITS_PER_EM};

/// Width of a glyph the table does not know (a symbol from another font): an en space.
const UNKNOWN: u32 = 1024;

fn advance(table: &[(u32, &[u16])], c: char) -> u32 {
    let code = c as u32;
    if (0x300..0x370).contains(&code) {
        // A combining mark left by decomposed input takes no room of its own.
        return 0;
    }
    table
        .iter()
        .find_map(|(start, widths)| code.checked_sub(*start).and_then(|i| widths.get(i as usize)))
        .map_or(UNKNOWN, |w| if *w == 0 { UNKNOWN } else { u32::from(*w) })
}

/// The advance widths of the regular or the bold face.
fn face(bold: bool) -> &'static [(u32, &'static [u16])] {
    if bold { BOLD } else { REGULAR }
}

/// The advance of `text` in font units.
fn units(text: &str, bold: bool) -> u64 {
    let table = face(bold);
    text.chars().map(|c| u64::from(advance(table, c))).sum()
}

/// Font units at `half_points` (WordprocessingML's font size), in twips.
fn twips(units: u64, half_points: usize) -> u32 {
    // twips = units / em × size in points × 20, with the size given in half-points.
    (units * half_points as u64 * 10).div_ceil(u64::from(UNITS_PER_EM)) as u32
}

/// The width of `text` at `half_points`, in twips.
pub fn width(text: &str, half_points: usize, bold: bool) -> u32 {
    twips(units(text, bold), half_points)
}

/// How wide `text` is, in twips: its widest word (the narrowest a column can be without
/// breaking a word) and the whole of it on one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extent {
    pub widest_word: u32,
    pub line: u32,
}

/// The [`Extent`] of `text`, read once: a table's every cell is measured for its
/// columns, a document's most frequent measure.
pub fn extent(text: &str, half_points: usize, bold: bool) -> Extent {
    let table = face(bold);
    let (mut line, mut word, mut widest) = (0u64, 0u64, 0u64);
    for c in text.chars() {
        let advance = u64::from(advance(table, c));
        line += advance;
        // Words as `split_whitespace` cuts them.
        if c.is_whitespace() {
            widest = widest.max(word);
            word = 0;
        } else {
            word += advance;
        }
    }
    Extent { widest_word: twips(widest.max(word), half_points), line: twips(line, half_points) }
}

/// Splits `text` into the fewest lines no wider than `room`, breaking only between
/// words, and among those splits takes the one whose widest line is narrowest (a
/// two-line name reads as two halves, not a line and a word). `words` are the units that
/// may not be broken; `text` joins them with spaces. A word wider than `room` gets a
/// line of its own.
pub fn balanced_lines(words: &[&str], room: u32, half_points: usize, bold: bool) -> Vec<String> {
    let n = words.len();
    if n == 0 {
        return Vec::new();
    }
    // Each word measured once; a line is its words and the spaces between them, rounded
    // once, exactly as `width` of the joined line.
    let word_units: Vec<u64> = words.iter().map(|word| units(word, bold)).collect();
    let space = units(" ", bold);
    let line_width = |from: usize, to: usize| {
        twips(word_units[from..to].iter().sum::<u64>() + space * (to - from - 1) as u64, half_points)
    };
    // best[i]: (lines, widest line) of the best split of words[i..].
    let mut best: Vec<(usize, u32, usize)> = vec![(0, 0, n); n + 1];
    for from in (0..n).rev() {
        let mut choice: Option<(usize, u32, usize)> = None;
        for to in from + 1..=n {
            let here = line_width(from, to);
            if here > room && to > from + 1 {
                break;
            }
            let (lines, widest, _) = best[to];
            let candidate = (lines + 1, widest.max(here), to);
            if choice.is_none_or(|c| (candidate.0, candidate.1) < (c.0, c.1)) {
                choice = Some(candidate);
            }
        }
        best[from] = choice.expect("a line of one word always fits the search");
    }
    let mut lines = Vec::new();
    let mut from = 0;
    while from < n {
        let to = best[from].2;
        lines.push(words[from..to].join(" "));
        from = to;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_font() {
        // "STT" at 12 pt bold: S 1139, T 1366, T 1366 units → 3871/2048 × 12 pt × 20.
        assert_eq!(width("STT", 24, true), 454);
        assert!(width("HTXS", 24, true) > width("HTXS", 24, false));
        // Precomposed and decomposed Vietnamese letters measure the same.
        assert_eq!(width("Nguyễn", 26, false), width("Nguye\u{302}\u{303}n", 26, false));
        let measured = extent(" Phó  Trưởng\tphòng ", 26, false);
        assert_eq!(measured.widest_word, width("Trưởng", 26, false));
        assert_eq!(measured.line, width(" Phó  Trưởng\tphòng ", 26, false));
        assert_eq!(extent("", 26, false), Extent { widest_word: 0, line: 0 });
    }

    #[test]
    fn balanced_lines_break_between_words_into_halves() {
        let words = ["PHÒNG", "HÀNH CHÍNH", "TƯ PHÁP"];
        let one_line = width("PHÒNG HÀNH CHÍNH TƯ PHÁP", 26, true);
        assert_eq!(balanced_lines(&words, one_line, 26, true), ["PHÒNG HÀNH CHÍNH TƯ PHÁP"]);
        let two = balanced_lines(&words, one_line - 1, 26, true);
        assert_eq!(two, ["PHÒNG HÀNH CHÍNH", "TƯ PHÁP"]);
        // A word wider than the room stands alone rather than looping.
        assert_eq!(balanced_lines(&["ABCDEFGHIJ", "K"], 10, 26, true), ["ABCDEFGHIJ", "K"]);
    }
}
