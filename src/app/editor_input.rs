//! The editor's text as the page uses it: the manifest layer's objects (with the line each
//! starts on) and its diagnostics reduced to what the editor shows (a line, a field, the API
//! server's message).
//!
//! Deliberately absent: parsing and validation themselves (`crate::manifest`) and applying
//! objects (`crate::app::load`, shared with the CLI).

use crate::manifest::{Diagnostic, Object};
use crate::model::Node;

/// One problem in the text, as the editor shows it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EditorDiagnostic {
    /// 1-based line in the editor, when known.
    pub line: Option<usize>,
    /// The field path (`spec.selector.matchLables`), when there is one.
    pub field: Option<String>,
    /// The API server's (or kubectl's) message body.
    pub message: String,
}

impl EditorDiagnostic {
    /// A manifest diagnostic; `fallback_line` (the object's first line) when it has none.
    pub fn from_manifest(d: Diagnostic, fallback_line: Option<usize>) -> Self {
        EditorDiagnostic {
            line: d.line.or(fallback_line),
            field: d.field,
            message: d.message,
        }
    }
}

/// The objects of the editor's text in text order, each with its first line, and its diagnostics.
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct EditorObjects {
    pub objects: Vec<(Object, Option<usize>)>,
    pub diagnostics: Vec<EditorDiagnostic>,
    /// What `kubectl apply -f` of the text would print on stderr; empty when valid.
    pub kubectl_stderr: String,
}

/// The file name the page's kubectl output uses for the editor's text.
pub const EDITOR_FILE: &str = "manifest.yaml";

impl EditorObjects {
    /// The text's Nodes, in order.
    pub fn nodes(&self) -> Vec<Node> {
        self.objects
            .iter()
            .filter_map(|(o, _)| match o {
                Object::Node(n) => Some(n.clone()),
                _ => None,
            })
            .collect()
    }
}

/// Reads the editor's text.
pub fn read(text: &str) -> EditorObjects {
    let loaded = crate::manifest::load(text);
    EditorObjects {
        kubectl_stderr: crate::manifest::render_kubectl_errors(&loaded.diagnostics, EDITOR_FILE),
        objects: loaded
            .objects
            .into_iter()
            .map(|o| (o.object, o.line))
            .collect(),
        diagnostics: loaded
            .diagnostics
            .into_iter()
            .map(|d| EditorDiagnostic::from_manifest(d, None))
            .collect(),
    }
}
