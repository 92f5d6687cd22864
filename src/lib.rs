//! xeploai: a clerk's folder of rosters and meeting outcomes in, the official documents
//! of the annual review and quality rating out.
//!
//! The stages, in the order data flows: [`scan`] → [`ingest`] → [`model`] → rules →
//! render → output; [`cli`] drives them.

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
pub mod rules;
pub mod scan;
pub mod source;
pub mod text;
