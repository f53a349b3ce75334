//! Terraform's spelling of a parameter's value: object keys in snake_case (`osDiskSizeGb` ->
//! `os_disk_size_gb`), except inside `tags` and in a user's map, whose keys are the user's.
//!
//! Written while a [`Param`] is serialized rather than kept as a second tree beside `value`:
//! the `virtualMachines` parameter of an inventory holds thousands of servers. Not the names
//! themselves: [`super::snake`] spells one.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer};
use serde_json::Value;

use super::{Param, snake};

impl Param {
    /// The value as Terraform receives it: snake_case object keys, except inside `tags` (and
    /// none of a user's map).
    pub fn tf_value(&self) -> Value {
        serde_json::to_value(TfValue {
            value: &self.value,
            as_written: self.tf_keys_as_written,
        })
        .expect("a JSON value serializes to JSON")
    }
}

impl Serialize for Param {
    /// The fields as the templates read them: `name`, `tf_name`, `value`, `tf_value`, `secret`,
    /// `needed`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut p = serializer.serialize_struct("Param", 6)?;
        p.serialize_field("name", &self.name)?;
        p.serialize_field("tf_name", &self.tf_name)?;
        p.serialize_field("value", &self.value)?;
        p.serialize_field(
            "tf_value",
            &TfValue {
                value: &self.value,
                as_written: self.tf_keys_as_written,
            },
        )?;
        p.serialize_field("secret", &self.secret)?;
        p.serialize_field("needed", &self.needed)?;
        p.end()
    }
}

/// A value serialized with Terraform's keys.
struct TfValue<'a> {
    value: &'a Value,
    /// Keys as written from here down (a user's map, or inside `tags`).
    as_written: bool,
}

impl Serialize for TfValue<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.value {
            _ if self.as_written => self.value.serialize(serializer),
            Value::Object(m) => {
                let mut map = serializer.serialize_map(Some(m.len()))?;
                for (k, v) in m {
                    let inner = TfValue {
                        value: v,
                        as_written: k == "tags",
                    };
                    map.serialize_entry(&snake(k), &inner)?;
                }
                map.end()
            }
            Value::Array(a) => {
                let mut seq = serializer.serialize_seq(Some(a.len()))?;
                for v in a {
                    seq.serialize_element(&TfValue {
                        value: v,
                        as_written: false,
                    })?;
                }
                seq.end()
            }
            other => other.serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::ParamList;
    use serde_json::json;

    #[test]
    fn terraform_keys_are_snake_case_except_the_users() {
        let value = json!({
            "osDiskSizeGb": 128,
            "dataDisks": [{"sizeGb": 4, "storageType": "Premium_LRS"}],
            "tags": {"costCenter": "42", "nested": {"keepMe": true}},
            "image": {"publisherName": "Canonical"},
        });
        let mut list = ParamList::default();
        list.add("virtualMachines", &value);
        list.add_user_map("tags", &json!({"costCenter": "42"}));
        list.secret("adminPassword", true);
        let [vms, tags, secret] = &list.0[..] else {
            panic!("three parameters")
        };
        assert_eq!(
            vms.tf_value(),
            json!({
                "os_disk_size_gb": 128,
                "data_disks": [{"size_gb": 4, "storage_type": "Premium_LRS"}],
                "tags": {"costCenter": "42", "nested": {"keepMe": true}},
                "image": {"publisher_name": "Canonical"},
            })
        );
        assert_eq!(tags.tf_value(), json!({"costCenter": "42"}));
        assert_eq!(secret.tf_value(), json!(null));
        // The templates read both spellings from the serialized parameter, in this order.
        let serialized = serde_json::to_value(vms).unwrap();
        let keys: Vec<&str> = serialized
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["name", "tf_name", "value", "tf_value", "secret", "needed"]
        );
        assert_eq!(serialized["tf_value"], vms.tf_value());
        assert_eq!(serialized["value"], value);
    }
}
