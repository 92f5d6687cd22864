//! Scalar values as clerks write them in YAML: dates, times, ratings, vote tables,
//! document ids. Each rejects what it cannot read with a Vietnamese reason; serde-saphyr
//! adds the line and column. Messages start with `~` so `errors.rs` keeps them as they are.

use std::fmt;

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::model::{DocKind, Fraction, Rating, Votes};

/// Reads a scalar as text whatever YAML typed it as (`2023` → "2023").
fn scalar_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct Text;
    impl Visitor<'_> for Text {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("một giá trị")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
            Ok(v.to_string())
        }
    }
    d.deserialize_any(Text)
}

/// A date: `2023-11-17` (YAML style) or `17/11/2023` (Vietnamese style).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YDate(pub NaiveDate);

impl<'de> Deserialize<'de> for YDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = scalar_text(d)?;
        parse_date(&text).map(YDate).map_err(|why| de::Error::custom(format!("~{why}")))
    }
}

/// Parses `yyyy-mm-dd`, `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`; says why it cannot.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    let parts: Vec<&str> = t.split(['-', '/', '.']).map(str::trim).collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse::<u32>().ok()).collect();
    let (y, m, d) = match (parts.as_slice(), numbers) {
        ([y, _, _], Some(n)) if y.len() == 4 => (n[0] as i32, n[1], n[2]),
        ([_, _, y], Some(n)) if y.len() == 4 => (n[2] as i32, n[1], n[0]),
        _ => {
            return Err(format!("“{t}” không phải là ngày; hãy viết theo dạng 2023-11-17 hoặc 17/11/2023."));
        }
    };
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("Ngày {d:02}/{m:02}/{y} không có thật trong lịch."))
}

/// A time of day: `14:00`, `14h00`, `14h`, `14 giờ 30`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YTime(pub NaiveTime);

impl<'de> Deserialize<'de> for YTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = scalar_text(d)?;
        parse_time(&text).map(YTime).map_err(|why| de::Error::custom(format!("~{why}")))
    }
}

pub fn parse_time(text: &str) -> Result<NaiveTime, String> {
    let t = text.trim().to_lowercase().replace("giờ", "h").replace("phút", "").replace(' ', "");
    let (h, m) = t.split_once([':', 'h']).unwrap_or((&t, "0"));
    let m = if m.is_empty() { "0" } else { m };
    match (h.parse::<u32>(), m.parse::<u32>()) {
        (Ok(h), Ok(m)) => NaiveTime::from_hms_opt(h, m, 0)
            .ok_or_else(|| format!("Giờ “{}” không hợp lệ (giờ 0–23, phút 0–59).", text.trim())),
        _ => Err(format!("“{}” không phải là giờ; hãy viết theo dạng 14:00.", text.trim())),
    }
}

/// A rating in any accepted spelling (inputs.md, Ratings).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YRating(pub Rating);

impl<'de> Deserialize<'de> for YRating {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = scalar_text(d)?;
        Rating::parse(&text).map(YRating).ok_or_else(|| {
            de::Error::custom(format!(
                "~Không hiểu mức xếp loại “{}”; các cách viết được chấp nhận: {}.",
                text.trim(),
                Rating::accepted_spellings()
            ))
        })
    }
}

/// A vote table `{ HTXSNV: 5, HTTNV: 2 }`: keys in any rating spelling, KXL refused
/// (nobody votes "not rated"), each level at most once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct YVotes(pub Votes);

impl<'de> Deserialize<'de> for YVotes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct VotesVisitor;
        impl<'de> Visitor<'de> for VotesVisitor {
            type Value = YVotes;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("một bảng số phiếu như { HTXSNV: 1, HTTNV: 6, HTNV: 0, KHTNV: 0 }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<YVotes, A::Error> {
                let mut votes = Votes::default();
                let mut seen = [false; 4];
                while let Some(YRating(rating)) = map.next_key::<YRating>()? {
                    let count: i64 = map.next_value()?;
                    let count = i32::try_from(count).map_err(|_| {
                        de::Error::custom(format!(
                            "~Số phiếu {count} không thể có ở một cuộc họp; hãy ghi lại cho đúng."
                        ))
                    })?;
                    let Some(i) = rating.level_index() else {
                        return Err(de::Error::custom(
                            "~Không biểu quyết mức “Không xếp loại”; chỉ ghi số phiếu cho HTXSNV, HTTNV, HTNV, KHTNV.",
                        ));
                    };
                    if seen[i] {
                        return Err(de::Error::custom(format!(
                            "~Mức {} được ghi hai lần trong bảng phiếu.",
                            rating.code()
                        )));
                    }
                    seen[i] = true;
                    votes.set(rating, count);
                }
                Ok(YVotes(votes))
            }
        }
        d.deserialize_map(VotesVisitor)
    }
}

/// A document id of outputs.md (`unit_minutes`, `agency_report`...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct YDocKind(pub DocKind);

impl<'de> Deserialize<'de> for YDocKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = scalar_text(d)?;
        DocKind::from_id(text.trim()).map(YDocKind).ok_or_else(|| {
            let ids: Vec<&str> = DocKind::ALL.iter().map(|k| k.id()).collect();
            de::Error::custom(format!("~Không có loại văn bản “{}”; các loại: {}.", text.trim(), ids.join(", ")))
        })
    }
}

/// A share such as `2/3`, `0.67` or `67%`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YFraction(pub Fraction);

impl<'de> Deserialize<'de> for YFraction {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = scalar_text(d)?;
        parse_fraction(&text).map(YFraction).ok_or_else(|| {
            de::Error::custom(format!("~“{}” không phải là một tỷ lệ; hãy viết như 2/3 hoặc 0.67.", text.trim()))
        })
    }
}

fn parse_fraction(text: &str) -> Option<Fraction> {
    let t = text.trim().replace(',', ".");
    let fraction = if let Some((n, d)) = t.split_once('/') {
        Fraction { numerator: n.trim().parse().ok()?, denominator: d.trim().parse().ok()? }
    } else if let Some(p) = t.strip_suffix('%') {
        let p: f64 = p.trim().parse().ok()?;
        Fraction { numerator: (p * 10.0).round() as u32, denominator: 1000 }
    } else {
        let x: f64 = t.parse().ok()?;
        Fraction { numerator: (x * 1000.0).round() as u32, denominator: 1000 }
    };
    (fraction.denominator > 0 && fraction.numerator <= fraction.denominator).then_some(fraction)
}

/// A list left empty (`guests:` with nothing after it, as a prepared meeting file has
/// it) is no entries, not a wrong type.
pub fn null_as_empty<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// A registry number written as text or as a bare number; blank means not yet issued.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YText(pub String);

impl<'de> Deserialize<'de> for YText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        scalar_text(d).map(YText)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_styles_and_impossible_ones() {
        let d = NaiveDate::from_ymd_opt(2023, 11, 17).unwrap();
        assert_eq!(parse_date("2023-11-17"), Ok(d));
        assert_eq!(parse_date("17/11/2023"), Ok(d));
        assert_eq!(parse_date("17.11.2023"), Ok(d));
        assert_eq!(parse_date("31/02/2023").unwrap_err(), "Ngày 31/02/2023 không có thật trong lịch.");
        assert!(parse_date("hôm qua").is_err());
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("14:00"), Ok(NaiveTime::from_hms_opt(14, 0, 0).unwrap()));
        assert_eq!(parse_time("7h30"), Ok(NaiveTime::from_hms_opt(7, 30, 0).unwrap()));
        assert_eq!(parse_time("14 giờ"), Ok(NaiveTime::from_hms_opt(14, 0, 0).unwrap()));
        assert!(parse_time("25:00").is_err());
    }

    #[test]
    fn fractions() {
        assert_eq!(parse_fraction("2/3"), Some(Fraction { numerator: 2, denominator: 3 }));
        assert_eq!(parse_fraction("0.5"), Some(Fraction { numerator: 500, denominator: 1000 }));
        assert_eq!(parse_fraction("3/2"), None);
    }
}
