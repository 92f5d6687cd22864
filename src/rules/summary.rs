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

/// Leaders first, then units in agency order; Vietnamese name order inside each, and
/// roster order among equal names.
///
/// Sorted unit by unit, each unit's names keyed as it is sorted: keyed all at once (a
/// collation key of about 190 bytes a person), a million people's keys stood 210 MB
/// beside the dataset while the agency's documents were planned.
pub fn ordered(d: &Dataset) -> Vec<PersonId> {
    let mut ids: Vec<PersonId> = Vec::with_capacity(d.people.len());
    let by_name = |ids: &mut [PersonId]| ids.sort_by_cached_key(|id| sort_key(&d.people[*id].name));
    ids.extend((0..d.people.len()).filter(|id| d.people[*id].membership == Membership::Leadership));
    by_name(&mut ids);
    for unit in 0..d.agency.units.len() {
        let start = ids.len();
        ids.extend(d.members(unit).map(|(id, _)| id));
        by_name(&mut ids[start..]);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The order as a single sort over everyone gives it: by (leaders, then the unit's
    /// place in agency.yaml), then by name, roster order among equals.
    fn sorted_at_once(d: &Dataset) -> Vec<PersonId> {
        let rank = |m: Membership| match m {
            Membership::Leadership => 0,
            Membership::Unit(u) => u + 1,
        };
        let mut ids: Vec<PersonId> = (0..d.people.len()).collect();
        ids.sort_by_cached_key(|id| (rank(d.people[*id].membership), sort_key(&d.people[*id].name)));
        ids
    }

    #[test]
    fn people_are_ordered_leaders_first_then_unit_by_unit_by_name() {
        let inputs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("inputs");
        let mut d = crate::ingest::ingest(&inputs, &mut Default::default()).dataset.expect("the sample's dataset");
        // Two people of the same name in one unit, apart in the roster: roster order.
        let unit = d.people.iter().position(|p| p.membership != Membership::Leadership).unwrap();
        let mut twin = d.people[unit].clone();
        twin.note = Some("the twin".into());
        d.people.push(twin);
        let d = Dataset::new(d.agency, d.people, d.unit_reviews, d.agency_review);

        let order = ordered(&d);
        assert_eq!(order, sorted_at_once(&d));
        assert_eq!(order.len(), d.people.len());
        assert_eq!(d.people[order[0]].membership, Membership::Leadership);
        let twins: Vec<PersonId> =
            order.iter().copied().filter(|id| d.people[*id].name == d.people[unit].name).collect();
        assert_eq!(twins, [unit, d.people.len() - 1]);
    }
}
