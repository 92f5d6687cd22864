//! The legal texts and form codes of each review cycle, in one place: documents never
//! carry a form code or a citation across cycles (issue 17). Which text governs whom:
//! `notes/legal-notes-2025-2026.md` §0 and §6.1; 2023: `notes/legal-notes.md`.
//!
//! These are data, not prose: the templates word the sentences around them.

use serde::Serialize;

/// What the documents of one cycle cite.
#[derive(Clone, Debug, Serialize)]
pub struct CycleTexts {
    pub year: i32,
    /// The party rule whose collective review contents the agency rates itself by, when
    /// it configures no framework of its own.
    pub party_rule: &'static str,
    /// The party guidance whose forms party members and collectives fill.
    pub party_guidance: &'static str,
    /// The tail of the guidance's form codes: "Mẫu 02A-HD KĐ.ĐG 2025". HD 43 keeps the
    /// year it was issued in its codes for every later cycle (notes §4).
    pub party_form_code: &'static str,
    /// The party forms carry a score out of 100 (QĐ 366 Art 10): HD 43's part B.
    pub party_scored: bool,
    /// "Căn cứ" lines of a decision or notice on the cycle's ratings, in the order cited.
    pub basis: &'static [&'static str],
    /// The texts the agency report rests on, beyond the province's own guidance; 2023's
    /// report cites only the province's guidance and the agency's plan.
    pub report_basis: &'static [&'static str],
    /// Which text rates each group, as the report's result tables cite it.
    pub groups: &'static [GroupText],
    /// The text of the HTXSNV share the report's quota table applies.
    pub quota_basis: &'static str,
    /// A công chức's level from a score rests on bands read only in news quotes of
    /// NĐ 335 (notes §1.4): documents that print one say so.
    pub civil_servant_scale_unverified: bool,
}

/// The text that rates one group of people in a cycle.
#[derive(Clone, Debug, Serialize)]
pub struct GroupText {
    /// "Công chức", "Viên chức", "Đảng viên".
    pub group: &'static str,
    pub text: &'static str,
    /// The content relied on was not read in the text itself (notes mark it [P]): the
    /// documents say so.
    pub unverified: bool,
}

const ND90_48: &str = "Nghị định số 90/2020/NĐ-CP ngày 13 tháng 8 năm 2020 của Chính phủ về đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức, được sửa đổi, bổ sung bởi Nghị định số 48/2023/NĐ-CP ngày 17 tháng 7 năm 2023 của Chính phủ";
const LAW_80: &str = "Luật Cán bộ, công chức số 80/2025/QH15";
/// Where the law says a discipline for an act unrelated to public duty is no ground for
/// the rating: of a công chức (from 2025), of a viên chức rated under NĐ 233 (2026).
pub const UNRELATED_DISCIPLINE_CC: &str = "khoản 4 Điều 38 Luật Cán bộ, công chức số 80/2025/QH15";
pub const UNRELATED_DISCIPLINE_VC: &str = "điểm a khoản 3 Điều 14 Nghị định số 233/2026/NĐ-CP";
// Titles of QĐ 366 and NĐ 233 as a Quảng Ngãi public body's 2026 regulation cites them.
const QD_366: &str = "Quy định số 366-QĐ/TW ngày 30 tháng 8 năm 2025 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống chính trị";
const HD_43: &str = "Hướng dẫn số 43-HD/BTCTW ngày 31 tháng 10 năm 2025 của Ban Tổ chức Trung ương";
const ND_335: &str = "Nghị định số 335/2025/NĐ-CP ngày 21 tháng 12 năm 2025 của Chính phủ quy định về đánh giá, xếp loại chất lượng đối với cơ quan hành chính nhà nước và công chức";
const ND_233: &str = "Nghị định số 233/2026/NĐ-CP ngày 26 tháng 6 năm 2026 của Chính phủ quy định về đánh giá, xếp loại chất lượng đối với đơn vị sự nghiệp công lập và viên chức";

const Y2023: CycleTexts = CycleTexts {
    year: 2023,
    party_rule: "Quy định số 124-QĐ/TW",
    party_guidance: "Hướng dẫn số 25-HD/BTCTW",
    party_form_code: "HD KĐ.ĐG 2023",
    party_scored: false,
    basis: &[ND90_48],
    report_basis: &[],
    groups: &[],
    quota_basis: "",
    civil_servant_scale_unverified: false,
};

const Y2025: CycleTexts = CycleTexts {
    year: 2025,
    party_rule: "Quy định số 366-QĐ/TW",
    party_guidance: "Hướng dẫn số 43-HD/BTCTW",
    party_form_code: "HD KĐ.ĐG 2025",
    party_scored: true,
    basis: &[ND90_48, LAW_80, QD_366, HD_43],
    report_basis: &[ND90_48, LAW_80, QD_366, HD_43],
    groups: &[
        GroupText {
            group: "Công chức, viên chức, người lao động",
            text: "Nghị định số 90/2020/NĐ-CP, sửa đổi bởi Nghị định số 48/2023/NĐ-CP; đối với công chức, khoản 4 Điều 38 Luật Cán bộ, công chức số 80/2025/QH15",
            unverified: false,
        },
        GroupText {
            group: "Đảng viên",
            text: "Quy định số 366-QĐ/TW và Hướng dẫn số 43-HD/BTCTW (thang điểm 100)",
            unverified: false,
        },
    ],
    quota_basis: "Điều 11 Quy định số 366-QĐ/TW (khoản 6 Điều 2 Nghị định số 90/2020/NĐ-CP, sửa đổi bởi Nghị định số 48/2023/NĐ-CP)",
    civil_servant_scale_unverified: false,
};

const Y2026: CycleTexts = CycleTexts {
    year: 2026,
    party_rule: "Quy định số 366-QĐ/TW",
    party_guidance: "Hướng dẫn số 43-HD/BTCTW",
    party_form_code: "HD KĐ.ĐG 2025",
    party_scored: true,
    basis: &[ND_335, ND_233, QD_366, HD_43],
    report_basis: &[ND_335, ND_233, QD_366, HD_43],
    groups: &[
        GroupText {
            group: "Công chức", text: "Nghị định số 335/2025/NĐ-CP (thang điểm 100)", unverified: true
        },
        GroupText {
            group: "Viên chức",
            text: "Nghị định số 233/2026/NĐ-CP (thang điểm 100; đơn vị chưa ban hành quy chế đánh giá thì theo khoản 1 Điều 20 Nghị định này)",
            unverified: false,
        },
        GroupText {
            group: "Đảng viên",
            text: "Quy định số 366-QĐ/TW và Hướng dẫn số 43-HD/BTCTW (thang điểm 100)",
            unverified: false,
        },
    ],
    quota_basis: "khoản 5 Điều 20 Nghị định số 335/2025/NĐ-CP (theo nội dung chưa được đối chiếu với văn bản gốc), khoản 6 Điều 12 Nghị định số 233/2026/NĐ-CP, Điều 11 Quy định số 366-QĐ/TW",
    civil_servant_scale_unverified: true,
};

/// The texts of the agency's cycle. The rules refuse a year without its own rule set
/// before any document is made, so another year falls back to the latest cycle known.
pub fn of(year: i32) -> CycleTexts {
    match year {
        2023 => Y2023,
        2025 => Y2025,
        _ if year < 2025 => Y2023,
        _ => Y2026,
    }
}

#[cfg(test)]
mod tests {
    use super::of;

    #[test]
    fn no_form_code_or_citation_crosses_into_another_cycle() {
        assert_eq!(of(2023).party_form_code, "HD KĐ.ĐG 2023");
        assert_eq!(of(2025).party_form_code, "HD KĐ.ĐG 2025");
        assert_eq!(of(2026).party_form_code, "HD KĐ.ĐG 2025");
        assert!(of(2026).basis.iter().all(|b| !b.contains("90/2020")), "2026 rests on NĐ 335 and NĐ 233");
        assert!(of(2025).basis.iter().any(|b| b.contains("90/2020")), "2025's state side is still NĐ 90/48");
        assert!(of(2023).report_basis.is_empty(), "2023's report cites the province's guidance only");
    }
}
