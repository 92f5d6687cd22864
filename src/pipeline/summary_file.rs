//! `tong-hop.json` beside the documents: the counts of the agency's report as data, for
//! the level above to add up (`xeploai consolidate`, [`crate::rollup`]). Written like a
//! document (atomically, beside a copy a person edited, not at all when unchanged), and
//! only by a build that made the report printing the same counts (no error anywhere, the
//! agency's leadership concluded, its template rendered).

use std::path::PathBuf;

use super::CheckRun;
use crate::output::{self, Made, Manifest, OutputError, Planned, Report, Writer};
use crate::render::plan::{Listed, agency_report};
use crate::rollup::{FILE, RollUp};

pub fn write(
    run: &CheckRun,
    agency: &[Listed],
    writer: &Writer,
    manifest: &mut Manifest,
    report: &mut Report,
) -> Result<(), OutputError> {
    let (Some(d), Some(e)) = (&run.ingest.dataset, &run.evaluation) else { return Ok(()) };
    let agency_report = agency_report();
    if !agency.iter().any(|doc| *doc.rel == *agency_report) {
        return Ok(());
    }
    let bytes = RollUp::of_agency(&d.agency, &crate::rules::summary::count(d, e)).to_json().into_bytes();
    let rel = PathBuf::from(FILE);
    let source = crate::render::plan::source_hash("", &output::hash(&bytes), None);
    // The same bytes as on disk are not written again (the writer compares them).
    writer.write_into(vec![Planned { rel, source, made: Some(Made::Bytes(bytes)) }], manifest, report)
}
