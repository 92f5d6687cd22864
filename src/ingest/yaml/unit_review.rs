//! `kind: unit_review` as written (inputs.md). Only `kind`, `unit` and each review's
//! `name` are required: a unit still at work has gaps, and the rules speak of them.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::lenient::{FlowFields, Lenient};
use super::scores::{TasksDoc, YPeriods, YPoints};
use super::values::{YDate, YRating, YTime, YVotes, null_as_empty};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitReviewDoc {
    pub kind: String,
    pub unit: Spanned<String>,
    #[serde(default)]
    pub meeting: Option<Spanned<MeetingDoc>>,
    #[serde(default)]
    pub collective: Option<Spanned<CollectiveDoc>>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub reviews: Vec<Spanned<ReviewDoc>>,
}

/// A guest: `{ name: ..., title: ... }` or just a name.
#[derive(Debug)]
pub struct GuestDoc {
    pub name: String,
    pub title: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GuestFields {
    name: String,
    #[serde(default)]
    title: Option<String>,
}

impl FlowFields for GuestFields {
    const FIELDS: &'static [&'static str] = &["name", "title"];
}

impl<'de> Deserialize<'de> for GuestDoc {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Name(String),
            Full(Lenient<GuestFields>),
        }
        Ok(match Either::deserialize(d)? {
            Either::Name(name) => GuestDoc { name, title: None },
            Either::Full(Lenient(g)) => GuestDoc { name: g.name, title: g.title },
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingDoc {
    #[serde(default)]
    pub date: Option<YDate>,
    #[serde(default)]
    pub start: Option<YTime>,
    #[serde(default)]
    pub end: Option<YTime>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub chair: Option<Spanned<String>>,
    #[serde(default)]
    pub secretary: Option<Spanned<String>>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub guests: Vec<GuestDoc>,
    #[serde(default)]
    pub convened: Option<u32>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub absent: Vec<Spanned<Lenient<AbsentDoc>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AbsentDoc {
    pub name: String,
    #[serde(default)]
    pub reason: Option<String>,
}

impl FlowFields for AbsentDoc {
    const FIELDS: &'static [&'static str] = &["name", "reason"];
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectiveDoc {
    #[serde(default)]
    pub results: Option<String>,
    #[serde(default)]
    pub strengths: Option<String>,
    #[serde(default)]
    pub shortcomings: Option<String>,
    #[serde(default)]
    pub causes: Option<String>,
    #[serde(default)]
    pub previous_year_remedies: Option<String>,
    #[serde(default)]
    pub responsibility: Option<String>,
    #[serde(default)]
    pub remedies: Option<String>,
    /// Nhiệm vụ chủ yếu năm sau.
    #[serde(default)]
    pub next_year: Option<String>,
    #[serde(default)]
    pub self_rating: Option<Spanned<YRating>>,
    #[serde(default)]
    pub votes: Option<Spanned<YVotes>>,
    #[serde(default)]
    pub proposed: Option<Spanned<YRating>>,
    /// The score (cycles from 2025): for the year, or by month or quarter.
    #[serde(default)]
    pub score: Option<Spanned<YPoints>>,
    #[serde(default)]
    pub periods: Option<Spanned<YPeriods>>,
    #[serde(default)]
    pub tasks: Option<TasksDoc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewDoc {
    pub name: Spanned<String>,
    #[serde(default)]
    pub chaired_by: Option<Spanned<String>>,
    #[serde(default)]
    pub self_rating: Option<Spanned<YRating>>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub comments: Vec<Spanned<Lenient<CommentDoc>>>,
    #[serde(default)]
    pub votes: Option<Spanned<YVotes>>,
    #[serde(default)]
    pub proposed: Option<Spanned<YRating>>,
    #[serde(default)]
    pub conclusion: Option<String>,
    /// Whether the person's discipline was for an act related to public duty, where the
    /// roster does not say (cycles from 2025).
    #[serde(default)]
    pub discipline_duty_related: Option<bool>,
    /// A ground for KHTNV whatever the score (cycles from 2025): degradation concluded by
    /// the competent level, or for a leader a unit in their charge handled for corruption.
    #[serde(default)]
    pub khtnv_grounds: Option<String>,
    /// The score (cycles from 2025): for the year, or by month or quarter.
    #[serde(default)]
    pub score: Option<Spanned<YPoints>>,
    #[serde(default)]
    pub periods: Option<Spanned<YPeriods>>,
    #[serde(default)]
    pub tasks: Option<TasksDoc>,
    /// The party form's fields (HD 25 02A/02B), when the roster has no such columns.
    #[serde(default)]
    pub party_post: Option<String>,
    #[serde(default)]
    pub mass_post: Option<String>,
    #[serde(default)]
    pub party_cell: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommentDoc {
    pub by: String,
    pub text: String,
}

impl FlowFields for CommentDoc {
    const FIELDS: &'static [&'static str] = &["by", "text"];
}
