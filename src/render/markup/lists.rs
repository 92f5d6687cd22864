//! A document's long lists, held apart from its markup.
//!
//! A template writes the rows of a long list by its `@rows` line (a person a row, in
//! the agency's report and its notice). The markup then holds, where that line was,
//! `@list N`: the list's rows are kept in [`List`]s beside it, each chunk the row
//! template wrote (a thousand rows) deflated. A table reads them from there each time
//! it is read (it is read three times: checked, fitted to the page, written). A
//! million people's annex is 170 MB of markup, which stood whole beside the document
//! being written.

use std::borrow::Cow;
use std::io::{Read, Write};

/// The line of the markup a list stands at, its index next.
pub const LIST_LINE: &str = "@list";

/// A chunk of rows this long or longer is deflated; a shorter one (a list of a few
/// units, a small agency's) is kept as it is.
const PLAIN_UP_TO: usize = 16 * 1024;

/// Markup with its long lists held apart.
#[derive(Debug, Default)]
pub struct Markup {
    pub text: String,
    pub lists: Vec<List>,
}

/// The rows of one long list, a chunk at a time, in order.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct List {
    chunks: Vec<Chunk>,
}

#[derive(Debug, PartialEq, Eq)]
enum Chunk {
    Plain(String),
    Deflated(Box<[u8]>),
}

impl List {
    /// Adds the next chunk of rows, as markup lines.
    pub fn push(&mut self, text: &str) -> std::io::Result<()> {
        let chunk = match text.len() < PLAIN_UP_TO {
            true => Chunk::Plain(text.to_string()),
            false => {
                let mut deflater = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
                deflater.write_all(text.as_bytes())?;
                Chunk::Deflated(deflater.finish()?.into_boxed_slice())
            }
        };
        self.chunks.push(chunk);
        Ok(())
    }

    /// How many of the chunks are held deflated.
    #[cfg(test)]
    pub fn deflated_chunks(&self) -> usize {
        self.chunks.iter().filter(|chunk| matches!(chunk, Chunk::Deflated(_))).count()
    }

    /// The chunks' text, in order, each inflated as it is reached.
    pub fn texts(&self) -> impl Iterator<Item = Cow<'_, str>> {
        self.chunks.iter().map(|chunk| match chunk {
            Chunk::Plain(text) => Cow::Borrowed(text.as_str()),
            Chunk::Deflated(bytes) => {
                let mut text = String::new();
                // Deflated here from a `str`: it inflates back to one.
                flate2::read::DeflateDecoder::new(&bytes[..])
                    .read_to_string(&mut text)
                    .expect("a list's chunk inflates to the text deflated");
                Cow::Owned(text)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_gives_back_its_chunks_short_and_long() {
        let long: String = (0..2000).map(|i| format!("| {i} | Nguyễn Văn {i} |\n")).collect();
        assert!(long.len() >= PLAIN_UP_TO);
        let mut list = List::default();
        for chunk in ["| 1 | A |\n", &long, ""] {
            list.push(chunk).unwrap();
        }
        assert!(matches!(list.chunks[1], Chunk::Deflated(ref bytes) if bytes.len() < long.len() / 2));
        let texts: Vec<Cow<str>> = list.texts().collect();
        assert_eq!(texts, ["| 1 | A |\n", long.as_str(), ""]);
    }
}
