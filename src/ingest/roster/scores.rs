//! The scores a sheet carries (inputs.md, "Cycles after 2023: scores"): the year's two
//! parts, its total, or monthly or quarterly totals. A cell that is not a number is an
//! INPUT_INVALID at that cell and is left out; a number out of range is kept, for the
//! rules to judge with its place.

use calamine::Data;

use super::cells;
use super::header::{Field, Header};
use crate::findings::{Finding, Findings, input};
use crate::model::{Membership, PeriodKind, PeriodScore, Points, Score, ScoreInput};
use crate::source::Source;

/// One person's score as a sheet gives it, before it joins the person's review.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ScoreRow {
    pub name: String,
    /// `None` when the unit is unknown (the finding has been given already).
    pub membership: Option<Membership>,
    pub score: Score,
    /// The name cell.
    pub source: Source,
}

/// A number typed in one score cell, with the cell.
struct Typed {
    value: f64,
    source: Source,
}

/// The score cells of one row, sorted by what they say.
#[derive(Default)]
struct RowCells {
    general: Option<Typed>,
    tasks: Option<Typed>,
    total: Option<Typed>,
    kind: Option<PeriodKind>,
    periods: Vec<PeriodScore>,
}

/// The score of one row; `None` when its score cells are empty or unreadable.
pub fn row_score(
    header: &Header,
    row: &[Data],
    at: &dyn Fn(usize) -> Source,
    findings: &mut Findings,
) -> Option<Score> {
    let cells = row_cells(header, row, at, findings);
    let year = year_points(&cells, findings);
    match (year, cells.periods.first()) {
        (Some((points, source)), first_period) => {
            if let Some(period) = first_period {
                findings.push(invalid(
                    "Dòng này có cả điểm cả năm lẫn điểm từng tháng, quý; chỉ giữ một trong hai. Tạm dùng điểm cả năm.",
                    period.source.clone(),
                ));
            }
            Some(Score { input: ScoreInput::Year(points), source })
        }
        (None, Some(first)) => {
            let source = first.source.clone();
            let kind = cells.kind.unwrap_or(PeriodKind::Quarter);
            Some(Score { input: ScoreInput::Periods { kind, periods: cells.periods }, source })
        }
        (None, None) => None,
    }
}

fn row_cells(header: &Header, row: &[Data], at: &dyn Fn(usize) -> Source, findings: &mut Findings) -> RowCells {
    let mut cells = RowCells::default();
    for &(c, field) in header.columns.iter().filter(|(_, f)| f.is_score()) {
        let typed = match score_number(row.get(c).unwrap_or(&Data::Empty)) {
            Ok(Some(value)) => Typed { value, source: at(c) },
            Ok(None) => continue,
            Err(why) => {
                findings.push(invalid(&why, at(c)));
                continue;
            }
        };
        let period = match field {
            Field::ScoreGeneral => {
                cells.general = Some(typed);
                continue;
            }
            Field::ScoreTasks => {
                cells.tasks = Some(typed);
                continue;
            }
            Field::ScoreTotal => {
                cells.total = Some(typed);
                continue;
            }
            Field::ScoreMonth(index) => (PeriodKind::Month, index),
            Field::ScoreQuarter(index) => (PeriodKind::Quarter, index),
            _ => continue,
        };
        cells.add_period(period, typed, findings);
    }
    cells.periods.sort_by_key(|p| p.index);
    cells
}

impl RowCells {
    fn add_period(&mut self, (kind, index): (PeriodKind, u8), typed: Typed, findings: &mut Findings) {
        if *self.kind.get_or_insert(kind) != kind {
            findings.push(invalid(
                "Không ghi lẫn điểm tháng với điểm quý cho một người; chọn một cách. Ô này không được dùng.",
                typed.source,
            ));
            return;
        }
        self.periods.push(PeriodScore { index, points: Points::Total(typed.value), source: typed.source });
    }
}

/// The year's points: both parts, or the total; a part alone is an error at its cell.
fn year_points(cells: &RowCells, findings: &mut Findings) -> Option<(Points, Source)> {
    match (&cells.general, &cells.tasks, &cells.total) {
        (Some(general), Some(tasks), total) => {
            let points = Points::Split { general: general.value, tasks: tasks.value };
            if let Some(total) = total.as_ref().filter(|t| (t.value - points.total()).abs() > 1e-9) {
                findings.push(invalid(
                    &format!(
                        "Tổng điểm {} khác tổng hai phần ({} + {} = {}); hãy sửa cho khớp. Tạm dùng hai phần.",
                        points_text(total.value),
                        points_text(general.value),
                        points_text(tasks.value),
                        points_text(points.total())
                    ),
                    total.source.clone(),
                ));
            }
            Some((points, general.source.clone()))
        }
        (_, _, Some(total)) => Some((Points::Total(total.value), total.source.clone())),
        (Some(part), None, None) | (None, Some(part), None) => {
            findings.push(invalid(
                "Chỉ có một trong hai phần điểm; hãy ghi cả điểm tiêu chí chung và điểm kết quả thực hiện nhiệm vụ, hoặc ghi tổng điểm.",
                part.source.clone(),
            ));
            None
        }
        (None, None, None) => None,
    }
}

fn score_number(cell: &Data) -> Result<Option<f64>, String> {
    if let Some(err) = cells::error_value(cell) {
        return Err(format!("Ô điểm chứa lỗi công thức {err}; hãy ghi số điểm."));
    }
    cells::number(cell)
        .and_then(|n| match n {
            Some(v) if !v.is_finite() => Err(format!("“{v}” không phải là một số.")),
            n => Ok(n),
        })
        .map_err(|why| format!("{why} Hãy ghi số điểm như 27 hoặc 64,5."))
}

/// A score as the clerk writes it: "91", "64,5".
pub fn points_text(value: f64) -> String {
    let text = crate::text::decimal_vi(value, 2);
    match text.split_once(',') {
        Some((int, frac)) => match frac.trim_end_matches('0') {
            "" => int.to_string(),
            frac => format!("{int},{frac}"),
        },
        None => text,
    }
}

fn invalid(message: &str, source: Source) -> Finding {
    Finding::error(input::INPUT_INVALID, message.to_string()).at(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_written_as_clerks_write_them() {
        assert_eq!(points_text(91.0), "91");
        assert_eq!(points_text(64.5), "64,5");
        assert_eq!(points_text(88.25), "88,25");
    }
}
