//! Stage 4: documents. A tera template writes the document markup ([`markup`]); the
//! writer ([`docx`]) lays it out in the Decree 30/2020 format ([`layout`]).

pub mod context;
pub mod docx;
pub mod layout;
pub mod markup;
mod measure;
mod metrics;
pub mod plan;
pub mod templates;
pub mod title;
pub mod unit_key;
pub mod vn;
mod words;

pub use docx::{DocMeta, DocxError, schema_order, write_blocks, write_docx};
pub use templates::{Rows, TemplateError, Templates};
pub use title::Title;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error("mẫu văn bản {0}")]
    Markup(#[from] markup::MarkupError),
    #[error(transparent)]
    Docx(#[from] DocxError),
}

/// The rows of a document that has no long list.
pub const NO_ROWS: &[()] = &[];

/// Template → markup → DOCX bytes; `rows`: the document's long list, which the
/// template's `@rows` lines write ([`Templates::render_with_rows`]); `created`: the day
/// of the build, in the document's properties (Word shows it as the date the document
/// was made).
pub fn render_document<R: Rows + ?Sized>(
    templates: &Templates,
    name: &str,
    context: &impl serde::Serialize,
    rows: &R,
    meta: &DocMeta,
    created: Option<chrono::NaiveDate>,
) -> Result<Vec<u8>, RenderError> {
    render_document_in(templates, name, &templates::context_of(name, context)?, rows, meta, created)
}

/// [`render_document`] with tera's context made beforehand
/// ([`templates::context_of`]).
pub fn render_document_in<R: Rows + ?Sized>(
    templates: &Templates,
    name: &str,
    context: &tera::Context,
    rows: &R,
    meta: &DocMeta,
    created: Option<chrono::NaiveDate>,
) -> Result<Vec<u8>, RenderError> {
    let markup = templates.render_markup_in(name, context, rows)?;
    write_markup(&markup, name, meta, created)
}

/// `markup`, which the template `name` wrote, as DOCX bytes.
pub fn write_markup(
    markup: &markup::Markup,
    name: &str,
    meta: &DocMeta,
    created: Option<chrono::NaiveDate>,
) -> Result<Vec<u8>, RenderError> {
    write_blocks(markup::is_landscape(&markup.text), blocks(markup, name), meta, created)
}

/// [`write_markup`] straight into `file`: for the documents a row per person long.
pub fn write_markup_to_file(
    markup: &markup::Markup,
    name: &str,
    meta: &DocMeta,
    created: Option<chrono::NaiveDate>,
    file: &mut std::fs::File,
) -> Result<(), RenderError> {
    docx::write_blocks_to_file(markup::is_landscape(&markup.text), blocks(markup, name), meta, created, file)
}

/// The blocks of `markup`, which the template `name` wrote.
fn blocks<'m>(
    markup: &'m markup::Markup,
    name: &'m str,
) -> impl Iterator<Item = Result<markup::Block<'m>, RenderError>> + 'm {
    markup::blocks_of(markup, name).map(|b| b.map_err(RenderError::from))
}
