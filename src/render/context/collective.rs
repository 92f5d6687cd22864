//! A collective's review report (form 01 of the cycle's party guidance): a unit's, and the leadership
//! collective's, printed by the same template part.

use serde::Serialize;

use super::score::ScoreCtx;
use super::{RatingCtx, VoteLine, paragraphs, rating, vote_lines, votes_cast};
use crate::model::CollectiveReview;

#[derive(Clone, Debug, Serialize)]
pub struct CollectiveCtx {
    pub results: Vec<String>,
    pub strengths: Vec<String>,
    pub shortcomings: Vec<String>,
    pub causes: Vec<String>,
    pub previous_year_remedies: Vec<String>,
    pub responsibility: Vec<String>,
    pub remedies: Vec<String>,
    pub next_year: Vec<String>,
    pub self_rating: Option<RatingCtx>,
    pub votes: Vec<VoteLine>,
    /// The levels with votes, as the `votes` component words them.
    pub votes_cast: Vec<VoteLine>,
    pub proposed: Option<RatingCtx>,
    /// The collective's score and the level it gives (cycles from 2025), where given.
    pub score: Option<ScoreCtx>,
}

impl CollectiveCtx {
    /// `present`: the number the votes are counted over.
    pub fn new(c: &CollectiveReview, present: u32) -> Self {
        let votes = vote_lines(c.votes.as_ref(), present);
        CollectiveCtx {
            results: paragraphs(c.results.as_deref()),
            strengths: paragraphs(c.strengths.as_deref()),
            shortcomings: paragraphs(c.shortcomings.as_deref()),
            causes: paragraphs(c.causes.as_deref()),
            previous_year_remedies: paragraphs(c.previous_year_remedies.as_deref()),
            responsibility: paragraphs(c.responsibility.as_deref()),
            remedies: paragraphs(c.remedies.as_deref()),
            next_year: paragraphs(c.next_year.as_deref()),
            self_rating: rating(c.self_rating),
            votes_cast: votes_cast(&votes),
            votes,
            proposed: rating(c.proposal()),
            score: ScoreCtx::collective(c),
        }
    }
}
