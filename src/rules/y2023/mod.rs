//! The 2023 rule set (rules.md), built on Plan 2023 of Sở Nội vụ Quảng Ngãi, NĐ 90/2020
//! as amended by NĐ 48/2023, QĐ 124-QĐ/TW and the Law on Public Employees.

use super::Rule;
use super::procedure;
use super::rating::{person, quota, unit};
use crate::findings::Severity::{Error, Info};

/// The rules about ratings; the procedure's follow them ([`PROCEDURE`]).
pub const RULES: &[Rule] = &[
    Rule { id: "QUOTA_UNIT", severity: Error, legal: quota::QUOTA_UNIT_LEGAL, check: quota::quota_unit },
    Rule { id: "QUOTA_GROUP", severity: Error, legal: quota::QUOTA_GROUP_LEGAL, check: quota::quota_group },
    Rule { id: "DISCIPLINE", severity: Error, legal: person::DISCIPLINE_LEGAL, check: person::discipline },
    Rule { id: "UNDER_SIX_MONTHS", severity: Error, legal: person::UNDER_SIX_LEGAL, check: person::under_six_months },
    Rule { id: "LEAVE_CAP", severity: Error, legal: person::LEAVE_CAP_LEGAL, check: person::leave_cap },
    Rule { id: "MATERNITY", severity: Info, legal: person::MATERNITY_LEGAL, check: person::maternity },
    Rule { id: "HEAD_ABOVE_UNIT", severity: Error, legal: unit::HEAD_ABOVE_LEGAL, check: unit::head_above_unit },
    Rule {
        id: "COLLECTIVE_DISCIPLINE",
        severity: Error,
        legal: unit::COLLECTIVE_DISCIPLINE_LEGAL,
        check: unit::collective_discipline,
    },
];

/// The procedure, with the 2023 plan and decrees as its sources.
pub const PROCEDURE: [Rule; 11] = procedure::rules(procedure::SOURCES_2023);
