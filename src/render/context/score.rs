//! A score as documents print it (cycles from 2025): its parts, its total and the level
//! it gives, in Vietnamese numbers ("27,5"). The level comes from the rules
//! ([`ScoreLevel`]); the documents never band a score themselves.

use serde::Serialize;

use super::{RatingCtx, rating};
use crate::model::{CollectiveReview, Score};
use crate::rules::cycle::{Condition, ScoreLevel, score_level};

#[derive(Clone, Debug, Serialize)]
pub struct ScoreCtx {
    /// General criteria out of 30, or "" where only a total was written.
    pub general: String,
    /// Task results out of 70, or "".
    pub tasks: String,
    pub total: String,
    /// The level the score gives, after the party side's conditions.
    pub level: Option<RatingCtx>,
    /// The band of the score alone, where the conditions lowered the level below it.
    pub band: Option<RatingCtx>,
    /// The party side's conditions that lowered it (`AllTasksDone`,
    /// `ThirtyPercentExceeded`); the templates word them.
    pub unmet: Vec<Condition>,
}

impl ScoreCtx {
    pub fn new(score: &Score, level: &ScoreLevel) -> Self {
        let (general, tasks) = score.split().map(|(g, t)| (points_vi(g), points_vi(t))).unwrap_or_default();
        let lowered = level.level != level.band;
        ScoreCtx {
            general,
            tasks,
            total: points_vi(level.total),
            level: rating(Some(level.level)),
            band: rating(Some(level.band).filter(|_| lowered)),
            // A condition that lowered the level twice is said once.
            unmet: level.unmet.iter().fold(Vec::new(), |mut said, c| {
                if !said.contains(c) {
                    said.push(*c);
                }
                said
            }),
        }
    }

    /// A collective's score: the rules keep no level for collectives yet, so it is
    /// reached here by the rules' own function, on the party side's conditions
    /// (QĐ 366 Art 11: the collective review is the party side's).
    pub fn collective(review: &CollectiveReview) -> Option<Self> {
        let score = review.score.as_ref()?;
        let level = score_level(score.total(), Some(review.tasks.unwrap_or_default()));
        Some(ScoreCtx::new(score, &level))
    }
}

/// Points as a document prints them: comma decimals, at most two places, trailing zeros
/// dropped ("27,5", "64", "90,33"). Cut, never rounded up: 89,999 prints "89,99", never
/// a "90" that would read as the next band.
pub fn points_vi(points: f64) -> String {
    let hundredths = (points * 100.0 + 1e-9).floor() / 100.0;
    let text = crate::text::decimal_vi(hundredths, 2);
    text.trim_end_matches('0').trim_end_matches(',').to_string()
}

#[cfg(test)]
mod tests {
    use super::points_vi;

    #[test]
    fn points_print_the_vietnamese_way_and_never_round_into_the_next_band() {
        assert_eq!(points_vi(27.5), "27,5");
        assert_eq!(points_vi(64.0), "64");
        assert_eq!(points_vi(91.5), "91,5");
        assert_eq!(points_vi(271.0 / 3.0), "90,33");
        assert_eq!(points_vi(89.999), "89,99");
        assert_eq!(points_vi(100.0), "100");
        assert_eq!(points_vi(0.0), "0");
    }
}
