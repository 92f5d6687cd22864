//! `xeploai build`: check, then render the documents of every unit without errors.
//!
//! The findings are printed as soon as the inputs are checked, before rendering starts:
//! on a large agency the clerk can start fixing a file while the documents are written.

use std::time::{Duration, Instant};

use super::{InputArgs, OutputArgs, report};
use crate::pipeline::{check_for_build, exit, write_documents};

pub fn command(input: &InputArgs, output: &OutputArgs, quiet: bool) -> u8 {
    let Some(today) = super::prepare(&input.inputs, input.today.as_deref()) else { return exit::CANNOT_RUN };
    // Progress only for a person at a terminal: quiet in CI, in pipes and with --quiet.
    let progress = !quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()) && std::env::var_os("CI").is_none();
    let options = output.options(&input.inputs, today, progress, Duration::from_secs(30));
    let started = Instant::now();
    let reading = progress.then(|| spinner("Đang đọc và kiểm tra dữ liệu"));
    let run = check_for_build(&input.inputs, &options.outputs, today);
    if let Some(bar) = reading {
        bar.finish_and_clear();
    }
    if !quiet {
        print!("{}", report::text(&run, &input.inputs));
        println!("Đọc và kiểm tra xong sau {}.", seconds(started.elapsed()));
    }
    match write_documents(run, &input.inputs, &options) {
        Ok(outcome) => {
            if !quiet {
                print!("{}", report::build_summary(&outcome.report, &options.outputs, outcome.overview.as_deref()));
                for unit in &outcome.held_back {
                    println!("  {unit}: có lỗi nên chưa lập lại văn bản; văn bản lần trước (nếu có) được giữ nguyên.");
                }
                println!("Hoàn thành sau {}.", seconds(started.elapsed()));
            }
            for f in &outcome.failed {
                eprintln!("LỖI: không lập được “{}”: {}", crate::source::display_path(&f.rel), f.error);
            }
            let code = outcome.exit_code();
            // The process ends next, and its memory goes back to the system whole:
            // freeing a province's dataset piece by piece first cost 50 ms at 100,000
            // people, on the path of every rebuild.
            std::mem::forget(outcome);
            code
        }
        Err(err) => {
            eprintln!("LỖI: {err}");
            exit::CANNOT_RUN
        }
    }
}

/// A spinner with the time elapsed, for a phase whose length is not known in advance.
fn spinner(what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new_spinner();
    // ASCII ticks: the braille of the default spinner shows as boxes in Windows' console font.
    if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {msg}… {elapsed}") {
        bar.set_style(style.tick_chars("-\\|/ "));
    }
    bar.set_message(what.to_string());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// "2,4 giây", with the decimal comma of Vietnamese.
fn seconds(elapsed: Duration) -> String {
    format!("{:.1} giây", elapsed.as_secs_f64()).replace('.', ",")
}
