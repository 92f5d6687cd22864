//! The overview page (`tong-quan.html`): the calendar, each unit's readiness, the
//! findings, the rating counts and quotas, and a link to every document, in one page a
//! clerk or a leader can open without a terminal. Every fact comes from the stage that
//! owns it (the calendar's status, the findings, the rules' evaluation, the documents
//! listed by the build); nothing is counted here a second time.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::status::{StatusCtx, status};
use crate::calendar::{self, State, Status};
use crate::findings::{Finding, Severity};
use crate::model::{AGENCY_FOLDER, Dataset, DocKind, Rating};
use crate::render::Title;
use crate::render::plan::{MINUTES_FILE, unit_folders};
use crate::render::templates::{MadeRows, PageList};
use crate::rules::Evaluation;
use crate::rules::quota::{LevelCounts, QuotaBase};
use crate::rules::summary::count;
use crate::text::cmp_joined;

/// What the page is built from.
pub struct Sources<'a> {
    /// `None` when the inputs could not be read into a dataset (no agency.yaml, say).
    pub dataset: Option<&'a Dataset>,
    pub evaluation: Option<&'a Evaluation>,
    pub status: Option<&'a Status>,
    pub findings: &'a [Finding],
    /// Every document in the outputs folder, with its title, in the order of their
    /// paths (the manifest's).
    pub documents: &'a [Document<'a>],
    pub today: NaiveDate,
}

/// A document on disk, with the title it is listed under.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    /// Relative to the outputs folder, with forward slashes: the manifest's own key, in
    /// the two pieces it holds it as (the folder with its last `/`, and the file's name).
    pub rel: [&'a str; 2],
    /// As this run planned it, else its kind's name.
    pub title: Title,
    /// A new version put beside a document a person edited (`… (ban moi).docx`).
    pub new_version: bool,
}

/// The page's facts. The time of the build is apart ([`Page`]): a build that changes
/// nothing leaves the page as it was.
#[derive(Serialize)]
pub struct OverviewCtx {
    /// The agency's name, or "" without a dataset.
    pub agency: String,
    pub year: Option<i32>,
    /// `--today` as dd/mm/yyyy, and as ISO for the page's markers.
    pub today: String,
    pub today_iso: String,
    pub counts: CountsCtx,
    pub status: Option<StatusCtx>,
    /// A row per unit, written by `_rows_units.html` ([`OverviewCtx::lists`]).
    #[serde(skip)]
    pub units: Vec<UnitCtx>,
    pub findings: Vec<FindingGroupCtx>,
    pub ratings: Option<RatingsCtx>,
    /// Every document, by folder: a row per folder, made and written by
    /// `_rows_folders.html` forty folders at a time ([`folder_rows`]), not in the
    /// context tera is given.
    #[serde(skip)]
    pub folders: Vec<Folder>,
}

/// The page as the template sees it: its facts and when they were put together.
#[derive(Serialize)]
pub struct Page<'a> {
    #[serde(flatten)]
    pub overview: &'a OverviewCtx,
    /// "14:05 ngày 01/12/2023".
    pub built_at: String,
}

#[derive(Serialize)]
pub struct CountsCtx {
    pub people: usize,
    pub units: usize,
    pub units_ready: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub documents: usize,
}

/// A unit's readiness for its whole dossier.
#[derive(Serialize)]
pub struct UnitCtx {
    pub name: String,
    /// The meeting file as the inputs folder names it, or "" when there is none.
    pub meeting_file: String,
    /// The link to the unit's minutes, or "" when they are not built.
    pub minutes_href: String,
    pub errors: usize,
    pub warnings: usize,
    pub ready: bool,
    /// The calendar's words for the unit's state ("đã đủ", "còn thiếu: …", "có lỗi: …").
    pub state: String,
}

#[derive(Serialize)]
pub struct FindingGroupCtx {
    /// The unit's name, or "" for the agency and the files.
    pub unit: String,
    pub errors: usize,
    pub warnings: usize,
    pub findings: Vec<FindingCtx>,
}

/// A finding with its place as `check` prints it, and its parts for the page's markers.
#[derive(Serialize)]
pub struct FindingCtx {
    pub severity: Severity,
    pub severity_label: &'static str,
    pub rule: &'static str,
    pub message: String,
    pub person: String,
    pub legal: String,
    /// "file [Sheet!C5]", "file:12:3", "file", or "" without a place.
    pub place: String,
    pub file: String,
    pub sheet: String,
    pub cell: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
}

#[derive(Serialize)]
pub struct RatingsCtx {
    /// Everybody with a final rating (the units' staff and the leaders), per level.
    pub levels: Vec<LevelCtx>,
    pub people: u32,
    /// The summary's rows (categories, total, leaders, collectives), per level.
    pub rows: Vec<RowCtx>,
    pub groups: Vec<GroupQuotaCtx>,
    /// What the units' shares are of (the staff rated in 2023, those proposed HTTNV from 2025).
    pub unit_base: QuotaBase,
    /// A row per unit, written by `_rows_unit_quotas.html` ([`OverviewCtx::lists`]).
    #[serde(skip)]
    pub units: Vec<UnitQuotaCtx>,
}

#[derive(Serialize)]
pub struct LevelCtx {
    pub code: &'static str,
    pub name: &'static str,
    pub count: u32,
    /// The bar's length in the chart, out of [`BAR_MAX`].
    pub bar: u32,
}

/// The longest bar of the chart, in the SVG's units.
pub const BAR_MAX: u32 = 240;

#[derive(Serialize)]
pub struct RowCtx {
    pub label: String,
    pub counts: Vec<u32>,
    pub total: u32,
}

/// A quota group's final HTXSNV against its ceiling.
#[derive(Serialize)]
pub struct GroupQuotaCtx {
    pub name: String,
    pub good: u32,
    pub given: u32,
    pub allowed: u32,
    pub percent: u32,
    pub exceeded: bool,
    /// Over the ceiling, within the exceptions decided for outstanding units.
    pub excepted: bool,
    pub decisions: Vec<String>,
}

/// A unit's proposed HTXSNV against its ceiling.
#[derive(Serialize)]
pub struct UnitQuotaCtx {
    pub name: String,
    /// [`RatingsCtx::unit_base`] again: a row template sees its rows only.
    pub unit_base: QuotaBase,
    /// The count the unit's share is of ([`RatingsCtx::unit_base`]).
    pub base_count: u32,
    pub given: u32,
    pub allowed: u32,
    pub percent: u32,
    pub exceeded: bool,
    pub excepted: bool,
    pub decision: String,
}

/// A folder of the outputs tree and which of the page's documents are in it.
pub struct Folder {
    /// The folder as on disk ("" for the outputs folder itself).
    path: String,
    /// The unit it belongs to, or "" for the agency's folder and others.
    unit: String,
    agency: bool,
    /// A folder inside a unit's or the agency's (the self-reviews).
    sub: bool,
    /// Places in [`Sources::documents`], in the order of their paths: a province's page
    /// lists a hundred thousand documents, each line made only as it is written.
    documents: Vec<u32>,
}

/// A folder as the page's row template sees it.
#[derive(Serialize)]
pub struct FolderCtx<'a> {
    pub path: &'a str,
    pub unit: &'a str,
    pub agency: bool,
    pub sub: bool,
    pub documents: Vec<DocumentCtx<'a>>,
}

#[derive(Serialize)]
pub struct DocumentCtx<'a> {
    pub title: &'a Title,
    pub new_version: bool,
    /// Relative to the outputs folder, with forward slashes.
    pub path: String,
    /// `path` as a URL path: works wherever the outputs folder is moved.
    pub href: String,
}

impl OverviewCtx {
    /// The page's long lists, each with the row template that writes it where the page
    /// names that template: the folders with their documents (`folders`, see
    /// [`folder_rows`]), the units' readiness and the units' quotas. A province's units
    /// are tens of thousands of rows, which tera would otherwise copy whole.
    pub fn lists<'a>(&'a self, folders: &'a dyn PageList) -> [(&'static str, &'a dyn PageList); 3] {
        [
            ("_rows_folders.html", folders),
            ("_rows_units.html", &self.units),
            ("_rows_unit_quotas.html", self.unit_quotas()),
        ]
    }

    /// The units' quotas, none without ratings.
    pub fn unit_quotas(&self) -> &Vec<UnitQuotaCtx> {
        const NONE: &Vec<UnitQuotaCtx> = &Vec::new();
        self.ratings.as_ref().map_or(NONE, |ratings| &ratings.units)
    }
}

/// The page's folders with their documents, each made as the row template writes it.
pub fn folder_rows<'a>(folders: &'a [Folder], documents: &'a [Document]) -> MadeRows<'a, Folder, FolderCtx<'a>> {
    MadeRows::new(folders, move |_, folder| FolderCtx {
        path: &folder.path,
        unit: &folder.unit,
        agency: folder.agency,
        sub: folder.sub,
        documents: folder.documents.iter().map(|at| DocumentCtx::of(&documents[*at as usize])).collect(),
    })
}

impl<'a> DocumentCtx<'a> {
    fn of(doc: &'a Document) -> DocumentCtx<'a> {
        let path = doc.rel.concat();
        DocumentCtx { title: &doc.title, new_version: doc.new_version, href: href(&path), path }
    }
}

pub fn overview(sources: &Sources) -> OverviewCtx {
    let d = sources.dataset;
    let findings = sources.findings;
    let count = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
    let folders = folders(d, sources.documents);
    let units = d.map(|d| units(d, findings, sources.documents, sources.today)).unwrap_or_default();
    OverviewCtx {
        agency: d.map(|d| d.agency.name.clone()).unwrap_or_default(),
        year: d.map(|d| d.agency.year),
        today: sources.today.format("%d/%m/%Y").to_string(),
        today_iso: sources.today.to_string(),
        counts: CountsCtx {
            people: d.map_or(0, |d| d.people.len()),
            units: units.len(),
            units_ready: units.iter().filter(|u| u.ready).count(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            documents: sources.documents.len(),
        },
        status: d.zip(sources.status).map(|(d, s)| status(d, s)),
        units,
        findings: finding_groups(findings),
        ratings: d.zip(sources.evaluation).map(|(d, e)| ratings(d, e)),
        folders,
    }
}

fn units(d: &Dataset, findings: &[Finding], documents: &[Document], today: NaiveDate) -> Vec<UnitCtx> {
    let dossier: Vec<DocKind> = DocKind::ALL.into_iter().filter(|k| k.is_unit_document()).collect();
    let names = unit_folders(d);
    // Looked up in the documents' own order, not a set of their paths: a million
    // documents' set stood 34 MB over the page's peak.
    let on_disk = |rel: &str| documents.binary_search_by(|doc| cmp_joined(doc.rel, [rel, ""])).is_ok();
    let errors = calendar::UnitErrors::new(findings);
    let mut counts: HashMap<(&str, Severity), usize> = HashMap::new();
    for f in findings {
        *counts.entry((f.unit.as_deref().unwrap_or_default(), f.severity)).or_default() += 1;
    }
    d.agency
        .units
        .iter()
        .enumerate()
        .map(|(id, unit)| {
            let state = calendar::unit_state(d, &errors, id, &dossier, today);
            let own = |severity: Severity| counts.get(&(unit.name.as_str(), severity)).copied().unwrap_or_default();
            let minutes = format!("{}/{MINUTES_FILE}", names[id]);
            let minutes_href = match on_disk(&minutes) {
                true => href(&minutes),
                false => String::new(),
            };
            UnitCtx {
                name: unit.name.clone(),
                meeting_file: d.review_of(id).map(|r| r.source.file_display()).unwrap_or_default(),
                minutes_href,
                errors: own(Severity::Error),
                warnings: own(Severity::Warning),
                ready: state == State::Ready,
                state: state.label_vi(),
            }
        })
        .collect()
}

/// The findings by unit in `check`'s order; the agency's and the files' first when
/// they hold an error, else last.
fn finding_groups(findings: &[Finding]) -> Vec<FindingGroupCtx> {
    let mut groups: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in crate::findings::sorted(findings) {
        groups.entry(f.unit.as_deref().unwrap_or_default()).or_default().push(f);
    }
    let mut ordered: Vec<FindingGroupCtx> = groups
        .into_iter()
        .map(|(unit, list)| FindingGroupCtx {
            unit: unit.to_string(),
            errors: list.iter().filter(|f| f.severity == Severity::Error).count(),
            warnings: list.iter().filter(|f| f.severity == Severity::Warning).count(),
            findings: list.into_iter().map(finding).collect(),
        })
        .collect();
    ordered.sort_by_key(|g| (g.errors == 0, g.unit.is_empty(), g.warnings == 0));
    ordered
}

fn finding(f: &Finding) -> FindingCtx {
    let source = f.source.as_ref();
    let (sheet, cell) = source.and_then(|s| s.sheet_cell()).map(|(s, c)| (s.to_string(), c)).unwrap_or_default();
    let (line, column) = source.and_then(|s| s.line_column()).unzip();
    FindingCtx {
        severity: f.severity,
        severity_label: f.severity.label_vi(),
        rule: f.rule,
        message: f.message.clone(),
        person: f.person.clone().unwrap_or_default(),
        legal: f.legal.unwrap_or_default().to_string(),
        place: source.map(ToString::to_string).unwrap_or_default(),
        file: source.map(|s| s.file_display()).unwrap_or_default(),
        sheet,
        cell,
        line,
        column,
    }
}

fn ratings(d: &Dataset, e: &Evaluation) -> RatingsCtx {
    let counts = count(d, e);
    let mut people = LevelCounts::default();
    for rating in e.facts.people.iter().filter_map(|p| p.final_rating) {
        people.add(rating);
    }
    let most = Rating::ALL.iter().map(|r| people.get(*r)).max().unwrap_or(0).max(1);
    let levels = Rating::ALL
        .iter()
        .map(|r| LevelCtx {
            code: r.code(),
            name: r.full_name(),
            count: people.get(*r),
            bar: people.get(*r) * BAR_MAX / most,
        })
        .collect();
    let row = |row: &crate::rules::summary::Row| RowCtx {
        label: row.label.clone(),
        counts: Rating::ALL.iter().map(|r| row.counts.get(*r)).collect(),
        total: row.total(),
    };
    let mut rows: Vec<RowCtx> = counts.categories.iter().map(row).collect();
    rows.extend([&counts.total, &counts.leaders, &counts.collectives].map(row));
    let groups = e
        .quotas
        .groups
        .iter()
        .map(|g| GroupQuotaCtx {
            name: g.group.name_vi(),
            good: g.good,
            given: g.excellent,
            allowed: g.ceiling,
            percent: g.percent,
            exceeded: g.exceeded(),
            excepted: g.exceeded() && g.excepted > 0 && g.within_exceptions(),
            decisions: g.decisions.clone(),
        })
        .collect();
    let unit_base = QuotaBase::of_year(d.agency.year);
    let units = e
        .quotas
        .units
        .iter()
        .map(|q| UnitQuotaCtx {
            name: d.unit_name(q.unit).to_string(),
            unit_base,
            base_count: q.base_count(),
            given: q.excellent,
            allowed: q.ceiling,
            percent: q.percent,
            exceeded: q.exceeded(),
            excepted: q.exceeded() && q.within_exception(),
            decision: q.exception.as_ref().map(|(_, decision)| decision.clone()).unwrap_or_default(),
        })
        .collect();
    RatingsCtx { levels, people: people.total(), rows, groups, unit_base, units }
}

/// The documents by folder, as the outputs tree holds them: the agency's folder first,
/// then the units in agency.yaml order, then any other folder; each top folder followed
/// by the folders inside it.
fn folders(d: Option<&Dataset>, all: &[Document]) -> Vec<Folder> {
    // Folder → (its unit's place in agency.yaml, the unit's name).
    let units: HashMap<String, (usize, &str)> = d
        .map(|d| unit_folders(d).into_iter().zip(d.agency.units.iter().map(|u| u.name.as_str())).enumerate())
        .into_iter()
        .flatten()
        .map(|(i, (folder, name))| (folder, (i, name)))
        .collect();
    let rank = |folder: &str| match folder {
        AGENCY_FOLDER => 0,
        _ => units.get(folder).map_or(usize::MAX, |(i, _)| i + 1),
    };
    // Each document into its folder, the folder's name made once.
    let mut by_folder: HashMap<&str, Vec<u32>> = HashMap::new();
    for (at, doc) in all.iter().enumerate() {
        let folder = doc.rel[0].strip_suffix('/').unwrap_or_default();
        by_folder.entry(folder).or_default().push(at as u32);
    }
    let mut by_folder: Vec<((usize, String, String), Vec<u32>)> = by_folder
        .into_iter()
        .map(|(folder, documents)| {
            let top = top_folder(folder).to_string();
            ((rank(&top), top, folder.to_string()), documents)
        })
        .collect();
    by_folder.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    by_folder
        .into_iter()
        .map(|((_, top, path), mut documents)| {
            documents.sort_by(|a, b| cmp_joined(all[*a as usize].rel, all[*b as usize].rel));
            Folder {
                unit: units.get(&top).map(|(_, name)| name.to_string()).unwrap_or_default(),
                agency: top == AGENCY_FOLDER,
                sub: path != top,
                path,
                documents,
            }
        })
        .collect()
}

/// The first folder of a document's folder, or of a document (as a path with forward
/// slashes): "a" for "a/b" and for "a/b/c.docx", "" for the top of the outputs folder.
pub fn top_folder(folder: &str) -> &str {
    folder.split('/').next().unwrap_or_default()
}

/// A relative path as a URL path: every byte but letters, digits, `-._~` and `/`
/// percent-encoded (spaces and parentheses of "(ban moi)", a `#` or `?` in a name).
pub fn href(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_escape_what_a_url_path_cannot_hold() {
        assert_eq!(href("van-phong/x (ban moi).docx"), "van-phong/x%20%28ban%20moi%29.docx");
        assert_eq!(href("a/Biên bản #1.docx"), "a/Bi%C3%AAn%20b%E1%BA%A3n%20%231.docx");
    }

    #[test]
    fn documents_are_grouped_by_their_top_folder() {
        assert_eq!(top_folder("a/b"), "a");
        assert_eq!(top_folder("a"), "a");
        assert_eq!(top_folder(""), "");
    }
}
