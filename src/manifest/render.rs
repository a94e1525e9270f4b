//! kubectl's stderr for `kubectl apply -f <file>` given the diagnostics of that file, following
//! kubectl's own control flow: the resource builder's errors come first (a syntax error or a
//! failed client-side kind check stops reading the stream, so later documents are never sent; a
//! kind the cluster does not serve is reported and reading goes on), then one server error per
//! object that was sent. A single error is printed by `checkErr` (`The DaemonSet "x" is invalid:
//! …`, `Error from server (BadRequest): …`, `error: …`); several are printed one per line by
//! `MultipleErrors`. Ported from kubectl/pkg/cmd/apply/apply.go, cli-runtime's `StreamVisitor`
//! and `ContinueOnErrorVisitor`, and kubectl/pkg/cmd/util/helpers.go.

use super::messages as m;
use super::{Diagnostic, DiagnosticKind, ObjectId};

/// An error value as kubectl holds it.
enum KubectlError {
    /// A plain Go error: its `Error()` text.
    Plain(String),
    /// An API status error.
    Status {
        reason: &'static str,
        message: String,
        /// For `Invalid`: kind, name and the `field: message` causes.
        invalid: Option<(String, String, Vec<String>)>,
    },
    /// `utilerrors.Aggregate` of several errors.
    Aggregate(Vec<KubectlError>),
}

impl KubectlError {
    /// `err.Error()`.
    fn error_text(&self) -> String {
        match self {
            KubectlError::Plain(text) => text.clone(),
            KubectlError::Status { message, .. } => message.clone(),
            KubectlError::Aggregate(errs) => {
                let texts: Vec<String> = errs.iter().map(|e| e.error_text()).collect();
                m::aggregate(&texts)
            }
        }
    }

    /// `messageForError`.
    fn message(&self) -> String {
        match self {
            KubectlError::Status {
                reason, message, ..
            } => m::error_from_server(reason, message),
            other => other.error_text(),
        }
    }
}

/// The API group of a kind we decode, for `DaemonSet.apps "x" is invalid`.
fn qualified_kind(kind: &str) -> String {
    match kind {
        "DaemonSet" => format!("{kind}.apps"),
        _ => kind.to_string(),
    }
}

/// Consecutive diagnostics about the same object and of the same kind form one kubectl error.
fn same_group(a: &Diagnostic, b: &Diagnostic) -> bool {
    a.document == b.document && a.kind == b.kind && a.object == b.object
}

fn object_name(object: Option<&ObjectId>) -> (&str, &str, &str) {
    match object {
        Some(o) => (
            o.kind.as_str(),
            o.name.as_str(),
            o.namespace.as_deref().unwrap_or(""),
        ),
        None => ("", "", ""),
    }
}

/// Renders kubectl's stderr (with its trailing newline); empty when there is nothing to say.
pub(crate) fn render(diagnostics: &[Diagnostic], filename: &str) -> String {
    if let Some(too_large) = diagnostics
        .iter()
        .find(|d| d.kind == DiagnosticKind::TooLarge)
    {
        return finish(format!("{}{}", m::KUBECTL_ERROR_PREFIX, too_large.message));
    }
    let mut builder: Vec<KubectlError> = Vec::new();
    let mut server: Vec<KubectlError> = Vec::new();
    let mut stopped = false;
    let mut i = 0;
    while i < diagnostics.len() && !stopped {
        let first = &diagnostics[i];
        let mut end = i + 1;
        while end < diagnostics.len() && same_group(first, &diagnostics[end]) {
            end += 1;
        }
        let group = &diagnostics[i..end];
        i = end;
        let (kind, name, namespace) = object_name(first.object.as_ref());
        let sent_to_server = matches!(
            first.kind,
            DiagnosticKind::StrictDecoding | DiagnosticKind::Decode | DiagnosticKind::Invalid
        );
        if sent_to_server && name.is_empty() {
            // `kubectl apply` first GETs the object by name; without one, that request fails.
            let (group, resource) = match kind {
                "DaemonSet" => ("apps", "daemonsets"),
                "Node" => ("", "nodes"),
                _ => ("", "pods"),
            };
            server.push(KubectlError::Plain(m::error_retrieving_nameless(
                group, resource, kind, namespace, filename,
            )));
            continue;
        }
        match first.kind {
            DiagnosticKind::TooLarge => {}
            DiagnosticKind::Syntax => {
                if first.message == m::NO_OBJECTS_PASSED {
                    builder.push(KubectlError::Plain(first.message.clone()));
                } else {
                    builder.push(KubectlError::Plain(m::error_parsing(
                        filename,
                        &first.message,
                    )));
                }
                stopped = true;
            }
            DiagnosticKind::MissingKind => {
                let texts: Vec<String> = group.iter().map(|d| d.message.clone()).collect();
                builder.push(KubectlError::Plain(m::error_validating(
                    filename,
                    &m::aggregate(&texts),
                )));
                stopped = true;
            }
            DiagnosticKind::NoMatch => {
                builder.push(KubectlError::Plain(m::resource_mapping_not_found(
                    name,
                    namespace,
                    filename,
                    &first.message,
                )));
            }
            DiagnosticKind::StrictDecoding => {
                let fields: Vec<String> = group
                    .iter()
                    .map(|d| {
                        d.message
                            .strip_prefix(m::STRICT_DECODING_PREFIX)
                            .unwrap_or(&d.message)
                            .to_string()
                    })
                    .collect();
                let err = format!("{}{}", m::STRICT_DECODING_PREFIX, fields.join(", "));
                server.push(KubectlError::Status {
                    reason: m::REASON_BAD_REQUEST,
                    message: m::error_when_creating(
                        filename,
                        &m::cannot_be_handled(kind, "v1", &err),
                    ),
                    invalid: None,
                });
            }
            DiagnosticKind::Decode => {
                server.push(KubectlError::Status {
                    reason: m::REASON_BAD_REQUEST,
                    message: m::error_when_creating(
                        filename,
                        &m::cannot_be_handled(kind, "v1", &first.message),
                    ),
                    invalid: None,
                });
            }
            DiagnosticKind::Invalid => {
                let causes: Vec<String> = group
                    .iter()
                    .map(|d| match &d.field {
                        Some(field) => format!("{field}: {}", d.message),
                        None => d.message.clone(),
                    })
                    .collect();
                server.push(KubectlError::Status {
                    reason: m::REASON_INVALID,
                    message: m::error_when_creating(
                        filename,
                        &m::is_invalid_message(&qualified_kind(kind), name, &m::aggregate(&causes)),
                    ),
                    invalid: Some((kind.to_string(), name.to_string(), causes)),
                });
            }
        }
    }

    let mut errs: Vec<KubectlError> = Vec::new();
    match builder.len() {
        0 => {}
        1 => errs.extend(builder),
        _ => errs.push(KubectlError::Aggregate(builder)),
    }
    errs.extend(server);
    match errs.len() {
        0 => String::new(),
        1 => errs.pop().map(check_err).unwrap_or_default(),
        _ => check_err(KubectlError::Aggregate(errs)),
    }
}

/// `checkErr`.
fn check_err(err: KubectlError) -> String {
    let err = match err {
        KubectlError::Aggregate(mut errs) if errs.len() == 1 => errs.remove(0),
        other => other,
    };
    match err {
        KubectlError::Status {
            invalid: Some((kind, name, causes)),
            ..
        } => {
            let prefix = format!("{}: ", m::kubectl_is_invalid(&kind, &name));
            let mut unique: Vec<String> = Vec::new();
            for cause in causes {
                if !unique.contains(&cause) {
                    unique.push(cause);
                }
            }
            if unique.len() == 1 {
                finish(format!("{prefix}{}", unique[0]))
            } else {
                let mut out = format!("{prefix}\n");
                for cause in unique {
                    out.push_str("* ");
                    out.push_str(&cause);
                    out.push('\n');
                }
                out
            }
        }
        KubectlError::Aggregate(errs) => {
            let mut out = String::new();
            for e in errs {
                out.push_str(&e.message());
                out.push('\n');
            }
            out
        }
        status @ KubectlError::Status { .. } => finish(status.message()),
        KubectlError::Plain(text) => {
            if text.starts_with(m::KUBECTL_ERROR_PREFIX) {
                finish(text)
            } else {
                finish(format!("{}{text}", m::KUBECTL_ERROR_PREFIX))
            }
        }
    }
}

/// kubectl's fatal handler appends a newline when the message has none.
fn finish(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}
