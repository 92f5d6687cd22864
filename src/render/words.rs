//! Vietnamese writes a space between syllables, not between words: "Phòng Hành chính Tư
//! pháp" is three words in five syllables. A line of an agency's name may break only
//! between words, so the syllables of the compound words common in agency and unit
//! names are held together, and a number stays with the word before it ("Số 1").

use std::cell::RefCell;
use std::collections::HashMap;

use crate::text::fold;

/// Compound words of agency and unit names, as folded syllables (no tones, lower case),
/// longest first where one contains another.
const COMPOUNDS: &[&str] = &[
    "phi chinh phu",
    "uy ban nhan dan",
    "ban chap hanh",
    "bao hiem xa hoi",
    "ban quan li",
    "bien che",
    "bo tro",
    "cai cach",
    "can bo",
    "chinh quyen",
    "chung thuc",
    "cong chuc",
    "cong chung",
    "cong doan",
    "cong nghe",
    "cong tac",
    "dan toc",
    "dang uy",
    "dau gia",
    "dau tu",
    "dich vu",
    "du lich",
    "giao duc",
    "giao thong",
    "hanh chinh",
    "ho tich",
    "hop tac",
    "khen thuong",
    "khoa hoc",
    "kiem tra",
    "ke hoach",
    "ke toan",
    "lao dong",
    "lich su",
    "luu tru",
    "moi truong",
    "nghiep vu",
    "nha nuoc",
    "nhan dan",
    "noi vu",
    "nong nghiep",
    "nong thon",
    "phap che",
    "phap luat",
    "phap li",
    "phat trien",
    "pho bien",
    "quan li",
    "quang ngai",
    "quoc te",
    "quoc tich",
    "tai chinh",
    "tai nguyen",
    "tai san",
    "thanh nien",
    "thanh tra",
    "the thao",
    "theo doi",
    "thi dua",
    "thi hanh",
    "thong tin",
    "thuong binh",
    "ton giao",
    "tong hop",
    "to chuc",
    "tro giup",
    "truyen thong",
    "trung tam",
    "tu phap",
    "tinh uy",
    "uy ban",
    "van hoa",
    "van phong",
    "van tai",
    "vien chuc",
    "xa hoi",
    "xay dung",
    "y te",
];

/// The unbreakable units of `text`: compounds and numbered names kept whole.
///
/// Remembered per thread: the same few names (the agency, its units, a signer's title)
/// head every document, and finding their compounds means folding every syllable.
pub fn words(text: &str) -> Vec<String> {
    /// Past this many texts the memory is let go and started again.
    const REMEMBERED: usize = 4096;
    thread_local! {
        static SEEN: RefCell<HashMap<String, Vec<String>>> = RefCell::new(HashMap::new());
    }
    SEEN.with_borrow_mut(|seen| {
        if let Some(words) = seen.get(text) {
            return words.clone();
        }
        if seen.len() >= REMEMBERED {
            seen.clear();
        }
        let words = cut(text);
        seen.insert(text.to_string(), words.clone());
        words
    })
}

/// [`words`], worked out.
fn cut(text: &str) -> Vec<String> {
    let syllables: Vec<&str> = text.split_whitespace().collect();
    let folded: Vec<String> = syllables.iter().map(|s| fold(s.trim_matches(|c: char| !c.is_alphanumeric()))).collect();
    let mut out: Vec<String> = Vec::new();
    let mut at = 0;
    while at < syllables.len() {
        let take = (2..=4)
            .rev()
            .find(|n| at + n <= syllables.len() && COMPOUNDS.contains(&folded[at..at + n].join(" ").as_str()))
            .unwrap_or(1);
        let word = syllables[at..at + take].join(" ");
        let is_number = syllables[at].chars().next().is_some_and(|c| c.is_ascii_digit());
        match out.last_mut() {
            Some(previous) if is_number => {
                previous.push(' ');
                previous.push_str(&word);
            }
            _ => out.push(word),
        }
        at += take;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_are_written_folded() {
        for compound in COMPOUNDS {
            assert_eq!(&fold(compound), compound);
        }
    }

    #[test]
    fn remembered_words_are_the_words_worked_out() {
        let name = "PHÒNG CÔNG CHỨNG SỐ 1";
        assert_eq!(words(name), cut(name));
        assert_eq!(words(name), cut(name), "the second time, from memory");
        // Past the bound the memory starts again, and still answers right.
        for n in 0..5000 {
            let text = format!("Phòng {n} tư pháp");
            assert_eq!(words(&text), cut(&text));
        }
        assert_eq!(words(name), ["PHÒNG", "CÔNG CHỨNG", "SỐ 1"]);
    }

    #[test]
    fn compounds_and_numbers_stay_whole() {
        assert_eq!(words("PHÒNG HÀNH CHÍNH TƯ PHÁP"), ["PHÒNG", "HÀNH CHÍNH", "TƯ PHÁP"]);
        assert_eq!(words("PHÒNG CÔNG CHỨNG SỐ 1"), ["PHÒNG", "CÔNG CHỨNG", "SỐ 1"]);
        assert_eq!(
            words("Phòng Tổ chức, biên chế và tổ chức phi chính phủ"),
            ["Phòng", "Tổ chức,", "biên chế", "và", "tổ chức", "phi chính phủ"]
        );
        assert_eq!(words("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"), ["ỦY BAN NHÂN DÂN", "TỈNH", "QUẢNG NGÃI"]);
    }
}
