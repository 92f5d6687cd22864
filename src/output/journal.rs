//! The journal: what a build is about to put in place, made durable before it is.
//!
//! The manifest is saved once, at the end of a build. A build killed before that (power
//! cut, `kill -9`, a full disk at the save) would leave documents in place that no
//! manifest knows, and the next build would take them for hand edits. So before a batch
//! of documents is renamed into place, one line per document (its path, the hash of
//! what it is built from, the hash and stamp of its bytes) is appended here and synced.
//! The next build replays the journal into the manifest: a file whose bytes are those
//! of a journaled line is ours. Once the manifest is saved, the journal is removed; its
//! presence at the start of a build means the last one was interrupted.

use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::manifest::{Entry, Manifest};

pub const JOURNAL_NAME: &str = ".xeploai-journal";

/// One document about to be renamed into place.
#[derive(Debug, Serialize, Deserialize)]
struct Line {
    /// The manifest's key: relative to the outputs folder, forward slashes.
    path: String,
    #[serde(flatten)]
    entry: Entry,
}

/// The open journal of a build: appended to, never read back by the same build.
pub struct Journal {
    file: File,
    path: PathBuf,
}

impl Journal {
    /// Opens (creating) the journal of `outputs` for appending.
    pub fn open(outputs: &Path) -> std::io::Result<Journal> {
        let path = outputs.join(JOURNAL_NAME);
        let file = File::options().create(true).append(true).open(&path)?;
        Ok(Journal { file, path })
    }

    /// Appends the documents of a batch and makes them durable: only then may they be
    /// renamed into place. A batch with none to write (a rebuild's hundreds of batches
    /// of current documents) costs the journal nothing: no line, no sync.
    pub fn record<'a>(&self, entries: impl IntoIterator<Item = (&'a str, &'a Entry)>) -> std::io::Result<()> {
        // A leading line break ends a line torn by a crash during an earlier append, so
        // that it cannot swallow the first line of this one.
        let mut text = vec![b'\n'];
        for (path, entry) in entries {
            let line = Line { path: path.to_string(), entry: entry.clone() };
            serde_json::to_writer(&mut text, &line).map_err(std::io::Error::other)?;
            text.push(b'\n');
        }
        if text.len() == 1 {
            // Only the leading line break: no document to journal.
            return Ok(());
        }
        (&self.file).write_all(&text)?;
        self.file.sync_data()
    }

    /// Removes the journal once the manifest holding its lines is saved.
    pub fn remove(self) -> std::io::Result<()> {
        std::fs::remove_file(&self.path)
    }
}

/// Was the last build of `outputs` interrupted before it saved its manifest?
pub fn exists(outputs: &Path) -> bool {
    outputs.join(JOURNAL_NAME).is_file()
}

/// Adds to `manifest` each journaled document whose file on disk is the one journaled.
///
/// A line whose rename never happened (the build died first) leaves the manifest's
/// previous entry, which still describes the old file; a torn last line is ignored: its
/// batch was never renamed, since the sync comes before the renames.
pub fn replay(outputs: &Path, manifest: &mut Manifest) {
    let Ok(text) = std::fs::read(outputs.join(JOURNAL_NAME)) else { return };
    for line in text.split(|b| *b == b'\n') {
        let Ok(line) = serde_json::from_slice::<Line>(line) else { continue };
        if line.entry.matches_file(&outputs.join(&line.path)) {
            manifest.documents.insert(&line.path, line.entry);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Digest;

    #[test]
    fn a_batch_with_nothing_to_write_leaves_the_journal_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        journal.record([]).unwrap();
        assert_eq!(std::fs::read(dir.path().join(JOURNAL_NAME)).unwrap(), b"");
        std::fs::write(dir.path().join("a.docx"), b"PK").unwrap();
        let entry = Entry::new(Digest::of(b"source"), Digest::of(b"PK"), &dir.path().join("a.docx"));
        journal.record([("a.docx", &entry)]).unwrap();
        journal.record([]).unwrap();
        let mut manifest = Manifest::default();
        replay(dir.path(), &mut manifest);
        assert_eq!(manifest.documents.len(), 1, "the one document journaled is replayed");
        let text = std::fs::read_to_string(dir.path().join(JOURNAL_NAME)).unwrap();
        assert_eq!(text.lines().filter(|line| !line.is_empty()).count(), 1, "{text}");
    }
}
