//! Templates: tera 2 files a clerk can read, embedded in the binary as defaults; a
//! `templates/` folder beside the inputs overrides them file by file.
//!
//! Every value a template prints passes through [`markup::escape`] (tera's autoescape
//! with our escape function), so roster text can never become markup.

use std::path::Path;

use tera::{Context, Kwargs, State, Tera};

use super::markup;
use super::vn;
use crate::model::Rating;

/// The default templates, by name.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("_shared.tera", include_str!("../../templates/_shared.tera")),
    ("_demo.tera", include_str!("../../templates/_demo.tera")),
    ("_collective_report.tera", include_str!("../../templates/_collective_report.tera")),
    ("_party_review_scored.tera", include_str!("../../templates/_party_review_scored.tera")),
    ("_form_decree233.tera", include_str!("../../templates/_form_decree233.tera")),
    ("_score_sheet.tera", include_str!("../../templates/_score_sheet.tera")),
    ("unit_minutes.tera", include_str!("../../templates/unit_minutes.tera")),
    ("unit_report.tera", include_str!("../../templates/unit_report.tera")),
    ("unit_proposal.tera", include_str!("../../templates/unit_proposal.tera")),
    ("self_review.tera", include_str!("../../templates/self_review.tera")),
    ("status.tera", include_str!("../../templates/status.tera")),
    ("leadership_minutes.tera", include_str!("../../templates/leadership_minutes.tera")),
    ("ballot_minutes.tera", include_str!("../../templates/ballot_minutes.tera")),
    ("consultation_minutes.tera", include_str!("../../templates/consultation_minutes.tera")),
    ("agency_report.tera", include_str!("../../templates/agency_report.tera")),
    ("agency_ballot.tera", include_str!("../../templates/agency_ballot.tera")),
    ("agency_self_assessment.tera", include_str!("../../templates/agency_self_assessment.tera")),
    ("leadership_report.tera", include_str!("../../templates/leadership_report.tera")),
    ("invitation.tera", include_str!("../../templates/invitation.tera")),
    ("results_notice.tera", include_str!("../../templates/results_notice.tera")),
];

/// The default HTML pages, by the name tera sees (its `.html` ending turns on tera's own
/// HTML escaping) and the file name in `templates/` that overrides it.
pub const PAGES: &[(&str, &str, &str)] =
    &[("overview.html", "overview.html.tera", include_str!("../../templates/overview.html.tera"))];

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("mẫu văn bản “{name}”: {message}")]
    Tera { name: String, message: String },
    #[error("không đọc được mẫu “{0}”: {1}")]
    Io(String, std::io::Error),
}

pub struct Templates {
    tera: Tera,
    /// The HTML pages: a tera of their own, since the escaping of document markup is not
    /// HTML's.
    pages: Tera,
    /// (name, hash of the source loaded) for every template.
    hashes: Vec<(&'static str, String)>,
    /// The hash of every template's source at once ([`Templates::fingerprint`]).
    fingerprint: String,
}

fn escape_markup(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut escaped = String::with_capacity(text.len() + 8);
    markup::escape(text, &mut escaped).map_err(std::io::Error::other)?;
    out.write_all(escaped.as_bytes())
}

fn tera_error(name: &str, e: tera::Error) -> TemplateError {
    TemplateError::Tera { name: name.to_string(), message: e.to_string() }
}

impl Templates {
    /// The embedded defaults, each replaced by a same-named file of `override_dir`.
    pub fn load(override_dir: Option<&Path>) -> Result<Templates, TemplateError> {
        let mut tera = Tera::new();
        tera.autoescape_on([".tera"]);
        tera.set_escape_fn(escape_markup);
        register_filters(&mut tera);
        let mut hashes = Vec::with_capacity(DEFAULTS.len() + PAGES.len());
        for (name, default) in DEFAULTS {
            let source = source(override_dir, name, default)?;
            tera.add_raw_template(name, &source).map_err(|e| tera_error(name, e))?;
            hashes.push((*name, crate::output::hash(source.as_bytes())));
        }
        // Tera's defaults: autoescape for `.html` names, with its HTML escape function.
        let mut pages = Tera::new();
        register_filters(&mut pages);
        for (name, file, default) in PAGES {
            let source = source(override_dir, file, default)?;
            pages.add_raw_template(name, &source).map_err(|e| tera_error(file, e))?;
            hashes.push((*name, crate::output::hash(source.as_bytes())));
        }
        let fingerprint = fingerprint(&hashes);
        Ok(Templates { tera, pages, hashes, fingerprint })
    }

    /// Every template's text at once, by hash: what a whole build's documents are made with.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// An HTML page of [`PAGES`], escaped as HTML.
    pub fn render_page(&self, name: &str, context: &impl serde::Serialize) -> Result<String, TemplateError> {
        let context = Context::from_serialize(context).map_err(|e| tera_error(name, e))?;
        self.pages.render(name, &context).map_err(|e| tera_error(name, e))
    }

    /// Adds a template that is not one of the defaults (the peer benchmark's minutes).
    pub fn add(&mut self, name: &'static str, source: &str) -> Result<(), TemplateError> {
        self.tera.add_raw_template(name, source).map_err(|e| tera_error(name, e))?;
        self.hashes.push((name, crate::output::hash(source.as_bytes())));
        self.fingerprint = fingerprint(&self.hashes);
        Ok(())
    }

    pub fn render(&self, name: &str, context: &impl serde::Serialize) -> Result<String, TemplateError> {
        let context = Context::from_serialize(context).map_err(|e| tera_error(name, e))?;
        self.tera.render(name, &context).map_err(|e| tera_error(name, e))
    }

    /// What a document rendered by the template `name` is made with, by hash, for the
    /// build manifest: a document built from a changed template is rebuilt. A document
    /// template includes the shared ones (`_shared.tera`'s components, a form's parts), so
    /// its hash is the whole set's with its name; a page stands alone.
    pub fn source_hash(&self, name: &str) -> String {
        let own = self.hashes.iter().find(|(n, _)| *n == name).map_or("", |(_, h)| h.as_str());
        if PAGES.iter().any(|(page, ..)| *page == name) {
            return own.to_string();
        }
        let mut hasher = blake3::Hasher::new();
        hasher.update(self.fingerprint.as_bytes());
        hasher.update(name.as_bytes());
        hasher.finalize().to_hex().to_string()
    }
}

fn fingerprint(hashes: &[(&str, String)]) -> String {
    let mut hasher = blake3::Hasher::new();
    for (name, hash) in hashes {
        hasher.update(name.as_bytes());
        hasher.update(hash.as_bytes());
    }
    hasher.finalize().to_hex().to_string()
}

/// The text of the template `file`: the override folder's file of that name, else `default`.
fn source(override_dir: Option<&Path>, file: &str, default: &str) -> Result<String, TemplateError> {
    match override_dir.map(|d| d.join(file)).filter(|p| p.is_file()) {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| TemplateError::Io(path.display().to_string(), e)),
        None => Ok(default.to_string()),
    }
}

/// The Vietnamese helpers of [`vn`], for templates.
fn register_filters(tera: &mut Tera) {
    tera.register_filter("date_words", |iso: &str, _: Kwargs, _: &State| -> String {
        chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").map(vn::date_words).unwrap_or_else(|_| iso.to_string())
    });
    tera.register_filter("rating_name", |code: &str, _: Kwargs, _: &State| -> String {
        Rating::parse(code).map_or(code.to_string(), |r| r.full_name().to_string())
    });
    tera.register_filter("upper_vi", |text: &str, _: Kwargs, _: &State| -> String { vn::upper(text) });
    tera.register_filter("percent_vi", |part: u32, kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
        Ok(crate::text::percent_vi(part, kwargs.must_get::<u32>("of")?))
    });
    tera.register_filter("sort_names", |names: Vec<String>, _: Kwargs, _: &State| -> Vec<String> {
        let mut names = names;
        names.sort_by_cached_key(|n| crate::collate::sort_key(n));
        names
    });
    tera.register_filter("number_vi", |value: f64, kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
        let places = kwargs.get::<usize>("places")?.unwrap_or(0);
        Ok(crate::text::decimal_vi(value, places))
    });
}
