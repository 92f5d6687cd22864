//! Stage 5: put documents on disk without ever losing anybody's work.
//!
//! - Only what changed is written; a rebuild with no change writes nothing.
//! - Every write is atomic ([`atomic`]).
//! - A document whose bytes differ from what the manifest recorded was edited by a
//!   person: it is left alone and the new version goes beside it.
//! - A replaced version is kept in `.history/` (bounded).
//! - Two builds never interleave: the outputs folder is locked for the whole write.

pub mod atomic;
mod manifest;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use manifest::{MANIFEST_NAME, Manifest, hash};

pub const LOCK_NAME: &str = ".xeploai.lock";
pub const HISTORY_DIR: &str = ".history";

/// A document ready to be written.
pub struct Planned {
    /// Relative to the outputs folder.
    pub rel: PathBuf,
    /// Hash of what it is built from (template, data, version).
    pub source: String,
    /// The document; `None` when [`is_current`] found it on disk already, unrendered.
    pub bytes: Option<Vec<u8>>,
}

/// Is the document at `rel` on disk exactly what `source` would build, untouched since?
/// Then it need not even be rendered.
pub fn is_current(outputs: &Path, manifest: &Manifest, rel: &Path, source: &str) -> bool {
    let Some(entry) = manifest.documents.get(&key(rel)).filter(|e| e.source == source) else { return false };
    entry.matches_file(&outputs.join(rel))
}

#[derive(Debug, Default)]
pub struct Report {
    pub written: Vec<PathBuf>,
    pub unchanged: Vec<PathBuf>,
    /// (the edited document left alone, where the new version went)
    pub beside: Vec<(PathBuf, PathBuf)>,
}

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "thư mục kết quả “{0}” đang được một lần chạy khác sử dụng (tệp khóa {LOCK_NAME}); hãy chờ lần chạy đó kết thúc"
    )]
    Locked(PathBuf),
    #[error("không ghi được “{path}”: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io { path: path.to_path_buf(), source }
}

/// Holds the outputs folder for one build; released when dropped (or when the process
/// dies: the lock is the operating system's, so it never goes stale).
pub struct Lock {
    _file: File,
}

impl Lock {
    /// Waits up to `wait` for another build to finish, then gives up.
    pub fn acquire(outputs: &Path, wait: Duration) -> Result<Lock, OutputError> {
        std::fs::create_dir_all(outputs).map_err(io(outputs))?;
        let path = outputs.join(LOCK_NAME);
        let file = File::options().create(true).truncate(false).write(true).open(&path).map_err(io(&path))?;
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Lock { _file: file }),
                Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(std::fs::TryLockError::WouldBlock) => return Err(OutputError::Locked(outputs.to_path_buf())),
                Err(std::fs::TryLockError::Error(e)) => return Err(io(&path)(e)),
            }
        }
    }
}

pub struct Writer<'a> {
    pub outputs: &'a Path,
    /// How many replaced versions of each document `.history/` keeps.
    pub keep_history: usize,
}

impl Writer<'_> {
    /// Writes what changed; the caller holds the [`Lock`].
    pub fn write(&self, planned: Vec<Planned>) -> Result<Report, OutputError> {
        let mut manifest = Manifest::load(self.outputs);
        let mut report = Report::default();
        let result = self.write_into(planned, &mut manifest, &mut report);
        // The manifest is saved even after a failure, so that what was written is known.
        self.save(&manifest)?;
        result.map(|()| report)
    }

    /// Writes one batch of a longer run into `manifest` and `report`; the caller saves
    /// the manifest with [`Writer::save`] at the end, failure or not.
    ///
    /// The batch is staged in parallel, made durable with one sync, then committed in
    /// order; a failure leaves every document either old or new and no temporary file.
    pub fn write_into(
        &self,
        planned: Vec<Planned>,
        manifest: &mut Manifest,
        report: &mut Report,
    ) -> Result<(), OutputError> {
        let writes: Vec<Write> = planned.into_iter().filter_map(|doc| self.decide(doc, manifest, report)).collect();
        let staged: Vec<Result<atomic::Staged, OutputError>> = writes
            .par_iter()
            .map(|w| {
                let path = self.outputs.join(&w.rel);
                atomic::stage(&path, &w.bytes).map_err(io(&path))
            })
            .collect();
        let (staged, errors): (Vec<_>, Vec<_>) = staged.into_iter().partition(Result::is_ok);
        let staged: Vec<atomic::Staged> = staged.into_iter().flatten().collect();
        let discard_from = |from: usize| staged[from..].iter().for_each(atomic::discard);
        if let Some(Err(e)) = errors.into_iter().next() {
            discard_from(0);
            return Err(e);
        }
        if let Err(e) = atomic::sync(&staged) {
            discard_from(0);
            return Err(io(self.outputs)(e));
        }
        for (i, (w, s)) in writes.into_iter().zip(&staged).enumerate() {
            let committed = self.keep(&w.rel).and_then(|()| atomic::commit(s).map_err(io(&s.path)));
            if let Err(e) = committed {
                discard_from(i);
                return Err(e);
            }
            manifest.documents.insert(key(&w.rel), manifest::Entry::new(w.source, &w.bytes, &s.path));
            report.written.push(w.rel);
        }
        Ok(())
    }

    pub fn save(&self, manifest: &Manifest) -> Result<(), OutputError> {
        let path = self.outputs.join(MANIFEST_NAME);
        atomic::write(&path, &manifest.to_bytes()).map_err(io(&path))
    }

    /// What to do with one document: nothing (unchanged), or write it, at its own place
    /// or beside a version a person edited.
    fn decide(&self, doc: Planned, manifest: &Manifest, report: &mut Report) -> Option<Write> {
        let Some(bytes) = doc.bytes else {
            report.unchanged.push(doc.rel);
            return None;
        };
        let key = key(&doc.rel);
        let path = self.outputs.join(&doc.rel);
        // On disk and not as we wrote it (or never written by us): a person's.
        let edited = path.exists() && !manifest.documents.get(&key).is_some_and(|e| e.matches_file(&path));
        let rel = if edited {
            let beside = beside_name(&doc.rel);
            report.beside.push((PathBuf::from(&key), beside.clone()));
            beside
        } else {
            doc.rel
        };
        let current = manifest.documents.get(&self::key(&rel)).is_some_and(|e| e.source == doc.source);
        if current && self.outputs.join(&rel).exists() {
            report.unchanged.push(rel);
            return None;
        }
        Some(Write { rel, source: doc.source, bytes })
    }

    /// Keeps the version at `rel`, about to be replaced, as
    /// `.history/<folder>/<stem>.<n>.<ext>` and prunes old ones. A hard link: the old
    /// bytes stay where they are, nothing is copied (a copy where links are not allowed).
    fn keep(&self, rel: &Path) -> Result<(), OutputError> {
        let current = self.outputs.join(rel);
        if self.keep_history == 0 || !current.is_file() {
            return Ok(());
        }
        let dir = self.outputs.join(HISTORY_DIR).join(rel.parent().unwrap_or(Path::new("")));
        let stem = rel.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let ext = rel.extension().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let mut versions: Vec<(u64, PathBuf)> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let n = name.strip_prefix(&format!("{stem}."))?.strip_suffix(&format!(".{ext}"))?.parse().ok()?;
                Some((n, e.path()))
            })
            .collect();
        versions.sort();
        let next = versions.last().map_or(1, |(n, _)| n + 1);
        let path = dir.join(format!("{stem}.{next}.{ext}"));
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        if std::fs::hard_link(&current, &path).is_err() {
            std::fs::read(&current).and_then(|bytes| atomic::write(&path, &bytes)).map_err(io(&path))?;
        }
        versions.push((next, path));
        let excess = versions.len().saturating_sub(self.keep_history);
        for (_, old) in versions.into_iter().take(excess) {
            let _ = std::fs::remove_file(old);
        }
        Ok(())
    }
}

/// A document to be written by [`Writer::write_into`].
struct Write {
    rel: PathBuf,
    source: String,
    bytes: Vec<u8>,
}

/// `bien-ban.docx` → `bien-ban (ban moi).docx`: the new version beside an edited one.
pub fn beside_name(rel: &Path) -> PathBuf {
    let stem = rel.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = match rel.extension() {
        Some(ext) => format!("{stem} (ban moi).{}", ext.to_string_lossy()),
        None => format!("{stem} (ban moi)"),
    };
    rel.with_file_name(name)
}

fn key(rel: &Path) -> String {
    crate::source::display_path(rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(rel: &str, source: &str, bytes: &[u8]) -> Planned {
        Planned { rel: rel.into(), source: source.into(), bytes: Some(bytes.to_vec()) }
    }

    fn writer(dir: &Path) -> Writer<'_> {
        Writer { outputs: dir, keep_history: 2 }
    }

    #[test]
    fn unchanged_sources_are_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let first = writer(dir.path()).write(vec![doc("a/x.docx", "s1", b"one")]).unwrap();
        assert_eq!(first.written.len(), 1);
        let again = writer(dir.path()).write(vec![doc("a/x.docx", "s1", b"one")]).unwrap();
        assert!(again.written.is_empty());
        assert_eq!(again.unchanged.len(), 1);
    }

    #[test]
    fn changed_sources_replace_and_keep_history_bounded() {
        let dir = tempfile::tempdir().unwrap();
        for (i, content) in ["v1", "v2", "v3", "v4"].iter().enumerate() {
            writer(dir.path()).write(vec![doc("a/x.docx", &format!("s{i}"), content.as_bytes())]).unwrap();
        }
        assert_eq!(std::fs::read(dir.path().join("a/x.docx")).unwrap(), b"v4");
        let history = dir.path().join(HISTORY_DIR).join("a");
        let mut kept: Vec<String> = std::fs::read_dir(&history)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        kept.sort();
        assert_eq!(kept, ["x.2.docx", "x.3.docx"], "only the last two replaced versions");
        assert_eq!(std::fs::read(history.join("x.3.docx")).unwrap(), b"v3");
    }

    #[test]
    fn an_edited_document_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        writer(dir.path()).write(vec![doc("x.docx", "s1", b"generated")]).unwrap();
        std::fs::write(dir.path().join("x.docx"), b"edited by the clerk").unwrap();
        let report = writer(dir.path()).write(vec![doc("x.docx", "s2", b"regenerated")]).unwrap();
        assert_eq!(std::fs::read(dir.path().join("x.docx")).unwrap(), b"edited by the clerk");
        assert_eq!(std::fs::read(dir.path().join("x (ban moi).docx")).unwrap(), b"regenerated");
        assert_eq!(report.beside.len(), 1);
        // Still protected on the next build.
        writer(dir.path()).write(vec![doc("x.docx", "s3", b"third")]).unwrap();
        assert_eq!(std::fs::read(dir.path().join("x.docx")).unwrap(), b"edited by the clerk");
        assert_eq!(std::fs::read(dir.path().join("x (ban moi).docx")).unwrap(), b"third");
    }

    #[test]
    fn an_edit_of_the_same_size_is_still_seen() {
        let dir = tempfile::tempdir().unwrap();
        writer(dir.path()).write(vec![doc("x.docx", "s1", b"generated")]).unwrap();
        // Same length, different bytes, a later time: size and time no longer match, so
        // the bytes are compared.
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(dir.path().join("x.docx"), b"GENERATED").unwrap();
        let report = writer(dir.path()).write(vec![doc("x.docx", "s2", b"regenerated")]).unwrap();
        assert_eq!(report.beside.len(), 1);
        assert_eq!(std::fs::read(dir.path().join("x.docx")).unwrap(), b"GENERATED");
    }

    #[test]
    fn a_file_we_never_wrote_is_a_persons() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.docx"), b"someone's").unwrap();
        writer(dir.path()).write(vec![doc("x.docx", "s1", b"ours")]).unwrap();
        assert_eq!(std::fs::read(dir.path().join("x.docx")).unwrap(), b"someone's");
    }

    #[test]
    fn a_second_lock_waits_then_stops() {
        let dir = tempfile::tempdir().unwrap();
        let held = Lock::acquire(dir.path(), Duration::ZERO).unwrap();
        let second = Lock::acquire(dir.path(), Duration::from_millis(200));
        assert!(matches!(second, Err(OutputError::Locked(_))));
        drop(held);
        assert!(Lock::acquire(dir.path(), Duration::ZERO).is_ok());
    }
}
