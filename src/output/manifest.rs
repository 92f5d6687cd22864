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
    /// The entry of a document built from `source`, whose bytes hash to `digest`, as
    /// written at `path`.
    pub fn new(source: String, digest: String, path: &Path) -> Entry {
        let (len, modified) = stamp(path).unwrap_or_default();
        Entry { source, bytes: digest, len, modified }
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

/// About what a document's entry takes in the manifest, besides its path: two hashes, two
/// numbers, their names and the indentation.
const ENTRY_LEN: usize = 256;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    /// Keyed by the path relative to the outputs folder, with forward slashes.
    pub documents: BTreeMap<String, Entry>,
    /// What the last complete build was made from (program, day, templates, inputs,
    /// findings), by hash: the same again, with every document untouched, is a build
    /// with nothing to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub built_from: Option<String>,
    /// What each unit folder's documents were last built from (`render::unit_key`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub units: BTreeMap<String, String>,
}

impl Manifest {
    /// The manifest of `outputs`, or an empty one if there is none or it cannot be read
    /// (then every existing file counts as a person's and is never overwritten).
    pub fn load(outputs: &Path) -> Manifest {
        std::fs::read(outputs.join(MANIFEST_NAME))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or(Manifest { version: 1, ..Manifest::default() })
    }

    /// Is every document recorded here on disk as it was written? Checked in parallel:
    /// a province has a hundred thousand documents, and this is all a build with
    /// nothing to do looks at.
    pub fn untouched(&self, outputs: &Path) -> bool {
        use rayon::prelude::*;
        let entries: Vec<(&String, &Entry)> = self.documents.iter().collect();
        entries.par_iter().all(|(rel, entry)| entry.matches_file(&outputs.join(rel)))
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        // Sized once: a province's manifest is tens of MB, and a buffer grown by
        // doubling copies it again at every step.
        let documents: usize = self.documents.keys().map(|rel| rel.len() + ENTRY_LEN).sum();
        let units: usize = self.units.iter().map(|(folder, key)| folder.len() + key.len() + 16).sum();
        let mut bytes = Vec::with_capacity(documents + units + 256);
        match serde_json::to_writer_pretty(&mut bytes, self) {
            Ok(()) => bytes,
            Err(_) => Vec::new(),
        }
    }
}

pub fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// The hash of `value` as JSON.
pub fn hash_json(value: &impl Serialize) -> String {
    let mut hasher = blake3::Hasher::new();
    feed_json(&mut hasher, value);
    hasher.finalize().to_hex().to_string()
}

/// Adds `value` as JSON to `hasher`, serialised straight into it through a buffer: no
/// copy as text, and not one hasher call per JSON token.
pub fn feed_json(hasher: &mut blake3::Hasher, value: &impl Serialize) {
    use std::io::Write as _;
    let mut buffered = std::io::BufWriter::with_capacity(16 * 1024, hasher);
    let _ = serde_json::to_writer(&mut buffered, value);
    let _ = buffered.flush();
}
