//! The hash the manifest records twice for every document: what it was built from, and
//! the bytes written. Kept as its 32 bytes rather than as its 64 hex digits in a string:
//! a province's manifest holds a hundred thousand pairs, a nation's a million (112 bytes
//! a document, about 125 MB at a million). The manifest's file still writes it in hex,
//! as before, so a manifest written by an earlier build reads the same.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Digest([u8; 32]);

impl Digest {
    /// The hash of `bytes`.
    pub fn of(bytes: &[u8]) -> Digest {
        blake3::hash(bytes).into()
    }

    /// The digest written as `hex`, if it is one.
    pub fn from_hex(hex: &str) -> Option<Digest> {
        blake3::Hash::from_hex(hex).ok().map(Digest::from)
    }
}

impl From<blake3::Hash> for Digest {
    fn from(hash: blake3::Hash) -> Digest {
        Digest(*hash.as_bytes())
    }
}

impl std::fmt::Display for Digest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&blake3::Hash::from_bytes(self.0).to_hex())
    }
}

impl std::fmt::Debug for Digest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl Serialize for Digest {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Digest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Digest, D::Error> {
        deserializer.deserialize_str(Hex)
    }
}

/// Reads the hex in place: no string made for each of a manifest's two million hashes.
struct Hex;

impl serde::de::Visitor<'_> for Hex {
    type Value = Digest;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a hash in 64 hex digits")
    }

    /// A hash that is not one (a manifest edited by hand) stands for a document of
    /// unknown make: it is read as the hash of its own text, which no document's bytes or
    /// sources give, so that document is taken as edited and kept, and the rest of the
    /// manifest still counts (refused, it would lose every document's record).
    fn visit_str<E: serde::de::Error>(self, hex: &str) -> Result<Digest, E> {
        Ok(Digest::from_hex(hex).unwrap_or_else(|| Digest::of(hex.as_bytes())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digest_is_written_and_read_as_the_hex_the_manifest_always_held() {
        let digest = Digest::of(b"tai lieu");
        let hex = blake3::hash(b"tai lieu").to_hex().to_string();
        assert_eq!(digest.to_string(), hex);
        assert_eq!(serde_json::to_string(&digest).unwrap(), format!("\"{hex}\""));
        assert_eq!(serde_json::from_str::<Digest>(&format!("\"{hex}\"")).unwrap(), digest);
        let unreadable = serde_json::from_str::<Digest>("\"s1\"").unwrap();
        assert_ne!(unreadable, digest, "a hash that is not one matches no document");
        assert!(serde_json::from_str::<Digest>("12").is_err(), "a hash is text");
        assert_ne!(Digest::of(b"a"), Digest::of(b"b"));
    }
}
