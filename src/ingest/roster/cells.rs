//! Cell values as hand-made rosters hold them: numbers stored as text, dates as serials
//! or `dd/mm/yyyy`, yes written as `x`, `có` or `1`. Each reader returns a Vietnamese
//! reason when it cannot understand the cell; the caller adds the cell's address.

use calamine::{Data, DataType};
use chrono::{Datelike, NaiveDate};

use crate::ingest::yaml::parse_date;
use crate::model::{Birth, Category, DisciplineKind, Gender};
use crate::text::{clean, fold};

/// The cell as clean text; whole numbers without ".0", dates as dd/mm/yyyy.
pub fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => clean(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => {
            if *b {
                "x".into()
            } else {
                String::new()
            }
        }
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(d) => d.format("%d/%m/%Y").to_string(),
            None => dt.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => clean(s),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Excel error values (#REF!, #N/A...) are never data, whether typed as errors or kept
/// as the cached text of a formula.
pub fn error_value(cell: &Data) -> Option<String> {
    const LITERALS: [&str; 8] = ["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA"];
    match cell {
        Data::Error(e) => Some(format!("{e}")),
        Data::String(s) if LITERALS.contains(&s.trim()) => Some(s.trim().to_string()),
        _ => None,
    }
}

pub fn yes(cell: &Data) -> Result<bool, String> {
    yes_or_no(cell).map(|answer| answer.unwrap_or(false))
}

/// A mark that may also be left unsaid: blank is `None`, "không"/"0" is an explicit no.
/// For a column whose blank must not read as "no" (is a discipline duty-related?).
pub fn yes_or_no(cell: &Data) -> Result<Option<bool>, String> {
    match cell {
        Data::Empty => Ok(None),
        Data::Bool(b) => Ok(Some(*b)),
        Data::Int(i) => Ok(Some(*i != 0)),
        Data::Float(f) => Ok(Some(*f != 0.0)),
        _ => {
            let raw = text(cell);
            if matches!(raw.trim(), "✓" | "✔" | "☑") {
                return Ok(Some(true));
            }
            match fold(&raw).as_str() {
                "" => Ok(None),
                "0" | "khong" | "no" | "k" | "-" => Ok(Some(false)),
                "x" | "co" | "1" | "yes" | "v" | "dv" | "dang vien" | "true" => Ok(Some(true)),
                _ => Err(format!("“{raw}” không phải là đánh dấu có/không; hãy ghi x (có) hoặc để trống (không).")),
            }
        }
    }
}

/// A number, possibly typed as text with a comma decimal ("5,5").
pub fn number(cell: &Data) -> Result<Option<f64>, String> {
    match cell {
        Data::Empty => Ok(None),
        Data::Int(i) => Ok(Some(*i as f64)),
        Data::Float(f) => Ok(Some(*f)),
        _ => {
            let t = text(cell);
            let t = t.trim();
            if t.is_empty() || t == "-" {
                return Ok(None);
            }
            t.replace(',', ".").parse::<f64>().map(Some).map_err(|_| format!("“{t}” không phải là một số."))
        }
    }
}

/// A birth date: an Excel date, a serial number, `dd/mm/yyyy` text, or a year.
pub fn birth(cell: &Data, year_only: bool) -> Result<Option<Birth>, String> {
    let from_year = |y: i64| -> Result<Option<Birth>, String> {
        if (1900..=2100).contains(&y) {
            Ok(Some(Birth::Year(y as i32)))
        } else {
            Err(format!("Năm sinh “{y}” không hợp lệ."))
        }
    };
    match cell {
        Data::Empty => Ok(None),
        Data::DateTime(dt) => dt
            .as_datetime()
            .map(|d| Some(date_or_year(d.date(), year_only)))
            .ok_or_else(|| "Ngày sinh không hợp lệ.".into()),
        Data::Int(i) if year_only || (1900..=2100).contains(i) => from_year(*i),
        Data::Float(f) if f.fract() == 0.0 && (year_only || (1900.0..=2100.0).contains(f)) => from_year(*f as i64),
        Data::Int(_) | Data::Float(_) => {
            let serial = cell.as_f64().unwrap_or_default();
            serial_to_date(serial)
                .map(|d| Some(date_or_year(d, year_only)))
                .ok_or_else(|| format!("“{serial}” không phải là ngày sinh."))
        }
        _ => {
            let t = text(cell);
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
                return from_year(t.parse().unwrap_or_default());
            }
            parse_date(t).map(|d| Some(date_or_year(d, year_only)))
        }
    }
}

fn date_or_year(date: NaiveDate, year_only: bool) -> Birth {
    if year_only { Birth::Year(date.year()) } else { Birth::Date(date) }
}

/// Excel's 1900 date system (with its phantom 29/02/1900, hence the 1899-12-30 epoch).
fn serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(serial.trunc() as u64))
}

pub fn gender(text: &str) -> Result<Option<Gender>, String> {
    match fold(text).as_str() {
        "" => Ok(None),
        "nam" | "m" | "male" => Ok(Some(Gender::Male)),
        "nu" | "f" | "female" => Ok(Some(Gender::Female)),
        _ => Err(format!("“{text}” không phải là giới tính (Nam/Nữ).")),
    }
}

pub fn category(text: &str) -> Result<Option<Category>, String> {
    let t = fold(text);
    let t = t.as_str();
    let category = match t {
        "" => return Ok(None),
        "cc" | "cong chuc" | "cbcc" | "can bo cong chuc" => Category::CivilServant,
        "vc" | "vien chuc" => Category::PublicEmployee,
        "nld" | "nguoi lao dong" | "lao dong" | "hdld" | "hd" => Category::Worker,
        _ if t.starts_with("hop dong") || t.starts_with("hd ") || t.starts_with("hd1") || t.starts_with("hd6") => {
            Category::Worker
        }
        _ => {
            return Err(format!(
                "“{text}” không phải là đối tượng; hãy ghi CC (công chức), VC (viên chức) hoặc NLĐ/HĐLĐ (người lao động)."
            ));
        }
    };
    Ok(Some(category))
}

pub fn discipline_kind(text: &str) -> Result<Option<DisciplineKind>, String> {
    let t = fold(text);
    if t.is_empty() {
        Ok(None)
    } else if t.contains("dang") {
        Ok(Some(DisciplineKind::Party))
    } else if t.contains("hanh chinh") || t.contains("chinh quyen") || t == "hc" {
        Ok(Some(DisciplineKind::Administrative))
    } else if t.contains("doan") {
        Ok(Some(DisciplineKind::Mass))
    } else {
        Err(format!("“{text}” không phải là loại kỷ luật (đảng, hành chính hoặc đoàn thể)."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_marks() {
        for v in ["x", "X", "có", "Có", "1", "ĐV", "✓"] {
            assert_eq!(yes(&Data::String(v.into())), Ok(true), "{v}");
        }
        assert_eq!(yes(&Data::Empty), Ok(false));
        assert_eq!(yes(&Data::Int(1)), Ok(true));
        assert!(yes(&Data::String("hình như".into())).is_err());
        assert_eq!(yes_or_no(&Data::Empty), Ok(None));
        assert_eq!(yes_or_no(&Data::String("không".into())), Ok(Some(false)));
        assert_eq!(yes_or_no(&Data::String("Có".into())), Ok(Some(true)));
    }

    #[test]
    fn numbers_as_text() {
        assert_eq!(number(&Data::String(" 5,5 ".into())), Ok(Some(5.5)));
        assert_eq!(number(&Data::String("12".into())), Ok(Some(12.0)));
        assert!(number(&Data::String("mười".into())).is_err());
    }

    #[test]
    fn births_in_every_form() {
        let d = NaiveDate::from_ymd_opt(1985, 3, 7).unwrap();
        assert_eq!(birth(&Data::String("07/03/1985".into()), false), Ok(Some(Birth::Date(d))));
        assert_eq!(birth(&Data::Float(31113.0), false), Ok(Some(Birth::Date(d))));
        assert_eq!(birth(&Data::Int(1985), false), Ok(Some(Birth::Year(1985))));
        assert_eq!(birth(&Data::String("1985".into()), true), Ok(Some(Birth::Year(1985))));
        assert!(birth(&Data::String("31/02/1985".into()), false).is_err());
    }

    #[test]
    fn categories() {
        assert_eq!(category("CC"), Ok(Some(Category::CivilServant)));
        assert_eq!(category("Viên chức"), Ok(Some(Category::PublicEmployee)));
        assert_eq!(category("HĐ 111"), Ok(Some(Category::Worker)));
        assert_eq!(category("HĐLĐ"), Ok(Some(Category::Worker)));
        assert_eq!(category("Hợp đồng"), Ok(Some(Category::Worker)));
        assert!(category("chuyên viên").is_err());
    }
}
