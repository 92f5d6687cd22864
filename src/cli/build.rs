//! `xeploai build`: check, then render the documents of every unit without errors.

use std::path::Path;

use super::{exit, report};

pub fn command(inputs: &Path, outputs: &Path, today: Option<&str>, quiet: bool) -> u8 {
    let Some(today) = super::prepare(inputs, today) else {
        return exit::CANNOT_RUN;
    };
    let run = super::run_check(inputs, today);
    if !quiet {
        print!("{}", report::text(&run, inputs));
    }
    if let Err(err) = std::fs::create_dir_all(outputs) {
        eprintln!("LỖI: không tạo được thư mục kết quả “{}”: {err}", outputs.display());
        return exit::CANNOT_RUN;
    }
    run.exit_code()
}
