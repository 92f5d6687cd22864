//! One mistake, one finding, under the unit it breaks (rules.md, Precise readings: "A
//! unit with no meeting file"). A meeting file that could not be read is put under the
//! unit it is about, and that unit is marked so that nothing is derived from the missing
//! review; a roster that could not be read does not turn into one UNKNOWN_PERSON per
//! name of every meeting file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::super::units::UnitIndex;
use super::super::votes_book::layout::is_book_name;
use crate::findings::{Finding, Findings, Severity, input};
use chrono::{Datelike, NaiveDate};

use crate::model::{Agency, UnitId, UnitReview};
use crate::source::Source;
use crate::text::{decode_text, quote_list};

/// Findings that mean "this file could not be read as a meeting file".
const FILE_FAILURES: [&str; 4] =
    [input::INPUT_UNREADABLE, input::INPUT_INVALID, input::INPUT_UNCLASSIFIED, input::UNKNOWN_UNIT];

fn is_yaml(file: &Path) -> bool {
    file.extension().is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Puts each failed YAML file's finding under the unit the file is about (its `unit:`
/// line, else its name) and returns the units whose meeting file failed with an error.
/// An unclassified file is only placed: it is a warning, and the unit's dossier stays
/// incomplete until the file is mended.
pub fn place_failed_meeting_files(
    findings: &mut Findings,
    root: &Path,
    units: &UnitIndex,
    agency: &Agency,
) -> Vec<UnitId> {
    let mut unreadable = Vec::new();
    for finding in findings.0.iter_mut().filter(|f| f.unit.is_none() && FILE_FAILURES.contains(&f.rule)) {
        let Some(rel) = finding.source.as_ref().map(|s| s.path().to_path_buf()).filter(|f| is_yaml(f)) else {
            continue;
        };
        let text = std::fs::read(root.join(&rel)).ok().and_then(decode_text);
        let Some(unit) = units.of_meeting_file(&rel, text.as_deref()) else { continue };
        finding.unit = Some(agency.units[unit].name.clone());
        if finding.is_error() && finding.rule != input::INPUT_UNCLASSIFIED && !unreadable.contains(&unit) {
            unreadable.push(unit);
        }
    }
    unreadable
}

/// Roster files that could not be read as a whole: unreadable, or without a header.
pub fn failed_rosters(findings: &Findings) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .filter(|f| f.rule == input::ROSTER_NO_HEADER || f.rule == input::INPUT_UNREADABLE)
        .filter_map(|f| f.source.as_ref().map(|s| s.path().to_path_buf()))
        .filter(|file| !is_yaml(file))
        .filter(|file| !file.file_name().is_some_and(|n| is_book_name(&n.to_string_lossy())))
        .collect();
    files.dedup();
    files
}

/// When a roster could not be read, the UNKNOWN_PERSON findings of each meeting file are
/// one finding naming the roster as the likely cause, instead of one per name.
pub fn collapse_unknown_people(findings: &mut Findings, failed_rosters: &[PathBuf]) {
    if failed_rosters.is_empty() {
        return;
    }
    let mut by_file: BTreeMap<(PathBuf, Option<String>), Vec<Finding>> = BTreeMap::new();
    let mut kept = Vec::with_capacity(findings.0.len());
    for finding in findings.0.drain(..) {
        match finding.source.as_ref().map(|s| s.path().to_path_buf()) {
            Some(file) if finding.rule == input::UNKNOWN_PERSON => {
                by_file.entry((file, finding.unit.clone())).or_default().push(finding)
            }
            _ => kept.push(finding),
        }
    }
    let rosters: Vec<String> = failed_rosters.iter().map(|f| crate::source::display_path(f)).collect();
    for ((file, unit), mut list) in by_file {
        if list.len() == 1 {
            kept.append(&mut list);
            continue;
        }
        let names: Vec<String> = list.iter().filter_map(|f| f.person.clone()).collect();
        let message = format!(
            "{} người ghi trong tệp này không có trong danh sách ({}). Có lẽ vì danh sách trong {} chưa đọc được (xem lỗi của tệp đó): hãy sửa tệp danh sách trước, rồi kiểm tra lại.",
            names.len(),
            names.join(", "),
            quote_list(&rosters)
        );
        let first = list.swap_remove(0);
        let mut collapsed =
            Finding::error(input::UNKNOWN_PERSON, message).at_opt(first.source.or(Some(Source::file(file))));
        collapsed.unit = unit;
        kept.push(collapsed);
    }
    findings.0 = kept;
}

/// The agency's `year` chooses the rule set: meetings held in another year mean it was
/// most likely left from last year's folder. One warning at `year:`, naming a meeting.
/// Meetings of January the year after still belong to the year reviewed.
pub fn year_against_meetings(agency: &Agency, reviews: &[UnitReview]) -> Option<Finding> {
    let belongs = |date: NaiveDate| date.year() == agency.year || (date.year() == agency.year + 1 && date.month() == 1);
    let off: Vec<(NaiveDate, &Source)> = reviews
        .iter()
        .filter_map(|r| r.meeting.as_ref())
        .filter_map(|m| m.date.map(|date| (date, &m.source)))
        .filter(|(date, _)| !belongs(*date))
        .collect();
    let (date, source) = off.first()?;
    Some(
        Finding::warning(
            input::INPUT_INVALID,
            format!(
                "Năm đánh giá trong agency.yaml là {}, nhưng {} cuộc họp kiểm điểm lại họp năm khác (ví dụ ngày {} tại {}). Hãy sửa `year:` trong agency.yaml, hoặc ngày họp, cho khớp: năm đánh giá quyết định quy định được áp dụng.",
                agency.year,
                off.len(),
                date.format("%d/%m/%Y"),
                source
            ),
        )
        .at(agency.source.clone()),
    )
}
