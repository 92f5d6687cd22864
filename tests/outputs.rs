//! Outputs that never lose work: incremental rebuilds, hand edits kept, atomic writes,
//! one build at a time.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use common::*;

fn build_in(inputs: &Path, outputs: &Path, env: &[(&str, &str)]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xeploai"))
        .args(["build", "--today", "2023-12-01", "--inputs"])
        .arg(inputs)
        .arg("--outputs")
        .arg(outputs)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(!log.contains("panicked"), "{log}");
    (out.status.code().unwrap_or(-1), log)
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
    std::thread::sleep(std::time::Duration::from_millis(20));
    let vp = dir.path().join("don-vi/vp.yaml");
    let text = std::fs::read_to_string(&vp).unwrap().replace("place: Phòng họp tầng 2", "place: Phòng họp tầng 5");
    std::fs::write(&vp, text).unwrap();
    build_in(dir.path(), out.path(), &[]);
    let after = mtimes(&all);
    for ((path, b), a) in all.iter().zip(&before).zip(&after) {
        let in_vp = path.starts_with(out.path().join("van-phong-so"));
        let place_shown = in_vp && !path.to_string_lossy().contains("tu-kiem-diem");
        assert_eq!(b != a, place_shown, "{}", path.display());
    }
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
    let history = out.path().join(".history/van-phong-so");
    assert!(
        history.join("bao-cao-kiem-diem-tap-the.1.docx").exists() || history.exists(),
        "replaced versions are kept"
    );
}

#[test]
fn a_build_killed_between_writes_leaves_no_half_written_file() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    let (code, log) = build_in(dir.path(), out.path(), &[("XEPLOAI_FAIL_AFTER_WRITES", "5")]);
    assert_eq!(code, 2, "{log}");
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
    assert_eq!(recorded, docx(out.path()).len(), "the manifest matches the files");
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
