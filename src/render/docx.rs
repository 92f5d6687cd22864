//! Markup → DOCX with docx-rs, in the Decree 30 layout of [`super::layout`]; what
//! docx-rs 0.4.22 cannot express is finished by [`super::postprocess`].

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Header as DocxHeader, LineSpacing, LineSpacingType, PageMargin,
    PageNum, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType,
    Tab, TabLeaderType, TabValueType, Table as DocxTable, TableAlignmentType, TableCell, TableLayoutType, TableRow,
    VMergeType, WidthType,
};

use super::layout::*;
use super::markup::{Align, Block, Cell, Document, Header, Para, ParaKind, Signature, Span, Table};
use super::postprocess::{self, HEADER_ROW_MARKER};
use super::vn;
use crate::text::sanitize;

/// Document properties (docProps/core.xml).
#[derive(Clone, Debug, Default)]
pub struct DocMeta {
    pub title: String,
    pub subject: String,
    /// The agency: Word shows it as the author.
    pub author: String,
}

#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("không đóng gói được tệp DOCX: {0}")]
    Pack(String),
}

pub fn write_docx(doc: &Document, meta: &DocMeta) -> Result<Vec<u8>, DocxError> {
    let (w, h, width) = if doc.landscape {
        (PAGE_HEIGHT, PAGE_WIDTH, TEXT_WIDTH_LANDSCAPE)
    } else {
        (PAGE_WIDTH, PAGE_HEIGHT, TEXT_WIDTH)
    };
    let mut docx = Docx::new()
        .page_size(w, h)
        .page_margin(PageMargin {
            top: MARGIN_TOP,
            left: MARGIN_LEFT,
            bottom: MARGIN_BOTTOM,
            right: MARGIN_RIGHT,
            header: HEADER_DISTANCE,
            footer: FOOTER_DISTANCE,
            gutter: 0,
        })
        .default_fonts(fonts())
        .default_size(BODY_SIZE)
        .default_tab_stop(720)
        .default_line_spacing(LineSpacing::new().line(LINE).line_rule(LineSpacingType::Auto))
        // Page numbers from page 2, centred in the top margin; page 1 has an empty header.
        .header(
            DocxHeader::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_page_num(PageNum::new())
                    .size(PAGE_NUMBER_SIZE)
                    .fonts(fonts()),
            ),
        )
        .first_header(DocxHeader::new().add_paragraph(Paragraph::new()))
        .title_pg();
    if doc.landscape {
        docx = docx.page_orient(docx_rs::PageOrientationType::Landscape);
    }
    for block in &doc.blocks {
        docx = match block {
            Block::Header(h) => docx.add_table(header_block(h, width)),
            Block::Title(t) => {
                docx.add_paragraph(centered(&vn::upper(t), TITLE_SIZE, true, false).line_spacing(spacing(240, 0)))
            }
            Block::Subject(s) => docx
                .add_paragraph(centered(s, TITLE_SIZE, true, false).line_spacing(spacing(0, 0)))
                .add_paragraph(rule_line(width, TEXT_WIDTH / 4).line_spacing(spacing(0, 240))),
            Block::Para(p) => docx.add_paragraph(paragraph(p)),
            // A paragraph after every table: two tables in a row would merge into one.
            Block::Table(t) => {
                docx.add_table(table(t, width)).add_paragraph(Paragraph::new().size(12).line_spacing(tight()))
            }
            Block::Lines(n) => (0..*n).fold(docx, |d, _| d.add_paragraph(dotted_line(width))),
            Block::PageBreak => docx.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page))),
            Block::Sign(s) => docx.add_table(sign_block(s, width)),
            Block::Sign2 { left, right } => docx.add_table(sign2_block(left, right, width)),
        };
    }
    let mut packed = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut packed).map_err(|e| DocxError::Pack(e.to_string()))?;
    postprocess::finish(&packed.into_inner(), meta).map_err(DocxError::Pack)
}

/// Times New Roman in all four slots: Vietnamese letters must never fall back to a
/// CJK or complex-script font.
fn fonts() -> RunFonts {
    RunFonts::new().ascii(FONT).hi_ansi(FONT).east_asia(FONT).cs(FONT)
}

fn run(text: &str, size: usize, bold: bool, italic: bool) -> Run {
    let mut run = Run::new().add_text(sanitize(text)).size(size).fonts(fonts());
    if bold {
        run = run.bold();
    }
    if italic {
        run = run.italic();
    }
    run
}

fn spans(mut p: Paragraph, spans: &[Span], size: usize, bold: bool) -> Paragraph {
    for s in spans {
        p = p.add_run(run(&s.text, size, s.bold || bold, s.italic));
    }
    p
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after).line(LINE).line_rule(LineSpacingType::Auto)
}

fn tight() -> LineSpacing {
    LineSpacing::new().before(0).after(0).line(240).line_rule(LineSpacingType::Auto)
}

fn align(a: Align) -> AlignmentType {
    match a {
        Align::Justify => AlignmentType::Both,
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    }
}

fn centered(text: &str, size: usize, bold: bool, italic: bool) -> Paragraph {
    Paragraph::new().align(AlignmentType::Center).add_run(run(text, size, bold, italic)).line_spacing(tight())
}

/// A short solid line: an empty paragraph whose bottom border is `width` long, centred
/// in a space `within` wide (under the agency name, the motto and the subject).
fn rule_line(within: u32, width: u32) -> Paragraph {
    let indent = (within.saturating_sub(width) / 2) as i32;
    Paragraph::new()
        .indent(Some(indent), None, Some(indent), None)
        .set_borders(
            ParagraphBorders::with_empty()
                .set(ParagraphBorder::new(ParagraphBorderPosition::Bottom).val(BorderType::Single).size(6).space(1)),
        )
        .size(4)
        .line_spacing(LineSpacing::new().before(0).after(0).line(80).line_rule(LineSpacingType::Exact))
}

fn paragraph(p: &Para) -> Paragraph {
    let base = Paragraph::new().align(align(p.align)).line_spacing(spacing(SPACING, SPACING));
    let base = match p.kind {
        ParaKind::Body | ParaKind::Heading1 | ParaKind::Heading2 => {
            base.indent(None, Some(SpecialIndentType::FirstLine(FIRST_LINE_INDENT)), None, None)
        }
        ParaKind::Plain => base,
    };
    let heading = matches!(p.kind, ParaKind::Heading1 | ParaKind::Heading2);
    let base = if heading { base.keep_next(true) } else { base };
    spans(base, &p.spans, BODY_SIZE, heading)
}

fn dotted_line(width: u32) -> Paragraph {
    Paragraph::new()
        .add_tab(Tab::new().val(TabValueType::Right).leader(TabLeaderType::Dot).pos(width as usize))
        .add_run(Run::new().add_tab().size(BODY_SIZE).fonts(fonts()))
        .line_spacing(spacing(0, SPACING))
}

fn borderless(widths: &[u32], rows: Vec<TableRow>) -> DocxTable {
    DocxTable::without_borders(rows)
        .set_grid(widths.iter().map(|w| *w as usize).collect())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum::<u32>() as usize, WidthType::Dxa)
        .align(TableAlignmentType::Center)
}

fn cell(width: u32, paragraphs: Vec<Paragraph>) -> TableCell {
    paragraphs.into_iter().fold(TableCell::new().width(width as usize, WidthType::Dxa), TableCell::add_paragraph)
}

fn header_block(h: &Header, width: u32) -> DocxTable {
    let header_right = width - HEADER_LEFT;
    let mut left = Vec::new();
    if !h.parent.is_empty() {
        left.push(centered(&vn::upper(&h.parent), HEADER_SIZE, false, false));
    }
    left.push(centered(&vn::upper(&h.issuer), HEADER_SIZE, true, false));
    left.push(rule_line(HEADER_LEFT, HEADER_LEFT / 3));
    // Forms and minutes of a unit carry no registry number.
    if !h.symbol.is_empty() {
        let number = vn::number_line(h.number.as_deref(), &h.symbol);
        left.push(centered(&number, HEADER_SIZE, false, false).line_spacing(spacing(SPACING, 0)));
    }
    let right = vec![
        centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", MOTTO_SIZE, true, false),
        centered("Độc lập - Tự do - Hạnh phúc", SLOGAN_SIZE, true, false),
        // As wide as "Độc lập - Tự do - Hạnh phúc" at 14 pt.
        rule_line(header_right, 3_420),
        centered(&vn::date_line(&h.place, h.date, h.month, h.year), DATE_SIZE, false, true)
            .line_spacing(spacing(SPACING, 0)),
    ];
    borderless(
        &[HEADER_LEFT, header_right],
        vec![TableRow::new(vec![cell(HEADER_LEFT, left), cell(header_right, right)])],
    )
}

/// Scales relative widths to the text width, the last column taking the rounding.
fn scaled(widths: &[u32], width: u32) -> Vec<u32> {
    let total: u32 = widths.iter().sum::<u32>().max(1);
    let mut out: Vec<u32> = widths.iter().map(|w| w * width / total).collect();
    let used: u32 = out.iter().sum();
    if let Some(last) = out.last_mut() {
        *last += width - used;
    }
    out
}

fn table(t: &Table, width: u32) -> DocxTable {
    let widths = scaled(&t.widths, width);
    let size = (t.size * 2) as usize;
    let grid = t.grid();
    let rows = grid
        .iter()
        .enumerate()
        .map(|(r, slots)| {
            let cells = slots
                .iter()
                .map(|slot| {
                    let (col, span) = (slot.col, slot.colspan);
                    let width: u32 = widths[col..col + span].iter().sum();
                    let mut c = TableCell::new().width(width as usize, WidthType::Dxa);
                    if span > 1 {
                        c = c.grid_span(span);
                    }
                    match slot.cell {
                        Some(cell) => {
                            if cell.rowspan > 1 {
                                c = c.vertical_merge(VMergeType::Restart);
                            }
                            c.add_paragraph(table_paragraph(cell, size, r < t.header_rows))
                        }
                        None => c.vertical_merge(VMergeType::Continue).add_paragraph(Paragraph::new()),
                    }
                })
                .collect();
            let row = TableRow::new(cells).cant_split();
            if r < t.header_rows {
                row.row_height(HEADER_ROW_MARKER).height_rule(docx_rs::HeightRule::Auto)
            } else {
                row
            }
        })
        .collect();
    DocxTable::new(rows)
        .set_grid(widths.iter().map(|w| *w as usize).collect())
        .layout(TableLayoutType::Fixed)
        .width(width as usize, WidthType::Dxa)
}

fn table_paragraph(cell: &Cell, size: usize, header: bool) -> Paragraph {
    let a = cell.align.unwrap_or(if header { Align::Center } else { Align::Left });
    let p = Paragraph::new()
        .align(align(a))
        .line_spacing(LineSpacing::new().before(40).after(40).line(240).line_rule(LineSpacingType::Auto));
    spans(p, &cell.spans, size, cell.bold || header)
}

/// Nơi nhận on the left, level with the signature on the right (Decree 30, ô 9a/9b).
fn sign_block(s: &Signature, width: u32) -> DocxTable {
    let (lw, rw) = (width * 9 / 20, width - width * 9 / 20);
    let mut left = Vec::new();
    if !s.recipients.is_empty() {
        left.push(Paragraph::new().add_run(run("Nơi nhận:", RECIPIENTS_HEAD_SIZE, true, true)).line_spacing(tight()));
        for r in &s.recipients {
            left.push(
                Paragraph::new().add_run(run(&format!("- {r}"), RECIPIENTS_SIZE, false, false)).line_spacing(tight()),
            );
        }
    }
    let mut right = Vec::new();
    if let Some(prefix) = &s.prefix {
        right.push(centered(&vn::upper(prefix), BODY_SIZE, true, false));
    }
    right.extend(signer(&s.title, &s.name));
    borderless(&[lw, rw], vec![TableRow::new(vec![cell(lw, left), cell(rw, right)])])
}

fn signer(title: &str, name: &str) -> Vec<Paragraph> {
    let mut ps = vec![centered(&vn::upper(title), BODY_SIZE, true, false)];
    ps.extend((0..4).map(|_| Paragraph::new().line_spacing(tight()).size(BODY_SIZE)));
    ps.push(centered(name, BODY_SIZE, true, false));
    ps
}

fn sign2_block(left: &(String, String), right: &(String, String), width: u32) -> DocxTable {
    let half = width / 2;
    borderless(
        &[half, width - half],
        vec![TableRow::new(vec![cell(half, signer(&left.0, &left.1)), cell(width - half, signer(&right.0, &right.1))])],
    )
}
