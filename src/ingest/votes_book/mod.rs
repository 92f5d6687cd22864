//! Stage 2c: a unit's votes workbook (`don-vi/<đơn vị>-phieu.xlsx`), where the counts
//! tallied on paper are typed: votes per level, self-rating and proposal for the
//! collective and each member. An empty cell is "not given here"; the meeting file may
//! give it instead (the two are merged in `assemble`).

pub mod layout;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use calamine::{Data, Range, Reader, open_workbook_auto};

use super::roster::cells;
use crate::findings::{Finding, Findings, input};
use crate::model::Rating;
use crate::source::Source;
use crate::text::clean;

/// A value typed in one cell, with the cell.
#[derive(Clone, Debug)]
pub struct Typed<T> {
    pub value: T,
    pub source: Source,
}

/// One row of the sheet: the collective's or a member's.
#[derive(Clone, Debug)]
pub struct BookRow {
    /// As written in column B.
    pub name: String,
    pub collective: bool,
    /// Per level, in [`Rating::LEVELS`] order; `None` where the cell is empty.
    pub votes: [Option<Typed<i32>>; 4],
    pub self_rating: Option<Typed<Rating>>,
    pub proposed: Option<Typed<Rating>>,
    /// The name cell.
    pub source: Source,
}

impl BookRow {
    pub fn is_empty(&self) -> bool {
        self.votes.iter().all(Option::is_none) && self.self_rating.is_none() && self.proposed.is_none()
    }
}

/// What one votes workbook gave.
#[derive(Clone, Debug)]
pub struct VotesBook {
    /// The unit as written in B2, and that cell.
    pub unit: Typed<String>,
    pub rows: Vec<BookRow>,
    /// The workbook, relative to the inputs folder.
    pub file: std::path::PathBuf,
}

impl VotesBook {
    /// Nothing typed in yet: the workbook is as `prepare` wrote it.
    pub fn is_empty(&self) -> bool {
        self.rows.iter().all(BookRow::is_empty)
    }
}

/// Reads the workbook; `None` when it cannot be read (the finding says why). Bad cells
/// are findings with their sheet!cell, and are left out.
pub fn read_book(path: &Path, rel: &Path, findings: &mut Findings) -> Option<VotesBook> {
    let opened = catch_unwind(AssertUnwindSafe(|| {
        let mut book = open_workbook_auto(path).map_err(|e| e.to_string())?;
        book.worksheet_range(layout::SHEET).map_err(|e| e.to_string())
    }));
    let range = match opened {
        Ok(Ok(range)) => range,
        Ok(Err(_)) | Err(_) => {
            findings.push(
                Finding::error(
                    input::INPUT_UNREADABLE,
                    format!(
                        "Không đọc được bảng phiếu: tệp hỏng hoặc không có trang tính “{}”. Hãy chạy lại `xeploai prepare` sau khi đổi tên tệp này, rồi chép số liệu sang tệp mới.",
                        layout::SHEET
                    ),
                )
                .at(Source::file(rel)),
            );
            return None;
        }
    };
    let grid = Grid { range: &range, rel };
    let unit = grid.at(layout::UNIT_CELL.0, layout::UNIT_CELL.1 as u16);
    if unit.value.is_empty() {
        findings.push(
            Finding::error(
                input::INPUT_INVALID,
                "Bảng phiếu chưa ghi tên đơn vị ở ô này; hãy ghi tên phòng, ban, đơn vị như trong agency.yaml.",
            )
            .at(unit.source),
        );
        return None;
    }
    let mut rows = Vec::new();
    let mut row = layout::FIRST_ROW;
    loop {
        let name = grid.at(row, layout::NAME_COLUMN);
        if name.value.is_empty() {
            break;
        }
        rows.push(grid.row(row, name, findings));
        row += 1;
    }
    Some(VotesBook { unit, rows, file: rel.to_path_buf() })
}

/// The sheet's cells with their addresses.
struct Grid<'a> {
    range: &'a Range<Data>,
    rel: &'a Path,
}

impl Grid<'_> {
    fn cell(&self, row: u32, col: u16) -> (&Data, Source) {
        let value = self.range.get_value((row, u32::from(col))).unwrap_or(&Data::Empty);
        (value, Source::cell(self.rel, layout::SHEET, row, u32::from(col)))
    }

    fn at(&self, row: u32, col: u16) -> Typed<String> {
        let (value, source) = self.cell(row, col);
        Typed { value: clean(&cells::text(value)), source }
    }

    fn row(&self, row: u32, name: Typed<String>, findings: &mut Findings) -> BookRow {
        let votes = layout::VOTE_COLUMNS.map(|col| self.count(row, col, findings));
        BookRow {
            collective: layout::is_collective(&name.value),
            votes,
            self_rating: self.rating(row, layout::SELF_RATING_COLUMN, findings),
            proposed: self.rating(row, layout::PROPOSED_COLUMN, findings),
            name: name.value,
            source: name.source,
        }
    }

    /// A whole number of votes; anything else is a finding at the cell.
    fn count(&self, row: u32, col: u16, findings: &mut Findings) -> Option<Typed<i32>> {
        let (value, source) = self.cell(row, col);
        match cells::number(value) {
            Ok(None) => None,
            Ok(Some(n)) if n.fract() == 0.0 && n.abs() < 1e9 => Some(Typed { value: n as i32, source }),
            Ok(Some(n)) => {
                findings.push(bad_cell(source, format!("Số phiếu “{n}” không phải là số nguyên.")));
                None
            }
            Err(why) => {
                findings.push(bad_cell(source, format!("{why} Ô này chỉ ghi số phiếu (số nguyên), hoặc để trống.")));
                None
            }
        }
    }

    /// A rating in any accepted spelling; anything else is a finding at the cell.
    fn rating(&self, row: u32, col: u16, findings: &mut Findings) -> Option<Typed<Rating>> {
        let text = self.at(row, col);
        if text.value.is_empty() {
            return None;
        }
        match Rating::parse(&text.value) {
            Some(value) => Some(Typed { value, source: text.source }),
            None => {
                findings.push(bad_cell(
                    text.source,
                    format!("Mức xếp loại “{}” không hợp lệ. Cách ghi: {}.", text.value, Rating::accepted_spellings()),
                ));
                None
            }
        }
    }
}

fn bad_cell(source: Source, message: String) -> Finding {
    Finding::error(input::INPUT_INVALID, format!("Bảng phiếu: {message}")).at(source)
}
