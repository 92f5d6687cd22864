//! Stage 3: the legal rules, run on the dataset. Each rule is one function with its id,
//! severity and legal source beside it; rule sets are chosen by the agency's `year`, so
//! that a later year adds a set instead of editing this one's rules.

pub mod cycle;
pub mod derive;
pub mod dossier;
mod procedure;
pub mod quota;
mod rating;
pub mod summary;
mod y2023;
mod y2025;
mod y2026;

use chrono::NaiveDate;

pub use derive::{Facts, PostRank, QuotaGroup, derive, meeting_order};
pub use quota::{GroupQuota, LevelCounts, Quotas, UnitQuota};

use crate::findings::{Finding, Severity, input};
use crate::model::{Dataset, PersonId, UnitId};
use crate::source::Source;

/// One rule of a rule set.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// Document, article, clause.
    pub legal: &'static str,
    pub check: fn(&Context, &Rule) -> Vec<Finding>,
}

impl Rule {
    /// A finding of this rule, stamped with its id, severity and source.
    pub fn finding(&self, message: impl Into<String>) -> Finding {
        Finding::new(self.id, self.severity, message).legal(self.legal)
    }
}

/// A rule set and the review cycle (year) it governs. Each cycle has its own texts (the
/// 2023 set follows NĐ 90/2020 and QĐ 124; 2025 and 2026 follow other decrees), so a year
/// is never rated under another year's set by default.
pub struct RuleSet {
    pub year: i32,
    pub name: &'static str,
    /// The rules about ratings, then (from 2025) those of scores, then the procedure's:
    /// run in this order.
    pub parts: &'static [&'static [Rule]],
}

impl RuleSet {
    pub fn rules(&self) -> impl Iterator<Item = &'static Rule> + use<> {
        self.parts.iter().copied().flatten()
    }
}

/// Every rule set, oldest first. Add a year by adding a module and a line here.
pub const RULE_SETS: &[RuleSet] = &[
    RuleSet { year: 2023, name: "2023", parts: &[y2023::RULES, &y2023::PROCEDURE] },
    RuleSet { year: 2025, name: "2025", parts: &[y2025::RULES, &y2025::SCORED, &y2025::PROCEDURE] },
    RuleSet { year: 2026, name: "2026", parts: &[y2026::RULES, &y2026::SCORED, &y2026::PROCEDURE] },
];

/// The set governing the review of `year`, if that cycle has one.
pub fn rule_set(year: i32) -> Option<&'static RuleSet> {
    RULE_SETS.iter().find(|s| s.year == year)
}

/// The cycle a new folder starts in on `today`: the latest with a rule set, not after
/// today's year (a review runs late in its year, or early in the next).
pub fn current_cycle(today: NaiveDate) -> i32 {
    RULE_SETS.iter().map(|s| s.year).filter(|y| *y <= chrono::Datelike::year(&today)).max().unwrap_or(RULE_SETS[0].year)
}

/// "2023" or "2023, 2025, 2026": the years a clerk may write in `year:`.
pub fn supported_years() -> String {
    RULE_SETS.iter().map(|s| s.year.to_string()).collect::<Vec<_>>().join(", ")
}

/// What the rules see.
pub struct Context<'a> {
    pub d: &'a Dataset,
    pub facts: &'a Facts,
    pub quotas: &'a Quotas,
    pub today: NaiveDate,
}

impl Context<'_> {
    pub fn unit_name(&self, unit: UnitId) -> &str {
        self.d.unit_name(unit)
    }

    /// A finding about one person: their unit and name, located at their review entry
    /// if there is one, else at their roster row.
    pub fn about_person(&self, finding: Finding, id: PersonId) -> Finding {
        let p = &self.d.people[id];
        let source = derive::review_of_person(self.d, id).map(|r| r.source.clone()).unwrap_or_else(|| p.source.clone());
        finding.unit(self.d.membership_name(p.membership)).person(&p.name).at(source)
    }

    /// A finding about a unit, located at its meeting file when there is one.
    pub fn about_unit(&self, finding: Finding, unit: UnitId, source: Option<Source>) -> Finding {
        let source = source.or_else(|| self.d.review_of(unit).map(|r| r.source.clone()));
        finding.unit(self.unit_name(unit)).at_opt(source)
    }
}

/// The outcome of the rules: the derived facts and quotas (for the documents) and findings.
pub struct Evaluation {
    pub facts: Facts,
    pub quotas: Quotas,
    pub findings: Vec<Finding>,
}

pub fn evaluate(d: &Dataset, today: NaiveDate) -> Evaluation {
    let facts = derive(d);
    let quotas = quota::compute(d, &facts);
    let mut findings = Vec::new();
    match rule_set(d.agency.year) {
        Some(set) => {
            let ctx = Context { d, facts: &facts, quotas: &quotas, today };
            for rule in set.rules() {
                findings.extend((rule.check)(&ctx, rule));
            }
        }
        None => findings.push(
            Finding::error(
                input::INPUT_INVALID,
                format!(
                    "Chưa có bộ quy định đánh giá, xếp loại cho năm {} (mục year của agency.yaml); \
                     các năm được hỗ trợ: {}.",
                    d.agency.year,
                    supported_years()
                ),
            )
            .at(d.agency.source.clone()),
        ),
    }
    Evaluation { facts, quotas, findings }
}
