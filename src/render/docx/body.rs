//! The markup's blocks as WordprocessingML, in the Decree 30 layout of
//! [`super::super::layout`]: header block, title, body, tables, signatures.

use super::super::layout::*;
use super::super::markup::{Align, Block, Cell, Header, Para, ParaKind, Signature, Span, Table};
use super::super::{measure, vn, words};
use super::columns;
use super::xml::{Jc, Look, Merge, ParaProps, Xml};

/// The width tables are scaled to.
pub fn text_width(landscape: bool) -> u32 {
    if landscape { TEXT_WIDTH_LANDSCAPE } else { TEXT_WIDTH }
}

/// Writes one block of the body.
pub fn block(x: &mut Xml, block: &Block, width: u32) {
    match block {
        Block::Header(h) => header_block(x, h, width),
        Block::Title(t) => x.para(&centered().spacing(240, 0, LINE), &vn::upper(t), Look::bold(TITLE_SIZE)),
        Block::Subject(s) => {
            let look = Look::bold(TITLE_SIZE);
            x.lines(&centered().spacing(0, 0, LINE), &balanced(s, width, look), look);
            x.empty(&rule_line(width, TEXT_WIDTH / 4).spacing(0, 240, LINE));
        }
        Block::Para(p) => paragraph(x, p),
        Block::Table(t) => {
            table(x, t, width, 0);
            // A paragraph after every table: two tables in a row would merge into one.
            x.empty(&ParaProps { mark_size: Some(12), ..tight() });
        }
        Block::Lines(n) => {
            for _ in 0..*n {
                x.p(&ParaProps { dot_tab: Some(width), ..ParaProps::default() }.spacing(0, SPACING, LINE));
                x.tab_run(Look::plain(BODY_SIZE));
                x.end_p();
            }
        }
        Block::PageBreak => x.page_break(),
        // Read by the keep window; nothing to write.
        Block::Keep => {}
        Block::Sign(s) => sign_block(x, s, width),
        Block::Sign2 { left, right, recipients } => sign2_block(x, left, right, recipients, width),
    }
}

/// Single-spaced, nothing before or after.
fn tight() -> ParaProps {
    ParaProps::default().spacing(0, 0, 240)
}

fn centered() -> ParaProps {
    ParaProps { jc: Some(Jc::Center), ..tight() }
}

fn jc(a: Align) -> Jc {
    match a {
        Align::Justify => Jc::Both,
        Align::Left => Jc::Left,
        Align::Center => Jc::Center,
        Align::Right => Jc::Right,
    }
}

fn spans(x: &mut Xml, spans: &[Span], size: usize, bold: bool) {
    for s in spans {
        x.run(&s.text, Look { size, bold: s.bold || bold, italic: s.italic });
    }
}

/// A short solid line: an empty paragraph whose bottom border is `width` long, centred
/// in a space `within` wide (under the agency name, the motto and the subject).
fn rule_line(within: u32, width: u32) -> ParaProps {
    let indent = (within.saturating_sub(width) / 2) as i32;
    ParaProps {
        bottom_rule: true,
        spacing: Some((0, 0, 80, true)),
        indent: Some((indent, indent, 0)),
        mark_size: Some(4),
        ..ParaProps::default()
    }
}

/// A table whose last rows keep with what follows it (the lines before a signature).
pub fn table_kept_with_next(x: &mut Xml, block: &Block, width: u32) {
    let Block::Table(t) = block else { return self::block(x, block, width) };
    table(x, t, width, ROWS_KEPT);
    x.empty(&ParaProps { keep_next: true, mark_size: Some(12), ..tight() });
}

/// Rows at the end of a table that keep with the signature after it.
const ROWS_KEPT: usize = 2;

/// Opens the invisible, unsplittable row that holds a signature and what keeps with it.
pub fn open_kept(x: &mut Xml, width: u32) {
    x.tbl_unpadded(width);
    x.tr(true, false);
    x.tc(width, 1, None, false);
}

/// Ends the kept row. The paragraph every table needs after it is written by
/// [`after_kept`], once it is known whether the document ends there.
pub fn close_kept(x: &mut Xml) {
    // A cell ends with a paragraph.
    x.empty(&ParaProps { mark_size: Some(2), ..tight() });
    x.end_tc();
    x.end_tr();
    x.end_tbl();
}

/// The paragraph after a kept row. At the end of the body it is hidden and one point
/// high: a signature that fills its page to the last line must not push an empty
/// paragraph onto a page of its own (Word and LibreOffice both print that page).
pub fn after_kept(x: &mut Xml, last: bool) {
    if last {
        x.empty(&ParaProps { vanish: true, ..ParaProps::one_point() });
    } else {
        x.empty(&ParaProps { mark_size: Some(2), ..tight() });
    }
}

fn paragraph(x: &mut Xml, p: &Para) {
    let heading = matches!(p.kind, ParaKind::Heading1 | ParaKind::Heading2);
    let indent = match p.kind {
        ParaKind::Body | ParaKind::Heading1 | ParaKind::Heading2 => Some((0, 0, FIRST_LINE_INDENT)),
        ParaKind::Plain | ParaKind::Lead => None,
    };
    let keep_next = heading || p.kind == ParaKind::Lead;
    x.p(&ParaProps { keep_next, indent, jc: Some(jc(p.align)), ..ParaProps::default() }
        .spacing(SPACING, SPACING, LINE));
    spans(x, &p.spans, BODY_SIZE, heading);
    x.end_p();
}

/// A borderless layout table of one row: each cell's content written by its closure.
fn borderless(x: &mut Xml, widths: &[u32], cells: &[&dyn Fn(&mut Xml)]) {
    x.tbl(widths, false, true);
    // A signature (or the header block) is never cut by a page break.
    x.tr(true, false);
    for (w, content) in widths.iter().zip(cells) {
        x.tc(*w, 1, None, false);
        content(x);
        x.end_tc();
    }
    x.end_tr();
    x.end_tbl();
}

/// `text` in the fewest balanced lines that fit `room`, broken only between words: a
/// subject never leaves "2023" alone on its last line.
fn balanced(text: &str, room: u32, look: Look) -> Vec<String> {
    balanced_words(&words::words(text), room, look)
}

/// [`balanced`] of a text already cut into its words.
fn balanced_words(words: &[String], room: u32, look: Look) -> Vec<String> {
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    measure::balanced_lines(&words, room, look.size, look.bold)
}

/// A name in the header's left column: in capitals, in balanced lines.
fn header_name(x: &mut Xml, text: &str, look: Look, column: u32) {
    x.lines(&centered(), &balanced(&vn::upper(text), column.saturating_sub(HEADER_CELL_PADDING), look), look);
}

/// The left column of the header: as narrow as the usual 6.35 cm allows, wider (up to
/// what the motto leaves) when that saves a name a line or keeps a word whole.
fn header_left_width(h: &Header, width: u32) -> u32 {
    let widest = width.saturating_sub(MOTTO_COLUMN).max(HEADER_LEFT);
    // Cut into words once: each is tried at every width below.
    let names: Vec<(Vec<String>, bool)> = [(&h.parent, false), (&h.issuer, true), (&h.unit, true)]
        .iter()
        .filter(|(text, _)| !text.is_empty())
        .map(|(text, bold)| (words::words(&vn::upper(text)), *bold))
        .collect();
    let lines_at = |column: u32| -> Vec<usize> {
        let room = column.saturating_sub(HEADER_CELL_PADDING);
        names
            .iter()
            .map(|(words, bold)| {
                let look = if *bold { Look::bold(HEADER_SIZE) } else { Look::plain(HEADER_SIZE) };
                let lines = balanced_words(words, room, look);
                let overflow = lines.iter().any(|line| measure::width(line, HEADER_SIZE, *bold) > room);
                // A word wider than the column counts as a line too many.
                lines.len() + usize::from(overflow)
            })
            .collect()
    };
    let best = lines_at(widest);
    (HEADER_LEFT..widest).step_by(120).find(|column| lines_at(*column) == best).unwrap_or(widest)
}

fn header_block(x: &mut Xml, h: &Header, width: u32) {
    if !h.form.is_empty() {
        x.para(&ParaProps { jc: Some(Jc::Right), ..tight() }.spacing(0, 120, 240), &h.form, Look::bold(FORM_TAG_SIZE));
    }
    let header_left = header_left_width(h, width);
    let header_right = width - header_left;
    let left = |x: &mut Xml| {
        if !h.parent.is_empty() {
            header_name(x, &h.parent, Look::plain(HEADER_SIZE), header_left);
        }
        header_name(x, &h.issuer, Look::bold(HEADER_SIZE), header_left);
        if !h.unit.is_empty() {
            header_name(x, &h.unit, Look::bold(HEADER_SIZE), header_left);
        }
        if h.party {
            // A party body's name is closed by a star (HD 36-HD/VPTW).
            x.para(&centered(), "*", Look::plain(HEADER_SIZE));
        } else {
            x.empty(&rule_line(header_left, header_left / 3));
        }
        // Forms and minutes of a unit carry no registry number.
        if !h.symbol.is_empty() {
            let number = vn::number_line(h.number.as_deref(), &h.symbol);
            x.para(&centered().spacing(SPACING, 0, LINE), &number, Look::plain(HEADER_SIZE));
        }
    };
    let right = |x: &mut Xml| {
        if h.party {
            x.para(&centered(), "ĐẢNG CỘNG SẢN VIỆT NAM", Look::bold(SLOGAN_SIZE));
            x.empty(&rule_line(header_right, 3_420));
        } else {
            x.para(&centered(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Look::bold(MOTTO_SIZE));
            x.para(&centered(), "Độc lập - Tự do - Hạnh phúc", Look::bold(SLOGAN_SIZE));
            // As wide as "Độc lập - Tự do - Hạnh phúc" at 14 pt.
            x.empty(&rule_line(header_right, 3_420));
        }
        let date = vn::date_line(&h.place, h.date, h.month, h.year);
        x.para(&centered().spacing(SPACING, 0, LINE), &date, Look { size: DATE_SIZE, bold: false, italic: true });
    };
    borderless(x, &[header_left, header_right], &[&left, &right]);
}

/// A ruled table; its last `rows_kept` rows keep with what follows.
fn table(x: &mut Xml, t: &Table, width: u32, rows_kept: usize) {
    let widths = columns::fit(t, width);
    let size = (t.size * 2) as usize;
    x.tbl(&widths, true, false);
    let first_kept = t.row_count().saturating_sub(rows_kept);
    for (r, slots) in t.grid().enumerate() {
        let header = r < t.header_rows;
        let keep = r >= first_kept;
        x.tr(true, header);
        for slot in slots {
            let (col, span) = (slot.col, slot.colspan);
            let width: u32 = widths[col..col + span].iter().sum();
            match &slot.cell {
                Some(cell) => {
                    x.tc(width, span, (cell.rowspan > 1).then_some(Merge::Restart), true);
                    table_paragraph(x, cell, size, header, keep);
                }
                None => {
                    x.tc(width, span, Some(Merge::Continue), true);
                    x.empty(&ParaProps { keep_next: keep, ..ParaProps::default() });
                }
            }
            x.end_tc();
        }
        x.end_tr();
    }
    x.end_tbl();
}

fn table_paragraph(x: &mut Xml, cell: &Cell, size: usize, header: bool, keep: bool) {
    let a = cell.align.unwrap_or(if header { Align::Center } else { Align::Left });
    x.p(&ParaProps { keep_next: keep, jc: Some(jc(a)), ..ParaProps::default() }.spacing(40, 40, 240));
    spans(x, &cell.spans, size, cell.bold || header);
    x.end_p();
}

/// "Nơi nhận:" and its lines (an empty paragraph when there are none).
fn recipient_list(x: &mut Xml, recipients: &[String]) {
    if recipients.is_empty() {
        x.empty(&tight());
        return;
    }
    x.para(&tight(), "Nơi nhận:", Look { size: RECIPIENTS_HEAD_SIZE, bold: true, italic: true });
    for r in recipients {
        x.para(&tight(), &format!("- {r}"), Look::plain(RECIPIENTS_SIZE));
    }
}

/// Nơi nhận on the left, level with the signature on the right (Decree 30, ô 9a/9b).
fn sign_block(x: &mut Xml, s: &Signature, width: u32) {
    let (lw, rw) = (width * 9 / 20, width - width * 9 / 20);
    let left = |x: &mut Xml| recipient_list(x, &s.recipients);
    let right = |x: &mut Xml| {
        if let Some(prefix) = &s.prefix {
            signer_title(x, prefix, rw);
        }
        signer(x, &s.title, &s.name, rw);
    };
    borderless(x, &[lw, rw], &[&left, &right]);
}

/// A signer's title in capitals, in balanced lines: "NGƯỜI CÓ THẨM QUYỀN / ĐÁNH GIÁ",
/// never "NGƯỜI CÓ THẨM QUYỀN ĐÁNH / GIÁ".
fn signer_title(x: &mut Xml, title: &str, column: u32) {
    let look = Look::bold(BODY_SIZE);
    x.lines(&centered(), &balanced(&vn::upper(title), column.saturating_sub(HEADER_CELL_PADDING), look), look);
}

/// The title, room for the signature, the name.
fn signer(x: &mut Xml, title: &str, name: &str, column: u32) {
    signer_title(x, title, column);
    for _ in 0..4 {
        x.empty(&ParaProps { mark_size: Some(BODY_SIZE), ..tight() });
    }
    x.para(&centered(), name, Look::bold(BODY_SIZE));
}

fn sign2_block(x: &mut Xml, left: &(String, String), right: &(String, String), recipients: &[String], width: u32) {
    let half = width / 2;
    borderless(
        x,
        &[half, width - half],
        &[&|x: &mut Xml| signer(x, &left.0, &left.1, half), &|x: &mut Xml| signer(x, &right.0, &right.1, width - half)],
    );
    if !recipients.is_empty() {
        let list = |x: &mut Xml| recipient_list(x, recipients);
        borderless(x, &[half, width - half], &[&list, &|x: &mut Xml| x.empty(&tight())]);
    }
}
