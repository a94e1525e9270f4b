//! Reading what a user types into the page's node forms: node names, `key=value` labels,
//! `key=value:Effect` taints and resource quantities, with the API server's (or kubectl's) error
//! wording, and the presets of the "add node" kinds (kubeadm's control-plane label and taint).
//!
//! Deliberately absent: applying anything (that is `AppState::update`) and any DOM.

use crate::model::{Labels, NodeName, Quantity, ResourceList, Taint, TaintEffect};

/// What kind of node "add node" creates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// A kubeadm worker: hostname and os labels, as the default cluster's workers.
    Worker,
    /// A kubeadm control-plane node: also the role label, the load-balancer exclusion label
    /// and the `node-role.kubernetes.io/control-plane:NoSchedule` taint.
    ControlPlane,
    /// Only the hostname label plus what the user gives.
    Custom,
}

impl NodeKind {
    pub const ALL: [NodeKind; 3] = [NodeKind::Worker, NodeKind::ControlPlane, NodeKind::Custom];

    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Worker => "worker",
            NodeKind::ControlPlane => "control-plane",
            NodeKind::Custom => "custom",
        }
    }

    pub fn parse(text: &str) -> Option<NodeKind> {
        NodeKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

pub const CONTROL_PLANE_ROLE: &str = "node-role.kubernetes.io/control-plane";
const EXCLUDE_LB: &str = "node.kubernetes.io/exclude-from-external-load-balancers";

/// The labels and taints a node of `kind` named `name` starts with.
pub fn preset(kind: NodeKind, name: &NodeName) -> (Labels, Vec<Taint>) {
    let mut labels = Labels::new();
    labels.insert("kubernetes.io/hostname".into(), name.0.clone());
    let mut taints = Vec::new();
    if kind != NodeKind::Custom {
        labels.insert("kubernetes.io/os".into(), "linux".into());
    }
    if kind == NodeKind::ControlPlane {
        labels.insert(CONTROL_PLANE_ROLE.into(), String::new());
        labels.insert(EXCLUDE_LB.into(), String::new());
        taints.push(Taint::new(CONTROL_PLANE_ROLE, "", TaintEffect::NoSchedule));
    }
    (labels, taints)
}

/// A name for a new node of `kind` that no node has yet. Workers follow the cluster's own
/// `<prefix><n>` naming (`node03` after `node02`, `worker-5` after `worker-4`); otherwise
/// `worker-1`, `control-plane-2`, `node-3`.
pub fn suggest_name<'a>(kind: NodeKind, existing: impl IntoIterator<Item = &'a str>) -> NodeName {
    let existing: Vec<&str> = existing.into_iter().collect();
    if kind == NodeKind::Worker {
        // (prefix, number, digits) of every `<prefix><n>` name that is not a control plane.
        let numbered: Vec<(&str, u64, usize)> = existing
            .iter()
            .filter(|n| !n.contains("control") && !n.contains("master"))
            .filter_map(|n| {
                let digits = n.len() - n.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                let number = n[n.len() - digits..].parse().ok()?;
                Some((&n[..n.len() - digits], number, digits))
            })
            .collect();
        if let Some(&(prefix, _, width)) = numbered.last() {
            let next = numbered
                .iter()
                .filter(|(p, _, _)| *p == prefix)
                .map(|(_, n, _)| n + 1)
                .max()
                .unwrap_or(1);
            return (next..)
                .map(|i| format!("{prefix}{i:0width$}"))
                .find(|n| !existing.contains(&n.as_str()))
                .map(NodeName)
                .unwrap_or_default();
        }
    }
    let base = match kind {
        NodeKind::Worker => "worker-",
        NodeKind::ControlPlane => "control-plane-",
        NodeKind::Custom => "node-",
    };
    (1..)
        .map(|i| format!("{base}{i}"))
        .find(|n| !existing.contains(&n.as_str()))
        .map(NodeName)
        .unwrap_or_default()
}

const DNS1123_SUBDOMAIN_FMT: &str =
    "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
const QUALIFIED_NAME_FMT: &str = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_VALUE_FMT: &str = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";

fn is_dns1123_subdomain(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !part.starts_with('-')
                && !part.ends_with('-')
        })
}

fn is_qualified_name_part(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && s.as_bytes()[0].is_ascii_alphanumeric()
        && s.as_bytes()[s.len() - 1].is_ascii_alphanumeric()
}

/// The subdomain error body (`validation.IsDNS1123Subdomain`).
fn dns1123_subdomain_error() -> String {
    format!(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or \
         '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex \
         used for validation is '{DNS1123_SUBDOMAIN_FMT}')"
    )
}

/// `metadata.name` of a new node, with the API server's message when it is invalid.
pub fn parse_node_name(text: &str) -> Result<NodeName, String> {
    let name = text.trim();
    if name.is_empty() {
        return Err(
            "The Node \"\" is invalid: metadata.name: Required value: name or generateName is required"
                .to_string(),
        );
    }
    if !is_dns1123_subdomain(name) {
        return Err(format!(
            "The Node \"{name}\" is invalid: metadata.name: Invalid value: \"{name}\": {}",
            dns1123_subdomain_error()
        ));
    }
    Ok(NodeName(name.to_string()))
}

/// Errors of a label key (`validation.IsQualifiedName`), each a message body.
pub fn label_key_errors(key: &str) -> Vec<String> {
    let mut errors = Vec::new();
    let (prefix, name) = match key.split_once('/') {
        Some((p, n)) => (Some(p), n),
        None => (None, key),
    };
    if name.split('/').count() > 1 || key.matches('/').count() > 1 {
        errors.push(format!(
            "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must \
             start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or \
             '123-abc', regex used for validation is '{QUALIFIED_NAME_FMT}') with an optional DNS \
             subdomain prefix and '/' (e.g. 'example.com/MyName')"
        ));
        return errors;
    }
    if let Some(prefix) = prefix {
        if prefix.is_empty() {
            errors.push("prefix part must be non-empty".to_string());
        } else if !is_dns1123_subdomain(prefix) {
            errors.push(format!("prefix part {}", dns1123_subdomain_error()));
        }
    }
    if name.is_empty() {
        errors.push("name part must be non-empty".to_string());
    } else if name.len() > 63 {
        errors.push("name part must be no more than 63 bytes".to_string());
    } else if !is_qualified_name_part(name) {
        errors.push(format!(
            "name part must consist of alphanumeric characters, '-', '_' or '.', and must start \
             and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', \
             regex used for validation is '{QUALIFIED_NAME_FMT}')"
        ));
    }
    errors
}

/// Errors of a label value (`validation.IsValidLabelValue`), each a message body.
pub fn label_value_errors(value: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if value.len() > 63 {
        errors.push("must be no more than 63 bytes".to_string());
    }
    if !value.is_empty() && !is_qualified_name_part(value) {
        errors.push(format!(
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' \
             or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or \
             'my_value',  or '12345', regex used for validation is '{LABEL_VALUE_FMT}')"
        ));
    }
    errors
}

/// Validates one label for node `node`, as the API server reports it on update.
pub fn check_label(node: &str, key: &str, value: &str) -> Result<(), String> {
    let mut causes: Vec<String> = label_key_errors(key)
        .into_iter()
        .map(|e| format!("metadata.labels: Invalid value: \"{key}\": {e}"))
        .collect();
    causes.extend(
        label_value_errors(value)
            .into_iter()
            .map(|e| format!("metadata.labels: Invalid value: \"{value}\": {e}")),
    );
    invalid("Node", node, causes)
}

/// `The Node "n" is invalid: <cause>` or `…: \n* c1\n* c2` (R6.2), or `Ok` without causes.
fn invalid(kind: &str, name: &str, causes: Vec<String>) -> Result<(), String> {
    match causes.len() {
        0 => Ok(()),
        1 => Err(format!("The {kind} \"{name}\" is invalid: {}", causes[0])),
        _ => Err(format!(
            "The {kind} \"{name}\" is invalid: \n{}",
            causes
                .iter()
                .map(|c| format!("* {c}"))
                .collect::<Vec<_>>()
                .join("\n")
        )),
    }
}

/// One `key=value` (or bare `key`, an empty value) label line.
pub fn parse_label(text: &str) -> Result<(String, String), String> {
    let text = text.trim();
    let (key, value) = text.split_once('=').unwrap_or((text, ""));
    let (key, value) = (key.trim(), value.trim());
    let mut errors = label_key_errors(key);
    errors.extend(label_value_errors(value));
    if errors.is_empty() {
        Ok((key.to_string(), value.to_string()))
    } else {
        Err(format!("invalid label spec: {text}: {}", errors.join("; ")))
    }
}

/// Labels from a text with one `key=value` per line or comma-separated; blank lines skipped.
pub fn parse_labels(text: &str) -> Result<Labels, String> {
    let mut labels = Labels::new();
    for item in text
        .split(['\n', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let (k, v) = parse_label(item)?;
        labels.insert(k, v);
    }
    Ok(labels)
}

/// One taint in kubectl's syntax: `key=value:Effect` or `key:Effect` (`kubectl taint`).
pub fn parse_taint(text: &str) -> Result<Taint, String> {
    let spec = text.trim();
    let Some((kv, effect)) = spec.rsplit_once(':') else {
        return Err(format!("invalid taint spec: {spec}"));
    };
    let (key, value) = kv.split_once('=').unwrap_or((kv, ""));
    let Some(effect) = TaintEffect::parse(effect.trim()) else {
        return Err(format!(
            "invalid taint effect: {}, unsupported taint effect",
            effect.trim()
        ));
    };
    let mut errors = label_key_errors(key.trim());
    errors.extend(label_value_errors(value.trim()));
    if !errors.is_empty() {
        return Err(format!("invalid taint spec: {spec}, {}", errors.join("; ")));
    }
    Ok(Taint::new(key.trim(), value.trim(), effect))
}

/// Taints, one per line or comma-separated; blank lines skipped.
pub fn parse_taints(text: &str) -> Result<Vec<Taint>, String> {
    text.split(['\n', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(parse_taint)
        .collect()
}

/// Allocatable from the three form fields; empty fields are left out, all empty means no limit.
pub fn parse_allocatable(
    cpu: &str,
    memory: &str,
    pods: &str,
) -> Result<Option<ResourceList>, String> {
    let mut list = ResourceList::new();
    for (name, text) in [("cpu", cpu), ("memory", memory), ("pods", pods)] {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let q = Quantity::parse(text)
            .map_err(|e| format!("status.allocatable[{name}]: Invalid value: \"{text}\": {e}"))?;
        if q.milli < 0 {
            return Err(format!(
                "status.allocatable[{name}]: Invalid value: \"{text}\": must be greater than or equal to 0"
            ));
        }
        list.insert(name.to_string(), q);
    }
    Ok((!list.is_empty()).then_some(list))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taints_parse_in_kubectl_syntax() {
        let t = parse_taint("dedicated=gpu:NoSchedule").unwrap();
        assert_eq!(t.to_kubectl_string(), "dedicated=gpu:NoSchedule");
        let t = parse_taint("node-role.kubernetes.io/control-plane:NoSchedule").unwrap();
        assert_eq!(
            (t.key.as_str(), t.value.as_str()),
            ("node-role.kubernetes.io/control-plane", "")
        );
        assert_eq!(
            parse_taint("a=b:Sometimes").unwrap_err(),
            "invalid taint effect: Sometimes, unsupported taint effect"
        );
        assert_eq!(
            parse_taint("novalue").unwrap_err(),
            "invalid taint spec: novalue"
        );
    }

    #[test]
    fn labels_are_validated_as_the_api_server_does() {
        assert_eq!(
            parse_labels("disktype=ssd\nzone = a, gpu").unwrap(),
            [("disktype", "ssd"), ("gpu", ""), ("zone", "a")]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        );
        assert!(parse_label("bad key=x").is_err());
        assert!(check_label("n", "ok", "-bad").unwrap_err().starts_with(
            "The Node \"n\" is invalid: metadata.labels: Invalid value: \"-bad\": a valid label"
        ));
        assert!(check_label("n", "example.com/ok", "fine").is_ok());
    }

    #[test]
    fn node_names_must_be_subdomains() {
        assert_eq!(
            parse_node_name(" worker-9 ").unwrap(),
            NodeName("worker-9".into())
        );
        assert!(parse_node_name("Worker_9").unwrap_err().contains(
            "metadata.name: Invalid value: \"Worker_9\": a lowercase RFC 1123 subdomain"
        ));
    }

    #[test]
    fn suggested_names_follow_the_cluster() {
        let existing = ["control-plane", "node01", "node02"];
        assert_eq!(suggest_name(NodeKind::Worker, existing).0, "node03");
        let existing = ["control-plane", "worker-1", "worker-2"];
        assert_eq!(suggest_name(NodeKind::Worker, existing).0, "worker-3");
        assert_eq!(
            suggest_name(NodeKind::ControlPlane, existing).0,
            "control-plane-1"
        );
    }

    #[test]
    fn control_plane_preset_is_kubeadms() {
        let (labels, taints) = preset(NodeKind::ControlPlane, &NodeName("cp".into()));
        assert_eq!(labels.get(CONTROL_PLANE_ROLE).map(String::as_str), Some(""));
        assert_eq!(
            taints[0].to_kubectl_string(),
            "node-role.kubernetes.io/control-plane:NoSchedule"
        );
    }

    #[test]
    fn allocatable_fields() {
        assert_eq!(parse_allocatable("", "", "").unwrap(), None);
        let a = parse_allocatable("2", "4Gi", "110").unwrap().unwrap();
        assert_eq!(a["cpu"].milli, 2000);
        assert!(parse_allocatable("two", "", "").is_err());
    }
}
