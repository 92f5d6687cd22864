//! The Windows package under Wine: the cross-compiled `xeploai.exe` builds the same
//! documents as the Linux binary, the package's double-click launcher works from a folder
//! whose path has spaces and Vietnamese letters, and a document held open (as Word holds
//! it) gets its new version beside it.
//!
//! Needs wine, mingw-w64 and the package built by `packaging/windows/package` (`.ci/run`
//! installs and builds all three): a `cargo` run from inside `cargo test` would wait on
//! the build lock the test run holds. Fails when `CI` is set and one is missing; skips,
//! saying why, otherwise.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Instant, SystemTime};

use tempfile::TempDir;

const REPO: &str = env!("CARGO_MANIFEST_DIR");
const TODAY: &str = "2023-11-20";
/// A document every build rewrites when the day changes: the calendar's status.
const STATUS_DOC: &str = "co-quan/tinh-hinh-thuc-hien.docx";

/// A throwaway Wine prefix with the Wine-only shim installed, and what runs in it.
struct Wine {
    prefix: TempDir,
    exe: PathBuf,
    zip: PathBuf,
    holdopen: PathBuf,
}

impl Drop for Wine {
    fn drop(&mut self) {
        // The prefix's wineserver outlives the programs; stop it before the folder goes.
        let _ = self.command("wineserver").arg("-k").status();
    }
}

impl Wine {
    /// A program of the Wine installation, run in this prefix, quietly.
    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command
            .env("WINEPREFIX", self.prefix.path())
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=");
        command
    }

    /// `wine <windows program> <args>`.
    fn run(&self, program: &Path, args: &[&str]) -> Command {
        let mut command = self.command("wine");
        command.arg(program).args(args);
        command
    }
}

/// Skips (locally) or fails (in CI) with `reason`.
fn unavailable(reason: &str) -> Option<Wine> {
    assert!(std::env::var_os("CI").is_none(), "CI is set but {reason}");
    eprintln!("\n*** SKIPPED: {reason}; the Windows tests did not run. ***\n");
    None
}

fn works(program: &str, arg: &str) -> bool {
    Command::new(program).arg(arg).output().is_ok_and(|out| out.status.success())
}

/// The newest modification time of the files under `path`.
fn newest(path: &Path) -> SystemTime {
    walkdir::WalkDir::new(path)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.metadata().ok()?.modified().ok())
        .max()
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

/// Wine, the package (current with the sources) and the Wine-only helpers, in a fresh prefix.
fn wine() -> Option<Wine> {
    if !works("wine", "--version") {
        return unavailable("wine is not installed");
    }
    if !works("x86_64-w64-mingw32-gcc", "--version") {
        return unavailable("mingw-w64 (x86_64-w64-mingw32-gcc) is not installed");
    }
    let repo = Path::new(REPO);
    let exe = repo.join("target/x86_64-pc-windows-gnu/dist/xeploai.exe");
    let zip = repo.join("target/package/xeploai-windows-x64.zip");
    let built = [&exe, &zip].map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
    let [Some(exe_time), Some(zip_time)] = built else {
        return unavailable("the Windows package is not built (run packaging/windows/package)");
    };
    let newest_of = |rels: &[&str]| rels.iter().map(|rel| newest(&repo.join(rel))).max().unwrap();
    let rust = ["src", "templates", "Cargo.toml", "Cargo.lock"];
    if exe_time < newest_of(&rust) || zip_time < newest_of(&[&rust[..], &["inputs", "packaging/windows"]].concat()) {
        return unavailable("the Windows package is older than the sources (run packaging/windows/package)");
    }
    let helpers = Command::new(repo.join("packaging/windows/wine/build")).output().expect("run the helpers' build");
    assert!(helpers.status.success(), "{}", String::from_utf8_lossy(&helpers.stderr));
    let helpers = repo.join("target/wine");

    let wine = Wine { prefix: tempfile::tempdir().unwrap(), exe, zip, holdopen: helpers.join("holdopen.exe") };
    let started = Instant::now();
    let boot = wine.command("wineboot").arg("-i").output().expect("run wineboot");
    assert!(boot.status.success(), "wineboot: {}", String::from_utf8_lossy(&boot.stderr));
    // Debian's Wine 8 lacks bcryptprimitives.dll, which Rust's standard library needs;
    // installed in the prefix, not beside the executable, so that the package is run as shipped.
    let system32 = wine.prefix.path().join("drive_c/windows/system32");
    std::fs::copy(helpers.join("bcryptprimitives.dll"), system32.join("bcryptprimitives.dll")).unwrap();
    eprintln!("Wine prefix ready in {:.1} s", started.elapsed().as_secs_f64());
    Some(wine)
}

/// The Windows spelling of a Linux path under Wine's drive Z:.
fn windows_path(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

/// Every `.docx` under `outputs`, by its path relative to it (forward slashes).
fn documents(outputs: &Path) -> Vec<String> {
    let mut found: Vec<String> = walkdir::WalkDir::new(outputs)
        .into_iter()
        .flatten()
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "docx"))
        .map(|entry| xeploai::source::display_path(entry.path().strip_prefix(outputs).unwrap()))
        .filter(|rel| !rel.starts_with(".history"))
        .collect();
    found.sort();
    found
}

/// Every part of a DOCX with its bytes.
fn parts(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut archive = zip::ZipArchive::new(file).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (entry.name().to_string(), bytes)
        })
        .collect()
}

/// `xeploai.exe build` under Wine: (exit code, stdout and stderr).
fn build_on_windows(wine: &Wine, inputs: &Path, outputs: &Path, today: &str) -> (i32, String) {
    let out = wine
        .run(&wine.exe, &["build", "--today", today])
        .args(["--inputs", &windows_path(inputs), "--outputs", &windows_path(outputs)])
        .output()
        .expect("run wine");
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

/// `xeploai build` of the Linux binary.
fn build_on_linux(inputs: &Path, outputs: &Path, today: Option<&str>) {
    let mut args = vec!["build", "--inputs", inputs.to_str().unwrap(), "--outputs", outputs.to_str().unwrap()];
    args.extend(today.map(|day| ["--today", day]).into_iter().flatten());
    let (code, stdout, stderr) = common::run(&args);
    assert_eq!(code, 0, "{stdout}{stderr}");
}

/// The sample inputs copied under `root/Hồ sơ đánh giá/inputs`.
fn sample_under(root: &Path) -> PathBuf {
    let inputs = root.join("Hồ sơ đánh giá").join("inputs");
    common::copy_dir(&Path::new(REPO).join("inputs"), &inputs);
    inputs
}

#[test]
fn the_windows_package_under_wine() {
    let Some(wine) = wine() else { return };
    let started = Instant::now();
    the_exe_builds_the_documents_the_linux_binary_builds(&wine);
    the_launcher_builds_the_unzipped_package(&wine);
    a_document_held_open_gets_its_new_version_beside_it(&wine);
    eprintln!("Windows tests (after the prefix) took {:.1} s", started.elapsed().as_secs_f64());
}

/// Every part of every document is byte for byte the Linux build's.
fn the_exe_builds_the_documents_the_linux_binary_builds(wine: &Wine) {
    let root = tempfile::tempdir().unwrap();
    let inputs = sample_under(root.path());
    let on_windows = inputs.with_file_name("outputs windows");
    let on_linux = inputs.with_file_name("outputs linux");
    let (code, output) = build_on_windows(wine, &inputs, &on_windows, TODAY);
    assert_eq!(code, 0, "{output}");
    assert!(output.contains("Hồ sơ đánh giá\\outputs windows"), "the summary names the folder: {output}");
    build_on_linux(&inputs, &on_linux, Some(TODAY));

    let documents_on_windows = documents(&on_windows);
    assert_eq!(documents_on_windows, documents(&on_linux), "the same documents");
    assert!(documents_on_windows.len() > 100, "the sample's documents: {documents_on_windows:?}");
    let mut differences = Vec::new();
    let mut compared = 0;
    for rel in &documents_on_windows {
        let (windows_parts, linux_parts) = (parts(&on_windows.join(rel)), parts(&on_linux.join(rel)));
        assert_eq!(windows_parts.keys().collect::<Vec<_>>(), linux_parts.keys().collect::<Vec<_>>(), "{rel}");
        for (name, bytes) in &windows_parts {
            compared += 1;
            if linux_parts[name] != *bytes {
                differences.push(format!("{rel}!{name}"));
            }
        }
    }
    assert!(differences.is_empty(), "parts that differ from the Linux build's: {differences:?}");
    eprintln!("{} documents, {compared} parts: all byte-equal to the Linux build's", documents_on_windows.len());
}

/// The package unzipped into a folder with spaces, parentheses and diacritics, then its
/// launcher run as a double-click runs it (without the pause and the browser).
fn the_launcher_builds_the_unzipped_package(wine: &Wine) {
    let root = tempfile::tempdir().unwrap();
    let package = root.path().join("Gói xeploai (bản thử) năm 2023");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&wine.zip).unwrap()).unwrap();
    archive.extract(&package).unwrap();

    assert!(package.join("xeploai.exe").is_file());
    assert!(!package.join("bcryptprimitives.dll").exists(), "the Wine shim must not ship");
    assert!(package.join("inputs/agency.yaml").is_file() && package.join("inputs/README.md").is_file());
    let guide = std::fs::read(package.join("HUONG-DAN.txt")).unwrap();
    assert!(guide.starts_with(b"\xef\xbb\xbf"), "Notepad needs the BOM");
    let guide = String::from_utf8(guide).unwrap();
    assert!(!guide.replace("\r\n", "").contains('\n'), "CRLF line ends");
    common::contains_all(&guide, &["inputs\\README.md", "prepare", "init", "Lap van ban.cmd", "tong-quan.html"]);
    common::contains_all(&guide, &["đang mở", "(ban moi)", "schedule --emit windows", "PowerShell"]);
    let launcher = std::fs::read_to_string(package.join("Lap van ban.cmd")).unwrap();
    assert!(!launcher.replace("\r\n", "").contains('\n'), "CRLF line ends");

    let out = wine
        .command("wine")
        .args(["cmd", "/c", "Lap van ban.cmd", "/khongdung"])
        .current_dir(&package)
        .output()
        .expect("run the launcher");
    let output = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{output}");
    assert!(output.contains("Gói xeploai (bản thử) năm 2023\\outputs"), "built beside the launcher: {output}");

    // The same documents as a Linux build of the same inputs on the same day.
    let on_linux = root.path().join("linux");
    build_on_linux(&package.join("inputs"), &on_linux, None);
    let built = documents(&package.join("outputs"));
    assert_eq!(built, documents(&on_linux));
    let status = common::docx::text_at(&package.join("outputs").join(STATUS_DOC));
    assert!(status.contains("TÌNH HÌNH THỰC HIỆN"), "{status}");
}

/// `holdopen.exe` opens the status document with share mode 0, as Word holds a document,
/// while the exe rebuilds for another day.
fn a_document_held_open_gets_its_new_version_beside_it(wine: &Wine) {
    let root = tempfile::tempdir().unwrap();
    let inputs = sample_under(root.path());
    let outputs = inputs.with_file_name("outputs");
    let (code, output) = build_on_windows(wine, &inputs, &outputs, TODAY);
    assert_eq!(code, 0, "{output}");
    let held = outputs.join(STATUS_DOC);
    let before = std::fs::read(&held).unwrap();
    let flag = root.path().join("release");

    let mut holder = wine
        .run(&wine.holdopen, &[&windows_path(&held), &windows_path(&flag)])
        .stdout(Stdio::piped())
        .spawn()
        .expect("run holdopen");
    let mut first_line = String::new();
    BufReader::new(holder.stdout.take().unwrap()).read_line(&mut first_line).unwrap();
    assert_eq!(first_line.trim(), "held", "holdopen did not open the document");

    let (code, output) = build_on_windows(wine, &inputs, &outputs, "2023-11-21");
    std::fs::write(&flag, b"").unwrap();
    let released = holder.wait().expect("holdopen ends");
    assert!(released.success());

    assert_eq!(code, 0, "the build still succeeds: {output}");
    let beside = "co-quan/tinh-hinh-thuc-hien (ban moi).docx";
    common::contains_all(
        &output,
        &[&format!("“{STATUS_DOC}” đang mở (có thể trong Word) nên bản mới được ghi cạnh: “{beside}”")],
    );
    assert_eq!(std::fs::read(&held).unwrap(), before, "the held document is left as it was");
    let new_version = std::fs::read(outputs.join(beside)).unwrap();
    assert_ne!(new_version, before);
    assert!(common::docx::open(&new_version).text().contains("ngày 21 tháng 11 năm 2023"), "the copy is the new day's");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(outputs.join(xeploai::output::MANIFEST_NAME)).unwrap()).unwrap();
    let recorded = |rel: &str| manifest["documents"][rel]["bytes"].as_str().map(str::to_string);
    assert_eq!(recorded(STATUS_DOC), Some(xeploai::output::hash(&before)));
    assert_eq!(recorded(beside), Some(xeploai::output::hash(&new_version)));

    // Word closed: the next build puts the new version under its own name.
    let (code, output) = build_on_windows(wine, &inputs, &outputs, "2023-11-21");
    assert_eq!(code, 0, "{output}");
    assert_eq!(std::fs::read(&held).unwrap(), new_version, "{output}");
    common::contains_all(&output, &[&format!("“{beside}” không còn là bản mới nhất")]);
}
