//! The rules of ARCHITECTURE.md that a reader cannot keep by eye: the
//! state imports no component, `src/ui` has no import cycle, and no UI
//! file grows past a size where it stops being one concern; no std sort
//! outside `model::sort` (wasm size).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// What the state (`src/ui/state/`) may use from `src/ui`.
const STATE_MAY_USE: &[&str] = &["author", "dom", "keys", "policy", "route"];

/// Longest a file under `src/ui/` may be (lines).
const MAX_LINES: usize = 600;

/// The `src/ui` modules a piece of source names: `super::x`,
/// `crate::ui::x`, and from `use super::{x, y}` lists. `up` is the
/// `super::` prefix that reaches `src/ui` from this file.
fn uses(source: &str, up: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for prefix in [up.to_string(), "crate::ui::".to_string()] {
        let mut rest = source;
        while let Some(at) = rest.find(&prefix) {
            rest = &rest[at + prefix.len()..];
            if let Some(list) = rest.strip_prefix('{') {
                // The first name of each top-level part of the group:
                // `{a::{b, c}, d}` uses a and d.
                let mut depth = 0;
                let mut name = String::new();
                let mut naming = true;
                for c in list.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            if !name.is_empty() {
                                found.insert(std::mem::take(&mut name));
                            }
                            naming = true;
                        }
                        c if naming && depth == 0 && (c.is_alphanumeric() || c == '_') => {
                            name.push(c)
                        }
                        c if naming && depth == 0 && !name.is_empty() && !c.is_whitespace() => {
                            found.insert(std::mem::take(&mut name));
                            naming = false;
                        }
                        _ => {}
                    }
                }
                if !name.is_empty() {
                    found.insert(name);
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        }
    }
    found
}

/// Every `src/ui` module (a file, or the `state` folder as one) and the
/// modules it uses.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut modules: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in fs::read_dir(&ui).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            let mut deps = BTreeSet::new();
            for file in fs::read_dir(&path).unwrap() {
                let text = fs::read_to_string(file.unwrap().path()).unwrap();
                deps.extend(uses(&text, "super::super::"));
            }
            modules.insert(name, deps);
        } else if name != "mod" {
            let text = fs::read_to_string(&path).unwrap();
            modules.insert(name, uses(&text, "super::"));
        }
    }
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    for (name, deps) in modules.iter_mut() {
        deps.retain(|d| names.contains(d) && d != name);
    }
    modules
}

#[test]
fn the_state_imports_no_component() {
    let graph = graph();
    let state = &graph["state"];
    let wrong: Vec<_> = state
        .iter()
        .filter(|d| !STATE_MAY_USE.contains(&d.as_str()))
        .collect();
    assert!(
        wrong.is_empty(),
        "src/ui/state/ imports {wrong:?}; it may use only {STATE_MAY_USE:?} of src/ui"
    );
}

#[test]
fn ui_modules_have_no_import_cycle() {
    let graph = graph();
    // Depth-first search; a module met again on the current path is a cycle.
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if done.contains(m) {
            return;
        }
        if let Some(at) = path.iter().position(|p| p == m) {
            panic!("import cycle in src/ui: {:?} → {m}", &path[at..]);
        }
        path.push(m.to_string());
        for d in &graph[m] {
            visit(d, graph, path, done);
        }
        path.pop();
        done.insert(m.to_string());
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        visit(m, &graph, &mut Vec::new(), &mut done);
    }
}

#[test]
fn the_check_sees_imports() {
    // The graph is real: components use the state, the state uses dom.
    let graph = graph();
    assert!(graph["board"].contains("state"));
    assert!(graph["board"].contains("card_events"));
    assert!(graph["state"].contains("dom"));
    assert!(graph["state"].contains("policy"));
    let found = uses(
        "use super::{dom, state::AppState};\nsuper::touch::x",
        "super::",
    );
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["dom", "state", "touch"]
    );
}

#[test]
fn no_ui_file_is_longer_than_600_lines() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut long = Vec::new();
    let mut dirs = vec![ui];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let lines = fs::read_to_string(&path).unwrap().lines().count();
                if lines > MAX_LINES {
                    long.push(format!("{} ({lines})", path.display()));
                }
            }
        }
    }
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?}");
}

/// Every file under `src/` (all of it, tests included).
fn sources() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

/// Outside tests, sorting goes through `model::sort` (one sort compiled
/// into the wasm, not one per call site), and no `BTreeMap`/`BTreeSet` is
/// collected (which sorts too).
#[test]
fn std_sorts_only_in_tests() {
    let calls = [
        ".sort()",
        ".sort_by(",
        ".sort_by_key(",
        ".sort_by_cached_key(",
        ".sort_unstable",
        "collect::<BTree",
    ];
    let mut found = Vec::new();
    for path in sources() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if ["sort.rs", "props.rs", "testutil.rs"].contains(&name.as_str()) {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
        for (n, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            // Also a call split over lines: `x\n    .sort_by(`.
            if calls.iter().any(|c| line.contains(c)) {
                found.push(format!("{}:{}", path.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "a std sort outside tests: {found:?}");
}
