//! A located YAML parse: the shape of each document with the line and column of every key and
//! item, so that a field path (`spec.template.spec.containers[0].name`) maps back to the line the
//! editor underlines. Built from yaml-rust2's event stream with an explicit stack (no recursion)
//! and without expanding aliases (an alias points at its anchor's node), so it is linear in the
//! input. It is only ever run on text that serde_yaml has already parsed, which keeps yaml-rust2
//! away from inputs that could trip it.
//!
//! It also restores the YAML 1.1 booleans that kubectl's goyaml.v2 reads (`yes`, `no`, `on`,
//! `off`, `y`, `n`, in any of their spellings) where serde_yaml (YAML 1.2) sees strings: only
//! plain scalars count, never quoted ones, and only in values, as goyaml would convert them.

use super::field_path::{FieldPath, Segment};
use serde_json::Value;
use std::collections::HashMap;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// A 1-based line and column within the parsed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    fn from_marker(mark: Marker) -> Self {
        Position {
            line: mark.line().max(1),
            column: mark.col() + 1,
        }
    }
}

#[derive(Debug)]
enum Kind {
    /// Entries in document order: key text, key position, value node.
    Map(Vec<(String, Position, Option<usize>)>),
    Seq(Vec<usize>),
    Scalar {
        text: String,
        plain: bool,
    },
    Alias(Option<usize>),
}

#[derive(Debug)]
struct Node {
    position: Position,
    kind: Kind,
}

/// One located document.
#[derive(Debug, Default)]
pub(crate) struct LocatedDoc {
    nodes: Vec<Node>,
    root: Option<usize>,
}

/// Most alias hops followed while walking a path (an alias to an alias to …).
const MAX_ALIAS_HOPS: usize = 8;

impl LocatedDoc {
    fn resolve(&self, mut id: usize) -> Option<usize> {
        for _ in 0..MAX_ALIAS_HOPS {
            match &self.nodes.get(id)?.kind {
                Kind::Alias(Some(target)) => id = *target,
                Kind::Alias(None) => return None,
                _ => return Some(id),
            }
        }
        None
    }

    /// The position of the deepest node along `path` that exists: the key's position for a
    /// map entry, the item's position for a list item; the nearest existing parent otherwise.
    pub fn locate(&self, path: &FieldPath) -> Option<Position> {
        let mut id = self.root?;
        let mut position = self.nodes.get(id)?.position;
        for segment in path.segments() {
            let Some(current) = self.resolve(id) else {
                break;
            };
            let Some(node) = self.nodes.get(current) else {
                break;
            };
            match (segment, &node.kind) {
                (Segment::Field(key) | Segment::Key(key), Kind::Map(entries)) => {
                    // The last duplicate wins, as in the converted JSON.
                    let Some((_, key_position, value)) =
                        entries.iter().rev().find(|(k, _, _)| k == key)
                    else {
                        break;
                    };
                    position = *key_position;
                    match value {
                        Some(v) => id = *v,
                        None => break,
                    }
                }
                (Segment::Index(i), Kind::Seq(items)) => {
                    let Some(item) = items.get(*i) else {
                        break;
                    };
                    id = *item;
                    if let Some(n) = self.nodes.get(*item) {
                        position = n.position;
                    }
                }
                _ => break,
            }
        }
        Some(position)
    }

    /// Turns plain YAML 1.1 booleans that serde_yaml kept as strings into JSON booleans.
    pub fn apply_yaml11_booleans(&self, value: &mut Value) {
        let Some(root) = self.root else {
            return;
        };
        // Explicit stack: (node, json value pointer path) would need unsafe aliasing, so walk
        // recursively but bounded by the JSON depth, which yaml_doc already capped.
        self.fix(root, value, 0);
    }

    fn fix(&self, id: usize, value: &mut Value, depth: usize) {
        if depth > super::yaml_doc::MAX_DEPTH + MAX_ALIAS_HOPS {
            return;
        }
        let Some(id) = self.resolve(id) else {
            return;
        };
        let Some(node) = self.nodes.get(id) else {
            return;
        };
        match (&node.kind, value) {
            (Kind::Map(entries), Value::Object(object)) => {
                let mut seen: Vec<&str> = Vec::new();
                for (key, _, child) in entries.iter().rev() {
                    if seen.contains(&key.as_str()) {
                        continue;
                    }
                    seen.push(key);
                    if let (Some(child), Some(v)) = (child, object.get_mut(key)) {
                        self.fix(*child, v, depth + 1);
                    }
                }
            }
            (Kind::Seq(items), Value::Array(array)) => {
                for (child, v) in items.iter().zip(array.iter_mut()) {
                    self.fix(*child, v, depth + 1);
                }
            }
            (Kind::Scalar { text, plain: true }, v @ Value::String(_)) => {
                if let Some(b) = yaml11_bool(text) {
                    if v.as_str() == Some(text.as_str()) {
                        *v = Value::Bool(b);
                    }
                }
            }
            _ => {}
        }
    }
}

/// goyaml.v2's boolean spellings that YAML 1.2 reads as strings.
fn yaml11_bool(text: &str) -> Option<bool> {
    match text {
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "True" | "TRUE" => Some(true),
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

enum Frame {
    Map {
        id: usize,
        pending_key: Option<(String, Position)>,
        is_key: bool,
    },
    Seq {
        id: usize,
        is_key: bool,
    },
}

/// Parses every document of `text`; `None` when yaml-rust2 disagrees with serde_yaml (then
/// lines fall back to the document start).
pub(crate) fn parse(text: &str) -> Option<Vec<LocatedDoc>> {
    let mut parser = Parser::new_from_str(text);
    let mut docs = Vec::new();
    let mut doc = LocatedDoc::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, usize> = HashMap::new();
    // Events are at most a few per input byte; the cap turns any parser loop into a failure.
    let max_events = text.len().saturating_mul(4).saturating_add(64);
    for _ in 0..max_events {
        let (event, mark) = parser.next_token().ok()?;
        let position = Position::from_marker(mark);
        match event {
            Event::StreamEnd => return Some(docs),
            Event::StreamStart | Event::Nothing => {}
            Event::DocumentStart => {
                doc = LocatedDoc::default();
                stack.clear();
                anchors.clear();
            }
            Event::DocumentEnd => docs.push(std::mem::take(&mut doc)),
            Event::Scalar(text, style, anchor, _tag) => {
                let plain = style == TScalarStyle::Plain;
                if attach_key(&mut stack, &text, position) {
                    continue;
                }
                let id = push(&mut doc, position, Kind::Scalar { text, plain });
                remember(&mut anchors, anchor, id);
                attach_value(&mut doc, &mut stack, id)?;
            }
            Event::Alias(anchor) => {
                let target = anchors.get(&anchor).copied();
                if attach_key(&mut stack, "", position) {
                    continue;
                }
                let id = push(&mut doc, position, Kind::Alias(target));
                attach_value(&mut doc, &mut stack, id)?;
            }
            Event::MappingStart(anchor, _tag) => {
                let is_key = is_key_position(&stack);
                let id = push(&mut doc, position, Kind::Map(Vec::new()));
                remember(&mut anchors, anchor, id);
                stack.push(Frame::Map {
                    id,
                    pending_key: None,
                    is_key,
                });
            }
            Event::SequenceStart(anchor, _tag) => {
                let is_key = is_key_position(&stack);
                let id = push(&mut doc, position, Kind::Seq(Vec::new()));
                remember(&mut anchors, anchor, id);
                stack.push(Frame::Seq { id, is_key });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let (id, is_key) = match stack.pop()? {
                    Frame::Map { id, is_key, .. } | Frame::Seq { id, is_key } => (id, is_key),
                };
                // yaml-rust2 marks a block mapping where it recognised its first key (at the
                // colon); the first key's own position is what an editor should point at.
                if let Some(node) = doc.nodes.get_mut(id) {
                    if let Kind::Map(entries) = &node.kind {
                        if let Some((_, first_key, _)) = entries.first() {
                            node.position = *first_key;
                        }
                    }
                }
                if is_key {
                    // A complex key: keep its position, not its shape.
                    let key_position = doc.nodes.get(id).map(|n| n.position)?;
                    if let Some(Frame::Map { pending_key, .. }) = stack.last_mut() {
                        *pending_key = Some((String::new(), key_position));
                    }
                } else {
                    attach_value(&mut doc, &mut stack, id)?;
                }
            }
        }
    }
    None
}

fn push(doc: &mut LocatedDoc, position: Position, kind: Kind) -> usize {
    doc.nodes.push(Node { position, kind });
    doc.nodes.len() - 1
}

fn remember(anchors: &mut HashMap<usize, usize>, anchor: usize, id: usize) {
    if anchor > 0 {
        anchors.insert(anchor, id);
    }
}

/// Whether the next node is a mapping key.
fn is_key_position(stack: &[Frame]) -> bool {
    matches!(
        stack.last(),
        Some(Frame::Map {
            pending_key: None,
            ..
        })
    )
}

/// Records a scalar as the pending key of the enclosing mapping, if it is one.
fn attach_key(stack: &mut [Frame], text: &str, position: Position) -> bool {
    if let Some(Frame::Map { pending_key, .. }) = stack.last_mut() {
        if pending_key.is_none() {
            *pending_key = Some((text.to_string(), position));
            return true;
        }
    }
    false
}

/// Attaches a finished value node to its parent (or makes it the root).
fn attach_value(doc: &mut LocatedDoc, stack: &mut [Frame], id: usize) -> Option<()> {
    match stack.last_mut() {
        None => {
            doc.root = Some(id);
        }
        Some(Frame::Map {
            id: map,
            pending_key,
            ..
        }) => {
            let (key, key_position) = pending_key.take()?;
            if let Some(Node {
                kind: Kind::Map(entries),
                ..
            }) = doc.nodes.get_mut(*map)
            {
                entries.push((key, key_position, Some(id)));
            }
        }
        Some(Frame::Seq { id: seq, .. }) => {
            if let Some(Node {
                kind: Kind::Seq(items),
                ..
            }) = doc.nodes.get_mut(*seq)
            {
                items.push(id);
            }
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locate(text: &str, path: &FieldPath) -> Option<(usize, usize)> {
        let docs = parse(text)?;
        docs.first()?.locate(path).map(|p| (p.line, p.column))
    }

    const DS: &str = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: nginx\n      - name: b\n";

    #[test]
    fn maps_paths_to_key_and_item_lines() {
        let containers = FieldPath::fields(&["spec", "template", "spec", "containers"]);
        assert_eq!(
            locate(DS, &FieldPath::fields(&["metadata", "name"])),
            Some((4, 3))
        );
        assert_eq!(locate(DS, &containers.index(1)), Some((11, 9)));
        assert_eq!(
            locate(DS, &containers.index(0).child("image")),
            Some((10, 9))
        );
        // A missing field points at its nearest existing parent.
        assert_eq!(
            locate(DS, &containers.index(1).child("image")),
            Some((11, 9))
        );
        assert_eq!(locate(DS, &FieldPath::root()), Some((1, 1)));
    }

    #[test]
    fn aliases_are_followed_not_expanded() {
        let text = "a: &x\n  b: 1\nc: *x\n";
        assert_eq!(locate(text, &FieldPath::fields(&["c", "b"])), Some((2, 3)));
    }

    #[test]
    fn plain_yaml11_booleans_become_booleans() {
        let text = "a: yes\nb: \"yes\"\nc: [on, off]\nd: maybe\n";
        let docs = parse(text).expect("parses");
        let mut v = serde_json::json!({"a": "yes", "b": "yes", "c": ["on", "off"], "d": "maybe"});
        docs[0].apply_yaml11_booleans(&mut v);
        assert_eq!(
            v,
            serde_json::json!({"a": true, "b": "yes", "c": [true, false], "d": "maybe"})
        );
    }
}
