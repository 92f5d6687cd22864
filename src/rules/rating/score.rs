//! The rules about scores (cycles from 2025): every score within its scale, given where
//! the cycle rates by score, and a final rating never above the level its score gives.
//! What a score gives is [`crate::rules::cycle::score_level`]; here it is judged.

use crate::findings::{Finding, Severity};
use crate::model::{GENERAL_MAX, PersonId, PersonReview, Points, Rating, Score, TASKS_MAX, TOTAL_MAX, UnitReview};
use crate::rules::cycle::{Condition, needs_score, score_level};
use crate::rules::{Context, Rule};
use crate::text::{exact_vi, join_or};

/// Each reviewed person with their entry, in meeting order.
fn reviewed<'a>(ctx: &'a Context) -> impl Iterator<Item = (&'a UnitReview, &'a PersonReview, PersonId)> {
    ctx.d.unit_reviews.iter().flat_map(|unit| {
        unit.reviews.iter().filter_map(move |review| review.person.person().map(|id| (unit, review, id)))
    })
}

/// "91,5" / "64,25": a score as the documents and messages write it.
pub fn points_vi(value: f64) -> String {
    exact_vi(value, 2)
}

/// Where the cycle rates a person by score, a reviewed person (one with a self-rating or
/// a proposal) has one, unless proposed KXL.
pub fn score_missing(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for (_, review, id) in reviewed(ctx) {
        let person = &ctx.d.people[id];
        let f = &ctx.facts.people[id];
        let rated = review.self_rating.is_some() || review.proposed.is_some();
        if review.score.is_some() || !rated || f.proposed == Some(Rating::NotRated) || !needs_score(ctx.d, person, f) {
            continue;
        }
        out.push(ctx.about_person(
            rule.finding(format!(
                "{} chưa có điểm đánh giá năm {} (thang 100 điểm: tiêu chí chung tối đa 30, kết quả thực hiện nhiệm vụ tối đa 70). Hãy ghi score: {{ general: …, tasks: … }} hoặc điểm từng quý, tháng (periods) trong tệp họp, hoặc trong bảng điểm.",
                person.name, ctx.d.agency.year
            )),
            id,
        ));
    }
    out
}

/// Each score written within its scale: general criteria 0–30, task results 0–70, a
/// total 0–100. One finding per value out of range, at its place; the rest is read.
pub fn score_range(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for (_, review, id) in reviewed(ctx) {
        for (message, source) in review.score.as_deref().into_iter().flat_map(out_of_range) {
            let finding = ctx.about_person(rule.finding(format!("{}: {message}", ctx.d.people[id].name)), id);
            out.push(finding.at(source));
        }
    }
    for unit in &ctx.d.unit_reviews {
        let Some(score) = unit.collective.as_ref().and_then(|c| c.score.as_ref()) else { continue };
        for (message, source) in out_of_range(score) {
            let finding = rule.finding(format!("Điểm của tập thể {}: {message}", ctx.unit_name(unit.unit)));
            out.push(ctx.about_unit(finding, unit.unit, Some(source)));
        }
    }
    out
}

fn out_of_range(score: &Score) -> Vec<(String, crate::source::Source)> {
    let outside = |value: f64, max: f64| !(0.0..=max).contains(&value);
    let mut problems = Vec::new();
    for (points, source) in score.written() {
        let message = match points {
            Points::Split { general, .. } if outside(general, GENERAL_MAX) => {
                Some(format!("điểm tiêu chí chung {} nằm ngoài thang 0–30.", points_vi(general)))
            }
            Points::Split { tasks, .. } if outside(tasks, TASKS_MAX) => {
                Some(format!("điểm kết quả thực hiện nhiệm vụ {} nằm ngoài thang 0–70.", points_vi(tasks)))
            }
            Points::Total(total) if outside(total, TOTAL_MAX) => {
                Some(format!("tổng điểm {} nằm ngoài thang 0–100.", points_vi(total)))
            }
            _ => None,
        };
        if let Some(message) = message {
            problems.push((message, source.clone()));
        }
    }
    problems
}

/// A run of monthly or quarterly scores with a period missing inside it: the average then
/// rests on fewer periods than the person worked.
pub fn score_periods(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for (_, review, id) in reviewed(ctx) {
        let Some(score) = &review.score else { continue };
        let gaps = score.gaps();
        if gaps.is_empty() {
            continue;
        }
        let names: Vec<String> = gaps.iter().map(|g| period_name(score, *g)).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        out.push(
            ctx.about_person(
                rule.finding(format!(
                    "{}: thiếu điểm {} giữa các kỳ đã chấm; điểm năm {} đang là trung bình của các kỳ đã ghi. Nếu người này có làm việc trong kỳ đó, hãy bổ sung điểm.",
                    ctx.d.people[id].name,
                    join_or(&names).replace(" hoặc ", " và "),
                    points_vi(score.total())
                )),
                id,
            )
            .at(score.source.clone()),
        );
    }
    out
}

fn period_name(score: &Score, index: u8) -> String {
    match &score.input {
        crate::model::ScoreInput::Periods { kind: crate::model::PeriodKind::Quarter, .. } => format!("quý {index}"),
        _ => format!("tháng {index}"),
    }
}

/// The final rating is never above the level of the score; below it is allowed where the
/// consultation gave its reason (the ceiling chose who is HTXSNV: info), else a warning.
/// A discipline or ground that forces KHTNV and a person not rated (KXL) are judged elsewhere.
pub fn score_level_rule(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    let said = ctx.d.conclusions();
    for (_, review, id) in reviewed(ctx) {
        let person = &ctx.d.people[id];
        let f = &ctx.facts.people[id];
        let (Some(level), Some(rating)) = (&f.score, f.final_rating) else { continue };
        let forced = f.disciplined || review.khtnv_grounds.is_some();
        if rating == Rating::NotRated || forced || !needs_score(ctx.d, person, f) {
            continue;
        }
        let gives = format!("Điểm năm {} của {} cho mức {}", points_vi(level.total), person.name, level.level.code());
        let finding = if rating.is_above(level.level) {
            rule.finding(format!(
                "{gives} nhưng được xếp loại {}; mức xếp loại không được cao hơn mức của điểm.",
                rating.code()
            ))
        } else if level.level.is_above(rating) {
            match said.person(id).and_then(|c| c.reason.clone()) {
                Some(reason) => rule
                    .finding(format!("{gives}; kết luận xếp loại {} với lý do: {reason}.", rating.code()))
                    .with_severity(Severity::Info),
                None => rule
                    .finding(format!(
                        "{gives} nhưng được xếp loại {} mà không có lý do; hãy ghi lý do (reason) trong kết luận của cuộc họp tham vấn.",
                        rating.code()
                    ))
                    .with_severity(Severity::Warning),
            }
        } else {
            continue;
        };
        out.push(ctx.about_person(finding, id));
    }
    for unit in &ctx.d.unit_reviews {
        let Some(score) = unit.collective.as_ref().and_then(|c| c.score.as_ref()) else { continue };
        let Some(rating) = ctx.facts.units[unit.unit].final_rating else { continue };
        let level = score_level(score.total(), unit.collective.as_ref().and_then(|c| c.tasks));
        if rating.is_above(level.level) {
            let finding = rule.finding(format!(
                "Điểm của tập thể {} là {}, cho mức {}, nhưng tập thể được xếp loại {}.",
                ctx.unit_name(unit.unit),
                points_vi(level.total),
                level.level.code(),
                rating.code()
            ));
            out.push(ctx.about_unit(finding, unit.unit, Some(score.source.clone())));
        }
    }
    out
}

/// The party side's conditions lowered the level of a score (QĐ 366 Art 11): said where
/// the meeting stated the tasks (info), asked for where it did not (warning).
pub fn party_conditions(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for (_, review, id) in reviewed(ctx) {
        let Some(level) = &ctx.facts.people[id].score else { continue };
        if level.unmet.is_empty() {
            continue;
        }
        let mut unmet: Vec<&str> = level.unmet.iter().map(|c| condition_words(*c)).collect();
        unmet.dedup();
        let said = format!(
            "{}: điểm {} thuộc khung {} nhưng {}, nên mức theo điểm là {} (mỗi điều kiện chưa đạt hạ một mức).",
            ctx.d.people[id].name,
            points_vi(level.total),
            level.band.code(),
            unmet.join(" và "),
            level.level.code()
        );
        let finding = if review.tasks.is_some() {
            rule.finding(said)
        } else {
            rule.finding(format!(
                "{said} Tệp họp chưa ghi tasks: {{ all_done: …, exceeded_percent: … }} cho đảng viên này."
            ))
            .with_severity(Severity::Warning)
        };
        out.push(ctx.about_person(finding, id));
    }
    out
}

fn condition_words(condition: Condition) -> &'static str {
    match condition {
        Condition::AllTasksDone => "chưa hoàn thành 100% nhiệm vụ",
        Condition::ThirtyPercentExceeded => "chưa có ít nhất 30% nhiệm vụ hoàn thành vượt mức",
    }
}
