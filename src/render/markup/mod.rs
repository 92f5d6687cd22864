//! The document markup: what a template writes, small enough for a clerk to read.
//!
//! ```text
//! @header
//! form: Mẫu số 02A-HD KĐ.ĐG 2023   (optional: the form's tag, top right)
//! motto: party              (optional: "ĐẢNG CỘNG SẢN VIỆT NAM" instead of the state motto)
//! parent: UBND TỈNH QUẢNG NGÃI
//! issuer: SỞ NỘI VỤ
//! unit: PHÒNG TỔ CHỨC       (optional: a unit under the issuer, bold, as in its minutes)
//! number: 05
//! symbol: BC-SNV
//! place: Quảng Ngãi
//! date: 2023-11-30          (blank: the registry fills it by hand)
//! @end
//! @title BÁO CÁO
//! @subject Kết quả đánh giá, xếp loại chất lượng năm 2023
//! @h1 I. TÌNH HÌNH TRIỂN KHAI
//! A body paragraph: justified, first-line indent, **bold** and *italic* inline.
//! @center, @right, @noindent, @italic: paragraphs aligned or styled otherwise
//! @lead                     (a @noindent paragraph kept on the page of the table it introduces)
//! @table widths=8,42,25,25 header=1 size=12
//! | STT | Họ và tên | {span=2} Kết quả |
//! | 1 | Nguyễn Văn An | {align=center} HTTNV | |
//! @end
//! @lines 4                  (dotted lines to write on)
//! @pagebreak
//! @keep                     (from here to the signature, everything stays on one page)
//! @landscape               (the whole document on landscape A4, for wide tables)
//! @sign                     (Nơi nhận on the left, the signature on the right)
//! prefix: KT. GIÁM ĐỐC
//! title: PHÓ GIÁM ĐỐC
//! name: Lê Văn Cường
//! - UBND tỉnh (báo cáo);
//! - Lưu: VT, VP.
//! @end
//! @sign2                    (minutes: THƯ KÝ left, CHỦ TRÌ right, Nơi nhận under them)
//! left: THƯ KÝ | Trần Thị Bình
//! right: CHỦ TRÌ | Nguyễn Văn An
//! - Lãnh đạo Sở phụ trách;
//! @end
//! ```
//!
//! `\` escapes the next character; template data is escaped this way, so a name can
//! never start a directive or turn bold.

mod lists;
mod table;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use thiserror::Error;

pub use lists::{LIST_LINE, List, Markup};
pub use table::{Cell, Slot, Table};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Justify,
    Left,
    Center,
    Right,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParaKind {
    /// Justified, first-line indent.
    Body,
    /// No first-line indent (lists, form fields).
    Plain,
    Heading1,
    Heading2,
    /// No first-line indent, and kept on the page of what follows: the line that
    /// introduces a table is never left alone at the foot of a page.
    Lead,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Para {
    pub kind: ParaKind,
    pub align: Align,
    pub spans: Vec<Span>,
}

/// The official header block (Decree 30, Phụ lục I: ô 1–5).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// The form's tag printed above the motto ("Mẫu số 02A-HD KĐ.ĐG 2023"), if any.
    pub form: String,
    /// A party document (HD 25, HD 36): the party's name on the right, no state motto.
    pub party: bool,
    pub parent: String,
    pub issuer: String,
    /// A unit of the issuer, printed bold under it (a unit's own minutes).
    pub unit: String,
    /// Registry number without symbol ("5"); blank when not yet issued.
    pub number: Option<String>,
    pub symbol: String,
    pub place: String,
    pub date: Option<NaiveDate>,
    /// Month and year printed when the date is left blank.
    pub month: Option<u32>,
    pub year: Option<i32>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signature {
    /// "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"...: the authority line, if any.
    pub prefix: Option<String>,
    pub title: String,
    pub name: String,
    /// Nơi nhận, each line as written ("UBND tỉnh (báo cáo);").
    pub recipients: Vec<String>,
}

/// A block of a document; `'a`: the markup it was read from, which a long table's
/// rows are read from again rather than copied (see [`table`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block<'a> {
    Header(Header),
    Title(String),
    Subject(String),
    Para(Para),
    Table(Table<'a>),
    /// Dotted lines for handwriting.
    Lines(usize),
    PageBreak,
    /// `@keep`: the blocks from here to the signature stay on one page with it.
    Keep,
    Sign(Signature),
    /// Two signatures side by side: (title, name) left and right, and the Nơi nhận
    /// under them (minutes, NĐ 30 Mẫu 1.9).
    Sign2 {
        left: (String, String),
        right: (String, String),
        recipients: Vec<String>,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document<'a> {
    pub blocks: Vec<Block<'a>>,
    /// `@landscape`: the whole document on landscape A4 (a wide table).
    pub landscape: bool,
}

#[derive(Debug, Error, PartialEq, Eq)]
#[error("{template}:{line}: {message}")]
pub struct MarkupError {
    pub template: String,
    pub line: usize,
    pub message: String,
}

pub fn parse<'a>(src: &'a str, template: &str) -> Result<Document<'a>, MarkupError> {
    Ok(Document { blocks: blocks(src, template).collect::<Result<_, _>>()?, landscape: is_landscape(src) })
}

/// Does the markup ask for landscape pages? Known before any block is written, because
/// tables are scaled to the width of the page.
pub fn is_landscape(src: &str) -> bool {
    src.lines().any(|line| {
        line.trim()
            .strip_prefix("@landscape")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
    })
}

/// The blocks of `src` one at a time: a document of any length (a 100,000-row annex) is
/// written block by block, never held whole. Stops after the first error.
pub fn blocks<'a, 't>(src: &'a str, template: &'t str) -> Blocks<'a, 't> {
    Blocks { src, lists: &[], lines: src.lines().enumerate(), template, failed: false }
}

/// [`blocks`] of markup whose long lists are held apart: a table's `@list N` line stands
/// for the rows of list `N`.
pub fn blocks_of<'a, 't>(markup: &'a Markup, template: &'t str) -> Blocks<'a, 't> {
    Blocks { lists: &markup.lists, ..blocks(&markup.text, template) }
}

pub struct Blocks<'a, 't> {
    src: &'a str,
    lists: &'a [List],
    lines: std::iter::Enumerate<std::str::Lines<'a>>,
    template: &'t str,
    failed: bool,
}

impl<'a> Iterator for Blocks<'a, '_> {
    type Item = Result<Block<'a>, MarkupError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let item = self.next_block().transpose();
        self.failed = matches!(item, Some(Err(_)));
        item
    }
}

impl<'a> Blocks<'a, '_> {
    fn next_block(&mut self) -> Result<Option<Block<'a>>, MarkupError> {
        let (template, src, lists) = (self.template, self.src, self.lists);
        let err =
            move |line: usize, message: String| MarkupError { template: template.to_string(), line: line + 1, message };
        while let Some((start, line)) = self.lines.next() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let Some(directive) = line.strip_prefix('@') else {
                return Ok(Some(para(ParaKind::Body, Align::Justify, line)));
            };
            let (name, rest) = directive.split_once(char::is_whitespace).unwrap_or((directive, ""));
            let rest = rest.trim();
            let lines = &mut self.lines;
            let mut body = || -> Result<Vec<(usize, &'a str)>, MarkupError> {
                let mut out = Vec::new();
                for (i, l) in lines.by_ref() {
                    let l = l.trim();
                    if l == "@end" {
                        return Ok(out);
                    }
                    if !l.is_empty() {
                        out.push((i, l));
                    }
                }
                Err(err(start, format!("khối @{name} thiếu dòng @end")))
            };
            let block = match name {
                "title" => Block::Title(unescape(rest)),
                "subject" => Block::Subject(unescape(rest)),
                "h1" => para(ParaKind::Heading1, Align::Left, rest),
                "h2" => para(ParaKind::Heading2, Align::Left, rest),
                "center" => para(ParaKind::Plain, Align::Center, rest),
                "right" => para(ParaKind::Plain, Align::Right, rest),
                "noindent" => para(ParaKind::Plain, Align::Justify, rest),
                "lead" => para(ParaKind::Lead, Align::Justify, rest),
                "left" => para(ParaKind::Plain, Align::Left, rest),
                "pagebreak" => Block::PageBreak,
                "keep" => Block::Keep,
                // Read by `is_landscape` before the first block.
                "landscape" => continue,
                "lines" => Block::Lines(
                    rest.parse().map_err(|_| err(start, format!("@lines cần một số dòng, không phải “{rest}”")))?,
                ),
                "header" => Block::Header(header(&body()?, &err)?),
                "table" => Block::Table(table::table(rest, &body()?, src, lists, &err, start)?),
                "sign" => Block::Sign(signature(&body()?, &err)?),
                "sign2" => sign2(&body()?, &err, start)?,
                other => return Err(err(start, format!("không có lệnh @{other}"))),
            };
            return Ok(Some(block));
        }
        Ok(None)
    }
}

fn para(kind: ParaKind, align: Align, text: &str) -> Block<'static> {
    Block::Para(Para { kind, align, spans: inline(text) })
}

type ErrFn<'a> = dyn Fn(usize, String) -> MarkupError + 'a;

fn fields<'a>(
    body: &[(usize, &'a str)],
    err: &ErrFn,
    allowed: &[&str],
) -> Result<BTreeMap<&'a str, (usize, String)>, MarkupError> {
    let mut map = BTreeMap::new();
    for (line, text) in body {
        let Some((key, value)) = text.split_once(':') else {
            return Err(err(*line, format!("dòng “{text}” cần dạng khóa: giá trị")));
        };
        let key = key.trim();
        if !allowed.contains(&key) {
            return Err(err(*line, format!("khóa “{key}” không dùng được ở đây (được dùng: {})", allowed.join(", "))));
        }
        map.insert(key, (*line, unescape(value.trim())));
    }
    Ok(map)
}

fn header(body: &[(usize, &str)], err: &ErrFn) -> Result<Header, MarkupError> {
    let f = fields(
        body,
        err,
        &["form", "motto", "parent", "issuer", "unit", "number", "symbol", "place", "date", "month", "year"],
    )?;
    let get = |k: &str| f.get(k).map(|(_, v)| v.clone()).filter(|v| !v.is_empty());
    let number_of = |k: &str| -> Result<Option<i64>, MarkupError> {
        match f.get(k).filter(|(_, v)| !v.is_empty()) {
            None => Ok(None),
            Some((line, v)) => v.parse().map(Some).map_err(|_| err(*line, format!("{k} “{v}” không phải là số"))),
        }
    };
    let date = match f.get("date").filter(|(_, v)| !v.is_empty()) {
        None => None,
        Some((line, v)) => Some(
            NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map_err(|_| err(*line, format!("ngày “{v}” cần dạng YYYY-MM-DD")))?,
        ),
    };
    Ok(Header {
        form: get("form").unwrap_or_default(),
        party: match get("motto").as_deref() {
            None | Some("state") => false,
            Some("party") => true,
            Some(other) => {
                let line = f.get("motto").map_or(0, |(line, _)| *line);
                return Err(err(line, format!("motto “{other}” không hợp lệ (state hoặc party)")));
            }
        },
        parent: get("parent").unwrap_or_default(),
        issuer: get("issuer").unwrap_or_default(),
        unit: get("unit").unwrap_or_default(),
        number: get("number"),
        symbol: get("symbol").unwrap_or_default(),
        place: get("place").unwrap_or_default(),
        date,
        month: number_of("month")?.map(|m| m as u32),
        year: number_of("year")?.map(|y| y as i32),
    })
}

fn signature(body: &[(usize, &str)], err: &ErrFn) -> Result<Signature, MarkupError> {
    type Lines<'a> = Vec<(usize, &'a str)>;
    let (recipients, rest): (Lines, Lines) = body.iter().copied().partition(|(_, l)| l.starts_with("- "));
    let f = fields(&rest, err, &["prefix", "title", "name"])?;
    let get = |k: &str| f.get(k).map(|(_, v)| v.clone()).unwrap_or_default();
    Ok(Signature {
        prefix: Some(get("prefix")).filter(|p| !p.is_empty()),
        title: get("title"),
        name: get("name"),
        recipients: recipients.iter().map(|(_, l)| unescape(l[2..].trim())).collect(),
    })
}

fn sign2(body: &[(usize, &str)], err: &ErrFn, start: usize) -> Result<Block<'static>, MarkupError> {
    type Lines<'a> = Vec<(usize, &'a str)>;
    let (recipients, rest): (Lines, Lines) = body.iter().copied().partition(|(_, l)| l.starts_with("- "));
    let f = fields(&rest, err, &["left", "right"])?;
    let side = |k: &str| -> Result<(String, String), MarkupError> {
        let (line, v) = f.get(k).ok_or_else(|| err(start, format!("@sign2 thiếu dòng {k}: CHỨC DANH | Họ tên")))?;
        // The value was unescaped: split on the first bar that the template wrote.
        let (title, name) = v.split_once('|').ok_or_else(|| err(*line, format!("{k}: cần dạng CHỨC DANH | Họ tên")))?;
        Ok((title.trim().to_string(), name.trim().to_string()))
    };
    Ok(Block::Sign2 {
        left: side("left")?,
        right: side("right")?,
        recipients: recipients.iter().map(|(_, l)| unescape(l[2..].trim())).collect(),
    })
}

/// `**bold**`, `*italic*` and `\` escapes into spans.
pub fn inline(text: &str) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let (mut bold, mut italic) = (false, false);
    let mut current = String::with_capacity(text.len());
    let flush = |spans: &mut Vec<Span>, current: &mut String, bold: bool, italic: bool| {
        if !current.is_empty() {
            spans.push(Span { text: std::mem::take(current), bold, italic });
        }
    };
    let mut rest = text;
    while let Some(at) = rest.bytes().position(|b| matches!(b, b'\\' | b'*')) {
        current.push_str(&rest[..at]);
        let special = rest.as_bytes()[at];
        rest = &rest[at + 1..];
        if special == b'\\' {
            if let Some(c) = rest.chars().next() {
                current.push(c);
                rest = &rest[c.len_utf8()..];
            }
        } else if let Some(after) = rest.strip_prefix('*') {
            rest = after;
            flush(&mut spans, &mut current, bold, italic);
            bold = !bold;
        } else {
            flush(&mut spans, &mut current, bold, italic);
            italic = !italic;
        }
    }
    current.push_str(rest);
    flush(&mut spans, &mut current, bold, italic);
    spans
}

/// Plain text with escapes removed (titles, header fields).
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        if let Some(c) = rest.chars().next() {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out.push_str(rest);
    out
}

/// Escapes template data so that it stays one literal paragraph: markup characters get a
/// `\`, line breaks become spaces.
pub fn escape(text: &str, out: &mut impl std::fmt::Write) -> std::fmt::Result {
    // All ASCII: searched byte by byte, not decoded as characters.
    let special = |b: u8| matches!(b, b'\\' | b'*' | b'|' | b'@' | b'{' | b'}' | b'-' | b':' | b'\n' | b'\r');
    let mut rest = text;
    while let Some(at) = rest.bytes().position(special) {
        out.write_str(&rest[..at])?;
        match rest.as_bytes()[at] {
            b'\n' | b'\r' => out.write_char(' ')?,
            c => {
                out.write_char('\\')?;
                out.write_char(c as char)?;
            }
        }
        rest = &rest[at + 1..];
    }
    out.write_str(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(spans: &[Span]) -> String {
        spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn paragraphs_headings_and_inline_styles() {
        let doc = parse("@h1 I. KẾT QUẢ\nĐã **hoàn thành** *tốt*.\n\n@center Nơi\\*", "t").unwrap();
        assert_eq!(doc.blocks.len(), 3);
        let Block::Para(p) = &doc.blocks[1] else { panic!() };
        assert_eq!(p.kind, ParaKind::Body);
        assert_eq!(p.spans[1], Span { text: "hoàn thành".into(), bold: true, italic: false });
        assert_eq!(p.spans[3], Span { text: "tốt".into(), bold: false, italic: true });
        let Block::Para(c) = &doc.blocks[2] else { panic!() };
        assert_eq!((c.align, plain(&c.spans)), (Align::Center, "Nơi*".to_string()));
    }

    #[test]
    fn a_lead_paragraph_keeps_with_the_table_it_introduces() {
        let doc = parse("@lead Văn bản cần có: Báo cáo.\n@table widths=50,50 header=1\n| a | b |\n@end", "t").unwrap();
        let Block::Para(lead) = &doc.blocks[0] else { panic!() };
        assert_eq!((lead.kind, lead.align), (ParaKind::Lead, Align::Justify));
        let docx = crate::render::docx::write_docx(&doc, &crate::render::docx::DocMeta::default()).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
        let lead_xml = &xml[..xml.find("Văn bản cần có").unwrap()];
        let props = &lead_xml[lead_xml.rfind("<w:p>").or_else(|| lead_xml.rfind("<w:p ")).unwrap()..];
        assert!(props.contains("<w:keepNext />"), "{props}");
    }

    #[test]
    fn header_sign_and_tables() {
        let src = "@header\nparent: UBND TỈNH\nissuer: SỞ NỘI VỤ\nnumber:\nsymbol: BC-SNV\nplace: Quảng Ngãi\ndate:\nmonth: 11\nyear: 2023\n@end\n\
                   @table widths=10,60,30 header=1\n| STT | Họ và tên | {align=center} Mức |\n| {span=2 bold} Cộng | 3 |\n@end\n\
                   @sign\nprefix: KT. GIÁM ĐỐC\ntitle: PHÓ GIÁM ĐỐC\nname: Lê Văn C\n- UBND tỉnh;\n- Lưu: VT, VP.\n@end";
        let doc = parse(src, "t").unwrap();
        let Block::Header(h) = &doc.blocks[0] else { panic!() };
        assert_eq!((h.number.as_deref(), h.date, h.month, h.year), (None, None, Some(11), Some(2023)));
        let Block::Table(t) = &doc.blocks[1] else { panic!() };
        let rows: Vec<_> = t.rows().collect();
        assert_eq!((t.header_rows, t.row_count(), rows[1][0].colspan, rows[1][0].bold), (1, 2, 2, true));
        assert_eq!(rows[0][2].align, Some(Align::Center));
        let Block::Sign(s) = &doc.blocks[2] else { panic!() };
        assert_eq!(s.recipients, ["UBND tỉnh;", "Lưu: VT, VP."]);
        assert_eq!(s.prefix.as_deref(), Some("KT. GIÁM ĐỐC"));
    }

    #[test]
    fn rowspans_leave_continuations() {
        let doc = parse("@table widths=1,1,1\n| {rows=2} A | B | C |\n| D | E |\n@end", "t").unwrap();
        let Block::Table(t) = &doc.blocks[0] else { panic!() };
        let grid: Vec<_> = t.grid().collect();
        assert_eq!(grid[1][0], Slot { col: 0, colspan: 1, cell: None });
        assert_eq!(grid[1][1].col, 1);
        assert!(parse("@table widths=1,1\n| {rows=2} A | B |\n| D | E |\n@end", "t").is_err());
    }

    #[test]
    fn a_bad_row_of_a_list_held_apart_is_found_at_its_line_and_so_is_a_list_that_is_not_there() {
        let mut list = List::default();
        list.push("| 1 | A |\n| 2 | B | thừa |\n").unwrap();
        let with = |text: &str, list: List| Markup { text: text.to_string(), lists: vec![list] };
        let bad = with("@table widths=1,1 header=1\n| STT | Tên |\n@list 0\n@end", list);
        let err = blocks_of(&bad, "t").find_map(Result::err).unwrap();
        assert_eq!((err.line, err.message.as_str()), (3, "dòng có 3 cột, bảng có 2 cột"));
        let missing = with("@table widths=1,1\n| STT | Tên |\n@list 1\n@end", List::default());
        let err = blocks_of(&missing, "t").find_map(Result::err).unwrap();
        assert_eq!((err.line, err.message.as_str()), (3, "không có danh sách “1”"));
    }

    #[test]
    fn a_long_table_is_read_from_its_lines_as_a_short_one_is_from_its_cells() {
        // Rows merged down, bold and centred cells, escapes: at the end of the table too.
        let row = |i: usize| match i % 2 {
            0 => format!("| {{rows=2 align=center}} {i} | **Nguyễn** Văn \\| {i} | {{bold}} x |"),
            _ => format!("| {{span=2}} *ghi chú* {i} |"),
        };
        // Rows as templates write them: indented, and blank lines between some.
        let source = |rows: usize| {
            let body: Vec<String> = (0..rows).map(|i| format!("  {}{}", row(i), ["", "\r", "\n\n"][i % 3])).collect();
            format!("@table widths=1,2,3 header=1\n{}\n@end", body.join("\n"))
        };
        fn table(source: &str) -> Table<'_> {
            match parse(source, "t").unwrap().blocks.remove(0) {
                Block::Table(t) => t,
                other => panic!("{other:?}"),
            }
        }
        let (long_source, short_source) = (source(table::HELD_ROWS + 2), source(table::HELD_ROWS));
        let long = table(&long_source);
        let short = table(&short_source);
        assert_eq!(long.row_count(), table::HELD_ROWS + 2);
        assert_eq!(long.grid().count(), table::HELD_ROWS + 2);
        // The same rows give the same slots, however the table holds them.
        for (a, b) in long.grid().zip(short.grid()) {
            assert_eq!(a, b);
        }
        let last: Vec<_> = long.grid().last().unwrap();
        assert_eq!((last[0].col, last[0].cell.is_none(), last[1].colspan), (0, true, 2), "{last:?}");
        // A bad row of a long table is found when the table is read, at its line.
        let mut bad = source(table::HELD_ROWS + 2);
        bad = bad.replacen("| {span=2} *ghi chú* 1 |", "| {span=2} *ghi chú* 1 | thừa |", 1);
        assert_eq!(parse(&bad, "t").unwrap_err().line, 3);
    }

    #[test]
    fn errors_name_the_template_line() {
        let e = parse("ok\n@table widths=10,20\n| a | b |\n| c |\n@end", "bien-ban.tera").unwrap_err();
        assert_eq!((e.template.as_str(), e.line), ("bien-ban.tera", 4));
        assert!(e.message.contains("1 cột"), "{}", e.message);
        assert_eq!(parse("@bogus", "x").unwrap_err().line, 1);
        assert_eq!(parse("@sign\ntitle: X", "x").unwrap_err().message, "khối @sign thiếu dòng @end");
    }

    #[test]
    fn escaped_data_stays_literal() {
        let mut escaped = String::new();
        escape("@pagebreak **x** | y {span=2} a\nb", &mut escaped).unwrap();
        let doc = parse(&escaped, "t").unwrap();
        assert_eq!(doc.blocks.len(), 1);
        let Block::Para(p) = &doc.blocks[0] else { panic!() };
        assert_eq!(plain(&p.spans), "@pagebreak **x** | y {span=2} a b");
        assert!(p.spans.iter().all(|s| !s.bold && !s.italic));
        let mut cell_text = String::new();
        escape("A | B", &mut cell_text).unwrap();
        let src = format!("@table widths=1,1\n| {cell_text} | x |\n@end");
        let doc = parse(&src, "t").unwrap();
        let Block::Table(t) = &doc.blocks[0] else { panic!() };
        assert_eq!(plain(&t.rows().next().unwrap()[0].spans), "A | B");
    }
}
