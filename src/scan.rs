//! Stage 1: walk the inputs folder and say what each file is.
//!
//! Clerks' folders hold more than inputs: Office lock files while a workbook is open,
//! editor backups, notes. Those are skipped silently; anything else that is not a
//! roster or a known YAML kind is reported, never ignored without a word.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::findings::{Finding, Findings, input};
use crate::ingest::yaml::{YamlKind, sniff_kind};
use crate::source::Source;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Roster,
    Yaml(YamlKind),
}

#[derive(Debug)]
pub struct InputFile {
    pub path: PathBuf,
    /// Relative to the inputs folder: what messages and the JSON show.
    pub rel: PathBuf,
    pub kind: FileKind,
    /// The text of a YAML file, read once here.
    pub text: Option<String>,
}

const ROSTER_EXTENSIONS: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];
const YAML_EXTENSIONS: [&str; 2] = ["yaml", "yml"];

/// Files a clerk's tools leave behind: skipped without a finding (inputs.md).
pub fn is_ignorable(name: &str) -> bool {
    let lower = name.to_lowercase();
    name.starts_with('.')
        || name.starts_with("~$")
        || name.ends_with('~')
        || lower.ends_with(".bak")
        || lower.ends_with(".tmp")
        || lower.starts_with("readme")
        || lower == "thumbs.db"
        || lower == "desktop.ini"
}

pub fn scan(root: &Path, findings: &mut Findings) -> Vec<InputFile> {
    let walker = WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignorable(&e.file_name().to_string_lossy()));
    let mut entries: Vec<Result<PathBuf, Finding>> = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => entries.push(Ok(entry.into_path())),
            Ok(_) => {}
            Err(err) => {
                let rel = err.path().map(|p| relative(root, p)).unwrap_or_default();
                entries.push(Err(Finding::error(
                    input::INPUT_UNREADABLE,
                    format!("Không đọc được thư mục hoặc tệp: {err}"),
                )
                .at(Source::file(rel))));
            }
        }
    }
    // Reading and sniffing thousands of meeting files is the slow part: in parallel, with
    // the findings put back in walk order.
    let classified = findings.par_map(entries, |entry, local| match entry {
        Ok(path) => {
            let rel = relative(root, &path);
            classify(path, rel, local)
        }
        Err(finding) => {
            local.push(finding);
            None
        }
    });
    classified.into_iter().flatten().collect()
}

fn classify(path: PathBuf, rel: PathBuf, findings: &mut Findings) -> Option<InputFile> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if ROSTER_EXTENSIONS.contains(&ext.as_str()) {
        return Some(InputFile { path, rel, kind: FileKind::Roster, text: None });
    }
    if !YAML_EXTENSIONS.contains(&ext.as_str()) {
        findings.push(unclassified(&rel, "không phải danh sách Excel (.xlsx, .xls, .ods) hay tệp YAML"));
        return None;
    }
    let text = match std::fs::read(&path) {
        Ok(bytes) => match crate::text::decode_text(bytes) {
            Some(text) => text,
            None => {
                findings.push(
                    Finding::error(
                        input::INPUT_UNREADABLE,
                        "Tệp YAML không phải văn bản UTF-8 hay UTF-16; hãy mở tệp và lưu lại với bảng mã UTF-8.",
                    )
                    .at(Source::file(rel)),
                );
                return None;
            }
        },
        Err(err) => {
            findings.push(
                Finding::error(input::INPUT_UNREADABLE, format!("Không mở được tệp: {err}")).at(Source::file(rel)),
            );
            return None;
        }
    };
    if text.trim().is_empty() {
        findings.push(unclassified(&rel, "tệp rỗng"));
        return None;
    }
    match sniff_kind(&text, &rel) {
        Ok(Some(kind)) => Some(InputFile { path, rel, kind: FileKind::Yaml(kind), text: Some(text) }),
        Ok(None) => {
            findings.push(unclassified(
                &rel,
                "tệp YAML không có khóa `kind:` hợp lệ (agency, unit_review hoặc agency_review)",
            ));
            None
        }
        Err(finding) => {
            findings.push(*finding);
            None
        }
    }
}

fn unclassified(rel: &Path, why: &str) -> Finding {
    Finding::warning(input::INPUT_UNCLASSIFIED, format!("Bỏ qua tệp không nhận dạng được: {why}."))
        .at(Source::file(rel))
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::is_ignorable;

    #[test]
    fn lock_and_backup_files_are_ignorable() {
        for name in ["~$DS.xlsx", ".~lock.DS.xlsx#", "ds.xlsx~", "agency.yaml.bak", "README.md", ".hidden"] {
            assert!(is_ignorable(name), "{name}");
        }
        for name in ["DS.xlsx", "agency.yaml", "van-phong.yml"] {
            assert!(!is_ignorable(name), "{name}");
        }
    }
}
