//! Stage 2: read every input file and assemble one [`Dataset`](crate::model::Dataset).
//!
//! Ingest never stops at the first problem: each file gives what it can, each problem
//! becomes a finding with its place, and the dataset holds everything that was readable.

mod assemble;
pub mod parse_cache;
pub mod roster;
pub mod units;
pub mod votes_book;
pub mod yaml;

pub use assemble::{Ingest, forget_texts, ingest, ingest_cached, ingest_renewing, ingest_scanned, scanned};
