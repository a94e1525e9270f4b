//! Decoding one object's JSON into its k8s-openapi type as the API server's strict JSON decoder
//! would: every unknown field is reported with its full path, a type mismatch is worded as
//! encoding/json words it (both paths come from the in-house `value_de` deserializer), and an unparsable
//! quantity aborts decoding with `resource.Quantity`'s own message, which upstream takes
//! precedence over an earlier type mismatch because a custom unmarshaler's error stops the
//! decoder while plain type errors are only saved.
//!
//! The JSON object keys arrive sorted (see `yaml_doc`), so errors come in the order the API
//! server meets them. A JSON `null` decodes as "absent" in Go; where serde refuses a null, the
//! null is dropped and decoding retried.

use super::field_path::{FieldPath, Segment};
use super::value_de::{self, Track};
use super::{go_types, messages};
use crate::model::Quantity;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The outcome of decoding one object.
pub(crate) enum Decoded<T> {
    Ok(T),
    /// Unknown fields, in decoding order.
    Unknown(Vec<FieldPath>),
    /// The decoder's error (the text after `cannot be handled as a <Kind>: `) and where it is.
    Error {
        message: String,
        location: FieldPath,
    },
}

/// Most nulls dropped before giving up.
const MAX_NULL_RETRIES: usize = 32;

/// Decodes `value` into `T`; `root_struct` is the Go struct name (`DaemonSet`, `Node`, `Pod`).
pub(crate) fn decode<T: DeserializeOwned>(value: &Value, root_struct: &str) -> Decoded<T> {
    if let Some(location) = first_bad_quantity(value, root_struct) {
        return Decoded::Error {
            message: messages::QUANTITY_FORMAT.to_string(),
            location,
        };
    }
    let mut owned: Option<Value> = None;
    for _ in 0..=MAX_NULL_RETRIES {
        let current = owned.as_ref().unwrap_or(value);
        let track = Track::default();
        match value_de::deserialize::<T>(current, &track) {
            Ok(object) => {
                let unknown = track.unknown();
                if unknown.is_empty() {
                    return Decoded::Ok(object);
                }
                return Decoded::Unknown(unknown.into_iter().map(FieldPath::from).collect());
            }
            Err(err) => {
                let segments = track.error_path();
                let inner = err.to_string();
                if inner.contains("invalid type: null") || inner.contains("unit value") {
                    let mut copy = current.clone();
                    if remove_at(&mut copy, &segments) {
                        owned = Some(copy);
                        continue;
                    }
                }
                return type_error(&segments, &inner, root_struct);
            }
        }
    }
    Decoded::Error {
        message: messages::json_cannot_unmarshal("null", "", "", "struct"),
        location: FieldPath::root(),
    }
}

/// Decodes JSON this program wrote itself (a stored template's canonical JSON) through the same
/// deserializer as [`decode`], ignoring unknown fields; `None` when it does not decode.
pub(crate) fn decode_lenient<T: DeserializeOwned>(value: &Value) -> Option<T> {
    value_de::deserialize::<T>(value, &Track::default()).ok()
}

/// Drops the value at `segments` from `value`; false when the path does not lead anywhere.
fn remove_at(value: &mut Value, segments: &[Segment]) -> bool {
    let Some((last, parents)) = segments.split_last() else {
        return false;
    };
    let mut current = value;
    for s in parents {
        current = match (s, current) {
            (Segment::Field(key), Value::Object(map)) => match map.get_mut(key) {
                Some(v) => v,
                None => return false,
            },
            (Segment::Index(index), Value::Array(items)) => match items.get_mut(*index) {
                Some(v) => v,
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, current) {
        (Segment::Field(key), Value::Object(map)) => map.remove(key).is_some(),
        (Segment::Index(index), Value::Array(items)) if *index < items.len() => {
            items.remove(*index);
            true
        }
        _ => false,
    }
}

/// The JSON kind encoding/json names in `cannot unmarshal <kind>`, from serde's `Unexpected`.
fn go_value_kind(unexpected: &str, into_integer: bool, overflow: bool) -> String {
    let literal = unexpected
        .split('`')
        .nth(1)
        .map(|s| s.to_string())
        .unwrap_or_default();
    if unexpected.starts_with("boolean") {
        "bool".to_string()
    } else if unexpected.starts_with("integer") {
        if into_integer || overflow {
            format!("number {literal}")
        } else {
            "number".to_string()
        }
    } else if unexpected.starts_with("floating point") {
        if into_integer {
            format!("number {literal}")
        } else {
            "number".to_string()
        }
    } else if unexpected.starts_with("string") {
        "string".to_string()
    } else if unexpected.starts_with("sequence") {
        "array".to_string()
    } else if unexpected.starts_with("map") {
        "object".to_string()
    } else {
        "value".to_string()
    }
}

/// Go type name for serde's `expected …` when the table does not know the field.
fn go_type_from_expected(expected: &str) -> String {
    match expected {
        "i32" | "a 32-bit integer" => "int32".to_string(),
        "i64" => "int64".to_string(),
        "a string" => "string".to_string(),
        "a boolean" => "bool".to_string(),
        "a sequence" => "[]interface {}".to_string(),
        "a map" => "map[string]interface {}".to_string(),
        "IntOrString" => "int32".to_string(),
        "Quantity" => "resource.Quantity".to_string(),
        other => format!(
            "v1.{}",
            other.trim_start_matches("a ").trim_start_matches("an ")
        ),
    }
}

fn upper_camel(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Words a serde type error as encoding/json's `UnmarshalTypeError` with struct context.
fn type_error<T>(segments: &[Segment], inner: &str, root_struct: &str) -> Decoded<T> {
    let location = FieldPath::from(segments.to_vec());
    let (unexpected, expected, overflow) = if let Some(rest) = inner.strip_prefix("invalid type: ")
    {
        let (u, e) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        (u.to_string(), e.to_string(), false)
    } else if let Some(rest) = inner.strip_prefix("invalid value: ") {
        let (u, e) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        (u.to_string(), e.to_string(), true)
    } else {
        // Not a type mismatch (e.g. a malformed timestamp): serde's own words.
        return Decoded::Error {
            message: inner.to_string(),
            location,
        };
    };

    // Walk the Go types along the path: struct fields extend the field stack; list indexes and
    // map keys do not (encoding/json only records struct fields).
    let mut go_struct = root_struct.to_string();
    let mut current_struct: Option<String> = Some(root_struct.to_string());
    let mut current_type: Option<String> = None;
    let mut field_stack: Vec<String> = Vec::new();
    for segment in segments {
        match segment {
            Segment::Field(key) => {
                if let Some(t) = &current_type {
                    if go_types::is_map(t) {
                        current_type = Some(go_types::element_type(t).to_string());
                        current_struct = None;
                        continue;
                    }
                }
                let Some(owner) = current_struct.clone() else {
                    // A field of something the table does not know.
                    go_struct = upper_camel(field_stack.last().map(|s| s.as_str()).unwrap_or(key));
                    field_stack.push(key.clone());
                    current_type = None;
                    continue;
                };
                go_struct = owner.clone();
                field_stack.push(key.clone());
                match go_types::field(&owner, key) {
                    Some(f) => {
                        current_type = Some(f.go_type.to_string());
                        current_struct = f.element_struct.map(|s| s.to_string());
                    }
                    None => {
                        current_type = None;
                        current_struct = Some(upper_camel(key));
                    }
                }
            }
            Segment::Index(_) => {
                if let Some(t) = &current_type {
                    current_type = Some(go_types::element_type(t).to_string());
                }
            }
            _ => {}
        }
    }
    let mut go_type = current_type.unwrap_or_else(|| go_type_from_expected(&expected));
    // intstr.IntOrString and metav1.Time decode through a nested Unmarshal into int32 / string;
    // the error names that inner type.
    if go_type == "intstr.IntOrString" {
        go_type = "int32".to_string();
    } else if go_type == "v1.Time" {
        go_type = "string".to_string();
    }
    let value_kind = go_value_kind(&unexpected, go_types::is_integer(&go_type), overflow);
    let message = if field_stack.is_empty() {
        messages::json_cannot_unmarshal(&value_kind, "", "", &go_type)
    } else {
        messages::json_cannot_unmarshal(&value_kind, &go_struct, &field_stack.join("."), &go_type)
    };
    Decoded::Error { message, location }
}

/// Whether a JSON value decodes as a `resource.Quantity` (`Quantity.UnmarshalJSON`).
fn is_quantity(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => Quantity::parse(s.trim()).is_ok(),
        Value::Number(n) => Quantity::parse(&n.to_string()).is_ok(),
        _ => false,
    }
}

fn first_bad_in_list(value: Option<&Value>, path: FieldPath) -> Option<FieldPath> {
    let Some(Value::Object(map)) = value else {
        return None;
    };
    map.iter()
        .find(|(_, v)| !is_quantity(v))
        .map(|(k, _)| path.key(k))
}

fn first_bad_in_containers(value: Option<&Value>, path: FieldPath) -> Option<FieldPath> {
    let Some(Value::Array(items)) = value else {
        return None;
    };
    for (i, item) in items.iter().enumerate() {
        let Some(Value::Object(resources)) = item.get("resources") else {
            continue;
        };
        let base = path.index(i).child("resources");
        for list in ["limits", "requests"] {
            if let Some(found) = first_bad_in_list(resources.get(list), base.child(list)) {
                return Some(found);
            }
        }
    }
    None
}

fn first_bad_in_pod_spec(spec: Option<&Value>, path: FieldPath) -> Option<FieldPath> {
    let spec = spec?;
    // Keys in the decoder's (sorted) order.
    for list in ["containers", "ephemeralContainers", "initContainers"] {
        if let Some(found) = first_bad_in_containers(spec.get(list), path.child(list)) {
            return Some(found);
        }
    }
    if let Some(found) = first_bad_in_list(spec.get("overhead"), path.child("overhead")) {
        return Some(found);
    }
    if let Some(Value::Array(volumes)) = spec.get("volumes") {
        for (i, volume) in volumes.iter().enumerate() {
            if let Some(limit) = volume.get("emptyDir").and_then(|e| e.get("sizeLimit")) {
                if !is_quantity(limit) {
                    return Some(
                        path.child("volumes")
                            .index(i)
                            .child("emptyDir")
                            .child("sizeLimit"),
                    );
                }
            }
        }
    }
    None
}

/// The first quantity the decoder would fail on, in decoding order.
fn first_bad_quantity(value: &Value, root_struct: &str) -> Option<FieldPath> {
    match root_struct {
        "DaemonSet" => {
            let template = value.get("spec")?.get("template")?;
            first_bad_in_pod_spec(
                template.get("spec"),
                FieldPath::fields(&["spec", "template", "spec"]),
            )
        }
        "Pod" => first_bad_in_pod_spec(value.get("spec"), FieldPath::new("spec")),
        "Node" => {
            let status = value.get("status")?;
            let base = FieldPath::new("status");
            // Node resources are named `status.capacity.cpu` (a child, not a key).
            for list in ["allocatable", "capacity"] {
                if let Some(Value::Object(map)) = status.get(list) {
                    if let Some((k, _)) = map.iter().find(|(_, v)| !is_quantity(v)) {
                        return Some(base.child(list).child(k));
                    }
                }
            }
            None
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::api::apps::v1::DaemonSet;

    fn message(value: Value) -> String {
        match decode::<DaemonSet>(&value, "DaemonSet") {
            Decoded::Ok(_) => "ok".to_string(),
            Decoded::Unknown(paths) => paths
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            Decoded::Error { message, location } => format!("{message} @ {location}"),
        }
    }

    #[test]
    fn r6_9_unknown_fields_with_full_paths() {
        let v = serde_json::json!({
            "apiVersion": "apps/v1", "kind": "DaemonSet",
            "spec": {"selector": {"matchLables": {"a": "b"}, "template": {}},
                     "template": {"spec": {"containers": [{"name": "x", "imagePullPolicyy": "y"}]}}}
        });
        assert_eq!(
            message(v),
            "spec.selector.matchLables, spec.selector.template, spec.template.spec.containers[0].imagePullPolicyy"
        );
    }

    #[test]
    fn type_errors_read_like_encoding_json() {
        let v = serde_json::json!({
            "spec": {"template": {"spec": {"containers": [{"name": "x", "ports": [{"containerPort": "80"}]}]}}}
        });
        assert_eq!(
            message(v),
            "json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32 @ spec.template.spec.containers[0].ports[0].containerPort"
        );
        let v = serde_json::json!({"metadata": {"labels": {"version": 1.5}}});
        assert_eq!(
            message(v),
            "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string @ metadata.labels.version"
        );
        let v = serde_json::json!({"spec": {"minReadySeconds": 1.5}});
        assert_eq!(
            message(v),
            "json: cannot unmarshal number 1.5 into Go struct field DaemonSetSpec.spec.minReadySeconds of type int32 @ spec.minReadySeconds"
        );
    }

    #[test]
    fn bad_quantities_win_over_earlier_type_errors() {
        let v = serde_json::json!({
            "metadata": {"labels": {"a": 1}},
            "spec": {"template": {"spec": {"containers": [{"name": "x", "resources": {"requests": {"cpu": "lots"}}}]}}}
        });
        assert_eq!(
            message(v),
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' @ spec.template.spec.containers[0].resources.requests[cpu]"
        );
    }

    #[test]
    fn nulls_are_absent_values() {
        let v =
            serde_json::json!({"metadata": {"name": null, "labels": {"a": null}}, "spec": null});
        assert_eq!(message(v), "ok");
    }
}
