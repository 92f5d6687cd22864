//! The rules of the review's procedure (who is reviewed, in what order, how meetings
//! are held and counted, what the dossier holds): every cycle runs them. Each cycle's
//! table gives them its own legal source; the constants here are the 2023 cycle's.

pub mod dossier;
pub mod meeting;

use super::Rule;
use crate::findings::Severity::{Error, Warning};

/// Where each procedural rule comes from in one cycle: the checks are the same, the
/// texts that ground them are the cycle's.
pub struct Sources {
    pub member_not_reviewed: &'static str,
    pub review_order: &'static str,
    pub head_chair: &'static str,
    pub quorum: &'static str,
    pub votes_exceed: &'static str,
    pub vote_basis: &'static str,
    pub absent_reason: &'static str,
    pub late_meeting: &'static str,
    pub dossier_incomplete: &'static str,
    pub ballot: &'static str,
    pub no_final_rating: &'static str,
}

/// The 2023 cycle's sources (Plan 2023 of Sở Nội vụ, NĐ 90/2020, QĐ 124-QĐ/TW).
pub const SOURCES_2023: Sources = Sources {
    member_not_reviewed: meeting::MEMBER_NOT_REVIEWED_LEGAL,
    review_order: meeting::REVIEW_ORDER_LEGAL,
    head_chair: meeting::HEAD_CHAIR_LEGAL,
    quorum: meeting::QUORUM_LEGAL,
    votes_exceed: meeting::VOTES_EXCEED_LEGAL,
    vote_basis: meeting::VOTE_BASIS_LEGAL,
    absent_reason: meeting::ABSENT_REASON_LEGAL,
    late_meeting: meeting::LATE_MEETING_LEGAL,
    dossier_incomplete: dossier::DOSSIER_INCOMPLETE_LEGAL,
    ballot: dossier::BALLOT_LEGAL,
    no_final_rating: dossier::NO_FINAL_RATING_LEGAL,
};

/// The procedural rules of a cycle, in the order they run.
pub const fn rules(sources: Sources) -> [Rule; 11] {
    [
        Rule {
            id: "MEMBER_NOT_REVIEWED",
            severity: Error,
            legal: sources.member_not_reviewed,
            check: meeting::member_not_reviewed,
        },
        Rule { id: "REVIEW_ORDER", severity: Warning, legal: sources.review_order, check: meeting::review_order },
        Rule { id: "HEAD_CHAIR", severity: Error, legal: sources.head_chair, check: meeting::head_chair },
        Rule { id: "QUORUM", severity: Warning, legal: sources.quorum, check: meeting::quorum },
        Rule { id: "VOTES_EXCEED", severity: Error, legal: sources.votes_exceed, check: meeting::votes_exceed },
        Rule { id: "VOTE_BASIS", severity: Warning, legal: sources.vote_basis, check: meeting::vote_basis },
        Rule { id: "ABSENT_REASON", severity: Warning, legal: sources.absent_reason, check: meeting::absent_reason },
        Rule { id: "LATE_MEETING", severity: Warning, legal: sources.late_meeting, check: meeting::late_meeting },
        Rule {
            id: "DOSSIER_INCOMPLETE",
            severity: Error,
            legal: sources.dossier_incomplete,
            check: dossier::dossier_incomplete,
        },
        Rule { id: "BALLOT_INCONSISTENT", severity: Error, legal: sources.ballot, check: dossier::ballot_inconsistent },
        Rule {
            id: "NO_FINAL_RATING",
            severity: Error,
            legal: sources.no_final_rating,
            check: dossier::no_final_rating,
        },
    ]
}
