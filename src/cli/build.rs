//! `xeploai build`: check, then render the documents of every unit without errors.

use std::path::Path;
use std::time::Duration;

use super::report;
use crate::pipeline::{BuildOptions, build, exit};

pub struct Args<'a> {
    pub inputs: &'a Path,
    pub outputs: &'a Path,
    pub today: Option<&'a str>,
    pub quiet: bool,
    pub keep_history: usize,
}

pub fn command(args: Args) -> u8 {
    let Some(today) = super::prepare(args.inputs, args.today) else { return exit::CANNOT_RUN };
    let options = BuildOptions {
        outputs: args.outputs.to_path_buf(),
        today,
        keep_history: args.keep_history,
        lock_wait: Duration::from_secs(30),
        // Only for a person at a terminal: quiet in CI, in pipes and with --quiet.
        progress: !args.quiet
            && std::io::IsTerminal::is_terminal(&std::io::stderr())
            && std::env::var_os("CI").is_none(),
    };
    match build(args.inputs, &options) {
        Ok(outcome) => {
            if !args.quiet {
                print!("{}", report::text(&outcome.run, args.inputs));
                print!("{}", report::build_summary(&outcome.report, args.outputs));
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
