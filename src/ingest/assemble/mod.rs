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

use super::roster::read_workbook;
use super::units::UnitIndex;
use super::yaml::{self, AgencyDoc, AgencyReviewDoc, UnitReviewDoc, YamlKind, source_of};
use crate::findings::{Finding, Findings, Severity, input};
use crate::model::{Dataset, Membership, UnitReview};
use crate::scan::{FileKind, InputFile, scan};
use crate::source::Source;

/// What ingest produced: the dataset (when there is an agency to hang it on), and the
/// input files it was read from, for the calendar and the build manifest.
pub struct Ingest {
    pub dataset: Option<Dataset>,
    pub files: Vec<InputFile>,
}

pub fn ingest(root: &Path, findings: &mut Findings) -> Ingest {
    let files = scan(root, findings);
    let dataset = assemble(root, &files, findings);
    Ingest { dataset, files }
}

fn of_kind(files: &[InputFile], kind: YamlKind) -> impl Iterator<Item = &InputFile> {
    files.iter().filter(move |f| f.kind == FileKind::Yaml(kind))
}

fn assemble(root: &Path, files: &[InputFile], findings: &mut Findings) -> Option<Dataset> {
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
    let books = findings.par_map(rosters, |file, local| (file, read_workbook(&file.path, &file.rel, &units, local)));
    let mut rows = Vec::new();
    let mut score_rows = Vec::new();
    let mut score_books = 0;
    let mut rosterless = Vec::new();
    let mut refused = 0;
    let workbooks = books.len();
    for (file, book) in books {
        // A workbook refused or that could not be opened has its finding already: not
        // also "no roster".
        let unreadable = findings
            .iter()
            .any(|f| f.rule == input::INPUT_UNREADABLE && f.source.as_ref().is_some_and(|s| s.file == file.rel));
        if !book.has_roster {
            if book.refused || unreadable {
                refused += 1;
            } else if book.has_score_sheet {
                score_books += 1;
            } else {
                rosterless.push(file.rel.clone());
            }
        }
        rows.extend(book.rows);
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
    let people = people::people(rows, &unit_name, findings);
    let index = people::PeopleIndex::new(&people);

    let parsed: Vec<(&InputFile, Result<UnitReviewDoc, Box<Finding>>)> = of_kind(files, YamlKind::UnitReview)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|file| (file, yaml::parse(text_of(file), &file.rel)))
        .collect();
    let mut books = votes::read_books(files, &units, &agency, findings);
    let mut sheet_scores = sheet_scores::by_unit(score_rows, agency.units.len(), findings);
    let mut unit_reviews: Vec<UnitReview> = Vec::new();
    let mut pending_reviews: Vec<UnitReview> = Vec::new();
    let mut file_of_unit: Vec<Option<Source>> = vec![None; agency.units.len()];
    for (file, parsed) in parsed {
        let doc = match parsed {
            Ok(doc) => doc,
            Err(finding) => {
                findings.push(*finding);
                continue;
            }
        };
        let Some(unit) = units.resolve_unit(&doc.unit.value) else {
            findings.push(units.unknown(&doc.unit.value, source_of(&file.rel, &doc.unit)));
            continue;
        };
        if let Some(first) = &file_of_unit[unit] {
            findings.push(second_file(&agency.units[unit].name, "tệp họp kiểm điểm", first, &file.rel));
            continue;
        }
        let context = reviews::Roster { people: &people, index: &index, units: &units, unit_names: &unit_name };
        file_of_unit[unit] = Some(Source::file(&file.rel));
        let mut review = context.resolver(&file.rel, findings).unit_review(&doc, unit);
        if let Some(book) = books[unit].take() {
            votes::Merge { roster: &context, yaml: &file.rel, unit, findings }.merge(&mut review, &doc, &book);
        }
        // Scores are monitored all year, before the meeting: they do not make it held.
        let blank = review.is_blank();
        let scores = std::mem::take(&mut sheet_scores[unit]);
        let target = book_merge::Target { roster: &context, yaml: &file.rel, unit, book: book_merge::Book::Scores };
        sheet_scores::merge(&target, &mut review, &scores, findings);
        if blank {
            pending_reviews.push(review);
        } else {
            unit_reviews.push(review);
        }
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
                let context = reviews::Roster { people: &people, index: &index, units: &units, unit_names: &unit_name };
                agency_review = Some(context.resolver(&file.rel, findings).agency_review(doc));
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
