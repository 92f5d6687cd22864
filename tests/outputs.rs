//! Outputs that never lose work: incremental rebuilds, hand edits kept, atomic writes,
//! one build at a time.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use common::*;

fn build_in(inputs: &Path, outputs: &Path, env: &[(&str, &str)]) -> (i32, String) {
    build_with(inputs, outputs, "2023-12-01", env)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn docx(dir: &Path) -> Vec<PathBuf> {
    files(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "docx") && !p.starts_with(dir.join(".history")))
        .collect()
}

fn mtimes(paths: &[PathBuf]) -> Vec<SystemTime> {
    paths.iter().map(|p| std::fs::metadata(p).unwrap().modified().unwrap()).collect()
}

#[test]
fn a_rebuild_without_change_writes_nothing() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    assert_eq!(build_in(dir.path(), out.path(), &[]).0, 0);
    let written = docx(out.path());
    assert!(written.len() > 10);
    let before = mtimes(&written);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let (code, log) = build_in(dir.path(), out.path(), &[]);
    assert_eq!(code, 0);
    assert!(log.contains("Không có gì thay đổi"), "{log}");
    assert_eq!(mtimes(&written), before);
}

#[test]
fn changing_one_unit_rewrites_only_that_unit() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    build_in(dir.path(), out.path(), &[]);
    let all = docx(out.path());
    let before = mtimes(&all);
    let bytes_before: BTreeMap<PathBuf, Vec<u8>> = all.iter().map(|p| (p.clone(), std::fs::read(p).unwrap())).collect();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let vp = dir.path().join("don-vi/vp.yaml");
    let text = std::fs::read_to_string(&vp).unwrap().replace("place: Phòng họp tầng 2", "place: Phòng họp tầng 5");
    std::fs::write(&vp, text).unwrap();
    build_in(dir.path(), out.path(), &[]);
    let after = mtimes(&all);
    // Exactly the documents whose bytes changed are written: the unit's minutes, which
    // show the place, and nothing outside the unit.
    for ((path, b), a) in all.iter().zip(&before).zip(&after) {
        let changed = bytes_before[path] != std::fs::read(path).unwrap();
        assert_eq!(b != a, changed, "{}", path.display());
        assert!(!changed || path.starts_with(out.path().join("van-phong-so")), "{}", path.display());
    }
    assert!(
        bytes_before[&out.path().join("van-phong-so/bien-ban-hop-kiem-diem.docx")]
            != std::fs::read(out.path().join("van-phong-so/bien-ban-hop-kiem-diem.docx")).unwrap()
    );
}

#[test]
fn a_hand_edited_document_survives_and_the_new_version_goes_beside() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    build_in(dir.path(), out.path(), &[]);
    let minutes = out.path().join("van-phong-so/bien-ban-hop-kiem-diem.docx");
    std::fs::write(&minutes, b"the clerk's own version").unwrap();
    let vp = dir.path().join("don-vi/vp.yaml");
    std::fs::write(&vp, std::fs::read_to_string(&vp).unwrap().replace("16:30", "17:00")).unwrap();
    let (code, log) = build_in(dir.path(), out.path(), &[]);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read(&minutes).unwrap(), b"the clerk's own version");
    let beside = out.path().join("van-phong-so/bien-ban-hop-kiem-diem (ban moi).docx");
    assert!(common::docx::open(&std::fs::read(&beside).unwrap()).text().contains("17 giờ 00"));
    assert!(log.contains("đã được sửa tay"), "{log}");
    // The meeting's end is in the minutes only: the report, the same bytes, is not
    // rewritten, so no version of it is kept either.
    assert!(!out.path().join(".history/van-phong-so/bao-cao-kiem-diem-tap-the.1.docx").exists());
}

#[test]
fn a_build_killed_between_writes_leaves_no_half_written_file() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    // The first writes are the check's kept for the next build and the parse cache's,
    // then five documents.
    let (code, log) = build_in(dir.path(), out.path(), &[("XEPLOAI_FAIL_AFTER_WRITES", "7")]);
    assert_eq!(code, 2, "{log}");
    assert!(out.path().join(xeploai::ingest::parse_cache::CACHE_NAME).is_file());
    assert!(out.path().join(xeploai::pipeline::replay::REPLAY_NAME).is_file());
    let written = docx(out.path());
    assert_eq!(written.len(), 5, "exactly the writes before the failure");
    for path in &written {
        let bytes = std::fs::read(path).unwrap();
        assert!(zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_ok(), "{} is whole", path.display());
    }
    assert!(files(out.path()).iter().all(|p| !p.to_string_lossy().ends_with(".xeploai-tmp")), "no temporary file left");
    let (code, _) = build_in(dir.path(), out.path(), &[]);
    assert_eq!(code, 0);
    assert!(docx(out.path()).len() > 5, "the next build completes");
}

/// A build of several batches stopped in its second: the renderer, batches ahead of the
/// writer, stops with it, and nothing it rendered after the failure reaches the disk.
#[test]
fn a_build_stopped_in_a_later_batch_writes_nothing_after_the_failure() {
    let parent = tempfile::tempdir().unwrap();
    let inputs = parent.path().join("agency");
    let (code, stdout, stderr) = run(&["generate", inputs.to_str().unwrap(), "--people", "1500", "--seed", "7"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let out = parent.path().join("out");
    // The check kept for the next build and the parse cache, then 798 documents: the
    // first batch whole and part of the next.
    let (code, log) = build_in(&inputs, &out, &[("XEPLOAI_FAIL_AFTER_WRITES", "800")]);
    assert_eq!(code, 2, "{log}");
    let written = docx(&out);
    assert_eq!(written.len(), 798, "exactly the writes before the failure");
    assert!(files(&out).iter().all(|p| !p.to_string_lossy().ends_with(".xeploai-tmp")), "no temporary file left");
    let (code, log) = build_in(&inputs, &out, &[]);
    assert_eq!(code, 0, "{log}");
    let fresh = parent.path().join("fresh");
    assert_eq!(build_in(&inputs, &fresh, &[]).0, 0);
    assert_eq!(docx(&out).len(), docx(&fresh).len(), "the next build completes");
    assert!(docx(&fresh).len() > 2 * xeploai::render::plan::BATCH, "several batches");
}

#[test]
fn two_builds_at_once_do_not_interleave() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_xeploai"))
            .args(["build", "--quiet", "--today", "2023-12-01", "--inputs"])
            .arg(dir.path())
            .arg("--outputs")
            .arg(out.path())
            .spawn()
            .unwrap()
    };
    let (mut a, mut b) = (spawn(), spawn());
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join(".xeploai-manifest.json")).unwrap()).unwrap();
    let recorded = manifest["documents"].as_object().unwrap().len();
    assert!(out.path().join(xeploai::render::plan::OVERVIEW_FILE).is_file());
    assert!(out.path().join(xeploai::rollup::FILE).is_file());
    assert_eq!(
        recorded,
        docx(out.path()).len() + 2,
        "the manifest matches the files: the documents, the page and the summary"
    );
    for path in docx(out.path()) {
        assert!(zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).is_ok());
    }
    assert!(files(out.path()).iter().all(|p| !p.to_string_lossy().contains("(ban moi)")), "no false hand-edit");
}

#[test]
fn document_properties_carry_the_day_of_the_build() {
    let (dir, inputs) = sample_copy();
    let outputs = dir.path().join("outputs");
    let (code, log) = build_at(&inputs, &outputs);
    assert_eq!(code, 0, "{log}");
    let bytes = std::fs::read(outputs.join("co-quan/tinh-hinh-thuc-hien.docx")).unwrap();
    let core = common::docx::open(&bytes).part("docProps/core.xml").to_string();
    assert_eq!(core.matches("2023-12-01T00:00:00Z").count(), 2, "{core}");
    assert!(!core.contains("1970"), "{core}");
}

/// Every file under `dir` but the outputs folder's bookkeeping (manifest, journal, lock,
/// `.history/`), by path relative to `dir`, with the hash of its bytes. Temporary files
/// count: none may be left.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, String> {
    files(dir)
        .into_iter()
        .map(|path| path.strip_prefix(dir).unwrap().to_path_buf())
        .filter(|rel| {
            !xeploai::pipeline::is_output_bookkeeping(&rel.components().next().unwrap().as_os_str().to_string_lossy())
        })
        // The overview page states the time it was built: two builds' pages differ by it.
        .filter(|rel| rel != Path::new(xeploai::render::plan::OVERVIEW_FILE))
        .map(|rel| {
            let hash = xeploai::output::hash(&std::fs::read(dir.join(&rel)).unwrap());
            (rel, hash)
        })
        .collect()
}

/// How many files are under `dir` (0 when it does not exist yet).
fn count_files(dir: &Path) -> usize {
    if !dir.exists() {
        return 0;
    }
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| if e.file_type().is_ok_and(|t| t.is_dir()) { count_files(&e.path()) } else { 1 })
        .sum()
}

/// Starts a build, kills it (SIGKILL) once `watched` holds `after` files, and says
/// whether it was killed before it finished.
fn build_killed(inputs: &Path, outputs: &Path, watched: &Path, after: usize) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xeploai"))
        .args(["build", "--quiet", "--today", "2023-12-01", "--inputs"])
        .arg(inputs)
        .arg("--outputs")
        .arg(outputs)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    while count_files(watched) < after && child.try_wait().unwrap().is_none() {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let running = child.try_wait().unwrap().is_none();
    child.kill().unwrap();
    child.wait().unwrap();
    running
}

/// A rebuild after an interruption: it warns of no hand edit and writes no `(ban moi)`.
fn rebuild_cleanly(inputs: &Path, outputs: &Path) {
    let (code, log) = build_in(inputs, outputs, &[]);
    assert_eq!(code, 0, "{log}");
    assert!(!log.contains("sửa tay"), "{log}");
    assert!(files(outputs).iter().all(|p| !p.to_string_lossy().contains("(ban moi)")), "no false hand edit");
}

#[test]
fn a_build_killed_at_any_moment_is_finished_exactly_by_the_next() {
    let (work, inputs) = generated(3000, 1);
    // The same agency renamed: every document changes.
    let renamed = work.path().join("renamed");
    copy_dir(&inputs, &renamed);
    let agency = renamed.join("agency.yaml");
    let text = std::fs::read_to_string(&agency).unwrap();
    std::fs::write(&agency, text.replacen("name: Sở Thử nghiệm\n", "name: Sở Thử nghiệm Mới\n", 1)).unwrap();
    let reference = |inputs: &Path, name: &str| {
        let outputs = work.path().join(name);
        rebuild_cleanly(inputs, &outputs);
        snapshot(&outputs)
    };
    let (first, second) = (reference(&inputs, "reference"), reference(&renamed, "reference-renamed"));
    let total = first.len();
    assert!(total > 3000, "{total} documents");
    assert_eq!(second.len(), total);
    assert!(first.values().zip(second.values()).all(|(a, b)| a != b), "every document changes");

    let mut killed = 0;
    // A first build, killed after some documents are in place.
    for after in [1, total / 3, 2 * total / 3, total - 1] {
        let outputs = work.path().join(format!("first-{after}"));
        killed += usize::from(build_killed(&inputs, &outputs, &outputs, after));
        rebuild_cleanly(&inputs, &outputs);
        assert!(snapshot(&outputs) == first, "killed after {after} documents: not the uninterrupted result");
    }
    // A build replacing every document, killed after some are replaced (each replaced
    // version is kept in `.history/` first), then the same build run again.
    for after in [1, total / 2] {
        let outputs = work.path().join(format!("second-{after}"));
        rebuild_cleanly(&inputs, &outputs);
        killed += usize::from(build_killed(&renamed, &outputs, &outputs.join(".history"), after));
        rebuild_cleanly(&renamed, &outputs);
        assert!(snapshot(&outputs) == second, "killed after {after} replacements: not the uninterrupted result");
    }
    assert!(killed >= 4, "only {killed} of 6 builds were still running when killed");
}

#[test]
fn a_manifest_that_cannot_be_saved_costs_nothing() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    // The manifest's temporary file cannot be created: as on a full disk, its save fails.
    let blocker = xeploai::output::atomic::temp_path(&out.path().join(xeploai::output::MANIFEST_NAME));
    std::fs::create_dir(&blocker).unwrap();
    let (code, log) = build_in(dir.path(), out.path(), &[]);
    assert_eq!(code, 0, "every document was written: {log}");
    assert!(log.contains("chưa lưu được sổ theo dõi"), "{log}");
    let written = snapshot(out.path());
    // A second build while the save still fails: after a change, and without one.
    let vp = dir.path().join("don-vi/vp.yaml");
    std::fs::write(&vp, std::fs::read_to_string(&vp).unwrap().replace("16:30", "17:00")).unwrap();
    assert_eq!(build_in(dir.path(), out.path(), &[]).0, 0);
    std::fs::remove_dir(&blocker).unwrap();
    let (code, log) = build_in(dir.path(), out.path(), &[]);
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("Không có gì thay đổi"), "{log}");
    assert!(!log.contains("sửa tay"), "{log}");
    assert_ne!(snapshot(out.path()), written, "the change was written");
    let fresh = tempfile::tempdir().unwrap();
    build_in(dir.path(), fresh.path(), &[]);
    assert!(snapshot(out.path()) == snapshot(fresh.path()), "the same as a build that never failed");
}

#[test]
fn an_edited_new_version_survives_later_changes_and_a_stale_one_is_named() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    build_in(dir.path(), out.path(), &[]);
    let unit = out.path().join("van-phong-so");
    let minutes = unit.join("bien-ban-hop-kiem-diem.docx");
    let beside = unit.join("bien-ban-hop-kiem-diem (ban moi).docx");
    let next = unit.join("bien-ban-hop-kiem-diem (ban moi 2).docx");
    let vp = dir.path().join("don-vi/vp.yaml");
    let change = |from: &str, to: &str| {
        std::fs::write(&vp, std::fs::read_to_string(&vp).unwrap().replace(from, to)).unwrap();
        build_in(dir.path(), out.path(), &[])
    };
    std::fs::write(&minutes, b"the clerk's minutes").unwrap();
    change("16:30", "17:00");
    assert!(beside.exists());
    std::fs::write(&beside, b"the clerk's edit of the new version").unwrap();
    for (from, to, shown) in [("17:00", "17:15", "17 giờ 15"), ("17:15", "17:30", "17 giờ 30")] {
        let (code, log) = change(from, to);
        assert_eq!(code, 0, "{log}");
        assert!(std::fs::read(&minutes).unwrap() == b"the clerk's minutes", "the edited document is kept");
        assert!(std::fs::read(&beside).unwrap() == b"the clerk's edit of the new version", "so is the edited copy");
        assert!(common::docx::open(&std::fs::read(&next).unwrap()).text().contains(shown));
        assert!(log.contains("“van-phong-so/bien-ban-hop-kiem-diem (ban moi).docx” đã được sửa tay"), "{log}");
    }
    // The clerk accepts the new version by deleting the edited document.
    std::fs::remove_file(&minutes).unwrap();
    let (code, log) = build_in(dir.path(), out.path(), &[]);
    assert_eq!(code, 0, "{log}");
    assert!(common::docx::open(&std::fs::read(&minutes).unwrap()).text().contains("17 giờ 30"));
    for copy in ["bien-ban-hop-kiem-diem (ban moi).docx", "bien-ban-hop-kiem-diem (ban moi 2).docx"] {
        assert!(log.contains(&format!("“van-phong-so/{copy}” không còn là bản mới nhất")), "{log}");
    }
    assert!(beside.exists() && next.exists(), "reported, never deleted");
}
