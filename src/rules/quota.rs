//! The 20% ceilings, computed and kept so that documents can print them, not only judge
//! them: per unit on proposals (Plan §II.1 note 3), per quota group on final ratings
//! (Plan §II.1 note 4; QĐ124 Art 12).

use serde::Serialize;

use super::derive::{Facts, PersonFacts, QuotaGroup};
use crate::model::{Category, Dataset, Rating, UnitId, UnitKind};

/// How many have each rating, in [`Rating::ALL`] order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LevelCounts(pub [u32; 5]);

impl LevelCounts {
    pub fn add(&mut self, rating: Rating) {
        if let Some(i) = Rating::ALL.iter().position(|r| *r == rating) {
            self.0[i] += 1;
        }
    }

    pub fn get(&self, rating: Rating) -> u32 {
        Rating::ALL.iter().position(|r| *r == rating).map_or(0, |i| self.0[i])
    }

    pub fn total(&self) -> u32 {
        self.0.iter().sum()
    }
}

/// What a unit's HTXSNV share is a share of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotaBase {
    /// The staff being rated (2023 plan §II.1 note 3: "không quá 20% số công chức, viên chức,
    /// người lao động được đánh giá" of the unit).
    Rated,
    /// Those proposed HTTNV: from 2025 every ceiling is a share of the HTTNV count (QĐ 366
    /// Art 11 cl.1.5; NĐ 335 Art 20 cl.5; NĐ 233 Art 12 cl.6), never of the headcount.
    Good,
}

impl QuotaBase {
    pub fn of_year(year: i32) -> QuotaBase {
        if year >= 2025 { QuotaBase::Good } else { QuotaBase::Rated }
    }
}

/// The ratings (final or proposed, as `rating_of` picks) of a unit's members by quota
/// group, and whether the group is all viên chức (whom the 25% of NĐ 233 concerns).
pub fn unit_groups(
    d: &Dataset,
    facts: &Facts,
    unit: UnitId,
    rating_of: impl Fn(&PersonFacts) -> Option<Rating>,
) -> Vec<(QuotaGroup, LevelCounts, bool)> {
    let mut groups: Vec<(QuotaGroup, LevelCounts, bool)> = Vec::new();
    for (id, _) in d.members(unit) {
        let f = &facts.people[id];
        let (Some(group), Some(rating)) = (&f.group, rating_of(f)) else { continue };
        let public_employee = f.category == Category::PublicEmployee;
        let i = match groups.iter().position(|(g, _, _)| g == group) {
            Some(i) => i,
            None => {
                groups.push((group.clone(), LevelCounts::default(), true));
                groups.len() - 1
            }
        };
        groups[i].1.add(rating);
        groups[i].2 &= public_employee;
    }
    groups
}

/// One group of like tasks inside a unit, on proposals: from 2026 the ceiling holds in
/// each unit and each group (NĐ 335 Art 20 cl.5 a; NĐ 233 Art 12 cl.6), so the unit's
/// documents show it group by group.
#[derive(Clone, Debug, Serialize)]
pub struct UnitGroupShare {
    pub group: QuotaGroup,
    pub proposed: LevelCounts,
    pub percent: u32,
    pub ceiling: u32,
}

/// A unit's proposals against its ceiling: HTXSNV ≤ share of its [`QuotaBase`].
#[derive(Clone, Debug, Serialize)]
pub struct UnitQuota {
    pub unit: UnitId,
    pub proposed: LevelCounts,
    /// Staff being rated: the unit's members minus those proposed KXL.
    pub rated: u32,
    pub base: QuotaBase,
    /// From 2026, the same count group by group (empty before).
    pub groups: Vec<UnitGroupShare>,
    pub excellent: u32,
    pub ceiling: u32,
    pub percent: u32,
    /// A higher ceiling decided for an outstanding unit, with its decision.
    pub exception: Option<(u32, String)>,
}

/// A quota group's final ratings against its ceiling: HTXSNV ≤ share of those rated HTTNV.
#[derive(Clone, Debug, Serialize)]
pub struct GroupQuota {
    pub group: QuotaGroup,
    pub finals: LevelCounts,
    /// Finally rated exactly HTTNV: the denominator (rules.md, Precise readings).
    pub good: u32,
    pub excellent: u32,
    pub ceiling: u32,
    pub percent: u32,
    /// HTXSNV of units with an exception, up to each exception's maximum, and the decisions.
    pub excepted: u32,
    pub decisions: Vec<String>,
}

impl UnitQuota {
    pub fn exceeded(&self) -> bool {
        self.excellent > self.ceiling
    }

    /// Over the ceiling, but not over the unit's own decided maximum.
    pub fn within_exception(&self) -> bool {
        self.exception.as_ref().is_some_and(|(max, _)| self.excellent <= *max)
    }

    /// The number the share is taken of: the staff rated, or those proposed HTTNV.
    pub fn base_count(&self) -> u32 {
        match self.base {
            QuotaBase::Rated => self.rated,
            QuotaBase::Good => self.proposed.get(Rating::Good),
        }
    }

    /// "2/12 = 16,7% (tối đa 20% là 2 người)": the proposals against the ceiling (the 2023
    /// plan's unit ceiling, QUOTA_UNIT).
    pub fn describe(&self) -> String {
        format!(
            "{}/{} = {} (tối đa {}% là {} người)",
            self.excellent,
            self.rated,
            crate::text::percent_vi(self.excellent, self.rated),
            self.percent,
            self.ceiling
        )
    }
}

impl GroupQuota {
    pub fn exceeded(&self) -> bool {
        self.excellent > self.ceiling
    }

    pub fn within_exceptions(&self) -> bool {
        self.excellent.saturating_sub(self.excepted) <= self.ceiling
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Quotas {
    pub units: Vec<UnitQuota>,
    pub groups: Vec<GroupQuota>,
}

pub fn compute(d: &Dataset, facts: &Facts) -> Quotas {
    let settings = &d.agency.settings;
    let exception_of = |unit: UnitId| settings.exceptions.iter().find(|e| e.unit == unit);
    let units = (0..d.agency.units.len())
        .map(|unit| {
            let mut proposed = LevelCounts::default();
            let mut members = 0;
            for (id, _) in d.members(unit) {
                members += 1;
                if let Some(r) = facts.people[id].proposed {
                    proposed.add(r);
                }
            }
            let mut quota = UnitQuota {
                unit,
                proposed,
                rated: members - proposed.get(Rating::NotRated),
                base: QuotaBase::of_year(d.agency.year),
                groups: if d.agency.year >= 2026 { group_shares(d, facts, unit) } else { Vec::new() },
                excellent: proposed.get(Rating::Excellent),
                ceiling: 0,
                percent: settings.unit_share_percent,
                exception: exception_of(unit).map(|e| (e.max_excellent, e.decision.clone())),
            };
            quota.ceiling = settings.rounding.share(quota.base_count(), quota.percent);
            quota
        })
        .collect();

    let mut groups: Vec<GroupQuota> = Vec::new();
    // Excellent people per (group, unit), to apply each unit's exception at most once per group.
    let mut excellent_by_unit: Vec<(usize, UnitId, u32)> = Vec::new();
    for (id, person) in d.people.iter().enumerate() {
        let f = &facts.people[id];
        let (Some(group), Some(rating)) = (&f.group, f.final_rating) else { continue };
        let i = group_index(&mut groups, group, settings.group_share_percent);
        groups[i].finals.add(rating);
        if let (Rating::Excellent, Some(unit)) = (rating, person.membership.unit()) {
            match excellent_by_unit.iter_mut().find(|(g, u, _)| *g == i && *u == unit) {
                Some(entry) => entry.2 += 1,
                None => excellent_by_unit.push((i, unit, 1)),
            }
        }
    }
    for (unit, uf) in facts.units.iter().enumerate() {
        if let Some(rating) = uf.final_rating {
            let i = group_index(&mut groups, &QuotaGroup::Collectives, settings.group_share_percent);
            groups[i].finals.add(rating);
            if rating == Rating::Excellent {
                excellent_by_unit.push((i, unit, 1));
            }
        }
    }
    for (i, unit, count) in excellent_by_unit {
        if let Some(e) = exception_of(unit) {
            groups[i].excepted += count.min(e.max_excellent);
            if !groups[i].decisions.contains(&e.decision) {
                groups[i].decisions.push(e.decision.clone());
            }
        }
    }
    for g in &mut groups {
        g.good = g.finals.get(Rating::Good);
        g.excellent = g.finals.get(Rating::Excellent);
        g.ceiling = settings.rounding.share(g.good, g.percent);
    }
    groups.sort_by(|a, b| a.group.cmp(&b.group));
    Quotas { units, groups }
}

/// A public service unit that has issued its own rating rules (NĐ 233 Art 18): its viên
/// chức are rated under NĐ 233.
pub fn issued_own_rules(d: &Dataset, unit: UnitId) -> bool {
    d.agency.unit(unit).kind == UnitKind::PublicService && d.agency.settings.units_rules_issued.contains(&unit)
}

/// The HTXSNV share of one group inside a unit (2026), and whether it is raised: 20% of
/// its HTTNV (NĐ 335 Art 20 cl.5 a; NĐ 233 Art 12 cl.6 a), or the exception share for a
/// group of viên chức of a unit with its own rules rated HTXSNV (NĐ 233 Art 12 cl.6 b).
pub fn unit_group_percent(d: &Dataset, unit: UnitId, unit_excellent: bool, public_employees: bool) -> (u32, bool) {
    let raised = unit_excellent && public_employees && issued_own_rules(d, unit);
    (if raised { d.agency.settings.htxs_exception_percent } else { UNIT_GROUP_PERCENT }, raised)
}

/// NĐ 335 Art 20 cl.5 a; NĐ 233 Art 12 cl.6 a.
const UNIT_GROUP_PERCENT: u32 = 20;

/// A unit's proposals group by group, each against its share ([`unit_group_percent`]),
/// the unit counting as HTXSNV when rated or, before that, proposed so.
fn group_shares(d: &Dataset, facts: &Facts, unit: UnitId) -> Vec<UnitGroupShare> {
    let settings = &d.agency.settings;
    let uf = &facts.units[unit];
    let unit_excellent = uf.final_rating.or(uf.proposed) == Some(Rating::Excellent);
    unit_groups(d, facts, unit, |f| f.proposed)
        .into_iter()
        .map(|(group, proposed, public_employees)| {
            let (percent, _) = unit_group_percent(d, unit, unit_excellent, public_employees);
            UnitGroupShare {
                ceiling: settings.rounding.share(proposed.get(Rating::Good), percent),
                group,
                proposed,
                percent,
            }
        })
        .collect()
}

/// The index of `group` in `groups`, appended empty if new.
fn group_index(groups: &mut Vec<GroupQuota>, group: &QuotaGroup, percent: u32) -> usize {
    if let Some(i) = groups.iter().position(|g| &g.group == group) {
        return i;
    }
    groups.push(GroupQuota {
        group: group.clone(),
        finals: LevelCounts::default(),
        good: 0,
        excellent: 0,
        ceiling: 0,
        percent,
        excepted: 0,
        decisions: Vec::new(),
    });
    groups.len() - 1
}
