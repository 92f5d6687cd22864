//! A document as a run made it: its bytes in memory, or already in its staging file.
//!
//! A province's large documents (the report with its annex of a row per person, the
//! overview page) would otherwise be held whole until their batch is written: the agency
//! documents from the moment they are rendered to the end of the units' work, 24 MB at
//! 100,000 people and ten times that at a million. Staged early, they cost their file.

use std::io::Write;
use std::path::Path;

use super::atomic::{self, Staged};
use super::{Digest, OutputError, io};

#[derive(Debug)]
pub enum Made {
    Bytes(Vec<u8>),
    /// Written beside its document under a temporary name, not yet synced nor put in
    /// place: [`super::Writer::write_into`] does that as for any other document.
    Staged(Early),
}

/// A staging file written ahead of its batch, with the hash of its bytes. Dropped
/// without being taken (the document turned out unchanged, or the run stopped), it
/// removes its file.
#[derive(Debug)]
pub struct Early {
    staged: Option<Staged>,
    digest: Digest,
}

impl Made {
    /// The hash of the document's bytes, as the manifest records it.
    pub fn digest(&self) -> Digest {
        match self {
            Made::Bytes(bytes) => Digest::of(bytes),
            Made::Staged(early) => early.digest,
        }
    }

    /// The document in its staging file for `target` (the name it is put in place
    /// under): written now if it was in memory, else the file written ahead.
    pub fn stage(self, target: &Path) -> Result<Staged, OutputError> {
        match self {
            Made::Bytes(bytes) => atomic::stage(target, &bytes).map_err(io(target)),
            Made::Staged(mut early) => {
                let staged = early.staged.take().expect("an early staging file is taken once");
                Ok(Staged { tmp: staged.tmp, path: target.to_path_buf() })
            }
        }
    }
}

impl Drop for Early {
    fn drop(&mut self) {
        if let Some(staged) = &self.staged {
            atomic::discard(staged);
        }
    }
}

/// Why a document written as it was made is not staged.
#[derive(Debug)]
pub enum Unmade<E> {
    /// Its maker failed (a broken template, say).
    Maker(E),
    /// Its staging file could not be written.
    Output(OutputError),
}

/// The document at `rel` as `make` writes it, straight into its staging file and hashed
/// on the way: never whole in memory.
pub fn stage_made<E>(
    outputs: &Path,
    rel: &Path,
    make: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<Made, Unmade<E>> {
    let mut hasher = blake3::Hasher::new();
    let staged = staging(&outputs.join(rel), |file| {
        let mut out = Hashing { to: std::io::BufWriter::new(file), hasher: &mut hasher };
        make(&mut out).map(|()| out.to.flush())
    })?;
    Ok(Made::Staged(Early { staged: Some(staged), digest: hasher.finalize().into() }))
}

/// The document at `rel` as `make` writes it into its staging file, where it may go
/// back over what it wrote (a DOCX package's records are patched once their part is
/// written): hashed once written, from the file.
pub fn stage_file<E>(
    outputs: &Path,
    rel: &Path,
    make: impl FnOnce(&mut std::fs::File) -> Result<(), E>,
) -> Result<Made, Unmade<E>> {
    let path = outputs.join(rel);
    let staged = staging(&path, |file| make(file).map(|()| Ok(())))?;
    let hashed = std::fs::File::open(&staged.tmp)
        .and_then(|file| blake3::Hasher::new().update_reader(file).map(|h| h.finalize()));
    match hashed {
        Ok(hash) => Ok(Made::Staged(Early { staged: Some(staged), digest: hash.into() })),
        Err(err) => {
            atomic::discard(&staged);
            Err(Unmade::Output(io(&path)(err)))
        }
    }
}

/// The staging file of `path` as `make` writes it: `Err` from `make` is its maker's
/// failure, `Ok(Err)` the file's.
fn staging<E>(
    path: &Path,
    make: impl FnOnce(&mut std::fs::File) -> Result<std::io::Result<()>, E>,
) -> Result<Staged, Unmade<E>> {
    let mut maker_failed = None;
    let staged = atomic::stage_with(path, |file| match make(file) {
        Ok(written) => written,
        Err(err) => {
            maker_failed = Some(err);
            Err(std::io::Error::other("the document's maker failed"))
        }
    });
    match (staged, maker_failed) {
        (_, Some(err)) => Err(Unmade::Maker(err)),
        (Err(err), None) => Err(Unmade::Output(io(path)(err))),
        (Ok(staged), None) => Ok(staged),
    }
}

/// A writer that hashes what goes through it.
struct Hashing<'a, W> {
    to: W,
    hasher: &'a mut blake3::Hasher,
}

impl<W: Write> Write for Hashing<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.to.write(buf)?;
        self.hasher.update(&buf[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.to.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_made_document_is_hashed_as_its_bytes_are() {
        let dir = tempfile::tempdir().unwrap();
        let made = stage_made::<()>(dir.path(), Path::new("a/page.html"), |out| {
            out.write_all(b"<p>mot</p>").unwrap();
            out.write_all(b"<p>hai</p>").unwrap();
            Ok(())
        })
        .unwrap();
        assert_eq!(made.digest(), Digest::of(b"<p>mot</p><p>hai</p>"));
        let staged = made.stage(&dir.path().join("a/page.html")).unwrap();
        assert_eq!(std::fs::read(&staged.tmp).unwrap(), b"<p>mot</p><p>hai</p>");
    }

    #[test]
    fn a_failed_maker_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let made = stage_made(dir.path(), Path::new("page.html"), |out| {
            out.write_all(b"<p>").unwrap();
            Err("broken template")
        });
        assert!(matches!(made, Err(Unmade::Maker("broken template"))));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn an_early_file_not_taken_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let made = stage_file(dir.path(), Path::new("report.docx"), |file| file.write_all(b"PK")).unwrap();
        assert_eq!(made.digest(), Digest::of(b"PK"));
        assert!(matches!(made, Made::Staged(_)));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        drop(made);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
