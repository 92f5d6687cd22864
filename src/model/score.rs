//! Scores out of 100 (cycles from 2025): general criteria and task results, given for the
//! year or as monthly or quarterly scores whose exact average is the year's. The model
//! keeps what the meeting wrote, out-of-range values included: the rules judge them, with
//! their place, so that one bad number never hides the rest of the file.

use serde::{Deserialize, Serialize};

use crate::source::Source;

/// The most the general criteria (tiêu chí chung) can earn.
pub const GENERAL_MAX: f64 = 30.0;
/// The most the task results (kết quả thực hiện nhiệm vụ) can earn.
pub const TASKS_MAX: f64 = 70.0;
/// The whole scale.
pub const TOTAL_MAX: f64 = 100.0;

/// One score as written: its two parts, or only a total.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Points {
    Split { general: f64, tasks: f64 },
    Total(f64),
}

impl Points {
    pub fn total(self) -> f64 {
        match self {
            Points::Split { general, tasks } => general + tasks,
            Points::Total(total) => total,
        }
    }

    /// The parts, when they were written.
    pub fn split(self) -> Option<(f64, f64)> {
        match self {
            Points::Split { general, tasks } => Some((general, tasks)),
            Points::Total(_) => None,
        }
    }
}

/// Months or quarters: a run of periods is one or the other, never mixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodKind {
    Month,
    Quarter,
}

impl PeriodKind {
    /// How many periods make a year.
    pub fn per_year(self) -> u8 {
        match self {
            PeriodKind::Month => 12,
            PeriodKind::Quarter => 4,
        }
    }
}

/// One period's score and where it was written.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PeriodScore {
    /// 1-based: month 1..12 or quarter 1..4.
    pub index: u8,
    pub points: Points,
    pub source: Source,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum ScoreInput {
    Year(Points),
    /// In period order; at least one.
    Periods {
        kind: PeriodKind,
        periods: Vec<PeriodScore>,
    },
}

/// A review's score, where it was written.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Score {
    pub input: ScoreInput,
    pub source: Source,
}

impl Score {
    /// The year score: as given, or the exact average of the periods given (inputs.md: no
    /// rounding before banding).
    pub fn total(&self) -> f64 {
        match &self.input {
            ScoreInput::Year(points) => points.total(),
            ScoreInput::Periods { periods, .. } => average(periods.iter().map(|p| p.points.total())),
        }
    }

    /// The year's general and task parts, when every period gave them.
    pub fn split(&self) -> Option<(f64, f64)> {
        match &self.input {
            ScoreInput::Year(points) => points.split(),
            ScoreInput::Periods { periods, .. } => {
                let parts: Option<Vec<(f64, f64)>> = periods.iter().map(|p| p.points.split()).collect();
                let parts = parts?;
                Some((average(parts.iter().map(|p| p.0)), average(parts.iter().map(|p| p.1))))
            }
        }
    }

    /// Every score written, with its place: the year's, or each period's.
    pub fn written(&self) -> Vec<(Points, &Source)> {
        match &self.input {
            ScoreInput::Year(points) => vec![(*points, &self.source)],
            ScoreInput::Periods { periods, .. } => periods.iter().map(|p| (p.points, &p.source)).collect(),
        }
    }

    /// Periods missing inside the run given (Q1 and Q3 without Q2): the average then
    /// rests on fewer periods than were worked.
    pub fn gaps(&self) -> Vec<u8> {
        match &self.input {
            ScoreInput::Year(_) => Vec::new(),
            ScoreInput::Periods { periods, .. } => {
                let (Some(first), Some(last)) = (periods.first(), periods.last()) else {
                    return Vec::new();
                };
                (first.index..=last.index).filter(|i| !periods.iter().any(|p| p.index == *i)).collect()
            }
        }
    }
}

fn average(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = values.fold((0.0, 0u32), |(sum, count), v| (sum + v, count + 1));
    if count == 0 { 0.0 } else { sum / f64::from(count) }
}

/// The party side's conditions on the levels (QĐ 366 Art 11): every task done for HTT and
/// above, at least 30% of tasks exceeded for HTXS. `None` where the meeting did not say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskConditions {
    pub all_done: Option<bool>,
    pub exceeded_percent: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(index: u8, points: Points) -> PeriodScore {
        PeriodScore { index, points, source: Source::file("x.yaml") }
    }

    #[test]
    fn the_year_score_is_the_exact_average_of_the_periods() {
        let score = Score {
            input: ScoreInput::Periods {
                kind: PeriodKind::Quarter,
                periods: vec![
                    period(1, Points::Split { general: 28.0, tasks: 63.0 }),
                    period(2, Points::Total(91.0)),
                    period(3, Points::Total(88.5)),
                ],
            },
            source: Source::file("x.yaml"),
        };
        assert!((score.total() - (91.0 + 91.0 + 88.5) / 3.0).abs() < 1e-9);
        assert_eq!(score.split(), None, "a period given as a total has no parts");
        assert!(score.gaps().is_empty());
    }

    #[test]
    fn gaps_inside_the_run_are_found() {
        let score = Score {
            input: ScoreInput::Periods {
                kind: PeriodKind::Month,
                periods: vec![period(1, Points::Total(80.0)), period(4, Points::Total(90.0))],
            },
            source: Source::file("x.yaml"),
        };
        assert_eq!(score.gaps(), vec![2, 3]);
        assert_eq!(score.total(), 85.0);
    }

    #[test]
    fn a_year_score_adds_its_parts() {
        let score = Score {
            input: ScoreInput::Year(Points::Split { general: 27.0, tasks: 64.5 }),
            source: Source::file("x.yaml"),
        };
        assert_eq!(score.total(), 91.5);
        assert_eq!(score.split(), Some((27.0, 64.5)));
    }
}
