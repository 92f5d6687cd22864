//! Files → [`Dataset`]: agency first (it names the units), then rosters (people), then
//! the meeting files, whose names are resolved against the roster.

mod agency;
mod book_merge;
mod causes;
mod people;
mod reviews;
mod scores;
mod sheet_scores;
mod votes;

use std::path::Path;

use rayon::prelude::*;

use super::parse_cache::{Last, Outcome, ParseCache, WorkbookRead};
use super::roster::read_workbook;
use super::roster::scores::ScoreRow;
use super::units::UnitIndex;
use super::votes_book::VotesBook;
use super::yaml::{self, AgencyDoc, AgencyReviewDoc, UnitReviewDoc, YamlKind, source_of};
use crate::findings::{Finding, Findings, Severity, input};
use crate::model::{Dataset, Membership, UnitReview};
use crate::scan::{FileKind, InputFile, scan};
use crate::source::{Origin, Source};

/// What ingest produced: the dataset (when there is an agency to hang it on), and the
/// input files it was read from, for the calendar and the build manifest.
pub struct Ingest {
    pub dataset: Option<Dataset>,
    pub files: Vec<InputFile>,
    /// The parse cache for the next build (see [`ParseCache`]), when it changed.
    pub cache: Option<ParseCache>,
}

pub fn ingest(root: &Path, findings: &mut Findings) -> Ingest {
    ingest_cached(root, None, findings)
}

/// [`ingest`], taking what it can from the parse cache `cached` of the last build.
pub fn ingest_cached(root: &Path, cached: Option<Last>, findings: &mut Findings) -> Ingest {
    ingest_with(root, |files| ParseCache::read(cached, files), findings)
}

/// [`ingest_cached`], for a build: the cache brought up to date is in [`Ingest::cache`].
/// What it adds waits in `cache_dir`, the folder the cache is kept in, until it is written.
pub fn ingest_renewing(root: &Path, cached: Option<Last>, cache_dir: &Path, findings: &mut Findings) -> Ingest {
    ingest_scanned(root, scanned(root, findings), cached, cache_dir, findings)
}

/// [`ingest_renewing`] of the `files` a scan of `root` found.
pub fn ingest_scanned(
    root: &Path,
    files: Vec<InputFile>,
    cached: Option<Last>,
    cache_dir: &Path,
    findings: &mut Findings,
) -> Ingest {
    ingest_files(root, files, |files| ParseCache::renew(cached, files, Some(cache_dir)), findings)
}

fn ingest_with(root: &Path, open: impl FnOnce(&[InputFile]) -> ParseCache, findings: &mut Findings) -> Ingest {
    ingest_files(root, scanned(root, findings), open, findings)
}

/// The inputs folder's files, as [`scan`] finds them.
pub fn scanned(root: &Path, findings: &mut Findings) -> Vec<InputFile> {
    crate::timings::stage("scan", || scan(root, findings))
}

fn ingest_files(
    root: &Path,
    mut files: Vec<InputFile>,
    open: impl FnOnce(&[InputFile]) -> ParseCache,
    findings: &mut Findings,
) -> Ingest {
    let mut cache = open(&files);
    let dataset = crate::timings::stage("ingest", || assemble(root, &files, &mut cache, findings));
    forget_texts(&mut files);
    Ingest { dataset, files, cache: cache.changed() }
}

/// Read for the parse alone: what comes after knows a file by its name and hash.
/// (Meeting files' texts are never held: see `read_and_resolve`.)
pub fn forget_texts(files: &mut [InputFile]) {
    for file in files {
        file.text = None;
    }
}

fn of_kind(files: &[InputFile], kind: YamlKind) -> impl Iterator<Item = &InputFile> {
    files.iter().filter(move |f| f.kind == FileKind::Yaml(kind))
}

fn assemble(root: &Path, files: &[InputFile], cache: &mut ParseCache, findings: &mut Findings) -> Option<Dataset> {
    let agency_files: Vec<&InputFile> = of_kind(files, YamlKind::Agency).collect();
    let agency_file = match agency_files.as_slice() {
        [one] => *one,
        [] => {
            findings.push(Finding::error(
                input::AGENCY_MISSING,
                "Không có tệp thông tin cơ quan (YAML có `kind: agency`). Hãy tạo agency.yaml (xem `xeploai init`).",
            ));
            return None;
        }
        many => {
            let names: Vec<String> = many.iter().map(|f| crate::source::display_path(&f.rel)).collect();
            findings.push(Finding::error(
                input::AGENCY_MISSING,
                format!("Có {} tệp `kind: agency` ({}); chỉ được có một.", many.len(), names.join(", ")),
            ));
            return None;
        }
    };
    let doc: AgencyDoc = match yaml::parse(text_of(agency_file), &agency_file.rel) {
        Ok(doc) => doc,
        Err(finding) => {
            findings.push(*finding);
            return None;
        }
    };
    let agency = agency::agency(doc, &agency_file.rel, findings);
    let units = UnitIndex::new(&agency);
    let unit_name = |m: Membership| match m {
        Membership::Unit(id) => agency.units[id].name.clone(),
        Membership::Leadership => crate::model::LEADERSHIP_NAME.to_string(),
    };

    // Workbooks and meeting files are read in parallel, each with its own findings,
    // merged back in file order so that messages come out in the same order every run.
    let rosters: Vec<&InputFile> = files.iter().filter(|f| f.kind == FileKind::Roster).collect();
    let books = crate::timings::stage("ingest: workbooks", || {
        let read = |file: &InputFile| {
            cache.get::<WorkbookRead>(file).unwrap_or_else(|| {
                let mut found = Findings::default();
                let workbook = read_workbook(&file.path, &file.rel, &units, &mut found);
                WorkbookRead { workbook, findings: found.0 }
            })
        };
        findings.par_map(rosters, |file, local| {
            let read = read(file);
            local.extend(read.findings.iter().cloned());
            (file, read)
        })
    });
    for (file, read) in &books {
        cache.keep(file, read);
    }
    let books = books.into_iter().map(|(file, read)| (file, read.workbook));
    let mut rows = Vec::with_capacity(books.len());
    let mut score_rows = Vec::new();
    let mut score_books = 0;
    let mut rosterless = Vec::new();
    let mut refused = 0;
    let mut workbooks = 0;
    for (file, book) in books {
        workbooks += 1;
        // A workbook refused or that could not be opened has its finding already: not
        // also "no roster".
        let unreadable = findings
            .iter()
            .any(|f| f.rule == input::INPUT_UNREADABLE && f.source.as_ref().is_some_and(|s| s.path() == &*file.rel));
        if !book.has_roster {
            if book.refused || unreadable {
                refused += 1;
            } else if book.has_score_sheet {
                score_books += 1;
            } else {
                rosterless.push(file.rel.clone());
            }
        }
        rows.push(book.rows);
        score_rows.extend(book.scores);
    }
    if workbooks == score_books {
        findings.push(Finding::error(
            input::ROSTER_MISSING,
            "Không có danh sách cán bộ, công chức, viên chức (tệp Excel .xlsx, .xls hoặc .ods) trong thư mục dữ liệu, nên không có ai để đánh giá. Hãy chép danh sách của cơ quan vào thư mục này.",
        ));
    }
    let any_roster = workbooks > rosterless.len() + refused + score_books;
    for rel in rosterless {
        let severity = if any_roster { Severity::Warning } else { Severity::Error };
        findings.push(
            Finding::new(
                input::ROSTER_NO_HEADER,
                severity,
                "Không tìm thấy danh sách trong tệp Excel: không trang tính nào có dòng tiêu đề với cột “Họ và tên”.",
            )
            .at(Source::file(rel)),
        );
    }
    let people = crate::timings::stage("ingest: people", || people::people(rows, &unit_name, findings));
    let index = people::PeopleIndex::new(&people);

    let mut books = votes::read_books(files, &units, &agency, findings);
    let mut sheet_scores = sheet_scores::by_unit(score_rows, agency.units.len(), findings);
    let roster = reviews::Roster { people: &people, index: &index, units: &units, unit_names: &unit_name };
    let workbooks = Workbooks { votes: &books, scores: &sheet_scores };
    // Each meeting file as the last build left it if it is the same file in the same
    // context, else read, parsed and resolved now; in parallel, then taken in file
    // order. A file's text and parsed YAML live only while it is resolved: held for
    // every file at once they were 1.5 KB a person, more than the dataset itself.
    let meeting_files: Vec<&InputFile> = of_kind(files, YamlKind::UnitReview).collect();
    let outcomes: Vec<(Outcome, Cacheable)> = crate::timings::stage("ingest: yaml", || {
        meeting_files
            .par_iter()
            .map(|file| match cache.get(file) {
                Some(mut outcome) => {
                    if let Outcome::Resolved { review, .. } = &mut outcome {
                        roster.share_names(review);
                    }
                    (outcome, Cacheable(true))
                }
                None => read_and_resolve(&roster, &workbooks, file),
            })
            .collect()
    });
    // Sized once: a review is 608 bytes, and grown by doubling the vector held 65,536
    // of them for a nation's 44,474 units (13 MB unused to the end of the build).
    let mut unit_reviews: Vec<UnitReview> = Vec::with_capacity(meeting_files.len());
    let mut pending_reviews: Vec<UnitReview> = Vec::new();
    let mut file_of_unit: Vec<Option<Source>> = vec![None; agency.units.len()];
    for (file, (outcome, cacheable)) in meeting_files.into_iter().zip(outcomes) {
        if cacheable.0 {
            cache.keep(file, &outcome);
        }
        match outcome {
            Outcome::Refused(finding) => findings.push(finding),
            Outcome::Resolved { unit, review, blank, findings: found } => {
                if let Some(first) = &file_of_unit[unit] {
                    findings.push(second_file(&agency.units[unit].name, "tệp họp kiểm điểm", first, &file.rel));
                    continue;
                }
                file_of_unit[unit] = Some(review.source.clone());
                findings.extend(found);
                if blank {
                    pending_reviews.push(review);
                } else {
                    unit_reviews.push(review);
                }
            }
        }
    }
    // What the workbooks held for a unit with a meeting file is in its review now.
    for unit in (0..agency.units.len()).filter(|unit| file_of_unit[*unit].is_some()) {
        books[unit] = None;
        sheet_scores[unit] = Vec::new();
    }

    let mut agency_review = None;
    for (n, file) in of_kind(files, YamlKind::AgencyReview).enumerate() {
        if n > 0 {
            findings.push(
                Finding::error(
                    input::DUPLICATE_REVIEW,
                    "Chỉ được có một tệp `kind: agency_review`; tệp này bị bỏ qua.",
                )
                .at(Source::file(&file.rel)),
            );
            continue;
        }
        match yaml::parse::<AgencyReviewDoc>(text_of(file), &file.rel) {
            Ok(doc) => {
                agency_review = Some(roster.resolver(&Origin::file(&file.rel), findings).agency_review(doc));
            }
            Err(finding) => findings.push(*finding),
        }
    }

    let unreadable_reviews = causes::place_failed_meeting_files(findings, root, &units, &agency);
    // A workbook whose meeting file is broken waits for that file's finding to be mended.
    for (unit, book) in books.iter().enumerate().filter(|(unit, _)| !unreadable_reviews.contains(unit)) {
        if let Some(finding) = book.as_ref().and_then(|b| votes::unused(b, &agency.units[unit].name)) {
            findings.push(finding);
        }
    }
    for (unit, scores) in sheet_scores.iter().enumerate().filter(|(unit, _)| !unreadable_reviews.contains(unit)) {
        findings.extend(sheet_scores::unused(scores, &agency.units[unit].name));
    }
    findings.extend(causes::year_against_meetings(&agency, &unit_reviews));
    causes::collapse_unknown_people(findings, &causes::failed_rosters(findings));
    let mut dataset = Dataset::new(agency, people, unit_reviews, agency_review);
    dataset.unreadable_reviews = unreadable_reviews;
    dataset.pending_reviews = pending_reviews;
    Some(dataset)
}

/// The workbooks merged into the units' meeting files, by unit.
struct Workbooks<'a> {
    votes: &'a [Option<VotesBook>],
    scores: &'a [Vec<ScoreRow>],
}

/// May an outcome be kept in the parse cache under its file's name and scanned hash?
struct Cacheable(bool);

/// The meeting file `file` read again, parsed and resolved. Its outcome is cached only
/// if the text is still the one the scan hashed: a file saved (or removed) since is
/// read as it is now, and the next build, which sees the new hash, reads it again.
fn read_and_resolve(roster: &reviews::Roster, workbooks: &Workbooks, file: &InputFile) -> (Outcome, Cacheable) {
    match crate::scan::read_yaml(&file.path, &file.rel) {
        Ok(text) => {
            let same = blake3::hash(text.as_bytes()) == file.content;
            (resolve(roster, workbooks, file, yaml::parse(&text, &file.rel)), Cacheable(same))
        }
        Err(finding) => (Outcome::Refused(*finding), Cacheable(false)),
    }
}

/// What a parsed meeting file comes to: a function of the file and of its context
/// alone (agency.yaml, rosters, workbooks), never of the other meeting files, so that
/// it can be cached. A unit's second file is resolved too; the caller refuses it.
fn resolve(
    roster: &reviews::Roster,
    workbooks: &Workbooks,
    file: &InputFile,
    parsed: Result<UnitReviewDoc, Box<Finding>>,
) -> Outcome {
    let doc = match parsed {
        Ok(doc) => doc,
        Err(finding) => return Outcome::Refused(*finding),
    };
    let origin = Origin::file(&file.rel);
    let Some(unit) = roster.units.resolve_unit(&doc.unit.value) else {
        return Outcome::Refused(roster.units.unknown(&doc.unit.value, source_of(&origin, &doc.unit)));
    };
    let mut found = Findings::default();
    let mut review = roster.resolver(&origin, &mut found).unit_review(&doc, unit);
    if let Some(book) = &workbooks.votes[unit] {
        votes::Merge { roster, yaml: &origin, unit, findings: &mut found }.merge(&mut review, &doc, book);
    }
    // Scores are monitored all year, before the meeting: they do not make it held.
    let blank = review.is_blank();
    let target = book_merge::Target { roster, yaml: &origin, unit, book: book_merge::Book::Scores };
    sheet_scores::merge(&target, &mut review, &workbooks.scores[unit], &mut found);
    Outcome::Resolved { unit, review, blank, findings: found.0 }
}

/// DUPLICATE_REVIEW: a unit's second file of one kind (`what`), after `first`.
fn second_file(unit_name: &str, what: &str, first: &impl std::fmt::Display, rel: &Path) -> Finding {
    Finding::error(
        input::DUPLICATE_REVIEW,
        format!("{unit_name} có hai {what}: {first} và tệp này. Hãy giữ lại một tệp."),
    )
    .unit(unit_name)
    .at(Source::file(rel))
}

fn text_of(file: &InputFile) -> &str {
    file.text.as_deref().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::parse_cache::ParseCache;

    /// The sample's inputs, copied where a test may change them.
    fn sample() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("inputs");
        for entry in walkdir::WalkDir::new(&from).into_iter().flatten().filter(|e| e.file_type().is_file()) {
            let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), to).unwrap();
        }
        dir
    }

    #[test]
    fn a_meeting_file_saved_after_the_scan_is_read_as_it_is_and_not_cached() {
        let dir = sample();
        let mut findings = Findings::default();
        let files = scan(dir.path(), &mut findings);
        let changed = dir.path().join("don-vi/thanh-tra-so.yaml");
        let text = std::fs::read_to_string(&changed).unwrap();
        let edited = text.replacen("Phòng họp tầng 2, Sở Nội vụ", "Phòng họp mới", 1);
        assert_ne!(text, edited);
        std::fs::write(&changed, edited).unwrap();

        let mut cache = ParseCache::renew(None, &files, None);
        let dataset = assemble(dir.path(), &files, &mut cache, &mut findings).expect("the sample has an agency");
        let places: Vec<&str> =
            dataset.unit_reviews.iter().filter_map(|r| r.meeting.as_ref()?.place.as_deref()).collect();
        assert!(places.contains(&"Phòng họp mới"), "read as it is now: {places:?}");

        // Its outcome belongs to no hash the scan knows: not kept. The others are.
        let mut stored = Vec::new();
        cache.changed().expect("the first build keeps what it read").write_to(&mut stored).unwrap();
        let next = ParseCache::read(Some(Last::Bytes(stored)), &files);
        let file = |name: &str| files.iter().find(|f| f.rel.ends_with(name)).unwrap();
        assert!(next.get::<Outcome>(file("thanh-tra-so.yaml")).is_none());
        assert!(next.get::<Outcome>(file("van-phong-so.yaml")).is_some());
    }

    #[test]
    fn names_read_back_from_the_cache_are_the_rosters_own() {
        let dir = sample();
        let mut findings = Findings::default();
        let files = scan(dir.path(), &mut findings);
        let mut first = ParseCache::renew(None, &files, None);
        assemble(dir.path(), &files, &mut first, &mut findings).expect("the sample has an agency");
        let mut stored = Vec::new();
        first.changed().expect("kept").write_to(&mut stored).unwrap();

        let mut cached = ParseCache::read(Some(Last::Bytes(stored)), &files);
        let mut dataset = assemble(dir.path(), &files, &mut cached, &mut findings).expect("the sample has an agency");
        let people = std::mem::take(&mut dataset.people);
        let mut resolved = 0;
        for review in &mut dataset.unit_reviews {
            for named in review.person_refs_mut() {
                if let Some(id) = named.person() {
                    assert!(std::sync::Arc::ptr_eq(&named.name, &people[id].name), "{}", named.name);
                    resolved += 1;
                }
            }
        }
        assert!(resolved > 100, "the sample's meetings name people: {resolved}");
    }

    #[test]
    fn a_meeting_file_gone_after_the_scan_is_an_unreadable_input() {
        let dir = sample();
        let mut findings = Findings::default();
        let files = scan(dir.path(), &mut findings);
        std::fs::remove_file(dir.path().join("don-vi/thanh-tra-so.yaml")).unwrap();
        let mut cache = ParseCache::renew(None, &files, None);
        assemble(dir.path(), &files, &mut cache, &mut findings);
        let unreadable = findings.iter().find(|f| f.rule == input::INPUT_UNREADABLE).expect("a finding for the file");
        assert!(unreadable.source.as_ref().is_some_and(|s| s.path().ends_with("thanh-tra-so.yaml")));
    }
}
