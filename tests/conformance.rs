//! Keeps `docs/conformance.md` true: every listed test exists, every rule-named test is listed,
//! every rule of the families in scope is implemented, every rule of `../shared/RULES.md` has a row.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const IN_SCOPE: &[&str] = &["EXT", "ACC", "AGT", "CCF", "NHD", "SEC"];
const FAMILIES: &[&str] = &["EXT", "ACC", "AGT", "CCF", "NHD", "SEC"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

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
        let tests = cells[3]
            .split(',')
            .map(|t| t.trim().trim_matches('`').to_owned())
            .filter(|t| !t.is_empty() && t != "—")
            .collect();
        let previous = rows.insert(cells[1].to_owned(), (cells[2].to_owned(), tests));
        assert!(previous.is_none(), "{} has two rows", cells[1]);
    }
    rows
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `fn name` in the crate's sources and tests.
fn functions() -> BTreeSet<String> {
    let mut files = Vec::new();
    for dir in ["src", "tests"] {
        rust_files(&root().join(dir), &mut files);
    }
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
            assert_eq!(
                status, "implemented",
                "{id} is in scope but not implemented"
            );
        }
    }
}

#[test]
fn sec_conformance_every_catalogue_rule_has_a_row() {
    let catalogue = root().join("../shared/RULES.md");
    let Ok(text) = fs::read_to_string(&catalogue) else {
        eprintln!(
            "skipped: {} is absent, so rule coverage is not checked",
            catalogue.display()
        );
        return;
    };
    let rows = rows();
    let mut ids = BTreeSet::new();
    for piece in text.split("**").skip(1).step_by(2) {
        if FAMILIES.iter().any(|f| piece.starts_with(&format!("{f}-"))) && piece.len() == 6 {
            ids.insert(piece.to_owned());
        }
    }
    assert!(
        ids.len() >= 50,
        "found only {} rule IDs in RULES.md",
        ids.len()
    );
    for id in &ids {
        assert!(
            rows.contains_key(id),
            "{id} of RULES.md has no row in docs/conformance.md"
        );
    }
    for id in rows.keys() {
        assert!(
            ids.contains(id),
            "{id} is in docs/conformance.md but not in RULES.md"
        );
    }
}
