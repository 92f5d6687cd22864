//! The command line: `check`, `build`, `init`. Exit codes follow rules.md: 0 no error,
//! 1 findings of severity error, 2 the command could not run.

mod build;
mod check;
mod init;
mod report;
mod schedule;
mod status;
mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::pipeline::check as run_check;

#[derive(Parser, Debug)]
#[command(
    name = "xeploai",
    version,
    about = "Kiểm tra hồ sơ và lập văn bản đánh giá, xếp loại chất lượng hằng năm.\n\
             Checks the annual review inputs and renders the official documents.",
    long_about = None
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Kiểm tra dữ liệu đầu vào theo các quy định (Check the inputs against the rules)
    Check {
        /// Thư mục dữ liệu đầu vào (inputs folder)
        #[arg(long, default_value = "inputs")]
        inputs: PathBuf,
        /// Định dạng kết quả (output format)
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Ngày dùng để so với lịch (date for the calendar), YYYY-MM-DD
        #[arg(long)]
        today: Option<String>,
    },
    /// Kiểm tra và lập văn bản (Check the inputs and render the documents)
    Build {
        #[arg(long, default_value = "inputs")]
        inputs: PathBuf,
        /// Thư mục văn bản kết quả (outputs folder)
        #[arg(long, default_value = "outputs")]
        outputs: PathBuf,
        #[arg(long)]
        today: Option<String>,
        /// Không in tiến độ (no progress output)
        #[arg(long)]
        quiet: bool,
        /// Số bản cũ giữ lại cho mỗi văn bản trong outputs/.history (versions kept per document)
        #[arg(long, default_value_t = 5)]
        keep_history: usize,
    },
    /// Tình hình thực hiện theo lịch: hạn nào, ai đã đủ, ai còn thiếu (What is due and missing)
    Status {
        #[arg(long, default_value = "inputs")]
        inputs: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Ngày xem tình hình (date to look from), YYYY-MM-DD
        #[arg(long)]
        today: Option<String>,
    },
    /// Theo dõi thư mục và tự lập lại khi tệp thay đổi (Rebuild when inputs change)
    Watch {
        #[arg(long, default_value = "inputs")]
        inputs: PathBuf,
        #[arg(long, default_value = "outputs")]
        outputs: PathBuf,
        #[arg(long)]
        today: Option<String>,
        /// Lập lại cả theo lịch của kế hoạch (also rebuild at the calendar's scheduled times)
        #[arg(long)]
        tick: bool,
        #[arg(long, default_value_t = 5)]
        keep_history: usize,
    },
    /// In lịch chạy tự động cho cron, systemd hoặc Windows (Print the OS schedule)
    Schedule {
        #[arg(long, default_value = "inputs")]
        inputs: PathBuf,
        #[arg(long, default_value = "outputs")]
        outputs: PathBuf,
        /// Định dạng (format): cron | systemd | windows
        #[arg(long, value_enum)]
        emit: schedule::Emit,
    },
    /// Tạo thư mục dữ liệu mẫu có chú thích (Write a commented sample inputs folder)
    Init {
        /// Thư mục sẽ tạo (folder to create)
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

use crate::pipeline::exit;

pub fn main() -> ExitCode {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if crate::ingest::roster::panic_is_handled() {
            return;
        }
        eprintln!("LỖI NỘI BỘ của xeploai (không phải lỗi dữ liệu); xin báo lại kèm thông tin sau:");
        default_hook(info);
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { exit::CANNOT_RUN } else { exit::OK };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check { inputs, format, today } => check::command(&inputs, format, today.as_deref()),
        Command::Build { inputs, outputs, today, quiet, keep_history } => build::command(build::Args {
            inputs: &inputs,
            outputs: &outputs,
            today: today.as_deref(),
            quiet,
            keep_history,
        }),
        Command::Status { inputs, format, today } => status::command(&inputs, format, today.as_deref()),
        Command::Watch { inputs, outputs, today, tick, keep_history } => watch::command(watch::Args {
            inputs: &inputs,
            outputs: &outputs,
            today: today.as_deref(),
            tick,
            keep_history,
        }),
        Command::Schedule { inputs, outputs, emit } => schedule::command(&inputs, &outputs, emit),
        Command::Init { dir } => init::command(&dir),
    };
    ExitCode::from(code)
}

/// `--today` or the system date; a malformed date is a usage error (exit 2).
fn today(arg: Option<&str>) -> Result<chrono::NaiveDate, String> {
    match arg {
        None => Ok(chrono::Local::now().date_naive()),
        Some(text) => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| format!("--today “{text}” không hợp lệ; hãy viết theo dạng YYYY-MM-DD (ví dụ 2023-11-21).")),
    }
}

/// Checks shared by the commands that read inputs: the folder exists, `--today` parses.
/// Prints the problem and returns `None` when the command cannot run.
fn prepare(inputs: &std::path::Path, today_arg: Option<&str>) -> Option<chrono::NaiveDate> {
    if !inputs.is_dir() {
        eprintln!(
            "LỖI: không có thư mục dữ liệu “{}”. Hãy chỉ đúng thư mục bằng --inputs, hoặc tạo mẫu bằng `xeploai init {}`.",
            inputs.display(),
            inputs.display()
        );
        return None;
    }
    match today(today_arg) {
        Ok(date) => Some(date),
        Err(message) => {
            eprintln!("LỖI: {message}");
            None
        }
    }
}
