//! TypeScript from the schema: `types.d.ts` (every definition), the `Engine` method list of
//! `index.d.ts`, and `operations.js` (the wrappers' names).

use crate::schema::{ref_name, Surface};
use serde_json::{Map, Value};

const HEADER: &str = "// Generated from the operation table (tests/surface). Do not edit:\n\
                      // run `UPDATE_SURFACE=1 cargo test --test surface`.\n";

/// `create_share` -> `createShare`.
pub fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn doc(description: Option<&Value>, pad: &str) -> String {
    let Some(text) = description.and_then(Value::as_str) else {
        return String::new();
    };
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() == 1 {
        return format!("{pad}/** {} */\n", text.replace("*/", "*\\/"));
    }
    let mut out = format!("{pad}/**\n");
    for line in lines {
        let line = line.replace("*/", "*\\/");
        if line.is_empty() {
            out.push_str(&format!("{pad} *\n"));
        } else {
            out.push_str(&format!("{pad} * {line}\n"));
        }
    }
    out.push_str(&format!("{pad} */\n"));
    out
}

fn literal(value: &Value) -> String {
    value.to_string()
}

fn union(members: Vec<String>) -> String {
    let mut seen = Vec::new();
    for m in members {
        if !seen.contains(&m) {
            seen.push(m);
        }
    }
    match seen.len() {
        0 => "never".into(),
        1 => seen.remove(0),
        _ => seen.join(" | "),
    }
}

/// The TypeScript type of `schema`, nested objects indented by `depth` levels.
pub fn ts(schema: &Value, depth: usize) -> String {
    let Some(obj) = schema.as_object() else {
        return if schema == &Value::Bool(false) {
            "never".into()
        } else {
            "unknown".into()
        };
    };
    if let Some(reference) = obj.get("$ref").and_then(Value::as_str) {
        return ref_name(reference).to_owned();
    }
    if let Some(constant) = obj.get("const") {
        return literal(constant);
    }
    if let Some(values) = obj.get("enum").and_then(Value::as_array) {
        return union(values.iter().map(literal).collect());
    }
    if let Some(variants) = obj
        .get("oneOf")
        .or_else(|| obj.get("anyOf"))
        .and_then(Value::as_array)
    {
        let pad = "  ".repeat(depth + 1);
        let objects = variants.iter().any(|v| v.get("properties").is_some());
        if !objects {
            return union(variants.iter().map(|v| ts(v, depth)).collect());
        }
        let mut out = String::new();
        for v in variants {
            out.push('\n');
            out.push_str(&doc(v.get("description"), &pad));
            out.push_str(&format!("{pad}| {}", ts(v, depth + 1)));
        }
        return out;
    }
    match obj.get("type") {
        Some(Value::String(t)) => of_type(t, obj, depth),
        Some(Value::Array(types)) => union(
            types
                .iter()
                .filter_map(Value::as_str)
                .map(|t| of_type(t, obj, depth))
                .collect(),
        ),
        _ => "unknown".into(),
    }
}

fn of_type(t: &str, obj: &Map<String, Value>, depth: usize) -> String {
    match t {
        "string" => "string".into(),
        "integer" | "number" => "number".into(),
        "boolean" => "boolean".into(),
        "null" => "null".into(),
        "array" => format!(
            "Array<{}>",
            obj.get("items").map_or("unknown".into(), |i| ts(i, depth))
        ),
        "object" => object(obj, depth),
        _ => "unknown".into(),
    }
}

/// Property names in declaration order: the required ones as `required` lists them (which is
/// declaration order), then the optional ones.
pub fn ordered_properties(obj: &Map<String, Value>) -> Vec<(&String, &Value, bool)> {
    let Some(props) = obj.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    let required: Vec<&str> = obj
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut out: Vec<(&String, &Value, bool)> = required
        .iter()
        .filter_map(|name| props.get_key_value(*name).map(|(k, v)| (k, v, true)))
        .collect();
    for (name, schema) in props {
        if !required.contains(&name.as_str()) {
            out.push((name, schema, false));
        }
    }
    out
}

fn object(obj: &Map<String, Value>, depth: usize) -> String {
    let props = ordered_properties(obj);
    if props.is_empty() {
        return match obj.get("additionalProperties") {
            Some(Value::Bool(false)) => "Record<string, never>".into(),
            Some(schema @ Value::Object(_)) => {
                format!("{{ [key: string]: {} }}", ts(schema, depth))
            }
            _ => "{ [key: string]: unknown }".into(),
        };
    }
    let pad = "  ".repeat(depth + 1);
    let mut out = String::from("{\n");
    for (name, schema, required) in props {
        out.push_str(&doc(schema.get("description"), &pad));
        let optional = if required { "" } else { "?" };
        out.push_str(&format!(
            "{pad}{name}{optional}: {};\n",
            ts(schema, depth + 1)
        ));
    }
    out.push_str(&"  ".repeat(depth));
    out.push('}');
    out
}

/// `types.d.ts`: every definition, and the map from operation to arguments and result.
pub fn types(surface: &Surface) -> String {
    let mut out = String::from(HEADER);
    for (name, schema) in &surface.definitions {
        out.push('\n');
        out.push_str(&doc(schema.get("description"), ""));
        let ty = ts(schema, 0);
        let gap = if ty.starts_with('\n') { "" } else { " " };
        out.push_str(&format!("export type {name} ={gap}{ty};\n"));
    }
    out.push_str("\n/** Every operation of the JSON surface: its arguments and result. */\n");
    out.push_str("export interface Operations {\n");
    for op in &surface.operations {
        out.push_str(&format!(
            "  \"{}\": {{ args: {}; result: {} }};\n",
            op.declaration.name, op.args_type, op.result_type
        ));
    }
    out.push_str("}\n");
    out
}

fn takes_now(surface: &Surface, op: &ticketshare::api::OperationSchema) -> bool {
    let args: Value = op.args.clone().into();
    surface
        .resolve(&args)
        .get("properties")
        .and_then(|p| p.get("now"))
        .is_some()
}

fn takes_nothing(surface: &Surface, op: &ticketshare::api::OperationSchema) -> bool {
    let args: Value = op.args.clone().into();
    surface
        .resolve(&args)
        .get("properties")
        .and_then(Value::as_object)
        .is_none_or(Map::is_empty)
}

/// The `Engine` methods of `index.d.ts`, one per operation bindings wrap.
pub fn methods(surface: &Surface) -> String {
    let mut out = String::new();
    for op in surface.operations.iter().filter(|o| !o.declaration.typed) {
        let d = op.declaration;
        out.push_str(&format!("  /** {} ({}) */\n", d.summary, d.name));
        let args = if takes_nothing(surface, op) {
            String::new()
        } else if takes_now(surface, op) {
            format!("args: At<T.{}>", op.args_type)
        } else {
            format!("args: T.{}", op.args_type)
        };
        out.push_str(&format!(
            "  {}({args}): T.{};\n",
            camel(d.method),
            op.result_type
        ));
    }
    out
}

/// `operations.js`: the name of every JSON wrapper, for `engine.js` to install.
pub fn operations_js(surface: &Surface) -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "\n/** Every operation bindings wrap over the JSON call: [op, method]. Operations with a\n \
         * typed entry point of their own (a hot path) are written by hand in engine.js. */\n",
    );
    out.push_str("export const OPERATIONS = [\n");
    for op in surface.operations.iter().filter(|o| !o.declaration.typed) {
        out.push_str(&format!(
            "  [\"{}\", \"{}\"],\n",
            op.declaration.name,
            camel(op.declaration.method)
        ));
    }
    out.push_str(
        "];\n\n/** Operations whose binding method is a typed entry point: [op, method]. */\n",
    );
    out.push_str("export const TYPED_OPERATIONS = [\n");
    for op in surface.operations.iter().filter(|o| o.declaration.typed) {
        out.push_str(&format!(
            "  [\"{}\", \"{}\"],\n",
            op.declaration.name,
            camel(op.declaration.method)
        ));
    }
    out.push_str("];\n");
    out.push_str(&format!(
        "\n/** The engine's size bounds, in bytes: a longer input is refused by the engine's own\n \
         * answer (`refusal`) before it is copied into WebAssembly memory. */\n\
         export const LIMITS = {{ request: {}, config: {}, token: {} }};\n",
        ticketshare::api::MAX_REQUEST_BYTES,
        ticketshare::api::MAX_CONFIG_BYTES,
        ticketshare::share::links::MAX_TOKEN_BYTES
    ));
    out
}
