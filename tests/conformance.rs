//! Keeps `docs/conformance.md` true: every listed test exists, every rule-named test is listed,
//! every rule of the families in scope is implemented or planned under a named issue, every rule
//! of the project's catalogue (`docs/rules.md`) has a row and every row a rule, and, where the
//! steering catalogue `../shared/RULES.md` is present, every one of its IDs is in ours.
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
use std::path::PathBuf;

const IN_SCOPE: &[&str] = &["EXT", "ACC", "AGT", "CCF", "NHD", "SEC"];
const FAMILIES: &[&str] = &["EXT", "ACC", "AGT", "CCF", "NHD", "SEC"];

/// `| EXT-01 | implemented | `a`, `b` |` rows: id -> (status, tests).
fn rows() -> BTreeMap<String, (String, Vec<String>)> {
    let doc = fs::read_to_string(root().join("docs/conformance.md")).unwrap();
    let mut rows = BTreeMap::new();
    for line in doc.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4
            || !FAMILIES
                .iter()
                .any(|f| cells[1].starts_with(&format!("{f}-")))
        {
            continue;
        }
        // A planned row names the issue that builds it (`issue 23`) instead of tests.
        let tests = if cells[2] == "planned" {
            let issue = cells[3].strip_prefix("issue ").unwrap_or("");
            assert!(
                !issue.is_empty() && issue.bytes().all(|b| b.is_ascii_digit()),
                "{} is planned but names no issue (`issue N`)",
                cells[1]
            );
            Vec::new()
        } else {
            cells[3]
                .split(',')
                .map(|t| t.trim().trim_matches('`').to_owned())
                .filter(|t| !t.is_empty() && t != "—")
                .collect()
        };
        let previous = rows.insert(cells[1].to_owned(), (cells[2].to_owned(), tests));
        assert!(previous.is_none(), "{} has two rows", cells[1]);
    }
    rows
}

/// Every `fn name` in the crate's sources and tests.
fn functions() -> BTreeSet<String> {
    let files: Vec<PathBuf> = ["src", "tests"]
        .iter()
        .flat_map(|dir| rust_files(&root().join(dir)))
        .collect();
    let mut names = BTreeSet::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for piece in text.split("fn ").skip(1) {
            let name: String = piece
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    names
}

/// `ext_08_...` -> `EXT-08`.
fn rule_of(test: &str) -> Option<String> {
    let mut parts = test.splitn(3, '_');
    let family = parts.next()?.to_ascii_uppercase();
    let number = parts.next()?;
    (FAMILIES.contains(&family.as_str())
        && number.len() == 2
        && number.bytes().all(|b| b.is_ascii_digit()))
    .then(|| format!("{family}-{number}"))
}

#[test]
fn sec_conformance_listed_tests_exist_and_rule_tests_are_listed() {
    let rows = rows();
    let functions = functions();
    for (id, (status, tests)) in &rows {
        match status.as_str() {
            "implemented" => assert!(!tests.is_empty(), "{id} is implemented but lists no test"),
            "planned" => assert!(tests.is_empty(), "{id} is planned but lists tests"),
            // Part of the rule is enforced and tested; the issue named builds the rest.
            partial if partial.starts_with("partial, issue ") => {
                let issue = &partial["partial, issue ".len()..];
                assert!(
                    !issue.is_empty() && issue.bytes().all(|b| b.is_ascii_digit()),
                    "{id}: write `partial, issue N`"
                );
                assert!(!tests.is_empty(), "{id} is partial but lists no test");
            }
            other => panic!("{id} has unknown status {other:?}"),
        }
        for test in tests {
            assert!(
                functions.contains(test),
                "{id} lists {test}, which does not exist"
            );
            assert_eq!(
                rule_of(test).as_deref(),
                Some(id.as_str()),
                "{test} is listed under {id}"
            );
        }
    }
    for function in &functions {
        if let Some(id) = rule_of(function) {
            let listed = rows
                .get(&id)
                .is_some_and(|(_, tests)| tests.contains(function));
            assert!(
                listed,
                "{function} proves {id} but is not in docs/conformance.md"
            );
        }
    }
    for (id, (status, _)) in &rows {
        if IN_SCOPE.iter().any(|f| id.starts_with(f)) {
            assert!(
                status == "implemented" || status == "planned" || status.starts_with("partial, "),
                "{id} is in scope but neither implemented nor planned under an issue"
            );
        }
    }
}

/// The rule IDs of a catalogue: every `**EXT-01**` of the text.
fn rule_ids(text: &str) -> BTreeSet<String> {
    text.split("**")
        .skip(1)
        .step_by(2)
        .filter(|piece| {
            piece.len() == 6 && FAMILIES.iter().any(|f| piece.starts_with(&format!("{f}-")))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn sec_conformance_every_catalogue_rule_has_a_row() {
    let ours = rule_ids(&fs::read_to_string(root().join("docs/rules.md")).unwrap());
    assert!(
        ours.len() >= 70,
        "found only {} rule IDs in docs/rules.md",
        ours.len()
    );
    let rows = rows();
    for id in &ours {
        assert!(
            rows.contains_key(id),
            "{id} of docs/rules.md has no row in docs/conformance.md"
        );
    }
    for id in rows.keys() {
        assert!(
            ours.contains(id),
            "{id} is in docs/conformance.md but not in docs/rules.md"
        );
    }
    // The steering catalogue, where this checkout has it beside it (a clone of the project
    // alone does not): each of its IDs must be in ours, and ours must hold no other.
    if let Ok(text) = fs::read_to_string(root().join("../shared/RULES.md")) {
        let steering = rule_ids(&text);
        assert!(
            steering.len() >= 50,
            "found only {} rule IDs in ../shared/RULES.md",
            steering.len()
        );
        for id in &steering {
            assert!(
                ours.contains(id),
                "{id} of ../shared/RULES.md is missing from docs/rules.md"
            );
        }
        for id in &ours {
            assert!(
                steering.contains(id),
                "{id} of docs/rules.md is not in ../shared/RULES.md"
            );
        }
    }
}

#[test]
fn sec_conformance_rule_ids_are_read_from_bold_ids_only() {
    let ids = rule_ids("- **EXT-01** a\n**Decision:** b **NHD-10** c **XYZ-01** **EXT-1**");
    assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["EXT-01", "NHD-10"]);
}
