//! Every resource name of one environment, filed by [`NameKey`]: the model files each name once
//! (`build_environment`), and everything else reads it back by key, never by text.
//!
//! Templates see the map as `env.names`, an object from each key's text to the name, in the
//! text's order; that text is written only by `NameKey`'s `Display`. Whether the environment
//! creates a named resource is not this map's business but [`Environment::deploys`].
//!
//! [`Environment::deploys`]: crate::model::Environment::deploys

use std::collections::BTreeMap;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::model::name_key::NameKey;
use crate::model::naming::ResourceName;

/// An environment's resource names by key (see the module documentation).
#[derive(Debug, Clone, Default)]
pub struct Names(BTreeMap<NameKey, ResourceName>);

impl Names {
    /// The name filed under `key`, if the environment has that resource.
    pub fn get(&self, key: &NameKey) -> Option<&ResourceName> {
        self.0.get(key)
    }

    /// The name filed under `key` as text; empty when the environment has no such resource.
    pub fn text(&self, key: impl Into<NameKey>) -> &str {
        self.get(&key.into()).map_or("", ResourceName::as_str)
    }

    /// Whether a name is filed under `key`.
    pub fn contains(&self, key: &NameKey) -> bool {
        self.0.contains_key(key)
    }

    /// Files a name (the model's naming, and tests that add one).
    pub(crate) fn insert(&mut self, key: NameKey, name: ResourceName) {
        self.0.insert(key, name);
    }

    /// The names with their keys, in the keys' order (not their text's).
    pub fn iter(&self) -> impl Iterator<Item = (&NameKey, &ResourceName)> {
        self.0.iter()
    }

    /// The keys, in their order (not their text's).
    pub fn keys(&self) -> impl Iterator<Item = &NameKey> {
        self.0.keys()
    }

    /// How many names are filed.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no name is filed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// An object from each key's text to its name, sorted by that text as the map of text keys it
/// replaces was.
impl Serialize for Names {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut entries: Vec<(String, &ResourceName)> = self
            .0
            .iter()
            .map(|(key, name)| (key.to_string(), name))
            .collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut map = serializer.serialize_map(Some(entries.len()))?;
        for (key, name) in entries {
            map.serialize_entry(&key, name)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::name_key::NameKey;
    use crate::request::Inputs;
    use crate::session::Session;

    #[test]
    fn every_name_the_examples_file_reads_back_from_its_text_in_the_templates_map() {
        let session = Session::open(None).expect("the embedded catalog opens");
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut seen = 0;
        for entry in std::fs::read_dir(&examples).expect("the examples") {
            let path = entry.expect("an example").path();
            if path.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let input = Inputs {
                inputs: vec![path.clone()],
                ..Inputs::default()
            };
            let (_, lz) = session.resolve(&input).expect("the example resolves");
            let hubs = lz.platform.iter().flat_map(|p| &p.lz.environments);
            for env in lz.environments.iter().chain(hubs) {
                let map = serde_json::to_value(&env.names).expect("names serialize");
                let map = map.as_object().expect("an object");
                // No two keys share a text, and the object is in the text's order.
                assert_eq!(map.len(), env.names.len(), "{}", path.display());
                assert!(map.keys().is_sorted(), "{}", path.display());
                for (key, name) in env.names.iter() {
                    let text = key.to_string();
                    assert_eq!(text.parse::<NameKey>().as_ref(), Ok(key), "{text}");
                    assert_eq!(map[&text], name.as_str(), "{text}");
                    seen += 1;
                }
            }
        }
        assert!(seen > 500, "only {seen} names in the examples");
    }
}
