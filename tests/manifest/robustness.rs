//! Hostile and degenerate input: every case returns promptly with a clear diagnostic and never
//! panics or overflows the stack.

use super::check::check;
use daemonset_playground::manifest::{load, DiagnosticKind, MAX_DOCUMENTS, MAX_INPUT_BYTES};
use std::time::{Duration, Instant};

/// What a load on another thread sends back: the objects stay there (they share their parts
/// through `Rc`), their count comes back.
struct Outcome {
    diagnostics: Vec<daemonset_playground::manifest::Diagnostic>,
    objects: usize,
}

/// Loads on a thread with a small stack (wasm's is 1 MiB) and a deadline.
fn load_quickly(text: String) -> Outcome {
    let start = Instant::now();
    let handle = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || {
            let loaded = load(&text);
            Outcome {
                diagnostics: loaded.diagnostics,
                objects: loaded.objects.len(),
            }
        })
        .expect("spawn");
    let loaded = handle.join().expect("no panic");
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "took {:?}",
        start.elapsed()
    );
    loaded
}

#[test]
fn input_over_the_cap_is_refused_whole() {
    let text = "a".repeat(MAX_INPUT_BYTES + 1);
    let loaded = load_quickly(text);
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(loaded.diagnostics[0].kind, DiagnosticKind::TooLarge);
    assert!(loaded.diagnostics[0]
        .message
        .contains("2097152 bytes (2 MiB)"));
}

#[test]
fn empty_input_passes_no_objects() {
    check("", "error: no objects passed to apply\n@- Syntax\n");
    check(
        "# just a comment\n---\n---\n",
        "error: no objects passed to apply\n@- Syntax\n",
    );
    check("null\n", "error: no objects passed to apply\n@- Syntax\n");
}

#[test]
fn binary_garbage_is_a_syntax_error() {
    let garbage: String = (0u8..=255).map(char::from).collect::<String>().repeat(8);
    let loaded = load_quickly(garbage);
    assert!(!loaded.diagnostics.is_empty());
    assert_eq!(loaded.objects, 0);
}

#[test]
fn alias_bombs_stop_quickly() {
    let mut text = String::from("apiVersion: v1\nkind: Node\nmetadata:\n  name: n\n  labels: {}\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    let mut prev = 'a';
    for name in ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] {
        text.push_str(&format!(
            "{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
        prev = name;
    }
    let loaded = load_quickly(text);
    assert_eq!(loaded.diagnostics.len(), 1, "{:?}", loaded.diagnostics);
    assert_eq!(
        loaded.diagnostics[0].message,
        "yaml: document contains excessive aliasing"
    );
}

#[test]
fn ten_thousand_levels_of_nesting_stop_quickly() {
    for text in [
        "[".repeat(10_000),
        format!("a: {}", "{b: ".repeat(10_000)),
        (0..10_000).map(|_| "- ").collect::<String>() + "x\n",
    ] {
        let loaded = load_quickly(text);
        assert_eq!(loaded.diagnostics.len(), 1, "{:?}", loaded.diagnostics);
        assert!(
            loaded.diagnostics[0]
                .message
                .contains("exceeded max depth of 64"),
            "{}",
            loaded.diagnostics[0].message
        );
    }
}

#[test]
fn huge_but_legal_input_loads_in_time() {
    let node = "apiVersion: v1\nkind: Node\nmetadata:\n  name: node-#\n  labels:\n    kubernetes.io/os: linux\n---\n";
    let text: String = (0..5000)
        .map(|i| node.replace('#', &i.to_string()))
        .collect();
    assert!(text.len() < MAX_INPUT_BYTES);
    let loaded = load_quickly(text);
    assert!(loaded.diagnostics.is_empty());
    assert_eq!(loaded.objects, 5000);
}

#[test]
fn too_many_documents_are_refused_whole() {
    let loaded = load_quickly("a\n---\n".repeat(MAX_DOCUMENTS + 1));
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(loaded.diagnostics[0].kind, DiagnosticKind::TooLarge);
    assert_eq!(
        loaded.diagnostics[0].message,
        "the input has 10001 documents; the playground reads at most 10000 documents"
    );
}

#[test]
fn nesting_by_indentation_up_to_the_size_cap_stops_quickly() {
    let text: String = (0..1900)
        .map(|i| format!("{}a:\n", " ".repeat(i)))
        .collect();
    assert!(text.len() < MAX_INPUT_BYTES);
    let loaded = load_quickly(text);
    assert_eq!(loaded.diagnostics.len(), 1, "{:?}", loaded.diagnostics);
    assert!(loaded.diagnostics[0]
        .message
        .contains("exceeded max depth of 64"));
}

#[test]
fn two_megabytes_of_brackets_stop_before_the_parser() {
    let loaded = load_quickly("[".repeat(MAX_INPUT_BYTES - 1));
    assert_eq!(
        loaded.diagnostics[0].message,
        "yaml: line 1: exceeded max depth of 64"
    );
}
