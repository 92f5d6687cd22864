//! The `status` document: the calendar's table, as `xeploai status` prints it.

use serde::Serialize;

use crate::calendar::{State, Status};
use crate::model::Dataset;

#[derive(Serialize)]
pub struct StatusCtx {
    pub parent: String,
    pub agency: String,
    pub place: String,
    pub year: i32,
    pub today: String,
    pub entries: Vec<EntryCtx>,
}

#[derive(Serialize)]
pub struct EntryCtx {
    pub due: String,
    /// "trước ngày": printed before the date.
    pub before: bool,
    pub days: String,
    /// Every unit (or the agency) is ready: the deadline is met.
    pub complete: bool,
    /// Past due and not complete.
    pub overdue: bool,
    pub what: String,
    pub needs: String,
    pub rows: Vec<RowCtx>,
}

#[derive(Serialize)]
pub struct RowCtx {
    pub who: String,
    pub state: String,
    pub ready: bool,
}

pub fn status(d: &Dataset, s: &Status) -> StatusCtx {
    StatusCtx {
        parent: d.agency.parent.clone(),
        agency: d.agency.name.clone(),
        place: d.agency.place.clone(),
        year: d.agency.year,
        today: s.today.to_string(),
        entries: s
            .entries
            .iter()
            .map(|e| EntryCtx {
                due: e.due.format("%d/%m/%Y").to_string(),
                before: e.before,
                days: e.days_vi(),
                complete: e.complete(),
                overdue: !e.complete() && e.days_left < 0,
                what: e.what.clone(),
                needs: e.needs.iter().map(|k| k.name_vi()).collect::<Vec<_>>().join(", "),
                rows: e
                    .rows
                    .iter()
                    .map(|r| RowCtx { who: r.who.clone(), state: r.state.label_vi(), ready: r.state == State::Ready })
                    .collect(),
            })
            .collect(),
    }
}
