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
