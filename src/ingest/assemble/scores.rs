//! A review's score fields → [`Score`] and [`TaskConditions`]. A year score and period
//! scores given together disagree about what the year is: the clerk is asked to keep one,
//! and the year score is used meanwhile.

use std::sync::Arc;

use serde_saphyr::Spanned;

use super::super::yaml::{TasksDoc, YPeriods, YPoints, source_of};
use crate::findings::{Finding, Findings, input};
use crate::model::{PeriodScore, Score, ScoreInput, TaskConditions};
use crate::source::Origin;

pub fn score(
    origin: &Arc<Origin>,
    year: Option<&Spanned<YPoints>>,
    periods: Option<&Spanned<YPeriods>>,
    findings: &mut Findings,
) -> Option<Score> {
    let periods = periods.filter(|p| !p.value.0.is_empty());
    if let (Some(year), Some(_)) = (year, periods) {
        findings.push(
            Finding::error(
                input::INPUT_INVALID,
                "Đã ghi cả điểm cả năm (score) lẫn điểm từng kỳ (periods); chỉ giữ một trong hai. \
             Tạm dùng điểm cả năm.",
            )
            .at(source_of(origin, year)),
        );
    }
    if let Some(year) = year {
        return Some(Score { input: ScoreInput::Year(year.value.0), source: source_of(origin, year) });
    }
    let periods = periods?;
    let mut scores: Vec<PeriodScore> = periods
        .value
        .0
        .iter()
        .map(|(key, points)| PeriodScore {
            index: key.value.index,
            points: points.value.0,
            source: source_of(origin, points),
        })
        .collect();
    scores.sort_by_key(|p| p.index);
    let kind = periods.value.0[0].0.value.kind;
    Some(Score { input: ScoreInput::Periods { kind, periods: scores }, source: source_of(origin, periods) })
}

pub fn tasks(doc: Option<&TasksDoc>) -> Option<TaskConditions> {
    doc.map(|t| TaskConditions { all_done: t.all_done, exceeded_percent: t.exceeded_percent.map(|n| n.0) })
        .filter(|t| *t != TaskConditions::default())
}
