//! The domain: the agency, its people and the meetings that rate them. Nothing here
//! knows about Excel, YAML or DOCX; ingest builds it, the rules read it, render prints it.

mod agency;
pub mod citation;
mod dataset;
mod document_kind;
mod person;
mod rating;
mod review;
mod score;
mod votes;

pub use agency::*;
pub use dataset::*;
pub use document_kind::DocKind;
pub use person::*;
pub use rating::Rating;
pub use review::*;
pub use score::*;
pub use votes::Votes;
