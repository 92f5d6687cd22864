//! `@table … @end`: ruled tables, their cells, and how merged cells lay out in rows.
//!
//! A table is read row by row wherever it is used (its column widths are fitted to
//! every row, then the rows are written), so a long one need not be held parsed: a
//! province's annex has a row per person, and its cells parsed took 120 MB at 100,000
//! people. A table longer than [`HELD_ROWS`] keeps where its lines are in the markup
//! instead, and parses them again each time it is read: it borrows them, since the
//! markup is held while the document is written (a copy of them was 126 MB at a
//! million people, beside the markup's 170 MB).

use std::borrow::Cow;

use super::{Align, ErrFn, MarkupError, Span, inline};

/// Tables up to this many rows keep their cells parsed: every document's own tables (a
/// unit's minutes, a form), which are read more than once and are small.
pub(super) const HELD_ROWS: usize = 1_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub spans: Vec<Span>,
    pub colspan: usize,
    /// Rows this cell spans downwards (1 = none).
    pub rowspan: usize,
    pub align: Option<Align>,
    pub bold: bool,
}

/// A place in a table row: a cell, or the continuation of a cell merged from above.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot<'a> {
    pub col: usize,
    pub colspan: usize,
    /// `None` where a cell of an earlier row spans down into this one.
    pub cell: Option<Cow<'a, Cell>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table<'a> {
    /// Relative column widths (any unit); the writer scales them to the text width.
    pub widths: Vec<u32>,
    /// Rows at the top repeated on every page.
    pub header_rows: usize,
    /// Font size in points.
    pub size: u32,
    rows: Rows<'a>,
}

/// A table's rows: parsed, or the markup lines of a long table (see the module's doc).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Rows<'a> {
    Parsed(Vec<Vec<Cell>>),
    /// The markup from the first row's line to the last's: one row a line (blank lines
    /// and the lines' indents aside), each checked when the table was read.
    Lines {
        text: &'a str,
        count: usize,
    },
}

impl Table<'_> {
    pub fn row_count(&self) -> usize {
        match &self.rows {
            Rows::Parsed(rows) => rows.len(),
            Rows::Lines { count, .. } => *count,
        }
    }

    /// The rows' cells, in order.
    pub fn rows(&self) -> impl Iterator<Item = Vec<Cow<'_, Cell>>> {
        let (parsed, lines) = match &self.rows {
            Rows::Parsed(rows) => (Some(rows.iter()), None),
            Rows::Lines { text, .. } => (None, Some(text.lines().map(str::trim).filter(|line| !line.is_empty()))),
        };
        let parsed = parsed.into_iter().flatten().map(|row| row.iter().map(Cow::Borrowed).collect::<Vec<_>>());
        // Checked when read: a line that fails now cannot be one of them.
        let lines =
            lines.into_iter().flatten().map(|line| row(line).unwrap_or_default().into_iter().map(Cow::Owned).collect());
        parsed.chain(lines)
    }

    /// Rows as slots, with the continuations of vertically merged cells filled in.
    pub fn grid(&self) -> impl Iterator<Item = Vec<Slot<'_>>> {
        let mut layout = Layout::new(self.widths.len());
        // Checked when read: every row fills the columns.
        self.rows().map(move |cells| layout.place(cells).unwrap_or_default())
    }
}

/// Places the cells of one row after another in columns, carrying the cells merged
/// downwards from row to row.
struct Layout {
    /// For each column where a merged cell starts: rows still to cover, and its width.
    pending: Vec<Option<(usize, usize)>>,
}

impl Layout {
    fn new(columns: usize) -> Layout {
        Layout { pending: vec![None; columns] }
    }

    /// The slots of the next row; `Err(message)` when it does not fill the columns.
    fn place<'a>(&mut self, cells: Vec<Cow<'a, Cell>>) -> Result<Vec<Slot<'a>>, String> {
        let columns = self.pending.len();
        let mut slots = Vec::with_capacity(cells.len());
        let mut cells = cells.into_iter();
        let mut col = 0;
        while col < columns {
            if let Some((left, span)) = self.pending[col] {
                slots.push(Slot { col, colspan: span, cell: None });
                self.pending[col] = (left > 1).then_some((left - 1, span));
                col += span;
                continue;
            }
            let Some(cell) = cells.next() else { break };
            if cell.rowspan > 1 {
                self.pending[col] = Some((cell.rowspan - 1, cell.colspan));
            }
            let colspan = cell.colspan;
            slots.push(Slot { col, colspan, cell: Some(cell) });
            col += colspan;
        }
        let extra = cells.count();
        if col != columns || extra > 0 {
            let filled = col + extra;
            return Err(format!("dòng có {filled} cột, bảng có {columns} cột"));
        }
        Ok(slots)
    }
}

/// Reads `@table ARGS` and its lines, checking every row; `body`: the lines, trimmed and
/// not blank, each a slice of `src`.
pub(super) fn table<'a>(
    args: &str,
    body: &[(usize, &'a str)],
    src: &'a str,
    err: &ErrFn,
    start: usize,
) -> Result<Table<'a>, MarkupError> {
    let mut table = Table { widths: Vec::new(), header_rows: 0, size: 13, rows: Rows::Parsed(Vec::new()) };
    for arg in args.split_whitespace() {
        let (k, v) =
            arg.split_once('=').ok_or_else(|| err(start, format!("tham số bảng “{arg}” cần dạng khóa=giá trị")))?;
        let bad = || err(start, format!("tham số bảng {k}=“{v}” không hợp lệ"));
        match k {
            "widths" => {
                table.widths =
                    v.split(',').map(|w| w.trim().parse::<u32>().map_err(|_| bad())).collect::<Result<_, _>>()?
            }
            "header" => table.header_rows = v.parse().map_err(|_| bad())?,
            "size" => table.size = v.parse().map_err(|_| bad())?,
            _ => return Err(err(start, format!("bảng không có tham số “{k}”"))),
        }
    }
    if table.widths.is_empty() || table.widths.contains(&0) {
        return Err(err(start, "bảng cần widths=... với các số dương".into()));
    }
    let held = body.len() <= HELD_ROWS;
    let mut parsed = Vec::with_capacity(if held { body.len() } else { 0 });
    let mut layout = Layout::new(table.widths.len());
    for (line, text) in body {
        let cells = row(text).map_err(|message| err(*line, message))?;
        layout.place(cells.iter().map(Cow::Borrowed).collect()).map_err(|message| err(*line, message))?;
        if held {
            parsed.push(cells);
        }
    }
    table.rows = match (held, body.first(), body.last()) {
        (false, Some((_, first)), Some((_, last))) => {
            Rows::Lines { text: &src[offset(src, first)..offset(src, last) + last.len()], count: body.len() }
        }
        _ => Rows::Parsed(parsed),
    };
    Ok(table)
}

/// Where `part`, a slice of `src`, starts in it.
fn offset(src: &str, part: &str) -> usize {
    let at = (part.as_ptr() as usize).wrapping_sub(src.as_ptr() as usize);
    debug_assert!(at + part.len() <= src.len(), "a table's line is a slice of its markup");
    at
}

/// The cells of one row's line.
fn row(line: &str) -> Result<Vec<Cell>, String> {
    let raw = cells(line).ok_or_else(|| "mỗi dòng của bảng bắt đầu và kết thúc bằng |".to_string())?;
    raw.into_iter().map(cell).collect()
}

/// Splits `| a | b \| c |` on unescaped bars; the cells keep their escapes.
fn cells(line: &str) -> Option<Vec<&str>> {
    let inner = line.strip_prefix('|')?;
    let mut out = Vec::new();
    let (mut start, mut at) = (0, 0);
    while let Some(found) = inner[at..].bytes().position(|b| matches!(b, b'\\' | b'|')) {
        let i = at + found;
        if inner.as_bytes()[i] == b'\\' {
            // Skip the escaped character, whatever its length.
            at = i + 1 + inner[i + 1..].chars().next().map_or(0, char::len_utf8);
            continue;
        }
        out.push(inner[start..i].trim());
        start = i + 1;
        at = start;
    }
    inner[start..].trim().is_empty().then_some(out).filter(|cells| !cells.is_empty())
}

/// `{span=2 align=center bold} text` → a cell.
fn cell(raw: &str) -> Result<Cell, String> {
    let mut cell = Cell { spans: Vec::new(), colspan: 1, rowspan: 1, align: None, bold: false };
    let mut text = raw;
    if let Some(rest) = raw.strip_prefix('{') {
        let (attrs, after) = rest.split_once('}').ok_or("thuộc tính ô thiếu dấu }")?;
        text = after.trim();
        for attr in attrs.split_whitespace() {
            match attr.split_once('=') {
                Some(("span", n)) => cell.colspan = n.parse().ok().filter(|n| *n > 0).ok_or("span cần số dương")?,
                Some(("rows", n)) => cell.rowspan = n.parse().ok().filter(|n| *n > 0).ok_or("rows cần số dương")?,
                Some(("align", a)) => {
                    cell.align = Some(match a {
                        "left" => Align::Left,
                        "center" => Align::Center,
                        "right" => Align::Right,
                        _ => return Err(format!("align “{a}” không hợp lệ")),
                    })
                }
                None if attr == "bold" => cell.bold = true,
                _ => return Err(format!("thuộc tính ô “{attr}” không hợp lệ")),
            }
        }
    }
    cell.spans = inline(text);
    Ok(cell)
}
