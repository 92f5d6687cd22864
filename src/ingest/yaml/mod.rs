//! YAML meeting files: parsed with serde-saphyr into typed documents whose every
//! error has a line and column, then handed to `assemble` as they are.

mod agency;
mod agency_review;
mod errors;
mod lenient;
mod scores;
mod unit_review;
mod values;

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::DeserializeOwned;

pub use agency::*;
pub use agency_review::*;
pub use lenient::{FlowFields, Lenient};
pub use scores::*;
pub use unit_review::*;
pub use values::*;

use crate::findings::{Finding, input};
use crate::source::{Origin, Source};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YamlKind {
    Agency,
    UnitReview,
    AgencyReview,
}

impl YamlKind {
    /// Case and the separator are the clerk's choice: `unit-review`, `Unit Review` and
    /// `unit_review` are one kind.
    fn from_key(key: &str) -> Option<YamlKind> {
        match key.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
            "agency" => Some(YamlKind::Agency),
            "unit_review" => Some(YamlKind::UnitReview),
            "agency_review" => Some(YamlKind::AgencyReview),
            _ => None,
        }
    }
}

/// Just enough of a YAML file to know its kind; everything else is read later, typed.
#[derive(Deserialize)]
struct KindOnly {
    kind: Option<serde_saphyr::Spanned<String>>,
}

/// The file's `kind:`; `Ok(None)` when there is no known kind, `Err` when the YAML
/// itself is broken (INPUT_UNREADABLE with the place).
pub fn sniff_kind(text: &str, rel: &Path) -> Result<Option<YamlKind>, Box<Finding>> {
    // A meeting file says `kind: unit_review` on a line of its own, and there are
    // thousands of them: their syntax is checked by the typed parse that follows anyway.
    // The agency file goes the long way, so that a broken one is reported as missing.
    if let Some(kind) = kind_line(text).filter(|k| *k != YamlKind::Agency) {
        return Ok(Some(kind));
    }
    // Duplicate keys elsewhere must not hide the kind: they are reported by the typed parse.
    let mut options = errors::options();
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::FirstWins;
    match serde_saphyr::from_str_with_options::<KindOnly>(text, options) {
        Ok(doc) => Ok(doc.kind.and_then(|k| YamlKind::from_key(&k.value))),
        Err(err) if errors::is_syntax_error(&err) => {
            Err(Box::new(errors::to_finding(&err, rel, input::INPUT_UNREADABLE)))
        }
        // A sequence or a scalar at the top: a YAML of no known kind.
        Err(_) => Ok(None),
    }
}

/// The kind of the first top-level `kind: …` line, if it names a known kind.
fn kind_line(text: &str) -> Option<YamlKind> {
    YamlKind::from_key(top_level_value(text, "kind")?)
}

/// The value of the first top-level `key: value` line, read from the text alone: it
/// still names the unit of a meeting file whose YAML is broken further down.
pub fn top_level_value<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let value = text.lines().find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))?;
    let value = value.split(" #").next().unwrap_or_default().trim().trim_matches(['"', '\'']);
    (!value.is_empty()).then_some(value)
}

/// Parses one YAML document of a known kind; a failure is INPUT_UNREADABLE for broken
/// syntax and INPUT_INVALID for a wrong key, type or value, always with line:column.
pub fn parse<T: DeserializeOwned>(text: &str, rel: &Path) -> Result<T, Box<Finding>> {
    serde_saphyr::from_str_with_options::<T>(text, errors::options()).map_err(|err| {
        if errors::is_syntax_error(&err) {
            return Box::new(errors::to_finding(&err, rel, input::INPUT_UNREADABLE));
        }
        // A typed parse can meet broken syntax as a value of the wrong shape ("expected
        // string scalar" at an unclosed `[`): the text alone tells which it is.
        match serde_saphyr::from_str_with_options::<serde::de::IgnoredAny>(text, errors::options()) {
            Err(syntax) if errors::is_syntax_error(&syntax) => {
                Box::new(errors::to_finding(&syntax, rel, input::INPUT_UNREADABLE))
            }
            _ => Box::new(errors::to_finding(&err, rel, input::INPUT_INVALID)),
        }
    })
}

/// The [`Source`] of a spanned YAML value.
pub fn source_of<T>(origin: &Arc<Origin>, spanned: &serde_saphyr::Spanned<T>) -> Source {
    Source::line_in(origin, spanned.referenced.line() as u32, spanned.referenced.column() as u32)
}
