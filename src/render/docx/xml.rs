//! The few WordprocessingML pieces every block is made of, written straight into one
//! `String`: no element tree, no per-element allocation, children in schema order as
//! they are written.
//!
//! Why by hand: docx-rs builds an owned tree of every paragraph and run, then
//! serialises it through an event writer, with property children out of schema order
//! (fixed afterwards by a second pass). For a 200-paragraph minutes that is most of the
//! cost of a document; the part is plain text, and this writer emits exactly what
//! docx-rs emitted, in order, in a single pass.

use super::super::layout::FONT;
use crate::text::sanitize;

/// A run's look: size in half-points, bold, italic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Look {
    pub size: usize,
    pub bold: bool,
    pub italic: bool,
}

impl Look {
    pub const fn plain(size: usize) -> Look {
        Look { size, bold: false, italic: false }
    }

    pub const fn bold(size: usize) -> Look {
        Look { size, bold: true, italic: false }
    }
}

/// `w:jc` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Jc {
    Both,
    Left,
    Center,
    Right,
}

impl Jc {
    fn value(self) -> &'static str {
        match self {
            Jc::Both => "both",
            Jc::Left => "left",
            Jc::Center => "center",
            Jc::Right => "right",
        }
    }
}

/// Paragraph properties, written in the order of `CT_PPr`.
#[derive(Clone, Copy, Debug, Default)]
pub struct ParaProps {
    pub keep_next: bool,
    /// A single bottom border: the short rules under the issuer, motto and subject.
    pub bottom_rule: bool,
    /// A right tab stop with a dot leader at this position (dotted lines to write on).
    pub dot_tab: Option<u32>,
    /// (before, after, line, exact): spacing in twips, line in 240ths or twips.
    pub spacing: Option<(u32, u32, i32, bool)>,
    /// (left, right, first line) in twips.
    pub indent: Option<(i32, i32, i32)>,
    pub jc: Option<Jc>,
    /// Size of the paragraph mark (half-points): sets the height of an empty paragraph.
    pub mark_size: Option<usize>,
    /// A hidden paragraph mark (with `mark_size`): the paragraph takes no room.
    pub vanish: bool,
}

impl ParaProps {
    /// A paragraph one point high (exact line, 1 pt mark): it fits on a page filled to
    /// its last line.
    pub fn one_point() -> ParaProps {
        ParaProps { spacing: Some((0, 0, 20, true)), mark_size: Some(2), ..ParaProps::default() }
    }

    /// These properties with spacing before and after (twips) and an "auto" line.
    pub fn spacing(self, before: u32, after: u32, line: i32) -> ParaProps {
        ParaProps { spacing: Some((before, after, line, false)), ..self }
    }
}

/// The document body being written: into a buffer, handed to the package's compressor
/// a chunk at a time when the body is [`Xml::streaming`], so that a document's memory
/// does not grow with its length (a province's annex is one table of a hundred thousand
/// rows).
pub struct Xml<'a> {
    out: String,
    sink: Option<Sink<'a>>,
}

/// Where a streaming body goes, and the first error it gave. The compressor is given
/// pieces of exactly `chunk` bytes, whatever the places the body was spilled from: its
/// output depends on where its input is cut, and a document's bytes must depend on its
/// text alone.
struct Sink<'a> {
    to: &'a mut dyn std::io::Write,
    chunk: usize,
    /// Spilled, less than a chunk, not yet handed on.
    carry: Vec<u8>,
    failed: Option<std::io::Error>,
}

impl Sink<'_> {
    /// Adds `bytes` and hands on every whole chunk.
    fn take(&mut self, bytes: &[u8]) {
        self.carry.extend_from_slice(bytes);
        let whole = self.carry.len() / self.chunk * self.chunk;
        for piece in self.carry[..whole].chunks(self.chunk) {
            if self.failed.is_none() {
                self.failed = self.to.write_all(piece).err();
            }
        }
        self.carry.drain(..whole);
    }
}

impl<'a> Xml<'a> {
    /// A body kept whole in memory.
    #[cfg(test)]
    pub fn with_capacity(bytes: usize) -> Xml<'static> {
        Xml { out: String::with_capacity(bytes), sink: None }
    }

    /// A body written to `to` in pieces of `chunk` bytes.
    pub fn streaming(to: &'a mut dyn std::io::Write, chunk: usize) -> Xml<'a> {
        // The carry is taken when the body first outgrows a chunk: most never do.
        let sink = Sink { to, chunk, carry: Vec::new(), failed: None };
        Xml { out: String::with_capacity(chunk + chunk / 4), sink: Some(sink) }
    }

    pub fn raw(&mut self, xml: &str) {
        self.out.push_str(xml);
    }

    #[cfg(test)]
    pub fn into_string(self) -> String {
        self.out
    }

    /// Hands what is written so far to the sink once it is a chunk: called between
    /// blocks and between a table's rows. After a failure nothing more is written;
    /// [`Xml::finish`] tells it.
    pub fn spill_if_full(&mut self) {
        let Some(sink) = &mut self.sink else { return };
        if self.out.len() >= sink.chunk {
            sink.take(self.out.as_bytes());
            self.out.clear();
        }
    }

    /// Writes the rest to the sink: the body is complete, or the first error. A body
    /// shorter than a chunk is handed over in one piece.
    pub fn finish(mut self) -> std::io::Result<()> {
        let Some(mut sink) = self.sink.take() else { return Ok(()) };
        if let Some(err) = sink.failed.take() {
            return Err(err);
        }
        // Nothing carried (most documents are shorter than a chunk): the rest is the
        // piece, handed on without being copied first.
        if sink.carry.is_empty() {
            return sink.to.write_all(self.out.as_bytes());
        }
        sink.carry.extend_from_slice(self.out.as_bytes());
        sink.to.write_all(&sink.carry)
    }

    /// `<w:p>` with its properties; close with [`Xml::end_p`].
    pub fn p(&mut self, props: &ParaProps) {
        self.raw("<w:p>");
        self.ppr(props);
    }

    pub fn end_p(&mut self) {
        self.raw("</w:p>");
    }

    /// A paragraph of one run.
    pub fn para(&mut self, props: &ParaProps, text: &str, look: Look) {
        self.p(props);
        self.run(text, look);
        self.end_p();
    }

    /// A paragraph of lines broken where `lines` says (a name set in balanced lines).
    /// Each break follows a hidden space: the page is the same, and a program that
    /// reads the text run by run (an indexer, a checker) reads "CÔNG TÁC THANH NIÊN",
    /// not "CÔNG TÁCTHANH NIÊN".
    pub fn lines(&mut self, props: &ParaProps, lines: &[String], look: Look) {
        self.p(props);
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.run_props(look, true);
                self.raw(r#"<w:t xml:space="preserve"> </w:t></w:r>"#);
                self.rpr(look);
                self.raw("<w:br /></w:r>");
            }
            self.run(line, look);
        }
        self.end_p();
    }

    /// An empty paragraph.
    pub fn empty(&mut self, props: &ParaProps) {
        self.p(props);
        self.end_p();
    }

    fn ppr(&mut self, p: &ParaProps) {
        self.raw("<w:pPr>");
        if p.keep_next {
            self.raw("<w:keepNext />");
        }
        if p.bottom_rule {
            self.raw(r#"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto" /></w:pBdr>"#);
        }
        if let Some(pos) = p.dot_tab {
            self.raw(r#"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos=""#);
            self.num(pos);
            self.raw(r#"" /></w:tabs>"#);
        }
        if let Some((before, after, line, exact)) = p.spacing {
            self.raw(r#"<w:spacing w:before=""#);
            self.num(before);
            self.raw(r#"" w:after=""#);
            self.num(after);
            self.raw(r#"" w:line=""#);
            self.num(line);
            self.raw(if exact { r#"" w:lineRule="exact" />"# } else { r#"" w:lineRule="auto" />"# });
        }
        if let Some((left, right, first)) = p.indent {
            self.raw(r#"<w:ind w:left=""#);
            self.num(left);
            self.raw(r#"" w:right=""#);
            self.num(right);
            if first != 0 {
                self.raw(r#"" w:firstLine=""#);
                self.num(first);
            }
            self.raw(r#"" />"#);
        }
        if let Some(jc) = p.jc {
            self.raw(r#"<w:jc w:val=""#);
            self.raw(jc.value());
            self.raw(r#"" />"#);
        }
        if let Some(size) = p.mark_size {
            self.raw(if p.vanish { "<w:rPr><w:vanish />" } else { "<w:rPr>" });
            self.size(size);
            self.raw("</w:rPr>");
        }
        self.raw("</w:pPr>");
    }

    /// A run of text: Times New Roman in all four slots, so Vietnamese letters never fall
    /// back to a CJK or complex-script font.
    pub fn run(&mut self, text: &str, look: Look) {
        self.rpr(look);
        self.raw(r#"<w:t xml:space="preserve">"#);
        self.text(&sanitize(text));
        self.raw("</w:t></w:r>");
    }

    /// A run holding a tab (to the dotted tab stop).
    pub fn tab_run(&mut self, look: Look) {
        self.rpr(look);
        self.raw("<w:tab /></w:r>");
    }

    /// A paragraph one point high holding the break: on a page filled to its last line
    /// it still fits, so the break never leaves an empty page behind it.
    pub fn page_break(&mut self) {
        self.p(&ParaProps::one_point());
        self.raw(r#"<w:r><w:rPr><w:sz w:val="2" /><w:szCs w:val="2" /></w:rPr><w:br w:type="page" /></w:r>"#);
        self.end_p();
    }

    fn rpr(&mut self, look: Look) {
        self.run_props(look, false);
    }

    /// Opens a run with its properties; `hidden`: not shown or printed.
    fn run_props(&mut self, look: Look, hidden: bool) {
        self.raw("<w:r><w:rPr><w:rFonts w:ascii=\"");
        self.raw(FONT);
        self.raw("\" w:hAnsi=\"");
        self.raw(FONT);
        self.raw("\" w:eastAsia=\"");
        self.raw(FONT);
        self.raw("\" w:cs=\"");
        self.raw(FONT);
        self.raw("\" />");
        if look.bold {
            self.raw("<w:b /><w:bCs />");
        }
        if look.italic {
            self.raw("<w:i /><w:iCs />");
        }
        if hidden {
            self.raw("<w:vanish />");
        }
        self.size(look.size);
        self.raw("</w:rPr>");
    }

    fn size(&mut self, size: usize) {
        self.raw(r#"<w:sz w:val=""#);
        self.num(size);
        self.raw(r#"" /><w:szCs w:val=""#);
        self.num(size);
        self.raw(r#"" />"#);
    }

    /// Character data, escaped; the text is already free of what XML forbids.
    fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }

    /// A number in decimals: thousands of them in a table, written without `fmt`.
    pub fn num(&mut self, n: impl itoa::Integer) {
        self.out.push_str(itoa::Buffer::new().format(n));
    }

    /// `<w:tbl>` with its properties and grid; rows follow, then [`Xml::end_tbl`].
    pub fn tbl(&mut self, widths: &[u32], borders: bool, centered: bool) {
        self.raw(r#"<w:tbl><w:tblPr><w:tblW w:w=""#);
        self.num(widths.iter().sum::<u32>());
        self.raw(r#"" w:type="dxa" />"#);
        if centered {
            self.raw(r#"<w:jc w:val="center" />"#);
        }
        if borders {
            self.raw("<w:tblBorders>");
            for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                self.raw("<w:");
                self.raw(side);
                self.raw(r#" w:val="single" w:sz="4" w:space="0" w:color="000000" />"#);
            }
            self.raw("</w:tblBorders>");
        } else {
            self.raw("<w:tblBorders />");
        }
        self.raw(r#"<w:tblLayout w:type="fixed" />"#);
        if borders {
            // 1 mm either side of the text in a ruled cell.
            self.raw(
                r#"<w:tblCellMar><w:left w:w="57" w:type="dxa" /><w:right w:w="57" w:type="dxa" /></w:tblCellMar>"#,
            );
        }
        self.raw("</w:tblPr><w:tblGrid>");
        for w in widths {
            self.raw(r#"<w:gridCol w:w=""#);
            self.num(*w);
            self.raw(r#"" />"#);
        }
        self.raw("</w:tblGrid>");
    }

    /// An invisible one-column table whose cell has no margins: its paragraphs sit exactly
    /// where body paragraphs do.
    pub fn tbl_unpadded(&mut self, width: u32) {
        self.raw(r#"<w:tbl><w:tblPr><w:tblW w:w=""#);
        self.num(width);
        self.raw(r#"" w:type="dxa" /><w:tblBorders /><w:tblLayout w:type="fixed" />"#);
        self.raw(r#"<w:tblCellMar><w:left w:w="0" w:type="dxa" /><w:right w:w="0" w:type="dxa" /></w:tblCellMar>"#);
        self.raw(r#"</w:tblPr><w:tblGrid><w:gridCol w:w=""#);
        self.num(width);
        self.raw(r#"" /></w:tblGrid>"#);
    }

    pub fn end_tbl(&mut self) {
        self.raw("</w:tbl>");
    }

    /// `<w:tr>`: rows never split across pages; a header row repeats on every page.
    pub fn tr(&mut self, cant_split: bool, header: bool) {
        self.raw("<w:tr>");
        if cant_split || header {
            self.raw("<w:trPr>");
            if cant_split {
                self.raw("<w:cantSplit />");
            }
            if header {
                self.raw("<w:tblHeader />");
            }
            self.raw("</w:trPr>");
        }
    }

    pub fn end_tr(&mut self) {
        self.raw("</w:tr>");
        self.spill_if_full();
    }

    /// `<w:tc>` with its properties (`CT_TcPr` order); paragraphs follow, then
    /// [`Xml::end_tc`].
    pub fn tc(&mut self, width: u32, span: usize, merge: Option<Merge>, center_vertically: bool) {
        self.raw(r#"<w:tc><w:tcPr><w:tcW w:w=""#);
        self.num(width);
        self.raw(r#"" w:type="dxa" />"#);
        if span > 1 {
            self.raw(r#"<w:gridSpan w:val=""#);
            self.num(span);
            self.raw(r#"" />"#);
        }
        match merge {
            Some(Merge::Restart) => self.raw(r#"<w:vMerge w:val="restart" />"#),
            Some(Merge::Continue) => self.raw(r#"<w:vMerge w:val="continue" />"#),
            None => {}
        }
        if center_vertically {
            self.raw(r#"<w:vAlign w:val="center" />"#);
        }
        self.raw("</w:tcPr>");
    }

    pub fn end_tc(&mut self) {
        self.raw("</w:tc>");
    }
}

/// Appends `text` as XML character data.
pub fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.bytes().position(|b| matches!(b, b'&' | b'<' | b'>')) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            _ => "&gt;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// A cell merged with the ones below it (`Restart`) or merged into the one above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merge {
    Restart,
    Continue,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sink that records the size of each write.
    #[derive(Default)]
    struct Recorder {
        bytes: Vec<u8>,
        writes: Vec<usize>,
    }

    impl std::io::Write for Recorder {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.bytes.extend_from_slice(buf);
            self.writes.push(buf.len());
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// `rows` rows of a one-cell table.
    fn rows(x: &mut Xml, rows: usize) {
        for row in 0..rows {
            x.tr(true, false);
            x.tc(1000, 1, None, true);
            x.para(&ParaProps::default(), &format!("Hàng số {row}"), Look::plain(26));
            x.end_tc();
            x.end_tr();
        }
    }

    #[test]
    fn a_long_table_streams_row_by_row_and_loses_nothing() {
        let mut whole = Xml::with_capacity(64);
        rows(&mut whole, 2_000);
        let whole = whole.into_string();
        let mut sink = Recorder::default();
        let mut streamed = Xml::streaming(&mut sink, 4096);
        rows(&mut streamed, 2_000);
        streamed.finish().unwrap();
        assert_eq!(String::from_utf8(sink.bytes).unwrap(), whole);
        // Handed over while the table is written (the buffer never holds it), in pieces
        // of exactly a chunk, wherever the rows end: the compressor's output depends on
        // where its input is cut.
        assert!(sink.writes.len() > 50, "{:?}", sink.writes);
        let (last, whole_chunks) = sink.writes.split_last().unwrap();
        assert!(whole_chunks.iter().all(|size| *size == 4096), "{:?}", sink.writes);
        assert!(*last <= 2 * 4096, "{last}");
    }

    #[test]
    fn a_failed_write_is_told_at_the_end() {
        struct Full;
        impl std::io::Write for Full {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk full"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut sink = Full;
        let mut x = Xml::streaming(&mut sink, 64);
        rows(&mut x, 100);
        assert_eq!(x.finish().unwrap_err().to_string(), "disk full");
    }

    #[test]
    fn text_is_escaped_and_cleaned() {
        let mut x = Xml::with_capacity(64);
        x.run("A & B <c>\u{200B}", Look::plain(28));
        let xml = x.into_string();
        assert!(xml.contains(">A &amp; B &lt;c&gt;</w:t>"), "{xml}");
    }

    #[test]
    fn balanced_lines_read_whole_but_print_as_lines() {
        let mut x = Xml::with_capacity(64);
        let lines = ["PHÒNG CÔNG TÁC".to_string(), "THANH NIÊN".to_string()];
        x.lines(&ParaProps::default(), &lines, Look::bold(24));
        let xml = x.into_string();
        let text: String =
            xml.split("<w:t xml:space=\"preserve\">").skip(1).filter_map(|t| t.split('<').next()).collect();
        assert_eq!(text, "PHÒNG CÔNG TÁC THANH NIÊN");
        // The space is hidden, in the lines' own look, and comes before the break.
        let hidden = xml.find("<w:vanish />").expect("a hidden run");
        assert!(xml[..hidden].ends_with("<w:b /><w:bCs />"), "{xml}");
        assert!(xml[hidden..].starts_with("<w:vanish /><w:sz w:val=\"24\" />"), "{xml}");
        assert!(hidden < xml.find("<w:br />").unwrap(), "{xml}");
        assert_eq!(xml.matches("<w:vanish />").count(), 1, "only the space is hidden: {xml}");
    }

    #[test]
    fn paragraph_properties_come_in_schema_order() {
        let mut x = Xml::with_capacity(64);
        let props = ParaProps {
            keep_next: true,
            bottom_rule: true,
            dot_tab: Some(100),
            spacing: Some((1, 2, 240, false)),
            indent: Some((0, 0, 720)),
            jc: Some(Jc::Center),
            mark_size: Some(4),
            vanish: true,
        };
        x.empty(&props);
        let xml = x.into_string();
        let at = |s: &str| xml.find(s).unwrap();
        let order =
            ["<w:keepNext", "<w:pBdr", "<w:tabs", "<w:spacing", "<w:ind", "<w:jc", "<w:rPr", "<w:vanish", "<w:sz"];
        assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{xml}");
    }
}
