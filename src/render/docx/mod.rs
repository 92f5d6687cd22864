//! Markup → DOCX. The body is written in one pass by [`body`] with [`xml`] and streamed
//! into the package; the rest of the package (styles, settings, headers, section
//! properties) comes from the [`skeleton`] docx-rs builds once, deflated once and copied
//! into every document.

mod body;
mod columns;
mod keep;
mod package;
pub mod schema_order;
mod skeleton;
mod xml;

use std::borrow::Borrow;
use std::io::Write;

use super::markup::{Block, Document};

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

impl From<zip::result::ZipError> for DocxError {
    fn from(e: zip::result::ZipError) -> DocxError {
        DocxError::Pack(e.to_string())
    }
}

impl From<std::io::Error> for DocxError {
    fn from(e: std::io::Error) -> DocxError {
        DocxError::Pack(e.to_string())
    }
}

/// Deflate level of a document's own parts: the fastest level makes the files ~10%
/// larger than the default level in a third of the time; the shared parts are
/// compressed once, at the default level.
const LEVEL: i64 = 1;

/// XML is handed to the compressor in pieces of about this size, so that a document's
/// memory does not grow with its length.
const CHUNK: usize = 256 * 1024;

pub fn write_docx(doc: &Document, meta: &DocMeta) -> Result<Vec<u8>, DocxError> {
    write_blocks(doc.landscape, doc.blocks.iter().map(Ok::<&Block, DocxError>), meta, None)
}

/// Writes `blocks` as they come: the shared parts copied compressed as they are, then
/// the body streamed through the compressor, then the document properties. An `Err`
/// from `blocks` stops the document.
pub fn write_blocks<'s, B: Borrow<Block<'s>>, E: From<DocxError>>(
    landscape: bool,
    blocks: impl IntoIterator<Item = Result<B, E>>,
    meta: &DocMeta,
    created: Option<chrono::NaiveDate>,
) -> Result<Vec<u8>, E> {
    let skeleton = skeleton::get().map_err(DocxError::Pack)?;
    skeleton.package.write(body(skeleton, landscape, blocks), skeleton.core(meta, created).as_bytes())
}

/// [`write_blocks`] straight into `file`, which never holds the document whole: for the
/// long ones (a nation's report is 68 MB).
pub fn write_blocks_to_file<'s, B: Borrow<Block<'s>>, E: From<DocxError>>(
    landscape: bool,
    blocks: impl IntoIterator<Item = Result<B, E>>,
    meta: &DocMeta,
    created: Option<chrono::NaiveDate>,
    file: &mut std::fs::File,
) -> Result<(), E> {
    let skeleton = skeleton::get().map_err(DocxError::Pack)?;
    let mut out = package::FileOut::new(file);
    skeleton.package.write_into(
        &mut out,
        body(skeleton, landscape, blocks),
        skeleton.core(meta, created).as_bytes(),
    )?;
    out.flush().map_err(|e| E::from(DocxError::from(e)))
}

/// What writes `word/document.xml`: the skeleton's prologue, `blocks`, its section.
fn body<'s, B: Borrow<Block<'s>>, E: From<DocxError>>(
    skeleton: &skeleton::Skeleton,
    landscape: bool,
    blocks: impl IntoIterator<Item = Result<B, E>>,
) -> impl FnOnce(&mut dyn Write) -> Result<(), E> {
    move |part: &mut dyn Write| -> Result<(), E> {
        let mut xml = xml::Xml::streaming(part, CHUNK);
        xml.raw(&skeleton.prologue);
        write_body(&mut xml, landscape, blocks)?;
        xml.raw(if landscape { &skeleton.landscape } else { &skeleton.portrait });
        xml.finish().map_err(|e| E::from(DocxError::from(e)))
    }
}

/// The body's blocks, each kept with what it must not be parted from.
fn write_body<'s, B: Borrow<Block<'s>>, E: From<DocxError>>(
    xml: &mut xml::Xml<'_>,
    landscape: bool,
    blocks: impl IntoIterator<Item = Result<B, E>>,
) -> Result<(), E> {
    let width = body::text_width(landscape);
    // A kept row was just closed: the paragraph after it waits for what comes next.
    let mut after_kept = false;
    let mut write = |piece: keep::Piece| -> Result<(), DocxError> {
        // A page break's own paragraph is the one the table needs.
        if std::mem::take(&mut after_kept) && !matches!(piece, keep::Piece::Block(Block::PageBreak)) {
            body::after_kept(xml, false);
        }
        match piece {
            keep::Piece::Block(block) => body::block(xml, block, width),
            keep::Piece::TableTail(block) => body::table_kept_with_next(xml, block, width),
            keep::Piece::Open => body::open_kept(xml, width),
            keep::Piece::Close { row } => {
                if row {
                    body::close_kept(xml);
                }
                after_kept = true;
            }
        }
        xml.spill_if_full();
        Ok(())
    };
    let mut window = keep::KeepWindow::new();
    for block in blocks {
        window.push(block?, &mut write)?;
    }
    window.flush(&mut write)?;
    if after_kept {
        body::after_kept(xml, true);
    }
    Ok(())
}
