//! `@table … @end`: ruled tables, their cells, and how merged cells lay out in rows.
//!
//! A table is read row by row wherever it is used (its column widths are fitted to
//! every row, then the rows are written), so a long one need not be held parsed: a
//! province's annex has a row per person, and its cells parsed took 120 MB at 100,000
//! people. A table longer than [`HELD_ROWS`] keeps where its lines are in the markup
//! instead, and parses them again each time it is read: it borrows them, since the
//! markup is held while the document is written (a copy of them was 126 MB at a
//! million people, beside the markup's 170 MB). A long list's rows are not in the
//! markup at all but held apart, deflated ([`super::lists`]): its `@list N` line stands
//! for them, and they are inflated a chunk at a time each time the table is read.

use std::borrow::Cow;

use super::lists::{LIST_LINE, List};
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

/// A table's rows: parsed, or where a long table's are (see the module's doc).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Rows<'a> {
    Parsed(Vec<Vec<Cell>>),
    Long { parts: Vec<Part<'a>>, count: usize },
}

/// A run of a long table's rows.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Part<'a> {
    /// The markup from a row's line to a later row's: one row a line (blank lines and
    /// the lines' indents aside), each checked when the table was read.
    Lines(&'a str),
    /// A long list's rows, each checked when the table was read.
    List(&'a List),
}

impl<'a> Part<'a> {
    /// The rows' cells, parsed again.
    fn rows(&self) -> Box<dyn Iterator<Item = Vec<Cow<'a, Cell>>> + 'a> {
        match *self {
            Part::Lines(text) => Box::new(row_lines(text).map(parsed_again)),
            // A chunk's rows are parsed whole (a thousand rows): its text is let go of then.
            Part::List(list) => {
                Box::new(list.texts().flat_map(|text| row_lines(&text).map(parsed_again).collect::<Vec<_>>()))
            }
        }
    }
}

/// The lines of `text` that are rows: not blank, their indents aside.
fn row_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty())
}

/// A row's cells from its line, which was checked when the table was read: a line that
/// fails now cannot be one of them.
fn parsed_again<'c>(line: &str) -> Vec<Cow<'c, Cell>> {
    row(line).unwrap_or_default().into_iter().map(Cow::Owned).collect()
}

impl Table<'_> {
    pub fn row_count(&self) -> usize {
        match &self.rows {
            Rows::Parsed(rows) => rows.len(),
            Rows::Long { count, .. } => *count,
        }
    }

    /// The rows' cells, in order.
    pub fn rows(&self) -> Box<dyn Iterator<Item = Vec<Cow<'_, Cell>>> + '_> {
        match &self.rows {
            Rows::Parsed(rows) => Box::new(rows.iter().map(|row| row.iter().map(Cow::Borrowed).collect())),
            Rows::Long { parts, .. } => Box::new(parts.iter().flat_map(Part::rows)),
        }
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
/// not blank, each a slice of `src`; `lists`: the long lists a `@list N` line names.
pub(super) fn table<'a>(
    args: &str,
    body: &[(usize, &'a str)],
    src: &'a str,
    lists: &'a [List],
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
    let parts = parts(body, src, lists, err)?;
    // Every row checked; their cells kept while they are few.
    let mut parsed = Vec::new();
    let mut count = 0;
    let mut layout = Layout::new(table.widths.len());
    let mut check = |line: usize, text: &str| -> Result<(), MarkupError> {
        let cells = row(text).map_err(|message| err(line, message))?;
        layout.place(cells.iter().map(Cow::Borrowed).collect()).map_err(|message| err(line, message))?;
        count += 1;
        match count <= HELD_ROWS {
            true => parsed.push(cells),
            false => parsed.clear(),
        }
        Ok(())
    };
    for &(line, ref part) in &parts {
        match *part {
            // The run's lines are the markup's from `line` on.
            Part::Lines(text) => text
                .lines()
                .enumerate()
                .map(|(i, text)| (line + i, text.trim()))
                .filter(|(_, text)| !text.is_empty())
                .try_for_each(|(at, text)| check(at, text))?,
            // A list's rows were written by its row template: an error names the list's line.
            Part::List(list) => {
                list.texts().try_for_each(|text| row_lines(&text).try_for_each(|row| check(line, row)))?
            }
        }
    }
    table.rows = match count <= HELD_ROWS {
        true => Rows::Parsed(parsed),
        false => Rows::Long { parts: parts.into_iter().map(|(_, part)| part).collect(), count },
    };
    Ok(table)
}

/// `body` as runs of row lines and long lists, each with the markup's line it starts at.
fn parts<'a>(
    body: &[(usize, &'a str)],
    src: &'a str,
    lists: &'a [List],
    err: &ErrFn,
) -> Result<Vec<(usize, Part<'a>)>, MarkupError> {
    let mut parts: Vec<(usize, Part<'a>)> = Vec::new();
    let mut run: Option<(usize, &'a str, &'a str)> = None;
    let close = |run: &mut Option<(usize, &'a str, &'a str)>, parts: &mut Vec<(usize, Part<'a>)>| {
        if let Some((line, first, last)) = run.take() {
            parts.push((line, Part::Lines(&src[offset(src, first)..offset(src, last) + last.len()])));
        }
    };
    for &(line, text) in body {
        match text.strip_prefix(LIST_LINE) {
            Some(index) => {
                close(&mut run, &mut parts);
                let list = index.trim().parse::<usize>().ok().and_then(|index| lists.get(index));
                let list = list.ok_or_else(|| err(line, format!("không có danh sách “{}”", index.trim())))?;
                parts.push((line, Part::List(list)));
            }
            None => match &mut run {
                Some((_, _, last)) => *last = text,
                None => run = Some((line, text, text)),
            },
        }
    }
    close(&mut run, &mut parts);
    Ok(parts)
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
