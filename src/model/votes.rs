//! Votes per level at a meeting or in a ballot.

use serde::{Deserialize, Serialize};

use super::rating::Rating;

/// Counts per level in [`Rating::LEVELS`] order. Signed because a clerk can type `-1`,
/// and that must reach the VOTES_EXCEED rule rather than fail as a parse error. 32 bits
/// (ingest refuses a count beyond them): a province holds a table a person, and sums
/// are taken in 64.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Votes {
    pub counts: [i32; 4],
}

impl Votes {
    pub fn get(&self, rating: Rating) -> i64 {
        rating.level_index().map_or(0, |i| i64::from(self.counts[i]))
    }

    pub fn set(&mut self, rating: Rating, count: i32) {
        if let Some(i) = rating.level_index() {
            self.counts[i] = count;
        }
    }

    pub fn total(&self) -> i64 {
        self.counts.iter().copied().map(i64::from).sum()
    }

    pub fn has_negative(&self) -> bool {
        self.counts.iter().any(|c| *c < 0)
    }

    /// The highest level whose votes, cumulated from HTXSNV down, are strictly more than
    /// half of `present` (rules.md, VOTE_BASIS). `None` when no level reaches it.
    pub fn basis(&self, present: u32) -> Option<Rating> {
        let mut cumulated = 0i64;
        for (i, level) in Rating::LEVELS.into_iter().enumerate() {
            cumulated += i64::from(self.counts[i]);
            if cumulated * 2 > i64::from(present) {
                return Some(level);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn votes(c: [i32; 4]) -> Votes {
        Votes { counts: c }
    }

    #[test]
    fn basis_needs_strict_majority_cumulated_from_the_top() {
        assert_eq!(votes([5, 2, 0, 0]).basis(7), Some(Rating::Excellent));
        assert_eq!(votes([3, 4, 0, 0]).basis(7), Some(Rating::Good));
        assert_eq!(votes([4, 4, 0, 0]).basis(8), Some(Rating::Good), "exactly half is not more than half");
        assert_eq!(votes([1, 1, 1, 0]).basis(8), None);
        assert_eq!(votes([0, 0, 0, 6]).basis(7), Some(Rating::NotCompleted));
    }
}
