//! The 2025 cycle's legal sources, one per rule, as `check --format json` reports them.

pub const MEMBER_NOT_REVIEWED: &str =
    "Kế hoạch của cơ quan; Nghị định 90/2020/NĐ-CP, Điều 2 khoản 3; Quy định 366-QĐ/TW, Điều 5 khoản 2";
pub const REVIEW_ORDER: &str = "Quy định 366-QĐ/TW, Điều 7 khoản 3; Hướng dẫn 43-HD/BTCTW, mục 2";
pub const HEAD_CHAIR: &str = "Kế hoạch của cơ quan; Quy định 366-QĐ/TW, Điều 7 khoản 3";
pub const ABSENT_REASON: &str = "Nghị định 90/2020/NĐ-CP, Điều 20 khoản 3";
pub const LATE_MEETING: &str = "Kế hoạch của cơ quan; Nghị định 90/2020/NĐ-CP, Điều 20 khoản 2";
pub const DOSSIER_INCOMPLETE: &str = "Kế hoạch của cơ quan; Hướng dẫn 43-HD/BTCTW, mục 2";
pub const BALLOT: &str = "Kế hoạch của cơ quan; kiểm tra số học của phiếu bầu";
pub const NO_FINAL_RATING: &str = "Kế hoạch của cơ quan; Quy định 366-QĐ/TW, Điều 12 khoản 1";
pub const QUOTA_GROUP: &str = "Quy định 366-QĐ/TW, Điều 11 khoản 1; Nghị định 90/2020/NĐ-CP, Điều 2 khoản 6 (bổ sung bởi Nghị định 48/2023/NĐ-CP)";
pub const DISCIPLINE: &str = "Nghị định 90/2020/NĐ-CP, Điều 2 khoản 5 (bổ sung bởi Nghị định 48/2023/NĐ-CP); Luật Cán bộ, công chức 80/2025/QH15, Điều 38 khoản 4";
pub const DISCIPLINE_DUTY: &str = "Luật Cán bộ, công chức 80/2025/QH15, Điều 38 khoản 4";
pub const COLLECTIVE_DISCIPLINE: &str = "Quy định 366-QĐ/TW, Điều 11 khoản 4";
pub const SCORE_MISSING: &str = "Quy định 366-QĐ/TW, Điều 10; Hướng dẫn 43-HD/BTCTW, Mẫu 02A, 02B (phần B.I)";
pub const SCORE_RANGE: &str =
    "Quy định 366-QĐ/TW, Điều 10 và Phụ lục 3, 4 (tiêu chí chung 30 điểm, kết quả thực hiện nhiệm vụ 70 điểm)";
pub const SCORE_PERIODS: &str = "Quy định 366-QĐ/TW, Điều 15 khoản 1 (kết quả hằng quý là căn cứ đánh giá hằng năm)";
pub const SCORE_LEVEL: &str = "Quy định 366-QĐ/TW, Điều 11";
pub const PARTY_CONDITIONS: &str = "Quy định 366-QĐ/TW, Điều 11 khoản 1";
pub const KHTNV_GROUNDS: &str = "Quy định 366-QĐ/TW, Điều 11 khoản 4";
