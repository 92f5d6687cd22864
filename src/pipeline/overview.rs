//! The last step of a build: the overview page, over everything the build found and
//! everything in the outputs folder, written like a document (atomically, beside a copy a
//! person edited, not at all when nothing changed).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::CheckRun;
use crate::calendar::Status;
use crate::output::{self, Manifest, OutputError, Planned, Report, Restamps, Unmade, Writer, is_document, place};
use crate::render::Templates;
use crate::render::context::overview::{Document, Page, Sources, folder_rows, overview};
use crate::render::plan::{Failed, Listed, OVERVIEW_FILE, kind_of, source_hash};

/// The tera name of the page's template.
const TEMPLATE: &str = "overview.html";

/// Renders the page and writes it. Returns the page's place in the outputs folder (its
/// own name, or a new name beside a copy a person edited); `None` when its template
/// failed, which then is in `failed`.
#[allow(clippy::too_many_arguments)]
pub fn write(
    run: &CheckRun,
    status: Option<&Status>,
    planned: Vec<Listed>,
    templates: &Templates,
    writer: &Writer,
    manifest: &mut Manifest,
    report: &mut Report,
    failed: &mut Vec<Failed>,
    restamps: &Restamps,
) -> Result<Option<PathBuf>, OutputError> {
    let documents = crate::timings::stage("overview: documents", || documents(writer.outputs, manifest, &planned));
    // A province's lists of documents (113,000 of them, twice) are let go of before the
    // page is rendered: it is the last and largest thing a build makes.
    drop(planned);
    let sources = Sources {
        dataset: run.ingest.dataset.as_ref(),
        evaluation: run.evaluation.as_ref(),
        status,
        findings: &run.findings.0,
        documents: &documents,
        today: run.today,
    };
    let context = crate::timings::stage("overview: facts", || overview(&sources));
    let folders = folder_rows(&context.folders, &documents);
    let rel = PathBuf::from(OVERVIEW_FILE);
    let facts = crate::timings::stage("overview: hash", || output::hash_json(&(&context, &folders)));
    let source = source_hash(&templates.source_hash(TEMPLATE), &facts, None);
    let made = if output::is_current(writer.outputs, manifest, &rel, source, restamps) {
        None
    } else {
        let built_at = chrono::Local::now().format("%H:%M ngày %d/%m/%Y").to_string();
        let page = Page { overview: &context, built_at };
        let write = |out: &mut dyn std::io::Write| templates.write_page(TEMPLATE, &page, &folders, out);
        match output::stage_made(writer.outputs, &rel, write) {
            Ok(made) => Some(made),
            Err(Unmade::Output(err)) => return Err(err),
            Err(Unmade::Maker(err)) => {
                failed.push(Failed { rel, error: err.into() });
                return Ok(None);
            }
        }
    };
    // The page's facts borrow the manifest the writer is about to update, and are a
    // province's hundred thousand documents: let go of before the page is put in place.
    drop(folders);
    drop(context);
    drop(documents);
    // The page is no document: it is named among the files put or found in place.
    let (written, unchanged) = (report.written.others.len(), report.unchanged.others.len());
    writer.write_into(vec![Planned { rel, source, made }], manifest, report)?;
    let placed = report.written.others.get(written).or_else(|| report.unchanged.others.get(unchanged));
    Ok(placed.cloned())
}

/// Every document of ours still in the outputs folder, with its title: as this run
/// planned it, else by its kind (a held-back unit's documents of an earlier build).
fn documents<'a>(outputs: &Path, manifest: &'a Manifest, planned: &[Listed]) -> Vec<Document<'a>> {
    // By path: an agency of thousands of people has thousands of documents.
    let titles: HashMap<&Path, &str> = planned.iter().map(|doc| (doc.rel.as_path(), doc.title.as_str())).collect();
    let title_of = |rel: &Path| {
        titles.get(rel).map(|title| title.to_string()).or_else(|| kind_of(rel).map(|kind| kind.name_vi().to_string()))
    };
    // In parallel: a province's manifest holds a hundred thousand documents, and this
    // is on the path of every rebuild, one unit's included.
    manifest
        .documents
        .par_iter()
        .map(|(rel, _)| rel.as_str())
        // What this run planned and wrote (or found current) is on disk: only the rest,
        // an earlier build's, costs a look at the disk.
        .filter(|rel| titles.contains_key(Path::new(rel)) || outputs.join(rel).is_file())
        .filter_map(|rel| {
            let original = place::original(Path::new(rel));
            let document = original.as_ref().map_or(Path::new(rel), |(document, _)| document.as_path());
            if !is_document(document) {
                return None;
            }
            let title = title_of(document).unwrap_or_else(|| crate::source::display_path(document));
            Some(Document { rel, title, new_version: original.is_some() })
        })
        .collect()
}
