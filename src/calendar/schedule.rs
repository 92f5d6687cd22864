//! When to regenerate by itself: each working morning of the campaign, and the day
//! before each deadline, computed from agency.yaml's calendar. Emitted as crontab
//! lines, systemd units or a Windows Task Scheduler script, so that the clerk's own
//! machine runs `xeploai build` without xeploai staying resident.

use std::path::Path;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

use crate::model::Deadline;

/// The campaign starts this many days before its first deadline.
pub const LEAD_DAYS: u64 = 10;

/// The morning run on working days.
pub fn morning() -> NaiveTime {
    NaiveTime::from_hms_opt(7, 30, 0).unwrap_or_default()
}

/// The afternoon run on the day before a deadline: last call for missing files.
pub fn eve() -> NaiveTime {
    NaiveTime::from_hms_opt(16, 0, 0).unwrap_or_default()
}

/// Every run time of the campaign, sorted, without duplicates.
pub fn runs(calendar: &[Deadline]) -> Vec<NaiveDateTime> {
    let (Some(first), Some(last)) = (calendar.iter().map(|d| d.due).min(), calendar.iter().map(|d| d.due).max()) else {
        return Vec::new();
    };
    let mut times = Vec::new();
    let start = first.checked_sub_days(Days::new(LEAD_DAYS)).unwrap_or(first);
    for day in start.iter_days().take_while(|d| *d <= last) {
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            times.push(day.and_time(morning()));
        }
    }
    for d in calendar {
        if let Some(before) = d.due.pred_opt() {
            times.push(before.and_time(eve()));
        }
    }
    times.sort();
    times.dedup();
    times
}

/// The first run strictly after `now`.
pub fn next_run(calendar: &[Deadline], now: NaiveDateTime) -> Option<NaiveDateTime> {
    runs(calendar).into_iter().find(|t| *t > now)
}

/// The commands a scheduled run executes.
pub struct Job<'a> {
    pub exe: &'a Path,
    pub inputs: &'a Path,
    pub outputs: &'a Path,
}

impl Job<'_> {
    fn build_args(&self) -> String {
        format!("build --quiet --inputs \"{}\" --outputs \"{}\"", self.inputs.display(), self.outputs.display())
    }
}

/// crontab lines, one per run (cron has no year, so each line checks it).
pub fn cron(calendar: &[Deadline], job: &Job) -> String {
    let mut out = String::from("# xeploai: chạy lại theo lịch của kế hoạch (dán vào `crontab -e`)\n");
    for t in runs(calendar) {
        out.push_str(&format!(
            "{} {} {} {} * [ \"$(date +\\%Y)\" = \"{}\" ] && \"{}\" {} >> \"{}/xeploai.log\" 2>&1\n",
            t.minute(),
            t.hour(),
            t.day(),
            t.month(),
            t.year(),
            job.exe.display(),
            job.build_args(),
            job.outputs.display()
        ));
    }
    out
}

/// A systemd service and timer (user units).
pub fn systemd(calendar: &[Deadline], job: &Job) -> String {
    let mut out = String::from(
        "# ~/.config/systemd/user/xeploai.service\n[Unit]\nDescription=xeploai: lập lại văn bản đánh giá, xếp loại\n\n[Service]\nType=oneshot\n",
    );
    out.push_str(&format!("ExecStart=\"{}\" {}\n", job.exe.display(), job.build_args()));
    out.push_str("\n# ~/.config/systemd/user/xeploai.timer  (systemctl --user enable --now xeploai.timer)\n[Unit]\nDescription=xeploai theo lịch của kế hoạch\n\n[Timer]\nPersistent=true\n");
    for t in runs(calendar) {
        out.push_str(&format!("OnCalendar={}\n", t.format("%Y-%m-%d %H:%M:00")));
    }
    out.push_str("\n[Install]\nWantedBy=timers.target\n");
    out
}

/// A PowerShell script registering one task with a trigger per run (locale-independent
/// dates, unlike `schtasks /SD`).
pub fn windows(calendar: &[Deadline], job: &Job) -> String {
    let mut out = String::from("# xeploai: chạy trong PowerShell để đăng ký lịch (Task Scheduler)\n$triggers = @(\n");
    let runs = runs(calendar);
    for (i, t) in runs.iter().enumerate() {
        let sep = if i + 1 < runs.len() { "," } else { "" };
        out.push_str(&format!("  (New-ScheduledTaskTrigger -Once -At '{}'){sep}\n", t.format("%Y-%m-%dT%H:%M:00")));
    }
    out.push_str(&format!(
        ")\n$action = New-ScheduledTaskAction -Execute '{}' -Argument '{}'\nRegister-ScheduledTask -TaskName 'xeploai' -Trigger $triggers -Action $action -Force\n",
        job.exe.display(),
        job.build_args()
    ));
    out
}

/// The days of the campaign a clerk would read in the README: first and last run.
pub fn span(calendar: &[Deadline]) -> Option<(NaiveDate, NaiveDate)> {
    let runs = runs(calendar);
    Some((runs.first()?.date(), runs.last()?.date()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    fn deadline(due: (i32, u32, u32)) -> Deadline {
        Deadline {
            id: "x".into(),
            due: NaiveDate::from_ymd_opt(due.0, due.1, due.2).unwrap(),
            before: false,
            what: String::new(),
            needs: vec![],
            source: Source::file("agency.yaml"),
        }
    }

    #[test]
    fn working_mornings_and_the_eve_of_each_deadline() {
        let calendar = [deadline((2023, 11, 22)), deadline((2023, 11, 30))];
        let runs = runs(&calendar);
        let at = |m, d, h, min| NaiveDate::from_ymd_opt(2023, m, d).unwrap().and_hms_opt(h, min, 0).unwrap();
        assert_eq!(runs.first(), Some(&at(11, 13, 7, 30)), "10 days before the first deadline, a Monday");
        assert!(!runs.iter().any(|t| t.date() == NaiveDate::from_ymd_opt(2023, 11, 18).unwrap()), "no Saturday");
        assert!(runs.contains(&at(11, 21, 16, 0)), "the eve of 22/11");
        assert!(runs.contains(&at(11, 29, 16, 0)), "the eve of 30/11");
        assert_eq!(runs.last(), Some(&at(11, 30, 7, 30)));
        assert_eq!(next_run(&calendar, at(11, 21, 8, 0)), Some(at(11, 21, 16, 0)));
    }

    #[test]
    fn emitted_formats() {
        let calendar = [deadline((2023, 11, 22))];
        let job = Job {
            exe: Path::new("/usr/bin/xeploai"),
            inputs: Path::new("/d/inputs"),
            outputs: Path::new("/d/outputs"),
        };
        let cron = cron(&calendar, &job);
        assert!(
            cron.contains("30 7 22 11 * [ \"$(date +\\%Y)\" = \"2023\" ] && \"/usr/bin/xeploai\" build --quiet"),
            "{cron}"
        );
        let systemd = systemd(&calendar, &job);
        assert!(systemd.contains("OnCalendar=2023-11-21 16:00:00"), "{systemd}");
        let windows = windows(&calendar, &job);
        assert!(windows.contains("New-ScheduledTaskTrigger -Once -At '2023-11-22T07:30:00'"), "{windows}");
    }
}
