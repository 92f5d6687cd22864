//! Rating levels (mức xếp loại) and how clerks spell them.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::fold;

/// A rating; the derived order is the legal order, best first (HTXSNV > HTTNV > HTNV > KHTNV),
/// with KXL (not rated) last because it is not a level at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rating {
    #[serde(rename = "HTXSNV")]
    Excellent,
    #[serde(rename = "HTTNV")]
    Good,
    #[serde(rename = "HTNV")]
    Completed,
    #[serde(rename = "KHTNV")]
    NotCompleted,
    #[serde(rename = "KXL")]
    NotRated,
}

impl Rating {
    /// The four levels, best first; votes are cast on these.
    pub const LEVELS: [Rating; 4] = [Rating::Excellent, Rating::Good, Rating::Completed, Rating::NotCompleted];
    pub const ALL: [Rating; 5] =
        [Rating::Excellent, Rating::Good, Rating::Completed, Rating::NotCompleted, Rating::NotRated];

    pub fn code(self) -> &'static str {
        match self {
            Rating::Excellent => "HTXSNV",
            Rating::Good => "HTTNV",
            Rating::Completed => "HTNV",
            Rating::NotCompleted => "KHTNV",
            Rating::NotRated => "KXL",
        }
    }

    pub fn full_name(self) -> &'static str {
        match self {
            Rating::Excellent => "Hoàn thành xuất sắc nhiệm vụ",
            Rating::Good => "Hoàn thành tốt nhiệm vụ",
            Rating::Completed => "Hoàn thành nhiệm vụ",
            Rating::NotCompleted => "Không hoàn thành nhiệm vụ",
            Rating::NotRated => "Không xếp loại",
        }
    }

    /// Index among [`Rating::LEVELS`]; `None` for KXL.
    pub fn level_index(self) -> Option<usize> {
        Rating::LEVELS.iter().position(|r| *r == self)
    }

    /// `true` if `self` is a strictly better level than `other` (KXL is never better or worse).
    pub fn is_above(self, other: Rating) -> bool {
        match (self.level_index(), other.level_index()) {
            (Some(a), Some(b)) => a < b,
            _ => false,
        }
    }

    /// Every accepted spelling (inputs.md): the code, the code without "NV", the full name
    /// in any case with or without diacritics.
    pub fn parse(s: &str) -> Option<Rating> {
        // The code as it is, in any case: nearly every rating of every meeting file, read
        // before the spelling is folded (folding them was 3% of a check's CPU).
        let code = Rating::ALL.into_iter().find(|r| s.trim().eq_ignore_ascii_case(r.code()));
        code.or_else(|| Rating::spelled(&fold(s)))
    }

    /// The rating whose code, code without "NV" or full name `key` is, folded.
    fn spelled(key: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| {
            let code = r.code().to_lowercase();
            key == code
                || key == code.trim_end_matches("nv")
                || key == fold(r.full_name())
                || (*r == Rating::NotRated && key == "khong xep loai")
        })
    }

    /// What to tell a clerk whose spelling was not understood.
    pub fn accepted_spellings() -> &'static str {
        "HTXSNV, HTTNV, HTNV, KHTNV, KXL (hoặc HTXS, HTT, HT, KHT, hoặc tên đầy đủ như “Hoàn thành tốt nhiệm vụ”)"
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_parses() {
        let cases = [
            ("HTXSNV", Rating::Excellent),
            ("htxs", Rating::Excellent),
            ("Hoàn thành xuất sắc nhiệm vụ", Rating::Excellent),
            ("HTT", Rating::Good),
            ("hoan thanh tot nhiem vu", Rating::Good),
            ("HT", Rating::Completed),
            ("HTNV", Rating::Completed),
            ("KHT", Rating::NotCompleted),
            ("KHÔNG HOÀN THÀNH NHIỆM VỤ", Rating::NotCompleted),
            ("KXL", Rating::NotRated),
            ("Không xếp loại", Rating::NotRated),
        ];
        for (text, want) in cases {
            assert_eq!(Rating::parse(text), Some(want), "{text}");
        }
        assert_eq!(Rating::parse("tốt"), None);
        assert_eq!(Rating::parse(""), None);
        // A code read as it is reads as its folded spelling does.
        for rating in Rating::ALL {
            for text in [rating.code().to_string(), format!(" {} ", rating.code().to_lowercase())] {
                assert_eq!(Rating::parse(&text), Some(rating), "{text:?}");
                assert_eq!(Rating::spelled(&fold(&text)), Some(rating), "{text:?}");
            }
        }
    }

    #[test]
    fn order_is_legal_order() {
        assert!(Rating::Excellent.is_above(Rating::Good));
        assert!(Rating::Good.is_above(Rating::NotCompleted));
        assert!(!Rating::NotRated.is_above(Rating::NotCompleted));
        assert!(!Rating::Good.is_above(Rating::NotRated));
    }
}
