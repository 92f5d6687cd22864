//! The command line: `check`, `build`, `status`, `prepare`, `init`... Exit codes follow rules.md: 0 no error,
//! 1 findings of severity error, 2 the command could not run.

mod build;
mod check;
mod consolidate;
mod help;
mod init;
mod prepare;
mod report;
mod schedule;
mod status;
mod usage;
mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

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

/// Where the inputs are and which day it is, for every command that reads inputs.
#[derive(Args, Debug)]
pub struct InputArgs {
    /// Thư mục dữ liệu đầu vào (inputs folder)
    #[arg(long, default_value = "inputs")]
    pub inputs: PathBuf,
    /// Ngày dùng để so với lịch, YYYY-MM-DD; mặc định hôm nay (date for the calendar; default today)
    #[arg(long)]
    pub today: Option<String>,
}

/// Where the documents go, for every command that writes them.
#[derive(Args, Debug)]
pub struct OutputArgs {
    /// Thư mục văn bản kết quả; mặc định: thư mục “outputs” cạnh thư mục dữ liệu (outputs folder; default: `outputs` beside the inputs folder)
    #[arg(long)]
    pub outputs: Option<PathBuf>,
    /// Số bản cũ giữ lại cho mỗi văn bản trong outputs/.history (versions kept per document)
    #[arg(long, default_value_t = 5)]
    pub keep_history: usize,
}

/// The `outputs` folder beside the inputs folder (the sample layout: `inputs/` and
/// `outputs/` side by side), never the folder the command ran from.
fn outputs_beside(inputs: &std::path::Path) -> PathBuf {
    let parent = inputs.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    parent.join("outputs")
}

impl OutputArgs {
    /// `--outputs`, else [`outputs_beside`] the inputs.
    pub fn folder(&self, inputs: &std::path::Path) -> PathBuf {
        self.outputs.clone().unwrap_or_else(|| outputs_beside(inputs))
    }

    pub fn options(
        &self,
        inputs: &std::path::Path,
        today: chrono::NaiveDate,
        progress: bool,
        lock_wait: std::time::Duration,
    ) -> BuildOptions {
        let list_rows = crate::render::plan::LIST_ROWS;
        BuildOptions {
            outputs: self.folder(inputs),
            today,
            keep_history: self.keep_history,
            lock_wait,
            progress,
            list_rows,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Kiểm tra dữ liệu đầu vào theo các quy định (Check the inputs against the rules)
    Check {
        #[command(flatten)]
        input: InputArgs,
        /// Định dạng kết quả (output format)
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Kiểm tra và lập văn bản (Check the inputs and render the documents)
    Build {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        output: OutputArgs,
        /// Không in tiến độ (no progress output)
        #[arg(long)]
        quiet: bool,
    },
    /// Tình hình thực hiện theo lịch: hạn nào, ai đã đủ, ai còn thiếu (What is due and missing)
    Status {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Theo dõi thư mục và tự lập lại khi tệp thay đổi (Rebuild when inputs change)
    Watch {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        output: OutputArgs,
        /// Lập lại cả theo lịch của kế hoạch (also rebuild at the calendar's scheduled times)
        #[arg(long)]
        tick: bool,
    },
    /// In lịch chạy tự động cho cron, systemd hoặc Windows (Print the OS schedule)
    Schedule {
        #[command(flatten)]
        input: InputArgs,
        /// Thư mục văn bản kết quả; mặc định: thư mục “outputs” cạnh thư mục dữ liệu (outputs folder)
        #[arg(long)]
        outputs: Option<PathBuf>,
        /// Định dạng (format): cron | systemd | windows
        #[arg(long, value_enum)]
        emit: schedule::Emit,
    },
    /// Cộng các tệp số liệu tổng hợp (tong-hop.json) của nhiều cơ quan thành một (Add up many agencies' summaries)
    Consolidate {
        /// Tệp tong-hop.json, hoặc thư mục chứa chúng (files, or folders searched for tong-hop.json)
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Tên của bản tổng hợp (the roll-up's name)
        #[arg(long, default_value = "Tổng hợp")]
        name: String,
        /// Ghi bản tổng hợp ra tệp JSON này (write the roll-up to this file)
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Tạo một cơ quan giả lập cỡ lớn để đo hiệu năng (Write a synthetic agency of N people, for benchmarks)
    Generate {
        /// Thư mục sẽ tạo (folder to create)
        dir: PathBuf,
        /// Số người (number of people)
        #[arg(long, default_value_t = 1000)]
        people: usize,
        /// Hạt giống ngẫu nhiên (seed: the same seed gives the same agency)
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Số dòng mỗi tệp danh sách (rows per roster workbook)
        #[arg(long, default_value_t = crate::generate::ROWS_PER_WORKBOOK)]
        rows_per_workbook: usize,
    },
    /// Lập sẵn tệp họp kiểm điểm và bảng phiếu cho từng đơn vị từ danh sách (Prepare each unit's meeting file and votes workbook)
    Prepare {
        /// Thư mục dữ liệu đầu vào (inputs folder)
        #[arg(long, default_value = "inputs")]
        inputs: PathBuf,
    },
    /// Tạo thư mục dữ liệu ban đầu có chú thích, tệp họp lập sẵn (Write a commented starting inputs folder)
    Init {
        /// Thư mục sẽ tạo (folder to create)
        dir: PathBuf,
        /// Năm đánh giá; mặc định là kỳ mới nhất đã hỗ trợ (review year; default: the latest supported cycle)
        #[arg(long)]
        year: Option<i32>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

use crate::pipeline::{BuildOptions, exit};

pub fn main() -> ExitCode {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if crate::ingest::roster::panic_is_handled() {
            return;
        }
        eprintln!("LỖI NỘI BỘ của xeploai (không phải lỗi dữ liệu); xin báo lại kèm thông tin sau:");
        default_hook(info);
    }));
    let parsed = help::vietnamese(Cli::command()).try_get_matches().and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        // Help and version are printed as they are; a mistake is told in Vietnamese.
        Err(err) if !err.use_stderr() => {
            let _ = err.print();
            return ExitCode::from(exit::OK);
        }
        Err(err) => {
            eprintln!("{}", usage::message(&err));
            return ExitCode::from(exit::CANNOT_RUN);
        }
    };
    crate::timings::from_env();
    let code = match cli.command {
        Command::Check { input, format } => check::command(&input.inputs, format, input.today.as_deref()),
        Command::Build { input, output, quiet } => build::command(&input, &output, quiet),
        Command::Status { input, format } => status::command(&input.inputs, format, input.today.as_deref()),
        Command::Watch { input, output, tick } => watch::command(&input, &output, tick),
        Command::Schedule { input, outputs, emit } => {
            schedule::command(&input.inputs, outputs.as_deref(), input.today.as_deref(), emit)
        }
        Command::Prepare { inputs } => prepare::command(&inputs),
        Command::Consolidate { paths, name, out, format } => {
            consolidate::command(&paths, &name, out.as_deref(), format)
        }
        Command::Init { dir, year } => init::command(&dir, year),
        Command::Generate { dir, people, seed, rows_per_workbook } => {
            match crate::generate::generate_with(&dir, people, seed, rows_per_workbook) {
                Ok(g) => {
                    println!(
                        "Đã tạo {} người, {} đơn vị, {} tệp Excel trong “{}”.",
                        g.people,
                        g.units,
                        g.workbooks,
                        dir.display()
                    );
                    exit::OK
                }
                Err(e) => {
                    eprintln!("LỖI: {e}");
                    exit::CANNOT_RUN
                }
            }
        }
    };
    eprint!("{}", crate::timings::table());
    ExitCode::from(code)
}

/// The folder as the clerk's file manager shows it: absolute, so that a relative path
/// given from some other folder is still found. Without touching the disk: a folder not
/// made yet still gets its full path (`canonicalize` fails on it, and gives `\\?\`
/// paths on Windows).
fn absolute(path: &std::path::Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `--today` or the system date, in any form the YAML files accept (2023-11-21,
/// 21/11/2023...); a malformed date is a usage error (exit 2).
fn today(arg: Option<&str>) -> Result<chrono::NaiveDate, String> {
    match arg {
        None => Ok(chrono::Local::now().date_naive()),
        Some(text) => crate::ingest::yaml::parse_date(text).map_err(|why| format!("--today: {why}")),
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
