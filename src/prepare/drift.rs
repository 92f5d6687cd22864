//! How a meeting file and today's roster differ: the members added to the roster since
//! the file was written, and the names in the file no longer on it.

use crate::model::{Dataset, PersonId, UnitReview};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drift {
    /// On the roster, not in the file.
    pub added: Vec<String>,
    /// In the file, not on the roster (as the file writes them).
    pub gone: Vec<String>,
}

impl Drift {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.gone.is_empty()
    }
}

/// `order` is the unit's roster in meeting order.
pub fn drift(d: &Dataset, review: &UnitReview, order: &[PersonId]) -> Drift {
    let added = order
        .iter()
        .filter(|id| !review.reviews.iter().any(|r| r.person.person() == Some(**id)))
        .map(|id| d.people[*id].name.to_string())
        .collect();
    let gone =
        review.reviews.iter().filter(|r| r.person.person().is_none()).map(|r| r.person.name.to_string()).collect();
    Drift { added, gone }
}
