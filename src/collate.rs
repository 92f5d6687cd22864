//! Vietnamese alphabetical order, for every list of people that has no meeting order:
//! by given name (the last word), then family and middle names, letters in the order
//! a ă â b c d đ e ê …, tones compared only between otherwise equal words.

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;

/// The Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
const ALPHABET: &str = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

/// Sort key of one letter: (base letter rank, tone rank); tones sort after letters.
fn letter_key(c: char) -> (u32, u32) {
    let lower: String = c.to_lowercase().collect();
    let decomposed: Vec<char> = lower.nfd().collect();
    let Some(&base) = decomposed.first() else { return (u32::MAX, 0) };
    // Vowel-shape marks (breve, circumflex, horn) belong to the letter; the rest is tone.
    let mut letter = base.to_string();
    let mut tone = 0;
    for m in &decomposed[1..] {
        match m {
            '\u{0306}' | '\u{0302}' | '\u{031B}' => letter.push(*m),
            '\u{0300}' => tone = 1, // huyền
            '\u{0309}' => tone = 2, // hỏi
            '\u{0303}' => tone = 3, // ngã
            '\u{0301}' => tone = 4, // sắc
            '\u{0323}' => tone = 5, // nặng
            _ => {}
        }
    }
    let letter: String = letter.nfc().collect();
    let rank = ALPHABET.chars().position(|a| a.to_string() == letter).map_or(1000 + base as u32, |p| p as u32);
    (rank, tone)
}

/// Compares two words letter by letter, tones deciding only between otherwise equal words.
fn compare_words(a: &str, b: &str) -> Ordering {
    let ka: Vec<(u32, u32)> = a.chars().map(letter_key).collect();
    let kb: Vec<(u32, u32)> = b.chars().map(letter_key).collect();
    let letters = |k: &[(u32, u32)]| k.iter().map(|(l, _)| *l).collect::<Vec<_>>();
    let tones = |k: &[(u32, u32)]| k.iter().map(|(_, t)| *t).collect::<Vec<_>>();
    letters(&ka).cmp(&letters(&kb)).then_with(|| tones(&ka).cmp(&tones(&kb)))
}

/// Vietnamese name order: by given name (the last word), then family and middle names.
pub fn compare_names(a: &str, b: &str) -> Ordering {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_string).collect() };
    let (wa, wb) = (words(a), words(b));
    let given = |w: &[String]| w.last().cloned().unwrap_or_default();
    compare_words(&given(&wa), &given(&wb)).then_with(|| {
        let rest = |w: &[String]| w[..w.len().saturating_sub(1)].join(" ");
        let (ra, rb) = (rest(&wa), rest(&wb));
        ra.split(' ')
            .zip(rb.split(' '))
            .map(|(x, y)| compare_words(x, y))
            .find(|o| o.is_ne())
            .unwrap_or(ra.len().cmp(&rb.len()))
    })
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
