//! The last step of a build: the overview page, over everything the build found and
//! everything in the outputs folder, written like a document (atomically, beside a copy a
//! person edited, not at all when nothing changed).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::CheckRun;
use crate::calendar::Status;
use crate::output::document_map::{DocKey, Pieces};
use crate::output::{self, Manifest, OutputError, Planned, Report, Restamps, Unmade, Writer, is_document, place};
use crate::render::context::overview::{Document, Page, Sources, folder_rows, overview, top_folder};
use crate::render::plan::{Failed, Listed, OVERVIEW_FILE, Titles, kind_of, source_hash};
use crate::render::{Templates, Title};

/// The tera name of the page's template.
const TEMPLATE: &str = "overview.html";

/// Renders the page and writes it. Returns the page's place in the outputs folder (its
/// own name, or a new name beside a copy a person edited); `None` when its template
/// failed, which then is in `failed`.
#[allow(clippy::too_many_arguments)]
pub fn write(
    run: &CheckRun,
    status: Option<&Status>,
    titles: Option<&Titles>,
    templates: &Templates,
    writer: &Writer,
    manifest: &mut Manifest,
    report: &mut Report,
    failed: &mut Vec<Failed>,
    restamps: &Restamps,
) -> Result<Option<PathBuf>, OutputError> {
    let documents = crate::timings::stage("overview: documents", || documents(writer.outputs, manifest, titles));
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
    // The page's context skips its long lists (tera is given them a few rows at a
    // time): they are hashed beside it.
    let facts = crate::timings::stage("overview: hash", || {
        output::hash_json(&(&context, &folders, &context.units, context.unit_quotas()))
    });
    let source = source_hash(&templates.source_hash(TEMPLATE), &facts, None);
    let made = if output::is_current(writer.outputs, manifest, &rel, source, restamps) {
        None
    } else {
        let built_at = chrono::Local::now().format("%H:%M ngày %d/%m/%Y").to_string();
        let page = Page { overview: &context, built_at };
        let write = |out: &mut dyn std::io::Write| templates.write_page(TEMPLATE, &page, &context.lists(&folders), out);
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

/// The top folder of the document at `key`: as [`top_folder`] of its whole path.
fn top_of(key: &DocKey) -> &str {
    let [folder, name] = key.pieces();
    top_folder(if folder.is_empty() { name } else { folder })
}

/// A path's bytes: ordered like its string, many times faster than by components.
fn path_bytes(path: &Path) -> &[u8] {
    path.as_os_str().as_encoded_bytes()
}

/// Every document of ours still in the outputs folder, with its title: as this run
/// planned it (`titles`), else by its kind (a held-back unit's documents of an earlier
/// build).
fn documents<'a>(outputs: &Path, manifest: &'a Manifest, titles: Option<&Titles>) -> Vec<Document<'a>> {
    // In the manifest's byte order each top folder's documents are together: a folder's
    // titles are made once for all of them. In parallel: a province's manifest holds a
    // hundred thousand documents, and this is on the path of every rebuild, one unit's
    // included. A folder is its first key and its count, read back from the manifest
    // when its turn comes: the list of every key was 18 MB at a million documents.
    let mut folders: Vec<(&DocKey, usize)> = Vec::new();
    for key in manifest.documents.keys() {
        match folders.last_mut() {
            Some((first, count)) if top_of(first) == top_of(key) => *count += 1,
            _ => folders.push((key, 1)),
        }
    }
    let by_folder: Vec<Vec<Document>> = folders
        .par_iter()
        .map(|&(first, count)| {
            let mut planned = titles.map(|titles| titles.in_folder(top_of(first))).unwrap_or_default();
            planned.sort_unstable_by(|a, b| path_bytes(&a.rel).cmp(path_bytes(&b.rel)));
            let keys = manifest.documents.from_path(&first.path()).take(count).map(|(key, _)| key);
            keys.filter_map(|key| document(outputs, key, &planned)).collect()
        })
        .collect();
    // Joined a folder at a time, each let go of once moved: rayon's own joining of a
    // parallel `flat_map` held its pieces and the whole side by side, 54 MB twice at a
    // million documents, at the peak of the run.
    let mut documents = Vec::with_capacity(by_folder.iter().map(Vec::len).sum());
    for folder in by_folder {
        documents.extend(folder);
    }
    documents
}

/// The document at `key` in the outputs folder, if it is one of ours on disk, titled as
/// `planned` (its folder's, by path) has it.
fn document<'a>(outputs: &Path, key: &'a DocKey, planned: &[Listed]) -> Option<Document<'a>> {
    let path = key.path();
    let rel = path.as_str();
    let planned_title = |rel: &Path| {
        let at = planned.binary_search_by(|doc| path_bytes(&doc.rel).cmp(path_bytes(rel))).ok()?;
        Some(&planned[at].title)
    };
    let title = planned_title(Path::new(rel));
    // What this run planned and wrote (or found current) is on disk: only the rest, an
    // earlier build's, costs a look at the disk.
    if title.is_none() && !outputs.join(rel).is_file() {
        return None;
    }
    let original = place::original(Path::new(rel));
    let (document, title) = match &original {
        Some((document, _)) => (document.as_path(), planned_title(document)),
        None => (Path::new(rel), title),
    };
    if !is_document(document) {
        return None;
    }
    let title = match (title, kind_of(document)) {
        (Some(planned), _) => planned.clone(),
        (None, Some(kind)) => Title::Kind(kind),
        (None, None) => Title::Text(crate::source::display_path(document).into()),
    };
    Some(Document { rel: key.pieces(), title, new_version: original.is_some() })
}
