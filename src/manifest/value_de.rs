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
