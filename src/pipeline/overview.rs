//! The last step of a build: the overview page, over everything the build found and
//! everything in the outputs folder, written like a document (atomically, beside a copy a
//! person edited, not at all when nothing changed).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::CheckRun;
use crate::calendar::Status;
use crate::output::{self, Manifest, OutputError, Planned, Report, Restamps, Unmade, Writer, is_document, place};
use crate::render::context::overview::{Document, Page, Sources, folder_rows, overview};
use crate::render::plan::{Failed, Listed, OVERVIEW_FILE, kind_of, source_hash};
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
    planned: Vec<Listed>,
    templates: &Templates,
    writer: &Writer,
    manifest: &mut Manifest,
    report: &mut Report,
    failed: &mut Vec<Failed>,
    restamps: &Restamps,
) -> Result<Option<PathBuf>, OutputError> {
    let (paths, titles) = crate::timings::stage("overview: sort", || by_path(planned));
    let documents =
        crate::timings::stage("overview: documents", || documents(writer.outputs, manifest, &paths, &titles));
    // The page borrows the titles; the paths are let go of before it is rendered, the
    // largest thing a build makes.
    drop(paths);
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
    drop(titles);
    // The page is no document: it is named among the files put or found in place.
    let (written, unchanged) = (report.written.others.len(), report.unchanged.others.len());
    writer.write_into(vec![Planned { rel, source, made }], manifest, report)?;
    let placed = report.written.others.get(written).or_else(|| report.unchanged.others.get(unchanged));
    Ok(placed.cloned())
}

/// The documents this run planned, as their paths in byte order and their titles in the
/// same order: looked up by binary search, where a map beside the list and a copy of
/// every title took 130 MB more at a million documents.
fn by_path(mut planned: Vec<Listed>) -> (Vec<Box<Path>>, Vec<Title>) {
    planned.sort_unstable_by(|a, b| path_bytes(&a.rel).cmp(path_bytes(&b.rel)));
    // The paths are taken out first (an empty box allocates nothing), and the titles
    // then collected in the list's own allocation: an `unzip` held the list whole beside
    // both (45 MB more at a million documents).
    let paths = planned.iter_mut().map(|doc| std::mem::replace(&mut doc.rel, Path::new("").into())).collect();
    (paths, planned.into_iter().map(|doc| doc.title).collect())
}

/// A path's bytes: ordered like its string, many times faster than by components.
fn path_bytes(path: &Path) -> &[u8] {
    path.as_os_str().as_encoded_bytes()
}

/// Every document of ours still in the outputs folder, with its title: as this run
/// planned it (`paths` and `titles`, see [`by_path`]), else by its kind (a held-back
/// unit's documents of an earlier build).
fn documents<'a>(
    outputs: &Path,
    manifest: &'a Manifest,
    paths: &[Box<Path>],
    titles: &'a [Title],
) -> Vec<Document<'a>> {
    let planned_title = |rel: &Path| {
        let at = paths.binary_search_by(|path| path_bytes(path).cmp(path_bytes(rel))).ok()?;
        Some(&titles[at])
    };
    // In parallel: a province's manifest holds a hundred thousand documents, and this
    // is on the path of every rebuild, one unit's included.
    manifest
        .documents
        .par_iter()
        .map(|(rel, _)| rel.as_str())
        .filter_map(|rel| {
            let planned = planned_title(Path::new(rel));
            // What this run planned and wrote (or found current) is on disk: only the
            // rest, an earlier build's, costs a look at the disk.
            if planned.is_none() && !outputs.join(rel).is_file() {
                return None;
            }
            let original = place::original(Path::new(rel));
            let (document, planned) = match &original {
                Some((document, _)) => (document.as_path(), planned_title(document)),
                None => (Path::new(rel), planned),
            };
            if !is_document(document) {
                return None;
            }
            let title = match (planned, kind_of(document)) {
                (Some(planned), _) => Cow::Borrowed(planned),
                (None, Some(kind)) => Cow::Owned(Title::Kind(kind)),
                (None, None) => Cow::Owned(Title::Text(crate::source::display_path(document).into())),
            };
            Some(Document { rel, title, new_version: original.is_some() })
        })
        .collect()
}
