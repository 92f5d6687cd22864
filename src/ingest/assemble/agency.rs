//! agency.yaml → [`Agency`].

use std::path::Path;
use std::sync::Arc;

use super::super::units::UnitIndex;
use super::super::yaml::{AgencyDoc, RoundingDoc, UnitTypeDoc, source_of};
use crate::findings::{Finding, Findings, input};
use crate::model::{Agency, Deadline, Forms, QuotaException, Rounding, Settings, Signer, Unit, UnitKind};
use crate::source::{Origin, Source};
use crate::text::clean;

pub fn agency(doc: AgencyDoc, rel: &Arc<Path>, findings: &mut Findings) -> Agency {
    let origin = Origin::file(rel);
    let units: Vec<Unit> = doc
        .units
        .iter()
        .map(|u| Unit {
            name: clean(&u.value.name),
            kind: match u.value.unit_type {
                UnitTypeDoc::HanhChinh => UnitKind::Administrative,
                UnitTypeDoc::SuNghiep => UnitKind::PublicService,
            },
            aliases: u.value.aliases.iter().map(|a| clean(a)).collect(),
            group: u.value.group.as_deref().map(clean).filter(|g| !g.is_empty()),
            folder: u.value.folder.as_deref().map(clean).filter(|f| !f.is_empty()),
            source: source_of(&origin, u),
        })
        .collect();
    let mut agency = Agency {
        year: doc.year,
        name: clean(&doc.name),
        parent: clean(&doc.parent),
        code: clean(&doc.code),
        place: clean(&doc.place),
        email: doc.email.as_deref().map(clean),
        director: Signer {
            name: clean(&doc.director.name),
            title: doc.director.title.as_deref().map(clean).unwrap_or_else(|| "Giám đốc".into()),
        },
        units,
        settings: Settings::default(),
        calendar: doc
            .calendar
            .iter()
            .map(|d| Deadline {
                id: clean(&d.value.id),
                due: d.value.due.0,
                before: d.value.before,
                what: clean(&d.value.what),
                needs: d.value.needs.iter().map(|k| k.0).collect(),
                source: source_of(&origin, d),
            })
            .collect(),
        recipients: doc.recipients.iter().map(|(k, list)| (k.0, list.iter().map(|r| clean(r)).collect())).collect(),
        forms: doc.forms.map(forms).unwrap_or_default(),
        plan: doc.plan.as_deref().map(clean).filter(|p| !p.is_empty()),
        guidance: doc.guidance.iter().map(|g| clean(g)).filter(|g| !g.is_empty()).collect(),
        source: Source::file_in(&origin),
    };
    check_duplicate_units(&agency, findings);
    check_folder_clashes(&agency, findings);
    if let Some(settings) = doc.settings {
        let defaults = Settings::default();
        let index = UnitIndex::new(&agency);
        agency.settings = Settings {
            unit_share_percent: settings.unit_share_percent.unwrap_or(defaults.unit_share_percent),
            group_share_percent: settings.group_share_percent.unwrap_or(defaults.group_share_percent),
            rounding: match settings.rounding {
                Some(RoundingDoc::Floor) | None => Rounding::Floor,
                Some(RoundingDoc::HalfUp) => Rounding::HalfUp,
                Some(RoundingDoc::Ceil) => Rounding::Ceil,
            },
            quorum_share: settings.quorum_share.map_or(defaults.quorum_share, |f| f.0),
            exceptions: settings
                .exceptions
                .iter()
                .filter_map(|e| {
                    let source = source_of(&origin, e);
                    let e = &e.value.0;
                    match index.resolve_unit(&e.unit) {
                        Some(unit) => Some(QuotaException {
                            unit,
                            max_excellent: e.max_excellent,
                            decision: clean(&e.decision),
                            source,
                        }),
                        None => {
                            findings.push(index.unknown(&e.unit, source));
                            None
                        }
                    }
                })
                .collect(),
            htxs_exception_percent: settings.htxs_exception_percent.unwrap_or(defaults.htxs_exception_percent),
            units_rules_issued: settings
                .units_rules_issued
                .iter()
                .filter_map(|name| {
                    let found = index.resolve_unit(&name.value);
                    if found.is_none() {
                        findings.push(index.unknown(&name.value, source_of(&origin, name)));
                    }
                    found
                })
                .collect(),
            under_six_months_cong_chuc: settings
                .under_six_months_cong_chuc
                .unwrap_or(defaults.under_six_months_cong_chuc),
        };
    }
    agency
}

fn forms(doc: super::super::yaml::FormsDoc) -> Forms {
    let text = |t: Option<String>| t.as_deref().map(clean).filter(|t| !t.is_empty());
    Forms {
        decision: text(doc.decision),
        administrative: text(doc.hanh_chinh),
        public_service: text(doc.su_nghiep),
        party_committee: text(doc.party_committee),
        criteria_framework: text(doc.criteria_framework),
        collective_criteria: doc.collective_criteria.iter().map(|c| clean(c)).filter(|c| !c.is_empty()).collect(),
    }
}

/// Two units whose names or aliases collide would make every roster ambiguous.
fn check_duplicate_units(agency: &Agency, findings: &mut Findings) {
    let mut seen = std::collections::HashMap::new();
    for (id, unit) in agency.units.iter().enumerate() {
        for label in std::iter::once(&unit.name).chain(&unit.aliases) {
            let key = crate::text::unit_key(label);
            if let Some(other) = seen.insert(key, id).filter(|other| *other != id) {
                findings.push(
                    Finding::error(
                        input::INPUT_INVALID,
                        format!(
                            "Tên “{label}” dùng cho cả “{}” và “{}”; mỗi tên hoặc tên gọi khác chỉ được dùng cho một đơn vị.",
                            agency.units[other].name, unit.name
                        ),
                    )
                    .at(unit.source.clone()),
                );
            }
        }
    }
}

/// Units whose names make the same folder name: each gets a suffix of its own, stable
/// whatever the order, and the clerk is told how to choose readable names.
fn check_folder_clashes(agency: &Agency, findings: &mut Findings) {
    let folders = agency.unit_folders();
    for (wanted, units) in &folders.clashes {
        let placed: Vec<String> =
            units.iter().map(|&id| format!("“{}” → “{}”", agency.units[id].name, folders.names[id])).collect();
        let Some(&first) = units.first() else { continue };
        findings.push(
            Finding::warning(
                input::INPUT_INVALID,
                format!(
                    "Tên thư mục “{wanted}” trùng nhau (hoặc trùng thư mục của cơ quan), nên văn bản được lưu vào: {}. Hãy đặt `folder:` riêng cho từng đơn vị trong agency.yaml để có tên thư mục dễ đọc.",
                    placed.join("; ")
                ),
            )
            .at(agency.units[first].source.clone()),
        );
    }
}
