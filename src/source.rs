//! Where a piece of input came from, so every message can send the clerk to the
//! exact place: a workbook cell (`Sheet1!C12`) or a YAML line and column.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A place inside one input file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Place {
    /// The file as a whole (it could not be opened, or the problem has no finer place).
    File,
    /// A cell of a worksheet; `row` and `col` are zero-based like calamine's.
    Cell { sheet: String, row: u32, col: u32 },
    /// A position in a text file; both one-based.
    Line { line: u32, column: u32 },
}

/// A file (relative to the inputs folder) and a place in it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    pub file: PathBuf,
    pub place: Place,
}

impl Source {
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Source { file: file.into(), place: Place::File }
    }

    pub fn cell(file: impl Into<PathBuf>, sheet: &str, row: u32, col: u32) -> Self {
        Source { file: file.into(), place: Place::Cell { sheet: sheet.to_string(), row, col } }
    }

    pub fn line(file: impl Into<PathBuf>, line: u32, column: u32) -> Self {
        Source { file: file.into(), place: Place::Line { line, column } }
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
            Place::Cell { sheet, row, col } => Some((sheet.as_str(), cell_name(*row, *col))),
            _ => None,
        }
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
    fn paths_show_forward_slashes_and_keep_their_root() {
        assert_eq!(display_path(Path::new("don-vi/vp.yaml")), "don-vi/vp.yaml");
        assert_eq!(display_path(Path::new("/tmp/a/tong-hop.json")), "/tmp/a/tong-hop.json");
        assert_eq!(display_path(Path::new("./a")), "./a");
        assert_eq!(display_path(Path::new("")), "");
    }
}
