//! The lists the crate's own documentation keeps, generated from their one source:
//!
//! - the entry-point table of `Engine` (`src/engine.rs`): every operation of the registry, by
//!   domain, with its method, summary and rules;
//! - the module list of the crate's front page (`src/lib.rs`): every module in the layer order
//!   of `docs/architecture.md`, each with the first sentence of its own documentation;
//! - where `api`'s operations are declared (`src/api/mod.rs`): every file that declares one.
//!
//! The README's area table is written by hand and checked here instead: it must name every
//! domain and kernel module and every rule family.

use crate::common::sources::{root, rust_files};
use crate::schema::Surface;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The Rust module path of the file that declares each operation's argument type
/// (`share::ops`), by the type's name: the file that implements `Operation` and names the type.
fn declaring_modules(surface: &Surface) -> BTreeMap<String, String> {
    let files = rust_files(&root().join("src"));
    let declaring: Vec<(String, String)> = files
        .iter()
        .filter(|f| !f.ends_with("api/mod.rs") && !f.ends_with("api/registry.rs"))
        .map(|f| (module_path(f), fs::read_to_string(f).unwrap()))
        .filter(|(_, text)| text.contains("Operation for"))
        .collect();
    surface
        .operations
        .iter()
        .map(|op| {
            let found: Vec<&String> = declaring
                .iter()
                .filter(|(_, text)| names_word(text, &op.args_type))
                .map(|(module, _)| module)
                .collect();
            assert_eq!(found.len(), 1, "{} is declared in {found:?}", op.args_type);
            (op.args_type.clone(), found[0].clone())
        })
        .collect()
}

fn names_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// `src/share/ops.rs` -> `share::ops`; `src/cc/mod.rs` -> `cc`.
fn module_path(file: &Path) -> String {
    let relative = file.strip_prefix(root().join("src")).unwrap();
    let parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .filter(|p| p != "mod")
        .collect();
    parts.join("::")
}

/// The layers of `docs/architecture.md`, in order: (layer name, modules).
fn layers() -> Vec<(String, Vec<String>)> {
    let doc = fs::read_to_string(root().join("docs/architecture.md")).unwrap();
    doc.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            (cells.len() >= 5
                && !cells[1].is_empty()
                && cells[1].bytes().all(|b| b.is_ascii_digit()))
            .then(|| {
                let modules = cells[3]
                    .split('`')
                    .skip(1)
                    .step_by(2)
                    .map(str::to_owned)
                    .collect();
                (cells[2].to_owned(), modules)
            })
        })
        .collect()
}

fn module_file(module: &str) -> PathBuf {
    let folder = root().join("src").join(module).join("mod.rs");
    if folder.exists() {
        folder
    } else {
        root().join("src").join(format!("{module}.rs"))
    }
}

/// The first sentence of a module's own documentation (`//!`), on one line.
fn summary(module: &str) -> String {
    let text = fs::read_to_string(module_file(module)).unwrap();
    let mut paragraph = String::new();
    for line in text.lines() {
        let Some(doc) = line.strip_prefix("//!") else {
            break;
        };
        let doc = doc.trim();
        if doc.is_empty() {
            if paragraph.is_empty() {
                continue;
            }
            break;
        }
        if !paragraph.is_empty() {
            paragraph.push(' ');
        }
        paragraph.push_str(doc);
    }
    let end = paragraph
        .match_indices(". ")
        .next()
        .map_or(paragraph.len(), |(i, _)| i + 1);
    paragraph[..end].to_owned()
}

/// The title of a domain's section in the entry-point table: its summary before the first
/// parenthesis, colon or full stop.
fn title(module: &str) -> String {
    let summary = summary(module);
    let end = [" (", ":", "."]
        .iter()
        .filter_map(|p| summary.find(p))
        .min()
        .unwrap_or(summary.len());
    summary[..end].trim().to_owned()
}

/// The modules every build has public (not those behind a `#[cfg]`, which a link from the
/// front page could not always reach).
fn public_modules() -> Vec<String> {
    let lib = fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let lines: Vec<&str> = lib.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || !lines[i - 1].starts_with("#[cfg("))
        .filter_map(|(_, l)| l.strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_owned())
        .collect()
}

/// The entry-point rows of `Engine`'s documentation.
pub fn engine_table(surface: &Surface) -> String {
    let modules = declaring_modules(surface);
    let mut out = String::from(
        "/// | entry point | operation | what it decides | rules |\n/// | --- | --- | --- | --- |\n",
    );
    let mut current = String::new();
    for op in &surface.operations {
        let d = op.declaration;
        let domain = modules[&op.args_type]
            .split("::")
            .next()
            .unwrap()
            .to_owned();
        if domain != current {
            if domain != "api" {
                out.push_str(&format!(
                    "/// | **{}** ([`crate::{domain}`]) | | | |\n",
                    title(&domain)
                ));
            }
            current = domain.clone();
        }
        let entry = match (domain.as_str(), d.name) {
            ("api", "engine.info") => "[`Api::call`](crate::api::Api::call) only".to_owned(),
            ("api", "policy.check") => {
                "[`Policy::authorise`], through [`Engine::policy`]".to_owned()
            }
            ("api", other) => panic!("say which Rust call serves {other}"),
            _ => format!("[`Engine::{}`]", d.method),
        };
        out.push_str(&format!(
            "/// | {entry} | `{}` | {} | {} |\n",
            d.name, d.summary, d.rules
        ));
    }
    out
}

/// The module list of the crate's front page.
pub fn module_list() -> String {
    let public = public_modules();
    let mut out = String::new();
    for (layer, modules) in layers() {
        out.push_str(&format!("//! - {layer}:\n"));
        for module in modules {
            let name = if public.contains(&module) {
                format!("[`{module}`]")
            } else if module == "engine" {
                "`engine` ([`Engine`])".to_owned()
            } else if module == "operation" {
                "`operation` (private; hosts reach it through [`api`])".to_owned()
            } else {
                format!("`{module}`")
            };
            out.push_str(&format!("//!   - {name}: {}\n", summary(&module)));
        }
    }
    out
}

/// Where the operations are declared, for `api`'s documentation.
pub fn declared_in(surface: &Surface) -> String {
    let modules = declaring_modules(surface);
    let mut seen: Vec<String> = Vec::new();
    for op in &surface.operations {
        let module = &modules[&op.args_type];
        if !seen.contains(module) {
            seen.push(module.clone());
        }
    }
    seen.iter()
        .map(|m| format!("//! - [`crate::{m}`]\n"))
        .collect()
}

#[test]
fn the_readme_area_table_names_every_module_and_rule_family() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("| area | rules | where |")
        .expect("the area table");
    let table: String = readme[start..]
        .lines()
        .take_while(|l| l.starts_with('|'))
        .collect::<Vec<_>>()
        .join("\n");
    for (layer, modules) in layers() {
        if layer != "kernel" && layer != "domains" && layer != "surface" {
            continue;
        }
        for module in modules {
            let named = table.contains(&format!("`src/{module}/"))
                || table.contains(&format!("`src/{module}.rs`"));
            assert!(named, "README's area table does not name src/{module}");
        }
    }
    let rules = fs::read_to_string(root().join("docs/rules.md")).unwrap();
    for family in rules
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter_map(|h| h.split(':').next())
    {
        assert!(
            table.contains(&format!("{family}-")),
            "README's area table names no {family} rule"
        );
    }
    assert!(
        readme.contains("(docs/rules.md)"),
        "README links the rules catalogue"
    );
}
