//! When to regenerate by itself: each working morning of the campaign, and the
//! afternoon of the last working day before each deadline, computed from agency.yaml's
//! calendar. `xeploai schedule` hands these times to the clerk's own OS scheduler, so
//! that `xeploai build` runs without xeploai staying resident.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};

use crate::model::Deadline;

/// The campaign starts this many days before its first deadline.
pub const LEAD_DAYS: u64 = 10;

/// The morning run on working days.
pub fn morning() -> NaiveTime {
    NaiveTime::from_hms_opt(7, 30, 0).unwrap_or_default()
}

/// The afternoon run before a deadline: last call for missing files.
pub fn eve() -> NaiveTime {
    NaiveTime::from_hms_opt(16, 0, 0).unwrap_or_default()
}

/// Every run time of the campaign, sorted, without duplicates.
pub fn runs(calendar: &[Deadline]) -> Vec<NaiveDateTime> {
    let (Some(first), Some(last)) =
        (calendar.iter().map(Deadline::last_day).min(), calendar.iter().map(Deadline::last_day).max())
    else {
        return Vec::new();
    };
    let mut times = Vec::new();
    let start = first.checked_sub_days(Days::new(LEAD_DAYS)).unwrap_or(first);
    for day in start.iter_days().take_while(|d| *d <= last) {
        if !is_weekend(day) {
            times.push(day.and_time(morning()));
        }
    }
    for deadline in calendar {
        if let Some(eve_day) = working_day_before(deadline.last_day()) {
            times.push(eve_day.and_time(eve()));
        }
    }
    times.sort();
    times.dedup();
    times
}

/// The working day before `day`: the eve of a Monday deadline is the Friday, since
/// nobody is at the office on Sunday afternoon to hear the last call.
fn working_day_before(day: NaiveDate) -> Option<NaiveDate> {
    let mut eve_day = day.pred_opt()?;
    while is_weekend(eve_day) {
        eve_day = eve_day.pred_opt()?;
    }
    Some(eve_day)
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The plan's times are Vietnam's: the scheduler is told so, whatever the machine's
/// clock is set to. Vietnam keeps no daylight saving time, so a fixed offset is exact.
pub const TIME_ZONE: &str = "Asia/Ho_Chi_Minh";

/// [`TIME_ZONE`]'s offset from UTC, for the schedulers that take an offset.
pub const UTC_OFFSET: &str = "+07:00";

/// The wall-clock time in Vietnam now.
pub fn vietnam_now() -> NaiveDateTime {
    Utc::now().naive_utc() + chrono::TimeDelta::hours(7)
}

/// The runs still to come after `now`: a scheduler is never handed a time that has passed.
pub fn upcoming(calendar: &[Deadline], now: NaiveDateTime) -> Vec<NaiveDateTime> {
    runs(calendar).into_iter().filter(|t| *t > now).collect()
}

/// The first run strictly after `now`.
pub fn next_run(calendar: &[Deadline], now: NaiveDateTime) -> Option<NaiveDateTime> {
    runs(calendar).into_iter().find(|t| *t > now)
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
    fn the_eve_falls_on_a_working_day_and_respects_before() {
        let monday = deadline((2023, 11, 27));
        let at = |m, d, h, min| NaiveDate::from_ymd_opt(2023, m, d).unwrap().and_hms_opt(h, min, 0).unwrap();
        assert!(runs(std::slice::from_ref(&monday)).contains(&at(11, 24, 16, 0)), "Friday before a Monday deadline");
        assert!(!runs(&[monday]).contains(&at(11, 26, 16, 0)), "never on Sunday");
        let before = Deadline { before: true, ..deadline((2023, 11, 22)) };
        let runs = runs(&[before]);
        assert!(runs.contains(&at(11, 20, 16, 0)), "“trước ngày 22/11”: the last day is 21/11, its eve 20/11");
        assert_eq!(runs.last(), Some(&at(11, 21, 7, 30)), "nothing after the last day on time");
    }

    #[test]
    fn only_runs_to_come_are_scheduled() {
        let calendar = [deadline((2023, 11, 22))];
        let at = |m, d, h| NaiveDate::from_ymd_opt(2023, m, d).unwrap().and_hms_opt(h, 0, 0).unwrap();
        assert!(upcoming(&calendar, at(11, 21, 12)).iter().all(|t| *t > at(11, 21, 12)));
        assert_eq!(upcoming(&calendar, at(11, 21, 12)).len(), 2, "the eve at 16:00 and the morning of 22/11");
        assert!(upcoming(&calendar, at(11, 23, 0)).is_empty());
    }
}
