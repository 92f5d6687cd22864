//! Meeting files and roster workbooks as the last build read them, so that a build reads
//! again only the files that changed. A province has thousands of meeting files, and
//! rosters of a hundred thousand rows; parsing them and resolving every name against
//! the roster is most of what a rebuild costs.
//!
//! What a meeting file becomes depends on its own text and name, on agency.yaml (the
//! units), on the rosters (the people) and on the votes workbooks merged into it; what a
//! roster gives, on its own bytes and agency.yaml. Those are the cache's context: when
//! any of them changes, or the program does (its build identity, not only its version),
//! the whole cache is set aside. Each file's entry is keyed by its name and content
//! hash, so an edited file simply misses.
//!
//! The cache is bytes for the caller to keep (in the outputs folder, beside the
//! manifest): deleting it only costs the next build the time to parse everything again.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_bytes::Bytes;

use super::roster::Workbook;
use crate::findings::Finding;
use crate::model::{UnitId, UnitReview};
use crate::scan::{FileKind, InputFile};

/// What one meeting file came to, as the assembly would redo it.
// One per meeting file, moved once into the dataset: the size of the enum is not copied around.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Outcome {
    /// Its one finding: the file could not be read as YAML, or names no unit of
    /// agency.yaml.
    Refused(Finding),
    /// The unit's review with names resolved and workbooks merged, whether it was
    /// blank before the score sheets were merged, and the findings found on the way.
    Resolved { unit: UnitId, review: UnitReview, blank: bool, findings: Vec<Finding> },
}

/// What one roster workbook gave, with the findings its reading gave.
#[derive(Serialize, Deserialize)]
pub struct WorkbookRead {
    pub workbook: Workbook,
    pub findings: Vec<Finding>,
}

/// The cache's file, in the outputs folder.
pub const CACHE_NAME: &str = ".xeploai-cache";

type Key = [u8; 32];

/// The file: entries are byte strings, read in place from the file's bytes (a
/// province's cache is tens of MB, copied into thousands of buffers otherwise).
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    build: &'a str,
    context: Key,
    #[serde(borrow)]
    entries: Vec<(Key, &'a Bytes)>,
}

pub struct ParseCache<'a> {
    context: Key,
    /// Entries of the last build, still encoded, in the bytes they were read from.
    before: HashMap<Key, &'a [u8]>,
    /// Entries of this build, for the next.
    after: HashMap<Key, Cow<'a, [u8]>>,
    /// Anything new was added this build.
    added: bool,
    /// What this build reads is kept for the next one ([`ParseCache::renew`]); a check,
    /// which writes nothing, does not pay for encoding it.
    renewing: bool,
}

impl<'a> ParseCache<'a> {
    /// The cache in `stored` (as [`ParseCache::to_bytes`] gave it) if it was written by
    /// this program for the same context as `files` have now; else an empty one. Read
    /// only: nothing is kept, and [`ParseCache::to_bytes`] gives nothing.
    pub fn read(stored: Option<&'a [u8]>, files: &[InputFile]) -> ParseCache<'a> {
        let context = context(files);
        let before = stored
            .and_then(|bytes| postcard::from_bytes::<Stored>(bytes).ok())
            .filter(|stored| stored.build == crate::BUILD && stored.context == context)
            .map(|stored| stored.entries.into_iter().map(|(key, bytes)| (key, &**bytes)).collect())
            .unwrap_or_default();
        ParseCache { context, before, after: HashMap::new(), added: false, renewing: false }
    }

    /// [`ParseCache::read`], and what this build reads kept for the next.
    pub fn renew(stored: Option<&'a [u8]>, files: &[InputFile]) -> ParseCache<'a> {
        ParseCache { renewing: true, ..ParseCache::read(stored, files) }
    }

    /// What `file` gave in the last build ([`Outcome`], [`WorkbookRead`]), if it is the
    /// same file.
    pub fn get<T: DeserializeOwned>(&self, file: &InputFile) -> Option<T> {
        postcard::from_bytes(self.before.get(&key(file))?).ok()
    }

    /// Keeps what `file` gave for the next build.
    pub fn keep<T: Serialize>(&mut self, file: &InputFile, outcome: &T) {
        if !self.renewing {
            return;
        }
        let key = key(file);
        if let Some(bytes) = self.before.remove(&key) {
            self.after.insert(key, Cow::Borrowed(bytes));
        } else if let Ok(bytes) = postcard::to_allocvec(outcome) {
            self.after.insert(key, Cow::Owned(bytes));
            self.added = true;
        }
    }

    /// The cache to store for the next build; `None` when it holds just what was read,
    /// or when it is only read.
    pub fn to_bytes(self) -> Option<Vec<u8>> {
        // Files gone since are dropped, so the cache never outgrows the inputs.
        if !self.renewing || (!self.added && self.before.is_empty()) {
            return None;
        }
        let mut entries: Vec<(Key, &Bytes)> = self.after.iter().map(|(key, bytes)| (*key, Bytes::new(bytes))).collect();
        entries.sort_unstable_by_key(|(key, _)| *key);
        // Each entry: its key, its length (at most 10 bytes), its bytes.
        let size = crate::BUILD.len() + 64 + entries.iter().map(|(_, bytes)| 42 + bytes.len()).sum::<usize>();
        let stored = Stored { build: crate::BUILD, context: self.context, entries };
        postcard::to_extend(&stored, Vec::with_capacity(size)).ok()
    }
}

/// The program and every file a meeting file's outcome depends on besides itself.
fn context(files: &[InputFile]) -> Key {
    let mut hasher = blake3::Hasher::new();
    hasher.update(crate::BUILD.as_bytes());
    let others = files.iter().filter(|f| {
        matches!(f.kind, FileKind::Roster | FileKind::VotesBook | FileKind::Yaml(super::yaml::YamlKind::Agency))
    });
    others.for_each(|file| file.identify(&mut hasher));
    *hasher.finalize().as_bytes()
}

/// A file by its name and content: the same text under another name makes findings
/// with another place.
fn key(file: &InputFile) -> Key {
    let mut hasher = blake3::Hasher::new();
    file.identify(&mut hasher);
    *hasher.finalize().as_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::yaml::YamlKind;

    fn file(name: &str, text: &str, kind: FileKind) -> InputFile {
        InputFile {
            path: name.into(),
            rel: std::path::Path::new(name).into(),
            kind,
            text: Some(text.into()),
            content: blake3::hash(text.as_bytes()),
        }
    }

    #[test]
    fn what_a_build_keeps_the_next_one_finds_and_an_edited_file_misses() {
        let agency = file("agency.yaml", "a", FileKind::Yaml(YamlKind::Agency));
        let meeting = file("don-vi/a.yaml", "place: A", FileKind::Yaml(YamlKind::UnitReview));
        let other = file("don-vi/b.yaml", "place: B", FileKind::Yaml(YamlKind::UnitReview));
        // The context: the files every meeting file's outcome depends on.
        let files = std::slice::from_ref(&agency);

        let mut first = ParseCache::renew(None, files);
        first.keep(&meeting, &vec!["one".to_string()]);
        first.keep(&other, &vec!["two".to_string()]);
        let stored = first.to_bytes().expect("new entries are stored");

        let mut second = ParseCache::renew(Some(&stored), files);
        assert_eq!(second.get::<Vec<String>>(&meeting), Some(vec!["one".to_string()]));
        let edited = file("don-vi/b.yaml", "place: C", FileKind::Yaml(YamlKind::UnitReview));
        assert_eq!(second.get::<Vec<String>>(&edited), None);
        second.keep(&meeting, &vec!["one".to_string()]);
        second.keep(&edited, &vec!["three".to_string()]);
        let stored = second.to_bytes().expect("an edited file's entry is new");

        // The old entry of the edited file is gone; the kept one is carried over as it was.
        let third = ParseCache::read(Some(&stored), files);
        assert_eq!(third.get::<Vec<String>>(&meeting), Some(vec!["one".to_string()]));
        assert_eq!(third.get::<Vec<String>>(&edited), Some(vec!["three".to_string()]));
        assert_eq!(third.get::<Vec<String>>(&other), None);

        // Another agency.yaml sets the whole cache aside.
        let changed = file("agency.yaml", "b", FileKind::Yaml(YamlKind::Agency));
        let fourth = ParseCache::read(Some(&stored), &[changed]);
        assert_eq!(fourth.get::<Vec<String>>(&meeting), None);
    }

    #[test]
    fn a_cache_only_read_keeps_nothing() {
        let agency = file("agency.yaml", "a", FileKind::Yaml(YamlKind::Agency));
        let meeting = file("don-vi/a.yaml", "place: A", FileKind::Yaml(YamlKind::UnitReview));
        let files = std::slice::from_ref(&agency);
        let mut renewed = ParseCache::renew(None, files);
        renewed.keep(&meeting, &vec!["one".to_string()]);
        let stored = renewed.to_bytes().expect("kept");

        let mut read = ParseCache::read(Some(&stored), files);
        assert_eq!(read.get::<Vec<String>>(&meeting), Some(vec!["one".to_string()]));
        let other = file("don-vi/b.yaml", "place: B", FileKind::Yaml(YamlKind::UnitReview));
        read.keep(&other, &vec!["two".to_string()]);
        assert!(read.to_bytes().is_none(), "a check encodes nothing for a next build");
    }
}
