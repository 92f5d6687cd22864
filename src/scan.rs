//! Stage 1: walk the inputs folder and say what each file is.
//!
//! Clerks' folders hold more than inputs: Office lock files while a workbook is open,
//! editor backups, notes. Those are skipped silently; anything else that is not a
//! roster or a known YAML kind is reported, never ignored without a word.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

use crate::findings::{Finding, Findings, input};
use crate::ingest::yaml::{YamlKind, sniff_kind};
use crate::source::Source;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Roster,
    /// A unit's votes workbook (`…-phieu.xlsx`, written by `xeploai prepare`).
    VotesBook,
    Yaml(YamlKind),
}

#[derive(Debug)]
pub struct InputFile {
    pub path: PathBuf,
    /// Relative to the inputs folder: what messages and the JSON show. Shared by the
    /// sources of everything read from the file.
    pub rel: Arc<Path>,
    pub kind: FileKind,
    /// The text of a YAML file other than a meeting file, read once here; ingest lets it
    /// go once parsed. A meeting file's is read again when it is parsed ([`read_yaml`]).
    pub text: Option<String>,
    /// What the file holds, by hash: a build compares it with the last build's to know
    /// whether anything changed, and cached parses are keyed by it.
    pub content: blake3::Hash,
}

impl InputFile {
    /// Adds the file's name and content to `hasher`: what tells one input from another,
    /// or from itself as it was.
    pub fn identify(&self, hasher: &mut blake3::Hasher) {
        hasher.update(crate::source::display_path(&self.rel).as_bytes());
        hasher.update(b"\0");
        hasher.update(self.content.as_bytes());
    }
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

/// YAML files larger than this are refused unread: a 200,000-person agency's largest
/// file (its consultation) is about 30 MB, and a file many times that is a mistake or an
/// attack that would otherwise be held in memory whole.
pub const MAX_YAML_BYTES: u64 = 64 * 1024 * 1024;

/// What the walk met, before links are resolved.
enum Walked {
    File(PathBuf),
    Link(PathBuf),
    Finding(Finding),
}

pub fn scan(root: &Path, findings: &mut Findings) -> Vec<InputFile> {
    let walker = WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignorable(&e.file_name().to_string_lossy()));
    let mut walked: Vec<Walked> = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => walked.push(Walked::File(entry.into_path())),
            Ok(entry) if entry.path_is_symlink() && entry.depth() > 0 => walked.push(Walked::Link(entry.into_path())),
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) => {
                let rel = relative(root, entry.path());
                walked.push(Walked::Finding(unclassified(&rel, "không phải tệp thường (thiết bị, ống dẫn...)")));
            }
            Err(err) => {
                let rel = err.path().map(|p| relative(root, p)).unwrap_or_default();
                walked.push(Walked::Finding(
                    Finding::error(input::INPUT_UNREADABLE, format!("Không đọc được thư mục hoặc tệp: {err}"))
                        .at(Source::file(rel)),
                ));
            }
        }
    }
    let entries = resolve_links(root, walked);
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

/// A symbolic link is followed when it leads to a file inside the inputs folder that the
/// walk does not reach otherwise; every other link is reported, never skipped in silence:
/// one to a file already read (info), to a folder, outside the inputs folder or nowhere.
fn resolve_links(root: &Path, walked: Vec<Walked>) -> Vec<Result<PathBuf, Finding>> {
    let canonical_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let direct: std::collections::HashSet<PathBuf> = walked
        .iter()
        .filter_map(|w| match w {
            Walked::File(path) => Some(relative(root, path)),
            _ => None,
        })
        .collect();
    walked
        .into_iter()
        .filter_map(|w| match w {
            Walked::File(path) => Some(Ok(path)),
            Walked::Finding(finding) => Some(Err(finding)),
            Walked::Link(path) => {
                let rel = relative(root, &path);
                let at = Source::file(&rel);
                let Ok(target) = std::fs::canonicalize(&path) else {
                    return Some(Err(Finding::error(
                        input::INPUT_UNREADABLE,
                        "Liên kết (shortcut/symlink) này trỏ tới một tệp không còn tồn tại; hãy xóa liên kết hoặc chép tệp thật vào đây.",
                    )
                    .at(at)));
                };
                let Ok(inside) = target.strip_prefix(&canonical_root).map(Path::to_path_buf) else {
                    return Some(Err(Finding::error(
                        input::INPUT_UNREADABLE,
                        format!(
                            "Liên kết (symlink) này trỏ ra ngoài thư mục dữ liệu, tới “{}”, nên không được đọc. Hãy chép chính tệp đó vào thư mục dữ liệu.",
                            target.display()
                        ),
                    )
                    .at(at)));
                };
                let shown = crate::source::display_path(&inside);
                if target.is_dir() {
                    Some(Err(Finding::info(
                        input::INPUT_UNCLASSIFIED,
                        format!("Liên kết tới thư mục “{shown}” trong thư mục dữ liệu: các tệp được đọc ở chỗ gốc, không đọc lại qua liên kết."),
                    )
                    .at(at)))
                } else if direct.contains(&inside) {
                    Some(Err(Finding::info(
                        input::INPUT_UNCLASSIFIED,
                        format!("Liên kết tới tệp “{shown}”, tệp này đã được đọc; không đọc lại lần hai."),
                    )
                    .at(at)))
                } else {
                    Some(Ok(path))
                }
            }
        })
        .collect()
}

fn classify(path: PathBuf, rel: PathBuf, findings: &mut Findings) -> Option<InputFile> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if crate::ingest::votes_book::layout::is_book_name(&name) {
        let content = hash_of(&path);
        return Some(InputFile { path, rel: rel.into(), kind: FileKind::VotesBook, text: None, content });
    }
    if ROSTER_EXTENSIONS.contains(&ext.as_str()) {
        let content = hash_of(&path);
        return Some(InputFile { path, rel: rel.into(), kind: FileKind::Roster, text: None, content });
    }
    if !YAML_EXTENSIONS.contains(&ext.as_str()) {
        findings.push(unclassified(&rel, "không phải danh sách Excel (.xlsx, .xls, .ods) hay tệp YAML"));
        return None;
    }
    let text = match read_yaml(&path, &rel) {
        Ok(text) => text,
        Err(finding) => {
            findings.push(*finding);
            return None;
        }
    };
    if text.trim().is_empty() {
        findings.push(unclassified(&rel, "tệp rỗng"));
        return None;
    }
    match sniff_kind(&text, &rel) {
        Ok(Some(kind)) => {
            let content = blake3::hash(text.as_bytes());
            // A meeting file's text is let go here, and read again by ingest only if it
            // must be parsed: a million people's are 330 MB, and a rebuild parses the
            // few that changed.
            let text = (kind != YamlKind::UnitReview).then_some(text);
            Some(InputFile { path, rel: rel.into(), kind: FileKind::Yaml(kind), text, content })
        }
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

/// The text of the YAML file at `path` (`rel` in the inputs folder), or the finding that
/// says why it cannot be had: too large, not text, or not to be opened. The scan reads
/// every YAML file so; ingest reads a meeting file so again when it must parse it.
pub fn read_yaml(path: &Path, rel: &Path) -> Result<String, Box<Finding>> {
    let refused = |rule, message: String| Box::new(Finding::error(rule, message).at(Source::file(rel)));
    match read_bounded(path) {
        Ok(None) => Err(refused(
            input::INPUT_TOO_LARGE,
            format!(
                "Tệp YAML lớn hơn {} MB, quá cỡ của một tệp dữ liệu nên không được đọc. Hãy kiểm tra lại tệp (có thể đã chép nhầm tệp khác vào).",
                MAX_YAML_BYTES / (1024 * 1024)
            ),
        )),
        Ok(Some(bytes)) => crate::text::decode_text(bytes).ok_or_else(|| {
            refused(
                input::INPUT_UNREADABLE,
                "Tệp YAML không phải văn bản UTF-8 hay UTF-16; hãy mở tệp và lưu lại với bảng mã UTF-8.".to_string(),
            )
        }),
        Err(err) => Err(refused(input::INPUT_UNREADABLE, format!("Không mở được tệp: {err}"))),
    }
}

/// The hash of a workbook's bytes; of nothing when it cannot be read, which ingest
/// reports when it opens the file.
fn hash_of(path: &Path) -> blake3::Hash {
    let mut hasher = blake3::Hasher::new();
    match std::fs::File::open(path).and_then(|mut file| hasher.update_reader(&mut file).map(|_| ())) {
        Ok(()) => hasher.finalize(),
        Err(_) => blake3::hash(b""),
    }
}

/// The bytes of a file of at most [`MAX_YAML_BYTES`], `None` when it is larger. Read
/// through a bounded reader, not by its stated size, which a device or a growing file
/// does not give.
fn read_bounded(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    if std::fs::metadata(path)?.len() > MAX_YAML_BYTES {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(MAX_YAML_BYTES + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= MAX_YAML_BYTES).then_some(bytes))
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
