//! People of the roster: công chức, viên chức, người lao động.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::agency::UnitId;
use crate::source::Source;

/// Index of a person in [`super::Dataset::people`].
pub type PersonId = usize;

/// Where a person belongs: a unit, or the agency's leadership (Giám đốc, Phó Giám đốc),
/// who are rated by the province and stand outside the units' meetings and quotas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Membership {
    Leadership,
    Unit(UnitId),
}

impl Membership {
    pub fn unit(self) -> Option<UnitId> {
        match self {
            Membership::Unit(id) => Some(id),
            Membership::Leadership => None,
        }
    }
}

/// The name of the leadership pseudo-unit as rosters write it.
pub const LEADERSHIP_NAME: &str = "Lãnh đạo Sở";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Birth {
    Date(NaiveDate),
    Year(i32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gender {
    Male,
    Female,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Category {
    /// công chức
    CivilServant,
    /// viên chức
    PublicEmployee,
    /// người lao động (HĐLĐ, HĐ 111, hợp đồng)
    Worker,
}

impl Category {
    pub fn name_vi(self) -> &'static str {
        match self {
            Category::CivilServant => "Công chức",
            Category::PublicEmployee => "Viên chức",
            Category::Worker => "Người lao động",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DisciplineKind {
    Party,
    Administrative,
    /// đoàn thể: outside NĐ90 Art 2 cl.5, reported but not a cap.
    Mass,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discipline {
    /// The sanction as written (khiển trách, cảnh cáo...).
    pub sanction: String,
    pub kind: Option<DisciplineKind>,
    /// NĐ90 Art 2 cl.5 b/c: the act was already counted; no cap this year.
    pub exempt: bool,
    /// The decision's number and date as written after "Quyết định số"
    /// ("14-QĐ/ĐU ngày 22/6/2023"), from its own column or found in the note.
    pub decision: Option<String>,
    /// The legal basis of the exception, read from the roster (a clerk's
    /// "điểm b k5 đ2 NĐ90"); documents print [`super::citation::discipline_exception`] without one.
    pub basis: Option<super::citation::Citation>,
    /// Whether the act was related to public duty (from 2025, Luật 80/2025 Art 38 cl.4:
    /// discipline for an act unrelated to public duty does not count for the rating of
    /// cán bộ and công chức). `None` where the roster does not say.
    pub duty_related: Option<bool>,
}

/// The number and date of a decision in free text: "Khiển trách theo QĐ số 14-QĐ/ĐU ngày
/// 22/6/2023 của Đảng ủy Sở" → "14-QĐ/ĐU ngày 22/6/2023". Text that names no "số" is
/// taken whole when it holds a date ("14-QĐ/ĐU ngày 22/6/2023").
pub fn decision_in(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let start = ["quyết định số", "qđ số", "quyết định", "qđ "]
        .iter()
        .find_map(|marker| lower.find(marker).map(|at| at + marker.len()));
    // Lower case keeps the length of Vietnamese letters; `get` keeps a stranger one from panicking.
    let rest = match start.and_then(|at| text.get(at..)) {
        Some(rest) => rest,
        None if lower.contains("ngày") || lower.contains('/') => text,
        None => return None,
    };
    let rest = rest.trim_start_matches([' ', ':']).trim_start_matches("số ").trim_start();
    let lower_rest = rest.to_lowercase();
    let end = [" của ", ";", ")", ",", "("].iter().filter_map(|m| lower_rest.find(m)).min().unwrap_or(rest.len());
    let found = rest[..end].trim().trim_end_matches('.').to_string();
    (!found.is_empty() && found.chars().any(|c| c.is_ascii_digit())).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::decision_in;

    #[test]
    fn decisions_are_found_in_notes() {
        let cases: [(&str, Option<&str>); 6] = [
            ("QĐ 12/QĐ-STP ngày 06/02/2023", Some("12/QĐ-STP ngày 06/02/2023")),
            ("Khiển trách theo QĐ số 14-QĐ/ĐU ngày 22/6/2023 của Đảng ủy Sở", Some("14-QĐ/ĐU ngày 22/6/2023")),
            ("Quyết định số 25/QĐ-STP ngày 10/3/2023", Some("25/QĐ-STP ngày 10/3/2023")),
            ("14-QĐ/ĐU ngày 22/6/2023", Some("14-QĐ/ĐU ngày 22/6/2023")),
            ("Nghỉ ốm dài ngày", None),
            ("Chuyển công tác", None),
        ];
        for (text, expected) in cases {
            assert_eq!(decision_in(text).as_deref(), expected, "{text}");
        }
    }
}

/// A quota group named explicitly in the roster or agency.yaml (else derived by the rules).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct GroupName(pub Box<str>);

#[derive(Clone, Debug, Serialize)]
pub struct Person {
    pub name: Arc<str>,
    pub membership: Membership,
    pub birth: Option<Birth>,
    pub gender: Option<Gender>,
    /// Chức vụ as written; professional titles are kept here too and told apart by the rules.
    pub post: Option<Box<str>>,
    /// Only when the roster says so; the default comes from the unit's type.
    pub category: Option<Category>,
    pub party_member: bool,
    /// Boxed: most people have none, and an absent box is one word, not 128 bytes.
    pub discipline: Option<Box<Discipline>>,
    pub maternity: bool,
    /// As [`WorkTime::held`] keeps it: read it with [`Person::work_time`].
    pub work_time: Option<Box<WorkTime>>,
    pub group: Option<GroupName>,
    pub note: Option<Box<str>>,
    /// Blanks to fill by hand on the party forms where the roster has no such column.
    pub party_posts: Option<Box<PartyPosts>>,
    pub source: Source,
}

/// Chức vụ Đảng, chức vụ đoàn thể and the chi bộ, for the party forms (HD 25: 02A/02B),
/// as a roster's columns or a meeting file give them. Held boxed, and only when one is
/// given: most rosters have no such column, and an absent box is one word where the
/// three were 48 bytes, on a person and on a review (90 MB at a million people).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyPosts {
    pub party_post: Option<Box<str>>,
    pub mass_post: Option<Box<str>>,
    pub party_cell: Option<Box<str>>,
}

/// The year's time at work, as the roster's columns give it. Held boxed on a person,
/// and only when a column says something: most rosters have no such column, and an
/// absent box is one word where the three were 48 bytes (46 MB at a million people).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkTime {
    /// Months worked in the year (default 12).
    pub months_worked: Option<f64>,
    /// Legal leave other than maternity, in months (days ÷ 30, unrounded).
    pub leave_months: Option<f64>,
    /// The same leave as the roster counted it, when it counted days: documents print
    /// what the clerk wrote, never months turned into days.
    pub leave_days: Option<f64>,
}

/// What a person the roster says nothing of the time at work of has.
static NO_WORK_TIME: WorkTime = WorkTime { months_worked: None, leave_months: None, leave_days: None };

impl WorkTime {
    /// The time as held: boxed, or `None` when the roster said nothing of it.
    pub fn held(self) -> Option<Box<WorkTime>> {
        (self != NO_WORK_TIME).then(|| Box::new(self))
    }
}

impl Person {
    /// The year's time at work, every part absent if the roster said nothing of it.
    pub fn work_time(&self) -> &WorkTime {
        self.work_time.as_deref().unwrap_or(&NO_WORK_TIME)
    }
}

/// What a person or a review without party posts has.
static NO_PARTY_POSTS: PartyPosts = PartyPosts { party_post: None, mass_post: None, party_cell: None };

impl PartyPosts {
    /// The posts as held: boxed, or `None` when none is given.
    pub fn held(self) -> Option<Box<PartyPosts>> {
        (self != NO_PARTY_POSTS).then(|| Box::new(self))
    }

    /// The posts of `held` (as [`PartyPosts::held`] made it), every one absent if none.
    pub fn of(held: &Option<Box<PartyPosts>>) -> &PartyPosts {
        held.as_deref().unwrap_or(&NO_PARTY_POSTS)
    }
}
