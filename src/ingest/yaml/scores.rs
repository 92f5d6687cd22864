//! Scores as clerks write them (inputs.md, "Cycles after 2023: scores"): a year score
//! `{ general: 27, tasks: 64.5 }` or a bare total `91`, period scores keyed `M1`..`M12` or
//! `Q1`..`Q4`, and the party side's task conditions. Numbers may be typed as text with a
//! comma decimal ("27,5"). Ranges are not judged here: a score out of range is a rule
//! finding on that review, not a file the clerk cannot get read.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;

use crate::model::{PeriodKind, Points};

/// A number, or a number written as text with a comma or dot decimal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YNumber(pub f64);

impl<'de> Deserialize<'de> for YNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct NumberVisitor;
        impl Visitor<'_> for NumberVisitor {
            type Value = YNumber;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("một số điểm như 27 hoặc 64,5")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<YNumber, E> {
                Ok(YNumber(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<YNumber, E> {
                Ok(YNumber(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<YNumber, E> {
                Ok(YNumber(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<YNumber, E> {
                v.trim().replace(',', ".").parse::<f64>().ok().filter(|n| n.is_finite()).map(YNumber).ok_or_else(|| {
                    E::custom(format!("~“{}” không phải là số điểm; hãy viết như 27 hoặc 64,5.", v.trim()))
                })
            }
        }
        d.deserialize_any(NumberVisitor)
    }
}

/// A score: `{ general: 27, tasks: 64.5 }` or a total `91`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YPoints(pub Points);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SplitFields {
    general: YNumber,
    tasks: YNumber,
}

impl<'de> Deserialize<'de> for YPoints {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Total(YNumber),
            Split(SplitFields),
        }
        match Either::deserialize(d) {
            Ok(Either::Total(total)) => Ok(YPoints(Points::Total(total.0))),
            Ok(Either::Split(split)) => Ok(YPoints(Points::Split { general: split.general.0, tasks: split.tasks.0 })),
            Err(_) => Err(de::Error::custom(
                "~Điểm phải là tổng điểm (ví dụ 91) hoặc hai phần { general: 27, tasks: 64.5 } \
                 (tiêu chí chung tối đa 30, kết quả thực hiện nhiệm vụ tối đa 70).",
            )),
        }
    }
}

/// A period key: `M1`..`M12` (month) or `Q1`..`Q4` (quarter), any case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YPeriod {
    pub kind: PeriodKind,
    pub index: u8,
}

impl<'de> Deserialize<'de> for YPeriod {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_period(&text).ok_or_else(|| {
            de::Error::custom(format!(
                "~“{}” không phải là kỳ chấm điểm; hãy ghi tháng M1 đến M12 hoặc quý Q1 đến Q4.",
                text.trim()
            ))
        })
    }
}

fn parse_period(text: &str) -> Option<YPeriod> {
    let t = text.trim().to_uppercase();
    let (kind, digits) = match t.split_at_checked(1)? {
        ("M", rest) => (PeriodKind::Month, rest),
        ("Q", rest) => (PeriodKind::Quarter, rest),
        _ => return None,
    };
    let index: u8 = digits.parse().ok()?;
    (1..=kind.per_year()).contains(&index).then_some(YPeriod { kind, index })
}

/// `periods:` in the order written, each key and score with its place.
#[derive(Debug, Default)]
pub struct YPeriods(pub Vec<(Spanned<YPeriod>, Spanned<YPoints>)>);

impl<'de> Deserialize<'de> for YPeriods {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PeriodsVisitor;
        impl<'de> Visitor<'de> for PeriodsVisitor {
            type Value = YPeriods;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("các kỳ chấm điểm như { Q1: 90, Q2: { general: 28, tasks: 63 } }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<YPeriods, A::Error> {
                let mut periods: Vec<(Spanned<YPeriod>, Spanned<YPoints>)> = Vec::new();
                while let Some(key) = map.next_key::<Spanned<YPeriod>>()? {
                    let points = map.next_value::<Spanned<YPoints>>()?;
                    if let Some((first, _)) = periods.first()
                        && first.value.kind != key.value.kind
                    {
                        return Err(de::Error::custom(
                            "~Không ghi lẫn điểm tháng (M1..M12) với điểm quý (Q1..Q4) cho một người; chọn một cách.",
                        ));
                    }
                    if periods.iter().any(|(k, _)| k.value == key.value) {
                        return Err(de::Error::custom("~Một kỳ chấm điểm được ghi hai lần."));
                    }
                    periods.push((key, points));
                }
                Ok(YPeriods(periods))
            }
        }
        d.deserialize_map(PeriodsVisitor)
    }
}

/// `tasks: { all_done: true, exceeded_percent: 35 }`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TasksDoc {
    #[serde(default)]
    pub all_done: Option<bool>,
    #[serde(default)]
    pub exceeded_percent: Option<YNumber>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Doc {
        score: Option<YPoints>,
        #[serde(default)]
        periods: YPeriods,
    }

    #[test]
    fn scores_in_every_accepted_shape() {
        let doc: Doc = serde_saphyr::from_str("score: { general: 27, tasks: \"64,5\" }\n").unwrap();
        assert_eq!(doc.score, Some(YPoints(Points::Split { general: 27.0, tasks: 64.5 })));
        let doc: Doc =
            serde_saphyr::from_str("score: 91\nperiods:\n  q1: 90\n  Q2: { general: 28, tasks: 63 }\n").unwrap();
        assert_eq!(doc.score, Some(YPoints(Points::Total(91.0))));
        let keys: Vec<(PeriodKind, u8)> = doc.periods.0.iter().map(|(k, _)| (k.value.kind, k.value.index)).collect();
        assert_eq!(keys, [(PeriodKind::Quarter, 1), (PeriodKind::Quarter, 2)]);
    }

    #[test]
    fn bad_periods_are_refused_with_a_reason() {
        for yaml in ["periods: { Q5: 90 }\n", "periods: { M1: 90, Q2: 80 }\n", "periods: { M1: 90, m1: 80 }\n"] {
            assert!(serde_saphyr::from_str::<Doc>(yaml).is_err(), "{yaml}");
        }
        assert!(serde_saphyr::from_str::<Doc>("score: nhiều\n").is_err());
    }
}
