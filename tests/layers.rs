//! The layers of `src/` run one way, as `docs/architecture.md` draws them: this test reads the
//! layer table of that page and every `crate::` path of `src/` (each `use` line and each path
//! in code), and fails on an import that runs upward, or sideways between domains, unless the
//! page names it as an exception; on a cycle inside `base` or inside the kernel; on a module
//! the table does not place; and on a path through the crate root's re-exports (`crate::Error`),
//! which would hide the layer it comes from. `#[cfg(test)]` modules at the end of a file are
//! tests, not layers, and are not read.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "common/sources.rs"]
mod sources;

use sources::{root, rust_files};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layer table of `docs/architecture.md`: rows `| 2 | domains | `share`, `agent` | ... |`
/// give each module its layer; a line `- exception: `nhd` → `agreement`` allows one sideways
/// import.
struct Layers {
    level: BTreeMap<String, u32>,
    exceptions: BTreeSet<(String, String)>,
}

fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn layers_from(doc: &str) -> Layers {
    let mut level = BTreeMap::new();
    let mut exceptions = BTreeSet::new();
    for line in doc.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() >= 5 && cells[1].bytes().all(|b| b.is_ascii_digit()) && !cells[1].is_empty()
        {
            let n: u32 = cells[1].parse().unwrap();
            for module in backticked(cells[3]) {
                assert!(
                    level.insert(module.clone(), n).is_none(),
                    "{module} is in two layers"
                );
            }
        }
        if let Some(rest) = line.trim().strip_prefix("- exception:") {
            let names = backticked(rest);
            assert_eq!(names.len(), 2, "an exception names two modules: {line}");
            exceptions.insert((names[0].clone(), names[1].clone()));
        }
    }
    Layers { level, exceptions }
}

/// The top-level modules a file's code names through `crate::` (and `$crate::`), with the
/// second segment (the file inside the module) for `base` and the kernel's cycle checks.
fn imports(text: &str) -> BTreeSet<(String, Option<String>)> {
    let mut code = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        if line.trim_start().starts_with("//") {
            continue;
        }
        code.push_str(line);
        code.push('\n');
    }
    let mut out = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        collect(rest, &mut out);
    }
    out
}

/// Reads the path after `crate::`: `a::b`, `a::{b, c}` or `{a::b, c::{d, e}}`.
fn collect(text: &str, out: &mut BTreeSet<(String, Option<String>)>) {
    if let Some(inner) = text.strip_prefix('{') {
        for item in top_level_items(group(inner)) {
            collect(item.trim(), out);
        }
        return;
    }
    let first: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if first.is_empty() {
        return;
    }
    let after = &text[first.len()..];
    let second = after.strip_prefix("::").map(|s| {
        if s.starts_with('{') {
            String::new()
        } else {
            s.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        }
    });
    match second {
        Some(s) if s.is_empty() => {
            // `a::{b, c}`: each item is a file of `a`.
            let inner = &after[3..];
            for item in top_level_items(group(inner)) {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                out.insert((first.clone(), Some(name)));
            }
        }
        other => {
            out.insert((first, other));
        }
    }
}

/// The text up to the brace that closes a group opened just before `text`.
fn group(text: &str) -> &str {
    let mut depth = 1;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[..i];
                }
            }
            _ => {}
        }
    }
    text
}

fn top_level_items(text: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&text[start..]);
    items.into_iter().filter(|s| !s.trim().is_empty()).collect()
}

/// `src/share/links.rs` -> (`share`, `links`); `src/engine.rs` -> (`engine`, `engine`).
fn place(file: &Path) -> (String, String) {
    let relative = file.strip_prefix(root().join("src")).unwrap();
    let parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    let module = parts[0].clone();
    let inner = parts.get(1).cloned().unwrap_or_else(|| module.clone());
    (module, inner)
}

/// Every import that breaks the layers, as `file: a -> b (why)`.
fn violations(layers: &Layers, files: &[(PathBuf, String)]) -> Vec<String> {
    let mut found = Vec::new();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, text) in files {
        let (module, inner) = place(file);
        if module == "lib" {
            continue;
        }
        let name = file.display().to_string();
        let Some(&from) = layers.level.get(&module) else {
            found.push(format!("{name}: module {module} is in no layer"));
            continue;
        };
        for (target, second) in imports(text) {
            let Some(&to) = layers.level.get(&target) else {
                found.push(format!(
                    "{name}: crate::{target} is no module of a layer (name the module, not the crate root's re-export)"
                ));
                continue;
            };
            if target == module {
                if module == "base" {
                    if let Some(second) = second.filter(|s| *s != inner) {
                        edges
                            .entry(format!("base::{inner}"))
                            .or_default()
                            .insert(format!("base::{second}"));
                    }
                }
                continue;
            }
            let allowed = to < from
                || (to == from && from == 1)
                || layers
                    .exceptions
                    .contains(&(module.clone(), target.clone()));
            if !allowed {
                let why = if to > from { "upward" } else { "sideways" };
                found.push(format!("{name}: {module} -> {target} ({why})"));
            }
            if to == from {
                edges
                    .entry(module.clone())
                    .or_default()
                    .insert(target.clone());
            }
        }
    }
    if let Some(cycle) = find_cycle(&edges) {
        found.push(format!("a cycle: {}", cycle.join(" -> ")));
    }
    found
}

fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(cycle) = visit(node, edges, &mut Vec::new(), &mut done) {
            return Some(cycle);
        }
    }
    None
}

fn architecture() -> Layers {
    layers_from(&fs::read_to_string(root().join("docs/architecture.md")).unwrap())
}

#[test]
fn sec_layers_every_import_runs_down_as_docs_architecture_draws_it() {
    let layers = architecture();
    assert!(
        layers.level.get("base") == Some(&0) && layers.level.contains_key("api"),
        "docs/architecture.md has no layer table"
    );
    let files: Vec<(PathBuf, String)> = rust_files(&root().join("src"))
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect();
    let found = violations(&layers, &files);
    assert!(
        found.is_empty(),
        "imports against the layers:\n{}",
        found.join("\n")
    );

    // Every module lib.rs declares has a layer, and every layer's module exists.
    let lib = fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let declared: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let l = l.strip_prefix("pub ").unwrap_or(l);
            l.strip_prefix("mod ")
                .map(|m| m.trim_end_matches(';').to_owned())
        })
        .collect();
    let placed: BTreeSet<String> = layers.level.keys().cloned().collect();
    assert_eq!(
        declared, placed,
        "lib.rs's modules and the layer table differ"
    );
}

#[test]
fn sec_layers_the_check_catches_upward_sideways_root_and_cyclic_imports() {
    let layers = layers_from(
        "| 0 | base | `base` | nothing |\n| 1 | kernel | `engine`, `audit` | base |\n\
         | 2 | domains | `share`, `cc`, `nhd`, `agreement` | below |\n| 3 | surface | `api` | all |\n\
         - exception: `nhd` → `agreement`\n",
    );
    let src = root().join("src");
    let file = |path: &str, text: &str| (src.join(path), text.to_owned());
    let check = |files: Vec<(PathBuf, String)>| violations(&layers, &files);
    // Allowed: down, within the kernel, the named exception, a test module, a comment.
    assert_eq!(
        check(vec![
            file(
                "share/ops.rs",
                "use crate::base::error::Error;\nuse crate::{engine::Engine, audit::AuditKind};"
            ),
            file("engine.rs", "use crate::audit::AuditEvent;"),
            file(
                "nhd/ops.rs",
                "use crate::agreement::{AgreementId, ids::AccessKey};"
            ),
            file("api/mod.rs", "use crate::share::ops::*;"),
            file(
                "cc/mod.rs",
                "// see crate::api\n#[cfg(test)]\nmod tests { use crate::api::Api; }"
            ),
        ]),
        Vec::<String>::new()
    );
    let one = |path: &str, text: &str| check(vec![file(path, text)]);
    assert!(one("share/ops.rs", "use crate::api::{args, Context};")[0]
        .contains("share -> api (upward)"));
    assert!(one("audit.rs", "fn f() { crate::share::links::verify(); }")[0].contains("(upward)"));
    assert!(one(
        "cc/inbound.rs",
        "use crate::{base::ids::TicketId, share::Share};"
    )[0]
    .contains("cc -> share (sideways)"));
    assert!(one("agreement/mod.rs", "use crate::nhd::wire::NhdMethod;")[0].contains("(sideways)"));
    assert!(one("base/ids.rs", "use crate::engine::Engine;")[0].contains("(upward)"));
    assert!(one("share/thread.rs", "type E = crate::Error;")[0].contains("crate root"));
    assert!(one("stray.rs", "")[0].contains("in no layer"));
    let cycle = check(vec![
        file("base/error.rs", "use crate::base::text::clean;"),
        file(
            "base/text.rs",
            "use crate::base::{error::Error, time::Now};",
        ),
    ]);
    assert!(
        cycle[0].contains("a cycle: base::error -> base::text -> base::error"),
        "{cycle:?}"
    );
    let kernel = check(vec![
        file("engine.rs", "use crate::audit::AuditEvent;"),
        file("audit/mod.rs", "use crate::engine::Engine;"),
    ]);
    assert!(kernel[0].contains("a cycle"), "{kernel:?}");
}
