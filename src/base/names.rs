//! Unit enums on the wire: each variant is its snake_case name, a JSON string.
//!
//! `wire_enum!` declares such an enum, each variant once with its name; `wire_names!` gives
//! an enum its names (`as_str`, `NAMES`) and reads and writes it as that string through
//! serde's one `String` decoder. serde's derived enum
//! decoder would also accept `{"name": null}` and build five generic functions per enum (about
//! 2 KB of the WebAssembly build each); an unknown name gets serde's own message, "unknown
//! variant `x`, expected one of `a`, `b`".

/// Implements `as_str`, `NAMES`, `Serialize` and `Deserialize` for a unit enum from its
/// variant-to-name table. A name is written once, here, for every direction.
macro_rules! wire_names {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every stable snake_case name, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($name),+];

            /// The stable snake_case name.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)+
                }
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let name = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                match name.as_str() {
                    $($name => Ok(Self::$variant),)+
                    other => Err(<D::Error as ::serde::de::Error>::unknown_variant(other, Self::NAMES)),
                }
            }
        }
    };
}

pub(crate) use wire_names;

/// Declares a unit enum and its wire names in one place: each variant is written once, with
/// its docs and its name, and the enum gets `ALL` (every variant, in order), the usual derives (`Debug`, `Clone`, `Copy`,
/// `PartialEq`, `Eq`, `Hash`; more through a `#[derive]` of its own), [`wire_names!`] and, with
/// the `schema` feature, a JSON Schema whose names are these names.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $ty:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $name:tt ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $ty {
            $(
                $(#[$vmeta])*
                #[cfg_attr(feature = "schema", schemars(rename = $name))]
                $variant,
            )+
        }

        impl $ty {
            /// Every variant, in declaration order.
            pub const ALL: [$ty; [$(stringify!($variant)),+].len()] = [$($ty::$variant),+];
        }

        $crate::base::names::wire_names!($ty { $($variant => $name),+ });
    };
}

pub(crate) use wire_enum;

#[cfg(test)]
mod tests {
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Colour {
        Red,
        DarkBlue,
    }

    crate::base::names::wire_names!(Colour {
        Red => "red",
        DarkBlue => "dark_blue",
    });

    #[test]
    fn names_round_trip_and_unknown_names_get_serdes_message() {
        for colour in [Colour::Red, Colour::DarkBlue] {
            let json = serde_json::to_string(&colour).unwrap();
            assert_eq!(json, format!("\"{}\"", colour.as_str()));
            assert_eq!(serde_json::from_str::<Colour>(&json).unwrap(), colour);
        }
        let error = serde_json::from_str::<Colour>("\"green\"").unwrap_err();
        assert!(error
            .to_string()
            .starts_with("unknown variant `green`, expected `red` or `dark_blue`"));
        // Only the string form: not serde's `{"red": null}`, not a number.
        assert!(serde_json::from_str::<Colour>(r#"{"red": null}"#).is_err());
        assert!(serde_json::from_str::<Colour>("0").is_err());
    }
}
