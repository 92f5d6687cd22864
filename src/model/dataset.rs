//! Everything ingest read, resolved into one consistent set.

use serde::Serialize;

use super::agency::{Agency, UnitId};
use super::person::{Membership, Person, PersonId};
use super::review::{AgencyReview, Conclusions, UnitReview};

#[derive(Clone, Debug, Serialize)]
pub struct Dataset {
    pub agency: Agency,
    pub people: Vec<Person>,
    /// At most one per unit.
    pub unit_reviews: Vec<UnitReview>,
    pub agency_review: Option<AgencyReview>,
    /// Each unit's people, in roster order, and its review: every rule and document asks
    /// for them, and a scan of all people per unit is quadratic at province scale.
    #[serde(skip)]
    members: Vec<Vec<PersonId>>,
    #[serde(skip)]
    reviews: Vec<Option<usize>>,
    /// Units whose meeting file exists but could not be read: its input finding is the
    /// cause, and the rules derive nothing from the missing review (rules.md, Precise
    /// readings: "A unit with no meeting file").
    pub unreadable_reviews: Vec<UnitId>,
    /// Meeting files prepared for the clerk (`xeploai prepare`) with nothing recorded
    /// yet: the meeting has not been held, so the rules treat these units as having no
    /// meeting file, and say which file waits to be completed.
    pub pending_reviews: Vec<UnitReview>,
}

impl Dataset {
    pub fn new(
        agency: Agency,
        people: Vec<Person>,
        unit_reviews: Vec<UnitReview>,
        agency_review: Option<AgencyReview>,
    ) -> Dataset {
        let units = agency.units.len();
        let mut members = vec![Vec::new(); units];
        for (id, p) in people.iter().enumerate() {
            if let Membership::Unit(unit) = p.membership
                && let Some(list) = members.get_mut(unit)
            {
                list.push(id);
            }
        }
        let mut reviews = vec![None; units];
        for (i, r) in unit_reviews.iter().enumerate() {
            if let Some(slot @ None) = reviews.get_mut(r.unit) {
                *slot = Some(i);
            }
        }
        Dataset {
            agency,
            people,
            unit_reviews,
            agency_review,
            members,
            reviews,
            unreadable_reviews: Vec::new(),
            pending_reviews: Vec::new(),
        }
    }

    pub fn unit_name(&self, id: UnitId) -> &str {
        &self.agency.units[id].name
    }

    pub fn members(&self, unit: UnitId) -> impl Iterator<Item = (PersonId, &Person)> {
        self.members.get(unit).into_iter().flatten().map(|&id| (id, &self.people[id]))
    }

    pub fn headcount(&self, unit: UnitId) -> usize {
        self.members.get(unit).map_or(0, Vec::len)
    }

    /// A meeting file of this unit was there but could not be read.
    pub fn review_unreadable(&self, unit: UnitId) -> bool {
        self.unreadable_reviews.contains(&unit)
    }

    /// The unit's prepared meeting file, while nothing is recorded in it.
    pub fn pending_review(&self, unit: UnitId) -> Option<&UnitReview> {
        self.pending_reviews.iter().find(|r| r.unit == unit)
    }

    /// What the Director's consultation concluded of each unit and person.
    pub fn conclusions(&self) -> Conclusions<'_> {
        Conclusions::of(self.agency_review.as_ref().and_then(|a| a.consultation.as_ref()))
    }

    pub fn review_of(&self, unit: UnitId) -> Option<&UnitReview> {
        self.reviews.get(unit).copied().flatten().map(|i| &self.unit_reviews[i])
    }

    /// Lets go of what the meetings said of each person (the comments), once the
    /// documents that print them are written: what a build does after them (the
    /// summary's counts, the overview page and its lists of documents) reads the rules'
    /// facts, the units and the order of the reviews, never a comment. A nation's are
    /// 150 MB, which stood beside the manifest's million records to the build's end.
    pub fn forget_comments(&mut self) {
        for review in self.unit_reviews.iter_mut().flat_map(|unit| unit.reviews.iter_mut()) {
            review.comments = Box::default();
        }
    }

    /// The unit's name, or "Lãnh đạo Sở" for the leadership.
    pub fn membership_name(&self, membership: Membership) -> &str {
        match membership {
            Membership::Unit(id) => self.unit_name(id),
            Membership::Leadership => super::person::LEADERSHIP_NAME,
        }
    }
}
