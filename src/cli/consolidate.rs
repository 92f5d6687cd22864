//! `xeploai consolidate`: the summaries (`tong-hop.json`) that agencies send up, added
//! into one: a province's, or the nation's from its provinces'.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use super::Format;
use crate::pipeline::exit;
use crate::rollup::{self, RollUp};
use crate::text::{decimal_vi, percent_vi};

/// The width of the table's first column, in characters.
const LABEL_WIDTH: usize = 48;
/// The width of each level's column.
const CELL_WIDTH: usize = 20;

pub fn command(paths: &[PathBuf], name: &str, out: Option<&Path>, format: Format) -> u8 {
    let read = match rollup::read_all(paths, out) {
        Ok(read) => read,
        Err(err) => {
            eprintln!("LỖI: {err}");
            return exit::CANNOT_RUN;
        }
    };
    let summaries: Vec<RollUp> = read.into_iter().map(|(_, summary)| summary).collect();
    let Some(total) = RollUp::sum(name, &summaries) else { return exit::CANNOT_RUN };
    let json = total.to_json();
    let written = out.map(|out| (out, crate::output::atomic::write(out, json.as_bytes())));
    if let Some((out, Err(err))) = written {
        eprintln!("LỖI: không ghi được “{}”: {err}", out.display());
        return exit::CANNOT_RUN;
    }
    match format {
        Format::Json => print!("{json}"),
        Format::Text => print!("{}", text(&total, out)),
    }
    exit::OK
}

/// The roll-up as a table for the terminal: each level's count and share, row by row,
/// then what went into it.
fn text(total: &RollUp, out: Option<&Path>) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "Tổng hợp kết quả xếp loại chất lượng năm {} ({}): {} cơ quan, {} người được xếp loại.\n",
        total.year,
        total.agency,
        total.parts.len(),
        decimal_vi(total.people() as f64, 0)
    );
    let _ = write!(text, "{:LABEL_WIDTH$}", "");
    for level in total.levels.iter().map(String::as_str).chain(["Tổng"]) {
        let _ = write!(text, "{level:>CELL_WIDTH$}");
    }
    text.push('\n');
    for row in &total.rows {
        let label: String = row.label.chars().take(LABEL_WIDTH - 1).collect();
        let _ = write!(text, "{label:<LABEL_WIDTH$}");
        for count in &row.counts {
            let cell = format!("{} ({})", decimal_vi(*count as f64, 0), percent_vi(*count, row.total()));
            let _ = write!(text, "{cell:>CELL_WIDTH$}");
        }
        let _ = writeln!(text, "{:>CELL_WIDTH$}", decimal_vi(row.total() as f64, 0));
    }
    let _ = writeln!(text, "\nGồm:");
    for part in &total.parts {
        let _ = writeln!(text, "  - {} ({}): {} người", part.agency, part.parent, decimal_vi(part.people as f64, 0));
    }
    if let Some(out) = out {
        let _ = writeln!(text, "\nĐã ghi số liệu tổng hợp vào “{}”.", super::absolute(out).display());
    }
    text
}
