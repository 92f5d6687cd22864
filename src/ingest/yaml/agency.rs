//! `kind: agency` as written (inputs.md).

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::lenient::{FlowFields, Lenient};
use super::values::{YDate, YDocKind, YFraction};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyDoc {
    pub kind: String,
    pub year: i32,
    pub name: String,
    pub parent: String,
    pub code: String,
    pub place: String,
    #[serde(default)]
    pub email: Option<String>,
    pub director: SignerDoc,
    pub units: Vec<Spanned<UnitDoc>>,
    #[serde(default)]
    pub settings: Option<SettingsDoc>,
    #[serde(default)]
    pub calendar: Vec<Spanned<DeadlineDoc>>,
    #[serde(default)]
    pub recipients: BTreeMap<YDocKind, Vec<String>>,
    /// The agency's own forms and criteria; absent: NĐ 90's forms.
    #[serde(default)]
    pub forms: Option<FormsDoc>,
    /// The agency's plan for the campaign, as its reports cite it.
    #[serde(default)]
    pub plan: Option<String>,
    /// The province's guiding documents, as the reports cite them.
    #[serde(default)]
    pub guidance: Vec<String>,
}

/// `forms:` of agency.yaml (inputs/README.md): every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormsDoc {
    #[serde(default)]
    pub decision: Option<String>,
    #[serde(default)]
    pub hanh_chinh: Option<String>,
    #[serde(default)]
    pub su_nghiep: Option<String>,
    #[serde(default)]
    pub party_committee: Option<String>,
    #[serde(default)]
    pub criteria_framework: Option<String>,
    #[serde(default)]
    pub collective_criteria: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignerDoc {
    pub name: String,
    #[serde(default)]
    pub title: Option<String>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum UnitTypeDoc {
    HanhChinh,
    SuNghiep,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitDoc {
    pub name: String,
    #[serde(rename = "type")]
    pub unit_type: UnitTypeDoc,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A quota group for the unit's staff without a post (agency-level override).
    #[serde(default)]
    pub group: Option<String>,
    /// The unit's folder under outputs/, stable whatever the order of the units.
    #[serde(default)]
    pub folder: Option<String>,
}

#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum RoundingDoc {
    Floor,
    HalfUp,
    Ceil,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsDoc {
    #[serde(default)]
    pub unit_share_percent: Option<u32>,
    #[serde(default)]
    pub group_share_percent: Option<u32>,
    #[serde(default)]
    pub rounding: Option<RoundingDoc>,
    #[serde(default)]
    pub quorum_share: Option<YFraction>,
    #[serde(default)]
    pub exceptions: Vec<Spanned<Lenient<ExceptionDoc>>>,
    /// Cycles from 2025: the ceiling of an outstanding body, percent of those rated HTTNV.
    #[serde(default)]
    pub htxs_exception_percent: Option<u32>,
    /// Cycles from 2026: units that issued their own rating rules (Quy chế đánh giá).
    #[serde(default)]
    pub units_rules_issued: Vec<Spanned<String>>,
    /// 2026: công chức under 6 months worked are not rated (NĐ 335's clause unverified).
    #[serde(default)]
    pub under_six_months_cong_chuc: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExceptionDoc {
    pub unit: String,
    pub max_excellent: u32,
    pub decision: String,
}

impl FlowFields for ExceptionDoc {
    const FIELDS: &'static [&'static str] = &["unit", "max_excellent", "decision"];
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineDoc {
    pub id: String,
    pub due: YDate,
    /// "trước ngày": due before `due`, not on it.
    #[serde(default)]
    pub before: bool,
    pub what: String,
    #[serde(default)]
    pub needs: Vec<YDocKind>,
}
