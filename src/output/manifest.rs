//! The manifest: for each document written, the hash of what it was built from and of
//! the bytes written. It is how a build knows what changed and what a person edited.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub const MANIFEST_NAME: &str = ".xeploai-manifest.json";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Hash of the template, the data and the version the document was built from.
    pub source: String,
    /// Hash of the bytes written.
    pub bytes: String,
    /// Size and modification time (ns since 1970) of the file as written: when both
    /// still match, the file is known untouched without reading it (as git's index does).
    #[serde(default)]
    pub len: u64,
    #[serde(default)]
    pub modified: u64,
}

/// (size, modification time in ns) of a file, if it can be read.
pub fn stamp(path: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
    Some((meta.len(), u64::try_from(modified).ok()?))
}

impl Entry {
    pub fn new(source: String, bytes: &[u8], path: &Path) -> Entry {
        let (len, modified) = stamp(path).unwrap_or_default();
        Entry { source, bytes: hash(bytes), len, modified }
    }

    /// Is the file at `path` still the one written? By its size and time when they
    /// match, by its hash otherwise.
    pub fn matches_file(&self, path: &Path) -> bool {
        if self.modified != 0 && stamp(path) == Some((self.len, self.modified)) {
            return true;
        }
        std::fs::read(path).is_ok_and(|bytes| hash(&bytes) == self.bytes)
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    /// Keyed by the path relative to the outputs folder, with forward slashes.
    pub documents: BTreeMap<String, Entry>,
}

impl Manifest {
    /// The manifest of `outputs`, or an empty one if there is none or it cannot be read
    /// (then every existing file counts as a person's and is never overwritten).
    pub fn load(outputs: &Path) -> Manifest {
        std::fs::read(outputs.join(MANIFEST_NAME))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or(Manifest { version: 1, documents: BTreeMap::new() })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).unwrap_or_default()
    }
}

pub fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}
