//! Vietnamese alphabetical order, for every list of people that has no meeting order:
//! by given name (the last word), then family and middle names, letters in the order
//! a ă â b c d đ e ê …, tones compared only between otherwise equal words.

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;

/// The Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
const ALPHABET: &str = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

/// Sort key of one letter: (base letter rank, tone rank); tones sort after letters.
/// Sorting a province's roster calls this for every letter of every name: it allocates
/// nothing.
fn letter_key(c: char) -> (u32, u32) {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let mut parts = std::iter::once(lower).nfd();
    let Some(base) = parts.next() else { return (u32::MAX, 0) };
    // Vowel-shape marks (breve, circumflex, horn) belong to the letter; the rest is tone.
    let mut shape = None;
    let mut tone = 0;
    for m in parts {
        match m {
            '\u{0306}' | '\u{0302}' | '\u{031B}' => shape = Some(m),
            '\u{0300}' => tone = 1, // huyền
            '\u{0309}' => tone = 2, // hỏi
            '\u{0303}' => tone = 3, // ngã
            '\u{0301}' => tone = 4, // sắc
            '\u{0323}' => tone = 5, // nặng
            _ => {}
        }
    }
    let rank = letters().iter().position(|letter| *letter == (base, shape)).map_or(1000 + base as u32, |p| p as u32);
    (rank, tone)
}

/// The letters of [`ALPHABET`] as (base, vowel-shape mark).
fn letters() -> &'static [(char, Option<char>)] {
    static LETTERS: std::sync::OnceLock<Vec<(char, Option<char>)>> = std::sync::OnceLock::new();
    LETTERS.get_or_init(|| {
        ALPHABET
            .chars()
            .map(|letter| {
                let mut parts = std::iter::once(letter).nfd();
                (parts.next().unwrap_or(letter), parts.next())
            })
            .collect()
    })
}

/// The sort key of one word: its letters, then a separator, then its tones (so tones
/// only decide between otherwise equal words), then a separator. Ranks start at 1 so
/// that the separator 0 puts a shorter word first.
fn push_word(key: &mut Vec<u32>, word: &str) {
    let letters: Vec<(u32, u32)> = word.chars().map(letter_key).collect();
    key.extend(letters.iter().map(|(l, _)| l.saturating_add(1)));
    key.push(0);
    key.extend(letters.iter().map(|(_, t)| t + 1));
    key.push(0);
}

/// A key that sorts names the Vietnamese way: the given name (the last word) first, then
/// the family and middle names in order. Compute it once per name to sort long lists.
pub fn sort_key(name: &str) -> Vec<u32> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut key = Vec::with_capacity(name.len() * 2 + 8);
    if let Some((given, rest)) = words.split_last() {
        push_word(&mut key, given);
        for w in rest {
            push_word(&mut key, w);
        }
    }
    key
}

/// Vietnamese name order: by given name (the last word), then family and middle names.
pub fn compare_names(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_sorting() {
        let mut names = vec!["Trần Văn Đặng", "Lê Dương", "Phạm Thị Ánh", "Nguyễn Thị Anh", "Hồ Ăn", "Lê Văn Bình"];
        names.sort_by(|a, b| compare_names(a, b));
        assert_eq!(names, ["Nguyễn Thị Anh", "Phạm Thị Ánh", "Hồ Ăn", "Lê Văn Bình", "Lê Dương", "Trần Văn Đặng"]);
        assert_eq!(
            compare_names("Nguyễn Văn An", "Trần Văn An"),
            Ordering::Less,
            "same given name: family name decides"
        );
    }
}
