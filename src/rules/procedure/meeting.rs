//! Rules about how a unit's review meeting was held and recorded.

use chrono::NaiveDate;

use crate::findings::{Finding, Severity};
use crate::model::{Rating, UnitReview, Votes};
use crate::rules::{Context, PostRank, Rule};
use crate::source::Source;

/// Every unit with a meeting file, with its review.
fn reviewed_units<'a>(ctx: &'a Context) -> impl Iterator<Item = &'a UnitReview> {
    ctx.d.unit_reviews.iter()
}

/// Plan §II.4: "Kiểm điểm công chức, viên chức, người lao động ... thuộc phòng, đơn vị:
/// Cá nhân trình bày bản tự kiểm điểm; từng thành viên của đơn vị góp ý"; NĐ 90/2020 Art 2
/// cl.3: those under 6 months are still reviewed ("vẫn phải kiểm điểm").
pub const MEMBER_NOT_REVIEWED_LEGAL: &str = "Kế hoạch 2023, mục II.4; Nghị định 90/2020/NĐ-CP, Điều 2 khoản 3";

/// Everybody on a unit's roster has an entry in its meeting's reviews.
pub fn member_not_reviewed(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for review in reviewed_units(ctx) {
        for (id, p) in ctx.d.members(review.unit) {
            if !review.reviews.iter().any(|r| r.person.person() == Some(id)) {
                out.push(
                    rule.finding(format!(
                        "{} có tên trong danh sách của {} nhưng không có phần kiểm điểm trong biên bản họp (reviews). Người vắng mặt vẫn phải được kiểm điểm.",
                        p.name,
                        ctx.unit_name(review.unit)
                    ))
                    .unit(ctx.unit_name(review.unit))
                    .person(&p.name)
                    .at(review.source.clone()),
                );
            }
        }
    }
    out
}

/// Plan §II.1 note 1 and §II.4: "Người đứng đầu và cấp phó người đứng đầu kiểm điểm trước,
/// công chức, viên chức, người lao động kiểm điểm sau"; QĐ 124-QĐ/TW Art 11.
pub const REVIEW_ORDER_LEGAL: &str = "Kế hoạch 2023, mục II.1 lưu ý thứ nhất và mục II.4; Quy định 124-QĐ/TW, Điều 11";

/// Reviews in the order head → deputies → others.
pub fn review_order(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for review in reviewed_units(ctx) {
        let mut highest = PostRank::Head;
        for r in &review.reviews {
            let Some(id) = r.person.person() else { continue };
            let rank = ctx.facts.people[id].rank;
            if rank < highest {
                out.push(ctx.about_unit(
                    rule.finding(format!(
                        "Thứ tự kiểm điểm tại {} chưa đúng: {} ({}) được kiểm điểm sau người có chức vụ thấp hơn. Thứ tự đúng: người đứng đầu, cấp phó, rồi các thành viên.",
                        ctx.unit_name(review.unit),
                        ctx.d.people[id].name,
                        ctx.d.people[id].post.as_deref().unwrap_or("")
                    )),
                    review.unit,
                    Some(r.source.clone()),
                ));
                break;
            }
            highest = highest.max(rank);
        }
    }
    out
}

/// Plan §II.4: "Khi kiểm điểm người đứng đầu thì phân công cấp phó chủ trì."
pub const HEAD_CHAIR_LEGAL: &str = "Kế hoạch 2023, mục II.4";

/// The head's review is chaired by a deputy; a guest leader is tolerated (warning) only
/// where the unit has no deputy.
pub fn head_chair(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for review in reviewed_units(ctx) {
        let uf = &ctx.facts.units[review.unit];
        let Some(head) = uf.head else { continue };
        let Some(entry) = review.reviews.iter().find(|r| r.person.person() == Some(head)) else { continue };
        let chair = entry.chaired_by.as_ref();
        let by_deputy = chair.and_then(|c| c.person()).is_some_and(|id| uf.deputies.contains(&id));
        if by_deputy {
            continue;
        }
        let head_name = &ctx.d.people[head].name;
        let guest_chair = chair.filter(|c| c.person().is_none());
        let finding = match (uf.deputies.is_empty(), guest_chair, chair) {
            (true, Some(guest), _) => rule
                .finding(format!(
                    "{} không có cấp phó; việc kiểm điểm người đứng đầu ({head_name}) do {} chủ trì. Hãy ghi rõ trong biên bản lý do phân công.",
                    ctx.unit_name(review.unit),
                    guest.name
                ))
                .with_severity(Severity::Warning),
            (_, _, None) => rule.finding(format!(
                "Chưa ghi người chủ trì khi kiểm điểm người đứng đầu {} ({head_name}); hãy ghi chaired_by là một cấp phó.",
                ctx.unit_name(review.unit)
            )),
            (_, _, Some(c)) => rule.finding(format!(
                "Khi kiểm điểm người đứng đầu {} ({head_name}), người chủ trì phải là cấp phó; {} không phải là cấp phó của đơn vị.",
                ctx.unit_name(review.unit),
                c.name
            )),
        };
        out.push(ctx.about_person(finding, head));
    }
    out
}

/// Local practice (not national law): a meeting is valid with at least two thirds of
/// those convened; the share is `settings.quorum_share`.
pub const QUORUM_LEGAL: &str = "Thông lệ họp của cơ quan (tỷ lệ cấu hình trong agency.yaml)";

pub fn quorum(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let share = ctx.d.agency.settings.quorum_share;
    let mut out = Vec::new();
    for review in reviewed_units(ctx) {
        let (Some(meeting), Some(present)) = (&review.meeting, ctx.facts.units[review.unit].present) else { continue };
        let convened = meeting.convened.unwrap_or(ctx.d.headcount(review.unit) as u32);
        let needed = share.of_ceil(convened);
        if present < needed {
            out.push(ctx.about_unit(
                rule.finding(format!(
                    "Cuộc họp của {} có {present}/{convened} người dự, chưa đủ {}/{} số được triệu tập (cần ít nhất {needed} người).",
                    ctx.unit_name(review.unit),
                    share.numerator,
                    share.denominator
                )),
                review.unit,
                Some(meeting.source.clone()),
            ));
        }
    }
    out
}

/// Arithmetic: nobody votes twice, and nobody absent votes.
pub const VOTES_EXCEED_LEGAL: &str = "Kiểm tra số học của biểu quyết";

/// Each vote: no negative count, and no more votes than people present.
pub fn votes_exceed(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for_each_vote(ctx, |vote| {
        let (who, total, present) = (&vote.who, vote.votes.total(), vote.present);
        let message = if vote.votes.has_negative() {
            format!("Phiếu biểu quyết {who} có số âm.")
        } else if total > i64::from(present) {
            format!("Phiếu biểu quyết {who} cộng lại {total}, nhiều hơn số người dự họp ({present}).")
        } else {
            return;
        };
        out.push(vote.locate(ctx, rule.finding(message)));
    });
    out
}

/// Local practice: a proposal follows the highest level whose votes, cumulated from
/// HTXSNV down, exceed half of those present (rules.md, VOTE_BASIS).
pub const VOTE_BASIS_LEGAL: &str = "Thông lệ biểu quyết (quá 1/2 số người dự họp, cộng dồn từ mức cao xuống)";

pub fn vote_basis(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for_each_vote(ctx, |vote| {
        let Some(proposal) = vote.proposal.filter(|p| *p != Rating::NotRated) else { return };
        let (votes, present) = (vote.votes, vote.present);
        if votes.has_negative() || votes.total() > i64::from(present) {
            return;
        }
        let basis = votes.basis(present);
        if basis == Some(proposal) {
            return;
        }
        let counts: Vec<String> = Rating::LEVELS.iter().map(|r| format!("{} {}", r.code(), votes.get(*r))).collect();
        let says = match basis {
            Some(b) => format!("theo số phiếu (quá 1/2 của {present} người dự) thì mức là {}", b.code()),
            None => format!("không mức nào đạt quá 1/2 của {present} người dự"),
        };
        let message = format!("Mức đề xuất {} là {}, nhưng {says} ({}).", vote.who, proposal.code(), counts.join(", "));
        out.push(vote.locate(ctx, rule.finding(message)));
    });
    out
}

/// One vote of a unit meeting: on the collective or on a person.
struct Vote<'a> {
    unit: usize,
    /// "về tập thể Văn phòng Sở", "về Nguyễn Văn An".
    who: String,
    votes: &'a Votes,
    present: u32,
    proposal: Option<Rating>,
    source: Source,
    person: Option<usize>,
}

impl Vote<'_> {
    fn locate(&self, ctx: &Context, finding: Finding) -> Finding {
        match self.person {
            Some(id) => ctx.about_person(finding, id).at(self.source.clone()),
            None => ctx.about_unit(finding, self.unit, Some(self.source.clone())),
        }
    }
}

/// Every vote of every meeting, the collective's first.
fn for_each_vote<'a>(ctx: &'a Context, mut f: impl FnMut(Vote<'a>)) {
    for review in reviewed_units(ctx) {
        let unit = review.unit;
        let Some(present) = ctx.facts.units[unit].present else { continue };
        if let Some(c) = &review.collective
            && let Some(votes) = &c.votes
        {
            f(Vote {
                unit,
                who: format!("về tập thể {}", ctx.unit_name(unit)),
                votes,
                present,
                proposal: c.proposal(),
                source: c.source.clone().unwrap_or_else(|| review.source.clone()),
                person: None,
            });
        }
        for r in &review.reviews {
            if let Some(votes) = &r.votes {
                f(Vote {
                    unit,
                    who: format!("về {}", r.person.name),
                    votes,
                    present,
                    proposal: r.proposed,
                    source: r.source.clone(),
                    person: r.person.person(),
                });
            }
        }
    }
}

/// NĐ 90/2020 Art 20 cl.3: those absent with good reason still send their self-assessment;
/// the minutes must say why each one was absent.
pub const ABSENT_REASON_LEGAL: &str = "Nghị định 90/2020/NĐ-CP, Điều 20 khoản 3";

pub fn absent_reason(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for review in reviewed_units(ctx) {
        let Some(meeting) = &review.meeting else { continue };
        for a in meeting.absent.iter().filter(|a| a.reason.is_none()) {
            let finding = rule
                .finding(format!("{} vắng mặt nhưng chưa ghi lý do (reason).", a.person.name))
                .unit(ctx.unit_name(review.unit))
                .person(&a.person.name)
                .at(a.person.source.clone());
            out.push(finding);
        }
    }
    out
}

/// Plan §III.1: units finish their reviews "trước ngày 22/11/2023"; NĐ 90/2020 Art 20
/// cl.2: the rating is done before 15 December of the year.
pub const LATE_MEETING_LEGAL: &str = "Kế hoạch 2023, mục III.1; Nghị định 90/2020/NĐ-CP, Điều 20 khoản 2";

pub fn late_meeting(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let deadline = super::dossier::unit_dossier_deadline(ctx);
    let legal_limit = NaiveDate::from_ymd_opt(ctx.d.agency.year, 12, 15);
    let mut out = Vec::new();
    for review in reviewed_units(ctx) {
        let Some(meeting) = &review.meeting else { continue };
        let Some(date) = meeting.date else { continue };
        let finding = if legal_limit.is_some_and(|limit| date > limit) {
            rule.finding(format!(
                "{} họp ngày {}, sau ngày 15/12 — thời hạn cuối cùng của việc đánh giá, xếp loại trong năm.",
                ctx.unit_name(review.unit),
                date.format("%d/%m/%Y")
            ))
            .with_severity(Severity::Error)
        } else if let Some(d) = deadline.filter(|d| date > d.last_day()) {
            rule.finding(format!(
                "{} họp ngày {}, không đúng hạn {}{} ({}).",
                ctx.unit_name(review.unit),
                date.format("%d/%m/%Y"),
                if d.before { "trước ngày " } else { "" },
                d.due.format("%d/%m/%Y"),
                d.what
            ))
        } else {
            continue;
        };
        out.push(ctx.about_unit(finding, review.unit, Some(meeting.source.clone())));
    }
    out
}
