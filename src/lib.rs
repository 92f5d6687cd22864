//! xeploai: a clerk's folder of rosters and meeting outcomes in, the official documents
//! of the annual review and quality rating out.
//!
//! The stages, in the order data flows: [`scan`] → [`ingest`] → [`model`] → rules →
//! render → output; [`cli`] drives them.

pub mod allocator;
pub mod calendar;
pub mod cli;
pub mod collate;
pub mod findings;
pub mod generate;
pub mod ingest;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod prepare;
pub mod render;
pub mod rollup;
pub mod rules;
pub mod scan;
pub mod source;
pub mod text;
pub mod timings;

/// This program's identity: its version and a hash of its sources and templates (see
/// `build.rs`). What one build wrote or cached is never trusted by another.
pub const BUILD: &str = env!("XEPLOAI_BUILD");
