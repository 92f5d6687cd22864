//! The manifest's documents by path, each folder's path held once.
//!
//! A nation's manifest holds a million paths in some ninety thousand folders
//! (`phong-nghiep-vu-13553/tu-kiem-diem/02-do-kim-anh.docx`). Held as one string each, a
//! path was 88 bytes before its entry (a 24-byte string and its 56 characters on the
//! heap), read back on every rebuild and made again by every full build beside the
//! dataset. Here a path is its folder, shared with every document in it, and its file
//! name: 32 bytes and the name's two dozen characters.
//!
//! The map is ordered, searched and written exactly as a map of whole paths would be: a
//! key compares as the text its two pieces make, and the manifest's JSON is the same.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::ops::Bound;
use std::sync::Arc;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::manifest::Entry;

/// A document's path: the folder (up to and with its last `/`, empty at the top) and the
/// file's name.
#[derive(Clone)]
pub struct DocKey {
    folder: Arc<str>,
    name: Box<str>,
}

impl DocKey {
    /// The file's name, without its folder.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The document's file in `outputs`, made without the path as one text first.
    pub fn under(&self, outputs: &std::path::Path) -> std::path::PathBuf {
        let mut path =
            std::path::PathBuf::with_capacity(outputs.as_os_str().len() + self.folder.len() + self.name.len() + 1);
        path.push(outputs);
        path.push(&*self.folder);
        path.push(&*self.name);
        path
    }

    /// The path as one text, as the manifest writes it.
    pub fn path(&self) -> String {
        [&*self.folder, &*self.name].concat()
    }
}

impl fmt::Display for DocKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.folder)?;
        f.write_str(&self.name)
    }
}

impl fmt::Debug for DocKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.path(), f)
    }
}

/// A path in pieces, compared as the text they make: how the map is searched with a
/// key it holds or with a path given whole, the two ordered alike.
pub trait Pieces {
    fn pieces(&self) -> [&str; 2];
}

impl Pieces for DocKey {
    fn pieces(&self) -> [&str; 2] {
        [&self.folder, &self.name]
    }
}

/// A path given whole, to search the map with.
struct Whole<'a>(&'a str);

impl Pieces for Whole<'_> {
    fn pieces(&self) -> [&str; 2] {
        [self.0, ""]
    }
}

impl<'a> Borrow<dyn Pieces + 'a> for DocKey {
    fn borrow(&self) -> &(dyn Pieces + 'a) {
        self
    }
}

impl PartialEq for dyn Pieces + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for dyn Pieces + '_ {}

impl PartialOrd for dyn Pieces + '_ {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for dyn Pieces + '_ {
    fn cmp(&self, other: &Self) -> Ordering {
        crate::text::cmp_joined(self.pieces(), other.pieces())
    }
}

impl PartialEq for DocKey {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for DocKey {}

impl PartialOrd for DocKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DocKey {
    fn cmp(&self, other: &Self) -> Ordering {
        // Two documents of one folder (most comparisons): their names decide.
        if Arc::ptr_eq(&self.folder, &other.folder) {
            return self.name.cmp(&other.name);
        }
        crate::text::cmp_joined(self.pieces(), other.pieces())
    }
}

/// The documents' entries by path, in the paths' byte order.
#[derive(Clone, Default)]
pub struct DocumentMap {
    map: BTreeMap<DocKey, Entry>,
    /// Every folder held, each once.
    folders: HashSet<Arc<str>>,
    /// The folder of the last path inserted: paths mostly come a folder at a time (a
    /// manifest read back is in order, a build writes a unit's documents together).
    last: Option<Arc<str>>,
}

impl DocumentMap {
    pub fn new() -> DocumentMap {
        DocumentMap::default()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn get(&self, path: &str) -> Option<&Entry> {
        self.map.get(&Whole(path) as &dyn Pieces)
    }

    pub fn get_mut(&mut self, path: &str) -> Option<&mut Entry> {
        self.map.get_mut(&Whole(path) as &dyn Pieces)
    }

    pub fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// Records `entry` at `path`, in place of any entry there.
    pub fn insert(&mut self, path: &str, entry: Entry) {
        let key = self.key(path);
        self.map.insert(key, entry);
    }

    /// `path` in pieces, its folder the one held if any.
    fn key(&mut self, path: &str) -> DocKey {
        let cut = path.rfind('/').map_or(0, |slash| slash + 1);
        let (folder, name) = path.split_at(cut);
        DocKey { folder: self.folder(folder), name: name.into() }
    }

    /// `folder` as held: the last path's if it is the same, else from the set.
    fn folder(&mut self, folder: &str) -> Arc<str> {
        let held = match &self.last {
            Some(last) if **last == *folder => last.clone(),
            _ => self.held(folder),
        };
        self.last = Some(held.clone());
        held
    }

    /// The folder held as `folder`, held from now on if it was not.
    fn held(&mut self, folder: &str) -> Arc<str> {
        if let Some(held) = self.folders.get(folder) {
            return held.clone();
        }
        let held: Arc<str> = folder.into();
        self.folders.insert(held.clone());
        held
    }

    pub fn keys(&self) -> impl Iterator<Item = &DocKey> {
        self.map.keys()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&DocKey, &Entry)> {
        self.map.iter()
    }

    /// The entries from `path` on, in order.
    pub fn from_path(&self, path: &str) -> std::collections::btree_map::Range<'_, DocKey, Entry> {
        let from = Whole(path);
        self.map.range::<dyn Pieces, _>((Bound::Included(&from as &dyn Pieces), Bound::Unbounded))
    }

    /// Adds `other`'s entries, each in place of any at its path.
    pub fn extend(&mut self, other: DocumentMap) {
        for (key, entry) in other.map {
            // Its folder taken from this map's, its name as it is: not joined and cut again.
            let key = DocKey { folder: self.folder(&key.folder), name: key.name };
            self.map.insert(key, entry);
        }
    }

    /// The same map with its nodes full ([`super::manifest::packed`]).
    pub fn packed(self) -> DocumentMap {
        DocumentMap { map: super::manifest::packed(self.map), ..self }
    }
}

impl fmt::Debug for DocumentMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.map.iter()).finish()
    }
}

impl std::ops::Index<&str> for DocumentMap {
    type Output = Entry;

    fn index(&self, path: &str) -> &Entry {
        self.get(path).unwrap_or_else(|| panic!("no document at {path}"))
    }
}

impl<'a> FromIterator<(&'a str, Entry)> for DocumentMap {
    fn from_iter<I: IntoIterator<Item = (&'a str, Entry)>>(entries: I) -> DocumentMap {
        let mut map = DocumentMap::new();
        for (path, entry) in entries {
            map.insert(path, entry);
        }
        map
    }
}

impl Serialize for DocumentMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// A key written as the text of its path.
        struct Path<'a>(&'a DocKey);
        impl Serialize for Path<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self.0)
            }
        }
        serializer.collect_map(self.map.iter().map(|(key, entry)| (Path(key), entry)))
    }
}

impl<'de> Deserialize<'de> for DocumentMap {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DocumentMap, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = DocumentMap;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of document paths to entries")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<DocumentMap, A::Error> {
                let mut map = DocumentMap::new();
                while let Some((path, entry)) = entries.next_entry::<std::borrow::Cow<'de, str>, Entry>()? {
                    map.insert(&path, entry);
                }
                Ok(map)
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

#[cfg(test)]
mod tests {
    use super::super::digest::Digest;
    use super::*;

    fn entry(source: &str) -> Entry {
        Entry { source: Digest::of(source.as_bytes()), bytes: Digest::of(b"b"), len: 1, modified: 1 }
    }

    /// Paths whose order a split at the last `/` could get wrong: a folder and one in
    /// it, names before and after the inner folder's, a `-` that sorts before `/`, a
    /// path with no folder.
    const PATHS: [&str; 9] = [
        "don-vi/bien-ban.docx",
        "don-vi/tu-kiem-diem/01-an.docx",
        "don-vi/tu-kiem-diem/02-binh.docx",
        "don-vi/z.docx",
        "don-vi-2/a.docx",
        "don-vi/tu-kiem-diem-cu/01.docx",
        "tong-quan.html",
        "a.docx",
        "don-vi/tu-kiem-diem.docx",
    ];

    #[test]
    fn keys_in_pieces_keep_the_order_and_lookups_of_whole_paths() {
        let map: DocumentMap = PATHS.iter().map(|path| (*path, entry(path))).collect();
        let mut whole: Vec<&str> = PATHS.to_vec();
        whole.sort_unstable();
        let held: Vec<String> = map.keys().map(DocKey::path).collect();
        assert_eq!(held, whole);
        for path in PATHS {
            assert_eq!(map.get(path), Some(&entry(path)), "{path}");
        }
        assert_eq!(map.get("don-vi/"), None);
        assert_eq!(map.get("don-vi/tu-kiem-diem"), None);
        assert_eq!(map.len(), PATHS.len());
        // From a path on, as a map of whole paths ranges.
        let from: Vec<String> = map.from_path("don-vi/tu-kiem-diem/02-binh.docx").map(|(k, _)| k.path()).collect();
        let expected: Vec<&str> =
            whole.iter().copied().filter(|path| *path >= "don-vi/tu-kiem-diem/02-binh.docx").collect();
        assert_eq!(from, expected);
        assert_eq!(map.from_path("zzz").count(), 0);
        // A key's file, made from its pieces.
        let out = std::path::Path::new("out");
        for key in map.keys() {
            assert_eq!(key.under(out), out.join(key.path()), "{key}");
        }
    }

    #[test]
    fn a_folder_is_held_once_and_the_json_is_that_of_whole_paths() {
        let mut map: DocumentMap = PATHS.iter().map(|path| (*path, entry(path))).collect();
        map.insert("don-vi/bien-ban.docx", entry("again"));
        assert_eq!(map["don-vi/bien-ban.docx"], entry("again"));
        assert_eq!(map.folders.len(), 5, "{:?}", map.folders);
        let whole: BTreeMap<String, Entry> = map.iter().map(|(k, e)| (k.path(), e.clone())).collect();
        let json = serde_json::to_string(&map).unwrap();
        assert_eq!(json, serde_json::to_string(&whole).unwrap());
        let back: DocumentMap = serde_json::from_str(&json).unwrap();
        assert_eq!(back.iter().map(|(k, e)| (k.path(), e.clone())).collect::<BTreeMap<_, _>>(), whole);
    }

    #[test]
    fn extended_by_another_map_each_path_takes_the_newer_entry() {
        let mut map: DocumentMap = PATHS.iter().map(|path| (*path, entry("old"))).collect();
        let newer: DocumentMap = [("don-vi/z.docx", entry("new")), ("moi/a.docx", entry("new"))].into_iter().collect();
        map.extend(newer);
        assert_eq!(map["don-vi/z.docx"], entry("new"));
        assert_eq!(map["moi/a.docx"], entry("new"));
        assert_eq!(map["a.docx"], entry("old"));
        assert_eq!(map.len(), PATHS.len() + 1);
        let packed = map.clone().packed();
        assert_eq!(
            packed.keys().map(DocKey::path).collect::<Vec<_>>(),
            map.keys().map(DocKey::path).collect::<Vec<_>>()
        );
    }
}
