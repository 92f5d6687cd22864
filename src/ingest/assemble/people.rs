//! Roster rows → people, and finding people again by name.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use super::super::roster::RosterRow;
use crate::findings::{Finding, Findings, input};
use crate::model::{GroupName, Membership, PartyPosts, Person, PersonId};
use crate::source::Source;
use crate::text::{closest, join_or, name_key};

/// People of all workbooks; a second row with the same name in the same unit is
/// ROSTER_DUPLICATE unless the birth dates tell the two apart (inputs.md).
///
/// `rows`: each workbook's rows, in file order. They stay apart, and each workbook's go
/// as they are taken: joined first, they were held twice over while the join grew.
pub fn people(
    rows: Vec<Vec<RosterRow>>,
    unit_name: &dyn Fn(Membership) -> String,
    findings: &mut Findings,
) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::with_capacity(rows.iter().map(Vec::len).sum());
    let mut seen: HashMap<(Membership, String), Vec<PersonId>> = HashMap::new();
    // Each ROSTER_DUPLICATE with the file of the row it repeats.
    let mut duplicates: Vec<(Finding, PathBuf)> = Vec::new();
    for row in rows.into_iter().flatten() {
        let Some(membership) = row.membership else {
            continue;
        };
        let key = (membership, name_key(&row.name));
        let twins = seen.entry(key).or_default();
        if let Some(first) = twins
            .iter()
            .map(|id| &people[*id])
            .find(|p| p.birth.is_none() || row.birth.is_none() || p.birth == row.birth)
        {
            duplicates.push((
                Finding::error(
                    input::ROSTER_DUPLICATE,
                    format!(
                        "“{}” có hai dòng trong danh sách của {} (dòng kia: {}). Hãy xóa dòng trùng, hoặc ghi ngày sinh để phân biệt hai người trùng tên.",
                        row.name,
                        unit_name(membership),
                        first.source
                    ),
                )
                .unit(unit_name(membership))
                .person(&row.name)
                .at(row.source.clone()),
                first.source.path().to_path_buf(),
            ));
            continue;
        }
        twins.push(people.len());
        people.push(Person {
            name: row.name.into(),
            membership,
            birth: row.birth,
            gender: row.gender,
            post: row.post.map(Into::into),
            category: row.category,
            party_member: row.party_member,
            discipline: row.discipline.map(Box::new),
            maternity: row.maternity,
            work_time: row.work_time.held(),
            group: row.group.map(|name| GroupName(name.into())),
            note: row.note.map(Into::into),
            party_posts: PartyPosts {
                party_post: row.party_post.map(Into::into),
                mass_post: row.mass_post.map(Into::into),
                party_cell: row.party_cell.map(Into::into),
            }
            .held(),
            source: row.source,
        });
    }
    findings.extend(copied_workbooks(duplicates));
    people
}

/// Many rows of one workbook repeating another workbook is a copied file, told once;
/// a repeated row within one workbook, or a single one across two, is told per row.
fn copied_workbooks(duplicates: Vec<(Finding, PathBuf)>) -> Vec<Finding> {
    let files = |(finding, first): &(Finding, PathBuf)| {
        (finding.source.as_ref().map(|s| s.path().to_path_buf()).unwrap_or_default(), first.clone())
    };
    let mut pairs: BTreeMap<(PathBuf, PathBuf), usize> = BTreeMap::new();
    for duplicate in &duplicates {
        *pairs.entry(files(duplicate)).or_default() += 1;
    }
    let mut told: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut out = Vec::new();
    for duplicate in duplicates {
        let pair = files(&duplicate);
        let count = pairs[&pair];
        if pair.0 == pair.1 || count < 2 {
            out.push(duplicate.0);
        } else if !told.contains(&pair) {
            out.push(
                Finding::error(
                    input::ROSTER_DUPLICATE,
                    format!(
                        "{count} người trong tệp này đã có trong “{}”: có lẽ đây là bản sao của cùng một danh sách. Hãy bỏ một trong hai tệp ra khỏi thư mục dữ liệu.",
                        crate::source::display_path(&pair.1)
                    ),
                )
                .at(Source::file(&pair.0)),
            );
            told.push(pair);
        }
    }
    out
}

/// Finds people of one unit (or the leadership) by name, case and spacing ignored.
///
/// Held as the hash of each person's unit and name key, sorted: 16 bytes a person, where
/// a map of the keys themselves took about 90, 90 MB at a million people beside the
/// dataset while every meeting file is read. A hash found is checked against the
/// person's own name, so two names of one hash are still told apart.
pub struct PeopleIndex<'a> {
    people: &'a [Person],
    /// (hash of membership and name key, person), in that order.
    by_hash: Vec<(u64, u32)>,
}

impl<'a> PeopleIndex<'a> {
    pub fn new(people: &'a [Person]) -> Self {
        let mut by_hash: Vec<(u64, u32)> = people
            .iter()
            .enumerate()
            .filter_map(|(id, p)| Some((key_hash(p.membership, &name_key(&p.name)), u32::try_from(id).ok()?)))
            .collect();
        by_hash.sort_unstable();
        PeopleIndex { people, by_hash }
    }

    /// The first person on the roster of `membership` with this name.
    pub fn find(&self, membership: Membership, name: &str) -> Option<PersonId> {
        let key = name_key(name);
        let hash = key_hash(membership, &key);
        let start = self.by_hash.partition_point(|(h, _)| *h < hash);
        let same_hash = self.by_hash[start..].iter().take_while(|(h, _)| *h == hash);
        same_hash.map(|(_, id)| *id as PersonId).find(|id| {
            let person = &self.people[*id];
            person.membership == membership && name_key(&person.name) == key
        })
    }
}

/// The hash a person is found by.
fn key_hash(membership: Membership, name_key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    (membership, name_key).hash(&mut hasher);
    hasher.finish()
}

/// UNKNOWN_PERSON with the closest names of that unit's roster.
pub fn unknown_person(
    dataset_people: &[Person],
    membership: Membership,
    unit_name: &str,
    name: &str,
    source: Source,
) -> Finding {
    let candidates = dataset_people.iter().filter(|p| p.membership == membership).map(|p| &*p.name);
    let suggestions = closest(name, candidates);
    let hint = if suggestions.is_empty() {
        "Hãy kiểm tra lại họ tên, hoặc bổ sung người này vào danh sách Excel.".to_string()
    } else {
        format!("Có phải là {}?", join_or(&suggestions))
    };
    Finding::error(input::UNKNOWN_PERSON, format!("Không có “{name}” trong danh sách của {unit_name}. {hint}"))
        .unit(unit_name)
        .person(name)
        .at(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Someone of the sample's roster, renamed and moved.
    fn person(name: &str, membership: Membership) -> Person {
        let inputs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("inputs");
        let dataset = crate::ingest::ingest(&inputs, &mut Findings::default()).dataset.expect("the sample's dataset");
        Person { name: name.into(), membership, ..dataset.people[0].clone() }
    }

    #[test]
    fn people_are_found_by_unit_and_name_case_and_spacing_ignored() {
        let people = [
            person("Nguyễn Văn An", Membership::Unit(0)),
            person("Trần Thị Bình", Membership::Unit(0)),
            person("Nguyễn Văn An", Membership::Unit(1)),
            person("Lê Văn Cường", Membership::Leadership),
            // The same name twice in one unit: the first is found.
            person("Trần Thị Bình", Membership::Unit(0)),
        ];
        let index = PeopleIndex::new(&people);
        let cases: [(Membership, &str, Option<PersonId>); 8] = [
            (Membership::Unit(0), "Nguyễn Văn An", Some(0)),
            (Membership::Unit(1), "Nguyễn Văn An", Some(2)),
            (Membership::Unit(0), "  nguyễn   văn AN ", Some(0)),
            (Membership::Unit(0), "Trần Thị Bình", Some(1)),
            (Membership::Leadership, "Lê Văn Cường", Some(3)),
            (Membership::Unit(0), "Lê Văn Cường", None),
            (Membership::Unit(2), "Nguyễn Văn An", None),
            (Membership::Unit(0), "Nguyễn Văn Ân", None),
        ];
        for (membership, name, expected) in cases {
            assert_eq!(index.find(membership, name), expected, "{name} in {membership:?}");
        }
    }
}
