//! Writing a file so that it is either the old file or the new one, never half of each:
//! a temporary file in the same folder, flushed, then renamed over the target.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Failure injection for tests: `XEPLOAI_FAIL_AFTER_WRITES=N` makes the (N+1)-th write of
/// a process fail after its temporary file is written and before the rename, as if the
/// process had been killed there.
static WRITES: AtomicUsize = AtomicUsize::new(0);

pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = temp_path(path);
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        inject_failure()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// `.name.xeploai-tmp` beside the target: hidden, so scans and clerks ignore it.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.xeploai-tmp"))
}

fn inject_failure() -> std::io::Result<()> {
    let n = WRITES.fetch_add(1, Ordering::SeqCst);
    match std::env::var("XEPLOAI_FAIL_AFTER_WRITES").ok().and_then(|v| v.parse::<usize>().ok()) {
        Some(limit) if n >= limit => Err(std::io::Error::other("lỗi giả lập (XEPLOAI_FAIL_AFTER_WRITES)")),
        _ => Ok(()),
    }
}
