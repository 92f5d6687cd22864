//! xeploai as a renderer in the peer benchmark of `../shared/bench` (see its README):
//! reads `data/records.json`, renders every record through `bench/peer/minutes.tera`
//! with xeploai's own engine and writes `OUT/NNNNN.docx`.
//!
//! The timed region is the harness's: from reading the template to the last document
//! written; reading the JSON and clearing the output folder are outside it. Each record
//! is made the engine's own data (tera's context) with the JSON, before the clock
//! starts, as the harness's other engines are given theirs: a JavaScript object or a
//! Python dict, which they read as it is. Prints the
//! harness's line: `ENGINE N docs in S s = R docs/s; B bytes written (avg A bytes/doc)`.
//!
//! ```text
//! cargo run --release --example peer_minutes -- --data DIR/data/records.json \
//!     --out DIR/out/xeploai [--threads 1] [--n N] [--engine NAME]
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use xeploai::render::templates::context_of;
use xeploai::render::{DocMeta, NO_ROWS, Templates, render_document_in};

const TEMPLATE: &str = "peer_minutes.tera";

/// The allocator of the `xeploai` program itself, tuned as it is (see `src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Args {
    data: PathBuf,
    out: PathBuf,
    template: PathBuf,
    threads: usize,
    n: Option<usize>,
    engine: String,
}

fn args() -> Args {
    let mut a = Args {
        data: "data/records.json".into(),
        out: "out/xeploai".into(),
        template: Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/peer/minutes.tera"),
        threads: 0,
        n: None,
        engine: "xeploai".into(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| fail(&format!("{flag} needs a value")));
        match flag.as_str() {
            "--data" => a.data = value.into(),
            "--out" => a.out = value.into(),
            "--template" => a.template = value.into(),
            "--threads" => a.threads = value.parse().unwrap_or_else(|_| fail("--threads needs a number")),
            "--n" => a.n = Some(value.parse().unwrap_or_else(|_| fail("--n needs a number"))),
            "--engine" => a.engine = value,
            _ => fail(&format!("unknown flag {flag}")),
        }
    }
    a
}

fn fail(message: &str) -> ! {
    eprintln!("peer_minutes: {message}");
    std::process::exit(2)
}

fn main() {
    xeploai::allocator::tune();
    let a = args();
    let mut records: Vec<serde_json::Value> = std::fs::read(&a.data)
        .map_err(|e| e.to_string())
        .and_then(|bytes| serde_json::from_slice(&bytes).map_err(|e| e.to_string()))
        .unwrap_or_else(|e| fail(&format!("{}: {e}", a.data.display())));
    if let Some(n) = a.n {
        records.truncate(n);
    }
    let records: Vec<(u64, tera::Context)> = records
        .iter()
        .map(|record| {
            let id = record["id"].as_u64().unwrap_or_else(|| fail("a record without an id"));
            (id, context_of(TEMPLATE, record).unwrap_or_else(|e| fail(&e.to_string())))
        })
        .collect();
    prepare_out(&a.out);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(a.threads).build().unwrap_or_else(|e| fail(&e.to_string()));
    let meta = DocMeta { title: "Biên bản họp".into(), subject: String::new(), author: "Sở Nội vụ".into() };

    let t0 = Instant::now();
    let source =
        std::fs::read_to_string(&a.template).unwrap_or_else(|e| fail(&format!("{}: {e}", a.template.display())));
    let mut templates = Templates::load(None).unwrap_or_else(|e| fail(&e.to_string()));
    templates.add(TEMPLATE, &source).unwrap_or_else(|e| fail(&e.to_string()));
    pool.install(|| {
        records.par_iter().for_each(|(id, context)| {
            let bytes = render_document_in(&templates, TEMPLATE, context, NO_ROWS, &meta, None)
                .unwrap_or_else(|e| fail(&e.to_string()));
            let path = a.out.join(format!("{id:05}.docx"));
            std::fs::write(&path, bytes).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        })
    });
    let elapsed = t0.elapsed().as_secs_f64();

    let total: u64 = docx_files(&a.out).filter_map(|p| p.metadata().ok()).map(|m| m.len()).sum();
    let n = records.len();
    println!(
        "{} {n} docs in {elapsed:.3} s = {:.1} docs/s; {total} bytes written (avg {:.0} bytes/doc)",
        a.engine,
        n as f64 / elapsed,
        total as f64 / n.max(1) as f64
    );
}

fn docx_files(dir: &Path) -> impl Iterator<Item = PathBuf> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
}

/// Creates the folder and removes the documents of an earlier run (not timed).
fn prepare_out(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())));
    for path in docx_files(dir) {
        let _ = std::fs::remove_file(path);
    }
}
