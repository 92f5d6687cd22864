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

#[cfg(test)]
mod tests {
    use super::*;

    /// A province's dataset is a million of each: their size is most of a build's memory
    /// (a person was 304 bytes and a review 352 before their texts were boxed, their name
    /// shared with every reference to them, and their sources made three words; a review
    /// 216 before its votes and its references to the roster were made 32 bits; a person
    /// 192 before the time at work was boxed and a named group made two words). The
    /// rules' facts are one more a person: 80 bytes before the score was boxed.
    #[test]
    fn a_person_and_a_review_stay_small() {
        use std::mem::size_of;
        assert!(size_of::<Person>() <= 144, "Person: {} bytes", size_of::<Person>());
        assert!(size_of::<PersonReview>() <= 184, "PersonReview: {} bytes", size_of::<PersonReview>());
        assert!(size_of::<PersonRef>() <= 48, "PersonRef: {} bytes", size_of::<PersonRef>());
        assert!(size_of::<Comment>() <= 64, "Comment: {} bytes", size_of::<Comment>());
        let facts = size_of::<crate::rules::derive::PersonFacts>();
        assert!(facts <= 48, "PersonFacts: {facts} bytes");
    }
}
