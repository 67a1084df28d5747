//! The engine and the protocols must stay pure: no web crates, no wall clock, no global
//! RNG, no hash-ordered iteration (DESIGN.md, "Determinism rules").

use std::fs;
use std::path::Path;

const BANNED: &[&str] = &[
    "leptos",
    "web_sys",
    "js_sys",
    "HashMap",
    "HashSet",
    "thread_rng",
    "Instant",
    "SystemTime",
];

fn scan(dir: &Path, found: &mut Vec<String>, files: &mut usize) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            scan(&path, found, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            *files += 1;
            let text = fs::read_to_string(&path).unwrap();
            for (no, line) in text.lines().enumerate() {
                for word in BANNED {
                    if line.contains(word) {
                        found.push(format!("{}:{}: {}", path.display(), no + 1, line.trim()));
                    }
                }
            }
        }
    }
}

#[test]
fn sim_and_protocols_use_no_banned_names() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut files = 0;
    scan(&root.join("sim"), &mut found, &mut files);
    scan(&root.join("protocols"), &mut found, &mut files);
    assert!(files >= 8, "scanned only {files} files: wrong folder?");
    assert!(
        found.is_empty(),
        "banned names in pure code:\n{}",
        found.join("\n")
    );
}

/// Lines of the non-test part of every `.rs` file under `dir`.
fn code_lines(dir: &Path, out: &mut Vec<(String, usize, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            code_lines(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap();
            for (no, line) in text.lines().enumerate() {
                if line.trim_start().starts_with("#[cfg(test)]") {
                    break;
                }
                out.push((path.display().to_string(), no + 1, line.to_string()));
            }
        }
    }
}

/// The browser build links neither the standard float formatter nor the float parser
/// (together ~30 KB of the 350 KB budget): numbers go through `ds_playground::decimal`.
/// This catches the explicit forms; `twiggy top` on the wasm is the full check.
#[test]
fn app_code_formats_and_parses_floats_through_decimal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut lines = Vec::new();
    for dir in ["ui", "lab", "sim", "protocols"] {
        code_lines(&root.join(dir), &mut lines);
    }
    assert!(lines.len() > 5_000, "read only {} lines", lines.len());
    let precision = |l: &str| {
        let b = l.as_bytes();
        (0..b.len().saturating_sub(3)).any(|i| {
            b[i] == b':' && b[i + 1] == b'.' && b[i + 2].is_ascii_digit() && b[i + 3] == b'}'
        })
    };
    let bad: Vec<String> = lines
        .iter()
        .filter(|(_, _, l)| !l.trim_start().starts_with("//"))
        .filter(|(_, _, l)| {
            l.contains("parse::<f64>") || l.contains("parse::<f32>") || precision(l)
        })
        .map(|(f, n, l)| format!("{f}:{n}: {}", l.trim()))
        .collect();
    assert!(
        bad.is_empty(),
        "use ds_playground::decimal instead:\n{}",
        bad.join("\n")
    );
}
