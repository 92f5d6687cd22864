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

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

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

#[derive(Serialize, Deserialize)]
struct Stored {
    build: String,
    context: Key,
    entries: Vec<(Key, Vec<u8>)>,
}

pub struct ParseCache {
    context: Key,
    /// Entries of the last build, still encoded.
    before: HashMap<Key, Vec<u8>>,
    /// Entries of this build, for the next.
    after: HashMap<Key, Vec<u8>>,
    /// Anything new was added this build.
    added: bool,
}

impl ParseCache {
    /// The cache in `stored` (as [`ParseCache::to_bytes`] gave it) if it was written by
    /// this program for the same context as `files` have now; else an empty one.
    pub fn read(stored: Option<&[u8]>, files: &[InputFile]) -> ParseCache {
        let context = context(files);
        let before = stored
            .and_then(|bytes| postcard::from_bytes::<Stored>(bytes).ok())
            .filter(|stored| stored.build == crate::BUILD && stored.context == context)
            .map(|stored| stored.entries.into_iter().collect())
            .unwrap_or_default();
        ParseCache { context, before, after: HashMap::new(), added: false }
    }

    /// What `file` gave in the last build ([`Outcome`], [`WorkbookRead`]), if it is the
    /// same file.
    pub fn get<T: DeserializeOwned>(&self, file: &InputFile) -> Option<T> {
        postcard::from_bytes(self.before.get(&key(file))?).ok()
    }

    /// Keeps what `file` gave for the next build.
    pub fn keep<T: Serialize>(&mut self, file: &InputFile, outcome: &T) {
        let key = key(file);
        if let Some(bytes) = self.before.remove(&key) {
            self.after.insert(key, bytes);
        } else if let Ok(bytes) = postcard::to_allocvec(outcome) {
            self.after.insert(key, bytes);
            self.added = true;
        }
    }

    /// The cache to store for the next build; `None` when it holds just what was read.
    pub fn to_bytes(self) -> Option<Vec<u8>> {
        // Files gone since are dropped, so the cache never outgrows the inputs.
        if !self.added && self.before.is_empty() {
            return None;
        }
        let mut entries: Vec<(Key, Vec<u8>)> = self.after.into_iter().collect();
        entries.sort_unstable_by_key(|(key, _)| *key);
        postcard::to_allocvec(&Stored { build: crate::BUILD.to_string(), context: self.context, entries }).ok()
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
