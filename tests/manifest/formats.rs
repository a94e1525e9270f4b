//! Input forms: JSON documents, Lists, CRLF line endings, comments and empty documents.

use super::check::check;
use daemonset_playground::manifest::{load, Object};

#[test]
fn json_documents_load() {
    let text = r#"{"apiVersion": "v1", "kind": "Node", "metadata": {"name": "node-1", "labels": {"disktype": "ssd"}}}"#;
    let loaded = load(text);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let Object::Node(node) = &loaded.objects[0].object else {
        panic!("a node")
    };
    assert_eq!(node.labels.get("disktype").map(String::as_str), Some("ssd"));
}

#[test]
fn lists_load_every_item_with_its_line() {
    let text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Node\n  metadata:\n    name: node-1\n- apiVersion: v1\n  kind: Node\n  metadata:\n    name: node-2\n";
    let loaded = load(text);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let lines: Vec<Option<usize>> = loaded.objects.iter().map(|o| o.line).collect();
    assert_eq!(lines, vec![Some(4), Some(8)]);
    assert!(loaded.objects.iter().all(|o| o.document == 0));
}

#[test]
fn documents_are_numbered_in_stream_order_and_lines_are_absolute() {
    let text = "# the cluster\n---\napiVersion: v1\nkind: Node\nmetadata:\n  name: node-1\n---\n\n---\napiVersion: v1\nkind: Node\nmetadata:\n  name: node-2\n";
    let loaded = load(text);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let placed: Vec<(usize, Option<usize>)> = loaded
        .objects
        .iter()
        .map(|o| (o.document, o.line))
        .collect();
    assert_eq!(placed, vec![(1, Some(3)), (2, Some(10))]);
}

#[test]
fn crlf_line_endings_read_like_lf() {
    let text = "apiVersion: v1\r\nkind: Node\r\nmetadata:\r\n  name: node-1\r\nspec:\r\n  taints:\r\n  - key: k\r\n    effect: NoRun\r\n---\r\napiVersion: v1\r\nkind: Node\r\nmetadata:\r\n  name: node-2\r\n";
    check(
        text,
        "The Node \"node-1\" is invalid: metadata.taints[0].effect: Unsupported value: \"NoRun\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"\n@8 metadata.taints[0].effect\n",
    );
    assert_eq!(load(text).objects.len(), 1);
}

#[test]
fn a_wrongly_typed_spec_is_a_decoding_error() {
    check(
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\nspec: nothing\n",
        "Error from server (BadRequest): error when creating \"ds.yaml\": DaemonSet in version \"v1\" cannot be handled as a DaemonSet: json: cannot unmarshal string into Go struct field DaemonSet.spec of type v1.DaemonSetSpec\n@5 spec\n",
    );
}
