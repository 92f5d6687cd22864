//! People of the roster: công chức, viên chức, người lao động.

use chrono::NaiveDate;
use serde::Serialize;

use super::agency::UnitId;
use crate::source::Source;

/// Index of a person in [`super::Dataset::people`].
pub type PersonId = usize;

/// Where a person belongs: a unit, or the agency's leadership (Giám đốc, Phó Giám đốc),
/// who are rated by the province and stand outside the units' meetings and quotas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Birth {
    Date(NaiveDate),
    Year(i32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Gender {
    Male,
    Female,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum DisciplineKind {
    Party,
    Administrative,
    /// đoàn thể: outside NĐ90 Art 2 cl.5, reported but not a cap.
    Mass,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Discipline {
    /// The sanction as written (khiển trách, cảnh cáo...).
    pub sanction: String,
    pub kind: Option<DisciplineKind>,
    /// NĐ90 Art 2 cl.5 b/c: the act was already counted; no cap this year.
    pub exempt: bool,
}

/// A quota group named explicitly in the roster or agency.yaml (else derived by the rules).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct GroupName(pub String);

#[derive(Clone, Debug, Serialize)]
pub struct Person {
    pub name: String,
    pub membership: Membership,
    pub birth: Option<Birth>,
    pub gender: Option<Gender>,
    /// Chức vụ as written; professional titles are kept here too and told apart by the rules.
    pub post: Option<String>,
    /// Only when the roster says so; the default comes from the unit's type.
    pub category: Option<Category>,
    pub party_member: bool,
    pub discipline: Option<Discipline>,
    /// Months worked in the year, when the roster gives it (default 12).
    pub months_worked: Option<f64>,
    pub maternity: bool,
    /// Legal leave other than maternity, in months (days ÷ 30, unrounded).
    pub leave_months: Option<f64>,
    /// The same leave as the roster counted it, when it counted days: documents print
    /// what the clerk wrote, never months turned into days.
    pub leave_days: Option<f64>,
    pub group: Option<GroupName>,
    pub note: Option<String>,
    /// Chức vụ Đảng, chức vụ đoàn thể and the chi bộ, for the party forms (HD 25: 02A/02B);
    /// blanks to fill by hand where the roster has no such column.
    pub party_post: Option<String>,
    pub mass_post: Option<String>,
    pub party_cell: Option<String>,
    pub source: Source,
}
