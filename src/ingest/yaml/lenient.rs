//! Flow mappings as clerks write them: `{ unit: Phòng Công chức, viên chức, rating: HTTNV }`.
//!
//! In YAML the comma ends the value, so "viên chức" becomes a key without a value and the
//! entry is rejected. inputs.md itself writes unit names with commas this way, so a
//! key that is not a field of the entry and has no value is put back where it came
//! from: appended, with its comma, to the text field before it. Anything else unknown
//! is still an error.

use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};

/// The fields of an entry that may be written as a flow mapping.
pub trait FlowFields {
    const FIELDS: &'static [&'static str];
}

/// `T`, read through the repair described in the module documentation.
#[derive(Debug, Clone)]
pub struct Lenient<T>(pub T);

impl<'de, T: DeserializeOwned + FlowFields> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let entries = d.deserialize_map(Entries(PhantomData::<T>))?;
        let map = repair(entries, T::FIELDS);
        serde_json::from_value(Value::Object(map)).map(Lenient).map_err(|e| de::Error::custom(e.to_string()))
    }
}

struct Entries<T>(PhantomData<T>);

impl<'de, T> Visitor<'de> for Entries<T> {
    type Value = Vec<(String, Value)>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("một mục dạng khóa: giá trị")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if entries.iter().any(|(k, _): &(String, Value)| *k == key) {
                return Err(de::Error::custom(format!("duplicate mapping key: {key}")));
            }
            entries.push((key, map.next_value::<Value>()?));
        }
        Ok(entries)
    }
}

fn repair(entries: Vec<(String, Value)>, fields: &[&str]) -> Map<String, Value> {
    let mut map = Map::new();
    let mut last_text: Option<String> = None;
    for (key, value) in entries {
        let stray = !fields.contains(&key.as_str()) && value.is_null();
        if let (true, Some(field)) = (stray, &last_text)
            && let Some(Value::String(text)) = map.get_mut(field)
        {
            text.push_str(", ");
            text.push_str(&key);
            continue;
        }
        last_text = value.is_string().then(|| key.clone());
        map.insert(key, value);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Entry {
        unit: String,
        rating: String,
    }

    impl FlowFields for Entry {
        const FIELDS: &'static [&'static str] = &["unit", "rating"];
    }

    #[test]
    fn a_comma_inside_a_flow_value_is_kept() {
        let yaml = "- { unit: Phòng Công chức, viên chức, rating: HTTNV }\n";
        let parsed: Vec<Lenient<Entry>> = serde_saphyr::from_str(yaml).unwrap();
        assert_eq!(parsed[0].0.unit, "Phòng Công chức, viên chức");
        assert_eq!(parsed[0].0.rating, "HTTNV");
    }

    #[test]
    fn a_real_unknown_key_is_still_an_error() {
        let yaml = "- { unit: VP, rating: HTTNV, ratting: HTT }\n";
        assert!(serde_saphyr::from_str::<Vec<Lenient<Entry>>>(yaml).is_err());
    }
}
