//! The consolidated results: one computation that every agency document prints, so no
//! number is ever counted twice in two places.

use serde::Serialize;

use super::Evaluation;
use super::quota::LevelCounts;
use crate::collate::sort_key;
use crate::model::{Category, Dataset, Membership, PersonId, Rating};

/// A row of counts per final rating.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Row {
    pub label: String,
    pub counts: LevelCounts,
}

impl Row {
    pub fn total(&self) -> u32 {
        self.counts.total()
    }
}

/// The counts by final rating: every table of the agency's report, and all that an
/// agency sends up for a roll-up (`crate::rollup`).
#[derive(Clone, Debug, Serialize)]
pub struct Counts {
    /// Công chức, viên chức, người lao động in the units (leaders apart).
    pub categories: Vec<Row>,
    /// The sum of `categories`.
    pub total: Row,
    /// The agency's leaders, rated by the province.
    pub leaders: Row,
    /// Party members among `categories`, per category, and their total.
    pub party: Vec<Row>,
    pub party_total: Row,
    /// The units as collectives.
    pub collectives: Row,
}

#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub counts: Counts,
    pub not_completed: Vec<PersonId>,
    pub disciplined: Vec<PersonId>,
    pub not_rated: Vec<PersonId>,
    /// Everybody with a final rating: leaders first, then units in agency.yaml order,
    /// each in Vietnamese name order.
    pub annex: Vec<PersonId>,
    /// Those whose final rating is not the one their unit proposed.
    pub changes: Vec<PersonId>,
}

pub const CATEGORIES: [Category; 3] = [Category::CivilServant, Category::PublicEmployee, Category::Worker];

/// The counts alone, without the lists of names (which need the people sorted).
pub fn count(d: &Dataset, e: &Evaluation) -> Counts {
    let row = |label: &str, filter: &dyn Fn(PersonId) -> bool| {
        let mut counts = LevelCounts::default();
        for id in 0..d.people.len() {
            if let Some(r) = e.facts.people[id].final_rating.filter(|_| filter(id)) {
                counts.add(r);
            }
        }
        Row { label: label.to_string(), counts }
    };
    let in_units = |id: PersonId| d.people[id].membership != Membership::Leadership;
    let categories: Vec<Row> =
        CATEGORIES.iter().map(|c| row(c.name_vi(), &|id| in_units(id) && e.facts.people[id].category == *c)).collect();
    let total = row("Tổng cộng", &in_units);
    let party: Vec<Row> = CATEGORIES
        .iter()
        .map(|c| row(c.name_vi(), &|id| in_units(id) && d.people[id].party_member && e.facts.people[id].category == *c))
        .collect();
    let party_total = row("Tổng cộng", &|id| in_units(id) && d.people[id].party_member);
    let leaders = row("Lãnh đạo Sở", &|id| !in_units(id));
    let mut collectives = Row { label: "Tập thể phòng, ban, đơn vị".into(), counts: LevelCounts::default() };
    for u in &e.facts.units {
        if let Some(r) = u.final_rating {
            collectives.counts.add(r);
        }
    }
    Counts { categories, total, leaders, party, party_total, collectives }
}

/// The counts and the lists of names, each in `order` (as [`ordered`] gives it: sorting
/// a province's people is worth doing once for every document that lists them).
pub fn summarize(d: &Dataset, e: &Evaluation, order: &[PersonId]) -> Summary {
    let with = |rating: Rating| -> Vec<PersonId> {
        order.iter().copied().filter(|id| e.facts.people[*id].final_rating == Some(rating)).collect()
    };
    let changed = |id: &PersonId| {
        let facts = &e.facts.people[*id];
        facts.proposed.is_some() && facts.proposed != facts.final_rating
    };
    Summary {
        counts: count(d, e),
        not_completed: with(Rating::NotCompleted),
        not_rated: with(Rating::NotRated),
        disciplined: order.iter().copied().filter(|id| d.people[*id].discipline.is_some()).collect(),
        annex: order.iter().copied().filter(|id| e.facts.people[*id].final_rating.is_some()).collect(),
        changes: order.iter().copied().filter(changed).collect(),
    }
}

/// Leaders first, then units in agency order; Vietnamese name order inside each.
pub fn ordered(d: &Dataset) -> Vec<PersonId> {
    let rank = |m: Membership| match m {
        Membership::Leadership => 0,
        Membership::Unit(u) => u + 1,
    };
    let mut ids: Vec<PersonId> = (0..d.people.len()).collect();
    ids.sort_by_cached_key(|id| (rank(d.people[*id].membership), sort_key(&d.people[*id].name)));
    ids
}
