//! Where a piece of input came from, so every message can send the clerk to the
//! exact place: a workbook cell (`Sheet1!C12`) or a YAML line and column.

use std::cell::RefCell;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize};

/// A place inside one input file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Place {
    /// The file as a whole (it could not be opened, or the problem has no finer place).
    File,
    /// A cell of the origin's worksheet; `row` and `col` are zero-based like calamine's.
    Cell { row: u32, col: u32 },
    /// A position in a text file; both one-based.
    Line { line: u32, column: u32 },
}

/// An input file (relative to the inputs folder), and the worksheet for a workbook's
/// cells: what every place in them shares.
#[derive(Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Origin {
    file: Box<Path>,
    sheet: Option<Box<str>>,
}

impl Origin {
    pub fn file(file: impl AsRef<Path>) -> Arc<Origin> {
        Arc::new(Origin { file: file.as_ref().into(), sheet: None })
    }

    pub fn sheet(file: impl AsRef<Path>, sheet: &str) -> Arc<Origin> {
        Arc::new(Origin { file: file.as_ref().into(), sheet: Some(sheet.into()) })
    }

    pub fn path(&self) -> &Path {
        &self.file
    }
}

/// A file and a place in it.
///
/// The file's name and the sheet's are one [`Origin`], shared by every place in them: a
/// province's dataset holds several sources a person (the roster's cell, the meeting
/// file's lines), all in a few thousand files, and a source is 24 bytes where a name and
/// a sheet of its own were 48. [`Source::file_in`], [`Source::line_in`] and
/// [`Source::cell_in`] share the origin their caller holds; a source read back from the
/// parse cache shares with the source read just before it (see [`shared_origin`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    #[serde(deserialize_with = "shared_origin")]
    origin: Arc<Origin>,
    pub place: Place,
}

impl Source {
    pub fn file(file: impl AsRef<Path>) -> Self {
        Source::file_in(&Origin::file(file))
    }

    pub fn cell(file: impl AsRef<Path>, sheet: &str, row: u32, col: u32) -> Self {
        Source::cell_in(&Origin::sheet(file, sheet), row, col)
    }

    pub fn line(file: impl AsRef<Path>, line: u32, column: u32) -> Self {
        Source::line_in(&Origin::file(file), line, column)
    }

    pub fn file_in(origin: &Arc<Origin>) -> Self {
        Source { origin: origin.clone(), place: Place::File }
    }

    pub fn cell_in(origin: &Arc<Origin>, row: u32, col: u32) -> Self {
        Source { origin: origin.clone(), place: Place::Cell { row, col } }
    }

    pub fn line_in(origin: &Arc<Origin>, line: u32, column: u32) -> Self {
        Source { origin: origin.clone(), place: Place::Line { line, column } }
    }

    /// The input file, relative to the inputs folder.
    pub fn path(&self) -> &Path {
        &self.origin.file
    }

    /// The file and sheet this place is in, for more places in them.
    pub fn origin(&self) -> &Arc<Origin> {
        &self.origin
    }

    /// The file as the clerk reads it: forward slashes on every system.
    pub fn file_display(&self) -> String {
        display_path(self.path())
    }

    pub fn line_column(&self) -> Option<(u32, u32)> {
        match self.place {
            Place::Line { line, column } => Some((line, column)),
            _ => None,
        }
    }

    /// The sheet and the cell's A1 name.
    pub fn sheet_cell(&self) -> Option<(&str, String)> {
        match (self.place, self.origin.sheet.as_deref()) {
            (Place::Cell { row, col }, Some(sheet)) => Some((sheet, cell_name(row, col))),
            _ => None,
        }
    }
}

thread_local! {
    static LAST_ORIGIN: RefCell<Option<Arc<Origin>>> = const { RefCell::new(None) };
}

/// Deserializes an origin, sharing the last one read on this thread when it is the same:
/// the parse cache holds one meeting file's sources one after the other, so reading them
/// back costs one origin per file, as reading the file did.
fn shared_origin<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<Origin>, D::Error> {
    let origin = Origin::deserialize(deserializer)?;
    Ok(LAST_ORIGIN.with_borrow_mut(|last| match last {
        Some(same) if **same == origin => same.clone(),
        _ => last.insert(Arc::new(origin)).clone(),
    }))
}

/// `a/b/c.yaml` whatever the platform's separator.
/// An absolute path keeps its root: `/tmp/a`, `C:/a`.
pub fn display_path(path: &Path) -> String {
    use std::path::Component;
    let mut shown = String::new();
    for component in path.components() {
        match component {
            Component::Prefix(prefix) => shown.push_str(&prefix.as_os_str().to_string_lossy()),
            Component::RootDir => shown.push('/'),
            other => {
                if !shown.is_empty() && !shown.ends_with('/') {
                    shown.push('/');
                }
                shown.push_str(&other.as_os_str().to_string_lossy());
            }
        }
    }
    shown
}

/// Excel's A1 name of a zero-based cell: (0,0) → "A1", (11,27) → "AB12".
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file_display();
        match (self.place, self.origin.sheet.as_deref()) {
            (Place::File, _) => write!(f, "{file}"),
            (Place::Cell { row, col }, Some(sheet)) => write!(f, "{file} [{sheet}!{}]", cell_name(row, col)),
            (Place::Cell { row, col }, None) => write!(f, "{file} [{}]", cell_name(row, col)),
            (Place::Line { line, column }, _) => write!(f, "{file}:{line}:{column}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names_follow_excel() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(11, 25), "Z12");
        assert_eq!(cell_name(11, 27), "AB12");
        assert_eq!(cell_name(0, 701), "ZZ1");
        assert_eq!(cell_name(0, 702), "AAA1");
    }

    #[test]
    fn display_names_the_place() {
        assert_eq!(Source::cell("ds/a.xlsx", "DS", 4, 2).to_string(), "ds/a.xlsx [DS!C5]");
        assert_eq!(Source::line("don-vi/vp.yaml", 12, 3).to_string(), "don-vi/vp.yaml:12:3");
    }

    #[test]
    fn sources_read_back_share_their_names() {
        let sources = vec![Source::cell("ds/a.xlsx", "DS", 4, 2), Source::cell("ds/a.xlsx", "DS", 5, 2)];
        let read: Vec<Source> = postcard::from_bytes(&postcard::to_allocvec(&sources).unwrap()).unwrap();
        assert_eq!(read, sources);
        assert!(Arc::ptr_eq(read[0].origin(), read[1].origin()));
        assert_eq!(read[1].sheet_cell(), Some(("DS", "C6".to_string())));
        let other: Source = postcard::from_bytes(&postcard::to_allocvec(&Source::file("b.yaml")).unwrap()).unwrap();
        assert_eq!(other.path(), Path::new("b.yaml"));
        assert!(!Arc::ptr_eq(other.origin(), read[1].origin()));
        // Made from an origin the caller holds, each kind of place shares it.
        let origin = Origin::file("don-vi/vp.yaml");
        for made in [Source::file_in(&origin), Source::line_in(&origin, 3, 1), Source::cell_in(&origin, 0, 0)] {
            assert!(Arc::ptr_eq(made.origin(), &origin));
        }
    }

    #[test]
    fn a_source_is_three_words() {
        // A province's dataset holds several a person: their size is its size.
        assert_eq!(std::mem::size_of::<Source>(), 24);
    }

    #[test]
    fn paths_show_forward_slashes_and_keep_their_root() {
        assert_eq!(display_path(Path::new("don-vi/vp.yaml")), "don-vi/vp.yaml");
        assert_eq!(display_path(Path::new("/tmp/a/tong-hop.json")), "/tmp/a/tong-hop.json");
        assert_eq!(display_path(Path::new("./a")), "./a");
        assert_eq!(display_path(Path::new("")), "");
    }
}
