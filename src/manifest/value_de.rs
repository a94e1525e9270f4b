//! A strict, path-tracking deserializer over a borrowed JSON [`Value`]: the one deserializer every
//! k8s-openapi type is decoded through. It does what `serde_ignored` (every unknown field with its
//! path) and `serde_path_to_error` (the path of the first error) did around serde_json's `&Value`
//! deserializer, in one concrete type: no wrapped visitors, so each k8s-openapi visitor is
//! monomorphized exactly once (the wrappers instantiated the whole visitor tree per root type and
//! per wrapper layer, which was most of the page's wasm).
//!
//! Behaviour is serde_json's `impl Deserializer for &Value`, method by method (the same visitor
//! calls, the same `serde_json::Error` texts); the path of an error is the innermost value whose
//! deserialization failed, first failure wins, as `serde_path_to_error` records it; an unknown
//! field is any value deserialized as `IgnoredAny`, as `serde_ignored` reports it.
//! Deliberately absent: enums as maps (`deserialize_enum` on an object), which no k8s-openapi type
//! asks for; it fails with serde_json's wording for a non-enum value.

use super::field_path::Segment;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde_json::{Error, Value};
use std::cell::RefCell;

/// Where a value sits, as a chain of stack frames back to the root.
#[derive(Clone, Copy)]
enum Chain<'a> {
    Root,
    Key { parent: &'a Chain<'a>, key: &'a str },
    Index { parent: &'a Chain<'a>, index: usize },
}

impl Chain<'_> {
    fn segments(&self) -> Vec<Segment> {
        let mut out = Vec::new();
        let mut current = self;
        loop {
            match current {
                Chain::Root => break,
                Chain::Key { parent, key } => {
                    out.push(Segment::Field((*key).to_string()));
                    current = parent;
                }
                Chain::Index { parent, index } => {
                    out.push(Segment::Index(*index));
                    current = parent;
                }
            }
        }
        out.reverse();
        out
    }
}

/// What one decoding run observed.
#[derive(Default)]
pub(crate) struct Track {
    /// Every value deserialized as `IgnoredAny` (an unknown field), in decoding order.
    unknown: RefCell<Vec<Vec<Segment>>>,
    /// Where the first error arose.
    error_path: RefCell<Option<Vec<Segment>>>,
}

impl Track {
    pub(crate) fn unknown(self) -> Vec<Vec<Segment>> {
        self.unknown.into_inner()
    }

    /// The path of the first failure (the root when none was recorded).
    pub(crate) fn error_path(&self) -> Vec<Segment> {
        self.error_path.borrow().clone().unwrap_or_default()
    }

    #[cold]
    #[inline(never)]
    fn fail(&self, chain: &Chain<'_>) {
        let mut path = self.error_path.borrow_mut();
        if path.is_none() {
            *path = Some(chain.segments());
        }
    }

    #[inline(never)]
    fn ignored(&self, chain: &Chain<'_>) {
        self.unknown.borrow_mut().push(chain.segments());
    }
}

/// Decodes `value` into `T`; unknown fields and the error's path land in `track`.
pub(crate) fn deserialize<T: de::DeserializeOwned>(
    value: &Value,
    track: &Track,
) -> Result<T, Error> {
    T::deserialize(ValueDe {
        value,
        chain: &Chain::Root,
        track,
    })
}

/// serde_json's `Value::unexpected`.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                Unexpected::Unsigned(u)
            } else if let Some(i) = n.as_i64() {
                Unexpected::Signed(i)
            } else {
                Unexpected::Float(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

#[derive(Clone, Copy)]
struct ValueDe<'de, 'a> {
    value: &'de Value,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

impl<'de, 'a> ValueDe<'de, 'a> {
    /// Records the path of a failure here (unless an inner one was recorded first).
    fn tracked<T>(self, result: Result<T, Error>) -> Result<T, Error> {
        if result.is_err() {
            self.track.fail(self.chain);
        }
        result
    }

    fn invalid_type(self, exp: &dyn de::Expected) -> Error {
        de::Error::invalid_type(unexpected(self.value), exp)
    }

    fn visit_array<V: Visitor<'de>>(
        self,
        array: &'de [Value],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let len = array.len();
        let mut seq = SeqDe {
            iter: array.iter(),
            index: 0,
            chain: self.chain,
            track: self.track,
        };
        let out = visitor.visit_seq(&mut seq)?;
        if seq.iter.len() == 0 {
            Ok(out)
        } else {
            Err(de::Error::invalid_length(len, &"fewer elements in array"))
        }
    }

    fn visit_object<V: Visitor<'de>>(
        self,
        object: &'de serde_json::Map<String, Value>,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let len = object.len();
        let mut map = MapDe {
            iter: object.iter(),
            value: None,
            chain: self.chain,
            track: self.track,
        };
        let out = visitor.visit_map(&mut map)?;
        if map.iter.len() == 0 {
            Ok(out)
        } else {
            Err(de::Error::invalid_length(len, &"fewer elements in map"))
        }
    }

    fn any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(v) => visitor.visit_bool(*v),
            Value::Number(n) => n.deserialize_any(visitor),
            Value::String(v) => visitor.visit_borrowed_str(v),
            Value::Array(v) => self.visit_array(v, visitor),
            Value::Object(v) => self.visit_object(v, visitor),
        }
    }

    fn number<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Number(n) => n.deserialize_any(visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::String(v) => visitor.visit_borrowed_str(v),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Array(v) => self.visit_array(v, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }
}

macro_rules! numbers {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
                self.tracked(self.number(visitor))
            }
        )*
    };
}

impl<'de> Deserializer<'de> for ValueDe<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.tracked(self.any(visitor))
    }

    numbers!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64);

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        };
        self.tracked(result)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::String(variant) => visitor.visit_enum(UnitVariant(variant)),
            other => Err(de::Error::invalid_type(unexpected(other), &"string or map")),
        };
        self.tracked(result)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.tracked(visitor.visit_newtype_struct(self))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::Bool(v) => visitor.visit_bool(*v),
            _ => Err(self.invalid_type(&visitor)),
        };
        self.tracked(result)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.tracked(self.str(visitor))
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.tracked(self.str(visitor))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.tracked(self.str(visitor))
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::String(v) => visitor.visit_borrowed_str(v),
            Value::Array(v) => self.visit_array(v, visitor),
            _ => Err(self.invalid_type(&visitor)),
        };
        self.tracked(result)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.invalid_type(&visitor)),
        };
        self.tracked(result)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.tracked(self.seq(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.tracked(self.seq(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.tracked(self.seq(visitor))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::Object(v) => self.visit_object(v, visitor),
            _ => Err(self.invalid_type(&visitor)),
        };
        self.tracked(result)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::Array(v) => self.visit_array(v, visitor),
            Value::Object(v) => self.visit_object(v, visitor),
            _ => Err(self.invalid_type(&visitor)),
        };
        self.tracked(result)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.tracked(self.str(visitor))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.track.ignored(self.chain);
        self.tracked(visitor.visit_unit())
    }
}

struct SeqDe<'de, 'a> {
    iter: std::slice::Iter<'de, Value>,
    index: usize,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

impl<'de> SeqAccess<'de> for SeqDe<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(value) = self.iter.next() else {
            return Ok(None);
        };
        let chain = Chain::Index {
            parent: self.chain,
            index: self.index,
        };
        self.index += 1;
        seed.deserialize(ValueDe {
            value,
            chain: &chain,
            track: self.track,
        })
        .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        match self.iter.size_hint() {
            (lower, Some(upper)) if lower == upper => Some(upper),
            _ => None,
        }
    }
}

struct MapDe<'de, 'a> {
    iter: serde_json::map::Iter<'de>,
    value: Option<(&'de str, &'de Value)>,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

impl<'de> MapAccess<'de> for MapDe<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        let key: de::value::BorrowedStrDeserializer<'de, Error> =
            de::value::BorrowedStrDeserializer::new(key);
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.value.take() else {
            return Err(de::Error::custom("value is missing"));
        };
        let chain = Chain::Key {
            parent: self.chain,
            key,
        };
        seed.deserialize(ValueDe {
            value,
            chain: &chain,
            track: self.track,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        match self.iter.size_hint() {
            (lower, Some(upper)) if lower == upper => Some(upper),
            _ => None,
        }
    }
}

/// A string naming a unit variant (serde_json's `EnumRefDeserializer` without a value).
struct UnitVariant<'de>(&'de str);

impl<'de> EnumAccess<'de> for UnitVariant<'de> {
    type Error = Error;
    type Variant = UnitVariant<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let variant: de::value::StrDeserializer<'_, Error> = self.0.into_deserializer();
        seed.deserialize(variant).map(|v| (v, self))
    }
}

impl<'de> VariantAccess<'de> for UnitVariant<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value, Error> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"newtype variant",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value, Error> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"tuple variant",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Error> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"struct variant",
        ))
    }
}

/// The contract, checked against the two crates this module replaces: on thousands of mutated
/// manifests, the same result, the same error text, the same error path and the same unknown
/// fields as `serde_path_to_error` around `serde_ignored` around serde_json's `&Value` (both
/// native dev-dependencies only).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use k8s_openapi::api::apps::v1::DaemonSet;
    use k8s_openapi::api::core::v1::{Node, Pod, PodTemplateSpec};
    use serde_json::json;

    /// (error text or "ok", error path, unknown paths), all as text.
    type Outcome = (String, String, Vec<String>);

    fn show(segments: &[Segment]) -> String {
        crate::manifest::field_path::FieldPath::from(segments.to_vec()).to_string()
    }

    /// The path the decoder made of a `serde_ignored` path before this module existed.
    fn ignored_path(mut path: &serde_ignored::Path<'_>) -> String {
        let mut segments = Vec::new();
        loop {
            match path {
                serde_ignored::Path::Root => break,
                serde_ignored::Path::Seq { parent, index } => {
                    segments.push(Segment::Index(*index));
                    path = parent;
                }
                serde_ignored::Path::Map { parent, key } => {
                    segments.push(Segment::Field(key.clone()));
                    path = parent;
                }
                serde_ignored::Path::Some { parent }
                | serde_ignored::Path::NewtypeStruct { parent }
                | serde_ignored::Path::NewtypeVariant { parent } => path = parent,
            }
        }
        segments.reverse();
        show(&segments)
    }

    fn reference<T: de::DeserializeOwned>(value: &Value) -> Outcome {
        let mut unknown = Vec::new();
        let result: Result<T, _> = {
            let mut callback = |path: serde_ignored::Path<'_>| unknown.push(ignored_path(&path));
            serde_path_to_error::deserialize(serde_ignored::Deserializer::new(value, &mut callback))
        };
        match result {
            Ok(_) => ("ok".into(), String::new(), unknown),
            Err(err) => {
                let segments: Vec<Segment> = err
                    .path()
                    .iter()
                    .filter_map(|s| match s {
                        serde_path_to_error::Segment::Map { key } => {
                            Some(Segment::Field(key.clone()))
                        }
                        serde_path_to_error::Segment::Seq { index } => Some(Segment::Index(*index)),
                        _ => None,
                    })
                    .collect();
                (err.inner().to_string(), show(&segments), unknown)
            }
        }
    }

    fn ours<T: de::DeserializeOwned>(value: &Value) -> Outcome {
        let track = Track::default();
        let result = deserialize::<T>(value, &track);
        let error_path = track.error_path();
        let unknown = track.unknown().iter().map(|p| show(p)).collect();
        match result {
            Ok(_) => ("ok".into(), String::new(), unknown),
            Err(err) => (err.to_string(), show(&error_path), unknown),
        }
    }

    fn both(kind: &str, value: &Value) -> (Outcome, Outcome) {
        match kind {
            "DaemonSet" => (reference::<DaemonSet>(value), ours::<DaemonSet>(value)),
            "Pod" => (reference::<Pod>(value), ours::<Pod>(value)),
            "Node" => (reference::<Node>(value), ours::<Node>(value)),
            _ => (
                reference::<PodTemplateSpec>(value),
                ours::<PodTemplateSpec>(value),
            ),
        }
    }

    /// Every position in `v` (objects, arrays and leaves), as JSON pointers.
    fn pointers(v: &Value, here: String, out: &mut Vec<String>) {
        out.push(here.clone());
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    let k = k.replace('~', "~0").replace('/', "~1");
                    pointers(c, format!("{here}/{k}"), out);
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    pointers(c, format!("{here}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    /// Replaces every position with values of every JSON kind, adds unknown fields to every
    /// object and odd items to every list; returns how many variants were compared.
    fn mutate_and_compare(kind: &str, root: &Value) -> usize {
        let replacements = [
            json!(null),
            json!("x"),
            json!(""),
            json!(1.5),
            json!(-1),
            json!(7),
            json!(3_000_000_000u64),
            json!(-3_000_000_000i64),
            json!(1e300),
            json!(true),
            json!([]),
            json!({}),
            json!({"bogus": 1, "zz": null}),
            json!([1, "a", null]),
            json!([{"bogus": 2}]),
            json!("2024-01-01T00:00:00Z"),
            json!("not-a-time"),
            json!("100m"),
        ];
        let mut all = Vec::new();
        pointers(root, String::new(), &mut all);
        let mut n = 0;
        let mut check = |v: &Value, what: &str| {
            let (expected, actual) = both(kind, v);
            assert_eq!(actual, expected, "{kind}: {what}");
            n += 1;
        };
        for p in &all {
            for r in &replacements {
                let mut v = root.clone();
                *v.pointer_mut(p).unwrap() = r.clone();
                check(&v, &format!("{p} = {r}"));
            }
            let mut v = root.clone();
            match v.pointer_mut(p).unwrap() {
                Value::Object(m) => {
                    m.insert("aUnknown".into(), json!({"x": [1]}));
                    m.insert("zUnknown".into(), json!(null));
                }
                Value::Array(a) => {
                    a.push(json!({"weird": true}));
                    a.push(json!(null));
                }
                _ => continue,
            }
            check(&v, &format!("{p} extended"));
        }
        n
    }

    #[test]
    fn behaves_as_serde_path_to_error_around_serde_ignored() {
        let mut n = 0;
        let texts = crate::examples::all().iter().map(|e| e.yaml());
        for text in texts.chain([crate::examples::DEFAULT_CLUSTER]) {
            for doc in super::super::yaml_doc::parse_documents(text)
                .into_iter()
                .flatten()
            {
                let kind = doc["kind"].as_str().unwrap_or_default().to_string();
                if !["DaemonSet", "Node", "Pod"].contains(&kind.as_str()) {
                    continue;
                }
                n += mutate_and_compare(&kind, &doc);
                if kind == "DaemonSet" {
                    let template = doc["spec"]["template"].clone();
                    n += mutate_and_compare("PodTemplateSpec", &template);
                }
            }
        }
        let pod = json!({
            "apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "p", "creationTimestamp": "2024-01-01T00:00:00Z",
                         "ownerReferences": [{"apiVersion": "apps/v1", "kind": "DaemonSet", "name": "d", "uid": "u", "controller": true}]},
            "spec": {"nodeName": "n", "containers": [{"name": "c", "image": "i",
                     "ports": [{"containerPort": 80}], "resources": {"requests": {"cpu": "100m"}},
                     "readinessProbe": {"httpGet": {"port": "http", "path": "/"}}}],
                     "tolerations": [{"key": "k", "operator": "Exists", "tolerationSeconds": 5}],
                     "volumes": [{"name": "v", "hostPath": {"path": "/x"}}]},
            "status": {"phase": "Running",
                       "conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": "2024-01-01T00:00:00Z"}],
                       "containerStatuses": [{"name": "c", "ready": true, "restartCount": 0, "image": "i", "imageID": "",
                                              "state": {"running": {"startedAt": "2024-01-01T00:00:00Z"}}}]}
        });
        n += mutate_and_compare("Pod", &pod);
        let node = json!({
            "apiVersion": "v1", "kind": "Node", "metadata": {"name": "n", "labels": {"a": "b"}},
            "spec": {"taints": [{"key": "k", "value": "v", "effect": "NoSchedule", "timeAdded": "2024-01-01T00:00:00Z"}],
                     "unschedulable": true, "podCIDRs": ["10.0.0.0/24"]},
            "status": {"capacity": {"cpu": "4", "memory": "8Gi", "pods": 110}, "allocatable": {"cpu": "3900m"},
                       "conditions": [{"type": "Ready", "status": "True", "lastHeartbeatTime": "2024-01-01T00:00:00Z"}],
                       "addresses": [{"type": "InternalIP", "address": "10.0.0.1"}]}
        });
        n += mutate_and_compare("Node", &node);
        assert!(n > 10_000, "only {n} variants compared");
    }
}
