//! Reading the summaries to add up: every file checked before any number is added, so a
//! roll-up is either whole or refused with the file (and line) to fix.

use std::path::{Path, PathBuf};

use super::{FILE, FORMAT, RollUp};
use crate::source::Source;

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("không đọc được “{0}”: {1}")]
    Io(String, std::io::Error),
    #[error("{0}: không phải tệp JSON hợp lệ ({1})")]
    Syntax(Source, String),
    #[error("{0}: không phải tệp tổng hợp của xeploai (cần \"format\": \"{FORMAT}\", tệp ghi “{1}”)")]
    Format(Source, String),
    #[error("{0}: số liệu năm {1}, khác năm {2} của “{3}”; chỉ cộng được các tệp cùng một năm")]
    Year(Source, i32, i32, String),
    #[error("{0}: các mức xếp loại ({1}) khác với của “{2}” ({3})")]
    Levels(Source, String, String, String),
    #[error("{0}: hàng “{1}” có {2} số, cần {3} (một số cho mỗi mức xếp loại)")]
    Row(Source, String, usize, usize),
    #[error("“{0}” và “{1}” là số liệu của cùng một cơ quan (“{2}”): cộng cả hai sẽ tính trùng")]
    Twice(String, String, String),
    #[error("không tìm thấy tệp {FILE} nào trong: {0}")]
    Nothing(String),
}

/// One summary file.
pub fn read(path: &Path) -> Result<RollUp, ReadError> {
    let shown = crate::source::display_path(path);
    let text = std::fs::read_to_string(path).map_err(|err| ReadError::Io(shown.clone(), err))?;
    let at = |line: usize, column: usize| Source::line(path, line as u32, column as u32);
    // The format first, so that another JSON file is named for what it is, not for the
    // first field it lacks.
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|err| ReadError::Syntax(at(err.line(), err.column()), err.to_string()))?;
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or_default();
    if format != FORMAT {
        return Err(ReadError::Format(Source::file(path), format.to_string()));
    }
    let summary: RollUp =
        serde_json::from_str(&text).map_err(|err| ReadError::Syntax(at(err.line(), err.column()), err.to_string()))?;
    if let Some(row) = summary.rows.iter().find(|row| row.counts.len() != summary.levels.len()) {
        return Err(ReadError::Row(Source::file(path), row.id.clone(), row.counts.len(), summary.levels.len()));
    }
    Ok(summary)
}

/// Every summary under `paths` (a file, or a folder searched for `tong-hop.json` at any
/// depth), in the order given and by name inside a folder; all of one year and one set
/// of levels, and no agency twice. `skip` is the file the roll-up will be written to: a
/// roll-up written into the folder it adds up is not added into the next one.
pub fn read_all(paths: &[PathBuf], skip: Option<&Path>) -> Result<Vec<(PathBuf, RollUp)>, ReadError> {
    let skip = skip.and_then(|path| path.canonicalize().ok());
    let files: Vec<PathBuf> =
        files(paths).into_iter().filter(|file| skip.is_none() || file.canonicalize().ok() != skip).collect();
    if files.is_empty() {
        let given: Vec<String> = paths.iter().map(|p| crate::source::display_path(p)).collect();
        return Err(ReadError::Nothing(given.join(", ")));
    }
    let mut read_so_far: Vec<(PathBuf, RollUp)> = Vec::with_capacity(files.len());
    for file in files {
        let summary = read(&file)?;
        if let Some((first_file, first)) = read_so_far.first() {
            let first_shown = crate::source::display_path(first_file);
            if summary.year != first.year {
                return Err(ReadError::Year(Source::file(&file), summary.year, first.year, first_shown));
            }
            if summary.levels != first.levels {
                let (these, those) = (summary.levels.join(", "), first.levels.join(", "));
                return Err(ReadError::Levels(Source::file(&file), these, first_shown, those));
            }
        }
        for (other_file, other) in &read_so_far {
            if let Some(agency) = in_both(&summary, other) {
                let (this, other) = (crate::source::display_path(&file), crate::source::display_path(other_file));
                return Err(ReadError::Twice(other, this, agency.to_string()));
            }
        }
        read_so_far.push((file, summary));
    }
    Ok(read_so_far)
}

/// An agency whose figures are in both `a` and `b`: as themselves or as one of their
/// parts (a province's roll-up given beside one of its own districts).
fn in_both<'a>(a: &'a RollUp, b: &RollUp) -> Option<&'a str> {
    agencies(a).find(|mine| agencies(b).any(|theirs| theirs == *mine)).map(|(agency, _)| agency)
}

/// The agencies whose figures `summary` holds, each as (name, parent).
fn agencies(summary: &RollUp) -> impl Iterator<Item = (&str, &str)> {
    let parts = summary.parts.iter().map(|part| (part.agency.as_str(), part.parent.as_str()));
    std::iter::once((summary.agency.as_str(), summary.parent.as_str())).chain(parts)
}

/// The files `paths` name: each file as given, each folder's `tong-hop.json` files.
fn files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        // Not into `.history/` and other hidden folders: earlier versions are not figures.
        let visible =
            |entry: &walkdir::DirEntry| entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.');
        let found = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(visible)
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_file() && entry.file_name() == FILE)
            .map(|entry| entry.into_path());
        files.extend(found);
    }
    files
}
