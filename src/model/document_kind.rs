//! The documents of the campaign, by the ids of outputs.md. The calendar says which of
//! them each deadline needs, agency.yaml gives their recipients and registry numbers.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    UnitMinutes,
    UnitReport,
    UnitProposal,
    SelfReviews,
    LeadershipMinutes,
    BallotMinutes,
    ConsultationMinutes,
    AgencyReport,
    PartyReport,
    Status,
    LeaderReviews,
    AgencyBallot,
    AgencySelfAssessment,
    LeadershipReport,
    Invitation,
    ResultsNotice,
}

impl DocKind {
    pub const ALL: [DocKind; 16] = [
        DocKind::UnitMinutes,
        DocKind::UnitReport,
        DocKind::UnitProposal,
        DocKind::SelfReviews,
        DocKind::LeadershipMinutes,
        DocKind::BallotMinutes,
        DocKind::ConsultationMinutes,
        DocKind::AgencyReport,
        DocKind::PartyReport,
        DocKind::Status,
        DocKind::LeaderReviews,
        DocKind::AgencyBallot,
        DocKind::AgencySelfAssessment,
        DocKind::LeadershipReport,
        DocKind::Invitation,
        DocKind::ResultsNotice,
    ];

    pub fn id(self) -> &'static str {
        match self {
            DocKind::UnitMinutes => "unit_minutes",
            DocKind::UnitReport => "unit_report",
            DocKind::UnitProposal => "unit_proposal",
            DocKind::SelfReviews => "self_reviews",
            DocKind::LeadershipMinutes => "leadership_minutes",
            DocKind::BallotMinutes => "ballot_minutes",
            DocKind::ConsultationMinutes => "consultation_minutes",
            DocKind::AgencyReport => "agency_report",
            DocKind::PartyReport => "party_report",
            DocKind::Status => "status",
            DocKind::LeaderReviews => "leader_reviews",
            DocKind::AgencyBallot => "agency_ballot",
            DocKind::AgencySelfAssessment => "agency_self_assessment",
            DocKind::LeadershipReport => "leadership_report",
            DocKind::Invitation => "invitation",
            DocKind::ResultsNotice => "results_notice",
        }
    }

    pub fn from_id(id: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// `true` for the four parts of a unit's dossier (Plan §II.4).
    pub fn is_unit_document(self) -> bool {
        matches!(self, DocKind::UnitMinutes | DocKind::UnitReport | DocKind::UnitProposal | DocKind::SelfReviews)
    }

    pub fn name_vi(self) -> &'static str {
        match self {
            DocKind::UnitMinutes => "Biên bản họp kiểm điểm của đơn vị",
            DocKind::UnitReport => "Báo cáo kiểm điểm tập thể",
            DocKind::UnitProposal => "Danh sách đề xuất xếp loại",
            DocKind::SelfReviews => "Bản tự kiểm điểm cá nhân",
            DocKind::LeadershipMinutes => "Biên bản hội nghị kiểm điểm tập thể lãnh đạo",
            DocKind::BallotMinutes => "Biên bản kiểm phiếu xếp loại cơ quan",
            DocKind::ConsultationMinutes => "Biên bản họp tham vấn, kết luận xếp loại",
            DocKind::AgencyReport => "Báo cáo kết quả gửi UBND tỉnh",
            DocKind::PartyReport => "Báo cáo gửi Ban Tổ chức Tỉnh ủy",
            DocKind::Status => "Tình hình thực hiện",
            DocKind::LeaderReviews => "Bản tự kiểm điểm của lãnh đạo Sở",
            DocKind::AgencyBallot => "Phiếu đánh giá, xếp loại chất lượng cơ quan",
            DocKind::AgencySelfAssessment => "Báo cáo tự đánh giá kết quả thực hiện nhiệm vụ của cơ quan",
            DocKind::LeadershipReport => "Báo cáo kiểm điểm tập thể lãnh đạo",
            DocKind::Invitation => "Giấy mời hội nghị kiểm điểm tập thể lãnh đạo",
            DocKind::ResultsNotice => "Thông báo kết quả đánh giá, xếp loại chất lượng",
        }
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
