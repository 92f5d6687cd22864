//! The annex of the reports to UBND tỉnh and Ban Tổ chức Tỉnh ủy, split into files of
//! their own when it is too long for one document.
//!
//! The annex has a row per person rated. Up to a province's hundred thousand people it
//! stays inside the report, as the plan asks. Past that, one document can no longer be
//! opened, printed or even written (a row is about 2.5 KB of XML, and a DOCX without
//! ZIP64 holds at most 4 GiB of it: two million rows were refused): the annex is then
//! written in parts, each a file beside the reports, numbered on from the one before,
//! and the reports' annex page says which file holds which numbers.

use serde::Serialize;

use crate::model::PersonId;

/// What a report's annex page says of one part written in a file of its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnnexFile {
    pub part: usize,
    pub file: String,
    /// The order numbers (STT) of its first and last row.
    pub first: usize,
    pub last: usize,
}

/// The context of one part's document: the annex's heading and its share of the rows.
#[derive(Debug, Serialize)]
pub struct AnnexPartCtx {
    pub year: i32,
    pub agency: String,
    pub scored: bool,
    pub part: usize,
    pub parts: usize,
    pub first: usize,
    pub last: usize,
    /// The part's people: written by the row templates (`@rows`), not given to tera.
    #[serde(skip)]
    pub people: Vec<PersonId>,
}

/// An annex of `people` cut into parts of at most `rows` each, named by `file` (from the
/// part's number and the number of parts); `None` when it fits in the report.
pub fn split(people: &[PersonId], rows: usize, file: impl Fn(usize, usize) -> String) -> Option<Vec<AnnexFile>> {
    let rows = rows.max(1);
    if people.len() <= rows {
        return None;
    }
    let parts = people.len().div_ceil(rows);
    let files = (0..parts)
        .map(|index| {
            let first = index * rows + 1;
            AnnexFile {
                part: index + 1,
                file: file(index + 1, parts),
                first,
                last: (first + rows - 1).min(people.len()),
            }
        })
        .collect();
    Some(files)
}

/// The context of each part of `files`, cut from `people` as [`split`] cut it.
pub fn parts(files: &[AnnexFile], people: &[PersonId], year: i32, agency: &str, scored: bool) -> Vec<AnnexPartCtx> {
    files
        .iter()
        .map(|f| AnnexPartCtx {
            year,
            agency: agency.to_string(),
            scored,
            part: f.part,
            parts: files.len(),
            first: f.first,
            last: f.last,
            people: people[f.first - 1..f.last].to_vec(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(n: usize) -> Vec<PersonId> {
        (0..n).collect()
    }

    fn name(part: usize, parts: usize) -> String {
        format!("{part}/{parts}")
    }

    #[test]
    fn an_annex_within_the_limit_stays_in_the_report() {
        for (n, rows) in [(0, 10), (1, 10), (10, 10), (100_000, 100_000)] {
            assert_eq!(split(&people(n), rows, name), None, "{n} rows, {rows} a file");
        }
    }

    #[test]
    fn a_long_annex_is_cut_into_numbered_parts_that_cover_it_once() {
        let table: [(usize, usize, &[(usize, usize)]); 4] = [
            (11, 10, &[(1, 10), (11, 11)]),
            (20, 10, &[(1, 10), (11, 20)]),
            (25, 10, &[(1, 10), (11, 20), (21, 25)]),
            (2_000_001, 1_000_000, &[(1, 1_000_000), (1_000_001, 2_000_000), (2_000_001, 2_000_001)]),
        ];
        for (n, rows, expected) in table {
            let all = people(n);
            let files = split(&all, rows, name).expect("split");
            let ranges: Vec<(usize, usize)> = files.iter().map(|f| (f.first, f.last)).collect();
            assert_eq!(ranges, expected, "{n} rows, {rows} a file");
            let parts = parts(&files, &all, 2023, "Sở Nội vụ", false);
            let rejoined: Vec<PersonId> = parts.iter().flat_map(|p| p.people.iter().copied()).collect();
            assert_eq!(rejoined, all, "every person once, in order");
            for (index, (file, part)) in files.iter().zip(&parts).enumerate() {
                assert_eq!((file.part, part.part, part.parts), (index + 1, index + 1, expected.len()));
                assert_eq!(file.file, format!("{}/{}", index + 1, expected.len()));
                assert_eq!(part.people.len(), file.last - file.first + 1);
            }
        }
    }
}
