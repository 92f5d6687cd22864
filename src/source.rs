//! Where a piece of input came from, so every message can send the clerk to the
//! exact place: a workbook cell (`Sheet1!C12`) or a YAML line and column.

use std::cell::RefCell;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize};

/// A place inside one input file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Place {
    /// The file as a whole (it could not be opened, or the problem has no finer place).
    File,
    /// A cell of a worksheet; `row` and `col` are zero-based like calamine's.
    Cell {
        #[serde(deserialize_with = "shared_sheet")]
        sheet: Arc<str>,
        row: u32,
        col: u32,
    },
    /// A position in a text file; both one-based.
    Line { line: u32, column: u32 },
}

/// A file (relative to the inputs folder) and a place in it.
///
/// The file's name and the sheet's are shared by every place in them: a province's
/// dataset holds several sources a person (the roster's cell, the meeting file's lines),
/// all in a few thousand files. [`Source::line_in`] and [`Source::cell_in`] share what
/// their caller holds; a source read back from the parse cache shares with the source
/// read just before it (see [`shared_file`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    #[serde(deserialize_with = "shared_file")]
    pub file: Arc<Path>,
    pub place: Place,
}

impl Source {
    pub fn file(file: impl AsRef<Path>) -> Self {
        Source::file_in(&Arc::from(file.as_ref()))
    }

    pub fn cell(file: impl AsRef<Path>, sheet: &str, row: u32, col: u32) -> Self {
        Source::cell_in(&Arc::from(file.as_ref()), &Arc::from(sheet), row, col)
    }

    pub fn line(file: impl AsRef<Path>, line: u32, column: u32) -> Self {
        Source::line_in(&Arc::from(file.as_ref()), line, column)
    }

    /// The whole of `file`, sharing its name.
    pub fn file_in(file: &Arc<Path>) -> Self {
        Source { file: file.clone(), place: Place::File }
    }

    /// A cell of `sheet` in `file`, sharing both names.
    pub fn cell_in(file: &Arc<Path>, sheet: &Arc<str>, row: u32, col: u32) -> Self {
        Source { file: file.clone(), place: Place::Cell { sheet: sheet.clone(), row, col } }
    }

    /// A line of `file`, sharing its name.
    pub fn line_in(file: &Arc<Path>, line: u32, column: u32) -> Self {
        Source { file: file.clone(), place: Place::Line { line, column } }
    }

    /// The path with forward slashes, as the JSON contract and the clerk expect on every OS.
    pub fn file_display(&self) -> String {
        display_path(&self.file)
    }

    pub fn line_column(&self) -> Option<(u32, u32)> {
        match self.place {
            Place::Line { line, column } => Some((line, column)),
            _ => None,
        }
    }

    pub fn sheet_cell(&self) -> Option<(&str, String)> {
        match &self.place {
            Place::Cell { sheet, row, col } => Some((sheet, cell_name(*row, *col))),
            _ => None,
        }
    }
}

thread_local! {
    /// The file and sheet names last read back on this thread, for the next source.
    static LAST_FILE: RefCell<Option<Arc<Path>>> = const { RefCell::new(None) };
    static LAST_SHEET: RefCell<Option<Arc<str>>> = const { RefCell::new(None) };
}

/// A file's name read back, shared with the one read just before when it is the same:
/// a unit's cached review holds a few sources a person, all in one meeting file.
fn shared_file<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<Path>, D::Error> {
    let file = PathBuf::deserialize(deserializer)?;
    Ok(LAST_FILE.with_borrow_mut(|last| shared(last, file.as_path())))
}

/// [`shared_file`] for a sheet's name.
fn shared_sheet<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<str>, D::Error> {
    let sheet = String::deserialize(deserializer)?;
    Ok(LAST_SHEET.with_borrow_mut(|last| shared(last, sheet.as_str())))
}

/// `value` as the `last` one if it is the same, else as a new one kept as the last.
fn shared<T: ?Sized + PartialEq>(last: &mut Option<Arc<T>>, value: &T) -> Arc<T>
where
    Arc<T>: for<'a> From<&'a T>,
{
    match last {
        Some(same) if **same == *value => same.clone(),
        _ => last.insert(Arc::from(value)).clone(),
    }
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
        match &self.place {
            Place::File => write!(f, "{file}"),
            Place::Cell { sheet, row, col } => {
                write!(f, "{file} [{sheet}!{}]", cell_name(*row, *col))
            }
            Place::Line { line, column } => write!(f, "{file}:{line}:{column}"),
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
        assert!(Arc::ptr_eq(&read[0].file, &read[1].file));
        let (Place::Cell { sheet: first, .. }, Place::Cell { sheet: second, .. }) = (&read[0].place, &read[1].place)
        else {
            panic!("cells read back as cells");
        };
        assert!(Arc::ptr_eq(first, second));
        let other: Source = postcard::from_bytes(&postcard::to_allocvec(&Source::file("b.yaml")).unwrap()).unwrap();
        assert_eq!(other.file.as_ref(), Path::new("b.yaml"));
        // Made from a name the caller holds, each kind of place shares it.
        let file: Arc<Path> = Arc::from(Path::new("don-vi/vp.yaml"));
        let sheet: Arc<str> = Arc::from("DS");
        for made in [Source::file_in(&file), Source::line_in(&file, 3, 1), Source::cell_in(&file, &sheet, 0, 0)] {
            assert!(Arc::ptr_eq(&made.file, &file));
        }
    }

    #[test]
    fn paths_show_forward_slashes_and_keep_their_root() {
        assert_eq!(display_path(Path::new("don-vi/vp.yaml")), "don-vi/vp.yaml");
        assert_eq!(display_path(Path::new("/tmp/a/tong-hop.json")), "/tmp/a/tong-hop.json");
        assert_eq!(display_path(Path::new("./a")), "./a");
        assert_eq!(display_path(Path::new("")), "");
    }
}
