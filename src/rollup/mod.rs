//! What an agency sends up, and what the level above makes of many: `tong-hop.json`, the
//! counts by final rating that the agency's report to UBND tỉnh prints, as data.
//!
//! A national roll-up adds the provinces' summaries, never their documents: each province
//! builds (and signs) its own folder on its own machine, and the ministry's step is a few
//! hundred additions per province. A roll-up is itself a summary in the same format, so
//! districts can add up into a province and provinces into the nation.

mod read;

use serde::{Deserialize, Serialize};

pub use read::{ReadError, read, read_all};

use crate::model::{Agency, Category, Rating};
use crate::rules::summary::{CATEGORIES, Counts, Row as CountRow};

/// The file's name, at the top of the outputs folder.
pub const FILE: &str = "tong-hop.json";

/// The format's name and version, the first thing a reader checks.
pub const FORMAT: &str = "xeploai/tong-hop/1";

/// One agency's summary, or the sum of several.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RollUp {
    pub format: String,
    /// The campaign's year: only summaries of one year add up.
    pub year: i32,
    /// Whose figures these are: the agency, or the name given to a roll-up.
    pub agency: String,
    /// The agency's parent (UBND tỉnh...); empty for a roll-up.
    #[serde(default)]
    pub parent: String,
    /// The levels, in the order of every row's counts.
    pub levels: Vec<String>,
    pub rows: Vec<Row>,
    /// The summaries added into this one, in the order they were given; empty for one
    /// agency's own.
    #[serde(default)]
    pub parts: Vec<Part>,
}

/// One line of the report's tables: how many have each level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Stable across versions: rows are added up by it.
    pub id: String,
    pub label: String,
    pub counts: Vec<u64>,
}

impl Row {
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }
}

/// A summary that went into a roll-up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub agency: String,
    #[serde(default)]
    pub parent: String,
    /// People rated: staff of the units and leaders.
    pub people: u64,
}

/// The rows' ids and labels, in the order of the report's tables.
const STAFF: &str = "tong_cong";
const LEADERS: &str = "lanh_dao";

/// A category's row: its id and label.
fn category_row(category: Category) -> (&'static str, &'static str) {
    match category {
        Category::CivilServant => ("cong_chuc", "Công chức"),
        Category::PublicEmployee => ("vien_chuc", "Viên chức"),
        Category::Worker => ("nguoi_lao_dong", "Người lao động"),
    }
}

/// The row of a category's party members: its id and label.
fn party_row(category: Category) -> (&'static str, &'static str) {
    match category {
        Category::CivilServant => ("dang_vien_cong_chuc", "Đảng viên là công chức"),
        Category::PublicEmployee => ("dang_vien_vien_chuc", "Đảng viên là viên chức"),
        Category::Worker => ("dang_vien_nguoi_lao_dong", "Đảng viên là người lao động"),
    }
}

impl RollUp {
    /// The summary of one agency's build.
    pub fn of_agency(agency: &Agency, counts: &Counts) -> RollUp {
        let row = |(id, label): (&str, &str), counts: &CountRow| Row {
            id: id.to_string(),
            label: label.to_string(),
            counts: Rating::ALL.iter().map(|level| u64::from(counts.counts.get(*level))).collect(),
        };
        let mut rows = Vec::new();
        for (category, counts) in CATEGORIES.iter().zip(&counts.categories) {
            rows.push(row(category_row(*category), counts));
        }
        rows.push(row((STAFF, "Tổng cộng công chức, viên chức, người lao động"), &counts.total));
        rows.push(row((LEADERS, "Lãnh đạo cơ quan"), &counts.leaders));
        for (category, counts) in CATEGORIES.iter().zip(&counts.party) {
            rows.push(row(party_row(*category), counts));
        }
        rows.push(row(("dang_vien", "Tổng cộng đảng viên"), &counts.party_total));
        rows.push(row(("tap_the", "Tập thể phòng, ban, đơn vị"), &counts.collectives));
        RollUp {
            format: FORMAT.to_string(),
            year: agency.year,
            agency: agency.name.clone(),
            parent: agency.parent.clone(),
            levels: Rating::ALL.iter().map(|level| level.code().to_string()).collect(),
            rows,
            parts: Vec::new(),
        }
    }

    /// People rated: the units' staff and the leaders.
    pub fn people(&self) -> u64 {
        [STAFF, LEADERS].iter().filter_map(|id| self.row(id)).map(Row::total).sum()
    }

    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|row| row.id == id)
    }

    /// The sum of `summaries`, which [`read_all`] checked to be of one year and one set
    /// of levels. Rows keep the order of their first appearance; a row one summary lacks
    /// counts zero there.
    pub fn sum(name: &str, summaries: &[RollUp]) -> Option<RollUp> {
        let first = summaries.first()?;
        let mut total = RollUp {
            agency: name.to_string(),
            parent: String::new(),
            rows: Vec::new(),
            parts: Vec::new(),
            ..first.clone()
        };
        for summary in summaries {
            for row in &summary.rows {
                match total.rows.iter_mut().find(|sum| sum.id == row.id) {
                    Some(sum) => sum
                        .counts
                        .iter_mut()
                        .zip(&row.counts)
                        .for_each(|(sum, count)| *sum = sum.saturating_add(*count)),
                    None => total.rows.push(row.clone()),
                }
            }
            let part =
                Part { agency: summary.agency.clone(), parent: summary.parent.clone(), people: summary.people() };
            total.parts.push(part);
        }
        Some(total)
    }

    /// The file's text: JSON, indented for a person who opens it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(agency: &str, year: i32, rows: &[(&str, [u64; 5])]) -> RollUp {
        RollUp {
            format: FORMAT.to_string(),
            year,
            agency: agency.to_string(),
            parent: "UBND tỉnh".to_string(),
            levels: Rating::ALL.iter().map(|level| level.code().to_string()).collect(),
            rows: rows
                .iter()
                .map(|(id, counts)| Row { id: id.to_string(), label: id.to_string(), counts: counts.to_vec() })
                .collect(),
            parts: Vec::new(),
        }
    }

    #[test]
    fn rows_add_up_by_id_and_a_missing_row_counts_zero() {
        let a = summary("Sở A", 2023, &[(STAFF, [1, 2, 3, 0, 0]), (LEADERS, [1, 1, 0, 0, 0])]);
        let b = summary(
            "Sở B",
            2023,
            &[(LEADERS, [0, 2, 0, 0, 0]), (STAFF, [10, 20, 30, 1, 2]), ("tap_the", [1, 0, 0, 0, 0])],
        );
        let total = RollUp::sum("Toàn quốc", &[a, b]).expect("two summaries");
        assert_eq!(total.row(STAFF).map(|r| r.counts.clone()), Some(vec![11, 22, 33, 1, 2]));
        assert_eq!(total.row(LEADERS).map(|r| r.counts.clone()), Some(vec![1, 3, 0, 0, 0]));
        assert_eq!(total.row("tap_the").map(|r| r.counts.clone()), Some(vec![1, 0, 0, 0, 0]));
        assert_eq!(total.people(), 6 + 2 + 63 + 2);
        let parts: Vec<(&str, u64)> = total.parts.iter().map(|p| (p.agency.as_str(), p.people)).collect();
        assert_eq!(parts, [("Sở A", 8), ("Sở B", 65)]);
        assert_eq!(total.agency, "Toàn quốc");
    }

    #[test]
    fn a_roll_up_adds_up_again() {
        let a = summary("Huyện A", 2023, &[(STAFF, [1, 0, 0, 0, 0])]);
        let b = summary("Huyện B", 2023, &[(STAFF, [0, 1, 0, 0, 0])]);
        let province = RollUp::sum("Tỉnh", &[a, b]).expect("two");
        let c = summary("Tỉnh khác", 2023, &[(STAFF, [0, 0, 1, 0, 0])]);
        let nation = RollUp::sum("Toàn quốc", &[province, c]).expect("two");
        assert_eq!(nation.row(STAFF).map(|r| r.counts.clone()), Some(vec![1, 1, 1, 0, 0]));
        assert_eq!(nation.parts.len(), 2);
    }

    #[test]
    fn nothing_sums_to_nothing() {
        assert_eq!(RollUp::sum("Toàn quốc", &[]), None);
    }
}
