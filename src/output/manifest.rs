//! The manifest: for each document written, the hash of what it was built from and of
//! the bytes written. It is how a build knows what changed and what a person edited.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::digest::Digest;
use super::document_map::{DocKey, DocumentMap};

pub const MANIFEST_NAME: &str = ".xeploai-manifest.json";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Hash of the template, the data and the version the document was built from.
    pub source: Digest,
    /// Hash of the bytes written.
    pub bytes: Digest,
    /// Size and modification time (ns since 1970) of the file as written: when both
    /// still match, the file is known untouched without reading it (as git's index does).
    #[serde(default)]
    pub len: u64,
    #[serde(default)]
    pub modified: u64,
}

/// The manifest read ahead, beside the inputs, before the outputs folder is held (34 MB
/// of JSON at 100,000 people, a tenth of a second off every rebuild's path). Whoever
/// holds the folder then takes it only if the file is still the one read: its size and
/// time were taken before it was read, and are compared again. Where the file system
/// keeps whole seconds only (a USB stick's FAT keeps 2 s), a build finishing in the same
/// second could leave a manifest of the same size and time: there a manifest saved less
/// than [`SETTLED`] before it was read is read again instead.
pub struct ReadAhead {
    stamp: Option<(u64, u64)>,
    read_at: u64,
    manifest: Manifest,
}

/// How old the manifest must be for its size and time to tell it apart from any later one.
const SETTLED: std::time::Duration = std::time::Duration::from_secs(5);

impl ReadAhead {
    pub fn read(outputs: &Path) -> ReadAhead {
        let read_at = nanos_since_epoch(std::time::SystemTime::now()).unwrap_or(0);
        let stamp = stamp(&outputs.join(MANIFEST_NAME));
        ReadAhead { stamp, read_at, manifest: Manifest::load(outputs) }
    }

    /// The manifest of `outputs` now: the one read ahead if the file is unchanged since
    /// and was settled when read.
    pub fn take(self, outputs: &Path) -> Manifest {
        let settled = self.stamp.is_some_and(|(_, modified)| {
            let whole_seconds = modified % 1_000_000_000 == 0;
            !whole_seconds || modified.saturating_add(SETTLED.as_nanos() as u64) < self.read_at
        });
        match settled && self.stamp == stamp(&outputs.join(MANIFEST_NAME)) {
            true => self.manifest,
            false => Manifest::load(outputs),
        }
    }
}

fn nanos_since_epoch(time: std::time::SystemTime) -> Option<u64> {
    u64::try_from(time.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos()).ok()
}

/// (size, modification time in ns) of a file, if it can be read.
pub fn stamp(path: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), nanos_since_epoch(meta.modified().ok()?)?))
}

impl Entry {
    /// The entry of a document built from `source`, whose bytes hash to `digest`, as
    /// written at `path`.
    pub fn new(source: Digest, digest: Digest, path: &Path) -> Entry {
        let (len, modified) = stamp(path).unwrap_or_default();
        Entry { source, bytes: digest, len, modified }
    }

    /// Is the file at `path` still the one written? By its size and time when they
    /// match, by its hash otherwise.
    pub fn matches_file(&self, path: &Path) -> bool {
        self.check(path) != Check::Changed
    }

    /// The file at `path` against this entry: its stamp first, its bytes when the
    /// stamp differs. The stamp is taken before the bytes are read, so a file saved in
    /// between has a newer time than the one returned, and is read again next time.
    pub fn check(&self, path: &Path) -> Check {
        let now = stamp(path);
        if self.modified != 0 && now == Some((self.len, self.modified)) {
            return Check::Untouched;
        }
        match (now, std::fs::read(path)) {
            (Some((len, modified)), Ok(bytes)) if Digest::of(&bytes) == self.bytes => {
                Check::Restamped { len, modified }
            }
            _ => Check::Changed,
        }
    }
}

/// What a document on disk is, against its entry in the manifest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Its size and time are those recorded.
    Untouched,
    /// The bytes written, under another size or time: the outputs folder was copied or
    /// restored. The stamp to record, so that the next build need not read it again.
    Restamped { len: u64, modified: u64 },
    /// Edited, replaced or gone.
    Changed,
}

/// The stamps of documents found by their bytes ([`Check::Restamped`]), gathered
/// while a build looks at them (in parallel) and recorded in the manifest after. A
/// copied outputs folder otherwise had every later build read and hash every document:
/// 1.6 GB at 100,000 people.
#[derive(Debug, Default)]
pub struct Restamps(std::sync::Mutex<Vec<(String, Entry)>>);

impl Restamps {
    /// Is the file at `path` the one `entry` (the manifest's at `key`) was written as?
    /// A new stamp is kept for [`Restamps::record`].
    pub fn matches(&self, key: &dyn std::fmt::Display, entry: &Entry, path: &Path) -> bool {
        match entry.check(path) {
            Check::Untouched => true,
            Check::Restamped { len, modified } => {
                let restamped = Entry { len, modified, ..entry.clone() };
                self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push((key.to_string(), restamped));
                true
            }
            Check::Changed => false,
        }
    }

    /// Records the new stamps in `manifest`, except where this build wrote the
    /// document since (its entry is new). Returns how many were recorded.
    pub fn record(self, manifest: &mut Manifest) -> usize {
        let restamped = self.0.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut recorded = 0;
        for (key, entry) in restamped {
            if let Some(current) = manifest.documents.get_mut(&key)
                && current.bytes == entry.bytes
                && current.source == entry.source
            {
                *current = entry;
                recorded += 1;
            }
        }
        recorded
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    /// Keyed by the path relative to the outputs folder, with forward slashes.
    pub documents: DocumentMap,
    /// What the last complete build was made from (program, day, templates, inputs,
    /// findings), by hash: the same again, with every document untouched, is a build
    /// with nothing to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub built_from: Option<String>,
    /// What each unit folder's documents were last built from (`render::unit_key`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub units: BTreeMap<String, String>,
}

/// The documents' entries as a writer reads and records them: the manifest itself, or a
/// build's [`Changes`] over the manifest its planning still reads.
pub trait Documents {
    fn entry(&self, key: &str) -> Option<&Entry>;
    fn record(&mut self, key: String, entry: Entry);
    /// Is any entry a new version put beside a hand edit (`… (ban moi).docx`)?
    fn names_a_copy(&self) -> bool;
}

/// Does any of `keys` name a new version put beside a hand edit? Its file's name says so.
fn any_copy<'k>(mut keys: impl Iterator<Item = &'k DocKey>) -> bool {
    keys.any(|key| super::place::original(Path::new(key.name())).is_some())
}

impl Documents for Manifest {
    fn entry(&self, key: &str) -> Option<&Entry> {
        self.documents.get(key)
    }

    fn names_a_copy(&self) -> bool {
        any_copy(self.documents.keys())
    }

    fn record(&mut self, key: String, entry: Entry) {
        self.documents.insert(&key, entry);
    }
}

/// What a build writes, recorded over the manifest as it was, which the planning reads
/// meanwhile to know which documents are current; added to it once the planning is
/// done ([`Changes::into_changed`]). The planning used to read a copy of the whole
/// manifest instead: 35 MB at 100,000 people, 350 MB at a million.
pub struct Changes<'a> {
    before: &'a Manifest,
    changed: DocumentMap,
    /// How many entries `changed` holds when it is next [`packed`].
    pack_at: usize,
}

/// Changes are first packed at this many entries, then each time they grow by a
/// [`PACK_GROWTH`]-th (a quarter): recorded in the order they are written, which is
/// mostly the keys' order, they leave the B-tree's nodes about half full, and a
/// nation's build holds a million of them until its overview page. Each packing is a
/// pass over what is held: five passes over the whole in all.
const FIRST_PACK: usize = 4096;
const PACK_GROWTH: usize = 4;

impl<'a> Changes<'a> {
    pub fn over(before: &'a Manifest) -> Changes<'a> {
        Changes { before, changed: DocumentMap::new(), pack_at: FIRST_PACK }
    }

    /// The entries recorded, for [`Manifest::documents`].
    pub fn into_changed(self) -> DocumentMap {
        self.changed
    }
}

impl Documents for Changes<'_> {
    fn entry(&self, key: &str) -> Option<&Entry> {
        self.changed.get(key).or_else(|| self.before.documents.get(key))
    }

    fn names_a_copy(&self) -> bool {
        self.before.names_a_copy() || any_copy(self.changed.keys())
    }

    fn record(&mut self, key: String, entry: Entry) {
        self.changed.insert(&key, entry);
        if self.changed.len() >= self.pack_at {
            self.changed = std::mem::take(&mut self.changed).packed();
            self.pack_at = self.changed.len() + self.changed.len() / PACK_GROWTH;
        }
    }
}

impl Manifest {
    /// The manifest of `outputs`, or an empty one if there is none or it cannot be read
    /// (then every existing file counts as a person's and is never overwritten).
    pub fn load(outputs: &Path) -> Manifest {
        // Parsed as it is read: a million documents' manifest is 340 MB of JSON, which
        // read whole first stood beside the manifest it became, for no faster a parse
        // (the map of entries is what takes the time).
        let read: Option<Manifest> = std::fs::File::open(outputs.join(MANIFEST_NAME))
            .ok()
            .and_then(|file| serde_json::from_reader(std::io::BufReader::with_capacity(256 * 1024, file)).ok());
        match read {
            Some(manifest) => Manifest { documents: manifest.documents.packed(), ..manifest },
            None => Manifest { version: 1, ..Manifest::default() },
        }
    }

    /// Is every document recorded here on disk as it was written? Checked in parallel:
    /// a province has a hundred thousand documents, and this is all a build with
    /// nothing to do looks at.
    /// Those found by their bytes under a new stamp go to `restamps`.
    pub fn untouched(&self, outputs: &Path, restamps: &Restamps) -> bool {
        use rayon::prelude::*;
        let entries: Vec<(&DocKey, &Entry)> = self.documents.iter().collect();
        entries.par_iter().all(|(rel, entry)| restamps.matches(rel, entry, &rel.under(outputs)))
    }

    /// The manifest as JSON onto `out`, as it is made: a province's is tens of MB.
    pub fn write_to(&self, out: impl std::io::Write) -> std::io::Result<()> {
        let mut out = std::io::BufWriter::with_capacity(256 * 1024, out);
        serde_json::to_writer_pretty(&mut out, self)?;
        std::io::Write::flush(&mut out)
    }
}

/// `map` with its nodes full. A B-tree filled in key order (a manifest read back) keeps
/// its nodes about half full, one filled in no order (a build's changes) two thirds;
/// merged into a new one, they are packed, node by node as the old ones are let go of.
/// A million documents' entries: 117 MB less read back, 54 MB less once built.
pub fn packed<K: Ord, V>(mut map: BTreeMap<K, V>) -> BTreeMap<K, V> {
    // `append` into an empty map only swaps the two.
    let Some(first) = map.pop_first() else { return map };
    let mut packed = BTreeMap::from([first]);
    packed.append(&mut map);
    packed
}

/// The hash of `bytes` in hex, for what hashes it again with other parts.
pub fn hash(bytes: &[u8]) -> String {
    Digest::of(bytes).to_string()
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

/// Adds `value` to `hasher` in postcard's binary form: no escaping and no number
/// formatting, for what is hashed on every rebuild whatever changed (each unit's share
/// of the dataset, 8,334 units at 100,000 people). Two values of one type give the same
/// bytes only if they are equal, as long as the type skips no field conditionally
/// (`skip_serializing_if`): the model and the rules' facts skip none. A value postcard
/// cannot write (a sequence of unknown length) is fed again as JSON after what was
/// fed, so that the hash still covers all of it.
pub fn feed_binary(hasher: &mut blake3::Hasher, value: &impl Serialize) {
    use std::io::Write as _;
    let mut buffered = std::io::BufWriter::with_capacity(16 * 1024, &mut *hasher);
    let written = postcard::to_io(value, &mut buffered).is_ok();
    let _ = buffered.flush();
    drop(buffered);
    if !written {
        feed_json(hasher, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A manifest with one document, whose source says which build wrote it.
    fn save(outputs: &Path, source: &str, modified: std::time::SystemTime) {
        let entry = Entry { source: by(source), bytes: by("b"), len: 1, modified: 1 };
        let manifest =
            Manifest { version: 1, documents: [("a.docx", entry)].into_iter().collect(), ..Manifest::default() };
        let path = outputs.join(MANIFEST_NAME);
        manifest.write_to(std::fs::File::create(&path).unwrap()).unwrap();
        std::fs::File::options().write(true).open(&path).unwrap().set_modified(modified).unwrap();
    }

    fn source(manifest: &Manifest) -> Digest {
        manifest.documents["a.docx"].source
    }

    /// The digest a test names by what it stands for.
    fn by(name: &str) -> Digest {
        Digest::of(name.as_bytes())
    }

    #[test]
    fn a_manifest_read_ahead_is_taken_only_while_it_is_the_file_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        // A time to the nanosecond, as ext4 and NTFS keep it.
        let long_ago = std::time::SystemTime::now() - std::time::Duration::new(3600, 123_456_789);
        save(dir.path(), "first", long_ago);
        let ahead = ReadAhead::read(dir.path());
        // Another build saves its manifest in between: same size, another time.
        save(dir.path(), "other", std::time::SystemTime::now());
        assert_eq!(source(&ahead.take(dir.path())), by("other"));

        // Unchanged since: the one read ahead (the file is changed behind the same size
        // and time to tell the two apart).
        save(dir.path(), "first", long_ago);
        let ahead = ReadAhead::read(dir.path());
        save(dir.path(), "third", long_ago);
        assert_eq!(source(&ahead.take(dir.path())), by("first"));
    }

    #[test]
    fn where_times_are_whole_seconds_a_manifest_just_saved_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        // As on a FAT stick: whole seconds, and another build's manifest saved within
        // the same one, the same size.
        let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
        let now = std::time::UNIX_EPOCH + std::time::Duration::from_secs(seconds);
        save(dir.path(), "first", now);
        let ahead = ReadAhead::read(dir.path());
        save(dir.path(), "other", now);
        assert_eq!(source(&ahead.take(dir.path())), by("other"));
        // Settled long before it was read, it is taken.
        let long_ago = now - std::time::Duration::from_secs(3600);
        save(dir.path(), "first", long_ago);
        let ahead = ReadAhead::read(dir.path());
        save(dir.path(), "third", long_ago);
        assert_eq!(source(&ahead.take(dir.path())), by("first"));
    }

    /// A sequence that does not say its length, which postcard cannot write.
    struct Unsized(Vec<u32>);

    impl Serialize for Unsized {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.0.iter().filter(|_| true))
        }
    }

    fn binary_hash(value: &impl Serialize) -> blake3::Hash {
        let mut hasher = blake3::Hasher::new();
        feed_binary(&mut hasher, value);
        hasher.finalize()
    }

    #[test]
    fn values_hashed_in_binary_differ_where_they_differ() {
        #[derive(Serialize)]
        struct Unit<'a> {
            place: Option<&'a str>,
            note: Option<&'a str>,
            counts: Vec<f64>,
        }
        let unit = Unit { place: Some("Phòng họp 1"), note: None, counts: vec![1.0, 2.5] };
        assert_eq!(binary_hash(&unit), binary_hash(&Unit { counts: vec![1.0, 2.5], ..unit }));
        let others = [
            Unit { place: None, note: Some("Phòng họp 1"), counts: vec![1.0, 2.5] },
            Unit { place: Some("Phòng họp 2"), note: None, counts: vec![1.0, 2.5] },
            Unit { place: Some("Phòng họp 1"), note: None, counts: vec![1.0, 2.5, 0.0] },
            Unit { place: Some("Phòng họp 1"), note: None, counts: vec![2.5, 1.0] },
        ];
        for other in &others {
            assert_ne!(binary_hash(&unit), binary_hash(other));
        }
        // What postcard cannot write is still hashed whole, as JSON after it.
        assert!(postcard::to_allocvec(&Unsized(vec![1])).is_err(), "the case the fallback is for");
        assert_ne!(binary_hash(&Unsized(vec![1, 2])), binary_hash(&Unsized(vec![1, 3])));
        assert_eq!(binary_hash(&Unsized(vec![1, 2])), binary_hash(&Unsized(vec![1, 2])));
    }

    #[test]
    fn a_packed_map_holds_the_same_entries() {
        let map: BTreeMap<u32, u32> = (0..10_000).map(|k| (k, k * 2)).collect();
        assert_eq!(packed(map.clone()), map);
        assert_eq!(packed(BTreeMap::<u32, u32>::new()), BTreeMap::new());
        assert_eq!(packed(BTreeMap::from([(1, 1)])), BTreeMap::from([(1, 1)]));
    }

    #[test]
    fn a_copy_beside_a_hand_edit_is_named_by_the_manifest_or_its_changes() {
        let entry = Entry { source: by("s"), bytes: by("b"), len: 1, modified: 1 };
        let mut before = Manifest::default();
        before.documents.insert("a/x.docx", entry.clone());
        before.documents.insert("a/x (ban) moi.docx", entry.clone());
        assert!(!before.names_a_copy());
        let mut changes = Changes::over(&before);
        assert!(!changes.names_a_copy());
        changes.record("a/x (ban moi 2).docx".into(), entry.clone());
        assert!(changes.names_a_copy());
        before.documents.insert("a/x (ban moi).docx", entry);
        assert!(before.names_a_copy());
    }

    #[test]
    fn changes_are_read_over_the_manifest_and_leave_it_as_it_was() {
        let entry = |source: &str| Entry { source: by(source), bytes: by("b"), len: 1, modified: 1 };
        let mut before = Manifest::default();
        before.documents.insert("a.docx", entry("old"));
        before.documents.insert("b.docx", entry("kept"));
        let mut changes = Changes::over(&before);
        changes.record("a.docx".into(), entry("new"));
        changes.record("a (ban moi).docx".into(), entry("beside"));
        assert_eq!(changes.entry("a.docx").map(|e| e.source), Some(by("new")));
        assert_eq!(changes.entry("b.docx").map(|e| e.source), Some(by("kept")));
        assert_eq!(changes.entry("a (ban moi).docx").map(|e| e.source), Some(by("beside")));
        assert_eq!(changes.entry("c.docx"), None);
        // Packed as they grow: every entry is still found, the last one's too.
        let key = |n: usize| format!("don-vi/{n:06}.docx");
        for n in 0..3 * FIRST_PACK {
            changes.record(key(n), entry(&key(n)));
        }
        assert!(changes.pack_at > 3 * FIRST_PACK, "packed more than once: next at {}", changes.pack_at);
        assert!((0..3 * FIRST_PACK).all(|n| changes.entry(&key(n)).map(|e| e.source) == Some(by(&key(n)))));
        assert_eq!(changes.entry("a.docx").map(|e| e.source), Some(by("new")));
        let changed = changes.into_changed();
        assert_eq!(before.documents["a.docx"].source, by("old"), "the planning's manifest is untouched");
        assert_eq!(changed.len(), 2 + 3 * FIRST_PACK);
        assert_eq!(changed.keys().take(2).map(DocKey::path).collect::<Vec<_>>(), ["a (ban moi).docx", "a.docx"]);
    }
}
