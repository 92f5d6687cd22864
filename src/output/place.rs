//! Where the new version of a document goes when a person edited the old one.
//!
//! A document has a chain of names: its own (`bien-ban.docx`), then `bien-ban (ban
//! moi).docx`, `bien-ban (ban moi 2).docx`… The new version goes to the first name that
//! is free: no file there, or the file we wrote there, untouched. Every name is treated
//! alike, so an edited `(ban moi)` copy is as safe as an edited original: the next new
//! version goes one name further, and nothing a person touched is ever replaced.

use std::path::{Path, PathBuf};

use super::manifest::{Documents, Entry};

/// The `rank`-th name of the document at `rel`: 0 its own, 1 `… (ban moi).ext`,
/// n `… (ban moi n).ext`.
pub fn name(rel: &Path, rank: usize) -> PathBuf {
    if rank == 0 {
        return rel.to_path_buf();
    }
    let stem = rel.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mark = if rank == 1 { "ban moi".to_string() } else { format!("ban moi {rank}") };
    let name = match rel.extension() {
        Some(ext) => format!("{stem} ({mark}).{}", ext.to_string_lossy()),
        None => format!("{stem} ({mark})"),
    };
    rel.with_file_name(name)
}

/// The document whose `rank`-th name (rank ≥ 1) is `rel`, and that rank: the inverse of
/// [`name`], so that a new version can be listed under its document's title.
pub fn original(rel: &Path) -> Option<(PathBuf, usize)> {
    let stem = rel.file_stem()?.to_str()?;
    let (base, mark) = stem.strip_suffix(')')?.rsplit_once(" (ban moi")?;
    let rank = match mark {
        "" => 1,
        n => n.strip_prefix(' ')?.parse().ok().filter(|rank| *rank > 1)?,
    };
    let name = match rel.extension() {
        Some(ext) => format!("{base}.{}", ext.to_string_lossy()),
        None => base.to_string(),
    };
    Some((rel.with_file_name(name), rank))
}

/// May the file at `path` be replaced: is it absent, or the one `recorded` describes
/// (written by us and untouched since)?
pub fn is_free(path: &Path, recorded: Option<&Entry>) -> bool {
    !path.exists() || recorded.is_some_and(|entry| entry.matches_file(path))
}

/// Where a new version goes.
#[derive(Debug)]
pub struct Place {
    pub rank: usize,
    /// Relative to the outputs folder.
    pub rel: PathBuf,
    /// The manifest's entry for `rel` when the place was chosen: what the file there
    /// must still be when it is replaced.
    pub recorded: Option<Entry>,
    /// The hand-edited names passed over on the way, each left as it is.
    pub edited: Vec<PathBuf>,
}

/// The first free name of the document `doc` from `rank` on.
pub fn first_free(outputs: &Path, doc: &Path, from: usize, manifest: &impl Documents) -> Place {
    let mut edited = Vec::new();
    let mut rank = from;
    // Ends: only finitely many files exist, and a missing name is free.
    loop {
        let rel = name(doc, rank);
        let recorded = manifest.entry(&super::key(&rel));
        if is_free(&outputs.join(&rel), recorded) {
            return Place { rank, rel, recorded: recorded.cloned(), edited };
        }
        edited.push(rel);
        rank += 1;
    }
}

/// The `(ban moi)` copies of ours still on disk beside `doc`, which now is current under
/// its own name: the clerk should look at them and delete them.
pub fn stale(outputs: &Path, doc: &Path, manifest: &impl Documents) -> Vec<PathBuf> {
    (1..)
        .map(|rank| name(doc, rank))
        .take_while(|rel| manifest.entry(&super::key(rel)).is_some())
        .filter(|rel| outputs.join(rel).exists())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_the_chain() {
        assert_eq!(name(Path::new("a/x.docx"), 0), Path::new("a/x.docx"));
        assert_eq!(name(Path::new("a/x.docx"), 1), Path::new("a/x (ban moi).docx"));
        assert_eq!(name(Path::new("a/x.docx"), 3), Path::new("a/x (ban moi 3).docx"));
    }

    #[test]
    fn a_new_versions_name_leads_back_to_its_document() {
        for rank in 1..4 {
            assert_eq!(original(&name(Path::new("a/x.docx"), rank)), Some((PathBuf::from("a/x.docx"), rank)));
        }
        assert_eq!(original(Path::new("a/x.docx")), None);
        assert_eq!(original(Path::new("a/x (ban moi 1).docx")), None, "rank 1 has no number");
    }
}
