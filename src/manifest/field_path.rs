//! Field paths as the API server prints them (`spec.template.spec.containers[0].name`,
//! `spec.template.spec.containers[0].resources.requests[cpu]`): a port of apimachinery's
//! `field.Path` (staging/src/k8s.io/apimachinery/pkg/util/validation/field/path.go).
//!
//! A path is both what an error message names and, segment by segment, a way back into the
//! located YAML tree. Deliberately absent: parsing a path back from its text.

use std::fmt;

/// One step of a field path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A struct field (`.name`).
    Field(String),
    /// A list index (`[0]`).
    Index(usize),
    /// A map key (`[cpu]`).
    Key(String),
}

/// A field path; the empty path is the object root.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct FieldPath {
    segments: Vec<Segment>,
}

impl FieldPath {
    /// The object root.
    pub fn root() -> Self {
        FieldPath::default()
    }

    /// `field.NewPath(name)`.
    pub fn new(name: &str) -> Self {
        FieldPath::root().child(name)
    }

    /// A path from `a.b.c`-style dotted field names (no indexes).
    pub fn fields(names: &[&str]) -> Self {
        names
            .iter()
            .fold(FieldPath::root(), |path, name| path.child(name))
    }

    /// `Path.Child(name)`.
    pub fn child(&self, name: &str) -> Self {
        self.with(Segment::Field(name.to_string()))
    }

    /// `Path.Index(i)`.
    pub fn index(&self, index: usize) -> Self {
        self.with(Segment::Index(index))
    }

    /// `Path.Key(k)`.
    pub fn key(&self, key: &str) -> Self {
        self.with(Segment::Key(key.to_string()))
    }

    /// This path followed by every segment of `other`.
    pub fn join(&self, other: &FieldPath) -> Self {
        let mut segments = self.segments.clone();
        segments.extend(other.segments.iter().cloned());
        FieldPath { segments }
    }

    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    fn with(&self, segment: Segment) -> Self {
        let mut segments = self.segments.clone();
        segments.push(segment);
        FieldPath { segments }
    }
}

impl From<Vec<Segment>> for FieldPath {
    fn from(segments: Vec<Segment>) -> Self {
        FieldPath { segments }
    }
}

impl fmt::Display for FieldPath {
    /// `Path.String()`: fields joined by `.`, indexes and keys as `[x]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Field(name) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(name)?;
                }
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Key(key) => write!(f, "[{key}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_field_path_string() {
        let containers = FieldPath::fields(&["spec", "template", "spec", "containers"]);
        assert_eq!(
            containers.index(0).child("name").to_string(),
            "spec.template.spec.containers[0].name"
        );
        assert_eq!(
            containers
                .index(1)
                .child("resources")
                .child("requests")
                .key("cpu")
                .to_string(),
            "spec.template.spec.containers[1].resources.requests[cpu]"
        );
        assert_eq!(
            FieldPath::root().index(2).child("kind").to_string(),
            "[2].kind"
        );
        assert_eq!(FieldPath::root().to_string(), "");
    }
}
