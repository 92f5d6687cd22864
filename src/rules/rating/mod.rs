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
