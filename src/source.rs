//! Where a piece of input came from, so every message can send the clerk to the
//! exact place: a workbook cell (`Sheet1!C12`) or a YAML line and column.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
/// parse cache shares with the source read just before it (see [`read_origin`]), and
/// inside [`with_shared_origins`] is written as a pointer back to the source before it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    #[serde(serialize_with = "write_origin", deserialize_with = "read_origin")]
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

    /// The whole file of `origin`, sharing it.
    pub fn file_in(origin: &Arc<Origin>) -> Self {
        Source { origin: origin.clone(), place: Place::File }
    }

    /// A cell of the sheet of `origin`, sharing it.
    pub fn cell_in(origin: &Arc<Origin>, row: u32, col: u32) -> Self {
        Source { origin: origin.clone(), place: Place::Cell { row, col } }
    }

    /// A line of the file of `origin`, sharing it.
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

    /// The path with forward slashes, as the JSON contract and the clerk expect on every OS.
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
    /// The origin last read on this thread, shared by the next source read from the same.
    static LAST_ORIGIN: RefCell<Option<Arc<Origin>>> = const { RefCell::new(None) };
    /// This thread is inside [`with_shared_origins`].
    static SHARING: Cell<bool> = const { Cell::new(false) };
    /// Inside it, the origin last written: the next source of the same only points back.
    static LAST_WRITTEN: RefCell<Option<Arc<Origin>>> = const { RefCell::new(None) };
}

/// How a source's origin is written inside [`with_shared_origins`].
#[derive(Serialize, Deserialize)]
enum OriginRef<O> {
    /// The origin of the source written just before.
    Same,
    New(O),
}

/// Runs `work` (the writing or the reading of one whole value) with each source's origin
/// written once, every following source of the same origin pointing back to it. The
/// parse cache keeps a meeting file's outcome, whose hundred sources are all of that one
/// file: written with each, its name made a third of a province's cache (328 MB against
/// 216 MB at a million people). What is written so must be read so, the whole value at
/// once.
pub fn with_shared_origins<T>(work: impl FnOnce() -> T) -> T {
    /// Ends the sharing however `work` ends: a worker thread goes on to other work.
    struct Sharing;
    impl Drop for Sharing {
        fn drop(&mut self) {
            SHARING.set(false);
            LAST_WRITTEN.with_borrow_mut(|last| *last = None);
        }
    }
    LAST_WRITTEN.with_borrow_mut(|last| *last = None);
    LAST_ORIGIN.with_borrow_mut(|last| *last = None);
    SHARING.set(true);
    let _sharing = Sharing;
    work()
}

fn write_origin<S: Serializer>(origin: &Arc<Origin>, serializer: S) -> Result<S::Ok, S::Error> {
    if !SHARING.get() {
        return origin.serialize(serializer);
    }
    let same = LAST_WRITTEN.with_borrow_mut(|last| {
        let same = last.as_ref().is_some_and(|written| **written == **origin);
        if !same {
            *last = Some(origin.clone());
        }
        same
    });
    match same {
        true => OriginRef::<&Origin>::Same.serialize(serializer),
        false => OriginRef::New(&**origin).serialize(serializer),
    }
}

/// Reads an origin, sharing the last one read on this thread when it is the same: the
/// parse cache holds one meeting file's sources one after the other, so reading them
/// back costs one origin per file, as reading the file did.
fn read_origin<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<Origin>, D::Error> {
    let origin = match SHARING.get() {
        false => Origin::deserialize(deserializer)?,
        true => match OriginRef::<Origin>::deserialize(deserializer)? {
            OriginRef::New(origin) => origin,
            OriginRef::Same => {
                let last = LAST_ORIGIN.with_borrow(Clone::clone);
                return last.ok_or_else(|| serde::de::Error::custom("a source points back to none"));
            }
        },
    };
    Ok(LAST_ORIGIN.with_borrow_mut(|last| match last {
        Some(same) if **same == origin => same.clone(),
        _ => last.insert(Arc::new(origin)).clone(),
    }))
}

/// An absolute path keeps its root: `/tmp/a`, `C:/a`.
pub fn display_path(path: &Path) -> String {
    use std::path::Component;
    // As long as the path, or a little over where a name is not UTF-8: grown a part at
    // a time it held half as much again, and a build keeps a million of these (the
    // manifest's keys).
    let mut shown = String::with_capacity(path.as_os_str().len());
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
    fn origins_written_once_read_back_the_same() {
        let sources = vec![
            Source::line("don-vi/vp.yaml", 3, 1),
            Source::line("don-vi/vp.yaml", 4, 1),
            Source::cell("ds/a.xlsx", "DS", 4, 2),
            Source::file("don-vi/vp.yaml"),
        ];
        let plain = postcard::to_allocvec(&sources).unwrap();
        let shared = with_shared_origins(|| postcard::to_allocvec(&sources).unwrap());
        // The second source's origin (its name, the name's length, no sheet) is one byte
        // saying "the same"; the others take that byte more than written whole. The
        // fourth is written again: another origin came between.
        assert_eq!(plain.len() - shared.len(), ("don-vi/vp.yaml".len() + 2 - 1) - 3);
        let read: Vec<Source> = with_shared_origins(|| postcard::from_bytes(&shared).unwrap());
        assert_eq!(read, sources);
        assert!(Arc::ptr_eq(read[0].origin(), read[1].origin()));
        // Outside, every source is written whole, as before: the sharing ended with the call.
        assert_eq!(postcard::to_allocvec(&sources).unwrap(), plain);
        let _ = std::panic::catch_unwind(|| with_shared_origins(|| panic!("a failed write")));
        assert_eq!(postcard::to_allocvec(&sources).unwrap(), plain);
        // A value written so and read whole, as the parse cache never does, is refused.
        assert!(postcard::from_bytes::<Vec<Source>>(&shared).is_err());
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
        // A document's key holds its length, not what growing by parts left over.
        let key = display_path(&Path::new("phong-nghiep-vu-12").join("tu-kiem-diem").join("05-nguyen-van-an.docx"));
        assert_eq!(
            (key.as_str(), key.capacity()),
            ("phong-nghiep-vu-12/tu-kiem-diem/05-nguyen-van-an.docx", key.len())
        );
    }
}
