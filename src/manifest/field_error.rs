//! One validation error, a port of apimachinery's `field.Error`
//! (staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go): a type, the field path
//! the API server names, the offending value and a detail; `body()` is `ErrorBody()`.
//!
//! Besides the path upstream prints, each error may carry a *location*: the path of the YAML node
//! that caused it, when that differs (label errors point at the offending key; a node's taint
//! errors are named `metadata.taints[0]` upstream but live under `spec.taints[0]`).

use super::field_path::FieldPath;
use super::messages;

/// `field.ErrorType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorType {
    NotFound,
    Required,
    Duplicate,
    Invalid,
    NotSupported,
    Forbidden,
    TooLong,
}

impl ErrorType {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorType::NotFound => messages::NOT_FOUND,
            ErrorType::Required => messages::REQUIRED_VALUE,
            ErrorType::Duplicate => messages::DUPLICATE_VALUE,
            ErrorType::Invalid => messages::INVALID_VALUE,
            ErrorType::NotSupported => messages::UNSUPPORTED_VALUE,
            ErrorType::Forbidden => messages::FORBIDDEN,
            ErrorType::TooLong => messages::TOO_LONG,
        }
    }
}

/// The offending value, rendered as `ErrorBody` renders Go values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadValue {
    /// Not printed (Required, Forbidden, TooLong).
    Omitted,
    /// A string: `%q`.
    Str(String),
    /// An integer: `%v`.
    Int(i64),
    /// Already rendered (a Go `%#v` literal or a value's `String()`), printed as is.
    Raw(String),
}

/// A field error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub error_type: ErrorType,
    pub field: FieldPath,
    pub value: BadValue,
    pub detail: String,
    /// Where in the manifest the error points, when that differs from `field`.
    pub location: Option<FieldPath>,
}

impl FieldError {
    fn new(error_type: ErrorType, field: FieldPath, value: BadValue, detail: String) -> Self {
        FieldError {
            error_type,
            field,
            value,
            detail,
            location: None,
        }
    }

    /// `field.Required`.
    pub fn required(field: FieldPath, detail: &str) -> Self {
        Self::new(
            ErrorType::Required,
            field,
            BadValue::Omitted,
            detail.to_string(),
        )
    }

    /// `field.Invalid`.
    pub fn invalid(field: FieldPath, value: BadValue, detail: &str) -> Self {
        Self::new(ErrorType::Invalid, field, value, detail.to_string())
    }

    /// `field.NotSupported`.
    pub fn not_supported(field: FieldPath, value: BadValue, supported: &[&str]) -> Self {
        let detail = if supported.is_empty() {
            String::new()
        } else {
            messages::supported_values(supported)
        };
        Self::new(ErrorType::NotSupported, field, value, detail)
    }

    /// `field.Forbidden`.
    pub fn forbidden(field: FieldPath, detail: &str) -> Self {
        Self::new(
            ErrorType::Forbidden,
            field,
            BadValue::Omitted,
            detail.to_string(),
        )
    }

    /// `field.Duplicate`.
    pub fn duplicate(field: FieldPath, value: BadValue) -> Self {
        Self::new(ErrorType::Duplicate, field, value, String::new())
    }

    /// `field.NotFound`.
    pub fn not_found(field: FieldPath, value: BadValue) -> Self {
        Self::new(ErrorType::NotFound, field, value, String::new())
    }

    /// `field.TooLong`.
    pub fn too_long(field: FieldPath, max_bytes: usize) -> Self {
        Self::new(
            ErrorType::TooLong,
            field,
            BadValue::Omitted,
            messages::too_long_detail(max_bytes),
        )
    }

    /// Points the error at another node of the manifest.
    pub fn at(mut self, location: FieldPath) -> Self {
        self.location = Some(location);
        self
    }

    /// Sets the detail (upstream sets `Detail` on a `Duplicate` by hand for taints).
    pub fn with_detail(mut self, detail: &str) -> Self {
        self.detail = detail.to_string();
        self
    }

    /// The node whose line the editor underlines.
    pub fn location(&self) -> &FieldPath {
        self.location.as_ref().unwrap_or(&self.field)
    }

    /// `ErrorBody()`: the message without the field path.
    pub fn body(&self) -> String {
        let mut s = match (self.error_type, &self.value) {
            (ErrorType::Required | ErrorType::Forbidden | ErrorType::TooLong, _)
            | (_, BadValue::Omitted) => self.error_type.as_str().to_string(),
            (t, BadValue::Str(v)) => format!("{}: {}", t.as_str(), messages::go_quote(v)),
            (t, BadValue::Int(v)) => format!("{}: {v}", t.as_str()),
            (t, BadValue::Raw(v)) => format!("{}: {v}", t.as_str()),
        };
        if !self.detail.is_empty() {
            s.push_str(": ");
            s.push_str(&self.detail);
        }
        s
    }
}

impl std::fmt::Display for FieldError {
    /// `Error()`: `<field>: <body>`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.body())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r6_1_bodies() {
        let p = FieldPath::fields(&["spec", "template", "spec", "restartPolicy"]);
        let e = FieldError::not_supported(p, BadValue::Str("OnFailure".into()), &["Always"]);
        assert_eq!(
            e.to_string(),
            "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\""
        );
        let e = FieldError::required(
            FieldPath::fields(&["metadata", "name"]),
            "name or generateName is required",
        );
        assert_eq!(e.body(), "Required value: name or generateName is required");
        let e = FieldError::invalid(
            FieldPath::new("x"),
            BadValue::Int(-1),
            messages::IS_NEGATIVE,
        );
        assert_eq!(
            e.body(),
            "Invalid value: -1: must be greater than or equal to 0"
        );
        let e = FieldError::forbidden(FieldPath::new("x"), "");
        assert_eq!(e.body(), "Forbidden");
        let e = FieldError::duplicate(FieldPath::new("x"), BadValue::Str("web".into()));
        assert_eq!(e.body(), "Duplicate value: \"web\"");
    }
}
