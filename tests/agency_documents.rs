//! The consolidated report: every count checked against a count computed here, from the
//! inputs, by a route independent of xeploai's own summary.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::docx::{open, table_with, tables};
use common::*;
use xeploai::model::{Category, Dataset, Membership, Rating, UnitKind};

fn build(inputs: &Path, outputs: &Path) {
    let (code, log) = build_at(inputs, outputs);
    assert_eq!(code, 0, "{log}");
}

fn sample() -> (tempfile::TempDir, std::path::PathBuf) {
    sample_copy()
}

/// Final ratings as the plan defines them: the consultation's conclusion, else the unit's proposal.
fn expected_finals(d: &Dataset) -> Vec<Option<Rating>> {
    d.people
        .iter()
        .enumerate()
        .map(|(id, p)| {
            let concluded = d
                .agency_review
                .as_ref()
                .and_then(|a| a.consultation.as_ref())
                .and_then(|c| c.people.iter().rev().find(|x| x.person.person == Some(id)).map(|x| x.rating));
            let proposed = p
                .membership
                .unit()
                .and_then(|u| d.review_of(u))
                .and_then(|r| r.reviews.iter().find(|x| x.person.person == Some(id)).and_then(|x| x.proposed));
            concluded.or(proposed)
        })
        .collect()
}

fn category(d: &Dataset, id: usize) -> Category {
    let p = &d.people[id];
    p.category.unwrap_or(match p.membership.unit().map(|u| d.agency.units[u].kind) {
        Some(UnitKind::PublicService) => Category::PublicEmployee,
        _ => Category::CivilServant,
    })
}

fn report_tables(outputs: &Path) -> Vec<Vec<Vec<String>>> {
    tables(open(&std::fs::read(outputs.join("co-quan/bao-cao-ubnd-tinh.docx")).unwrap()).document())
}

#[test]
fn every_count_of_the_report_matches_the_inputs() {
    let (_dir, inputs) = sample();
    let out = tempfile::tempdir().unwrap();
    build(&inputs, out.path());
    let (d, _) = ingest(&inputs);
    let d = d.unwrap();
    let finals = expected_finals(&d);
    let t = report_tables(out.path());
    let people = table_with(&t, "Đối tượng");
    let people = if people.iter().any(|r| r[0] == "Công chức") {
        people
    } else {
        t.iter().filter(|x| x[0].iter().any(|c| c == "Đối tượng")).nth(1).unwrap()
    };
    let labels = [
        ("Công chức", Category::CivilServant),
        ("Viên chức", Category::PublicEmployee),
        ("Người lao động", Category::Worker),
    ];
    let mut total = BTreeMap::new();
    for (label, cat) in labels {
        let row = people.iter().find(|r| r[0] == label).unwrap_or_else(|| panic!("no row {label}"));
        let ids: Vec<usize> = (0..d.people.len())
            .filter(|id| d.people[*id].membership != Membership::Leadership && category(&d, *id) == cat)
            .collect();
        assert_eq!(row[1], ids.len().to_string(), "{label}: total");
        for (i, rating) in Rating::ALL.iter().enumerate() {
            let n = ids.iter().filter(|id| finals[**id] == Some(*rating)).count();
            assert_eq!(row[2 + 2 * i], n.to_string(), "{label} {rating}");
            *total.entry(i).or_insert(0) += n;
        }
        let sum: f64 =
            (0..5).map(|i| row[3 + 2 * i].trim_end_matches('%').replace(',', ".").parse::<f64>().unwrap()).sum();
        assert!((sum - 100.0).abs() < 1e-9, "{label}: percentages add to {sum}");
    }
    let total_row = people.iter().find(|r| r[0] == "Tổng cộng").unwrap();
    for (i, n) in total {
        assert_eq!(total_row[2 + 2 * i], n.to_string(), "total column {i}");
    }
    // Collectives.
    let collectives = t.iter().flat_map(|x| x.iter()).find(|r| r[0].starts_with("Tập thể phòng")).unwrap();
    assert_eq!(collectives[1], d.agency.units.len().to_string());
    // The annex: one row per person, in unit order.
    let annex = table_with(&t, "Kết quả xếp loại");
    assert_eq!(annex.len() - 1, d.people.len(), "one annex row per person");
}

#[test]
fn one_changed_final_rating_changes_exactly_its_cells() {
    let (_dir, inputs) = sample();
    let out = tempfile::tempdir().unwrap();
    build(&inputs, out.path());
    let before = report_tables(out.path());
    let (d, _) = ingest(&inputs);
    let d = d.unwrap();
    // A civil servant without a post, proposed HTTNV and not concluded otherwise.
    let finals = expected_finals(&d);
    let id = (0..d.people.len())
        .find(|id| {
            let p = &d.people[*id];
            p.post.is_none()
                && p.membership != Membership::Leadership
                && category(&d, *id) == Category::CivilServant
                && finals[*id] == Some(Rating::Good)
                && p.discipline.is_none()
        })
        .unwrap();
    let p = &d.people[id];
    let review = std::fs::read_to_string(inputs.join("agency_review.yaml")).unwrap();
    let start = review.find("\n  people:").unwrap() + 1;
    let at = start + review[start..].find('\n').unwrap() + 1;
    let entry = format!(
        "    - name: {}\n      unit: {}\n      rating: HTNV\n      reason: Chưa hoàn thành đúng hạn một nhiệm vụ quý IV\n",
        p.name,
        d.membership_name(p.membership)
    );
    std::fs::write(inputs.join("agency_review.yaml"), format!("{}{entry}{}", &review[..at], &review[at..])).unwrap();
    build(&inputs, out.path());
    let after = report_tables(out.path());
    let mut changed = Vec::new();
    for (ti, (tb, ta)) in before.iter().zip(&after).enumerate() {
        for (ri, (rb, ra)) in tb.iter().zip(ta).enumerate() {
            for (ci, (cb, ca)) in rb.iter().zip(ra).enumerate() {
                if cb != ca {
                    changed.push((ti, ri, ci, rb[0].clone(), cb.clone(), ca.clone()));
                }
            }
        }
    }
    let rows: std::collections::BTreeSet<String> = changed.iter().map(|c| c.3.clone()).collect();
    let annex_row = |r: &String| r.chars().all(|c| c.is_ascii_digit());
    assert!(
        rows.iter()
            .all(|r| ["Công chức", "Tổng cộng", "Công chức không giữ chức vụ"].contains(&r.as_str()) || annex_row(r)),
        "{changed:#?}"
    );
    let cc: Vec<_> = changed.iter().filter(|c| c.3 == "Công chức").map(|c| c.2).collect();
    assert_eq!(cc, [4, 5, 6, 7], "HTTNV and HTNV, count and percentage: {changed:#?}");
    let annex: Vec<_> = changed.iter().filter(|c| annex_row(&c.3)).collect();
    assert_eq!(annex.len(), 1, "one annex row");
    assert_eq!(annex[0].5, "Hoàn thành nhiệm vụ");
}
