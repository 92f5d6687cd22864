//! Criterion benchmarks of the hot paths: roster ingest, meeting files with and without
//! the parse cache, rule checking, the unit keys and name order of a rebuild's plan, the
//! three steps of rendering one document (template, markup, DOCX), an agency's annex as
//! its row template writes it, a build's manifest entries as its documents are written,
//! and a national roll-up of 63 provinces' summaries. Whole
//! runs are timed by `bench/run`; the peer comparison by `bench/peers`.
//!
//! `cargo bench --bench hot_paths` (add `-- render` to run one group).

use std::path::Path;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use xeploai::findings::Findings;
use xeploai::ingest::parse_cache::Last;
use xeploai::ingest::{ingest, ingest_renewing};
use xeploai::render::unit_key::Shared;
use xeploai::render::{DocMeta, NO_ROWS, Rows, Templates, markup, render_document, write_docx};
use xeploai::rollup::RollUp;
use xeploai::rules::evaluate;

const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2023, 12, 1).unwrap();

/// A synthetic agency of `people` in a temporary folder.
fn agency(people: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    xeploai::generate::generate(dir.path(), people, 1).expect("the generator writes the agency");
    dir
}

/// Roster ingest: 30,000 rows in the generator's workbooks, with only agency.yaml beside
/// them (the meeting files removed), so that the time is the rosters'.
fn roster_ingest(c: &mut Criterion) {
    let dir = agency(30_000);
    for entry in walkdir::WalkDir::new(dir.path()).into_iter().flatten() {
        let p = entry.path();
        if p.extension().is_some_and(|x| x == "yaml") && !p.ends_with("agency.yaml") {
            std::fs::remove_file(p).expect("remove a meeting file");
        }
    }
    let people = ingest(dir.path(), &mut Findings::default()).dataset.map_or(0, |d| d.people.len());
    assert!(people >= 29_000, "the rosters hold {people} people");
    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.bench_function("rosters_30000_rows", |b| b.iter(|| ingest(dir.path(), &mut Findings::default())));
    group.finish();
}

/// Every rule over a 10,000-person agency with all its meeting files.
fn rules(c: &mut Criterion) {
    let dir = agency(10_000);
    let d = ingest(dir.path(), &mut Findings::default()).dataset.expect("a dataset");
    let mut group = c.benchmark_group("rules");
    group.sample_size(20);
    group.bench_function("evaluate_10000_people", |b| b.iter(|| evaluate(&d, TODAY)));
    group.finish();
}

/// The meeting files of a 10,000-person agency (455 units), as a build reads them:
/// parsed and resolved, or taken from the parse cache of the last build.
fn meeting_files(c: &mut Criterion) {
    let dir = agency(10_000);
    let outputs = tempfile::tempdir().expect("a temporary folder");
    let parsed = || ingest_renewing(dir.path(), None, outputs.path(), &mut Findings::default());
    let written = parsed().cache.expect("a parse cache");
    let cache = outputs.path().join(xeploai::ingest::parse_cache::CACHE_NAME);
    let file = std::fs::File::create(&cache).expect("the cache's file");
    written.write_to(std::io::BufWriter::new(file)).expect("the cache written");
    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.bench_function("10000_people_parsed", |b| b.iter(parsed));
    group.bench_function("10000_people_cached", |b| {
        // Read from its file entry by entry, as a build reads it.
        b.iter(|| ingest_renewing(dir.path(), Last::open(&cache), outputs.path(), &mut Findings::default()))
    });
    group.finish();
}

/// What a rebuild computes for every unit instead of its contexts (the unit keys), and
/// the Vietnamese name order of the agency's lists.
fn unit_keys_and_name_order(c: &mut Criterion) {
    let dir = agency(10_000);
    let d = ingest(dir.path(), &mut Findings::default()).dataset.expect("a dataset");
    let e = evaluate(&d, TODAY);
    let templates = Templates::load(None).expect("the templates");
    let folders = d.agency.unit_folders().names;
    let mut group = c.benchmark_group("plan");
    group.sample_size(20);
    group.bench_function("unit_keys_10000_people", |b| {
        b.iter(|| {
            let shared = Shared::new(&d, &e, &templates);
            (0..d.agency.units.len()).map(|u| shared.unit_key(&d, &e, u, &folders[u])).collect::<Vec<String>>()
        })
    });
    group.bench_function("name_order_10000_people", |b| b.iter(|| xeploai::rules::summary::ordered(&d)));
    group.finish();
}

/// One peer-benchmark minutes (bench/peer: 3 tables, 209 paragraphs), step by step.
fn render(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/peer");
    let record: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("record.json")).expect("record.json")).expect("JSON");
    let mut templates = Templates::load(None).expect("templates");
    templates.add("peer.tera", &std::fs::read_to_string(root.join("minutes.tera")).expect("template")).expect("parses");
    let meta = DocMeta { title: "Biên bản họp".into(), subject: String::new(), author: "Sở Nội vụ".into() };
    let text = templates.render("peer.tera", &record).expect("renders");
    let doc = markup::parse(&text, "peer.tera").expect("markup");

    let mut group = c.benchmark_group("render");
    group.bench_function("1_template", |b| b.iter(|| templates.render("peer.tera", &record)));
    group.bench_function("2_markup", |b| b.iter(|| markup::parse(&text, "peer.tera")));
    group.bench_function("3_docx", |b| b.iter(|| write_docx(&doc, &meta)));
    group.bench_function("all", |b| b.iter(|| render_document(&templates, "peer.tera", &record, NO_ROWS, &meta, None)));
    group.finish();
}

/// The annex of a 10,000-person agency as the reports write it: each thousand lines made
/// from the dataset and written by `_rows_annex.tera` (`@rows`), none of them kept.
fn annex(c: &mut Criterion) {
    let dir = agency(10_000);
    let d = ingest(dir.path(), &mut Findings::default()).dataset.expect("a dataset");
    let e = evaluate(&d, TODAY);
    let summary = xeploai::rules::summary::summarize(&d, &e, &xeploai::rules::summary::ordered(&d));
    let rows = xeploai::render::context::agency::annex(&summary.annex, 1, &d, &e);
    let mut templates = Templates::load(None).expect("templates");
    templates.add("annex.tera", "@rows _rows_annex.tera\n").expect("parses");
    let context = serde_json::json!({});
    let written = templates.render_with_rows("annex.tera", &context, &rows).expect("renders");
    assert!(written.lines().count() >= d.people.len(), "a line per person");
    // The same lines made once and held, as before they were made as written: the
    // difference is what making them costs each document that prints them.
    let mut held = Vec::new();
    rows.each_chunk(usize::MAX, |all| Ok::<(), ()>(held.extend_from_slice(all))).expect("the lines");
    let mut group = c.benchmark_group("render");
    group.sample_size(20);
    group
        .bench_function("annex_10000_people", |b| b.iter(|| templates.render_with_rows("annex.tera", &context, &rows)));
    group.bench_function("annex_10000_people_held", |b| {
        b.iter(|| templates.render_with_rows("annex.tera", &context, held.as_slice()))
    });
    group.finish();
}

/// A first build's record of what it wrote, a province's 113,000 documents: each
/// recorded as it is put in place, over an empty manifest (the B-tree packed as it grows).
fn changes(c: &mut Criterion) {
    use xeploai::output::{Changes, Digest, Documents, Entry, Manifest};
    let keys: Vec<String> =
        (0..113_000).map(|n| format!("don-vi/{:05}-phong/tu-kiem-diem/{n:06}.docx", n / 25)).collect();
    let entry = Entry { source: Digest::of(b"source"), bytes: Digest::of(b"bytes"), len: 14_000, modified: 1 };
    let before = Manifest::default();
    let mut group = c.benchmark_group("output");
    group.bench_function("record_113000_documents", |b| {
        b.iter(|| {
            let mut changes = Changes::over(&before);
            keys.iter().for_each(|key| changes.record(key.clone(), entry.clone()));
            changes.into_changed().len()
        })
    });
    group.finish();
}

/// The national roll-up: 63 provinces' `tong-hop.json` read, checked and added up. Each is
/// the summary of a generated agency of 10,000 people, its counts scaled by 1 to 7 (a
/// province of 10,000 to 70,000 rated people, about 2.5 million in all).
fn roll_up(c: &mut Criterion) {
    let dir = agency(10_000);
    let d = ingest(dir.path(), &mut Findings::default()).dataset.expect("a dataset");
    let e = evaluate(&d, TODAY);
    let province = RollUp::of_agency(&d.agency, &xeploai::rules::summary::count(&d, &e));
    assert!(province.people() >= 9_000, "the agency's summary counts {} people", province.people());
    let provinces = tempfile::tempdir().expect("a temporary folder");
    for i in 0..63u64 {
        let mut summary = province.clone();
        summary.agency = format!("Sở Nội vụ tỉnh số {}", i + 1);
        summary.parent = format!("UBND tỉnh số {}", i + 1);
        summary.rows.iter_mut().flat_map(|row| row.counts.iter_mut()).for_each(|count| *count *= i % 7 + 1);
        let folder = provinces.path().join(format!("tinh-{:02}", i + 1));
        std::fs::create_dir_all(&folder).expect("a province's folder");
        std::fs::write(folder.join(xeploai::rollup::FILE), summary.to_json()).expect("a province's summary");
    }
    let paths = [provinces.path().to_path_buf()];
    let mut group = c.benchmark_group("rollup");
    group.bench_function("consolidate_63_provinces", |b| {
        b.iter(|| {
            let read = xeploai::rollup::read_all(&paths, None).expect("63 summaries");
            let summaries: Vec<RollUp> = read.into_iter().map(|(_, summary)| summary).collect();
            RollUp::sum("Toàn quốc", &summaries).expect("a roll-up")
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    render,
    annex,
    rules,
    roster_ingest,
    meeting_files,
    unit_keys_and_name_order,
    changes,
    roll_up
);
criterion_main!(benches);
