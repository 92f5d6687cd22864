//! Everything ingest read, resolved into one consistent set.

use serde::Serialize;

use super::agency::{Agency, UnitId};
use super::person::{Membership, Person, PersonId};
use super::review::{AgencyReview, UnitReview};

#[derive(Clone, Debug, Serialize)]
pub struct Dataset {
    pub agency: Agency,
    pub people: Vec<Person>,
    /// At most one per unit.
    pub unit_reviews: Vec<UnitReview>,
    pub agency_review: Option<AgencyReview>,
}

impl Dataset {
    pub fn unit_name(&self, id: UnitId) -> &str {
        &self.agency.units[id].name
    }

    pub fn members(&self, unit: UnitId) -> impl Iterator<Item = (PersonId, &Person)> {
        self.people.iter().enumerate().filter(move |(_, p)| p.membership == Membership::Unit(unit))
    }

    pub fn headcount(&self, unit: UnitId) -> usize {
        self.members(unit).count()
    }

    pub fn review_of(&self, unit: UnitId) -> Option<&UnitReview> {
        self.unit_reviews.iter().find(|r| r.unit == unit)
    }

    /// The unit's name, or "Lãnh đạo Sở" for the leadership.
    pub fn membership_name(&self, membership: Membership) -> &str {
        match membership {
            Membership::Unit(id) => self.unit_name(id),
            Membership::Leadership => super::person::LEADERSHIP_NAME,
        }
    }
}
