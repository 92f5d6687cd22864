//! What a unit's documents are built from, by hash, found without building them.
//!
//! A document's own source hash (its context's) is exact but costs the context: on a
//! province that is a hundred thousand contexts for a change in one unit. The unit key
//! costs the unit's share of the dataset and of the evaluation instead, and says the
//! same thing: when it is what the last build recorded for the unit's folder, and every
//! document there is untouched, the unit's documents are as this build would make them.
//!
//! The key must cover everything the unit's contexts read ([`super::context::unit`],
//! [`super::context::forms::self_review`]). Shared by every unit: this program, the
//! templates, agency.yaml, the agency review, the whole roster (a name in a meeting
//! file may be anyone's) and the agency-wide quotas. The unit's own: its folder, its
//! meeting, its people's derived facts, its own facts and quota. Another unit's meeting
//! reaches this unit's documents only through those, so it is not in the key; nor is
//! the day, which no unit document shows (a document whose content stays the same keeps
//! the day it was made in its properties).
//! `tests/outputs.rs` builds with and without the recorded keys and compares.

use serde::Serialize;

use super::Templates;
use crate::model::{Dataset, PersonId, UnitId, UnitReview};
use crate::output::feed_binary;
use crate::rules::derive::{PersonFacts, UnitFacts};
use crate::rules::{Evaluation, UnitQuota};

/// The part of every unit's key that is the same for all units of a build.
pub struct Shared(blake3::Hasher);

impl Shared {
    pub fn new(d: &Dataset, e: &Evaluation, templates: &Templates) -> Shared {
        let mut hasher = blake3::Hasher::new();
        hasher.update(crate::BUILD.as_bytes());
        hasher.update(templates.fingerprint().as_bytes());
        feed_binary(&mut hasher, &(&d.agency, &d.agency_review, &d.people, &e.quotas.groups));
        Shared(hasher)
    }

    /// The key of `unit`'s documents, in `folder`.
    pub fn unit_key(&self, d: &Dataset, e: &Evaluation, unit: UnitId, folder: &str) -> String {
        let members: Vec<_> = d.members(unit).map(|(id, _)| (id, &e.facts.people[id])).collect();
        let own = Own {
            folder,
            review: d.review_of(unit),
            members,
            facts: &e.facts.units[unit],
            quota: e.quotas.units.get(unit),
        };
        let mut hasher = self.0.clone();
        feed_binary(&mut hasher, &own);
        hasher.finalize().to_hex().to_string()
    }
}

/// A unit's own share of what its documents are built from.
#[derive(Serialize)]
struct Own<'a> {
    folder: &'a str,
    review: Option<&'a UnitReview>,
    members: Vec<(PersonId, &'a PersonFacts)>,
    facts: &'a UnitFacts,
    quota: Option<&'a UnitQuota>,
}
