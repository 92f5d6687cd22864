//! The 2025 rule set. The state side still rates by NĐ 90/2020 as amended by NĐ 48/2023,
//! with Luật Cán bộ, công chức 80/2025 in force from 01/7/2025 (Art 38 cl.4: discipline
//! for an act unrelated to public duty no longer counts for cán bộ and công chức); the
//! party side follows QĐ 366-QĐ/TW and HD 43-HD/BTCTW, scored out of 100
//! (`notes/legal-notes-2025-2026.md` §0, §6, §7 N1–N3, N11–N12).

mod legal;

use super::Rule;
use super::procedure::{dossier, meeting};
use super::rating::{ceilings, duty, person, score, unit};
use crate::findings::Severity::{Error, Info, Warning};

pub const RULES: &[Rule] = &[
    Rule { id: "QUOTA_GROUP", severity: Error, legal: legal::QUOTA_GROUP, check: ceilings::quota_group_2025 },
    Rule { id: "DISCIPLINE", severity: Error, legal: legal::DISCIPLINE, check: person::discipline },
    Rule { id: "KHTNV_GROUNDS", severity: Error, legal: legal::KHTNV_GROUNDS, check: person::khtnv_grounds },
    Rule { id: "DISCIPLINE_DUTY", severity: Error, legal: legal::DISCIPLINE_DUTY, check: duty::discipline_duty },
    Rule {
        id: "DISCIPLINE_UNRELATED",
        severity: Info,
        legal: legal::DISCIPLINE_DUTY,
        check: duty::discipline_unrelated,
    },
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
