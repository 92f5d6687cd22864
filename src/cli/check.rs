//! `xeploai check`: ingest and rules, findings printed; nothing written.

use std::path::Path;

use super::{Format, report};
use crate::pipeline::{check, exit};

pub fn command(inputs: &Path, format: Format, today: Option<&str>) -> u8 {
    let Some(today) = super::prepare(inputs, today) else { return exit::CANNOT_RUN };
    let run = check(inputs, today);
    match format {
        Format::Json => println!("{}", report::json(&run)),
        Format::Text => print!("{}", report::text(&run, inputs)),
    }
    run.exit_code()
}
