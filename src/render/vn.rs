//! Vietnamese conventions for documents: dates in words, the date line and number of
//! Decree 30, rating names, numbers, name order and capitals.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

/// Day with a leading zero under 10; month with a leading zero for 1 and 2 only
/// (Decree 30/2020, Phụ lục I: "ngày 05 tháng 01 năm 2024", "ngày 25 tháng 11").
pub fn day_month(date: NaiveDate) -> (String, String) {
    let month = if date.month() <= 2 { format!("{:02}", date.month()) } else { date.month().to_string() };
    (format!("{:02}", date.day()), month)
}

/// "ngày 05 tháng 01 năm 2024".
pub fn date_words(date: NaiveDate) -> String {
    let (d, m) = day_month(date);
    format!("ngày {d} tháng {m} năm {}", date.year())
}

/// The date line: "Quảng Ngãi, ngày 05 tháng 01 năm 2024", or with blanks for the
/// registry to fill by hand ("Quảng Ngãi, ngày      tháng 11 năm 2023").
pub fn date_line(place: &str, date: Option<NaiveDate>, month: Option<u32>, year: Option<i32>) -> String {
    const BLANK: &str = "      ";
    let words = match date {
        Some(date) => date_words(date),
        None => {
            let month = month.map_or(BLANK.to_string(), |m| if m <= 2 { format!("{m:02}") } else { m.to_string() });
            let year = year.map_or(BLANK.to_string(), |y| y.to_string());
            format!("ngày{BLANK}tháng {month} năm {year}")
        }
    };
    if place.is_empty() { words } else { format!("{place}, {words}") }
}

/// "Số: 05/BB-SNV", or "Số:      /BC-SNV" before the registry gives the number.
pub fn number_line(number: Option<&str>, symbol: &str) -> String {
    match number.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => {
            let n = match n.parse::<u32>() {
                Ok(v) if v < 10 => format!("{v:02}"),
                _ => n.to_string(),
            };
            format!("Số: {n}/{symbol}")
        }
        None => format!("Số:        /{symbol}"),
    }
}

/// Capitals correct for Vietnamese: NFC first, so a decomposed "ệ" upper-cases to "Ệ".
pub fn upper(text: &str) -> String {
    text.nfc().collect::<String>().to_uppercase()
}

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

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn leading_zeros_of_decree_30() {
        assert_eq!(date_words(d(2024, 1, 5)), "ngày 05 tháng 01 năm 2024");
        assert_eq!(date_words(d(2023, 2, 15)), "ngày 15 tháng 02 năm 2023");
        assert_eq!(date_words(d(2023, 3, 9)), "ngày 09 tháng 3 năm 2023");
        assert_eq!(date_words(d(2023, 11, 25)), "ngày 25 tháng 11 năm 2023");
        assert_eq!(date_line("Quảng Ngãi", None, Some(11), Some(2023)), "Quảng Ngãi, ngày      tháng 11 năm 2023");
        assert_eq!(number_line(Some("5"), "BB-SNV"), "Số: 05/BB-SNV");
        assert_eq!(number_line(Some("86"), "BB-SNV"), "Số: 86/BB-SNV");
        assert_eq!(number_line(None, "BC-SNV"), "Số:        /BC-SNV");
    }

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

    #[test]
    fn capitals() {
        assert_eq!(upper("Phòng Công chức, viên chức"), "PHÒNG CÔNG CHỨC, VIÊN CHỨC");
        assert_eq!(upper("đ\u{0065}\u{0323}\u{0302}"), "ĐỆ");
    }
}
