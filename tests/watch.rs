//! `xeploai watch` as a process: it rebuilds when a file arrives and survives bad input.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use common::*;

struct Watcher {
    child: Child,
    lines: Receiver<String>,
}

impl Watcher {
    fn start(inputs: &std::path::Path, outputs: &std::path::Path) -> Watcher {
        let mut child = Command::new(env!("CARGO_BIN_EXE_xeploai"))
            .args(["watch", "--today", "2023-12-01", "--inputs"])
            .arg(inputs)
            .arg("--outputs")
            .arg(outputs)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watcher { child, lines }
    }

    /// Lines until one contains `wanted`, or panics after `timeout`.
    fn wait_for(&self, wanted: &str, timeout: Duration) -> Vec<String> {
        let started = Instant::now();
        let mut seen = Vec::new();
        while started.elapsed() < timeout {
            if let Ok(line) = self.lines.recv_timeout(Duration::from_millis(200)) {
                let done = line.contains(wanted);
                seen.push(line);
                if done {
                    return seen;
                }
            }
        }
        panic!("no line with “{wanted}” within {timeout:?}; saw:\n{}", seen.join("\n"));
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn watch_rebuilds_on_new_files_and_survives_broken_yaml() {
    let dir = rules_case("clean", &[]);
    // The Trung tâm has not sent its meeting file yet.
    let tt = std::fs::read_to_string(dir.path().join("don-vi/tt.yaml")).unwrap();
    std::fs::remove_file(dir.path().join("don-vi/tt.yaml")).unwrap();
    let outputs = tempfile::tempdir().unwrap();
    let watcher = Watcher::start(dir.path(), outputs.path());
    watcher.wait_for("Lập lần đầu", Duration::from_secs(30));
    assert!(outputs.path().join("van-phong-so/bien-ban-hop-kiem-diem.docx").exists(), "the first build ran");
    let tt_minutes = outputs.path().join("trung-tam-luu-tru-lich-su/bien-ban-hop-kiem-diem.docx");
    assert!(!tt_minutes.exists());

    // The file arrives: its documents appear.
    std::fs::write(dir.path().join("don-vi/tt.yaml"), tt).unwrap();
    watcher.wait_for("Tệp thay đổi (tt.yaml)", Duration::from_secs(30));
    assert!(tt_minutes.exists(), "the unit's minutes appear");

    // An Office lock file alone is not a change.
    std::fs::write(dir.path().join("~$danh-sach.xlsx"), b"lock").unwrap();
    // A broken meeting file arrives: the watcher reports it and keeps running.
    std::fs::write(dir.path().join("don-vi/hong.yaml"), "kind: unit_review\nunit: [VP\n").unwrap();
    let seen = watcher.wait_for("INPUT_UNREADABLE", Duration::from_secs(30));
    assert!(seen.iter().any(|l| l.contains("Tệp thay đổi (hong.yaml)")), "{seen:#?}");
    assert!(!seen.iter().any(|l| l.contains("~$danh-sach")), "{seen:#?}");

    // It is fixed: the next rebuild has no error.
    std::fs::remove_file(dir.path().join("don-vi/hong.yaml")).unwrap();
    let seen = watcher.wait_for("0 lỗi", Duration::from_secs(30));
    assert!(seen.iter().any(|l| l.contains("Tệp thay đổi")), "{seen:#?}");
}
