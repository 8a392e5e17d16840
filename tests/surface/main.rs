//! The published surface, generated from the one operation table (`ticketshare::api`):
//!
//! - `schema/ticketshare.schema.json`: the JSON Schema of every request, record, argument,
//!   result and error body, with the operation manifest (`x-ticketshare`);
//! - `bindings/wasm/js/types.d.ts`, the method list of `bindings/wasm/js/index.d.ts` and
//!   `bindings/wasm/js/operations.js` (the JavaScript wrappers' names);
//! - `bindings/python/python/ticketshare/types.py` (TypedDicts), `_operations.py` (the
//!   methods) and `_reasons.py` (each reason's family);
//! - the operation table of `docs/api.md`;
//! - the entry-point table of `Engine`, the crate's module list and where `api`'s operations are
//!   declared (`lists.rs`);
//! - the agreement lifecycle and the custom-field type matrix of `docs/agreements.md`.
//!
//! `surface_is_up_to_date` fails when regenerating would change any of them; run
//! `UPDATE_SURFACE=1 cargo test --test surface` after an intended change and commit the files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "../common/mod.rs"]
mod common;
mod diagrams;
mod lists;
mod php;
mod python;
mod ruby;
mod schema;
mod typescript;

use std::fs;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Replaces the lines between the line holding `<marker>:start` and the line holding
/// `<marker>:end` of `current` with `body` (which ends in a newline).
pub fn replace_between(current: &str, marker: &str, body: &str) -> String {
    let start = current
        .find(&format!("{marker}:start"))
        .expect("start marker");
    let body_start = current[start..]
        .find('\n')
        .map(|i| start + i + 1)
        .expect("line end");
    let end = current.find(&format!("{marker}:end")).expect("end marker");
    let body_end = current[..end].rfind('\n').map_or(0, |i| i + 1);
    format!("{}{body}{}", &current[..body_start], &current[body_end..])
}

/// Every generated file: (path from the repository root, contents).
fn generated() -> Vec<(&'static str, String)> {
    let surface = schema::Surface::build();
    let read = |path: &str| fs::read_to_string(root().join(path)).unwrap();
    vec![
        ("schema/ticketshare.schema.json", surface.document_text()),
        ("bindings/wasm/js/types.d.ts", typescript::types(&surface)),
        (
            "bindings/wasm/js/index.d.ts",
            replace_between(
                &read("bindings/wasm/js/index.d.ts"),
                "// generated:operations",
                &typescript::methods(&surface),
            ),
        ),
        (
            "bindings/wasm/js/operations.js",
            typescript::operations_js(&surface),
        ),
        (
            "bindings/python/python/ticketshare/types.py",
            python::types(&surface),
        ),
        (
            "bindings/python/python/ticketshare/_operations.py",
            python::operations(&surface),
        ),
        (
            "bindings/python/python/ticketshare/_reasons.py",
            python::reasons(),
        ),
        ("bindings/php/src/Operations.php", php::operations(&surface)),
        (
            "bindings/ruby/lib/ticketshare/operations.rb",
            ruby::operations(&surface),
        ),
        (
            "docs/api.md",
            replace_between(
                &read("docs/api.md"),
                "<!-- generated:operations",
                &schema::operations_table(&surface),
            ),
        ),
        (
            "src/engine.rs",
            replace_between(
                &read("src/engine.rs"),
                "<!-- generated:entry-points",
                &lists::engine_table(&surface),
            ),
        ),
        (
            "src/lib.rs",
            replace_between(
                &read("src/lib.rs"),
                "<!-- generated:modules",
                &lists::module_list(),
            ),
        ),
        (
            "src/api/mod.rs",
            replace_between(
                &read("src/api/mod.rs"),
                "<!-- generated:declared-in",
                &lists::declared_in(&surface),
            ),
        ),
        (
            "docs/agreements.md",
            replace_between(
                &replace_between(
                    &read("docs/agreements.md"),
                    "<!-- generated:lifecycle",
                    &diagrams::lifecycle(),
                ),
                "<!-- generated:type-matrix",
                &diagrams::type_matrix(),
            ),
        ),
    ]
}

#[test]
fn surface_is_up_to_date() {
    let files: Vec<_> = generated()
        .into_iter()
        .map(|(path, text)| (PathBuf::from(path), text))
        .collect();
    common::check_generated(&files, "UPDATE_SURFACE", "cargo test --test surface");
}

#[test]
fn every_operation_is_declared_once_with_a_conventional_name() {
    let surface = schema::Surface::build();
    let mut names = std::collections::BTreeSet::new();
    let mut methods = std::collections::BTreeSet::new();
    for op in &surface.operations {
        let d = op.declaration;
        assert!(names.insert(d.name), "{} is declared twice", d.name);
        assert!(
            methods.insert(d.method),
            "method {} is used twice",
            d.method
        );
        // `share.create` takes `ShareCreateArgs`: the name says which operation a type is for.
        let expected: String = d
            .name
            .split(['.', '_'])
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                    .unwrap_or_default()
            })
            .collect::<String>()
            + "Args";
        assert_eq!(op.args_type, expected, "{}", d.name);
        assert!(
            !d.summary.is_empty() && d.summary.ends_with('.'),
            "{}",
            d.name
        );
        assert!(
            d.method
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{}",
            d.method
        );
    }
    assert_eq!(
        ticketshare::api::OPERATIONS.to_vec(),
        surface
            .operations
            .iter()
            .map(|o| o.declaration.name)
            .collect::<Vec<_>>()
    );
}

#[test]
fn names_in_the_schema_are_the_names_on_the_wire() {
    use ticketshare::policy::{Permission, PlanFeature};
    use ticketshare::share::codes::ChallengeState;
    use ticketshare::share::thread::{AuthorRole, ExternalNotePurpose};
    use ticketshare::{PublicCategory, Purpose, ReasonFamily};
    let surface = schema::Surface::build();
    for (name, names) in [
        ("Permission", Permission::NAMES),
        ("PlanFeature", PlanFeature::NAMES),
        ("ChallengeState", ChallengeState::NAMES),
        ("AuthorRole", AuthorRole::NAMES),
        ("ExternalNotePurpose", ExternalNotePurpose::NAMES),
        ("Purpose", Purpose::NAMES),
        ("PublicCategory", PublicCategory::NAMES),
        ("ReasonFamily", ReasonFamily::NAMES),
    ] {
        assert_eq!(
            schema::string_values(&surface.definitions[name]),
            names,
            "{name}"
        );
    }
}
