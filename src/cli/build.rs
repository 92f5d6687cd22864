//! `xeploai build`: check, then render the documents of every unit without errors.

use std::time::Duration;

use super::{InputArgs, OutputArgs, report};
use crate::pipeline::{build, exit};

pub fn command(input: &InputArgs, output: &OutputArgs, quiet: bool) -> u8 {
    let Some(today) = super::prepare(&input.inputs, input.today.as_deref()) else { return exit::CANNOT_RUN };
    // A progress bar only for a person at a terminal: quiet in CI, in pipes and with --quiet.
    let progress = !quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()) && std::env::var_os("CI").is_none();
    let options = output.options(&input.inputs, today, progress, Duration::from_secs(30));
    match build(&input.inputs, &options) {
        Ok(outcome) => {
            if !quiet {
                print!("{}", report::text(&outcome.run, &input.inputs));
                print!("{}", report::build_summary(&outcome.report, &options.outputs, outcome.overview.as_deref()));
                for unit in &outcome.held_back {
                    println!("  {unit}: có lỗi nên chưa lập lại văn bản; văn bản lần trước (nếu có) được giữ nguyên.");
                }
            }
            for f in &outcome.failed {
                eprintln!("LỖI: không lập được “{}”: {}", crate::source::display_path(&f.rel), f.error);
            }
            outcome.exit_code()
        }
        Err(err) => {
            eprintln!("LỖI: {err}");
            exit::CANNOT_RUN
        }
    }
}
