//! `kind: agency_review` as written (inputs.md): the leadership conference, the agency
//! ballot, the Director's consultation and the registry's document numbers.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::lenient::{FlowFields, Lenient};
use super::unit_review::{CollectiveDoc, CommentDoc, GuestDoc};
use super::values::{YDate, YDocKind, YRating, YText, YTime, YVotes};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyReviewDoc {
    pub kind: String,
    /// The leadership collective's review report, in the shape of a unit's `collective`.
    #[serde(default)]
    pub leadership_collective: Option<Spanned<CollectiveDoc>>,
    #[serde(default)]
    pub leadership_conference: Option<Spanned<ConferenceDoc>>,
    #[serde(default)]
    pub agency_ballot: Option<Spanned<BallotDoc>>,
    #[serde(default)]
    pub consultation: Option<Spanned<ConsultationDoc>>,
    #[serde(default)]
    pub documents: BTreeMap<YDocKind, DocNumberDoc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConferenceDoc {
    #[serde(default)]
    pub date: Option<YDate>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub chair: Option<String>,
    #[serde(default)]
    pub secretary: Option<String>,
    #[serde(default)]
    pub guests: Vec<GuestDoc>,
    #[serde(default)]
    pub convened: Option<u32>,
    #[serde(default)]
    pub present: Option<u32>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub start: Option<YTime>,
    #[serde(default)]
    pub end: Option<YTime>,
    /// Each leader's review at the conference, in the order taken.
    #[serde(default)]
    pub leaders: Vec<LeaderReviewDoc>,
    /// The invited Ban Tổ chức Tỉnh ủy representative's closing remarks.
    #[serde(default)]
    pub guest_conclusion: Option<String>,
    /// Thành phần mời of the invitation; absent: the plan's.
    #[serde(default)]
    pub invited: Vec<String>,
}

/// One leader's self-review at the leadership conference.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeaderReviewDoc {
    pub name: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub self_rating: Option<YRating>,
    #[serde(default)]
    pub comments: Vec<Lenient<CommentDoc>>,
    /// What the Ban Tổ chức Tỉnh ủy representative concluded about this leader.
    #[serde(default)]
    pub conclusion: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BallotDoc {
    #[serde(default)]
    pub date: Option<YDate>,
    pub issued: u32,
    pub returned: u32,
    pub valid: u32,
    pub votes: YVotes,
    #[serde(default)]
    pub start: Option<YTime>,
    #[serde(default)]
    pub place: Option<String>,
    /// Số đại biểu có mặt: more ballots issued than present is flagged in the minutes.
    #[serde(default)]
    pub present: Option<u32>,
    /// Tổ kiểm phiếu, its head first.
    #[serde(default)]
    pub counting_team: Vec<GuestDoc>,
    #[serde(default)]
    pub secretary: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsultationDoc {
    #[serde(default)]
    pub date: Option<YDate>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub chair: Option<String>,
    #[serde(default)]
    pub secretary: Option<String>,
    #[serde(default)]
    pub attendees: Vec<GuestDoc>,
    #[serde(default)]
    pub start: Option<YTime>,
    #[serde(default)]
    pub end: Option<YTime>,
    #[serde(default)]
    pub units: Vec<Spanned<Lenient<UnitConclusionDoc>>>,
    #[serde(default)]
    pub people: Vec<Spanned<Lenient<PersonConclusionDoc>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitConclusionDoc {
    pub unit: String,
    pub rating: YRating,
    #[serde(default)]
    pub reason: Option<String>,
}

impl FlowFields for UnitConclusionDoc {
    const FIELDS: &'static [&'static str] = &["unit", "rating", "reason"];
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonConclusionDoc {
    pub name: String,
    pub unit: String,
    pub rating: YRating,
    #[serde(default)]
    pub reason: Option<String>,
}

impl FlowFields for PersonConclusionDoc {
    const FIELDS: &'static [&'static str] = &["name", "unit", "rating", "reason"];
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocNumberDoc {
    #[serde(default)]
    pub number: Option<YText>,
    #[serde(default)]
    pub date: Option<YDate>,
}
