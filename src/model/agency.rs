//! The agency (cơ quan), its units and the settings and calendar of the campaign.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::document_kind::DocKind;
use crate::source::Source;

/// Index of a unit in [`Agency::units`].
pub type UnitId = usize;

#[derive(Clone, Debug, Serialize)]
pub struct Agency {
    /// Selects the rule set (rules.md: "Rule sets are versioned by the agency's year").
    pub year: i32,
    pub name: String,
    pub parent: String,
    /// Abbreviation used in document symbols ("BC-SNV").
    pub code: String,
    /// Place name of the date line.
    pub place: String,
    pub email: Option<String>,
    pub director: Signer,
    pub units: Vec<Unit>,
    pub settings: Settings,
    pub calendar: Vec<Deadline>,
    /// Nơi nhận per document kind.
    pub recipients: BTreeMap<DocKind, Vec<String>>,
    pub forms: Forms,
    /// The agency's plan for the campaign ("Kế hoạch số 123/KH-SNV ngày …"), cited by
    /// its reports.
    pub plan: Option<String>,
    /// The province's guiding documents the plan follows, cited by the reports.
    pub guidance: Vec<String>,
    pub source: Source,
}

/// The agency's own self-review forms and criteria (agency.yaml `forms:`). Every part is
/// optional: an agency that names no form of its own uses NĐ 90's, and a document never
/// cites a decision the agency did not name.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Forms {
    /// The decision issuing the agency's forms ("Quyết định số 1125/QĐ-SNV ngày …").
    pub decision: Option<String>,
    /// The agency's form for staff of administrative units who are not party members ("Mẫu số 01").
    pub administrative: Option<String>,
    /// The agency's form for staff of public service units who are not party members.
    pub public_service: Option<String>,
    /// The party organisation over the chi bộ, for the header of forms 02A/02B.
    pub party_committee: Option<String>,
    /// The province's criteria framework ("Quy định số 1263-QĐ/TU ngày …"): the Director
    /// rates himself by its leaders' criteria, the agency's ballot by its collective ones.
    pub criteria_framework: Option<String>,
    /// The collective criteria of the agency's ballot paper; empty: the default list.
    pub collective_criteria: Vec<String>,
}

impl Forms {
    /// The agency's own form for a unit of this kind, with the decision that issues it.
    pub fn own(&self, kind: UnitKind) -> Option<(&str, &str)> {
        let form = match kind {
            UnitKind::Administrative => self.administrative.as_deref(),
            UnitKind::PublicService => self.public_service.as_deref(),
        };
        form.zip(self.decision.as_deref())
    }

    /// The criteria the agency is rated by: agency.yaml's list, else the content of a
    /// collective's review under Quy định 124-QĐ/TW (Art 5).
    pub fn collective_criteria(&self) -> Vec<String> {
        if !self.collective_criteria.is_empty() {
            return self.collective_criteria.clone();
        }
        DEFAULT_COLLECTIVE_CRITERIA.iter().map(|c| c.to_string()).collect()
    }
}

/// What a collective is reviewed on (Quy định 124-QĐ/TW, Art 5), worded as ballot criteria.
const DEFAULT_COLLECTIVE_CRITERIA: [&str; 6] = [
    "Việc cụ thể hóa, tổ chức thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và nhiệm vụ cấp trên giao",
    "Kết quả thực hiện các chỉ tiêu, nhiệm vụ của chương trình công tác, kế hoạch năm; thực hiện nhiệm vụ đột xuất",
    "Xây dựng tổ chức bộ máy; quản lý, sử dụng công chức, viên chức, người lao động; cải cách hành chính",
    "Kiểm tra, giám sát, thanh tra; phòng, chống tham nhũng, lãng phí, tiêu cực; giải quyết khiếu nại, tố cáo",
    "Xây dựng đoàn kết nội bộ; thực hiện quy chế dân chủ; xây dựng tổ chức đảng, đoàn thể trong sạch, vững mạnh",
    "Kết quả khắc phục hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc chỉ ra ở các kỳ kiểm điểm trước",
];

#[derive(Clone, Debug, Serialize)]
pub struct Signer {
    pub name: String,
    pub title: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum UnitKind {
    /// hanh_chinh: staff default to công chức.
    Administrative,
    /// su_nghiep: staff default to viên chức.
    PublicService,
}

#[derive(Clone, Debug, Serialize)]
pub struct Unit {
    pub name: String,
    pub kind: UnitKind,
    pub aliases: Vec<String>,
    /// The quota group of the unit's staff without a post, when agency.yaml names one.
    pub group: Option<String>,
    /// The folder of its documents under outputs/, when agency.yaml sets one (`folder:`).
    pub folder: Option<String>,
    pub source: Source,
}

/// The agency-level folder under outputs/: no unit may take it.
pub const AGENCY_FOLDER: &str = "co-quan";

/// Where each unit's documents go, and the units whose names had to be told apart.
pub struct UnitFolders {
    /// Indexed like [`Agency::units`].
    pub names: Vec<String>,
    /// Units that wanted one folder name (`folder:` or the slug of their name).
    pub clashes: Vec<(String, Vec<UnitId>)>,
}

impl Agency {
    /// Each unit's folder: its `folder:` from agency.yaml, else the slug of its name.
    /// Units wanting the same folder each get a suffix from a hash of their full name:
    /// a unit keeps its folder whatever the order of agency.yaml (a numbered suffix moved
    /// with the order, and each folder got the other unit's documents).
    pub fn unit_folders(&self) -> UnitFolders {
        let wanted: Vec<String> =
            self.units.iter().map(|u| crate::text::slug(u.folder.as_deref().unwrap_or(&u.name))).collect();
        // By name, in one pass: a ministry has tens of thousands of units.
        let mut by_name: std::collections::HashMap<&str, Vec<UnitId>> = std::collections::HashMap::new();
        for (id, name) in wanted.iter().enumerate() {
            by_name.entry(name.as_str()).or_default().push(id);
        }
        let mut clashes: Vec<(String, Vec<UnitId>)> = Vec::new();
        for (id, name) in wanted.iter().enumerate() {
            let sharing = &by_name[name.as_str()];
            let first = sharing[0] == id;
            if first && (sharing.len() > 1 || name == AGENCY_FOLDER) {
                clashes.push((name.clone(), sharing.clone()));
            }
        }
        let clashing: std::collections::HashSet<&str> = clashes.iter().map(|(name, _)| name.as_str()).collect();
        let mut names: Vec<String> = wanted
            .iter()
            .zip(&self.units)
            .map(|(name, unit)| {
                if clashing.contains(name.as_str()) {
                    let hash = blake3::hash(unit.name.as_bytes()).to_hex();
                    format!("{name}-{}", &hash[..6])
                } else {
                    name.clone()
                }
            })
            .collect();
        // Two units of the very same name (an error of its own): told apart by position.
        let mut taken: std::collections::HashSet<String> = std::collections::HashSet::with_capacity(names.len());
        for (id, name) in names.iter_mut().enumerate() {
            if taken.contains(name.as_str()) {
                *name = format!("{name}-{}", id + 1);
            }
            taken.insert(name.clone());
        }
        UnitFolders { names, clashes }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    Floor,
    HalfUp,
    Ceil,
}

impl Rounding {
    /// How a clerk says this rounding in a sentence ("20% của 6 là 1,2, làm tròn xuống còn 1").
    pub fn name_vi(self) -> &'static str {
        match self {
            Rounding::Floor => "làm tròn xuống",
            Rounding::HalfUp => "làm tròn",
            Rounding::Ceil => "làm tròn lên",
        }
    }

    /// `n × percent / 100` before rounding ("20% của 7 là 1,4"), and how a clerk names
    /// this rounding when the share is not whole (`None` when it is).
    pub fn exact_share(self, n: u32, percent: u32) -> (f64, Option<&'static str>) {
        let exact = f64::from(n) * f64::from(percent) / 100.0;
        (exact, (exact.fract() != 0.0).then(|| self.name_vi()))
    }

    /// `n × percent / 100` rounded this way, in integer arithmetic.
    pub fn share(self, n: u32, percent: u32) -> u32 {
        let product = u64::from(n) * u64::from(percent);
        let result = match self {
            Rounding::Floor => product / 100,
            Rounding::HalfUp => (product + 50) / 100,
            Rounding::Ceil => product.div_ceil(100),
        };
        result as u32
    }
}

/// A fraction such as the quorum share 2/3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Fraction {
    pub numerator: u32,
    pub denominator: u32,
}

impl Fraction {
    /// ⌈n × numerator / denominator⌉.
    pub fn of_ceil(self, n: u32) -> u32 {
        (u64::from(n) * u64::from(self.numerator)).div_ceil(u64::from(self.denominator.max(1))) as u32
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Settings {
    pub unit_share_percent: u32,
    pub group_share_percent: u32,
    pub rounding: Rounding,
    pub quorum_share: Fraction,
    pub exceptions: Vec<QuotaException>,
    /// The ceiling an outstanding body may reach (cycles from 2025: QĐ 366 Art 11, NĐ 233
    /// Art 12 cl.6 b), as a share of those rated HTTNV.
    pub htxs_exception_percent: u32,
    /// Units that issued their own rating rules (Quy chế đánh giá, NĐ 233 Art 18): in
    /// 2026 the viên chức of any other unit are rated under NĐ 90/48 (Art 20 cl.1).
    pub units_rules_issued: Vec<UnitId>,
    /// 2026 công chức: not rated under 6 months worked, as NĐ 233 says for viên chức
    /// (NĐ 335's own clause was not seen).
    pub under_six_months_cong_chuc: bool,
}

impl Default for Settings {
    /// The defaults of rules.md: 20% in units and in groups, floor, quorum 2/3.
    fn default() -> Self {
        Settings {
            unit_share_percent: 20,
            group_share_percent: 20,
            rounding: Rounding::Floor,
            quorum_share: Fraction { numerator: 2, denominator: 3 },
            exceptions: Vec::new(),
            htxs_exception_percent: 25,
            units_rules_issued: Vec::new(),
            under_six_months_cong_chuc: true,
        }
    }
}

/// A higher ratio of HTXSNV decided for an outstanding unit (NĐ90 Art 2 cl.6 ¶2).
#[derive(Clone, Debug, Serialize)]
pub struct QuotaException {
    pub unit: UnitId,
    pub max_excellent: u32,
    pub decision: String,
    pub source: Source,
}

#[derive(Clone, Debug, Serialize)]
pub struct Deadline {
    pub id: String,
    pub due: NaiveDate,
    /// The plan says "trước ngày": the work is due before `due`, not on it.
    pub before: bool,
    pub what: String,
    pub needs: Vec<DocKind>,
    pub source: Source,
}

impl Deadline {
    /// The last day the work is on time: the due day, or the day before it for a
    /// "trước ngày" deadline.
    pub fn last_day(&self) -> NaiveDate {
        if self.before { self.due.pred_opt().unwrap_or(self.due) } else { self.due }
    }
}

impl Agency {
    pub fn unit(&self, id: UnitId) -> &Unit {
        &self.units[id]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_as_configured() {
        assert_eq!(Rounding::Floor.share(4, 20), 0);
        assert_eq!(Rounding::Floor.share(5, 20), 1);
        assert_eq!(Rounding::Floor.share(14, 20), 2);
        assert_eq!(Rounding::HalfUp.share(13, 20), 3);
        assert_eq!(Rounding::HalfUp.share(12, 20), 2);
        assert_eq!(Rounding::Ceil.share(11, 20), 3);
        assert_eq!(Rounding::Ceil.share(10, 20), 2);
    }

    #[test]
    fn quorum_rounds_up() {
        let two_thirds = Fraction { numerator: 2, denominator: 3 };
        assert_eq!(two_thirds.of_ceil(8), 6);
        assert_eq!(two_thirds.of_ceil(9), 6);
        assert_eq!(two_thirds.of_ceil(10), 7);
    }
}
