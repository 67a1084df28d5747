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
