//! Vietnamese conventions for documents: dates in words, the date line and number of
//! Decree 30, rating names, numbers, name order and capitals.

use chrono::{Datelike, NaiveDate};

pub use crate::collate::compare_names;

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

/// "thứ Hai" … "Chủ nhật", as an invitation names the day.
pub fn weekday(date: NaiveDate) -> &'static str {
    match date.weekday() {
        chrono::Weekday::Mon => "thứ Hai",
        chrono::Weekday::Tue => "thứ Ba",
        chrono::Weekday::Wed => "thứ Tư",
        chrono::Weekday::Thu => "thứ Năm",
        chrono::Weekday::Fri => "thứ Sáu",
        chrono::Weekday::Sat => "thứ Bảy",
        chrono::Weekday::Sun => "Chủ nhật",
    }
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
    crate::text::nfc(text).to_uppercase()
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
    fn capitals() {
        assert_eq!(upper("Phòng Công chức, viên chức"), "PHÒNG CÔNG CHỨC, VIÊN CHỨC");
        assert_eq!(upper("đ\u{0065}\u{0323}\u{0302}"), "ĐỆ");
    }
}
