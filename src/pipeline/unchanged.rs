//! A build with nothing to do finds out before it renders anything: on a province of a
//! hundred thousand people, rendering only to find every document as it was would cost
//! seconds where a look at the inputs' hashes and the outputs' stamps costs a fraction.

use super::CheckRun;
use crate::render::Templates;

/// What a build's documents and overview page are a function of: this program, the day,
/// the templates, every input file (by name and content) and the findings (they hold
/// units back and fill the overview page).
pub fn fingerprint(run: &CheckRun, templates: &Templates) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(crate::BUILD.as_bytes());
    hasher.update(run.today.to_string().as_bytes());
    hasher.update(templates.fingerprint().as_bytes());
    run.ingest.files.iter().for_each(|file| file.identify(&mut hasher));
    crate::output::feed_json(&mut hasher, &run.findings.0);
    hasher.finalize().to_hex().to_string()
}
