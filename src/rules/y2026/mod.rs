//! The 2026 rule set: công chức under NĐ 335/2025 (in force 01/01/2026, text partly
//! seen), viên chức and public service units under NĐ 233/2026 (in force 01/7/2026, read
//! in full) with its fallback to NĐ 90/48 for a unit without its own rating rules, and
//! the party side under QĐ 366-QĐ/TW and HD 43-HD/BTCTW (`notes/legal-notes-2025-2026.md`
//! §1, §2, §6, §7 N4–N13).

mod legal;

use super::Rule;
use super::procedure::{dossier, meeting};
use super::rating::{ceilings, duty, person, score, unit};
use crate::findings::Severity::{Error, Info, Warning};

pub const RULES: &[Rule] = &[
    Rule { id: "QUOTA_GROUP", severity: Error, legal: legal::QUOTA_GROUP, check: ceilings::quota_group_2026 },
    Rule {
        id: "QUOTA_PUBLIC_UNIT",
        severity: Error,
        legal: legal::QUOTA_PUBLIC_UNIT,
        check: ceilings::quota_public_unit,
    },
    Rule {
        id: "QUOTA_PUBLIC_UNITS",
        severity: Error,
        legal: legal::QUOTA_PUBLIC_UNITS,
        check: ceilings::quota_public_units,
    },
    Rule { id: "DISCIPLINE", severity: Error, legal: legal::DISCIPLINE, check: person::discipline },
    Rule { id: "KHTNV_GROUNDS", severity: Error, legal: legal::KHTNV_GROUNDS, check: person::khtnv_grounds },
    Rule { id: "DISCIPLINE_DUTY", severity: Error, legal: legal::DISCIPLINE_DUTY, check: duty::discipline_duty },
    Rule {
        id: "DISCIPLINE_UNRELATED",
        severity: Info,
        legal: legal::DISCIPLINE_DUTY,
        check: duty::discipline_unrelated,
    },
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
    Rule { id: "SCORE_MISSING", severity: Error, legal: legal::SCORE_MISSING, check: score::score_missing },
    Rule { id: "SCORE_RANGE", severity: Error, legal: legal::SCORE_RANGE, check: score::score_range },
    Rule { id: "SCORE_PERIODS", severity: Warning, legal: legal::SCORE_PERIODS, check: score::score_periods },
    Rule { id: "SCORE_LEVEL", severity: Error, legal: legal::SCORE_LEVEL, check: score::score_level_rule },
    Rule { id: "PARTY_CONDITIONS", severity: Info, legal: legal::PARTY_CONDITIONS, check: score::party_conditions },
    Rule {
        id: "MEMBER_NOT_REVIEWED",
        severity: Error,
        legal: legal::MEMBER_NOT_REVIEWED,
        check: meeting::member_not_reviewed,
    },
    Rule { id: "REVIEW_ORDER", severity: Warning, legal: legal::REVIEW_ORDER, check: meeting::review_order },
    Rule { id: "HEAD_CHAIR", severity: Error, legal: legal::HEAD_CHAIR, check: meeting::head_chair },
    Rule { id: "QUORUM", severity: Warning, legal: meeting::QUORUM_LEGAL, check: meeting::quorum },
    Rule { id: "VOTES_EXCEED", severity: Error, legal: meeting::VOTES_EXCEED_LEGAL, check: meeting::votes_exceed },
    Rule { id: "VOTE_BASIS", severity: Warning, legal: meeting::VOTE_BASIS_LEGAL, check: meeting::vote_basis },
    Rule { id: "ABSENT_REASON", severity: Warning, legal: legal::ABSENT_REASON, check: meeting::absent_reason },
    Rule { id: "LATE_MEETING", severity: Warning, legal: legal::LATE_MEETING, check: meeting::late_meeting },
    Rule {
        id: "DOSSIER_INCOMPLETE",
        severity: Error,
        legal: legal::DOSSIER_INCOMPLETE,
        check: dossier::dossier_incomplete,
    },
    Rule { id: "BALLOT_INCONSISTENT", severity: Error, legal: legal::BALLOT, check: dossier::ballot_inconsistent },
    Rule { id: "NO_FINAL_RATING", severity: Error, legal: legal::NO_FINAL_RATING, check: dossier::no_final_rating },
];
