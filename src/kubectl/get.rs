//! `kubectl get ds`, `kubectl get pods`, `kubectl get nodes` and `kubectl get events` tables
//! (printers.go `printDaemonSet`, `printPod`, `printNode`, `printEvent`; semantics R7.1–R7.3).
//!
//! Rows come in the API server's list order (namespace, then name), not input order. An empty
//! list is kubectl's `No resources found …` message, which kubectl writes to stderr.

use super::duration::human_duration;
use super::pod_status::{pod_ready, pod_status};
use super::tabwriter::Table;
use super::Output;
use crate::engine::Simulation;
use crate::model::labels::{format_label_selector, format_labels};
use crate::model::{ConditionStatus, DaemonSet, Event, Node, NodeConditionType, Pod, SimTime};

/// The kubelet version every simulated node reports in `kubectl get nodes` (the simulator's
/// messages follow Kubernetes ~v1.33, see engine/messages.rs).
pub const KUBELET_VERSION: &str = "v1.33.1";

/// Which namespaces a `get` lists: one (`-n NS`, default `default`) or all (`-A`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Scope {
    Namespace(String),
    AllNamespaces,
}

impl Scope {
    pub fn default_namespace() -> Self {
        Scope::Namespace("default".to_string())
    }

    pub fn includes(&self, namespace: &str) -> bool {
        match self {
            Scope::Namespace(ns) => ns == namespace,
            Scope::AllNamespaces => true,
        }
    }

    fn all(&self) -> bool {
        matches!(self, Scope::AllNamespaces)
    }

    /// kubectl's message for an empty namespaced list.
    pub fn no_resources(&self) -> String {
        match self {
            Scope::Namespace(ns) => format!("No resources found in {ns} namespace.\n"),
            Scope::AllNamespaces => "No resources found\n".to_string(),
        }
    }
}

/// The age of an object created at `created`, as the AGE column shows it.
pub fn age(now: SimTime, created: SimTime) -> String {
    human_duration(now.0 as i64 - created.0 as i64)
}

fn finish(table: Table, empty: String) -> Output {
    if table.is_empty() {
        Output::stderr(empty)
    } else {
        Output::stdout(table.render())
    }
}

/// `kubectl get ds [-o wide] [-A]`, over the DaemonSets `filter` keeps.
pub fn get_daemon_sets(
    sim: &Simulation,
    scope: &Scope,
    wide: bool,
    filter: impl Fn(&DaemonSet) -> bool,
) -> Output {
    let mut headers = vec![];
    if scope.all() {
        headers.push("NAMESPACE");
    }
    headers.extend([
        "NAME",
        "DESIRED",
        "CURRENT",
        "READY",
        "UP-TO-DATE",
        "AVAILABLE",
        "NODE SELECTOR",
        "AGE",
    ]);
    if wide {
        headers.extend(["CONTAINERS", "IMAGES", "SELECTOR"]);
    }
    let mut table = Table::new(headers);
    let mut dss: Vec<&DaemonSet> = sim
        .daemon_sets()
        .iter()
        .filter(|d| scope.includes(&d.namespace) && filter(d))
        .collect();
    dss.sort_by(|a, b| (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name)));
    for ds in dss {
        table.row(daemon_set_row(sim, ds, scope.all(), wide));
    }
    finish(table, scope.no_resources())
}

/// One `get ds` row.
pub fn daemon_set_row(
    sim: &Simulation,
    ds: &DaemonSet,
    namespace: bool,
    wide: bool,
) -> Vec<String> {
    let s = &ds.status;
    let mut row = vec![];
    if namespace {
        row.push(ds.namespace.clone());
    }
    row.extend([
        ds.name.clone(),
        s.desired_number_scheduled.to_string(),
        s.current_number_scheduled.to_string(),
        s.number_ready.to_string(),
        s.updated_number_scheduled.to_string(),
        s.number_available.to_string(),
        format_labels(&ds.template.spec.node_selector),
        age(sim.now(), ds.creation_timestamp),
    ]);
    if wide {
        let containers = &ds.template.spec.containers;
        row.push(
            containers
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join(","),
        );
        row.push(
            containers
                .iter()
                .map(|c| c.image.as_str())
                .collect::<Vec<_>>()
                .join(","),
        );
        row.push(format_label_selector(ds.selector.as_ref()));
    }
    row
}

/// `kubectl get pods [-o wide] [-A]`, over the pods `filter` keeps.
pub fn get_pods(
    sim: &Simulation,
    scope: &Scope,
    wide: bool,
    filter: impl Fn(&Pod) -> bool,
) -> Output {
    let mut headers = vec![];
    if scope.all() {
        headers.push("NAMESPACE");
    }
    headers.extend(["NAME", "READY", "STATUS", "RESTARTS", "AGE"]);
    if wide {
        headers.extend(["IP", "NODE", "NOMINATED NODE", "READINESS GATES"]);
    }
    let mut table = Table::new(headers);
    // `Simulation::pods` iterates by namespace, then name: the API server's order.
    for pod in sim
        .pods()
        .filter(|p| scope.includes(&p.namespace) && filter(p))
    {
        table.row(pod_row(sim, pod, scope.all(), wide));
    }
    finish(table, scope.no_resources())
}

/// One `get pods` row.
pub fn pod_row(sim: &Simulation, pod: &Pod, namespace: bool, wide: bool) -> Vec<String> {
    let mut row = vec![];
    if namespace {
        row.push(pod.namespace.clone());
    }
    row.extend([
        pod.name.clone(),
        pod_ready(pod),
        pod_status(pod),
        pod.status.restart_count.to_string(),
        age(sim.now(), pod.creation_timestamp),
    ]);
    if wide {
        row.push(pod.status.pod_ip.clone().unwrap_or_else(none));
        row.push(pod.spec.node_name.clone().unwrap_or_else(none));
        row.push(none());
        row.push(none());
    }
    row
}

fn none() -> String {
    "<none>".to_string()
}

/// `kubectl get nodes`, over the nodes `filter` keeps.
pub fn get_nodes(sim: &Simulation, filter: impl Fn(&Node) -> bool) -> Output {
    let mut table = Table::new(["NAME", "STATUS", "ROLES", "AGE", "VERSION"]);
    let mut nodes: Vec<&Node> = sim.nodes().iter().filter(|n| filter(n)).collect();
    nodes.sort_by(|a, b| a.name.cmp(&b.name));
    for node in nodes {
        table.row([
            node.name.clone(),
            node_status(node),
            node_roles(node),
            age(sim.now(), node.creation_timestamp),
            KUBELET_VERSION.to_string(),
        ]);
    }
    finish(table, "No resources found\n".to_string())
}

/// The STATUS column of `get nodes`: `Ready`, `NotReady`, plus `SchedulingDisabled` when
/// cordoned. A node without a Ready condition counts as Ready here (the CLI contract).
pub fn node_status(node: &Node) -> String {
    let mut status = vec![match node.condition(NodeConditionType::Ready) {
        ConditionStatus::True => "Ready",
        ConditionStatus::False | ConditionStatus::Unknown => "NotReady",
    }];
    if node.unschedulable {
        status.push("SchedulingDisabled");
    }
    status.join(",")
}

/// The ROLES column (`findNodeRoles`): the suffixes of `node-role.kubernetes.io/<role>` labels and
/// the value of `kubernetes.io/role`, sorted, or `<none>`.
pub fn node_roles(node: &Node) -> String {
    let mut roles: Vec<&str> = vec![];
    for (k, v) in &node.labels {
        if let Some(role) = k.strip_prefix("node-role.kubernetes.io/") {
            if !role.is_empty() {
                roles.push(role);
            }
        } else if k == "kubernetes.io/role" && !v.is_empty() {
            roles.push(v);
        }
    }
    roles.sort();
    roles.dedup();
    if roles.is_empty() {
        none()
    } else {
        roles.join(",")
    }
}

/// The OBJECT column of `kubectl get events`: `pod/fluentd-x8k2p`, `daemonset/fluentd`.
pub fn event_object(event: &Event) -> String {
    format!("{}/{}", event.object.kind.to_lowercase(), event.object.name)
}

/// `kubectl get events` over the given events (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE), in
/// the order given; with `namespace` a NAMESPACE column comes first.
pub fn get_events(now: SimTime, events: &[Event], namespace: bool) -> Output {
    let mut headers = vec![];
    if namespace {
        headers.push("NAMESPACE");
    }
    headers.extend(["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]);
    let mut table = Table::new(headers);
    for e in events {
        let mut row = vec![];
        if namespace {
            row.push(e.object.namespace.to_string());
        }
        row.extend([
            human_duration(now.0 as i64 - e.time.0 as i64),
            e.event_type.as_str().to_string(),
            e.reason.to_string(),
            event_object(e),
            e.message.to_string(),
        ]);
        table.row(row);
    }
    finish(table, "No resources found\n".to_string())
}
