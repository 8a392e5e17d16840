//! One version everywhere: the library version is written once (`[workspace.package]` of the
//! root `Cargo.toml`) and the API version once (`api::API_VERSION`); every package, the C
//! header, `engine.info` and the changelog must say the same; every package names the same
//! repository and carries the licences.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::path::Path;
use ticketshare::api::{Api, API_VERSION};

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The first `key = "value"` (TOML) or `"key": "value"` (JSON) of `text`, after `section`.
fn value_after(text: &str, section: &str, key: &str) -> String {
    let from = text.find(section).unwrap_or_else(|| panic!("no {section}"));
    let rest = &text[from..];
    for line in rest.lines() {
        let line = line.trim();
        for prefix in [format!("{key} = \""), format!("\"{key}\": \"")] {
            if let Some(v) = line.strip_prefix(&prefix) {
                return v.split('"').next().unwrap().to_owned();
            }
        }
    }
    panic!("no {key} after {section}")
}

fn define(header: &str, name: &str) -> String {
    header
        .lines()
        .find_map(|l| l.strip_prefix(&format!("#define {name} ")))
        .unwrap_or_else(|| panic!("no #define {name}"))
        .trim()
        .to_owned()
}

#[test]
fn every_crate_takes_the_workspace_version() {
    let root = read("Cargo.toml");
    assert_eq!(
        value_after(&root, "[workspace.package]", "version"),
        VERSION
    );
    assert!(root.contains(&format!(
        "ticketshare = {{ path = \".\", version = \"={VERSION}\" }}"
    )));
    for crate_toml in [
        "Cargo.toml",
        "bindings/c/Cargo.toml",
        "bindings/wasm/Cargo.toml",
    ] {
        let text = read(crate_toml);
        assert!(
            text.contains("version.workspace = true"),
            "{crate_toml} writes its own version"
        );
        assert!(
            text.contains("rust-version.workspace = true"),
            "{crate_toml} writes its own rust-version"
        );
    }
}

#[test]
fn the_python_npm_and_django_packages_say_the_same_version() {
    // The wheel takes its version from the C crate (maturin, `dynamic = ["version"]`) and
    // `ticketshare.__version__` from the library it loads.
    let pyproject = read("bindings/python/pyproject.toml");
    assert!(pyproject.contains("dynamic = [\"version\"]"), "{pyproject}");
    assert!(
        !pyproject.contains("\nversion = "),
        "a second version in pyproject.toml"
    );
    let npm = read("bindings/wasm/js/package.json");
    assert_eq!(value_after(&npm, "{", "version"), VERSION);
    let django = read("integrations/django-helpdesk/pyproject.toml");
    assert_eq!(value_after(&django, "[project]", "version"), VERSION);
    let gem = read("bindings/ruby/lib/ticketshare/version.rb");
    assert!(
        gem.contains(&format!("VERSION = \"{VERSION}\"")),
        "the gem's version"
    );
    let init = read("integrations/django-helpdesk/src/ticketshare_django/__init__.py");
    assert!(init.contains(&format!("__version__ = \"{VERSION}\"")));
    let (major, minor) = {
        let mut parts = VERSION.split('.');
        (parts.next().unwrap(), parts.next().unwrap())
    };
    let next_minor = minor.parse::<u32>().unwrap() + 1;
    assert!(
        django.contains(&format!(
            "\"ticketshare>={major}.{minor},<{major}.{next_minor}\""
        )),
        "the django app must require this minor version of the engine"
    );
}

#[test]
fn the_c_header_says_the_library_and_api_versions() {
    let header = read("include/ticketshare.h");
    let parts: Vec<&str> = VERSION.split('.').collect();
    assert_eq!(define(&header, "TS_VERSION_MAJOR"), parts[0]);
    assert_eq!(define(&header, "TS_VERSION_MINOR"), parts[1]);
    assert_eq!(define(&header, "TS_VERSION_PATCH"), parts[2]);
    assert_eq!(define(&header, "TS_API_VERSION"), API_VERSION.to_string());
}

#[test]
fn engine_info_says_the_library_and_api_versions() {
    let api = Api::from_config_json(
        r#"{"keyring": {"active": 1, "keys": [{"id": 1, "secret": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}]},
            "view_url": "https://help.example.com/shared/"}"#,
    )
    .unwrap();
    let info: serde_json::Value =
        serde_json::from_str(&api.call(r#"{"v": 1, "op": "engine.info"}"#)).unwrap();
    assert_eq!(info["result"]["library_version"], VERSION);
    assert_eq!(info["result"]["api_version"], API_VERSION);
}

#[test]
fn the_changelog_has_this_version() {
    let changelog = read("CHANGELOG.md");
    assert!(
        changelog.contains(&format!("\n## [{VERSION}] - ")),
        "CHANGELOG.md has no section for {VERSION}"
    );
    assert!(changelog.contains(&format!("\n[{VERSION}]: ")));
}

#[test]
fn every_package_names_the_same_repository() {
    let root = read("Cargo.toml");
    let repository = value_after(&root, "[workspace.package]", "repository");
    // Each package's file, and how it writes the repository there.
    for (file, written) in [
        (
            "bindings/wasm/js/package.json",
            format!("\"url\": \"git+{repository}.git\""),
        ),
        (
            "bindings/python/pyproject.toml",
            format!("Repository = \"{repository}\""),
        ),
        (
            "bindings/php/composer.json",
            format!("\"homepage\": \"{repository}\""),
        ),
        (
            "bindings/ruby/ticketshare.gemspec",
            format!("spec.homepage = \"{repository}\""),
        ),
    ] {
        assert!(
            read(file).contains(&written),
            "{file} does not say {written}"
        );
    }
}

#[test]
fn the_php_and_ruby_packages_carry_the_licences() {
    for licence in ["LICENSE-APACHE", "LICENSE-MIT"] {
        let text = read(licence);
        // Copies, not links: Composer's path and archive installs drop a link that leaves the
        // package, and `gem install` refuses one.
        for package in ["bindings/php", "bindings/ruby"] {
            let copy = format!("{package}/{licence}");
            let meta = std::fs::symlink_metadata(Path::new(env!("CARGO_MANIFEST_DIR")).join(&copy))
                .unwrap();
            assert!(meta.is_file(), "{copy} must be a file, not a link");
            assert_eq!(read(&copy), text, "{copy} differs from {licence}");
        }
    }
    let gemspec = read("bindings/ruby/ticketshare.gemspec");
    assert!(gemspec.contains("LICENSE-APACHE") && gemspec.contains("LICENSE-MIT"));
}
