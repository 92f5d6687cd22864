//! The used cells of one sheet, read sparsely and within the bounds of a real roster.
//!
//! calamine's `worksheet_range` allocates rows × columns of a sheet's extent at once: a
//! single stray value at XFD1048576 asks for 512 GiB and aborts the process, one at
//! BZ1048576 costs 2.5 GB. So an .xlsx sheet is streamed cell by cell and only its values
//! are kept, and a sheet whose values reach past what any roster could hold is refused
//! at the first such value, before it costs anything more.

use calamine::{Data, DataRef, Range, Reader, Sheets};

/// Rows a roster sheet may use: a province's roster is about 200,000 people; 300,000
/// leaves room for title rows, sections and a larger agency, and still reads in seconds.
pub const MAX_ROWS: u32 = 300_000;

/// Columns a roster sheet may use: A to IV, the whole width of an old .xls sheet. A
/// roster has a few dozen columns; a value further right is a stray.
pub const MAX_COLUMNS: u32 = 256;

/// Cells an .xlsx sheet may list, formatted empty ones included: what bounds the time
/// spent streaming a sheet that holds few values among millions of blank cells.
pub const MAX_LISTED_CELLS: u64 = MAX_ROWS as u64 * 64;

/// The values of one sheet, in reading order (row, then column), positions absolute.
pub struct Grid {
    cells: Vec<(u32, u32, Data)>,
}

/// Why a sheet was not read.
pub enum SheetError {
    /// A value (or the listing of cells) reached past the bounds, at this zero-based cell.
    TooLarge { row: u32, col: u32 },
    /// calamine could not read the sheet (its message, for the finding).
    Unreadable(String),
}

/// Reads sheet `name` of `book`: .xlsx/.xlsm streamed sparsely, other formats (whose
/// reader builds the whole range itself) checked against the same bounds afterwards.
pub fn read<RS: std::io::Read + std::io::Seek>(book: &mut Sheets<RS>, name: &str) -> Result<Grid, SheetError> {
    match book {
        Sheets::Xlsx(xlsx) => {
            let mut reader = xlsx.worksheet_cells_reader(name).map_err(|e| SheetError::Unreadable(e.to_string()))?;
            let mut cells = Vec::new();
            let mut listed = 0u64;
            while let Some(cell) = reader.next_cell().map_err(|e| SheetError::Unreadable(e.to_string()))? {
                let (row, col) = cell.get_position();
                listed += 1;
                if listed > MAX_LISTED_CELLS {
                    return Err(SheetError::TooLarge { row, col });
                }
                if matches!(cell.get_value(), DataRef::Empty) {
                    continue;
                }
                check(row, col)?;
                cells.push((row, col, Data::from(cell.get_value().clone())));
            }
            Ok(Grid::new(cells))
        }
        other => {
            let range = other.worksheet_range(name).map_err(|e| SheetError::Unreadable(e.to_string()))?;
            from_range(&range)
        }
    }
}

fn check(row: u32, col: u32) -> Result<(), SheetError> {
    if row >= MAX_ROWS || col >= MAX_COLUMNS { Err(SheetError::TooLarge { row, col }) } else { Ok(()) }
}

fn from_range(range: &Range<Data>) -> Result<Grid, SheetError> {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut cells = Vec::new();
    for (r, c, value) in range.used_cells() {
        let (row, col) = (row0 + r as u32, col0 + c as u32);
        check(row, col)?;
        cells.push((row, col, value.clone()));
    }
    Ok(Grid::new(cells))
}

impl Grid {
    fn new(mut cells: Vec<(u32, u32, Data)>) -> Grid {
        // Writers list cells in order; a stable sort keeps a file that does not correct.
        if !cells.is_sorted_by_key(|(r, c, _)| (*r, *c)) {
            cells.sort_by_key(|(r, c, _)| (*r, *c));
        }
        Grid { cells }
    }

    /// The first row holding a value.
    pub fn first_row(&self) -> Option<u32> {
        self.cells.first().map(|(r, _, _)| *r)
    }

    /// Each row holding a value, from row `from` on: its number and its cells from
    /// column A to its last value (at most [`MAX_COLUMNS`] wide).
    pub fn rows_from(&self, from: u32) -> impl Iterator<Item = (u32, Vec<Data>)> + '_ {
        let start = self.cells.partition_point(|(r, _, _)| *r < from);
        let mut rest = &self.cells[start..];
        std::iter::from_fn(move || {
            let (row, _, _) = rest.first()?;
            let row = *row;
            let len = rest.partition_point(|(r, _, _)| *r == row);
            let (this, tail) = rest.split_at(len);
            rest = tail;
            let width = this.last().map_or(0, |(_, c, _)| *c as usize + 1);
            let mut dense = vec![Data::Empty; width];
            for (_, col, value) in this {
                dense[*col as usize] = value.clone();
            }
            Some((row, dense))
        })
    }
}
