//! The rules about ratings themselves (discipline, time worked, the head and the unit, the
//! ceilings, and from 2025 the scores), written once for every cycle: what differs by cycle
//! is read from the facts (`PersonFacts::scheme`, `::discipline`, `::score`), and each
//! cycle's table gives a rule its own legal source. The constants here are the 2023 cycle's.

pub mod ceilings;
pub mod duty;
pub mod person;
pub mod quota;
pub mod score;
pub mod unit;

use super::Rule;
use crate::findings::Severity::{Error, Info, Warning};

/// Where each rule of the scored cycles (2025 on) comes from in one cycle.
pub struct ScoreSources {
    pub khtnv_grounds: &'static str,
    pub discipline_duty: &'static str,
    pub score_missing: &'static str,
    pub score_range: &'static str,
    pub score_periods: &'static str,
    pub score_level: &'static str,
    pub party_conditions: &'static str,
}

/// The rules the scored cycles add, the same checks in each, grounded in its texts.
pub const fn scored(sources: ScoreSources) -> [Rule; 8] {
    [
        Rule { id: "KHTNV_GROUNDS", severity: Error, legal: sources.khtnv_grounds, check: person::khtnv_grounds },
        Rule { id: "DISCIPLINE_DUTY", severity: Error, legal: sources.discipline_duty, check: duty::discipline_duty },
        Rule {
            id: "DISCIPLINE_UNRELATED",
            severity: Info,
            legal: sources.discipline_duty,
            check: duty::discipline_unrelated,
        },
        Rule { id: "SCORE_MISSING", severity: Error, legal: sources.score_missing, check: score::score_missing },
        Rule { id: "SCORE_RANGE", severity: Error, legal: sources.score_range, check: score::score_range },
        Rule { id: "SCORE_PERIODS", severity: Warning, legal: sources.score_periods, check: score::score_periods },
        Rule { id: "SCORE_LEVEL", severity: Error, legal: sources.score_level, check: score::score_level_rule },
        Rule {
            id: "PARTY_CONDITIONS",
            severity: Info,
            legal: sources.party_conditions,
            check: score::party_conditions,
        },
    ]
}
