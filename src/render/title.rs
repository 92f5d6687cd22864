//! A document's title: what its properties carry and what the overview page lists it as.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::model::DocKind;

/// Most titles are a kind's name and whose document it is (a unit's, a person's). They
/// are kept as those two rather than as text, a person's name shared with the dataset:
/// a build keeps the title of every document it plans until the overview page is
/// written, a million people's self-reviews at nation scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Title {
    /// The kind's name alone: "Báo cáo tự đánh giá của cơ quan".
    Kind(DocKind),
    /// The kind's name and whose: "Bản tự kiểm điểm - Nguyễn Văn An".
    Of(DocKind, Arc<str>),
    Text(Box<str>),
}

impl fmt::Display for Title {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Title::Kind(kind) => f.write_str(kind.name_vi()),
            Title::Of(kind, whose) => write!(f, "{} - {whose}", kind.name_vi()),
            Title::Text(text) => f.write_str(text),
        }
    }
}

/// As its text, for a page's rows.
impl Serialize for Title {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_reads_as_its_kind_and_whose_it_is() {
        let of = Title::Of(DocKind::SelfReviews, "Nguyễn Văn An".into());
        assert_eq!(of.to_string(), format!("{} - Nguyễn Văn An", DocKind::SelfReviews.name_vi()));
        assert_eq!(serde_json::to_string(&of).unwrap(), format!("\"{of}\""));
        assert_eq!(Title::Kind(DocKind::AgencyBallot).to_string(), DocKind::AgencyBallot.name_vi());
        assert_eq!(Title::Text("Tình hình".into()).to_string(), "Tình hình");
        assert_eq!(std::mem::size_of::<Title>(), 24, "a title is kept per document planned");
    }
}
