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
//! It is never whole in memory: read, its entries are found in the file and each is
//! read when its meeting file asks for it; written ([`ParseCache::write_to`]), each goes
//! to the file in turn, those kept from the last build copied from its file. A million
//! people's is 216 MB, which a rebuild otherwise held through its ingest. A first build
//! encodes all of it: each new entry waits in a file of its own ([`Spill`]) until the
//! cache is written, not in memory beside the dataset being read.

use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
#[cfg(test)]
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

/// The file, as postcard writes this: the program's build, the context, then the
/// entries (key, bytes) sorted by key. It is read and written here entry by entry
/// ([`index`], [`ParseCache::write_to`]), never whole: a million people's is 216 MB,
/// which a rebuild held through its ingest, beside the dataset decoded from it.
#[cfg(test)]
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    build: &'a str,
    context: Key,
    #[serde(borrow)]
    entries: Vec<(Key, &'a Bytes)>,
}

/// The last build's cache: its file as it was opened (a file replaced since, by a
/// rename, is not this one), or its bytes.
pub enum Last {
    File(std::fs::File),
    Bytes(Vec<u8>),
}

impl Last {
    /// The cache file at `path`, if there is one.
    pub fn open(path: &std::path::Path) -> Option<Last> {
        std::fs::File::open(path).ok().map(Last::File)
    }

    fn len(&self) -> io::Result<u64> {
        match self {
            Last::File(file) => Ok(file.metadata()?.len()),
            Last::Bytes(bytes) => Ok(bytes.len() as u64),
        }
    }

    /// Fills `buf` from `at`.
    fn read_at(&self, at: u64, buf: &mut [u8]) -> io::Result<()> {
        match self {
            Last::File(file) => read_exact_at(file, at, buf),
            Last::Bytes(bytes) => {
                let part = usize::try_from(at).ok().and_then(|at| bytes.get(at..at.checked_add(buf.len())?));
                buf.copy_from_slice(part.ok_or_else(|| io::Error::from(io::ErrorKind::UnexpectedEof))?);
                Ok(())
            }
        }
    }

    /// The bytes at `range`.
    fn bytes(&self, range: &Range<u64>) -> io::Result<Vec<u8>> {
        let len = usize::try_from(range.end - range.start).map_err(io::Error::other)?;
        let mut buf = vec![0; len];
        self.read_at(range.start, &mut buf)?;
        Ok(buf)
    }
}

#[cfg(unix)]
fn read_exact_at(file: &std::fs::File, at: u64, buf: &mut [u8]) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn read_exact_at(file: &std::fs::File, mut at: u64, mut buf: &mut [u8]) -> io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, at)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => (buf, at) = (&mut std::mem::take(&mut buf)[n..], at + n as u64),
        }
    }
    Ok(())
}

pub struct ParseCache {
    context: Key,
    /// The last build's cache, when it was made by this program in this context: its
    /// entries are read from it one at a time.
    last: Option<Last>,
    /// Entries of the last build, by where they are in `last`.
    before: HashMap<Key, Range<u64>>,
    /// Entries of this build, for the next.
    after: HashMap<Key, Kept>,
    /// Anything new was added this build.
    added: bool,
    /// Where this build's new entries wait for the next build ([`ParseCache::renew`]);
    /// `None` for a cache only read: a check, which writes nothing, does not pay for
    /// encoding them.
    spill: Option<Spill>,
}

/// An entry kept for the next build.
enum Kept {
    /// As the last build left it, in `last`.
    Before(Range<u64>),
    /// Encoded by this build, in its [`Spill`].
    New(Range<u64>),
}

/// Where a build's new entries wait for the cache to be written: a file that goes away
/// when it is closed, in the folder the cache is kept in (a million people's entries are
/// 216 MB, which the whole ingest held), or memory where no such file can be made.
struct Spill {
    sink: Sink,
    len: u64,
}

enum Sink {
    File(io::BufWriter<std::fs::File>),
    Memory(Vec<u8>),
    /// A write failed part way (a full disk): where later entries would land is no
    /// longer known, so none is kept, and this build writes no cache.
    Failed,
}

impl Spill {
    /// A spill in a file of its own in `dir` (made if missing), if there is one and it
    /// can be; in memory otherwise.
    fn new(dir: Option<&Path>) -> Spill {
        let file = dir.and_then(|dir| std::fs::create_dir_all(dir).and_then(|()| tempfile::tempfile_in(dir)).ok());
        let sink = match file {
            Some(file) => Sink::File(io::BufWriter::with_capacity(256 * 1024, file)),
            None => Sink::Memory(Vec::new()),
        };
        Spill { sink, len: 0 }
    }

    /// Adds `bytes`; where they are.
    fn append(&mut self, bytes: &[u8]) -> io::Result<Range<u64>> {
        match &mut self.sink {
            Sink::File(out) => {
                if let Err(err) = out.write_all(bytes) {
                    self.sink = Sink::Failed;
                    return Err(err);
                }
            }
            Sink::Memory(out) => out.extend_from_slice(bytes),
            Sink::Failed => return Err(io::Error::other("the spill failed before")),
        }
        let start = self.len;
        self.len += bytes.len() as u64;
        Ok(start..self.len)
    }

    /// What was added, to be read back.
    fn finish(self) -> io::Result<Last> {
        match self.sink {
            Sink::File(out) => Ok(Last::File(out.into_inner().map_err(io::IntoInnerError::into_error)?)),
            Sink::Memory(bytes) => Ok(Last::Bytes(bytes)),
            Sink::Failed => Err(io::Error::other("the spill failed")),
        }
    }
}

impl ParseCache {
    /// The cache `last` (as [`ParseCache::write_to`] wrote it) if it was written by
    /// this program for the same context as `files` have now; else an empty one. Read
    /// only: nothing is kept, and [`ParseCache::changed`] gives nothing.
    pub fn read(last: Option<Last>, files: &[InputFile]) -> ParseCache {
        let context = context(files);
        let before = last.as_ref().and_then(|last| index(last, &context)).unwrap_or_default();
        // A file of another program or context is let go at once.
        let last = last.filter(|_| !before.is_empty());
        ParseCache { context, last, before, after: HashMap::new(), added: false, spill: None }
    }

    /// [`ParseCache::read`], and what this build reads kept for the next: its new
    /// entries wait in `spill_in` (the folder the cache is kept in) until it is written.
    pub fn renew(last: Option<Last>, files: &[InputFile], spill_in: Option<&Path>) -> ParseCache {
        ParseCache { spill: Some(Spill::new(spill_in)), ..ParseCache::read(last, files) }
    }

    /// What `file` gave in the last build ([`Outcome`], [`WorkbookRead`]), if it is the
    /// same file.
    pub fn get<T: DeserializeOwned>(&self, file: &InputFile) -> Option<T> {
        let bytes = self.last.as_ref()?.bytes(self.before.get(&key(file))?).ok()?;
        crate::source::with_shared_origins(|| postcard::from_bytes(&bytes)).ok()
    }

    /// Keeps what `file` gave for the next build.
    pub fn keep<T: Serialize>(&mut self, file: &InputFile, outcome: &T) {
        let Some(spill) = &mut self.spill else { return };
        let key = key(file);
        if let Some(range) = self.before.remove(&key) {
            self.after.insert(key, Kept::Before(range));
        } else if let Ok(bytes) = crate::source::with_shared_origins(|| postcard::to_allocvec(outcome))
            // An entry that cannot be kept (a full disk) is read again by the next build.
            && let Ok(spilled) = spill.append(&bytes)
        {
            self.after.insert(key, Kept::New(spilled));
            self.added = true;
        }
    }

    /// The cache to write for the next build; `None` when it holds just what was read,
    /// or when it is only read. The last build's file goes with it: the entries it
    /// keeps are copied from there.
    pub fn changed(self) -> Option<ParseCache> {
        // Files gone since are dropped, so the cache never outgrows the inputs.
        (self.spill.is_some() && (self.added || !self.before.is_empty())).then_some(self)
    }

    /// The cache as the next build reads it, onto `out` (buffered by the caller), an
    /// entry at a time. Consumed: the last build's file is closed once its entries are
    /// copied, before the new one is renamed over it (which Windows refuses for a file
    /// held open).
    pub fn write_to<W: Write>(self, mut out: W) -> io::Result<()> {
        let spilled = self.spill.map(Spill::finish).transpose()?;
        let mut entries: Vec<(&Key, &Kept)> = self.after.iter().collect();
        entries.sort_unstable_by_key(|(key, _)| **key);
        write_bytes(&mut out, crate::BUILD.as_bytes())?;
        out.write_all(&self.context)?;
        write_varint(&mut out, entries.len() as u64)?;
        for (key, kept) in entries {
            out.write_all(key)?;
            match kept {
                Kept::Before(range) => {
                    let last = self.last.as_ref().ok_or_else(|| io::Error::other("an entry kept without its file"))?;
                    write_bytes(&mut out, &last.bytes(range)?)?;
                }
                Kept::New(range) => {
                    let spilled =
                        spilled.as_ref().ok_or_else(|| io::Error::other("an entry kept without its spill"))?;
                    write_bytes(&mut out, &spilled.bytes(range)?)?;
                }
            }
        }
        out.flush()
    }
}

/// Where each entry of `last` is, if it was written by this program for `context`;
/// `None` for anything else, a file cut short included.
fn index(last: &Last, context: &Key) -> Option<HashMap<Key, Range<u64>>> {
    let mut read = Reader { last, len: last.len().ok()?, at: 0, window: Vec::new(), window_at: 0 };
    let build_len = read.varint()?;
    if build_len != crate::BUILD.len() as u64 || read.take(crate::BUILD.len())? != crate::BUILD.as_bytes() {
        return None;
    }
    if read.take(32)? != context {
        return None;
    }
    let count = read.varint()?;
    // Sized once, for no more entries than the file can hold (a key and a length are 33
    // bytes at least): grown by doubling, it was rehashed at each step and could end
    // up half empty.
    let fit = (read.len - read.at) / (32 + 1);
    let mut entries = HashMap::with_capacity(usize::try_from(count.min(fit)).ok()?);
    for _ in 0..count {
        let key: Key = read.take(32)?.try_into().ok()?;
        let len = read.varint()?;
        let start = read.at;
        read.at = start.checked_add(len).filter(|end| *end <= read.len)?;
        entries.insert(key, start..read.at);
    }
    Some(entries)
}

/// Reads `last` from `at` on, through a window of it: its keys and lengths are small
/// and many, its entries are stepped over.
struct Reader<'a> {
    last: &'a Last,
    len: u64,
    at: u64,
    window: Vec<u8>,
    window_at: u64,
}

/// How much of the file a [`Reader`] reads at once.
const WINDOW: u64 = 64 * 1024;

impl Reader<'_> {
    /// The next `n` bytes (a key, the build's name), `None` past the end.
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let end = self.at.checked_add(n as u64).filter(|end| *end <= self.len)?;
        let window_end = self.window_at + self.window.len() as u64;
        if self.at < self.window_at || end > window_end {
            let len = (self.len - self.at).min(WINDOW.max(n as u64));
            self.window.resize(usize::try_from(len).ok()?, 0);
            self.last.read_at(self.at, &mut self.window).ok()?;
            self.window_at = self.at;
        }
        let from = usize::try_from(self.at - self.window_at).ok()?;
        self.at = end;
        Some(&self.window[from..from + n])
    }

    /// postcard's varint: seven bits a byte, the lowest first, the high bit set on all
    /// but the last.
    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
}

/// `bytes` as postcard writes a byte string: its length, then itself.
fn write_bytes(out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    write_varint(out, bytes.len() as u64)?;
    out.write_all(bytes)
}

fn write_varint(out: &mut impl Write, mut value: u64) -> io::Result<()> {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            return out.write_all(&[byte]);
        }
        out.write_all(&[byte | 0x80])?;
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
        let mut first = ParseCache::renew(None, files, None);
        first.keep(&meeting, &vec!["one".to_string()]);
        first.keep(&other, &vec!["two".to_string()]);
        let stored = written(first).expect("new entries are stored");

        let mut second = ParseCache::renew(Some(Last::Bytes(stored.clone())), files, None);
        assert_eq!(second.get::<Vec<String>>(&meeting), Some(vec!["one".to_string()]));
        let edited = file("don-vi/b.yaml", "place: C", FileKind::Yaml(YamlKind::UnitReview));
        assert_eq!(second.get::<Vec<String>>(&edited), None);
        second.keep(&meeting, &vec!["one".to_string()]);
        second.keep(&edited, &vec!["three".to_string()]);
        let again = written(second).expect("an edited file's entry is new");

        // The old entry of the edited file is gone; the kept one is carried over as it was.
        let third = ParseCache::read(Some(Last::Bytes(again.clone())), files);
        assert_eq!(third.get::<Vec<String>>(&meeting), Some(vec!["one".to_string()]));
        assert_eq!(third.get::<Vec<String>>(&edited), Some(vec!["three".to_string()]));
        assert_eq!(third.get::<Vec<String>>(&other), None);
        // Another agency.yaml sets the whole cache aside.
        let changed = file("agency.yaml", "b", FileKind::Yaml(YamlKind::Agency));
        let fourth = ParseCache::read(Some(Last::Bytes(again)), &[changed]);
        assert_eq!(fourth.get::<Vec<String>>(&meeting), None);
    }

    /// The context (an agency.yaml), a meeting file, and the cache file of a build that
    /// kept "one" for it.
    fn one_entry() -> (InputFile, InputFile, Vec<u8>) {
        let agency = file("agency.yaml", "a", FileKind::Yaml(YamlKind::Agency));
        let meeting = file("don-vi/a.yaml", "place: A", FileKind::Yaml(YamlKind::UnitReview));
        let mut first = ParseCache::renew(None, std::slice::from_ref(&agency), None);
        first.keep(&meeting, &vec!["one".to_string()]);
        let stored = written(first).expect("kept");
        (agency, meeting, stored)
    }

    #[test]
    fn a_cache_read_and_kept_whole_is_not_written_again() {
        let (agency, meeting, stored) = one_entry();
        let files = std::slice::from_ref(&agency);
        let mut same = ParseCache::renew(Some(Last::Bytes(stored.clone())), files, None);
        same.keep(&meeting, &vec!["one".to_string()]);
        assert!(written(same).is_none(), "nothing new, nothing gone");
        // A file gone since: the cache is written again, without it.
        let gone = ParseCache::renew(Some(Last::Bytes(stored)), files, None);
        let smaller = written(gone).expect("an entry to drop");
        assert_eq!(ParseCache::read(Some(Last::Bytes(smaller)), files).get::<Vec<String>>(&meeting), None);
    }

    #[test]
    fn a_cache_of_another_context_is_not_held() {
        let (agency, meeting, stored) = one_entry();
        assert!(
            ParseCache::renew(Some(Last::Bytes(stored.clone())), std::slice::from_ref(&agency), None).last.is_some()
        );
        let changed = file("agency.yaml", "b", FileKind::Yaml(YamlKind::Agency));
        let other = ParseCache::renew(Some(Last::Bytes(stored)), &[changed], None);
        assert!(other.last.is_none(), "its file is let go");
        assert_eq!(other.get::<Vec<String>>(&meeting), None);
    }

    #[test]
    fn the_file_is_what_encoding_the_whole_cache_at_once_gives() {
        let agency = file("agency.yaml", "a", FileKind::Yaml(YamlKind::Agency));
        let files = std::slice::from_ref(&agency);
        let meetings: Vec<InputFile> = (0..50)
            .map(|n| file(&format!("don-vi/{n}.yaml"), &format!("place: {n}"), FileKind::Yaml(YamlKind::UnitReview)))
            .collect();
        // The first build's entries wait in a file, the second's in memory.
        let spill_in = tempfile::tempdir().unwrap();
        let mut first = ParseCache::renew(None, files, Some(spill_in.path()));
        assert!(matches!(first.spill.as_ref().map(|spill| &spill.sink), Some(Sink::File(_))));
        for (n, meeting) in meetings.iter().enumerate() {
            first.keep(meeting, &vec![n.to_string(); n]);
        }
        let streamed = written(first).unwrap();
        // The same entries, half carried over from the last build and half new.
        let mut second = ParseCache::renew(Some(Last::Bytes(streamed.clone())), files, None);
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
        let mut read = ParseCache::read(Some(Last::Bytes(stored)), files);
        assert_eq!(read.get::<Vec<String>>(&meeting), Some(vec!["one".to_string()]));
        let other = file("don-vi/b.yaml", "place: B", FileKind::Yaml(YamlKind::UnitReview));
        read.keep(&other, &vec!["two".to_string()]);
        assert!(written(read).is_none(), "a check encodes nothing for a next build");
    }

    #[test]
    fn a_cache_file_is_read_from_disk_entry_by_entry_and_copied_into_the_next() {
        let (agency, meeting, stored) = one_entry();
        let files = std::slice::from_ref(&agency);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CACHE_NAME);
        std::fs::write(&path, &stored).unwrap();
        let mut cache = ParseCache::renew(Last::open(&path), files, Some(dir.path()));
        assert_eq!(cache.get::<Vec<String>>(&meeting), Some(vec!["one".to_string()]));
        cache.keep(&meeting, &vec!["one".to_string()]);
        let other = file("don-vi/b.yaml", "place: B", FileKind::Yaml(YamlKind::UnitReview));
        cache.keep(&other, &vec!["two".to_string()]);
        // Written over the file it reads from, as a build does: the kept entry is copied.
        crate::output::atomic::write_with(&path, |out| cache.changed().unwrap().write_to(out)).unwrap();
        let next = ParseCache::read(Last::open(&path), files);
        assert_eq!(next.get::<Vec<String>>(&meeting), Some(vec!["one".to_string()]));
        assert_eq!(next.get::<Vec<String>>(&other), Some(vec!["two".to_string()]));
        // The new entry's spill file is gone with the cache written.
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|entry| entry.file_name()).collect();
        assert_eq!(left, [CACHE_NAME]);
    }

    #[test]
    fn a_cache_cut_short_or_of_another_kind_is_set_aside() {
        let (agency, meeting, stored) = one_entry();
        let files = std::slice::from_ref(&agency);
        for len in [0, 1, 10, stored.len() - 1] {
            let cut = ParseCache::read(Some(Last::Bytes(stored[..len].to_vec())), files);
            assert!(cut.last.is_none() && cut.get::<Vec<String>>(&meeting).is_none(), "cut at {len}");
        }
        let other = ParseCache::read(Some(Last::Bytes(b"not a cache at all".to_vec())), files);
        assert!(other.last.is_none());
        // A length past the end (a file of another program) reads nothing.
        let mut absurd = stored.clone();
        let at = stored.len() - "one".len() - 3;
        absurd[at] = 0xff;
        assert!(ParseCache::read(Some(Last::Bytes(absurd)), files).get::<Vec<String>>(&meeting).is_none());
    }
}
