//! `xeploai schedule --emit cron|systemd|windows`: the OS's own scheduler runs the builds.
//!
//! What is printed is meant to be pasted as it is: absolute paths (also for an outputs
//! folder that does not exist yet), Vietnam's time zone whatever the machine's, a log
//! the clerk can open, and only runs still to come. The texts are templates in
//! `templates/schedule/`; this file only quotes paths for each shell.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDateTime, Timelike};
use clap::ValueEnum;
use serde::Serialize;
use tera::{Context, Kwargs, State, Tera};

use crate::calendar::schedule::{TIME_ZONE, UTC_OFFSET, upcoming, vietnam_now};
use crate::pipeline::exit;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Emit {
    Cron,
    Systemd,
    Windows,
}

impl Emit {
    fn template(self) -> (&'static str, &'static str) {
        match self {
            Emit::Cron => ("cron", include_str!("../../templates/schedule/cron.tera")),
            Emit::Systemd => ("systemd", include_str!("../../templates/schedule/systemd.tera")),
            Emit::Windows => ("windows", include_str!("../../templates/schedule/windows.tera")),
        }
    }
}

/// The log each scheduled run appends to, in the outputs folder the clerk already opens.
const LOG_NAME: &str = "xeploai.log";

/// One run, split the ways the schedulers want it.
#[derive(Serialize)]
struct Run {
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    /// 2023-11-22
    date: String,
    /// 07:30:00
    time: String,
}

impl From<NaiveDateTime> for Run {
    fn from(at: NaiveDateTime) -> Run {
        Run {
            year: at.year(),
            month: at.month(),
            day: at.day(),
            hour: at.hour(),
            minute: at.minute(),
            date: at.format("%Y-%m-%d").to_string(),
            time: at.format("%H:%M:%S").to_string(),
        }
    }
}

#[derive(Serialize)]
struct Job {
    year: i32,
    runs: Vec<Run>,
    exe: String,
    inputs: String,
    outputs: String,
    /// The folder the run starts in: the one holding the inputs folder.
    folder: String,
    log: String,
    time_zone: &'static str,
    utc_offset: &'static str,
}

pub fn command(inputs: &Path, outputs: Option<&Path>, today: Option<&str>, emit: Emit) -> u8 {
    let Some(date) = super::prepare(inputs, today) else { return exit::CANNOT_RUN };
    let cache_in = outputs.map_or_else(|| super::outputs_beside(inputs), Path::to_path_buf);
    let run = crate::pipeline::check(inputs, Some(&cache_in), date);
    let Some(dataset) = &run.ingest.dataset else {
        eprintln!("LỖI: không đọc được agency.yaml, nên không có lịch để lập.");
        return exit::CANNOT_RUN;
    };
    let calendar = &dataset.agency.calendar;
    if calendar.is_empty() {
        eprintln!("LỖI: agency.yaml chưa có lịch (calendar).");
        return exit::CANNOT_RUN;
    }
    // `--today` asks for the schedule as seen that morning; otherwise it is Vietnam's now.
    let now = match today {
        Some(_) => date.and_hms_opt(0, 0, 0).unwrap_or_default(),
        None => vietnam_now(),
    };
    let runs = upcoming(calendar, now);
    if runs.is_empty() {
        let last = calendar.iter().map(|deadline| deadline.last_day()).max().unwrap_or(date);
        eprintln!(
            "Mọi mốc trong lịch của agency.yaml đã qua (mốc cuối: {}): không còn lần chạy nào để lập lịch. \
             Khi có kế hoạch của năm mới, hãy cập nhật calendar rồi chạy lại lệnh này.",
            last.format("%d/%m/%Y")
        );
        return exit::CANNOT_RUN;
    }
    let inputs = super::absolute(inputs);
    let outputs = super::absolute(&outputs.map_or_else(|| super::outputs_beside(&inputs), Path::to_path_buf));
    let exe = std::env::current_exe().map(|exe| super::absolute(&exe)).unwrap_or_else(|_| PathBuf::from("xeploai"));
    let job = Job {
        year: dataset.agency.year,
        runs: runs.into_iter().map(Run::from).collect(),
        exe: plain(&exe),
        folder: plain(inputs.parent().unwrap_or(&inputs)),
        log: plain(&outputs.join(LOG_NAME)),
        inputs: plain(&inputs),
        outputs: plain(&outputs),
        time_zone: TIME_ZONE,
        utc_offset: UTC_OFFSET,
    };
    match render(emit, &job) {
        Ok(text) => {
            print!("{text}");
            exit::OK
        }
        Err(err) => {
            eprintln!("LỖI NỘI BỘ: không lập được lịch: {err}");
            exit::CANNOT_RUN
        }
    }
}

fn render(emit: Emit, job: &Job) -> Result<String, tera::Error> {
    let (name, source) = emit.template();
    let mut tera = Tera::new();
    register_quoting(&mut tera);
    tera.add_raw_template(name, source)?;
    tera.render(name, &Context::from_serialize(job)?)
}

/// Quoting for each place a path is pasted into. Windows paths cannot hold `"`, so
/// double quotes are enough for cmd.exe.
fn register_quoting(tera: &mut Tera) {
    tera.register_filter("sh", |text: &str, _: Kwargs, _: &State| -> String { sh_quote(text) });
    // cron turns an unescaped % into a newline.
    tera.register_filter("cron", |text: &str, _: Kwargs, _: &State| -> String { text.replace('%', "\\%") });
    tera.register_filter("dq", |text: &str, _: Kwargs, _: &State| -> String { format!("\"{text}\"") });
    // systemd expands % specifiers and $ variables in unit files.
    tera.register_filter("systemd", |text: &str, _: Kwargs, _: &State| -> String {
        text.replace('%', "%%").replace('$', "$$")
    });
    // Inside a PowerShell single-quoted string only ' is special.
    tera.register_filter("ps", |text: &str, _: Kwargs, _: &State| -> String { text.replace('\'', "''") });
}

fn sh_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The path as Explorer and cmd.exe show it: without the `\\?\` prefix of verbatim paths.
fn plain(path: &Path) -> String {
    let text = path.display().to_string();
    if let Some(share) = text.strip_prefix(r"\\?\UNC\") {
        format!(r"\\{share}")
    } else {
        text.strip_prefix(r"\\?\").map_or(text.clone(), str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job() -> Job {
        let at = chrono::NaiveDate::from_ymd_opt(2023, 11, 21).unwrap().and_hms_opt(16, 0, 0).unwrap();
        Job {
            year: 2023,
            runs: vec![Run::from(at), Run::from(at + chrono::TimeDelta::hours(15) + chrono::TimeDelta::minutes(30))],
            exe: "/opt/xeploai/xeploai".into(),
            inputs: "/home/vt/Hồ sơ 2023/inputs".into(),
            outputs: "/home/vt/Hồ sơ 2023/outputs".into(),
            folder: "/home/vt/Hồ sơ 2023".into(),
            log: "/home/vt/Hồ sơ 2023/outputs/xeploai.log".into(),
            time_zone: TIME_ZONE,
            utc_offset: UTC_OFFSET,
        }
    }

    #[test]
    fn cron_lines_run_in_the_folder_with_a_log_in_vietnam_time() {
        let text = render(Emit::Cron, &job()).unwrap();
        assert!(text.contains("CRON_TZ=Asia/Ho_Chi_Minh\n"), "{text}");
        let line = text.lines().find(|l| l.starts_with("0 16 21 11 *")).expect(&text);
        assert!(line.contains("[ \"$(TZ=Asia/Ho_Chi_Minh date +\\%Y)\" = \"2023\" ]"), "{line}");
        assert!(line.contains("&& mkdir -p '/home/vt/Hồ sơ 2023/outputs' && cd '/home/vt/Hồ sơ 2023' &&"), "{line}");
        assert!(line.contains(">> '/home/vt/Hồ sơ 2023/outputs/xeploai.log' 2>&1"), "{line}");
        assert_eq!(text.lines().filter(|l| !l.starts_with('#') && l.contains(" build ")).count(), 2);
    }

    #[test]
    fn systemd_is_two_files_and_the_commands_to_enable_them() {
        let text = render(Emit::Systemd, &job()).unwrap();
        assert!(text.contains("cat > ~/.config/systemd/user/xeploai.service <<'XEPLOAI'"), "{text}");
        assert!(text.contains("cat > ~/.config/systemd/user/xeploai.timer <<'XEPLOAI'"), "{text}");
        assert!(text.contains("OnCalendar=2023-11-21 16:00:00 Asia/Ho_Chi_Minh\n"), "{text}");
        assert!(text.contains("WorkingDirectory=\"/home/vt/Hồ sơ 2023\"\n"), "{text}");
        for command in ["systemctl --user daemon-reload", "enable --now xeploai.timer", "loginctl enable-linger"] {
            assert!(text.contains(command), "{command}: {text}");
        }
    }

    #[test]
    fn windows_task_catches_up_and_logs_with_plain_paths() {
        let mut windows = job();
        windows.exe = plain(Path::new(r"\\?\C:\Xeploai\xeploai.exe"));
        windows.outputs = plain(Path::new(r"\\?\C:\Users\Văn thư\Hồ sơ 2023\outputs"));
        windows.log = r"C:\Users\Văn thư\Hồ sơ 2023\outputs\xeploai.log".into();
        let text = render(Emit::Windows, &windows).unwrap();
        assert!(!text.contains(r"\\?\"), "{text}");
        assert!(text.contains("-StartWhenAvailable"), "{text}");
        assert!(text.contains("[DateTimeOffset]::Parse('2023-11-21T16:00:00+07:00').LocalDateTime)),"), "{text}");
        assert!(text.contains("[DateTimeOffset]::Parse('2023-11-22T07:30:00+07:00').LocalDateTime))\n)"), "{text}");
        assert!(
            text.contains(r#"& "C:\Xeploai\xeploai.exe" build --quiet"#)
                && text.contains(r#">> "C:\Users\Văn thư\Hồ sơ 2023\outputs\xeploai.log" 2>&1"#),
            "{text}"
        );
    }

    #[test]
    fn quoting_survives_quotes_and_percent() {
        assert_eq!(sh_quote("/a/it's"), r"'/a/it'\''s'");
        assert_eq!(plain(Path::new(r"\\?\UNC\server\share\x")), r"\\server\share\x");
    }
}
