//! `xeploai check`: ingest and rules, findings printed; nothing written (the parse cache
//! of a build beside the inputs is read).

use std::path::Path;

use super::{Format, report};
use crate::pipeline::{check, exit};

pub fn command(inputs: &Path, format: Format, today: Option<&str>) -> u8 {
    let Some(today) = super::prepare(inputs, today) else { return exit::CANNOT_RUN };
    // The cache of a build into the usual place; a build elsewhere only costs time.
    let run = check(inputs, Some(&super::outputs_beside(inputs)), today);
    match format {
        Format::Json => println!("{}", report::json(&run)),
        Format::Text => print!("{}", report::text(&run, inputs)),
    }
    run.exit_code()
}
