//! Python from the schema: `types.py` (a TypedDict or alias per definition), `_operations.py`
//! (one method per operation) and `_reasons.py` (each reason's family). The package declares
//! Python 3.9, so the output uses `typing`'s 3.9 forms (`Optional`, `List`, a required base class
//! instead of `NotRequired`) and quotes forward references where they are evaluated.

use crate::schema::{ref_name, Surface};
use crate::typescript::ordered_properties;
use serde_json::{Map, Value};

const HEADER: &str = "# Generated from the operation table (tests/surface). Do not edit:\n\
                      # run `UPDATE_SURFACE=1 cargo test --test surface`.\n";

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn pascal(text: &str) -> String {
    text.split(['_', '.', '-'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn docstring(text: &str, pad: &str) -> String {
    let text = text.replace('\\', "\\\\").replace("\"\"\"", "'''");
    if !text.contains('\n') {
        return format!("{pad}\"\"\"{text}\"\"\"\n");
    }
    let mut out = format!("{pad}\"\"\"");
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(pad);
            }
        }
        out.push_str(line);
    }
    out.push_str(&format!("\n{pad}\"\"\"\n"));
    out
}

fn comment(description: Option<&Value>, pad: &str) -> String {
    description
        .and_then(Value::as_str)
        .map(|d| {
            d.lines()
                .map(|l| format!("{pad}#: {l}").trim_end().to_owned() + "\n")
                .collect()
        })
        .unwrap_or_default()
}

fn literal(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{s:?}"),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Null => "None".into(),
        other => other.to_string(),
    }
}

fn union(mut members: Vec<String>) -> String {
    members.dedup();
    let none = members.iter().any(|m| m == "None");
    members.retain(|m| m != "None");
    let inner = match members.len() {
        0 => "None".to_owned(),
        1 => members.remove(0),
        _ => format!("Union[{}]", members.join(", ")),
    };
    if none && inner != "None" {
        format!("Optional[{inner}]")
    } else {
        inner
    }
}

/// The Python type of `schema`. `quote`: write references to generated names as strings
/// (where the expression is evaluated at import, before later definitions exist).
pub fn py(schema: &Value, quote: bool) -> String {
    let Some(obj) = schema.as_object() else {
        return "Any".into();
    };
    if let Some(reference) = obj.get("$ref").and_then(Value::as_str) {
        let name = ref_name(reference);
        return if quote {
            format!("{name:?}")
        } else {
            name.to_owned()
        };
    }
    if let Some(constant) = obj.get("const") {
        return format!("Literal[{}]", literal(constant));
    }
    if let Some(values) = obj.get("enum").and_then(Value::as_array) {
        let values: Vec<String> = values.iter().map(literal).collect();
        return format!("Literal[{}]", values.join(", "));
    }
    if let Some(variants) = obj
        .get("oneOf")
        .or_else(|| obj.get("anyOf"))
        .and_then(Value::as_array)
    {
        let consts: Option<Vec<String>> = variants
            .iter()
            .map(|v| v.get("const").map(literal))
            .collect();
        if let Some(consts) = consts {
            return format!("Literal[{}]", consts.join(", "));
        }
        assert!(
            variants.iter().all(|v| v.get("properties").is_none()),
            "an inline union of objects needs a name: {schema}"
        );
        return union(variants.iter().map(|v| py(v, quote)).collect());
    }
    match obj.get("type") {
        Some(Value::String(t)) => of_type(t, obj, quote),
        Some(Value::Array(types)) => union(
            types
                .iter()
                .filter_map(Value::as_str)
                .map(|t| of_type(t, obj, quote))
                .collect(),
        ),
        _ => "Any".into(),
    }
}

fn of_type(t: &str, obj: &Map<String, Value>, quote: bool) -> String {
    match t {
        "string" => "str".into(),
        "integer" => "int".into(),
        "number" => "float".into(),
        "boolean" => "bool".into(),
        "null" => "None".into(),
        "array" => format!(
            "List[{}]",
            obj.get("items").map_or("Any".into(), |i| py(i, quote))
        ),
        "object" => {
            assert!(
                obj.get("properties").is_none(),
                "an inline object needs a name: {obj:?}"
            );
            match obj.get("additionalProperties") {
                Some(schema @ Value::Object(_)) => format!("Dict[str, {}]", py(schema, quote)),
                _ => "Dict[str, Any]".into(),
            }
        }
        _ => "Any".into(),
    }
}

/// A TypedDict for an object schema. Optional fields go in a subclass with `total=False` over a
/// base of the required ones (`NotRequired` is Python 3.11). A part whose keys are no Python
/// identifiers (`from`) is written in the functional form, which a class can still extend.
fn typed_dict(name: &str, obj: &Map<String, Value>) -> String {
    let props = ordered_properties(obj);
    let (required, optional): (Vec<_>, Vec<_>) = props.into_iter().partition(|(_, _, r)| *r);
    let needs_functional = |fields: &[(&String, &Value, bool)]| {
        fields
            .iter()
            .any(|(key, _, _)| KEYWORDS.contains(&key.as_str()) || !is_identifier(key))
    };
    assert!(
        !needs_functional(&optional),
        "{name}: an optional field that is no identifier"
    );
    let field = |(key, schema, _): &(&String, &Value, bool)| {
        format!(
            "{}    {key}: {}\n",
            comment(schema.get("description"), "    "),
            py(schema, false)
        )
    };
    let functional = |class: &str, fields: &[(&String, &Value, bool)]| {
        let fields: Vec<String> = fields
            .iter()
            .map(|(key, schema, _)| format!("{key:?}: {}", py(schema, true)))
            .collect();
        format!(
            "{class} = TypedDict(\"{class}\", {{{}}})\n",
            fields.join(", ")
        )
    };
    let description = obj.get("description").and_then(Value::as_str);
    let doc = description
        .map(|d| docstring(d, "    "))
        .unwrap_or_default();
    let mut out = String::new();
    match (required.is_empty(), optional.is_empty()) {
        (_, true) if needs_functional(&required) => {
            out.push_str(&functional(name, &required));
            if let Some(d) = description {
                out.push_str(&docstring(d, ""));
            }
        }
        (_, true) => {
            out.push_str(&format!("class {name}(TypedDict):\n{doc}"));
            for f in &required {
                out.push_str(&field(f));
            }
            if required.is_empty() {
                out.push_str(if doc.is_empty() { "    pass\n" } else { "" });
            }
        }
        (true, false) => {
            out.push_str(&format!("class {name}(TypedDict, total=False):\n{doc}"));
            for f in &optional {
                out.push_str(&field(f));
            }
        }
        (false, false) => {
            let base = format!("_{name}Required");
            if needs_functional(&required) {
                out.push_str(&functional(&base, &required));
            } else {
                out.push_str(&format!("class {base}(TypedDict):\n"));
                for f in &required {
                    out.push_str(&field(f));
                }
            }
            out.push_str(&format!("\n\nclass {name}({base}, total=False):\n{doc}"));
            for f in &optional {
                out.push_str(&field(f));
            }
        }
    }
    out
}

fn is_identifier(key: &str) -> bool {
    key.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The name of each variant of a union of objects: the definition's name and the variant's tag.
fn variant_name(union_name: &str, variant: &Value, index: usize) -> String {
    let tag = variant
        .get("properties")
        .and_then(Value::as_object)
        .and_then(|p| {
            p.values()
                .find_map(|s| s.get("const").and_then(Value::as_str))
        });
    match tag {
        Some(tag) => format!("{union_name}{}", pascal(tag)),
        None => format!("{union_name}{index}"),
    }
}

/// `types.py`.
pub fn types(surface: &Surface) -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "\"\"\"The records, arguments and results of the JSON surface, as TypedDicts and aliases.\n\n\
         Every name matches a definition of schema/ticketshare.schema.json; see docs/api.md.\n\"\"\"\n\n\
         from __future__ import annotations\n\n\
         from typing import Any, Dict, List, Literal, Optional, TypedDict, Union\n",
    );
    let mut names = Vec::new();
    for (name, schema) in &surface.definitions {
        out.push_str("\n\n");
        names.push(name.clone());
        let obj = schema.as_object().expect("an object schema");
        let variants = obj
            .get("oneOf")
            .or_else(|| obj.get("anyOf"))
            .and_then(Value::as_array);
        if obj.get("properties").is_some() {
            out.push_str(&typed_dict(name, obj));
        } else if let Some(variants) =
            variants.filter(|v| v.iter().any(|v| v.get("properties").is_some()))
        {
            let mut members = Vec::new();
            for (i, variant) in variants.iter().enumerate() {
                let variant_name = variant_name(name, variant, i);
                let mut variant = variant.as_object().expect("object").clone();
                if variant.get("description").is_none() {
                    if let Some(d) = obj.get("description") {
                        variant.insert("description".into(), d.clone());
                    }
                }
                out.push_str(&typed_dict(&variant_name, &variant));
                out.push_str("\n\n");
                members.push(format!("{variant_name:?}"));
                names.push(variant_name);
            }
            out.push_str(&format!("{name} = Union[{}]\n", members.join(", ")));
            if let Some(d) = obj.get("description").and_then(Value::as_str) {
                out.push_str(&docstring(d, ""));
            }
        } else {
            out.push_str(&format!("{name} = {}\n", py(schema, true)));
            if let Some(d) = obj.get("description").and_then(Value::as_str) {
                out.push_str(&docstring(d, ""));
            }
        }
    }
    names.sort();
    out.push_str("\n\n__all__ = [\n");
    for name in names {
        out.push_str(&format!("    {name:?},\n"));
    }
    out.push_str("]\n");
    out
}

/// `_operations.py`: one method per operation bindings wrap over the JSON call.
pub fn operations(surface: &Surface) -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "\"\"\"The Engine's operations: one method per operation of the JSON surface (docs/api.md).\"\"\"\n\n\
         from __future__ import annotations\n\n\
         from typing import Any, Dict, List, Mapping, Optional, cast\n\n\
         from ._time import Instant, instant\n\
         from .types import *  # noqa: F403 (every record, argument and result type)\n\n\n\
         class Operations:\n    \
         \"\"\"The operations of the JSON surface. `Engine` implements `call`.\"\"\"\n\n    \
         def call(self, op: str, args: Optional[Mapping[str, Any]] = None) -> Any:\n        \
         \"\"\"Runs one operation and returns its result, or raises `TicketShareError`.\"\"\"\n        \
         raise NotImplementedError\n",
    );
    for op in surface.operations.iter().filter(|o| !o.declaration.typed) {
        let d = op.declaration;
        let mut params = vec![String::from("self")];
        let mut optional_params = Vec::new();
        let mut body = String::new();
        let mut required_entries = Vec::new();
        for arg in surface.arguments(op) {
            let name = &arg.name;
            assert!(
                !KEYWORDS.contains(&name.as_str()),
                "{}: argument {name}",
                d.name
            );
            let ty = if arg.is_now() {
                "Instant".to_owned()
            } else {
                py(&arg.schema, false)
            };
            let value = if arg.is_now() {
                format!("instant({name})")
            } else {
                name.clone()
            };
            if arg.required {
                params.push(format!("{name}: {ty}"));
                required_entries.push(format!("{name:?}: {value}"));
            } else {
                let ty = if ty.starts_with("Optional[") {
                    ty
                } else {
                    format!("Optional[{ty}]")
                };
                optional_params.push(format!("{name}: {ty} = None"));
                body.push_str(&format!(
                    "        if {name} is not None:\n            args[{name:?}] = {value}\n"
                ));
            }
        }
        if !optional_params.is_empty() {
            params.push("*".into());
            params.extend(optional_params);
        }
        out.push_str(&format!(
            "\n    def {}({}) -> {}:\n",
            d.method,
            params.join(", "),
            op.result_type
        ));
        let rules = if d.rules.is_empty() {
            String::new()
        } else {
            format!(" ({})", d.rules)
        };
        out.push_str(&docstring(&format!("{}{rules}", d.summary), "        "));
        out.push_str(&format!(
            "        args: Dict[str, Any] = {{{}}}\n",
            required_entries.join(", ")
        ));
        out.push_str(&body);
        out.push_str(&format!(
            "        return cast({}, self.call({:?}, args))\n",
            op.result_type, d.name
        ));
    }
    out.push_str("\n\n# Wrapped operations, in order: (op, method).\nWRAPPED = (\n");
    for op in surface.operations.iter().filter(|o| !o.declaration.typed) {
        out.push_str(&format!(
            "    ({:?}, {:?}),\n",
            op.declaration.name, op.declaration.method
        ));
    }
    out.push_str(")\n\n# Operations with a typed entry point of their own, written in _engine.py: (op, method).\nTYPED = (\n");
    for op in surface.operations.iter().filter(|o| o.declaration.typed) {
        out.push_str(&format!(
            "    ({:?}, {:?}),\n",
            op.declaration.name, op.declaration.method
        ));
    }
    out.push_str(")\n");
    out
}

/// `_reasons.py`: each reason code's family, which `_errors.py` turns into an exception class.
pub fn reasons() -> String {
    let mut out = String::from(HEADER);
    out.push_str("\"\"\"Each reason code's family (docs/api.md, Reason codes).\"\"\"\n\n");
    out.push_str("from typing import Dict\n\nFAMILIES: Dict[str, str] = {\n");
    for reason in ticketshare::Reason::ALL {
        out.push_str(&format!(
            "    {:?}: {:?},\n",
            reason.code(),
            reason.family().as_str()
        ));
    }
    out.push_str("}\n");
    out
}
