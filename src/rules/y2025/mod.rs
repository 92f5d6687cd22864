//! The 2025 rule set. The state side still rates by NĐ 90/2020 as amended by NĐ 48/2023,
//! with Luật Cán bộ, công chức 80/2025 in force from 01/7/2025 (Art 38 cl.4: discipline
//! for an act unrelated to public duty no longer counts for cán bộ and công chức); the
//! party side follows QĐ 366-QĐ/TW and HD 43-HD/BTCTW, scored out of 100
//! (`notes/legal-notes-2025-2026.md` §0, §6, §7 N1–N3, N11–N12).

mod legal;

use super::Rule;
use super::procedure::{self, meeting};
use super::rating::{self, ceilings, person, unit};
use crate::findings::Severity::{Error, Info};

/// The rules about ratings; those of scores ([`SCORED`]) and of the procedure
/// ([`PROCEDURE`]) follow them.
pub const RULES: &[Rule] = &[
    Rule { id: "QUOTA_GROUP", severity: Error, legal: legal::QUOTA_GROUP, check: ceilings::quota_group_2025 },
    Rule { id: "DISCIPLINE", severity: Error, legal: legal::DISCIPLINE, check: person::discipline },
    Rule { id: "UNDER_SIX_MONTHS", severity: Error, legal: person::UNDER_SIX_LEGAL, check: person::under_six_months },
    Rule { id: "LEAVE_CAP", severity: Error, legal: person::LEAVE_CAP_LEGAL, check: person::leave_cap },
    Rule { id: "MATERNITY", severity: Info, legal: person::MATERNITY_LEGAL, check: person::maternity },
    Rule { id: "HEAD_ABOVE_UNIT", severity: Error, legal: unit::HEAD_ABOVE_LEGAL, check: unit::head_above_unit },
    Rule {
        id: "COLLECTIVE_DISCIPLINE",
        severity: Error,
        legal: legal::COLLECTIVE_DISCIPLINE,
        check: unit::collective_discipline,
    },
];

/// The procedure, each rule grounded in the 2025 cycle's texts.
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

/// The rules of scores and of duty-related discipline, grounded in the 2025 cycle's texts.
pub const SCORED: [Rule; 8] = rating::scored(rating::ScoreSources {
    khtnv_grounds: legal::KHTNV_GROUNDS,
    discipline_duty: legal::DISCIPLINE_DUTY,
    score_missing: legal::SCORE_MISSING,
    score_range: legal::SCORE_RANGE,
    score_periods: legal::SCORE_PERIODS,
    score_level: legal::SCORE_LEVEL,
    party_conditions: legal::PARTY_CONDITIONS,
});
