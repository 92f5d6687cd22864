//! A check's outcome kept for the next build of the same inputs on the same day.
//!
//! What a check finds is a function of this program, the day and the inputs folder's
//! files (their names and contents, which the scan reads and hashes anyway): the same
//! again give the same findings, people and units. A build keeps them beside the parse
//! cache; the next build that scans the same files on the same day takes them from there
//! instead of reading the dataset back and running the rules. A million people's rebuild
//! with nothing to do held the whole dataset (a GB) for no other use than to find the
//! findings it had found before.
//!
//! Only a build with nothing to do gets that far on a replayed check: any other reads
//! the dataset then ([`super::write_documents`]). The file is safe to delete, and one of
//! other inputs, another day or another build of the program is never used.

use std::borrow::Cow;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::findings::Finding;
use crate::scan::InputFile;

/// The file, in the outputs folder.
pub const REPLAY_NAME: &str = ".xeploai-check";

/// The inputs, day and program a check's outcome holds for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key([u8; 32]);

impl Key {
    /// The key of a check of the files `files` of the folder `inputs`, on `today`.
    pub fn of(inputs: &Path, files: &[InputFile], today: NaiveDate) -> Key {
        let mut hasher = blake3::Hasher::new();
        hasher.update(crate::BUILD.as_bytes());
        hasher.update(b"\0");
        hasher.update(today.to_string().as_bytes());
        hasher.update(b"\0");
        // Sources are shown relative to the folder as it was named.
        hasher.update(inputs.as_os_str().as_encoded_bytes());
        hasher.update(b"\0");
        files.iter().for_each(|file| file.identify(&mut hasher));
        Key(*hasher.finalize().as_bytes())
    }
}

/// What a check's report and a build with nothing to do need of it, beside its findings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replayed {
    pub people: usize,
    pub units: usize,
    /// The units whose documents stay as an earlier build left them, in agency order.
    pub held_back: Vec<String>,
}

/// The file's contents: written from the run's own findings, read back owned.
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    key: Key,
    findings: Cow<'a, [Finding]>,
    replayed: Cow<'a, Replayed>,
}

/// The check kept in `outputs` for `key`, if there is one: its findings and the rest.
pub fn read(outputs: &Path, key: Key) -> Option<(Vec<Finding>, Replayed)> {
    let bytes = std::fs::read(outputs.join(REPLAY_NAME)).ok()?;
    let stored: Stored = postcard::from_bytes(&bytes).ok()?;
    (stored.key == key).then(|| (stored.findings.into_owned(), stored.replayed.into_owned()))
}

/// A check of the inputs of `key`, as [`save`] keeps it.
pub fn encoded(key: Key, findings: &[Finding], replayed: &Replayed) -> Option<Vec<u8>> {
    let stored = Stored { key, findings: Cow::Borrowed(findings), replayed: Cow::Borrowed(replayed) };
    postcard::to_allocvec(&stored).ok()
}

/// Keeps a check ([`encoded`]) in `outputs` for the next build. Best effort: without it
/// the next build only checks again.
pub fn save(outputs: &Path, check: &[u8]) {
    let _ = crate::output::atomic::write(&outputs.join(REPLAY_NAME), check);
}
