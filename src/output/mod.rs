//! Stage 5: put documents on disk without ever losing anybody's work.
//!
//! - Only what changed is written; a rebuild with no change writes nothing.
//! - Every write is atomic ([`atomic`]).
//! - A document whose bytes differ from what the manifest recorded was edited by a
//!   person: it is left alone and the new version goes beside it ([`place`]); this is
//!   checked again just before each rename, since a save may land during a build.
//! - A document another program holds open (Word, on Windows) cannot be replaced: the
//!   new version goes beside it too, and the build goes on.
//! - A replaced version is kept in `.history/` (bounded).
//! - Two builds never interleave: the outputs folder is locked for the whole write.
//! - A build killed at any moment leaves a [`journal`] from which the next build knows
//!   every document it had put in place.

pub mod atomic;
mod digest;
pub mod document_map;
pub mod journal;
mod made;
mod manifest;
pub mod place;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use digest::Digest;
pub use document_map::DocumentMap;
pub use journal::JOURNAL_NAME;
use journal::Journal;
pub use made::{Made, Unmade, stage_file, stage_made};
pub use manifest::{
    Changes, Documents, Entry, MANIFEST_NAME, Manifest, ReadAhead, Restamps, feed_binary, feed_json, hash, hash_json,
    packed, stamp,
};

pub const LOCK_NAME: &str = ".xeploai.lock";
pub const HISTORY_DIR: &str = ".history";

/// A document ready to be written.
pub struct Planned {
    /// Relative to the outputs folder.
    pub rel: PathBuf,
    /// Hash of what it is built from (template, data, version).
    pub source: Digest,
    /// The document; `None` when [`is_current`] found it on disk already, unrendered.
    pub made: Option<Made>,
}

/// Is the document at `rel` on disk exactly what `source` would build, untouched since?
/// Then it need not even be rendered.
pub fn is_current(outputs: &Path, manifest: &Manifest, rel: &Path, source: Digest, restamps: &Restamps) -> bool {
    recorded_source(outputs, manifest, rel, restamps).is_some_and(|recorded| recorded == source)
}

/// What the document at `rel` was built from, if it is on disk untouched since (found
/// by its bytes under a new stamp, the stamp goes to `restamps`).
pub fn recorded_source(outputs: &Path, manifest: &Manifest, rel: &Path, restamps: &Restamps) -> Option<Digest> {
    let key = key(rel);
    let entry = manifest.documents.get(&key)?;
    restamps.matches(&key, entry, &outputs.join(rel)).then_some(entry.source)
}

/// Is the file of ours at `rel` a document? The documents are the DOCX files; the
/// overview page and the summary's data beside them (and their copies put beside a
/// hand edit) are not.
pub fn is_document(rel: &Path) -> bool {
    rel.extension().is_some_and(|extension| extension == "docx")
}

/// What a build put in place, or found in place: its documents counted, its other files
/// (the overview page, the summary's data) by name. A nation's build places a million
/// documents, and naming each would hold a hundred megabytes for a count.
#[derive(Debug, Default)]
pub struct Placed {
    pub documents: usize,
    pub others: Vec<PathBuf>,
}

impl Placed {
    pub fn push(&mut self, rel: PathBuf) {
        if is_document(&rel) {
            self.documents += 1;
        } else {
            self.others.push(rel);
        }
    }

    pub fn len(&self) -> usize {
        self.documents + self.others.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[derive(Debug, Default)]
pub struct Report {
    pub written: Placed,
    pub unchanged: Placed,
    /// (a document a person edited, left alone; where the new version went)
    pub beside: Vec<(PathBuf, PathBuf)>,
    /// (a document another program held open, so not replaced; where the new version went)
    pub held_open: Vec<(PathBuf, PathBuf)>,
    /// (a `(ban moi)` copy still on disk; its document, now current under its own name)
    pub stale: Vec<(PathBuf, PathBuf)>,
    /// Why the manifest could not be saved (a full disk, say): harmless, the journal
    /// keeps what it would have held and the next build saves it.
    pub unsaved: Option<OutputError>,
}

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "thư mục kết quả “{0}” đang được một lần chạy khác sử dụng (tệp khóa {LOCK_NAME}); hãy chờ lần chạy đó kết thúc"
    )]
    Locked(PathBuf),
    #[error("không ghi được “{path}”: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    /// Only ever met by [`Writer::commit`], which puts the document beside it instead.
    #[error("“{0}” đang mở trong một chương trình khác (có thể là Word) nên không thay được")]
    HeldOpen(PathBuf),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io { path: path.to_path_buf(), source }
}

/// As [`io`], but a file another program holds open is [`OutputError::HeldOpen`].
fn replacing(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| match atomic::is_held_open(&source) {
        true => OutputError::HeldOpen(path.to_path_buf()),
        false => io(path)(source),
    }
}

/// Renames a staged file over its target: the one place a document is replaced.
type Replace = dyn Fn(&atomic::Staged) -> Result<(), OutputError> + Send + Sync;

/// `write`, now in place, in the manifest and the report.
fn record_written(
    write: Write,
    entry: manifest::Entry,
    held_open: Vec<PathBuf>,
    manifest: &mut impl Documents,
    report: &mut Report,
) {
    let rel = write.place.rel;
    report.beside.extend(write.place.edited.into_iter().map(|edited| (edited, rel.clone())));
    report.held_open.extend(held_open.into_iter().map(|open| (open, rel.clone())));
    manifest.record(key(&rel), entry);
    report.written.push(rel);
}

fn rename_into_place(staged: &atomic::Staged) -> Result<(), OutputError> {
    atomic::commit(staged).map_err(replacing(&staged.path))
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

/// Writes the documents of one build into the outputs folder.
pub struct Writer<'a> {
    pub outputs: &'a Path,
    /// How many replaced versions of each document `.history/` keeps.
    pub keep_history: usize,
    journal: Journal,
    /// An interrupted build's journal was added to the manifest: it must be saved even
    /// by a build that writes nothing.
    replayed: bool,
    replace: Box<Replace>,
    /// Is there a `.history/` folder: looked at once when the writer opens, and set when
    /// a version is kept. Without one there is nothing to prune, and a first build's
    /// hundred thousand documents need not each look for their kept versions.
    history: AtomicBool,
    /// Does the manifest name a new version put beside a hand edit: looked at once, by
    /// the first document the writer decides on (a build with nothing to do decides on
    /// none). Without one, no document has a copy to report as stale, and a rebuild's
    /// hundred thousand current documents need not each look for theirs.
    copies: std::sync::OnceLock<bool>,
}

/// Runs `work` on the threads batches are staged on: their own, not the pool documents
/// are rendered on. A batch staged there waited behind the rendering of the batches after
/// it (a pool's threads take work sent from outside only when their own runs out): the
/// renderer then waited for the writer, and a province's build left a core idle 6–10% of
/// the time. On the rendering pool after all if no threads of their own can be had.
fn on_staging_threads<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    // As many threads as the rendering pool has (rayon's default: the cores, or
    // RAYON_NUM_THREADS).
    let pool =
        POOL.get_or_init(|| rayon::ThreadPoolBuilder::new().thread_name(|n| format!("xeploai-stage-{n}")).build().ok());
    match pool {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// A document to write, and where.
#[derive(Debug)]
pub struct Write {
    /// The document's own name, relative to the outputs folder.
    doc: PathBuf,
    place: place::Place,
    source: Digest,
    /// Taken when it is staged: the bytes are not held while the batch is renamed.
    made: Option<Made>,
    /// The hash of its bytes, taken once: to compare with the file on disk, then recorded.
    digest: Digest,
}

/// A batch of documents on disk under their temporary names, synced and journaled:
/// ready to be renamed into place by [`Writer::commit`].
#[derive(Debug)]
pub struct Batch {
    writes: Vec<(Write, manifest::Entry)>,
    staged: Vec<atomic::Staged>,
    /// Documents already on disk byte for byte, now known as built from a new source.
    resourced: Vec<(String, manifest::Entry)>,
}

/// What to do with one planned document.
enum Decision {
    /// Nothing: it is on disk as planned.
    Keep,
    Write(Box<Write>),
    /// Nothing on disk: it holds these bytes already, though they were built from
    /// another source (another build of the program, say); only the manifest learns it.
    Resource(PathBuf, manifest::Entry),
}

impl<'a> Writer<'a> {
    /// Opens the outputs folder held by `_lock` and returns the manifest as the last
    /// build left it (`ahead`, if still current). If that build was interrupted, what it
    /// journaled is added (so its documents are known as ours) and its temporary files
    /// are removed.
    pub fn open(
        outputs: &'a Path,
        keep_history: usize,
        _lock: &Lock,
        ahead: Option<ReadAhead>,
    ) -> Result<(Writer<'a>, Manifest), OutputError> {
        let mut manifest = match ahead {
            Some(ahead) => ahead.take(outputs),
            None => Manifest::load(outputs),
        };
        let replayed = journal::exists(outputs);
        if replayed {
            journal::replay(outputs, &mut manifest);
            atomic::sweep(outputs);
        }
        let journal = Journal::open(outputs).map_err(io(outputs))?;
        let history = AtomicBool::new(outputs.join(HISTORY_DIR).is_dir());
        let replace = Box::new(rename_into_place);
        let copies = std::sync::OnceLock::new();
        Ok((Writer { outputs, keep_history, journal, replayed, replace, history, copies }, manifest))
    }

    /// The seam where tests make the replace of a document fail as Windows does for a
    /// document open in Word, which Linux cannot do.
    #[cfg(test)]
    fn replacing_with(
        self,
        replace: impl Fn(&atomic::Staged) -> Result<(), OutputError> + Send + Sync + 'static,
    ) -> Self {
        Writer { replace: Box::new(replace), ..self }
    }

    /// Writes what changed, in one batch, and ends the run.
    pub fn write(self, planned: Vec<Planned>, mut manifest: Manifest) -> Result<Report, OutputError> {
        let mut report = Report::default();
        let result = self.write_into(planned, &mut manifest, &mut report);
        report.unsaved = self.finish(&manifest).err();
        result.map(|()| report)
    }

    /// Writes one batch of a longer run into `manifest` and `report`; the caller ends
    /// the run with [`Writer::finish`], failure or not.
    pub fn write_into(
        &self,
        planned: Vec<Planned>,
        manifest: &mut impl Documents,
        report: &mut Report,
    ) -> Result<(), OutputError> {
        let batch = crate::timings::stage("write: stage, sync", || self.prepare(planned, manifest, report))?;
        crate::timings::stage("write: rename", || self.commit(batch, manifest, report))
    }

    /// Ends a run that wrote nothing: the manifest is saved only if an interrupted
    /// build's journal changed it.
    pub fn finish_unchanged(self, manifest: &Manifest) -> Result<(), OutputError> {
        match self.replayed {
            true => self.finish(manifest),
            false => self.journal.remove().map_err(io(self.outputs)),
        }
    }

    /// Decides where each changed document goes, then stages the batch in parallel,
    /// makes it durable with one sync and journals it. A failure leaves no temporary file.
    pub fn prepare(
        &self,
        planned: Vec<Planned>,
        manifest: &impl Documents,
        report: &mut Report,
    ) -> Result<Batch, OutputError> {
        let mut writes: Vec<Write> = Vec::new();
        let mut resourced = Vec::new();
        for doc in planned {
            match self.decide(doc, manifest, report) {
                Decision::Keep => {}
                Decision::Write(write) => writes.push(*write),
                Decision::Resource(rel, entry) => resourced.push((key(&rel), entry)),
            }
        }
        let staged = on_staging_threads(|| self.stage(&mut writes));
        let mut ready = Vec::with_capacity(staged.len());
        let mut first_error = None;
        for result in staged {
            match result {
                Ok(pair) => ready.push(pair),
                Err(err) => first_error = first_error.or(Some(err)),
            }
        }
        let (staged, entries): (Vec<atomic::Staged>, Vec<manifest::Entry>) = ready.into_iter().unzip();
        let durable = match first_error {
            Some(err) => Err(err),
            None => crate::timings::stage("write: sync", || atomic::sync(&staged))
                .and_then(|()| {
                    let keys: Vec<String> = writes.iter().map(|w| key(&w.place.rel)).collect();
                    self.journal.record(keys.iter().map(String::as_str).zip(&entries))
                })
                .map_err(io(self.outputs)),
        };
        if let Err(err) = durable {
            staged.iter().for_each(atomic::discard);
            return Err(err);
        }
        Ok(Batch { writes: writes.into_iter().zip(entries).collect(), staged, resourced })
    }

    /// Each write's bytes in its temporary file, in parallel, with the entry it is to be
    /// recorded by.
    fn stage(&self, writes: &mut [Write]) -> Vec<Result<(atomic::Staged, manifest::Entry), OutputError>> {
        writes
            .par_iter_mut()
            .map(|w| {
                let made = w.made.take().expect("a document is staged once");
                let staged = made.stage(&self.outputs.join(&w.place.rel))?;
                // The temporary file keeps its size and time when renamed: its stamp is
                // the document's.
                let entry = manifest::Entry::new(w.source, w.digest, &staged.tmp);
                Ok((staged, entry))
            })
            .collect()
    }

    /// Renames a prepared batch into place, in order. Each file is checked again just
    /// before it is replaced: one saved by a person since [`Writer::prepare`] looked is
    /// a hand edit too, and the new version goes to the next free name.
    pub fn commit(&self, batch: Batch, manifest: &mut impl Documents, report: &mut Report) -> Result<(), OutputError> {
        for (key, entry) in batch.resourced {
            manifest.record(key, entry);
        }
        let mut items = batch.writes.into_iter().zip(batch.staged);
        while let Some(((write, entry), staged)) = items.next() {
            if let Err(err) = self.commit_one(write, entry, &staged, manifest, report) {
                atomic::discard(&staged);
                items.for_each(|(_, staged)| atomic::discard(&staged));
                return Err(err);
            }
        }
        Ok(())
    }

    fn commit_one(
        &self,
        mut write: Write,
        entry: manifest::Entry,
        staged: &atomic::Staged,
        manifest: &mut impl Documents,
        report: &mut Report,
    ) -> Result<(), OutputError> {
        let mut held_open = Vec::new();
        let taken = match self.place_new(&write, staged)? {
            atomic::New::Placed => return Ok(record_written(write, entry, held_open, manifest, report)),
            atomic::New::Taken => true,
            // As late as can be: the window left is this check and the rename below.
            atomic::New::Unasked => !place::is_free(&staged.path, write.place.recorded.as_ref()),
        };
        if taken {
            write.place.edited.push(write.place.rel.clone());
            self.move_beside(&mut write, &entry, manifest)?;
        }
        loop {
            match self.put_in_place(&write.place.rel, &staged.tmp) {
                Ok(()) => break,
                Err(OutputError::HeldOpen(_)) => {
                    held_open.push(write.place.rel.clone());
                    self.move_beside(&mut write, &entry, manifest)?;
                }
                Err(err) => return Err(err),
            }
        }
        record_written(write, entry, held_open, manifest, report);
        Ok(())
    }

    /// A document at a name no build wrote before put there unless a file is there
    /// ([`atomic::commit_new`]); a name of ours is [`atomic::New::Unasked`]: it is
    /// replaced after a look, its old version kept.
    fn place_new(&self, write: &Write, staged: &atomic::Staged) -> Result<atomic::New, OutputError> {
        if write.place.recorded.is_some() {
            return Ok(atomic::New::Unasked);
        }
        atomic::commit_new(staged).map_err(io(&staged.path))
    }

    /// Moves `write` on to the next free name of its document, since the file at its
    /// current name may not be replaced, and journals it there before it is renamed.
    fn move_beside(
        &self,
        write: &mut Write,
        entry: &manifest::Entry,
        manifest: &impl Documents,
    ) -> Result<(), OutputError> {
        let mut next = place::first_free(self.outputs, &write.doc, write.place.rank + 1, manifest);
        let mut edited = std::mem::take(&mut write.place.edited);
        edited.append(&mut next.edited);
        next.edited = edited;
        write.place = next;
        let rel = key(&write.place.rel);
        self.journal.record([(rel.as_str(), entry)]).map_err(io(self.outputs))
    }

    /// Renames the staged file `tmp` over the document at `rel`, keeping the version it
    /// replaces in `.history/`; if the document cannot be replaced, nothing is kept.
    fn put_in_place(&self, rel: &Path, tmp: &Path) -> Result<(), OutputError> {
        let target = atomic::Staged { tmp: tmp.to_path_buf(), path: self.outputs.join(rel) };
        if atomic::seems_held_open(&target.path) {
            return Err(OutputError::HeldOpen(target.path));
        }
        let kept = self.keep(rel)?;
        if let Err(err) = (self.replace)(&target) {
            if let Some(kept) = kept {
                let _ = std::fs::remove_file(kept);
            }
            return Err(err);
        }
        self.prune(rel);
        Ok(())
    }

    /// Saves the manifest, then removes the journal it now holds. A failed save is
    /// harmless: the journal stays, and the next build replays it.
    pub fn finish(self, manifest: &Manifest) -> Result<(), OutputError> {
        let path = self.outputs.join(MANIFEST_NAME);
        atomic::write_with(&path, |file| manifest.write_to(file)).map_err(io(&path))?;
        self.journal.remove().map_err(io(self.outputs))
    }

    /// What to do with one document: nothing (unchanged), or write it at the first of
    /// its names that no person edited.
    fn decide(&self, doc: Planned, manifest: &impl Documents, report: &mut Report) -> Decision {
        let stale = |report: &mut Report| {
            if !*self.copies.get_or_init(|| manifest.names_a_copy()) {
                return;
            }
            let copies = place::stale(self.outputs, &doc.rel, manifest);
            report.stale.extend(copies.into_iter().map(|copy| (copy, doc.rel.clone())));
        };
        let Some(made) = doc.made else {
            stale(report);
            report.unchanged.push(doc.rel);
            return Decision::Keep;
        };
        let place = place::first_free(self.outputs, &doc.rel, 0, manifest);
        if place.rank == 0 {
            stale(report);
        }
        let current = place.recorded.as_ref().is_some_and(|e| e.source == doc.source);
        // A new build of the program renders everything again: where the bytes come out
        // the same, the file stays, and its history keeps the versions that differ.
        let digest = made.digest();
        let same_bytes = place.recorded.as_ref().filter(|e| !current && e.bytes == digest);
        // Asked of the disk only for a document recorded as this one: a new document
        // (every one of a first build) costs no look.
        if (current || same_bytes.is_some()) && self.outputs.join(&place.rel).exists() {
            report.beside.extend(place.edited.iter().map(|edited| (edited.clone(), place.rel.clone())));
            report.unchanged.push(place.rel.clone());
            // The file was found the one written (by its stamp, or its bytes under a new
            // stamp): its entry gets the stamp it has now.
            return match same_bytes {
                Some(entry) => {
                    let entry = manifest::Entry::new(doc.source, entry.bytes, &self.outputs.join(&place.rel));
                    Decision::Resource(place.rel, entry)
                }
                None => Decision::Keep,
            };
        }
        Decision::Write(Box::new(Write { doc: doc.rel, place, source: doc.source, made: Some(made), digest }))
    }

    /// Keeps the version at `rel`, about to be replaced, as
    /// `.history/<folder>/<stem>.<n>.<ext>`, and returns where. A hard link: the old
    /// bytes stay where they are, nothing is copied (a copy where links are not allowed).
    fn keep(&self, rel: &Path) -> Result<Option<PathBuf>, OutputError> {
        let current = self.outputs.join(rel);
        if self.keep_history == 0 || !current.is_file() {
            return Ok(None);
        }
        let next = self.history(rel).last().map_or(1, |(n, _)| n + 1);
        let (dir, stem, ext) = self.history_names(rel);
        let path = dir.join(format!("{stem}.{next}.{ext}"));
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        self.history.store(true, Ordering::Relaxed);
        if std::fs::hard_link(&current, &path).is_err() {
            let bytes = std::fs::read(&current).map_err(replacing(&current))?;
            atomic::write(&path, &bytes).map_err(io(&path))?;
        }
        Ok(Some(path))
    }

    /// Removes the oldest kept versions of `rel` beyond `keep_history`.
    fn prune(&self, rel: &Path) {
        if !self.history.load(Ordering::Relaxed) {
            return;
        }
        let versions = self.history(rel);
        let excess = versions.len().saturating_sub(self.keep_history);
        for (_, old) in versions.into_iter().take(excess) {
            let _ = std::fs::remove_file(old);
        }
    }

    /// The kept versions of `rel`, oldest first, with their numbers.
    fn history(&self, rel: &Path) -> Vec<(u64, PathBuf)> {
        let (dir, stem, ext) = self.history_names(rel);
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
        versions
    }

    /// (the folder, stem and extension of the kept versions of `rel`)
    fn history_names(&self, rel: &Path) -> (PathBuf, String, String) {
        let dir = self.outputs.join(HISTORY_DIR).join(rel.parent().unwrap_or(Path::new("")));
        let stem = rel.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let ext = rel.extension().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        (dir, stem, ext)
    }
}

fn key(rel: &Path) -> String {
    crate::source::display_path(rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(rel: &str, source: &str, bytes: &[u8]) -> Planned {
        Planned { rel: rel.into(), source: Digest::of(source.as_bytes()), made: Some(Made::Bytes(bytes.to_vec())) }
    }

    /// One build of `docs` into `dir`, keeping two replaced versions.
    fn build(dir: &Path, docs: Vec<Planned>) -> Report {
        let lock = Lock::acquire(dir, Duration::ZERO).unwrap();
        let (writer, manifest) = Writer::open(dir, 2, &lock, None).unwrap();
        writer.write(docs, manifest).unwrap()
    }

    #[test]
    fn documents_placed_are_counted_and_other_files_named() {
        let mut placed = Placed::default();
        for rel in ["a/x.docx", "a/x (ban moi).docx", "tong-quan.html", "tong-hop.json"] {
            placed.push(rel.into());
        }
        assert_eq!(placed.documents, 2);
        assert_eq!(placed.others, [PathBuf::from("tong-quan.html"), PathBuf::from("tong-hop.json")]);
        assert_eq!(placed.len(), 4);
        assert!(!placed.is_empty() && Placed::default().is_empty());
    }

    #[test]
    fn unchanged_sources_are_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let first = build(dir.path(), vec![doc("a/x.docx", "s1", b"one")]);
        assert_eq!(first.written.len(), 1);
        let again = build(dir.path(), vec![doc("a/x.docx", "s1", b"one")]);
        assert!(again.written.is_empty());
        assert_eq!(again.unchanged.len(), 1);
    }

    #[test]
    fn changed_sources_replace_and_keep_history_bounded() {
        let dir = tempfile::tempdir().unwrap();
        for (i, content) in ["v1", "v2", "v3", "v4"].iter().enumerate() {
            build(dir.path(), vec![doc("a/x.docx", &format!("s{i}"), content.as_bytes())]);
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
    fn a_new_source_with_the_same_bytes_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        build(dir.path(), vec![doc("a/x.docx", "s1", b"one")]);
        let again = build(dir.path(), vec![doc("a/x.docx", "s2", b"one")]);
        assert!(again.written.is_empty());
        assert!(!dir.path().join(HISTORY_DIR).exists(), "no copy of the same bytes is kept");
        assert_eq!(
            Manifest::load(dir.path()).documents["a/x.docx"].source,
            Digest::of(b"s2"),
            "the manifest knows the new source"
        );
    }

    #[test]
    fn an_edited_document_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        build(dir.path(), vec![doc("x.docx", "s1", b"generated")]);
        std::fs::write(dir.path().join("x.docx"), b"edited by the clerk").unwrap();
        let report = build(dir.path(), vec![doc("x.docx", "s2", b"regenerated")]);
        assert_eq!(std::fs::read(dir.path().join("x.docx")).unwrap(), b"edited by the clerk");
        assert_eq!(std::fs::read(dir.path().join("x (ban moi).docx")).unwrap(), b"regenerated");
        assert_eq!(report.beside.len(), 1);
        // Still protected on the next build.
        build(dir.path(), vec![doc("x.docx", "s3", b"third")]);
        assert_eq!(std::fs::read(dir.path().join("x.docx")).unwrap(), b"edited by the clerk");
        assert_eq!(std::fs::read(dir.path().join("x (ban moi).docx")).unwrap(), b"third");
    }

    #[test]
    fn an_edit_of_the_same_size_is_still_seen() {
        let dir = tempfile::tempdir().unwrap();
        build(dir.path(), vec![doc("x.docx", "s1", b"generated")]);
        // Same length, different bytes, a later time: size and time no longer match, so
        // the bytes are compared.
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(dir.path().join("x.docx"), b"GENERATED").unwrap();
        let report = build(dir.path(), vec![doc("x.docx", "s2", b"regenerated")]);
        assert_eq!(report.beside.len(), 1);
        assert_eq!(std::fs::read(dir.path().join("x.docx")).unwrap(), b"GENERATED");
    }

    #[test]
    fn a_file_we_never_wrote_is_a_persons() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.docx"), b"someone's").unwrap();
        build(dir.path(), vec![doc("x.docx", "s1", b"ours")]);
        assert_eq!(std::fs::read(dir.path().join("x.docx")).unwrap(), b"someone's");
    }

    /// A build of `planned` into `dir` during which a person saves `saved` at its name,
    /// after the build chose the name and before the document is put there.
    fn build_saved_meanwhile(dir: &Path, planned: Planned, saved: &[u8]) -> Report {
        let rel = planned.rel.clone();
        let lock = Lock::acquire(dir, Duration::ZERO).unwrap();
        let (writer, mut manifest) = Writer::open(dir, 2, &lock, None).unwrap();
        let mut report = Report::default();
        let batch = writer.prepare(vec![planned], &manifest, &mut report).unwrap();
        std::fs::write(dir.join(rel), saved).unwrap();
        writer.commit(batch, &mut manifest, &mut report).unwrap();
        writer.finish(&manifest).unwrap();
        report
    }

    #[test]
    fn a_save_between_the_check_and_the_rename_is_a_hand_edit() {
        let dir = tempfile::tempdir().unwrap();
        build(dir.path(), vec![doc("x.docx", "s1", b"generated")]);
        // The clerk saves after the build looked at the file, before it is replaced.
        let report = build_saved_meanwhile(dir.path(), doc("x.docx", "s2", b"regenerated"), b"saved meanwhile");
        assert_eq!(std::fs::read(dir.path().join("x.docx")).unwrap(), b"saved meanwhile");
        assert_eq!(std::fs::read(dir.path().join("x (ban moi).docx")).unwrap(), b"regenerated");
        assert_eq!(report.beside, [(PathBuf::from("x.docx"), PathBuf::from("x (ban moi).docx"))]);
        // Known as a hand edit from then on.
        build(dir.path(), vec![doc("x.docx", "s3", b"third")]);
        assert_eq!(std::fs::read(dir.path().join("x.docx")).unwrap(), b"saved meanwhile");
    }

    #[test]
    fn a_file_saved_where_a_new_document_goes_is_left_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        // A person saves a file of that name after the build chose it, before it is placed.
        let report = build_saved_meanwhile(dir.path(), doc("a/x.docx", "s1", b"generated"), b"a person's");
        assert_eq!(std::fs::read(dir.path().join("a/x.docx")).unwrap(), b"a person's");
        assert_eq!(std::fs::read(dir.path().join("a/x (ban moi).docx")).unwrap(), b"generated");
        assert_eq!(report.beside, [(PathBuf::from("a/x.docx"), PathBuf::from("a/x (ban moi).docx"))]);
        assert_eq!(report.written.documents, 1);
        let history = dir.path().join(HISTORY_DIR);
        assert!(!history.exists(), "a person's file is not a version of ours");
    }

    #[test]
    fn a_batch_is_staged_while_every_rendering_thread_is_busy() {
        // Every thread of the pool documents are rendered on is held until the build
        // below has ended (or given up on): a batch staged on that pool would wait.
        let threads = rayon::current_num_threads();
        let hold = std::sync::Arc::new(std::sync::Barrier::new(threads + 1));
        let (busy, all_busy) = std::sync::mpsc::channel();
        for _ in 0..threads {
            let (hold, busy) = (hold.clone(), busy.clone());
            rayon::spawn(move || {
                busy.send(()).unwrap();
                hold.wait();
            });
        }
        (0..threads).for_each(|_| all_busy.recv().unwrap());
        let dir = tempfile::tempdir().unwrap();
        let (built, report) = std::sync::mpsc::channel();
        let path = dir.path().to_path_buf();
        // Enough documents to be split among threads (one would be staged where it is).
        let docs = || (0..64).map(|n| doc(&format!("a/{n}.docx"), "s1", n.to_string().as_bytes())).collect();
        std::thread::spawn(move || built.send(build(&path, docs())));
        // Not a measure of speed: without threads of its own the batch never gets one.
        let report = report.recv_timeout(Duration::from_secs(30));
        hold.wait();
        assert_eq!(report.expect("the batch was staged").written.documents, 64);
        assert_eq!(std::fs::read(dir.path().join("a/63.docx")).unwrap(), b"63");
    }

    /// Opens `dir` for a build whose replace of any document named `held` is refused as
    /// Windows refuses it while Word has the document open.
    fn writer_with_held_open<'a>(dir: &'a Path, lock: &Lock, held: &'static str) -> (Writer<'a>, Manifest) {
        let (writer, manifest) = Writer::open(dir, 2, lock, None).unwrap();
        let writer = writer.replacing_with(move |staged| match staged.path.ends_with(held) {
            true => Err(OutputError::HeldOpen(staged.path.clone())),
            false => rename_into_place(staged),
        });
        (writer, manifest)
    }

    #[test]
    fn a_document_held_open_gets_its_new_version_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        build(dir.path(), vec![doc("a/x.docx", "s1", b"x1"), doc("a/y.docx", "s1", b"y1")]);
        let lock = Lock::acquire(dir.path(), Duration::ZERO).unwrap();
        let (writer, manifest) = writer_with_held_open(dir.path(), &lock, "a/x.docx");
        let report = writer.write(vec![doc("a/x.docx", "s2", b"x2"), doc("a/y.docx", "s2", b"y2")], manifest).unwrap();
        drop(lock);
        assert_eq!(std::fs::read(dir.path().join("a/x.docx")).unwrap(), b"x1");
        assert_eq!(std::fs::read(dir.path().join("a/x (ban moi).docx")).unwrap(), b"x2");
        assert_eq!(std::fs::read(dir.path().join("a/y.docx")).unwrap(), b"y2");
        assert_eq!(report.held_open, [(PathBuf::from("a/x.docx"), PathBuf::from("a/x (ban moi).docx"))]);
        assert!(report.beside.is_empty(), "not a hand edit: {:?}", report.beside);
        // Nothing was replaced at x.docx, so no old version of it is kept.
        let history = dir.path().join(HISTORY_DIR).join("a");
        assert!(!history.join("x.1.docx").exists());
        assert_eq!(std::fs::read(history.join("y.1.docx")).unwrap(), b"y1");
        // Both names are ours: x.docx as the old version, the copy as the new one.
        let saved = Manifest::load(dir.path());
        assert_eq!(saved.documents["a/x.docx"].source, Digest::of(b"s1"));
        assert_eq!(saved.documents["a/x (ban moi).docx"].source, Digest::of(b"s2"));
        // Word closed: the document takes its own name again and the copy is named stale.
        let closed = build(dir.path(), vec![doc("a/x.docx", "s2", b"x2"), doc("a/y.docx", "s2", b"y2")]);
        assert_eq!(std::fs::read(dir.path().join("a/x.docx")).unwrap(), b"x2");
        assert!(closed.beside.is_empty() && closed.held_open.is_empty());
        assert_eq!(closed.stale, [(PathBuf::from("a/x (ban moi).docx"), PathBuf::from("a/x.docx"))]);
    }

    #[test]
    fn a_copy_beside_a_held_document_is_journaled_before_it_is_in_place() {
        let dir = tempfile::tempdir().unwrap();
        build(dir.path(), vec![doc("x.docx", "s1", b"x1")]);
        let lock = Lock::acquire(dir.path(), Duration::ZERO).unwrap();
        let (writer, mut manifest) = writer_with_held_open(dir.path(), &lock, "x.docx");
        let mut report = Report::default();
        writer.write_into(vec![doc("x.docx", "s2", b"x2")], &mut manifest, &mut report).unwrap();
        // Killed before the manifest is saved: only the journal knows the copy.
        drop(writer);
        drop(lock);
        assert!(journal::exists(dir.path()));
        let next = build(dir.path(), vec![doc("x.docx", "s2", b"x2")]);
        assert!(next.beside.is_empty(), "the copy was taken for a hand edit: {:?}", next.beside);
        assert_eq!(std::fs::read(dir.path().join("x.docx")).unwrap(), b"x2");
        assert_eq!(next.stale, [(PathBuf::from("x (ban moi).docx"), PathBuf::from("x.docx"))]);
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
