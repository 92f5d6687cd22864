//! The 2026 rule set: công chức under NĐ 335/2025 (in force 01/01/2026, text partly
//! seen), viên chức and public service units under NĐ 233/2026 (in force 01/7/2026, read
//! in full) with its fallback to NĐ 90/48 for a unit without its own rating rules, and
//! the party side under QĐ 366-QĐ/TW and HD 43-HD/BTCTW (`notes/legal-notes-2025-2026.md`
//! §1, §2, §6, §7 N4–N13).

mod legal;

use super::Rule;
use super::procedure::{dossier, meeting};
use crate::findings::Severity::{Error, Warning};

pub const RULES: &[Rule] = &[
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
