//! `xeploai status`: what is due, who is ready, who is missing what.

use std::path::Path;

use super::Format;
use crate::calendar;
use crate::pipeline::exit;

pub fn command(inputs: &Path, format: Format, today: Option<&str>) -> u8 {
    let Some(today) = super::prepare(inputs, today) else { return exit::CANNOT_RUN };
    let run = super::run_check(inputs, Some(&super::outputs_beside(inputs)), today);
    let Some(dataset) = &run.ingest.dataset else {
        for f in run.findings.iter() {
            eprintln!("{f}");
        }
        return exit::CANNOT_RUN;
    };
    let status = calendar::status(dataset, &run.findings.0, today);
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&status).unwrap_or_default()),
        Format::Text => print!("{}", calendar::text(&status)),
    }
    run.exit_code()
}
