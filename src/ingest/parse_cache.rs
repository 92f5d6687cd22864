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
//! The cache is a file for the caller to keep (in the outputs folder, beside the
//! manifest): deleting it only costs the next build the time to parse everything again.
//! It is written straight from its entries ([`ParseCache::write_to`]), never made whole
//! in memory first: a million people's is 320 MB, and a rebuild after one unit changed
//! would otherwise hold it twice over, as read and as to be written.

use std::collections::HashMap;
use std::ops::Range;

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

pub struct ParseCache {
    context: Key,
    /// The last build's file as it was read: its entries are decoded in place.
    stored: Vec<u8>,
    /// Entries of the last build, by where they are in `stored`.
    before: HashMap<Key, Range<usize>>,
    /// Entries of this build, for the next.
    after: HashMap<Key, Kept>,
    /// Anything new was added this build.
    added: bool,
    /// What this build reads is kept for the next one ([`ParseCache::renew`]); a check,
    /// which writes nothing, does not pay for encoding it.
    renewing: bool,
}

/// An entry kept for the next build.
enum Kept {
    /// As the last build left it, in `stored`.
    Before(Range<usize>),
    /// Encoded by this build.
    New(Vec<u8>),
}

impl ParseCache {
    /// The cache in `stored` (as [`ParseCache::write_to`] wrote it) if it was written by
    /// this program for the same context as `files` have now; else an empty one. Read
    /// only: nothing is kept, and [`ParseCache::changed`] gives nothing.
    pub fn read(stored: Option<Vec<u8>>, files: &[InputFile]) -> ParseCache {
        let context = context(files);
        let stored = stored.unwrap_or_default();
        let before: HashMap<Key, Range<usize>> = postcard::from_bytes::<Stored>(&stored)
            .ok()
            .filter(|read| read.build == crate::BUILD && read.context == context)
            .map(|read| read.entries.into_iter().map(|(key, bytes)| (key, within(&stored, bytes))).collect())
            .unwrap_or_default();
        // A file of another program or context is let go at once, not held to the end
        // of the build with the cache that replaces it.
        let stored = if before.is_empty() { Vec::new() } else { stored };
        ParseCache { context, stored, before, after: HashMap::new(), added: false, renewing: false }
    }

    /// [`ParseCache::read`], and what this build reads kept for the next.
    pub fn renew(stored: Option<Vec<u8>>, files: &[InputFile]) -> ParseCache {
        ParseCache { renewing: true, ..ParseCache::read(stored, files) }
    }

    /// What `file` gave in the last build ([`Outcome`], [`WorkbookRead`]), if it is the
    /// same file.
    pub fn get<T: DeserializeOwned>(&self, file: &InputFile) -> Option<T> {
        let bytes = &self.stored[self.before.get(&key(file))?.clone()];
        crate::source::with_shared_origins(|| postcard::from_bytes(bytes)).ok()
    }

    /// Keeps what `file` gave for the next build.
    pub fn keep<T: Serialize>(&mut self, file: &InputFile, outcome: &T) {
        if !self.renewing {
            return;
        }
        let key = key(file);
        if let Some(range) = self.before.remove(&key) {
            self.after.insert(key, Kept::Before(range));
        } else if let Ok(bytes) = crate::source::with_shared_origins(|| postcard::to_allocvec(outcome)) {
            self.after.insert(key, Kept::New(bytes));
            self.added = true;
        }
    }

    /// The cache to write for the next build; `None` when it holds just what was read,
    /// or when it is only read. The last build's bytes go with it: those it keeps are
    /// written from them.
    pub fn changed(self) -> Option<ParseCache> {
        // Files gone since are dropped, so the cache never outgrows the inputs.
        (self.renewing && (self.added || !self.before.is_empty())).then_some(self)
    }

    /// The cache as the next build reads it, onto `out` (buffered by the caller).
    pub fn write_to<W: std::io::Write>(&self, out: W) -> std::io::Result<()> {
        let mut entries: Vec<(Key, &Bytes)> = self.after.iter().map(|(key, kept)| (*key, self.bytes(kept))).collect();
        entries.sort_unstable_by_key(|(key, _)| *key);
        let stored = Stored { build: crate::BUILD, context: self.context, entries };
        postcard::to_io(&stored, out).map_err(std::io::Error::other)?.flush()
    }

    fn bytes<'a>(&'a self, kept: &'a Kept) -> &'a Bytes {
        match kept {
            Kept::Before(range) => Bytes::new(&self.stored[range.clone()]),
            Kept::New(bytes) => Bytes::new(bytes),
        }
    }
}

/// Where `part`, a slice of `whole`, lies in it.
fn within(whole: &[u8], part: &[u8]) -> Range<usize> {
    let start = part.as_ptr() as usize - whole.as_ptr() as usize;
    start..start + part.len()
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

    /// The file `cache` writes, if it changed.
    fn written(cache: ParseCache) -> Option<Vec<u8>> {
        let cache = cache.changed()?;
        let mut bytes = Vec::new();
        cache.write_to(&mut bytes).unwrap();
        Some(bytes)
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
        let stored = written(first).expect("new entries are stored");

        let mut second = ParseCache::renew(Some(stored.clone()), files);
        assert_eq!(second.get::<Vec<String>>(&meeting), Some(vec!["one".to_string()]));
        let edited = file("don-vi/b.yaml", "place: C", FileKind::Yaml(YamlKind::UnitReview));
        assert_eq!(second.get::<Vec<String>>(&edited), None);
        second.keep(&meeting, &vec!["one".to_string()]);
        second.keep(&edited, &vec!["three".to_string()]);
        let again = written(second).expect("an edited file's entry is new");

        // The old entry of the edited file is gone; the kept one is carried over as it was.
        let third = ParseCache::read(Some(again.clone()), files);
        assert_eq!(third.get::<Vec<String>>(&meeting), Some(vec!["one".to_string()]));
        assert_eq!(third.get::<Vec<String>>(&edited), Some(vec!["three".to_string()]));
        assert_eq!(third.get::<Vec<String>>(&other), None);
        // Another agency.yaml sets the whole cache aside.
        let changed = file("agency.yaml", "b", FileKind::Yaml(YamlKind::Agency));
        let fourth = ParseCache::read(Some(again), &[changed]);
        assert_eq!(fourth.get::<Vec<String>>(&meeting), None);
    }

    /// The context (an agency.yaml), a meeting file, and the cache file of a build that
    /// kept "one" for it.
    fn one_entry() -> (InputFile, InputFile, Vec<u8>) {
        let agency = file("agency.yaml", "a", FileKind::Yaml(YamlKind::Agency));
        let meeting = file("don-vi/a.yaml", "place: A", FileKind::Yaml(YamlKind::UnitReview));
        let mut first = ParseCache::renew(None, std::slice::from_ref(&agency));
        first.keep(&meeting, &vec!["one".to_string()]);
        let stored = written(first).expect("kept");
        (agency, meeting, stored)
    }

    #[test]
    fn a_cache_read_and_kept_whole_is_not_written_again() {
        let (agency, meeting, stored) = one_entry();
        let files = std::slice::from_ref(&agency);
        let mut same = ParseCache::renew(Some(stored.clone()), files);
        same.keep(&meeting, &vec!["one".to_string()]);
        assert!(written(same).is_none(), "nothing new, nothing gone");
        // A file gone since: the cache is written again, without it.
        let gone = ParseCache::renew(Some(stored), files);
        let smaller = written(gone).expect("an entry to drop");
        assert_eq!(ParseCache::read(Some(smaller), files).get::<Vec<String>>(&meeting), None);
    }

    #[test]
    fn a_cache_of_another_context_is_not_held() {
        let (agency, meeting, stored) = one_entry();
        assert!(!ParseCache::renew(Some(stored.clone()), std::slice::from_ref(&agency)).stored.is_empty());
        let changed = file("agency.yaml", "b", FileKind::Yaml(YamlKind::Agency));
        let other = ParseCache::renew(Some(stored), &[changed]);
        assert!(other.stored.is_empty(), "its bytes are let go");
        assert_eq!(other.get::<Vec<String>>(&meeting), None);
    }

    #[test]
    fn the_file_is_what_encoding_the_whole_cache_at_once_gives() {
        let agency = file("agency.yaml", "a", FileKind::Yaml(YamlKind::Agency));
        let files = std::slice::from_ref(&agency);
        let meetings: Vec<InputFile> = (0..50)
            .map(|n| file(&format!("don-vi/{n}.yaml"), &format!("place: {n}"), FileKind::Yaml(YamlKind::UnitReview)))
            .collect();
        let mut first = ParseCache::renew(None, files);
        for (n, meeting) in meetings.iter().enumerate() {
            first.keep(meeting, &vec![n.to_string(); n]);
        }
        let streamed = written(first).unwrap();
        // The same entries, half carried over from the last build and half new.
        let mut second = ParseCache::renew(Some(streamed.clone()), files);
        for (n, meeting) in meetings.iter().enumerate().filter(|(n, _)| n % 2 == 0) {
            second.keep(meeting, &vec![n.to_string(); n]);
        }
        second.before.clear();
        for (n, meeting) in meetings.iter().enumerate().filter(|(n, _)| n % 2 == 1) {
            second.keep(meeting, &vec![n.to_string(); n]);
        }
        let mut entries: Vec<(Key, Vec<u8>)> = meetings
            .iter()
            .enumerate()
            .map(|(n, m)| (key(m), postcard::to_allocvec(&vec![n.to_string(); n]).unwrap()))
            .collect();
        entries.sort();
        let whole: Vec<(Key, &Bytes)> = entries.iter().map(|(key, bytes)| (*key, Bytes::new(bytes))).collect();
        let at_once =
            postcard::to_allocvec(&Stored { build: crate::BUILD, context: context(files), entries: whole }).unwrap();
        assert_eq!(streamed, at_once);
        assert_eq!(written(second).unwrap(), at_once);
    }

    #[test]
    fn a_cache_only_read_keeps_nothing() {
        let (agency, meeting, stored) = one_entry();
        let files = std::slice::from_ref(&agency);
        let mut read = ParseCache::read(Some(stored), files);
        assert_eq!(read.get::<Vec<String>>(&meeting), Some(vec!["one".to_string()]));
        let other = file("don-vi/b.yaml", "place: B", FileKind::Yaml(YamlKind::UnitReview));
        read.keep(&other, &vec!["two".to_string()]);
        assert!(written(read).is_none(), "a check encodes nothing for a next build");
    }
}
