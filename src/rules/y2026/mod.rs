//! The 2026 rule set: công chức under NĐ 335/2025 (in force 01/01/2026, text partly
//! seen), viên chức and public service units under NĐ 233/2026 (in force 01/7/2026, read
//! in full) with its fallback to NĐ 90/48 for a unit without its own rating rules, and
//! the party side under QĐ 366-QĐ/TW and HD 43-HD/BTCTW (`notes/legal-notes-2025-2026.md`
//! §1, §2, §6, §7 N4–N13).

mod legal;

use super::Rule;
use super::procedure::{self, meeting};
use super::rating::{self, ceilings, person, unit};
use crate::findings::Severity::{Error, Info};

/// The rules about ratings; those of scores ([`SCORED`]) and of the procedure
/// ([`PROCEDURE`]) follow them.
pub const RULES: &[Rule] = &[
    Rule { id: "QUOTA_GROUP", severity: Error, legal: legal::QUOTA_GROUP, check: ceilings::quota_group_2026 },
    Rule { id: "QUOTA_UNIT_GROUP", severity: Error, legal: legal::QUOTA_UNIT_GROUP, check: ceilings::quota_unit_group },
    Rule {
        id: "QUOTA_PUBLIC_UNITS",
        severity: Error,
        legal: legal::QUOTA_PUBLIC_UNITS,
        check: ceilings::quota_public_units,
    },
    Rule { id: "DISCIPLINE", severity: Error, legal: legal::DISCIPLINE, check: person::discipline },
    Rule { id: "UNDER_SIX_MONTHS", severity: Error, legal: legal::UNDER_SIX_MONTHS, check: person::under_six_months },
    Rule { id: "LEAVE_WORKED_TIME", severity: Info, legal: legal::LEAVE_WORKED_TIME, check: person::leave_worked_time },
    Rule { id: "LEAVE_CAP", severity: Error, legal: legal::LEAVE_CAP, check: person::leave_cap },
    Rule { id: "MATERNITY", severity: Info, legal: legal::MATERNITY, check: person::maternity },
    Rule { id: "HEAD_ABOVE_UNIT", severity: Error, legal: legal::HEAD_ABOVE_UNIT, check: unit::head_above_unit },
    Rule {
        id: "COLLECTIVE_DISCIPLINE",
        severity: Error,
        legal: legal::COLLECTIVE_DISCIPLINE,
        check: unit::collective_discipline,
    },
    Rule { id: "RULES_FALLBACK", severity: Info, legal: legal::RULES_FALLBACK, check: unit::rules_fallback },
];

/// The procedure, each rule grounded in the 2026 cycle's texts.
pub const PROCEDURE: [Rule; 11] = procedure::rules(procedure::Sources {
    member_not_reviewed: legal::MEMBER_NOT_REVIEWED,
    review_order: legal::REVIEW_ORDER,
    head_chair: legal::HEAD_CHAIR,
    quorum: meeting::QUORUM_LEGAL,
    votes_exceed: meeting::VOTES_EXCEED_LEGAL,
    vote_basis: meeting::VOTE_BASIS_LEGAL,
    absent_reason: legal::ABSENT_REASON,
    late_meeting: legal::LATE_MEETING,
    dossier_incomplete: legal::DOSSIER_INCOMPLETE,
    ballot: legal::BALLOT,
    no_final_rating: legal::NO_FINAL_RATING,
});

/// The rules of scores and of duty-related discipline, grounded in the 2026 cycle's texts.
pub const SCORED: [Rule; 8] = rating::scored(rating::ScoreSources {
    khtnv_grounds: legal::KHTNV_GROUNDS,
    discipline_duty: legal::DISCIPLINE_DUTY,
    score_missing: legal::SCORE_MISSING,
    score_range: legal::SCORE_RANGE,
    score_periods: legal::SCORE_PERIODS,
    score_level: legal::SCORE_LEVEL,
    party_conditions: legal::PARTY_CONDITIONS,
});
