//! A unit's meeting file as `prepare` writes it: from the tera template
//! `templates/init/don-vi.yaml.tera`, every member named in the meeting's order, every
//! field present and empty, and a fingerprint line that tells later runs whether the
//! clerk has touched the file since.

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera};

const TEMPLATE: &str = include_str!("../../templates/init/don-vi.yaml.tera");
const TEMPLATE_NAME: &str = "don-vi.yaml";

/// The line that carries the fingerprint (the template's last line).
const FINGERPRINT_MARK: &str = "# xeploai-prepare: ";
/// What stands for the fingerprint while it is computed.
const PLACEHOLDER: &str = "0000000000000000";

/// One member of the unit, as the file names them.
#[derive(Clone, Debug, Serialize)]
pub struct Member {
    pub name: String,
    /// Category and post, written as a comment beside the name.
    pub about: String,
    /// The head's review is chaired by a deputy: their entry asks for `chaired_by`.
    pub head: bool,
    /// The cycle rates this person by a score out of 100: their entry asks for it.
    pub scored: bool,
    /// A party member from 2025: their entry asks whether the tasks met the party side's
    /// conditions.
    pub party_scored: bool,
}

/// What the template is given.
#[derive(Clone, Debug, Serialize)]
pub struct MeetingFile {
    pub year: i32,
    pub unit: String,
    /// The votes workbook beside it (file name).
    pub book: String,
    pub members: Vec<Member>,
}

impl MeetingFile {
    /// The file's text, fingerprint included.
    pub fn render(&self) -> Result<String, tera::Error> {
        let mut tera = Tera::new();
        tera.register_filter("yaml", |text: &str, _: Kwargs, _: &State| -> String { yaml_scalar(text) });
        tera.add_raw_template(TEMPLATE_NAME, TEMPLATE)?;
        let mut context = Context::from_serialize(self)?;
        context.insert("fingerprint", PLACEHOLDER);
        let text = tera.render(TEMPLATE_NAME, &context)?;
        Ok(text.replacen(&mark(PLACEHOLDER), &mark(&fingerprint(&text)), 1))
    }
}

/// Whether `text` is a prepared file exactly as `prepare` wrote it: its fingerprint
/// line matches the rest. Any edit by the clerk, even of a comment, makes it theirs.
pub fn is_untouched(text: &str) -> bool {
    let Some(start) = text.find(FINGERPRINT_MARK) else { return false };
    let value_start = start + FINGERPRINT_MARK.len();
    let written = text[value_start..].lines().next().unwrap_or_default();
    let blanked = format!("{}{PLACEHOLDER}{}", &text[..value_start], &text[value_start + written.len()..]);
    written == fingerprint(&blanked)
}

fn mark(value: &str) -> String {
    format!("{FINGERPRINT_MARK}{value}")
}

fn fingerprint(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex()[..PLACEHOLDER.len()].to_string()
}

/// A name as a YAML scalar: plain when it reads back as the same text, else in double
/// quotes (a name with `:` or `#`, or one YAML would read as a number or a keyword).
fn yaml_scalar(text: &str) -> String {
    let special = |c: char| ":#{}[],&*!|>'\"%@`".contains(c);
    let keyword = ["null", "true", "false", "yes", "no", "~"].contains(&text.to_lowercase().as_str());
    let plain = !text.is_empty()
        && !text.contains(special)
        && !text.starts_with(['-', '?', ' '])
        && !text.ends_with(' ')
        && !keyword
        && text.parse::<f64>().is_err();
    if plain { text.to_string() } else { serde_json::to_string(text).unwrap_or_default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> MeetingFile {
        MeetingFile {
            year: 2023,
            unit: "Phòng Tổ chức - Hành chính".into(),
            book: "phong-to-chuc-hanh-chinh-phieu.xlsx".into(),
            members: vec![
                Member {
                    name: "Trần Văn Trưởng".into(),
                    about: "Công chức, Trưởng phòng".into(),
                    head: true,
                    scored: true,
                    party_scored: true,
                },
                Member {
                    name: "Võ: Văn #Viên".into(),
                    about: "Công chức".into(),
                    head: false,
                    scored: false,
                    party_scored: false,
                },
            ],
        }
    }

    #[test]
    fn a_fresh_file_is_untouched_and_any_edit_makes_it_the_clerks() {
        let text = sample().render().unwrap();
        assert!(is_untouched(&text), "{text}");
        assert!(!is_untouched(&text.replace("date:  ", "date: 17/11/2023")));
        assert!(!is_untouched(&text.replace("# địa điểm họp", "# nơi họp")));
        assert!(!is_untouched("kind: unit_review\n"));
    }

    #[test]
    fn names_read_back_as_written() {
        let text = sample().render().unwrap();
        let value: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        assert_eq!(value["reviews"][1]["name"], "Võ: Văn #Viên");
        assert_eq!(value["unit"], "Phòng Tổ chức - Hành chính");
        assert!(value["reviews"][0].as_object().unwrap().contains_key("chaired_by"));
        assert!(!value["reviews"][1].as_object().unwrap().contains_key("chaired_by"));
        assert!(
            value["reviews"][0]["score"].is_null() && value["reviews"][0].as_object().unwrap().contains_key("tasks")
        );
        assert!(!value["reviews"][1].as_object().unwrap().contains_key("score"));
    }
}
