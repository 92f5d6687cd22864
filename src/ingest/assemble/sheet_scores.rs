//! Scores from workbooks (a roster's score columns, a score sheet) merged into the units'
//! meetings: a score the meeting file leaves out is taken from the workbook, with its
//! cell; one written in both places that disagrees is an error naming both (the sheet's
//! cell and the meeting file's line:column), never a silent choice of one.

use super::super::roster::{ScoreRow, points_text};
use super::book_merge::Target;
use crate::findings::{Finding, Findings, input};
use crate::model::{Membership, Score, UnitReview};

/// The rows placed under their unit (indexed like the units). Rows of the Director's
/// board have no unit meeting to go to: the clerk is told they are not used.
pub fn by_unit(rows: Vec<ScoreRow>, unit_count: usize, findings: &mut Findings) -> Vec<Vec<ScoreRow>> {
    let mut units: Vec<Vec<ScoreRow>> = vec![Vec::new(); unit_count];
    for row in rows {
        match row.membership {
            Some(Membership::Unit(unit)) => units[unit].push(row),
            Some(Membership::Leadership) => findings.push(
                Finding::warning(
                    input::INPUT_INVALID,
                    format!(
                        "Điểm của {} (lãnh đạo Sở) ghi ở bảng điểm không được dùng: lãnh đạo Sở không kiểm điểm ở phòng, ban nào.",
                        row.name
                    ),
                )
                .person(&row.name)
                .at(row.score.source.clone()),
            ),
            // The unknown unit has its finding already.
            None => {}
        }
    }
    units
}

/// Each row's score into its member's review. A person scored in two workbooks (a
/// roster's column and a score sheet) keeps the first; a second that disagrees is an
/// error naming both cells.
pub fn merge(target: &Target, review: &mut UnitReview, rows: &[ScoreRow], findings: &mut Findings) {
    let mut from_books: Vec<(usize, &ScoreRow)> = Vec::new();
    for row in rows {
        let Some(index) = target.entry(review, &row.name, &row.source, findings) else { continue };
        if let Some((_, first)) = from_books.iter().find(|(filled, _)| *filled == index) {
            if differ(&first.score, &row.score) {
                findings.push(twice_in_books(target, first, row));
            }
            continue;
        }
        let entry = &mut review.reviews[index];
        match &entry.score {
            None => {
                entry.score = Some(Box::new(row.score.clone()));
                from_books.push((index, row));
            }
            Some(written) if differ(written, &row.score) => {
                let who = entry.person.name.clone();
                let finding = target.conflict(
                    &who,
                    "điểm cả năm",
                    (&row.score.source, &described(&row.score)),
                    (Some(&written.source), &described(written)),
                );
                findings.push(finding.person(who));
            }
            Some(_) => {}
        }
    }
}

/// INPUT_INVALID: one person's score written differently in two workbooks.
fn twice_in_books(target: &Target, first: &ScoreRow, second: &ScoreRow) -> Finding {
    Finding::error(
        input::INPUT_INVALID,
        format!(
            "{}: điểm cả năm ghi khác nhau ở hai bảng điểm: {} ghi {}, {} ghi {}. Hãy sửa cho khớp, hoặc xóa ở một nơi.",
            first.name,
            first.score.source,
            described(&first.score),
            second.score.source,
            described(&second.score)
        ),
    )
    .unit(target.unit_name())
    .person(&first.name)
    .at(second.score.source.clone())
}

/// Scores of a unit without a meeting file: nothing to put them in yet.
pub fn unused(rows: &[ScoreRow], unit_name: &str) -> Option<Finding> {
    let first = rows.first()?;
    Some(
        Finding::warning(
            input::INPUT_INVALID,
            format!(
                "Bảng điểm có điểm của {} người thuộc {unit_name} nhưng đơn vị chưa có tệp họp kiểm điểm (kind: unit_review), nên điểm chưa được dùng. Hãy chạy `xeploai prepare` để tạo tệp họp.",
                rows.len()
            ),
        )
        .unit(unit_name)
        .at(first.score.source.clone()),
    )
}

/// Two scores differ when their year totals do, or when both give the parts and the
/// parts do.
fn differ(a: &Score, b: &Score) -> bool {
    const EPSILON: f64 = 1e-9;
    let parts_differ = match (a.split(), b.split()) {
        (Some(x), Some(y)) => (x.0 - y.0).abs() > EPSILON || (x.1 - y.1).abs() > EPSILON,
        _ => false,
    };
    (a.total() - b.total()).abs() > EPSILON || parts_differ
}

/// "27 + 64,5 = 91,5", or the total alone when the parts are not known.
fn described(score: &Score) -> String {
    match score.split() {
        Some((general, tasks)) => {
            format!("{} + {} = {}", points_text(general), points_text(tasks), points_text(score.total()))
        }
        None => points_text(score.total()),
    }
}
