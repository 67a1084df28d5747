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

/// Pages built on another page's parts, named here so the dependency is a decision: 3PC
/// draws, narrates and words its commit outcome as 2PC does (in the browser the parts both
/// use are a chunk the two pages share).
const BUILT_ON: &[(&str, &str)] = &[("three_pc", "two_pc")];

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
            if path.contains(&format!("ui/pages/{p}/"))
                || BUILT_ON
                    .iter()
                    .any(|(page, on)| on == p && path.contains(&format!("ui/pages/{page}/")))
            {
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

/// The module path (`ui::components::share`) of a file under `src/`.
fn module_path(path: &str) -> Vec<String> {
    let rel = path.split("/src/").nth(1).unwrap().trim_end_matches(".rs");
    let mut parts: Vec<String> = rel.split('/').map(String::from).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The `ui` modules a file's code names (`core`, `state`, `components`, `pages::raft`, ...),
/// through `crate::ui::…` paths and `super::…` paths resolved against the file's place.
fn ui_modules_named(path: &str, code: &str) -> Vec<String> {
    let me = module_path(path);
    let mut out = Vec::new();
    let mut name = |segs: &[String]| {
        if segs.first().is_some_and(|s| s == "ui") && segs.len() > 1 {
            let top = segs[1].clone();
            let full = if top == "pages" && segs.len() > 2 {
                format!("pages::{}", segs[2])
            } else {
                top
            };
            out.push(full);
        }
    };
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices("crate::ui::") {
        let rest = &code[at + "crate::ui::".len()..];
        let first = ident(rest);
        let second = rest
            .strip_prefix(&format!("{first}::"))
            .map(ident)
            .unwrap_or_default();
        name(&["ui".into(), first, second]);
    }
    // `super::…`: climb one module per `super` from the file's own module.
    let mut i = 0;
    while let Some(at) = code[i..].find("super::") {
        let start = i + at;
        let before = code[..start].chars().last();
        i = start + "super::".len();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue; // the middle of `super::super::…`, counted from its first `super`
        }
        let mut base = me.clone();
        base.pop();
        let mut rest = &code[i..];
        while let Some(r) = rest.strip_prefix("super::") {
            base.pop();
            rest = r;
        }
        // `super::{a::b, c}` names each item; `super::a::b` names `a`.
        let items: Vec<String> = match rest.strip_prefix('{') {
            Some(group) => group
                .split('}')
                .next()
                .unwrap_or("")
                .split(',')
                .map(|item| ident(item.trim()))
                .collect(),
            None => vec![ident(rest)],
        };
        for item in items.into_iter().filter(|s| !s.is_empty()) {
            let mut segs = base.clone();
            segs.push(item);
            let next = rest
                .split_once("::")
                .map(|(_, r)| ident(r))
                .unwrap_or_default();
            segs.push(next);
            name(&segs);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The browser UI's layers, bottom to top, each naming only layers below it (or itself):
/// `core` ← `state` and `clock` (the controller and its frame loop) ← `components` (shared
/// widgets) ← `pages::<p>` (each page: core, the widgets, the controller, never another
/// page) ← `registry` (the list of pages) ← `app` (the shell, which hands the registry to the
/// controller). A name that points upward — the controller naming the registry, a widget
/// naming a page — fails here with the file and the module it named.
#[test]
fn every_ui_module_names_only_the_layers_below_it() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    sources(&ui, &mut files);
    let mut checked = 0;
    for (path, text) in &files {
        let me = module_path(path);
        let layer = me.get(1).cloned().unwrap_or_default();
        let own_page = (layer == "pages" && me.len() > 2).then(|| format!("pages::{}", me[2]));
        let allowed: &[&str] = match layer.as_str() {
            "core" => continue, // its own test above
            "state" | "clock" => &["core", "state", "clock"],
            "components" => &["core", "state", "clock", "components"],
            "pages" => &["core", "state", "clock", "components"],
            "registry" => &["core", "pages"],
            "app" | "mod" | "" => continue, // the shell may name everything
            other => panic!("{path}: module ui::{other} has no layer here; give it one"),
        };
        let code = code(text);
        for named in ui_modules_named(path, &code) {
            let ok = allowed.contains(&named.as_str())
                || own_page.as_deref() == Some(named.as_str())
                || BUILT_ON.iter().any(|(page, on)| {
                    own_page.as_deref() == Some(&format!("pages::{page}"))
                        && named == format!("pages::{on}")
                })
                || (layer == "registry" && named.starts_with("pages::"))
                || (layer == "pages" && named == "pages" && me.len() <= 2);
            assert!(
                ok,
                "{path} (layer {layer}) names ui::{named}, which is not below it"
            );
        }
        // Scenario::from_location is the registry's (it parses among its pages).
        if layer != "registry" {
            assert!(
                !code.contains("from_location"),
                "{path} parses a link through the registry: use the controller's catalogue"
            );
        }
        checked += 1;
    }
    assert!(checked >= 60, "only {checked} files checked");
}

#[test]
fn the_layer_check_reads_relative_paths() {
    let named = |path: &str, code: &str| ui_modules_named(path, code);
    assert_eq!(
        named("/x/src/ui/state.rs", "use super::components::now_ms;"),
        vec!["components"]
    );
    assert_eq!(
        named(
            "/x/src/ui/components/share.rs",
            "use super::super::registry; use super::Tr;"
        ),
        vec!["components", "registry"]
    );
    assert_eq!(
        named(
            "/x/src/ui/pages/raft/adapter.rs",
            "use super::texts; use crate::ui::pages::paxos::X;"
        ),
        vec!["pages::paxos", "pages::raft"]
    );
    assert_eq!(
        named("/x/src/ui/app.rs", "use super::{registry, state::Ctl};"),
        vec!["registry", "state"]
    );
}
