//! Markup → DOCX. The body is written in one pass by [`body`] with [`xml`]; the rest of
//! the package (styles, settings, headers, section properties) comes from the
//! [`skeleton`] docx-rs builds once, deflated once and copied into every document.

mod body;
pub mod schema_order;
mod skeleton;
mod xml;

use std::io::{Cursor, Write};

use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::markup::Document;
use skeleton::Skeleton;

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

/// Deflate level of a document's own parts: the fastest level makes the files ~10%
/// larger than the default level in a fraction of the time; the shared parts are
/// compressed once, at the default level.
const LEVEL: i64 = 1;

pub fn write_docx(doc: &Document, meta: &DocMeta) -> Result<Vec<u8>, DocxError> {
    let skeleton = skeleton::get().map_err(DocxError::Pack)?;
    let mut xml = xml::Xml::with_capacity(64 * 1024);
    xml.raw(&skeleton.prologue);
    body::write(doc, &mut xml);
    xml.raw(if doc.landscape { &skeleton.landscape } else { &skeleton.portrait });
    package(skeleton, xml.into_string().as_bytes(), skeleton.core(meta).as_bytes()).map_err(|e| DocxError::Pack(e.to_string()))
}

/// The shared parts copied compressed as they are, then this document's two parts.
fn package(skeleton: &Skeleton, document: &[u8], core: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut shared = skeleton.parts();
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(document.len() / 4 + 8 * 1024)));
    for i in 0..shared.len() {
        zip.raw_copy_file(shared.by_index_raw(i)?)?;
    }
    let options = SimpleFileOptions::default().compression_level(Some(LEVEL));
    for (name, bytes) in [(skeleton::DOCUMENT, document), (Skeleton::CORE, core)] {
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
