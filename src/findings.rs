//! Findings: what ingest and the rules tell the clerk. One type for both, so the
//! text and JSON outputs treat an unreadable file and a broken quota alike.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::source::Source;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label_vi(self) -> &'static str {
        match self {
            Severity::Error => "LỖI",
            Severity::Warning => "CẢNH BÁO",
            Severity::Info => "GHI NHẬN",
        }
    }
}

/// Ids of the input findings (rules.md, "Input findings"); rule findings keep their
/// ids next to their rule functions.
pub mod input {
    pub const INPUT_UNREADABLE: &str = "INPUT_UNREADABLE";
    pub const INPUT_INVALID: &str = "INPUT_INVALID";
    pub const ROSTER_NO_HEADER: &str = "ROSTER_NO_HEADER";
    pub const ROSTER_DUPLICATE: &str = "ROSTER_DUPLICATE";
    pub const UNKNOWN_UNIT: &str = "UNKNOWN_UNIT";
    pub const UNKNOWN_PERSON: &str = "UNKNOWN_PERSON";
    pub const AGENCY_MISSING: &str = "AGENCY_MISSING";
    pub const DUPLICATE_REVIEW: &str = "DUPLICATE_REVIEW";
    pub const INPUT_UNCLASSIFIED: &str = "INPUT_UNCLASSIFIED";
    /// An input past what a real one could be (a roster sheet with a value beyond
    /// 300,000 rows or column IV, a YAML file over 64 MB): refused, with file and place.
    pub const INPUT_TOO_LARGE: &str = "INPUT_TOO_LARGE";
    /// Info: a headed roster column the reader does not understand, or that repeats a
    /// field already read; named once, at its header cell.
    pub const ROSTER_COLUMN_IGNORED: &str = "ROSTER_COLUMN_IGNORED";
    /// Roster files exist in none of the inputs: the agency has no people to rate.
    pub const ROSTER_MISSING: &str = "ROSTER_MISSING";

    /// Every input finding: problems of the files themselves, the causes that rule
    /// findings may follow from.
    pub const ALL: [&str; 12] = [
        INPUT_UNREADABLE,
        INPUT_INVALID,
        ROSTER_NO_HEADER,
        ROSTER_DUPLICATE,
        UNKNOWN_UNIT,
        UNKNOWN_PERSON,
        AGENCY_MISSING,
        DUPLICATE_REVIEW,
        INPUT_UNCLASSIFIED,
        INPUT_TOO_LARGE,
        ROSTER_COLUMN_IGNORED,
        ROSTER_MISSING,
    ];
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// The unit's name as agency.yaml spells it.
    pub unit: Option<String>,
    pub person: Option<String>,
    pub message: String,
    pub source: Option<Source>,
    pub legal: Option<&'static str>,
}

/// A rule id or legal source read back from the parse cache. The program's own strings
/// are `'static`; one read back is kept for the rest of the run, once per distinct text
/// (a few hundred at most), however many findings carry it.
fn intern(text: String) -> &'static str {
    use std::collections::HashSet;
    use std::sync::Mutex;
    static TEXTS: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut texts = TEXTS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let texts = texts.get_or_insert_with(HashSet::new);
    match texts.get(text.as_str()) {
        Some(known) => known,
        None => {
            let leaked: &'static str = Box::leak(text.into_boxed_str());
            texts.insert(leaked);
            leaked
        }
    }
}

/// A finding as the parse cache gives it back.
#[derive(Deserialize)]
struct ReadBack {
    rule: String,
    severity: Severity,
    unit: Option<String>,
    person: Option<String>,
    message: String,
    source: Option<Source>,
    legal: Option<String>,
}

// By hand: a derive would tie the borrowed `'static` texts to the input's lifetime.
impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Finding, D::Error> {
        let ReadBack { rule, severity, unit, person, message, source, legal } = ReadBack::deserialize(deserializer)?;
        Ok(Finding { rule: intern(rule), severity, unit, person, message, source, legal: legal.map(intern) })
    }
}

impl Finding {
    pub fn new(rule: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Finding { rule, severity, unit: None, person: None, message: message.into(), source: None, legal: None }
    }

    pub fn error(rule: &'static str, message: impl Into<String>) -> Self {
        Self::new(rule, Severity::Error, message)
    }

    pub fn warning(rule: &'static str, message: impl Into<String>) -> Self {
        Self::new(rule, Severity::Warning, message)
    }

    pub fn info(rule: &'static str, message: impl Into<String>) -> Self {
        Self::new(rule, Severity::Info, message)
    }

    pub fn at(mut self, source: Source) -> Self {
        self.source = Some(source);
        self
    }

    pub fn at_opt(mut self, source: Option<Source>) -> Self {
        self.source = source;
        self
    }

    pub fn unit(mut self, unit: impl Into<String>) -> Self {
        self.unit = Some(unit.into());
        self
    }

    pub fn person(mut self, person: impl AsRef<str>) -> Self {
        self.person = Some(person.as_ref().to_string());
        self
    }

    pub fn legal(mut self, legal: &'static str) -> Self {
        self.legal = Some(legal);
        self
    }

    /// For rules whose severity depends on the case (HEAD_CHAIR, LATE_MEETING).
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// A problem of an input file rather than of the data's lawfulness: told first.
    pub fn is_input(&self) -> bool {
        input::ALL.contains(&self.rule)
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] {}", self.severity.label_vi(), self.rule, self.message)?;
        if let Some(source) = &self.source {
            write!(f, " ({source})")?;
        }
        Ok(())
    }
}

/// Errors first, then by unit, input problems (the causes) before rule findings, then
/// rule and place: the one stable order of every listing (`check`, `build`, the overview).
pub fn sorted(findings: &[Finding]) -> Vec<&Finding> {
    let mut all: Vec<&Finding> = findings.iter().collect();
    all.sort_by_cached_key(|f| {
        (f.severity, f.unit.clone(), !f.is_input(), f.rule, f.source.as_ref().map(|s| s.to_string()))
    });
    all
}

/// Findings collected along the pipeline; stages push, nobody stops at the first one.
#[derive(Debug, Default)]
pub struct Findings(pub Vec<Finding>);

impl Findings {
    pub fn push(&mut self, finding: Finding) {
        self.0.push(finding);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Finding>) {
        self.0.extend(other);
    }

    /// Runs `f` over `items` in parallel, each with findings of its own, and adds them
    /// here in the order of `items`: messages come out the same on every run.
    pub fn par_map<T: Send, R: Send>(&mut self, items: Vec<T>, f: impl Fn(T, &mut Findings) -> R + Sync) -> Vec<R> {
        use rayon::prelude::*;
        let done: Vec<(R, Findings)> = items
            .into_par_iter()
            .map(|item| {
                let mut local = Findings::default();
                (f(item, &mut local), local)
            })
            .collect();
        done.into_iter()
            .map(|(r, local)| {
                self.extend(local.0);
                r
            })
            .collect()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.0.iter().filter(|f| f.severity == severity).count()
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Finding::is_error)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Finding> {
        self.0.iter()
    }
}
