//! Templates: tera 2 files a clerk can read, embedded in the binary as defaults; a
//! `templates/` folder beside the inputs overrides them file by file.
//!
//! Every value a template prints passes through [`markup::escape`] (tera's autoescape
//! with our escape function), so roster text can never become markup.

use std::path::Path;

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera};

use super::markup::{self, LIST_LINE, List, Markup};
use super::vn;
use crate::model::Rating;

/// The default templates, by name.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("_shared.tera", include_str!("../../templates/_shared.tera")),
    ("_demo.tera", include_str!("../../templates/_demo.tera")),
    ("_collective_report.tera", include_str!("../../templates/_collective_report.tera")),
    ("_party_review_scored.tera", include_str!("../../templates/_party_review_scored.tera")),
    ("_form_decree233.tera", include_str!("../../templates/_form_decree233.tera")),
    ("_score_sheet.tera", include_str!("../../templates/_score_sheet.tera")),
    ("_rows_annex.tera", include_str!("../../templates/_rows_annex.tera")),
    ("_rows_annex_scored.tera", include_str!("../../templates/_rows_annex_scored.tera")),
    ("_rows_consultation.tera", include_str!("../../templates/_rows_consultation.tera")),
    ("_rows_notice.tera", include_str!("../../templates/_rows_notice.tera")),
    ("unit_minutes.tera", include_str!("../../templates/unit_minutes.tera")),
    ("unit_report.tera", include_str!("../../templates/unit_report.tera")),
    ("unit_proposal.tera", include_str!("../../templates/unit_proposal.tera")),
    ("self_review.tera", include_str!("../../templates/self_review.tera")),
    ("status.tera", include_str!("../../templates/status.tera")),
    ("leadership_minutes.tera", include_str!("../../templates/leadership_minutes.tera")),
    ("ballot_minutes.tera", include_str!("../../templates/ballot_minutes.tera")),
    ("consultation_minutes.tera", include_str!("../../templates/consultation_minutes.tera")),
    ("agency_report.tera", include_str!("../../templates/agency_report.tera")),
    ("agency_report_annex.tera", include_str!("../../templates/agency_report_annex.tera")),
    ("agency_ballot.tera", include_str!("../../templates/agency_ballot.tera")),
    ("agency_self_assessment.tera", include_str!("../../templates/agency_self_assessment.tera")),
    ("leadership_report.tera", include_str!("../../templates/leadership_report.tera")),
    ("invitation.tera", include_str!("../../templates/invitation.tera")),
    ("results_notice.tera", include_str!("../../templates/results_notice.tera")),
    ("results_notice_part.tera", include_str!("../../templates/results_notice_part.tera")),
];

/// The default HTML pages, by the name tera sees (its `.html` ending turns on tera's own
/// HTML escaping) and the file name in `templates/` that overrides it.
pub const PAGES: &[(&str, &str, &str)] = &[
    ("overview.html", "overview.html.tera", include_str!("../../templates/overview.html.tera")),
    ("_rows_folders.html", "_rows_folders.html.tera", include_str!("../../templates/_rows_folders.html.tera")),
    ("_rows_units.html", "_rows_units.html.tera", include_str!("../../templates/_rows_units.html.tera")),
    (
        "_rows_unit_quotas.html",
        "_rows_unit_quotas.html.tera",
        include_str!("../../templates/_rows_unit_quotas.html.tera"),
    ),
];

/// How a template asks for a long list, and how much of it its row template is given
/// at once.
struct RowsLine {
    /// How the line starts, the row template's name next.
    marker: &'static str,
    /// Rows a row template is given at once: enough that its loop costs what one loop
    /// over the whole list would, few enough that tera's copy of them stays small.
    at_once: usize,
}

/// The line a document's template writes where a long list's rows go, naming the
/// template that writes them: `@rows _rows_annex.tera`. Roster text never starts a line
/// with `@` ([`markup::escape`]), so only a template can.
const ROWS_LINE: RowsLine = RowsLine { marker: "@rows ", at_once: ROWS_AT_ONCE };
/// The same line in an HTML page: `<!-- @rows _rows_folders.html -->`. A page's row is
/// a folder with its documents (25 on average at province scale) or a unit's line:
/// forty folders are about the thousand rows of a document's list (a thousand folders
/// at once were 9 MB more at the peak of a 100,000-person build, and a slower page).
const PAGE_ROWS_LINE: RowsLine = RowsLine { marker: "<!-- @rows ", at_once: 40 };

/// Rows of a document's long list its row template is given at once.
pub const ROWS_AT_ONCE: usize = 1000;

/// A long list that `@rows` lines write. It is handed over a chunk at a time, so a list
/// made as it is written (the annex, a line per person of the province) never exists
/// whole.
pub trait Rows {
    type Row: Serialize;
    /// Calls `write` with the rows in order, `at_once` at a time.
    fn each_chunk<E>(&self, at_once: usize, write: impl FnMut(&[Self::Row]) -> Result<(), E>) -> Result<(), E>;
}

impl<R: Serialize> Rows for Vec<R> {
    type Row = R;
    fn each_chunk<E>(&self, at_once: usize, write: impl FnMut(&[R]) -> Result<(), E>) -> Result<(), E> {
        self.as_slice().each_chunk(at_once, write)
    }
}

impl<R: Serialize> Rows for [R] {
    type Row = R;
    fn each_chunk<E>(&self, at_once: usize, write: impl FnMut(&[R]) -> Result<(), E>) -> Result<(), E> {
        self.chunks(at_once).try_for_each(write)
    }
}

/// A long list made as it is written: a row for each of `keys` (a person's id, say),
/// made by `make` from the key and its place in the list. As JSON (for a context's
/// hash) it is the list of rows.
pub struct MadeRows<'a, K, R> {
    keys: &'a [K],
    make: Box<dyn Fn(usize, &'a K) -> R + Sync + 'a>,
}

impl<'a, K, R> MadeRows<'a, K, R> {
    pub fn new(keys: &'a [K], make: impl Fn(usize, &'a K) -> R + Sync + 'a) -> Self {
        MadeRows { keys, make: Box::new(make) }
    }

    /// The rows of `keys`, the first of them the list's `first`-th (from 0).
    fn made(&self, first: usize, keys: &'a [K]) -> impl Iterator<Item = R> + '_ {
        keys.iter().enumerate().map(move |(i, key)| (self.make)(first + i, key))
    }
}

impl<K, R: Serialize> Rows for MadeRows<'_, K, R> {
    type Row = R;
    fn each_chunk<E>(&self, at_once: usize, mut write: impl FnMut(&[R]) -> Result<(), E>) -> Result<(), E> {
        let at_once = at_once.max(1);
        self.keys.chunks(at_once).enumerate().try_for_each(|(index, keys)| {
            let rows: Vec<R> = self.made(index * at_once, keys).collect();
            write(&rows)
        })
    }
}

impl<K, R: Serialize> Serialize for MadeRows<'_, K, R> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.made(0, self.keys))
    }
}

/// Where rendered text goes, piece by piece.
type Emit<'e> = dyn FnMut(&str) -> Result<(), TemplateError> + 'e;

/// One of a page's long lists, whatever its rows: a page has several (the folders, the
/// units, the units' quotas), each written where a line names its row template.
pub trait PageList {
    /// The rows as the row template `template` of `tera` writes them, `at_once` at a time.
    fn write(&self, tera: &Tera, template: &str, at_once: usize, emit: &mut Emit) -> Result<(), TemplateError>;
}

impl<R: Rows + Sync> PageList for R
where
    R::Row: Sync,
{
    fn write(&self, tera: &Tera, template: &str, at_once: usize, emit: &mut Emit) -> Result<(), TemplateError> {
        write_rows_in_parallel(tera, template, self, at_once, emit)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("mẫu văn bản “{name}”: {message}")]
    Tera { name: String, message: String },
    #[error("không đọc được mẫu “{0}”: {1}")]
    Io(String, std::io::Error),
    #[error("không ghi được trang lập từ mẫu “{0}”: {1}")]
    Write(String, std::io::Error),
    #[error("mẫu “{page}” có dòng “@rows {rows}”, nhưng trang này không có danh sách nào viết bằng mẫu “{rows}”")]
    NoList { page: String, rows: String },
}

pub struct Templates {
    tera: Tera,
    /// The HTML pages: a tera of their own, since the escaping of document markup is not
    /// HTML's.
    pages: Tera,
    /// (name, hash of the source loaded) for every template.
    hashes: Vec<(&'static str, String)>,
    /// The hash of every template's source at once ([`Templates::fingerprint`]).
    fingerprint: String,
}

/// Tera's escape function: every value a template prints, escaped as it is written, not
/// gathered first (a table's every cell is one).
fn escape_markup(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    /// `out` as a text sink that keeps the write's error.
    struct Sink<'a> {
        out: &'a mut dyn std::io::Write,
        failed: Option<std::io::Error>,
    }
    impl std::fmt::Write for Sink<'_> {
        fn write_str(&mut self, text: &str) -> std::fmt::Result {
            self.out.write_all(text.as_bytes()).map_err(|e| {
                self.failed = Some(e);
                std::fmt::Error
            })
        }
    }
    let mut sink = Sink { out, failed: None };
    markup::escape(text, &mut sink).map_err(|_| sink.failed.take().unwrap_or_else(|| std::io::Error::other("escape")))
}

fn tera_error(name: &str, e: tera::Error) -> TemplateError {
    TemplateError::Tera { name: name.to_string(), message: e.to_string() }
}

impl Templates {
    /// The embedded defaults, each replaced by a same-named file of `override_dir`.
    pub fn load(override_dir: Option<&Path>) -> Result<Templates, TemplateError> {
        let mut tera = Tera::new();
        tera.autoescape_on([".tera"]);
        tera.set_escape_fn(escape_markup);
        register_filters(&mut tera);
        let mut hashes = Vec::with_capacity(DEFAULTS.len() + PAGES.len());
        for (name, default) in DEFAULTS {
            let source = source(override_dir, name, default)?;
            tera.add_raw_template(name, &source).map_err(|e| tera_error(name, e))?;
            hashes.push((*name, crate::output::hash(source.as_bytes())));
        }
        // Tera's defaults: autoescape for `.html` names, with its HTML escape function.
        let mut pages = Tera::new();
        register_filters(&mut pages);
        for (name, file, default) in PAGES {
            let source = source(override_dir, file, default)?;
            pages.add_raw_template(name, &source).map_err(|e| tera_error(file, e))?;
            hashes.push((*name, crate::output::hash(source.as_bytes())));
        }
        let fingerprint = fingerprint(&hashes);
        Ok(Templates { tera, pages, hashes, fingerprint })
    }

    /// Every template's text at once, by hash: what a whole build's documents are made with.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// An HTML page of [`PAGES`], escaped as HTML, written onto `out` as it is made (a
    /// province's page lists a hundred thousand documents and tens of thousands of
    /// units). Each of `lists` is written, as for a document, where the page writes
    /// `<!-- @rows <template> -->` with the row template it is paired with (a value
    /// escaped as HTML never starts with `<`): tera's copy of a million people's units
    /// in the page's own context was 140 MB.
    pub fn write_page(
        &self,
        name: &str,
        context: &impl Serialize,
        lists: &[(&str, &dyn PageList)],
        out: &mut dyn std::io::Write,
    ) -> Result<(), TemplateError> {
        let mut emit =
            |text: &str| out.write_all(text.as_bytes()).map_err(|e| TemplateError::Write(name.to_string(), e));
        let page = render_context(&self.pages, name, context)?;
        let mut list = |template: &str, emit: &mut Emit| match lists.iter().find(|(rows, _)| *rows == template) {
            Some((_, list)) => list.write(&self.pages, template, PAGE_ROWS_LINE.at_once, emit),
            None => Err(TemplateError::NoList { page: name.to_string(), rows: template.to_string() }),
        };
        expand_rows(PAGE_ROWS_LINE.marker, &page, &mut list, &mut emit)
    }

    /// Adds a template that is not one of the defaults (the peer benchmark's minutes).
    pub fn add(&mut self, name: &'static str, source: &str) -> Result<(), TemplateError> {
        self.tera.add_raw_template(name, source).map_err(|e| tera_error(name, e))?;
        self.hashes.push((name, crate::output::hash(source.as_bytes())));
        self.fingerprint = fingerprint(&self.hashes);
        Ok(())
    }

    pub fn render(&self, name: &str, context: &impl Serialize) -> Result<String, TemplateError> {
        self.render_with_rows(name, context, super::NO_ROWS)
    }

    /// [`Templates::render`], each `@rows <template>` line the template writes replaced
    /// by `rows`, written by that template [`ROWS_AT_ONCE`] at a time. Tera copies the
    /// data it is given into its own values, a kilobyte for a person's line: a
    /// province's annex handed to it whole is a copy of a hundred thousand lines.
    pub fn render_with_rows<R: Rows + ?Sized>(
        &self,
        name: &str,
        context: &impl Serialize,
        rows: &R,
    ) -> Result<String, TemplateError> {
        render_with_rows(&self.tera, &ROWS_LINE, name, context, rows)
    }

    /// A document's markup from the template `name`, each `@rows <template>` line it
    /// writes standing for a [`List`] of `rows` held apart (`@list N`), written by that
    /// template [`ROWS_AT_ONCE`] at a time: a nation's annex is never one text.
    pub fn render_markup<R: Rows + ?Sized>(
        &self,
        name: &str,
        context: &impl Serialize,
        rows: &R,
    ) -> Result<Markup, TemplateError> {
        self.render_markup_in(name, &context_of(name, context)?, rows)
    }

    /// [`Templates::render_markup`] with tera's own context, made beforehand: for data
    /// that is the same from one render to the next, or held as tera's values already.
    pub fn render_markup_in<R: Rows + ?Sized>(
        &self,
        name: &str,
        context: &Context,
        rows: &R,
    ) -> Result<Markup, TemplateError> {
        let page = render_in(&self.tera, name, context)?;
        if !page.contains(ROWS_LINE.marker) {
            return Ok(Markup { text: page, lists: Vec::new() });
        }
        let mut lists: Vec<List> = Vec::new();
        let mut list = |template: &str, emit: &mut Emit| {
            let mut held = List::default();
            let mut push = |chunk: &str| held.push(chunk).map_err(|e| TemplateError::Io(template.to_string(), e));
            write_rows(&self.tera, template, rows, ROWS_LINE.at_once, &mut push)?;
            lists.push(held);
            emit(&format!("{LIST_LINE} {}\n", lists.len() - 1))
        };
        let mut text = String::with_capacity(page.len());
        expand_rows(ROWS_LINE.marker, &page, &mut list, &mut |line| {
            text.push_str(line);
            Ok(())
        })?;
        Ok(Markup { text, lists })
    }

    /// What a document (or page) rendered by the template `name` is made with, by hash,
    /// for the build manifest: a document built from a changed template is rebuilt. A
    /// template includes others (`_shared.tera`'s components, a form's parts, the row
    /// templates), so its hash is the whole set's with its name.
    pub fn source_hash(&self, name: &str) -> String {
        let mut hasher = blake3::Hasher::new();
        hasher.update(self.fingerprint.as_bytes());
        hasher.update(name.as_bytes());
        hasher.finalize().to_hex().to_string()
    }
}

/// `name` rendered by `tera`, each line that starts with `rows_line`'s marker replaced by
/// `rows` as the template the line names next writes them, a chunk at a time.
fn render_with_rows<R: Rows + ?Sized>(
    tera: &Tera,
    rows_line: &RowsLine,
    name: &str,
    context: &impl Serialize,
    rows: &R,
) -> Result<String, TemplateError> {
    let page = render_context(tera, name, context)?;
    // Most documents have no long list: one substring search (an escaped `\@rows` in
    // the text only costs the exact pass below), not a pass line by line.
    if !page.contains(rows_line.marker) {
        return Ok(page);
    }
    let mut out = String::with_capacity(page.len());
    let mut list = |template: &str, emit: &mut Emit| write_rows(tera, template, rows, rows_line.at_once, emit);
    expand_rows(rows_line.marker, &page, &mut list, &mut |text| {
        out.push_str(text);
        Ok(())
    })?;
    Ok(out)
}

fn render_context(tera: &Tera, name: &str, context: &impl Serialize) -> Result<String, TemplateError> {
    render_in(tera, name, &context_of(name, context)?)
}

/// `name` rendered by `tera` with tera's own `context`.
///
/// Written into this thread's buffer and checked as UTF-8 there, not by `Tera::render`:
/// it grows a new buffer from half a template's size for every document, and checks it
/// with the standard library's `from_utf8`, slow on Vietnamese text (5% of the peer
/// benchmark's document). The text is then copied out at its own size.
fn render_in(tera: &Tera, name: &str, context: &Context) -> Result<String, TemplateError> {
    thread_local! {
        static RENDERED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    RENDERED.with_borrow_mut(|buffer| {
        buffer.clear();
        let rendered = tera.render_to(name, context, &mut *buffer).map_err(|e| tera_error(name, e));
        let text = rendered.and_then(|()| utf8(name, buffer).map(str::to_owned));
        // A province's annex is hundreds of MB: not kept for the next document.
        if buffer.capacity() > KEPT_BUFFER {
            *buffer = Vec::new();
        }
        text
    })
}

/// The most a thread's render buffer keeps between documents: more than any form or
/// minutes, less than a long list.
const KEPT_BUFFER: usize = 1 << 20;

/// `bytes` as text: what tera writes always is, from templates and values that are.
fn utf8<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, TemplateError> {
    simdutf8::basic::from_utf8(bytes).map_err(|_| {
        let message = std::str::from_utf8(bytes).err().map_or_else(String::new, |e| e.to_string());
        TemplateError::Tera { name: name.to_string(), message }
    })
}

/// `context` as tera's values, for the template `name` (named in the error).
pub fn context_of(name: &str, context: &impl Serialize) -> Result<Context, TemplateError> {
    Context::from_serialize(context).map_err(|e| tera_error(name, e))
}

/// `page` handed to `emit` line by line, each line that starts with `marker` replaced
/// by what `list` writes for the row template the line names.
fn expand_rows(
    marker: &str,
    page: &str,
    list: &mut dyn FnMut(&str, &mut Emit) -> Result<(), TemplateError>,
    emit: &mut Emit,
) -> Result<(), TemplateError> {
    for line in page.split_inclusive('\n') {
        match line.strip_prefix(marker).and_then(|rest| rest.split_whitespace().next()) {
            Some(template) => list(template, emit)?,
            None => emit(line)?,
        }
    }
    Ok(())
}

/// `rows` as the row template `name` writes them, a chunk at a time, handed to `emit`.
fn write_rows<R: Rows + ?Sized>(
    tera: &Tera,
    name: &str,
    rows: &R,
    at_once: usize,
    emit: &mut Emit,
) -> Result<(), TemplateError> {
    rows.each_chunk(at_once, |rows| emit(&render_context(tera, name, &Chunk { rows })?))
}

/// [`write_rows`] for a page, its chunks rendered [`CHUNKS_AT_ONCE`] at a time on every
/// core and handed to `emit` in order: the same chunks, so the same text. A province's
/// overview page is 28 MB of rows, written on one core at the end of the build while the
/// other had nothing left to do. A document's long list stays on one core: documents
/// are rendered on every core already, and a group of its chunks is megabytes.
fn write_rows_in_parallel<R: Rows + ?Sized>(
    tera: &Tera,
    name: &str,
    rows: &R,
    at_once: usize,
    emit: &mut Emit,
) -> Result<(), TemplateError>
where
    R::Row: Sync,
{
    use rayon::prelude::*;
    let at_once = at_once.max(1);
    rows.each_chunk(at_once * CHUNKS_AT_ONCE, |group| {
        let texts: Vec<Result<String, TemplateError>> =
            group.par_chunks(at_once).map(|rows| render_context(tera, name, &Chunk { rows })).collect();
        texts.into_iter().try_for_each(|text| emit(&text?))
    })
}

/// How many of a page's chunks are rendered at once: some 2,500 rows of a few hundred
/// bytes, less than a megabyte held.
const CHUNKS_AT_ONCE: usize = 64;

/// What a row template is given: `rows`, a chunk of the whole list.
#[derive(Serialize)]
struct Chunk<'a, R> {
    rows: &'a [R],
}

fn fingerprint(hashes: &[(&str, String)]) -> String {
    let mut hasher = blake3::Hasher::new();
    for (name, hash) in hashes {
        hasher.update(name.as_bytes());
        hasher.update(hash.as_bytes());
    }
    hasher.finalize().to_hex().to_string()
}

/// The text of the template `file`: the override folder's file of that name, else `default`.
fn source(override_dir: Option<&Path>, file: &str, default: &str) -> Result<String, TemplateError> {
    match override_dir.map(|d| d.join(file)).filter(|p| p.is_file()) {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| TemplateError::Io(path.display().to_string(), e)),
        None => Ok(default.to_string()),
    }
}

/// The Vietnamese helpers of [`vn`], for templates.
fn register_filters(tera: &mut Tera) {
    tera.register_filter("date_words", |iso: &str, _: Kwargs, _: &State| -> String {
        chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").map(vn::date_words).unwrap_or_else(|_| iso.to_string())
    });
    tera.register_filter("rating_name", |code: &str, _: Kwargs, _: &State| -> String {
        Rating::parse(code).map_or(code.to_string(), |r| r.full_name().to_string())
    });
    tera.register_filter("upper_vi", |text: &str, _: Kwargs, _: &State| -> String { vn::upper(text) });
    tera.register_filter("percent_vi", |part: u32, kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
        Ok(crate::text::percent_vi(part, kwargs.must_get::<u32>("of")?))
    });
    tera.register_filter("sort_names", |names: Vec<String>, _: Kwargs, _: &State| -> Vec<String> {
        let mut names = names;
        names.sort_by_cached_key(|n| crate::collate::sort_key(n));
        names
    });
    tera.register_filter("number_vi", |value: f64, kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
        let places = kwargs.get::<usize>("places")?.unwrap_or(0);
        Ok(crate::text::decimal_vi(value, places))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A person's line as the annex's row template reads it.
    #[derive(Serialize)]
    struct Line {
        order: usize,
        name: String,
        unit: String,
        post: String,
        category: String,
        rating: String,
    }

    #[derive(Serialize)]
    struct Whole<'a> {
        rows: &'a [Line],
        text: &'a str,
    }

    fn lines(count: usize) -> Vec<Line> {
        (1..=count)
            .map(|order| Line {
                order,
                name: format!("Nguyễn Văn *{order}* | @rows"),
                unit: format!("Phòng {}", order % 7),
                post: if order % 3 == 0 { String::new() } else { "Chuyên viên".into() },
                category: "Công chức".into(),
                rating: "Hoàn thành tốt nhiệm vụ".into(),
            })
            .collect()
    }

    #[test]
    fn rows_written_a_chunk_at_a_time_are_the_rows_of_one_loop() {
        let mut templates = Templates::load(None).unwrap();
        let row = "| {align=center} {{ p.order }} | {{ p.name }} | {{ p.unit }} | {{ p.post }} | {{ p.category }} | {{ p.rating }} |";
        templates
            .add("whole.tera", &format!("{{{{ text }}}}\n{{% for p in rows %}}{row}\n{{% endfor %}}@end\n"))
            .unwrap();
        templates.add("chunked.tera", "{{ text }}\n@rows _rows_annex.tera\n@end\n").unwrap();
        // A value that reads like the line is escaped, never taken for it.
        let text = "@rows _rows_annex.tera";
        for count in [0, 1, ROWS_AT_ONCE, 2 * ROWS_AT_ONCE + 345] {
            let rows = lines(count);
            let whole = templates.render("whole.tera", &Whole { rows: &rows, text }).unwrap();
            let chunked = templates.render_with_rows("chunked.tera", &Whole { rows: &[], text }, &rows[..]).unwrap();
            assert_eq!(chunked, whole, "{count} rows");
            assert_eq!(chunked.lines().filter(|line| line.starts_with("| {align=center}")).count(), count);
        }
    }

    #[test]
    fn a_document_with_its_rows_held_apart_is_the_one_with_them_in_its_markup() {
        use crate::render::markup::{Block, MarkupError, blocks, blocks_of};
        use crate::render::{DocMeta, RenderError, write_blocks};
        fn docx<'a>(blocks: impl Iterator<Item = Result<Block<'a>, MarkupError>>) -> Vec<u8> {
            write_blocks(false, blocks.map(|b| b.map_err(RenderError::from)), &DocMeta::default(), None).unwrap()
        }
        let mut templates = Templates::load(None).unwrap();
        let table = "{{ text }}\n@table widths=6,23,23,17,12,19 header=1 size=11\n\
            | STT | Họ và tên | Đơn vị | Chức vụ | Đối tượng | Kết quả |\n\
            @rows _rows_annex.tera\n| {span=5} Cộng | x |\n@end\n";
        templates.add("table.tera", table).unwrap();
        // A few rows, and more than a table keeps parsed, in chunks deflated.
        for (count, deflated) in [(3, 0), (2 * ROWS_AT_ONCE + 345, 3)] {
            let rows = lines(count);
            let context = Whole { rows: &[], text: "Phụ lục" };
            let markup = templates.render_markup("table.tera", &context, &rows[..]).unwrap();
            assert_eq!((markup.lists.len(), markup.lists[0].deflated_chunks()), (1, deflated), "{count} rows");
            assert!(!markup.text.contains(&rows[0].name), "the rows are not in the markup's text");
            let whole = templates.render_with_rows("table.tera", &context, &rows[..]).unwrap();
            let held_apart = docx(blocks_of(&markup, "table.tera"));
            assert!(held_apart == docx(blocks(&whole, "table.tera")), "{count} rows");
        }
    }

    #[test]
    fn each_list_of_a_page_goes_where_its_row_template_is_named() {
        let mut templates = Templates::load(None).unwrap();
        let page = "<h1>{{ title }}</h1>\n<!-- @rows _numbers.html -->\n<hr>\n<!-- @rows _names.html -->\n<end>\n";
        templates.pages.add_raw_template("t.html", page).unwrap();
        // Each chunk ends with a mark: the page's chunks, rendered in parallel groups, are
        // cut where the sequential writer cuts them, and come out in order.
        let numbers_template = "{% for n in rows %}<i>{{ n }}</i>\n{% endfor %}<c>\n";
        templates.pages.add_raw_template("_numbers.html", numbers_template).unwrap();
        templates
            .pages
            .add_raw_template("_names.html", "{% for p in rows %}<b>{{ p.name }}</b>\n{% endfor %}")
            .unwrap();
        #[derive(Serialize)]
        struct Title {
            title: &'static str,
        }
        let numbers: Vec<u32> = (1..=(2 * CHUNKS_AT_ONCE * PAGE_ROWS_LINE.at_once) as u32 + 3).collect();
        let names = lines(3);
        let mut out = Vec::new();
        let lists: [(&str, &dyn PageList); 2] = [("_names.html", &names), ("_numbers.html", &numbers)];
        templates.write_page("t.html", &Title { title: "A & B" }, &lists, &mut out).unwrap();
        let expected = format!(
            "<h1>A &amp; B</h1>\n{}<hr>\n{}<end>\n",
            numbers
                .chunks(PAGE_ROWS_LINE.at_once)
                .map(|chunk| chunk.iter().map(|n| format!("<i>{n}</i>\n")).collect::<String>() + "<c>\n")
                .collect::<String>(),
            names.iter().map(|p| format!("<b>{}</b>\n", p.name)).collect::<String>()
        );
        assert_eq!(String::from_utf8(out).unwrap(), expected);

        // A line naming a row template no list goes with says which.
        let err = templates.write_page("t.html", &Title { title: "" }, &lists[..1], &mut Vec::new()).unwrap_err();
        assert!(matches!(&err, TemplateError::NoList { page, rows } if page == "t.html" && rows == "_numbers.html"));
    }

    #[test]
    fn a_row_template_that_is_not_there_is_named() {
        let mut templates = Templates::load(None).unwrap();
        templates.add("chunked.tera", "@rows _rows_missing.tera\n").unwrap();
        let err =
            templates.render_with_rows("chunked.tera", &Whole { rows: &[], text: "" }, &lines(3)[..]).unwrap_err();
        assert!(err.to_string().contains("_rows_missing.tera"), "{err}");
    }
}
