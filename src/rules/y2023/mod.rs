//! The 2023 rule set (rules.md), built on Plan 2023 of Sở Nội vụ Quảng Ngãi, NĐ 90/2020
//! as amended by NĐ 48/2023, QĐ 124-QĐ/TW and the Law on Public Employees.

use super::Rule;
use super::procedure::{dossier, meeting};
use super::rating::{person, quota, unit};
use crate::findings::Severity::{Error, Info, Warning};

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
    Rule {
        id: "MEMBER_NOT_REVIEWED",
        severity: Error,
        legal: meeting::MEMBER_NOT_REVIEWED_LEGAL,
        check: meeting::member_not_reviewed,
    },
    Rule { id: "REVIEW_ORDER", severity: Warning, legal: meeting::REVIEW_ORDER_LEGAL, check: meeting::review_order },
    Rule { id: "HEAD_CHAIR", severity: Error, legal: meeting::HEAD_CHAIR_LEGAL, check: meeting::head_chair },
    Rule { id: "QUORUM", severity: Warning, legal: meeting::QUORUM_LEGAL, check: meeting::quorum },
    Rule { id: "VOTES_EXCEED", severity: Error, legal: meeting::VOTES_EXCEED_LEGAL, check: meeting::votes_exceed },
    Rule { id: "VOTE_BASIS", severity: Warning, legal: meeting::VOTE_BASIS_LEGAL, check: meeting::vote_basis },
    Rule { id: "ABSENT_REASON", severity: Warning, legal: meeting::ABSENT_REASON_LEGAL, check: meeting::absent_reason },
    Rule { id: "LATE_MEETING", severity: Warning, legal: meeting::LATE_MEETING_LEGAL, check: meeting::late_meeting },
    Rule {
        id: "DOSSIER_INCOMPLETE",
        severity: Error,
        legal: dossier::DOSSIER_INCOMPLETE_LEGAL,
        check: dossier::dossier_incomplete,
    },
    Rule {
        id: "BALLOT_INCONSISTENT",
        severity: Error,
        legal: dossier::BALLOT_LEGAL,
        check: dossier::ballot_inconsistent,
    },
    Rule {
        id: "NO_FINAL_RATING",
        severity: Error,
        legal: dossier::NO_FINAL_RATING_LEGAL,
        check: dossier::no_final_rating,
    },
];
