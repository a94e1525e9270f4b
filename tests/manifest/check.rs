//! The one helper every corpus case goes through: load the input, render kubectl's stderr for
//! `kubectl apply -f ds.yaml`, and list each diagnostic's line and field, as readable text.

use daemonset_playground::manifest::{load, render_kubectl_errors, Loaded};

/// kubectl's stderr followed by one `@<line> <field or kind>` line per diagnostic.
pub fn actual(input: &str) -> String {
    describe(&load(input))
}

pub fn describe(loaded: &Loaded) -> String {
    let mut out = render_kubectl_errors(&loaded.diagnostics, "ds.yaml");
    for d in &loaded.diagnostics {
        let line = d.line.map_or_else(|| "-".to_string(), |l| l.to_string());
        match &d.field {
            Some(field) => out.push_str(&format!("@{line} {field}\n")),
            None => out.push_str(&format!("@{line} {:?}\n", d.kind)),
        }
    }
    out
}

/// Asserts the rendered errors and lines of `input`.
pub fn check(input: &str, expect: &str) {
    let got = actual(input);
    assert!(
        got == expect,
        "input:\n{input}\n--- expected:\n{expect}\n--- got:\n{got}"
    );
}
