//! Operations, each declared once, next to its domain (part of the shared kernel: every domain
//! declares its operations with what is here, and only [`crate::api`] lists them).
//!
//! An operation is its argument type implementing [`Operation`]: the wire name, the method name
//! bindings give it, a summary, the rules it enforces, its result type, and what it runs. The
//! one list in `crate::api`'s registry turns the declarations into the dispatch,
//! [`crate::api::OPERATIONS`], `engine.info`'s list and [`crate::api::DECLARATIONS`]; with the
//! `schema` feature, into the manifest from which the JSON Schema, the TypeScript, Python, PHP
//! and Ruby signatures and `docs/api.md`'s operation table are generated (`tests/surface/`).

use crate::base::error::{Error, Reason, Result};
use crate::base::json::decode;
use crate::base::random::RandomSource;
use crate::engine::Engine;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// What an operation runs with: the engine and the randomness source of the call.
pub struct Context<'a> {
    /// The engine.
    pub engine: &'a Engine,
    /// Where ids and codes come from.
    pub rng: &'a mut dyn RandomSource,
}

/// Types the published schema describes: every argument and result type (a JSON Schema with
/// the `schema` feature; nothing without it, so the schema code stays out of the library).
#[cfg(feature = "schema")]
pub trait Described: schemars::JsonSchema {}
#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> Described for T {}
/// Types the published schema describes (see the `schema` feature).
#[cfg(not(feature = "schema"))]
pub trait Described {}
#[cfg(not(feature = "schema"))]
impl<T> Described for T {}

/// One operation of the JSON surface. The implementing type is the operation's arguments
/// (`args` of the request).
pub trait Operation: DeserializeOwned + Described {
    /// The wire name, e.g. `"share.create"`.
    const NAME: &'static str;
    /// The method name bindings give it, in snake_case (`create_share`); JavaScript uses its
    /// camelCase form (`createShare`).
    const METHOD: &'static str;
    /// What it does, in one sentence.
    const SUMMARY: &'static str;
    /// The rules of the catalogue (`docs/rules.md`) it enforces, e.g. `"EXT-01..05, 09, 14"`.
    const RULES: &'static str;
    /// Whether bindings give it a typed entry point of their own (a hot path) instead of a
    /// wrapper over the JSON call. The JSON operation exists either way.
    const TYPED: bool = false;
    /// What it returns.
    type Output: Serialize + Described;

    /// Runs the operation.
    fn run(self, context: &mut Context<'_>) -> Result<Self::Output>;
}

/// One operation's declaration, as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declaration {
    /// The wire name.
    pub name: &'static str,
    /// The binding method name, snake_case.
    pub method: &'static str,
    /// What it does.
    pub summary: &'static str,
    /// The rules it enforces.
    pub rules: &'static str,
    /// Whether bindings give it a typed entry point.
    pub typed: bool,
}

impl Declaration {
    /// The declaration of `T`.
    pub const fn of<T: Operation>() -> Self {
        Self {
            name: T::NAME,
            method: T::METHOD,
            summary: T::SUMMARY,
            rules: T::RULES,
            typed: T::TYPED,
        }
    }
}

/// Decodes the arguments of `T`, runs it and writes its result as JSON text.
// Inlined into the dispatch's one `match`: a function per operation costs the WebAssembly build
// more than the match arm it replaces (docs/benchmarks.md).
#[inline(always)]
pub(crate) fn run<T: Operation>(args: &str, context: &mut Context<'_>) -> Result<String> {
    let args: T = decode(args, "args")?;
    to_json(&args.run(context)?)
}

/// Writes a result as JSON text (one serializer per result type, no intermediate value).
pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|_| Error::new(Reason::InternalError, "result could not be encoded"))
}

/// The refusal for an operation name no declaration has: the name sent is never echoed
/// (`engine.info` lists the operations).
pub(crate) const fn unknown() -> Error {
    Error::new(
        Reason::UnknownOperation,
        "op: no such operation of this version (engine.info lists them)",
    )
}

/// Declares an operation's argument type with the derives every one has: read from a JSON
/// object (unknown fields refused), debuggable, cloneable, and described in JSON Schema with the
/// `schema` feature.
macro_rules! args {
    ($(#[$meta:meta])* pub struct $name:ident $body:tt) => {
        $(#[$meta])*
        #[derive(Debug, Clone, serde::Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct $name $body
    };
}
pub(crate) use args;

/// An operation's declaration with the schemas of its arguments and result.
#[cfg(feature = "schema")]
#[derive(Debug, Clone)]
pub struct OperationSchema {
    /// The declaration.
    pub declaration: Declaration,
    /// The name of the arguments type (its definition in the schema).
    pub args_type: String,
    /// The schema of the arguments (a reference into the definitions).
    pub args: schemars::Schema,
    /// The name of the result type.
    pub result_type: String,
    /// The schema of the result.
    pub result: schemars::Schema,
}

#[cfg(feature = "schema")]
impl OperationSchema {
    /// The declaration and schemas of `T`.
    pub fn of<T: Operation>(generator: &mut schemars::SchemaGenerator) -> Self {
        use schemars::JsonSchema;
        Self {
            declaration: Declaration::of::<T>(),
            args_type: T::schema_name().into_owned(),
            args: generator.subschema_for::<T>(),
            result_type: T::Output::schema_name().into_owned(),
            result: generator.subschema_for::<T::Output>(),
        }
    }
}
