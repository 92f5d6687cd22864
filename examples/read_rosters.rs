//! Reads an inputs folder through ingest only (scan, rosters, meeting files: no rules,
//! no rendering) and prints the people read, the wall time and the peak memory of the
//! process (VmHWM). Used by `bench/roster` to measure one large roster.
//!
//! `cargo run --release --example read_rosters -- DIR`

use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: read_rosters DIR");
    let started = Instant::now();
    let mut findings = xeploai::findings::Findings::default();
    let ingest = xeploai::ingest::ingest(std::path::Path::new(&dir), &mut findings);
    let elapsed = started.elapsed();
    let people = ingest.dataset.as_ref().map_or(0, |d| d.people.len());
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    println!("people {people} findings {} read_s {:.2} peak {peak}", findings.0.len(), elapsed.as_secs_f64());
}
