//! The UI's layers (README "Layout"): `ui/core` holds no page-specific code and its
//! modules import each other in one direction only; pages depend on core, the registry on
//! pages. A cycle or a page reference inside core fails here, naming the files.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Every `.rs` file under `dir` (recursively) with its text.
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

/// The code of a file without its doc comments, comments and test module.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The core module a file is (`scenario`, `i18n`, ...).
fn module_of(path: &str) -> String {
    let rel = path.split("ui/core/").nth(1).unwrap();
    rel.split(['/', '.']).next().unwrap().to_string()
}

#[test]
fn core_names_no_page_and_its_modules_form_no_cycle() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/core");
    let mut files = Vec::new();
    sources(&core, &mut files);
    assert!(files.len() >= 10);
    let modules: Vec<String> = {
        let mut m: Vec<String> = files.iter().map(|(p, _)| module_of(p)).collect();
        m.sort();
        m.dedup();
        m.retain(|m| m != "mod");
        m
    };
    let mut deps: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (path, text) in &files {
        let code = code(text);
        for banned in [
            "crate::ui::pages",
            "crate::ui::registry",
            "crate::protocols",
            "crate::lab",
        ] {
            assert!(
                !code.contains(banned),
                "{path} names {banned}: core must stay page-free"
            );
        }
        let me = module_of(path);
        for other in &modules {
            let named = code.contains(&format!("crate::ui::core::{other}::"))
                || code.contains(&format!("crate::ui::core::{other};"))
                || code.contains(&format!("super::{other}::"))
                || code.contains(&format!("use super::{other}"));
            if *other != me && named {
                deps.entry(me.clone()).or_default().push(other.clone());
            }
        }
    }
    if let Some(cycle) = find_cycle(&deps) {
        panic!("import cycle in ui/core: {}", cycle.join(" -> "));
    }
    // The layering the README describes: the runner sits above the view and the scenario.
    assert!(deps["runner"].contains(&"view".to_string()));
    assert!(!deps
        .get("view")
        .into_iter()
        .flatten()
        .any(|d| d == "runner"));
}

/// A cycle in `deps` (as the path that closes it), if there is one.
fn find_cycle(deps: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        deps: &BTreeMap<String, Vec<String>>,
        done: &mut Vec<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if done.iter().any(|d| d == m) {
            return None;
        }
        if path.iter().any(|p| p == m) {
            let mut cycle = path.clone();
            cycle.push(m.into());
            return Some(cycle);
        }
        path.push(m.into());
        for d in deps.get(m).into_iter().flatten() {
            if let Some(c) = visit(d, deps, done, path) {
                return Some(c);
            }
        }
        path.pop();
        done.push(m.into());
        None
    }
    let mut done = Vec::new();
    deps.keys()
        .find_map(|m| visit(m, deps, &mut done, &mut Vec::new()))
}

#[test]
fn the_cycle_search_finds_a_cycle_and_accepts_a_chain() {
    let graph = |edges: &[(&str, &str)]| {
        let mut deps: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (a, b) in edges {
            deps.entry(a.to_string()).or_default().push(b.to_string());
        }
        deps
    };
    assert_eq!(
        find_cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "a")])),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(
        find_cycle(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])),
        None
    );
}

/// One page, one download: in the browser a page's code is a chunk of its own, cut out of
/// the shell at its `page_chunk!` split point, with everything only it reaches. A mention of
/// a page's items anywhere else in the app pulls them (and all they call) back into every
/// visitor's first download. Only the registry may name a page, and only its declaration
/// (`SPEC`, in the shell for the home page and links) and its loader (`load_def`).
#[test]
fn only_the_registry_names_a_page_and_only_its_spec_and_loader() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let pages: Vec<String> = fs::read_dir(src.join("ui/pages"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(pages.len() >= 16, "{pages:?}");
    for (path, text) in &files {
        let code = code(text);
        for p in &pages {
            if path.contains(&format!("ui/pages/{p}/")) {
                continue;
            }
            let needle = format!("pages::{p}::");
            for (at, _) in code.match_indices(&needle) {
                let item: String = code[at + needle.len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                assert!(
                    path.ends_with("ui/registry.rs") && (item == "SPEC" || item == "load_def"),
                    "{path} names pages::{p}::{item}: only the registry may name a page, and \
                     only its SPEC and load_def (anything else is pulled into the shell)"
                );
            }
        }
    }
    // Every page declares its split point.
    for p in &pages {
        let m = fs::read_to_string(src.join(format!("ui/pages/{p}/mod.rs"))).unwrap();
        assert!(
            m.contains(&format!("page_chunk!(page_{p},")),
            "ui/pages/{p}/mod.rs declares no page_chunk!(page_{p}, …)"
        );
    }
}
