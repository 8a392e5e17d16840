//! Records are read from JSON objects only.
//!
//! serde's derived `Deserialize` accepts a struct either as an object or as an array of its
//! fields in declaration order, and serde_json offers both. The array form is a hazard for a
//! wire format (a host that sends `["t-1", "a@example.com"]` depends on our field order, which
//! is not part of the API), and it costs a second decoder for every record type: about 40 KB of
//! the WebAssembly build (docs/benchmarks.md).
//!
//! [`ObjectsOnly`] wraps a deserializer and answers every request for a struct with a request
//! for a map, at every depth, so an array where a record belongs is refused with serde's own
//! "invalid type: sequence, expected struct ..." and the array decoders are never built. All
//! other requests are forwarded unchanged, so values, errors and borrowing behave exactly as
//! they do without the wrapper.

use std::fmt;

use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, Error, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// A deserializer that reads structs from maps only (see the module documentation).
pub(crate) struct ObjectsOnly<D>(pub(crate) D);

/// A visitor, sequence, map, enum or seed whose nested deserializers are [`ObjectsOnly`].
struct Wrap<T>(T);

macro_rules! forward_deserialize {
    ($($method:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(Wrap(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectsOnly<D> {
    type Error = D::Error;

    forward_deserialize!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, Wrap(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, Wrap(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, Wrap(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, Wrap(visitor))
    }

    /// The one change: a struct is asked for as a map.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(Wrap(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, Wrap(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method<E: Error>(self, value: $ty) -> Result<V::Value, E> {
            self.0.$method(value)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(formatter)
    }

    forward_visit!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    fn visit_none<E: Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(ObjectsOnly(deserializer))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(ObjectsOnly(deserializer))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(Wrap(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Wrap(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(Wrap(data))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Wrap<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(ObjectsOnly(deserializer))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Wrap<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Wrap(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Wrap<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Wrap(seed))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Wrap(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Wrap<A> {
    type Error = A::Error;
    type Variant = Wrap<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        self.0
            .variant_seed(Wrap(seed))
            .map(|(value, variant)| (value, Wrap(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Wrap<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Wrap(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Wrap(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, Wrap(visitor))
    }
}

#[cfg(test)]
mod tests {
    use super::ObjectsOnly;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Inner {
        a: u32,
    }

    #[derive(Debug, Deserialize)]
    struct Outer<'a> {
        name: String,
        inner: Option<Inner>,
        list: Vec<Inner>,
        #[serde(borrow)]
        raw: Option<&'a serde_json::value::RawValue>,
    }

    fn read<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(json);
        let value = T::deserialize(ObjectsOnly(&mut de))?;
        de.end()?;
        Ok(value)
    }

    #[test]
    fn objects_read_as_without_the_wrapper() {
        let json = r#"{"name":"n","inner":{"a":1},"list":[{"a":2},{"a":3}],"raw":[1, {"x":2}]}"#;
        let wrapped: Outer<'_> = read(json).unwrap();
        let plain: Outer<'_> = serde_json::from_str(json).unwrap();
        assert_eq!(wrapped.name, plain.name);
        assert_eq!(wrapped.inner, plain.inner);
        assert_eq!(wrapped.list, plain.list);
        assert_eq!(wrapped.raw.unwrap().get(), r#"[1, {"x":2}]"#);
    }

    #[test]
    fn arrays_are_refused_where_a_struct_belongs_at_any_depth() {
        // serde_json alone accepts all three.
        for json in [
            r#"["n", null, [], null]"#,
            r#"{"name":"n","inner":[1],"list":[]}"#,
            r#"{"name":"n","inner":null,"list":[[2]]}"#,
        ] {
            assert!(serde_json::from_str::<Outer<'_>>(json).is_ok(), "{json}");
            let error = read::<Outer<'_>>(json).unwrap_err().to_string();
            assert!(
                error.starts_with("invalid type: sequence, expected struct"),
                "{json}: {error}"
            );
        }
    }

    proptest::proptest! {
        /// Any object reads to the same value with and without the wrapper, and the same
        /// record written as an array is refused by the wrapper only.
        #[test]
        fn the_wrapper_changes_nothing_but_the_array_form(
            name in "\\PC{0,12}",
            inner in proptest::option::of(proptest::num::u32::ANY),
            list in proptest::collection::vec(proptest::num::u32::ANY, 0..4),
        ) {
            let inner_json = inner.map(|a| serde_json::json!({"a": a}));
            let list_json: Vec<_> = list.iter().map(|a| serde_json::json!({"a": a})).collect();
            let object = serde_json::json!({"name": name, "inner": inner_json, "list": list_json})
                .to_string();
            let wrapped: Outer<'_> = read(&object).unwrap();
            let plain: Outer<'_> = serde_json::from_str(&object).unwrap();
            proptest::prop_assert_eq!(wrapped.name, plain.name);
            proptest::prop_assert_eq!(&wrapped.inner, &plain.inner);
            proptest::prop_assert_eq!(&wrapped.list, &plain.list);
            proptest::prop_assert_eq!(wrapped.inner.map(|i| i.a), inner);

            let array = serde_json::json!([name, inner_json, list_json, null]).to_string();
            proptest::prop_assert!(serde_json::from_str::<Outer<'_>>(&array).is_ok());
            proptest::prop_assert!(read::<Outer<'_>>(&array).is_err());
        }
    }

    #[test]
    fn trailing_text_is_still_refused() {
        assert!(read::<Inner>(r#"{"a":1} x"#).is_err());
    }
}
