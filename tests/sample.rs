//! The sample agency in `inputs/` is what a newcomer builds first: it must be clean.

mod common;

use std::path::Path;

use common::*;

fn sample() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/inputs"))
}

#[test]
fn the_sample_agency_checks_without_error_or_warning() {
    let (code, json) = check_json_on(sample(), "2023-12-01");
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");
    assert_eq!(json["summary"]["warnings"], 0, "{json:#}");
    assert_eq!(json["summary"]["units"], 9);
    assert!(json["summary"]["people"].as_u64().unwrap() >= 70, "{json:#}");
    assert_eq!(code, 0);
}

#[test]
fn the_sample_has_the_special_cases_the_documents_show() {
    let (_, json) = check_json_on(sample(), "2023-12-01");
    assert_eq!(with_rule(&json, "MATERNITY").len(), 1, "one person on maternity leave");
    let (dataset, _) = ingest(sample());
    let d = dataset.unwrap();
    assert!(d.people.iter().any(|p| p.discipline.is_some()), "someone disciplined");
    assert!(d.people.iter().any(|p| p.work_time().months_worked.is_some_and(|m| m < 6.0)), "a recruit under 6 months");
    assert!(
        d.people.iter().any(|p| p.work_time().leave_months.is_some_and(|m| (3.0..6.0).contains(&m))),
        "long sick leave"
    );
    assert_eq!(d.unit_reviews.len(), 9, "one meeting file per unit");
}
