//! `kind: unit_review` as written (inputs.md). Only `kind`, `unit` and each review's
//! `name` are required: a unit still at work has gaps, and the rules speak of them.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::values::{YDate, YRating, YTime, YVotes};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitReviewDoc {
    pub kind: String,
    pub unit: Spanned<String>,
    #[serde(default)]
    pub meeting: Option<Spanned<MeetingDoc>>,
    #[serde(default)]
    pub collective: Option<Spanned<CollectiveDoc>>,
    #[serde(default)]
    pub reviews: Vec<Spanned<ReviewDoc>>,
}

/// A guest: `{ name: ..., title: ... }` or just a name.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum GuestDoc {
    Full {
        name: String,
        #[serde(default)]
        title: Option<String>,
    },
    Name(String),
}

impl GuestDoc {
    pub fn parts(&self) -> (&str, Option<&str>) {
        match self {
            GuestDoc::Full { name, title } => (name, title.as_deref()),
            GuestDoc::Name(name) => (name, None),
        }
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
    #[serde(default)]
    pub guests: Vec<GuestDoc>,
    #[serde(default)]
    pub convened: Option<u32>,
    #[serde(default)]
    pub absent: Vec<Spanned<AbsentDoc>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AbsentDoc {
    pub name: Spanned<String>,
    #[serde(default)]
    pub reason: Option<String>,
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
    #[serde(default)]
    pub self_rating: Option<YRating>,
    #[serde(default)]
    pub votes: Option<YVotes>,
    #[serde(default)]
    pub proposed: Option<YRating>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewDoc {
    pub name: Spanned<String>,
    #[serde(default)]
    pub chaired_by: Option<Spanned<String>>,
    #[serde(default)]
    pub self_rating: Option<YRating>,
    #[serde(default)]
    pub comments: Vec<CommentDoc>,
    #[serde(default)]
    pub votes: Option<YVotes>,
    #[serde(default)]
    pub proposed: Option<YRating>,
    #[serde(default)]
    pub conclusion: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommentDoc {
    pub by: Spanned<String>,
    pub text: String,
}
