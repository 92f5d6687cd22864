//! What changes with the review cycle: how a person's level is reached (NĐ 90's criteria,
//! or a score out of 100 banded 90/70/50) and whether the party side's conditions apply.
//! Legal map: `notes/legal-notes-2025-2026.md` §0 and §6.1.
//!
//! - 2023: criteria for everyone (NĐ 90/48, QĐ 124).
//! - 2025: the state side still rates by criteria (NĐ 90/48); party members are also
//!   scored on the party side (QĐ 366, HD 43), whose bands carry conditions.
//! - 2026: công chức by score (NĐ 335), viên chức by score (NĐ 233) where their unit issued
//!   its own rating rules, else by NĐ 90/48's criteria (NĐ 233 Art 20 cl.1); workers by
//!   criteria (the head decides whether NĐ 233 applies, Art 20 cl.2); party members also
//!   on the party side.

use serde::Serialize;

use super::derive::PersonFacts;
use crate::model::{Category, Dataset, DisciplineKind, Person, Rating, TaskConditions};

/// How a person's level is reached in the agency's cycle, on the state side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Scheme {
    /// NĐ 90/2020 as amended by NĐ 48/2023: criteria, no score.
    Criteria,
    /// A score out of 100: NĐ 335/2025 (công chức), NĐ 233/2026 (viên chức).
    Score,
    /// NĐ 90/48's criteria kept for a 2026 viên chức whose unit has not issued its own
    /// rating rules (NĐ 233 Art 20 cl.1): the documents say so.
    CriteriaFallback,
}

/// The party side rates its members by score from 2025 (QĐ 366 Art 10–11).
pub fn party_scored(year: i32, person: &Person) -> bool {
    year >= 2025 && person.party_member
}

pub fn scheme(dataset: &Dataset, person: &Person, facts: &PersonFacts) -> Scheme {
    if dataset.agency.year < 2026 {
        return Scheme::Criteria;
    }
    match facts.category {
        Category::CivilServant => Scheme::Score,
        Category::Worker => Scheme::Criteria,
        Category::PublicEmployee => {
            let unit = person.membership.unit();
            if unit.is_some_and(|u| dataset.agency.settings.units_rules_issued.contains(&u)) {
                Scheme::Score
            } else {
                Scheme::CriteriaFallback
            }
        }
    }
}

/// Whether the cycle asks this person for a score (state side or party side).
pub fn needs_score(dataset: &Dataset, person: &Person, facts: &PersonFacts) -> bool {
    scheme(dataset, person, facts) == Scheme::Score || party_scored(dataset.agency.year, person)
}

/// How a discipline of the year weighs on the rating in the agency's cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum DisciplineWeight {
    /// It forces KHTNV.
    Counts,
    /// Exempt (NĐ 90 Art 2 cl.5 b, c), or a mass-organisation sanction: no cap.
    Exempt,
    /// For an act unrelated to public duty: not a ground for the rating (Luật 80/2025 Art 38
    /// cl.4 for cán bộ, công chức; NĐ 233 Art 14 cl.3 a for viên chức).
    UnrelatedToDuty,
    /// It counts only if related to public duty, and nobody said whether it was.
    DutyUnknown,
}

/// Whether the question "related to public duty?" decides the weight of a discipline:
/// from 2025 for công chức (Luật 80/2025 Art 38 cl.4), and in 2026 for viên chức rated
/// under NĐ 233 (Art 14 cl.3 a). Viên chức under NĐ 90/48 and workers keep the 2023 rule.
pub fn duty_matters(year: i32, facts: &PersonFacts) -> bool {
    match facts.category {
        Category::CivilServant => year >= 2025,
        Category::PublicEmployee => year >= 2026 && facts.scheme == Scheme::Score,
        Category::Worker => false,
    }
}

/// The weight of `person`'s discipline, `None` without one. Where duty matters, an
/// explicit "no" lifts the cap; where nobody said, party discipline still counts (the
/// party side rates degradation and breaches as KHTNV) and any other asks the question.
pub fn discipline_weight(
    year: i32,
    person: &Person,
    review_says_duty: Option<bool>,
    facts: &PersonFacts,
) -> Option<DisciplineWeight> {
    let discipline = person.discipline.as_ref()?;
    if discipline.exempt || discipline.kind == Some(DisciplineKind::Mass) {
        return Some(DisciplineWeight::Exempt);
    }
    if !duty_matters(year, facts) {
        return Some(DisciplineWeight::Counts);
    }
    Some(match discipline.duty_related.or(review_says_duty) {
        Some(true) => DisciplineWeight::Counts,
        Some(false) => DisciplineWeight::UnrelatedToDuty,
        None if discipline.kind == Some(DisciplineKind::Party) => DisciplineWeight::Counts,
        None => DisciplineWeight::DutyUnknown,
    })
}

/// The band of a year score alone (NĐ 335 Art 20 cl.1–4 a; NĐ 233 Art 12; QĐ 366 Art 11):
/// ≥ 90 HTXSNV, ≥ 70 HTTNV, ≥ 50 HTNV, below 50 KHTNV.
pub fn band(total: f64) -> Rating {
    if total >= 90.0 {
        Rating::Excellent
    } else if total >= 70.0 {
        Rating::Good
    } else if total >= 50.0 {
        Rating::Completed
    } else {
        Rating::NotCompleted
    }
}

/// A party-side condition a band asks for (QĐ 366 Art 11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Condition {
    /// HTTNV and above: every task of the year done.
    AllTasksDone,
    /// HTXSNV: at least 30% of tasks exceeded.
    ThirtyPercentExceeded,
}

impl Condition {
    /// The share of tasks exceeded that HTXSNV asks for.
    pub const EXCEEDED_PERCENT: f64 = 30.0;

    fn met(self, tasks: TaskConditions) -> bool {
        match self {
            Condition::AllTasksDone => tasks.all_done == Some(true),
            Condition::ThirtyPercentExceeded => tasks.exceeded_percent.is_some_and(|p| p >= Self::EXCEEDED_PERCENT),
        }
    }

    fn asked_by(level: Rating) -> &'static [Condition] {
        match level {
            Rating::Excellent => &[Condition::AllTasksDone, Condition::ThirtyPercentExceeded],
            Rating::Good => &[Condition::AllTasksDone],
            _ => &[],
        }
    }
}

/// The level a score gives, and why it is below the band where it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreLevel {
    pub total: f64,
    pub band: Rating,
    /// The band, lowered a level for each band whose party conditions are unmet.
    pub level: Rating,
    /// The conditions that lowered it, in the order they were met with.
    pub unmet: Vec<Condition>,
}

/// The level of `total`: the band alone on the state side; on the party side the band
/// falls one level while its conditions are unmet (92 with all tasks done but 20%
/// exceeded is HTTNV; 92 with a task undone is HTNV). Conditions not stated count as
/// unmet: the party side asks the meeting to state them.
pub fn score_level(total: f64, party: Option<TaskConditions>) -> ScoreLevel {
    let band = band(total);
    let mut level = band;
    let mut unmet = Vec::new();
    if let Some(tasks) = party {
        while let Some(missing) = Condition::asked_by(level).iter().find(|c| !c.met(tasks)) {
            unmet.push(*missing);
            level = Rating::LEVELS[level.level_index().map_or(3, |i| (i + 1).min(3))];
        }
    }
    ScoreLevel { total, band, level, unmet }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tasks(all_done: Option<bool>, exceeded: Option<f64>) -> TaskConditions {
        TaskConditions { all_done, exceeded_percent: exceeded }
    }

    #[test]
    fn bands_start_at_ninety_seventy_fifty() {
        let cases = [
            (100.0, Rating::Excellent),
            (90.0, Rating::Excellent),
            (89.99, Rating::Good),
            (70.0, Rating::Good),
            (69.5, Rating::Completed),
            (50.0, Rating::Completed),
            (49.9, Rating::NotCompleted),
            (0.0, Rating::NotCompleted),
        ];
        for (total, want) in cases {
            assert_eq!(band(total), want, "{total}");
            assert_eq!(score_level(total, None).level, want, "state side: band only, {total}");
        }
    }

    #[test]
    fn party_conditions_lower_the_level_one_step_at_a_time() {
        use Condition::*;
        let cases = [
            (92.0, tasks(Some(true), Some(35.0)), Rating::Excellent, vec![]),
            (92.0, tasks(Some(true), Some(30.0)), Rating::Excellent, vec![]),
            (92.0, tasks(Some(true), Some(20.0)), Rating::Good, vec![ThirtyPercentExceeded]),
            (92.0, tasks(Some(false), Some(40.0)), Rating::Completed, vec![AllTasksDone, AllTasksDone]),
            (75.0, tasks(Some(false), None), Rating::Completed, vec![AllTasksDone]),
            (75.0, tasks(None, None), Rating::Completed, vec![AllTasksDone]),
            (60.0, tasks(Some(false), None), Rating::Completed, vec![]),
            (40.0, tasks(Some(true), Some(50.0)), Rating::NotCompleted, vec![]),
        ];
        for (total, conditions, want, unmet) in cases {
            let level = score_level(total, Some(conditions));
            assert_eq!(level.level, want, "{total} {conditions:?}");
            assert_eq!(level.unmet, unmet, "{total} {conditions:?}");
            assert_eq!(level.band, band(total));
        }
    }
}
