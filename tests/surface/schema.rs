//! The JSON Schema document: every definition the operations reach, the request and response
//! envelopes, the configuration, and the operation manifest.

use schemars::generate::SchemaSettings;
use schemars::SchemaGenerator;
use serde_json::{json, Map, Value};
use ticketshare::api::{self, ErrorBody, OperationSchema};
use ticketshare::{EngineConfig, PublicCategory, ReasonFamily};

/// The operations and every definition, as the generators read them.
pub struct Surface {
    pub operations: Vec<OperationSchema>,
    pub definitions: Map<String, Value>,
}

impl Surface {
    pub fn build() -> Self {
        let mut generator = SchemaGenerator::new(SchemaSettings::draft2020_12());
        let operations = api::manifest(&mut generator);
        generator.subschema_for::<ErrorBody>();
        generator.subschema_for::<EngineConfig>();
        generator.subschema_for::<PublicCategory>();
        generator.subschema_for::<ReasonFamily>();
        let definitions = generator.definitions().clone();
        Self {
            operations,
            definitions,
        }
    }

    /// The definition `name` refers to, following `$ref`s (a transparent wrapper's schema is a
    /// reference to the wrapped type's).
    pub fn resolve<'a>(&'a self, schema: &'a Value) -> &'a Value {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(reference) => self.resolve(&self.definitions[ref_name(reference)]),
            None => schema,
        }
    }

    /// The arguments of `op` as the bindings take them: required ones first, in declared order,
    /// then the optional ones.
    pub fn arguments(&self, op: &ticketshare::api::OperationSchema) -> Vec<Argument> {
        let args: Value = op.args.clone().into();
        self.resolve(&args)
            .as_object()
            .map(crate::typescript::ordered_properties)
            .unwrap_or_default()
            .into_iter()
            .map(|(name, schema, required)| Argument {
                name: name.clone(),
                schema: schema.clone(),
                required,
            })
            .collect()
    }

    /// The whole document, as written to `schema/ticketshare.schema.json`.
    pub fn document(&self) -> Value {
        let mut definitions = self.definitions.clone();
        let requests: Vec<Value> = self
            .operations
            .iter()
            .map(|op| {
                let args_required = self
                    .resolve(&op.args.clone().into())
                    .get("required")
                    .and_then(Value::as_array)
                    .is_some_and(|r| !r.is_empty());
                let mut required = vec![json!("v"), json!("op")];
                if args_required {
                    required.push(json!("args"));
                }
                json!({
                    "type": "object",
                    "title": op.declaration.name,
                    "description": op.declaration.summary,
                    "properties": {
                        "v": {"type": "integer", "minimum": 1, "maximum": api::API_VERSION},
                        "op": {"const": op.declaration.name},
                        "args": op.args,
                    },
                    "required": required,
                    "additionalProperties": false,
                })
            })
            .collect();
        definitions.insert(
            "Request".into(),
            json!({
                "description": format!(
                    "A request: the API version spoken, the operation and its arguments; at most {} bytes.",
                    api::MAX_REQUEST_BYTES
                ),
                "oneOf": requests,
            }),
        );
        definitions.insert(
            "Response".into(),
            json!({
                "description": "Every response: a result, or an error that is data, never an exception.",
                "oneOf": [
                    {
                        "type": "object",
                        "properties": {
                            "ok": {"const": true},
                            "result": {"description": "The operation's result: see x-ticketshare.operations."}
                        },
                        "required": ["ok", "result"],
                        "additionalProperties": false
                    },
                    {
                        "type": "object",
                        "properties": {
                            "ok": {"const": false},
                            "error": {"$ref": "#/$defs/ErrorBody"}
                        },
                        "required": ["ok", "error"],
                        "additionalProperties": false
                    }
                ]
            }),
        );
        let manifest: Vec<Value> = self
            .operations
            .iter()
            .map(|op| {
                let d = op.declaration;
                json!({
                    "op": d.name,
                    "method": d.method,
                    "summary": d.summary,
                    "rules": d.rules,
                    "typed_entry_point": d.typed,
                    "args": format!("#/$defs/{}", op.args_type),
                    "result": format!("#/$defs/{}", op.result_type),
                })
            })
            .collect();
        let reasons: Vec<Value> = ticketshare::Reason::ALL
            .iter()
            .map(|r| {
                json!({
                    "code": r.code(),
                    "number": r.number(),
                    "category": r.public_category().as_str(),
                    "family": r.family().as_str(),
                    "meaning": r.meaning(),
                })
            })
            .collect();
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": format!("ticketshare JSON operation surface, API version {}", api::API_VERSION),
            "description": "Generated from the operation table of the ticketshare crate (tests/surface). A request is $defs/Request; every response is $defs/Response, whose result is the operation's result type named in x-ticketshare.operations; an engine is built from $defs/EngineConfig.",
            "$ref": "#/$defs/Request",
            "x-ticketshare": {
                "api_version": api::API_VERSION,
                "library_version": env!("CARGO_PKG_VERSION"),
                "max_request_bytes": api::MAX_REQUEST_BYTES,
                "max_config_bytes": api::MAX_CONFIG_BYTES,
                "operations": manifest,
                "reasons": reasons,
            },
            "$defs": definitions,
        })
    }

    pub fn document_text(&self) -> String {
        serde_json::to_string_pretty(&self.document()).unwrap() + "\n"
    }
}

/// `#/$defs/ShareId` -> `ShareId`.
pub fn ref_name(reference: &str) -> &str {
    reference.trim_start_matches("#/$defs/")
}

/// The string values a name-only enum's schema allows, in order.
pub fn string_values(schema: &Value) -> Vec<&str> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values.iter().filter_map(Value::as_str).collect();
    }
    schema
        .get("oneOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .flat_map(|variant| {
            variant
                .get("const")
                .and_then(Value::as_str)
                .map(|c| vec![c])
                .or_else(|| variant.get("enum").map(|_| string_values(variant)))
                .unwrap_or_default()
        })
        .collect()
}

/// The operation table of `docs/api.md`.
pub fn operations_table(surface: &Surface) -> String {
    let mut out = String::from(
        "| op | method | what it does | arguments | result | rules |\n| --- | --- | --- | --- | --- | --- |\n",
    );
    for op in &surface.operations {
        let d = op.declaration;
        out.push_str(&format!(
            "| `{}` | `{}` | {}{} | `{}` | `{}` | {} |\n",
            d.name,
            d.method,
            d.summary,
            if d.typed {
                " Bindings also give it a typed entry point."
            } else {
                ""
            },
            op.args_type,
            op.result_type,
            d.rules
        ));
    }
    out
}

/// One argument of an operation.
pub struct Argument {
    /// Its name on the wire.
    pub name: String,
    /// Its schema.
    pub schema: Value,
    /// Whether it is required.
    pub required: bool,
}

impl Argument {
    /// Whether it is the current time (`Now`), which every binding takes as its own time type.
    pub fn is_now(&self) -> bool {
        self.schema.get("$ref").and_then(Value::as_str) == Some("#/$defs/Now")
    }
}
