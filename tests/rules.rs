//! Every rule through `xeploai check --format json`: a clean agency gives no finding, and
//! each case seeds exactly one violation and gets exactly that finding.

mod common;

use common::*;

#[test]
fn the_clean_agency_has_no_finding() {
    let dir = rules_case("clean", &[]);
    let (code, json) = check_json_on(dir.path(), "2023-12-01");
    assert_eq!(json["findings"].as_array().unwrap().len(), 0, "{json:#}");
    assert_eq!(json["summary"]["people"], 17);
    assert_eq!(code, 0);
}
