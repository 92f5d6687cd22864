//! Writing files so that each is either the old file or the new one, never half of each:
//! a temporary file in the same folder, made durable, then renamed over the target.
//!
//! A build writes thousands of documents, and one `fsync` per file costs more than
//! rendering the file. So documents are written in batches: every temporary file of a
//! batch is written first ([`stage`]), then made durable together ([`sync`]: one
//! `syncfs` on Linux, a flush per file elsewhere), then renamed one by one ([`commit`]).
//! A crash at any point leaves each target either old or new.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Failure injection for tests: `XEPLOAI_FAIL_AFTER_WRITES=N` makes the (N+1)-th write of
/// a process fail after its temporary file is written and before the rename, as if the
/// process had been killed there.
static WRITES: AtomicUsize = AtomicUsize::new(0);

/// A temporary file written beside its target, not yet renamed.
#[derive(Debug)]
pub struct Staged {
    pub tmp: PathBuf,
    pub path: PathBuf,
}

/// One file, on its own: stage, sync, commit.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_with(path, |file| file.write_all(bytes))
}

/// [`write`], the file as `write` writes it: a province's manifest (tens of MB of JSON)
/// goes to its file as it is made.
pub fn write_with(path: &Path, write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>) -> std::io::Result<()> {
    let staged = stage_with(path, write)?;
    let result = sync(std::slice::from_ref(&staged)).and_then(|()| commit(&staged));
    if result.is_err() {
        discard(&staged);
    }
    result
}

/// Writes `bytes` to the temporary file of `path`, creating its folder.
pub fn stage(path: &Path, bytes: &[u8]) -> std::io::Result<Staged> {
    stage_with(path, |file| file.write_all(bytes))
}

/// The temporary file of `path` as `write` writes it, creating its folder; removed
/// again if `write` fails.
pub fn stage_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<Staged> {
    let tmp = temp_path(path);
    let result = create(&tmp).and_then(|mut file| write(&mut file));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(Staged { tmp, path: path.to_path_buf() })
}

/// Creates the file at `path`, and its folder when that is missing: asked for first, the
/// folder costs two more calls to the file system for every document of a folder that
/// is there already.
fn create(path: &Path) -> std::io::Result<std::fs::File> {
    match std::fs::File::create(path) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
            std::fs::File::create(path)
        }
        result => result,
    }
}

/// Makes the staged files durable before any of them replaces its target.
pub fn sync(staged: &[Staged]) -> std::io::Result<()> {
    // One call flushes the whole file system the outputs live on: worth it for a batch,
    // not for the single file of a manifest.
    #[cfg(target_os = "linux")]
    if let [first, _, ..] = staged {
        use std::os::fd::AsRawFd;
        let file = std::fs::File::open(&first.tmp)?;
        // SAFETY: `syncfs` only reads the descriptor, which `file` keeps open.
        if unsafe { libc::syncfs(file.as_raw_fd()) } == 0 {
            return Ok(());
        }
    }
    for s in staged {
        std::fs::OpenOptions::new().write(true).open(&s.tmp)?.sync_all()?;
    }
    Ok(())
}

/// Renames the staged file over its target.
pub fn commit(staged: &Staged) -> std::io::Result<()> {
    inject_failure()?;
    std::fs::rename(&staged.tmp, &staged.path)
}

/// What [`commit_new`] found at the target.
#[derive(Debug, PartialEq, Eq)]
pub enum New {
    /// Nothing: the staged file is there now.
    Placed,
    /// A file, left as it is; the staged file is still staged.
    Taken,
    /// Not asked: this system cannot rename "unless the target exists" (Windows,
    /// macOS, or a file system that refuses it); [`commit`] after a look is the way.
    Unasked,
}

/// Renames the staged file to its target only if no file is there, in one step of the
/// file system: for a document no build wrote under that name before, where any file
/// found is a person's. Neither a look first (a window in which a person's save is
/// replaced) nor the two looks [`commit`]'s caller takes: two of a first build's four
/// calls to `statx` for each document.
pub fn commit_new(staged: &Staged) -> std::io::Result<New> {
    #[cfg(target_os = "linux")]
    {
        inject_failure()?;
        rename_unless_there(&staged.tmp, &staged.path)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = staged;
        Ok(New::Unasked)
    }
}

/// `renameat2(…, RENAME_NOREPLACE)` (Linux 3.15, glibc 2.28).
#[cfg(target_os = "linux")]
fn rename_unless_there(from: &Path, to: &Path) -> std::io::Result<New> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c_path = |path: &Path| CString::new(path.as_os_str().as_bytes()).map_err(std::io::Error::other);
    let (from, to) = (c_path(from)?, c_path(to)?);
    // SAFETY: two NUL-terminated paths, alive for the whole call, which only reads them.
    let renamed =
        unsafe { libc::renameat2(libc::AT_FDCWD, from.as_ptr(), libc::AT_FDCWD, to.as_ptr(), libc::RENAME_NOREPLACE) };
    if renamed == 0 {
        return Ok(New::Placed);
    }
    let err = std::io::Error::last_os_error();
    match err.raw_os_error() {
        Some(libc::EEXIST) => Ok(New::Taken),
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP) => Ok(New::Unasked),
        _ => Err(err),
    }
}

/// Did the operating system refuse `err` because another program holds the file open?
/// Windows refuses to replace or read a file another program opened without sharing it
/// (Word, for the document it shows): ERROR_ACCESS_DENIED (5), ERROR_SHARING_VIOLATION
/// (32), ERROR_LOCK_VIOLATION (33). Linux and macOS never refuse for an open file.
pub fn is_held_open(err: &std::io::Error) -> bool {
    cfg!(windows) && matches!(err.raw_os_error(), Some(5 | 32 | 33))
}

/// Does another program hold the file at `path` open without letting it be replaced?
/// Asked before a document's old version is kept in `.history/`: once kept there, it
/// could not even be removed again while the file is held. The rename stays the final
/// word: a program may open the file between the two.
#[cfg(windows)]
pub fn seems_held_open(path: &Path) -> bool {
    use std::os::windows::fs::OpenOptionsExt;
    // The access a rename over the file needs; sharing everything ourselves, so that
    // only a holder that shares less refuses.
    const DELETE: u32 = 0x0001_0000;
    const SHARE_ALL: u32 = 0x1 | 0x2 | 0x4;
    let probe = std::fs::OpenOptions::new().access_mode(DELETE).share_mode(SHARE_ALL).open(path);
    probe.is_err_and(|err| is_held_open(&err))
}

/// Linux and macOS never refuse to replace an open file.
#[cfg(not(windows))]
pub fn seems_held_open(_path: &Path) -> bool {
    false
}

/// Removes a staged file that will not be committed.
pub fn discard(staged: &Staged) {
    let _ = std::fs::remove_file(&staged.tmp);
}

const TEMP_SUFFIX: &str = ".xeploai-tmp";

/// `.name.xeploai-tmp` beside the target: hidden, so scans and clerks ignore it.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}{TEMP_SUFFIX}"))
}

/// Is `name` a name [`temp_path`] gives, and so a temporary file of ours?
pub fn is_temp_name(name: &str) -> bool {
    name.len() > 1 + TEMP_SUFFIX.len() && name.starts_with('.') && name.ends_with(TEMP_SUFFIX)
}

/// Removes the temporary files a build killed between [`stage`] and [`commit`] left
/// under `dir`; only ours, by their exact name. Best effort: a leftover is harmless.
pub fn sweep(dir: &Path) {
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if entry.file_type().is_file() && is_temp_name(&entry.file_name().to_string_lossy()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn inject_failure() -> std::io::Result<()> {
    let n = WRITES.fetch_add(1, Ordering::SeqCst);
    match std::env::var("XEPLOAI_FAIL_AFTER_WRITES").ok().and_then(|v| v.parse::<usize>().ok()) {
        Some(limit) if n >= limit => Err(std::io::Error::other("lỗi giả lập (XEPLOAI_FAIL_AFTER_WRITES)")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_written_into_folders_made_for_it_and_into_those_already_there() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("don-vi/tu-kiem-diem/01-a.docx");
        write(&deep, b"mot").unwrap();
        let beside = dir.path().join("don-vi/tu-kiem-diem/02-b.docx");
        write(&beside, b"hai").unwrap();
        assert_eq!(std::fs::read(&deep).unwrap(), b"mot");
        assert_eq!(std::fs::read(&beside).unwrap(), b"hai");
        // Nothing but the two documents: no temporary file left behind.
        let names: Vec<_> =
            std::fs::read_dir(deep.parent().unwrap()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_new_file_never_replaces_one_that_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("x.docx");
        let staged = stage(&target, b"ours").unwrap();
        std::fs::write(&target, b"someone's").unwrap();
        let found = commit_new(&staged).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"someone's");
        if cfg!(target_os = "linux") {
            assert_eq!(found, New::Taken);
        }
        // Still staged: put elsewhere, or discarded, by the caller.
        assert_eq!(std::fs::read(&staged.tmp).unwrap(), b"ours");
        std::fs::remove_file(&target).unwrap();
        match commit_new(&staged).unwrap() {
            New::Placed => assert!(!staged.tmp.exists()),
            New::Unasked => commit(&staged).unwrap(),
            New::Taken => panic!("nothing is there"),
        }
        assert_eq!(std::fs::read(&target).unwrap(), b"ours");
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("tep"), b"x").unwrap();
        // A file stands where the folder would go.
        assert!(write(&dir.path().join("tep/con/a.docx"), b"mot").is_err());
    }
}
