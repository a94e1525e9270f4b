//! The default scheduler as it treats a daemon pod, pinned to one node by its injected affinity
//! (semantics R1.10, R1.11): NodeAffinity's PreFilter rejects every other node, then the target
//! node runs the filters in the default profile's order — NodeUnschedulable, TaintToleration,
//! NodeAffinity, NodePorts, NodeResourcesFit. A pod that fits is bound (`Scheduled`); one that
//! does not stays Pending with a `FailedScheduling` event in upstream's `FitError` format.
//!
//! Deliberately absent: scoring (one candidate), volumes and DRA, and real preemption: the
//! post-filter message is produced (no victims are ever found), nothing is evicted.

use super::{messages, PodKey, Simulation, Stage};
use crate::model::{
    effective_requests_of, EventType, Node, Pod, PodSpec, ResourceList, Taint, TaintEffect,
    Toleration,
};
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

/// What is already placed on one node, as the scheduler's `NodeInfo` counts it.
#[derive(Clone, Debug, Default)]
pub struct NodeUsage {
    pub pods: i64,
    /// Requested milli-units per resource name.
    pub requested: Requested,
    /// (host port, protocol, host IP) in use.
    pub host_ports: Vec<(i32, String, String)>,
}

/// Resource name → requested milli-units on one node. Nearly every pod requests cpu and memory,
/// so those two are fields; the rest is a short list scanned by name. The scheduler reads and
/// updates it for every pod it binds, and a field costs no string comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Requested {
    cpu: Option<i64>,
    memory: Option<i64>,
    others: Vec<(String, i64)>,
}

impl Requested {
    /// The milli-units requested of `name`, if any pod requested it.
    pub fn get(&self, name: &str) -> Option<i64> {
        match name {
            "cpu" => self.cpu,
            "memory" => self.memory,
            _ => self.others.iter().find(|(n, _)| n == name).map(|(_, m)| *m),
        }
    }

    /// Adds `milli` (negative to take off) to what is requested of `name`.
    pub fn add(&mut self, name: &str, milli: i64) {
        let field = match name {
            "cpu" => &mut self.cpu,
            "memory" => &mut self.memory,
            _ => {
                match self.others.iter_mut().find(|(n, _)| n == name) {
                    Some((_, total)) => *total += milli,
                    None => self.others.push((name.to_string(), milli)),
                }
                return;
            }
        };
        *field.get_or_insert(0) += milli;
    }
}

/// A node's `status.allocatable` as NodeResourcesFit reads it, in milli-units: cpu, memory and
/// the pod count as fields, the rest by name. Made once per node change
/// (`Simulation::allocatables`), so that the filter reads a few numbers instead of the node's
/// resource map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Allocatable {
    /// `None` allocatable: no limit at all (the CLI contract).
    limited: bool,
    cpu: i64,
    memory: i64,
    /// `pods` in whole units (`Quantity.Value`).
    pods: i64,
    others: Vec<(String, i64)>,
}

impl Allocatable {
    pub(crate) fn of(list: Option<&ResourceList>) -> Self {
        let Some(list) = list else {
            return Allocatable::default();
        };
        let milli = |name: &str| list.get(name).map_or(0, |q| q.milli);
        Allocatable {
            limited: true,
            cpu: milli("cpu"),
            memory: milli("memory"),
            pods: list.get("pods").map_or(0, |q| q.value()),
            others: list
                .iter()
                .filter(|(n, _)| !matches!(n.as_str(), "cpu" | "memory"))
                .map(|(n, q)| (n.clone(), q.milli))
                .collect(),
        }
    }

    /// The allocatable milli-units of `name`; 0 when the list lacks it.
    fn milli(&self, name: &str) -> i64 {
        match name {
            "cpu" => self.cpu,
            "memory" => self.memory,
            _ => self
                .others
                .iter()
                .find(|(n, _)| n == name)
                .map_or(0, |(_, m)| *m),
        }
    }
}

/// The scheduler's `NodeInfo` counts as the simulation keeps them while pods bind, finish or go:
/// one per node, aligned with `Simulation`'s nodes (which tells of every node added or removed),
/// and one per name with no node, for pods bound to a node that does not exist (yet).
#[derive(Clone, Debug, Default)]
pub(crate) struct UsageIndex {
    by_position: Vec<NodeUsage>,
    elsewhere: HashMap<String, NodeUsage>,
}

impl UsageIndex {
    /// The usage of the node at `position` in the nodes.
    pub fn at(&self, position: usize) -> &NodeUsage {
        &self.by_position[position]
    }

    /// The usage counted on `node`, at `position` in the nodes if it is one.
    pub fn of(&self, position: Option<usize>, node: &str) -> Option<&NodeUsage> {
        match position {
            Some(i) => self.by_position.get(i),
            None => self.elsewhere.get(node),
        }
    }

    /// Counts a pod bound to `node` (at `position` in the nodes if it is one).
    pub fn add_pod(&mut self, position: Option<usize>, node: &str, pod: &Pod) {
        let u = match position {
            Some(i) => &mut self.by_position[i],
            None => self.elsewhere.entry(node.to_string()).or_default(),
        };
        add_pod_usage(u, pod);
    }

    /// Undoes `add_pod` for a pod with this spec (it finished or went away).
    pub fn remove_pod(&mut self, position: Option<usize>, node: &str, spec: &PodSpec) {
        let u = match position {
            Some(i) => self.by_position.get_mut(i),
            None => self.elsewhere.get_mut(node),
        };
        if let Some(u) = u {
            remove_from_usage(u, spec);
        }
    }

    /// A node was added after the others: what was counted on its name moves to it.
    pub fn node_added(&mut self, name: &str) {
        let usage = self.elsewhere.remove(name).unwrap_or_default();
        self.by_position.push(usage);
    }

    /// The node at `position` was removed: what is still counted on it stays with its name.
    pub fn node_removed(&mut self, position: usize, name: String) {
        let usage = self.by_position.remove(position);
        if usage.pods != 0 {
            self.elsewhere.insert(name, usage);
        }
    }
}

/// The per-node usage of every non-terminal pod bound to a node.
pub fn node_usage(sim: &Simulation) -> HashMap<String, NodeUsage> {
    node_usage_on(sim, None)
}

/// The usage of the given nodes only (all nodes with `None`): requests are summed only where
/// they are needed, so scheduling one pod does not cost a walk over every pod's containers.
pub fn node_usage_on(
    sim: &Simulation,
    nodes: Option<&std::collections::HashSet<&str>>,
) -> HashMap<String, NodeUsage> {
    let mut usage: HashMap<String, NodeUsage> = HashMap::default();
    for e in sim.pods.values() {
        let pod = &e.pod;
        let Some(node) = &pod.spec.node_name else {
            continue;
        };
        if pod.status.phase.is_terminal() || nodes.is_some_and(|n| !n.contains(node.as_str())) {
            continue;
        }
        add_pod_usage(usage.entry(node.clone()).or_default(), pod);
    }
    usage
}

pub(crate) fn add_pod_usage(u: &mut NodeUsage, pod: &Pod) {
    u.pods += 1;
    for_each_request(&pod.spec, |name, milli| u.requested.add(&name, milli));
    u.host_ports.extend(host_ports(&pod.spec));
}

/// `effective_requests_of` as (resource, milli-units) pairs sorted by resource name.
fn requests_milli(spec: &PodSpec) -> Vec<(Cow<'_, str>, i64)> {
    let mut v = Vec::new();
    for_each_request(spec, |name, milli| v.push((name, milli)));
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

/// `effective_requests_of` as (resource, milli-units) pairs, without building the list for the
/// common single-container pod (requests, then limits standing in for missing requests), whose
/// resource names are borrowed.
fn for_each_request<'a>(spec: &'a PodSpec, mut f: impl FnMut(Cow<'a, str>, i64)) {
    if let ([c], []) = (spec.containers.as_slice(), spec.init_containers.as_slice()) {
        for (name, q) in &c.requests {
            f(name.as_str().into(), q.milli);
        }
        for (name, q) in &c.limits {
            if !c.requests.contains_key(name) {
                f(name.as_str().into(), q.milli);
            }
        }
        return;
    }
    for (name, q) in effective_requests_of(spec) {
        f(name.into(), q.milli);
    }
}

/// Takes one pod with this spec off a node's usage: its pod count, requests and host ports.
pub(crate) fn remove_from_usage(u: &mut NodeUsage, spec: &PodSpec) {
    u.pods -= 1;
    for_each_request(spec, |name, milli| u.requested.add(&name, -milli));
    for port in host_ports(spec) {
        if let Some(i) = u.host_ports.iter().position(|p| *p == port) {
            u.host_ports.remove(i);
        }
    }
}

fn host_ports(spec: &PodSpec) -> Vec<(i32, String, String)> {
    spec.containers
        .iter()
        .flat_map(|c| c.ports.iter())
        .filter(|p| p.host_port > 0)
        .map(|p| (p.host_port, p.protocol.clone(), p.host_ip.clone()))
        .collect()
}

/// The outcome of one filter on the target node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterFailure {
    /// `UnschedulableAndUnresolvable`: preemption cannot help.
    Unresolvable(String),
    /// `Unschedulable`: preemption might help (resources, ports). One entry per reason.
    Resolvable(Vec<String>),
}

/// The untolerated taint the TaintToleration filter reports (NoSchedule and NoExecute only).
fn untolerated<'a>(taints: &'a [Taint], tolerations: &[Toleration]) -> Option<&'a Taint> {
    super::placement::find_untolerated_taint(taints, tolerations, |t| {
        matches!(t.effect, TaintEffect::NoSchedule | TaintEffect::NoExecute)
    })
}

/// Runs the default profile's filters for `spec` on `node`; `None` when the pod fits.
pub fn filter(spec: &PodSpec, node: &Node, usage: Option<&NodeUsage>) -> Option<FilterFailure> {
    let empty = NodeUsage::default();
    let allocatable = Allocatable::of(node.allocatable.as_ref());
    filter_with(spec, node, false, &allocatable, usage.unwrap_or(&empty))
}

/// `filter` with the node's allocatable read out already. `injected_for_node`: the pod's
/// required affinity is the one the controller injected for this very node (R1.9), which the
/// node matches by construction, so only the nodeSelector is left to check.
fn filter_with(
    spec: &PodSpec,
    node: &Node,
    injected_for_node: bool,
    allocatable: &Allocatable,
    usage: &NodeUsage,
) -> Option<FilterFailure> {
    // NodeUnschedulable: a cordoned node passes only for pods tolerating its taint.
    if node.unschedulable {
        let cordon = Taint::new(
            "node.kubernetes.io/unschedulable",
            "",
            TaintEffect::NoSchedule,
        );
        if !spec.tolerations.iter().any(|t| t.tolerates(&cordon)) {
            return Some(FilterFailure::Unresolvable(
                messages::NODE_UNSCHEDULABLE.to_string(),
            ));
        }
    }
    if let Some(taint) = untolerated(&node.taints, &spec.tolerations) {
        return Some(FilterFailure::Unresolvable(messages::untolerated_taint(
            taint,
        )));
    }
    let matches = if injected_for_node {
        super::placement::node_matches_selector(spec, node)
    } else {
        super::placement::node_matches_selector_and_affinity(spec, node)
    };
    if !matches {
        return Some(FilterFailure::Unresolvable(
            messages::NODE_AFFINITY_MISMATCH.to_string(),
        ));
    }
    if ports_conflict(spec, usage) {
        return Some(FilterFailure::Resolvable(vec![
            messages::NODE_PORTS_CONFLICT.to_string(),
        ]));
    }
    let insufficient = fits_allocatable(spec, allocatable, usage);
    if !insufficient.is_empty() {
        return Some(FilterFailure::Resolvable(insufficient));
    }
    None
}

/// NodePorts: a wanted host port is taken when port and protocol match and the host IPs overlap.
pub(crate) fn ports_conflict(spec: &PodSpec, usage: &NodeUsage) -> bool {
    let wildcard = |ip: &str| ip.is_empty() || ip == "0.0.0.0";
    host_ports(spec).iter().any(|(port, proto, ip)| {
        usage
            .host_ports
            .iter()
            .any(|(p, pr, i)| p == port && pr == proto && (wildcard(ip) || wildcard(i) || ip == i))
    })
}

/// NodeResourcesFit's `fitsRequest`: every insufficient resource, in upstream's order (pods,
/// cpu, memory, ephemeral-storage, then extended resources by name). Missing allocatable means no
/// limit at all (the CLI contract); a present list lacking a resource allows none of it.
pub fn fits_request(
    spec: &PodSpec,
    allocatable: Option<&ResourceList>,
    usage: &NodeUsage,
) -> Vec<String> {
    fits_allocatable(spec, &Allocatable::of(allocatable), usage)
}

/// `fits_request` against allocatable read out already.
pub(crate) fn fits_allocatable(
    spec: &PodSpec,
    alloc: &Allocatable,
    usage: &NodeUsage,
) -> Vec<String> {
    if !alloc.limited {
        return Vec::new();
    }
    let mut reasons = Vec::new();
    let used = |name: &str| usage.requested.get(name).unwrap_or(0);
    let insufficient = |name: &str, want: i64| want > 0 && want > alloc.milli(name) - used(name);
    if usage.pods + 1 > alloc.pods {
        reasons.push(messages::TOO_MANY_PODS.to_string());
    }
    // Almost every pod fits: check that without building the ordered list of reasons.
    let mut short = false;
    for_each_request(spec, |name, milli| short |= insufficient(&name, milli));
    if !short {
        return reasons;
    }
    let requests = requests_milli(spec);
    let mut order: Vec<&str> = vec!["cpu", "memory", "ephemeral-storage"];
    let extended = requests
        .iter()
        .map(|r| r.0.as_ref())
        .filter(|k| !matches!(*k, "cpu" | "memory" | "ephemeral-storage" | "pods"));
    order.extend(extended);
    for name in order {
        let want = requests.iter().find(|r| r.0 == name).map_or(0, |r| r.1);
        if insufficient(name, want) {
            reasons.push(messages::insufficient(name));
        }
    }
    reasons
}

/// One scheduling round: every unbound, non-terminating pod is tried on its target node,
/// highest priority first, then oldest.
pub(crate) fn run(sim: &mut Simulation) {
    let mut queue: Vec<(i32, u64, PodKey)> = sim
        .unbound_pods()
        .filter_map(|k| {
            sim.pods
                .get(k)
                .map(|e| (e.pod.spec.priority.unwrap_or(0), e.seq, *k))
        })
        .collect();
    if queue.is_empty() {
        return;
    }
    queue.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    // Nodes do not change while the scheduler runs.
    let allocatables = sim.allocatables();
    let num_nodes = sim.nodes().len();
    for (_, _, key) in queue {
        let Some(entry) = sim.pods.get(&key) else {
            continue;
        };
        let position = match sim.known_target_position(entry) {
            Some(known) => known,
            None => match entry.pod.target_node_name() {
                Some(target) => sim.target_position(entry, target),
                None => continue,
            },
        };
        let Some(position) = position else {
            continue;
        };
        let node = &sim.nodes()[position];
        // The usage index already counts every pod bound so far, this round's included.
        let failure = filter_with(
            &entry.pod.spec,
            node,
            sim.carries_injected_affinity(&entry.pod.spec, position),
            &allocatables[position],
            sim.usage.at(position),
        );
        match failure {
            None => {
                let now = sim.now();
                let target = node.name.clone();
                let entry = sim
                    .pods
                    .get_mut(&key)
                    .expect("pod present: looked up above");
                let msg = messages::scheduled(&entry.pod.namespace, &entry.pod.name, &target);
                entry.pod.spec.node_name = Some(target);
                entry.pod.status.unschedulable_message = None;
                entry.last_schedule_failure = None;
                entry.stage = Stage::Pulling { since: now };
                let r = entry.object.clone();
                sim.record(
                    EventType::Normal,
                    messages::REASON_SCHEDULED,
                    r,
                    messages::COMPONENT_SCHEDULER,
                    msg,
                );
                sim.pod_changed(&key);
            }
            Some(f) => {
                let others = num_nodes.saturating_sub(1);
                let mut reasons: Vec<String> =
                    vec![messages::NODE_AFFINITY_PREFILTERED.to_string(); others];
                let mut preemption: Vec<String> =
                    vec![messages::PREEMPTION_NOT_HELPFUL.to_string(); others];
                match &f {
                    FilterFailure::Unresolvable(r) => {
                        reasons.push(r.clone());
                        preemption.push(messages::PREEMPTION_NOT_HELPFUL.to_string());
                    }
                    FilterFailure::Resolvable(rs) => {
                        reasons.extend(rs.iter().cloned());
                        preemption.push(messages::NO_PREEMPTION_VICTIMS.to_string());
                    }
                }
                let message = messages::fit_error(num_nodes, &reasons, &preemption);
                let short = match f {
                    FilterFailure::Unresolvable(r) => r,
                    FilterFailure::Resolvable(rs) => rs.join(", "),
                };
                let entry = sim
                    .pods
                    .get_mut(&key)
                    .expect("pod present: looked up above");
                entry.last_schedule_failure = Some(short);
                // Every failed attempt is reported; the event recorder folds a repeat of the same
                // message into the previous event, so a new one shows when the message changes.
                if entry.pod.status.unschedulable_message.as_deref() != Some(message.as_str()) {
                    entry.pod.status.unschedulable_message = Some(message.clone());
                    let r = entry.object.clone();
                    sim.record(
                        EventType::Warning,
                        messages::REASON_FAILED_SCHEDULING,
                        r,
                        messages::COMPONENT_SCHEDULER,
                        message,
                    );
                }
            }
        }
    }
}

impl Simulation {
    /// The target node's scheduling failure of a Pending pod, in the scheduler's words
    /// (`Insufficient cpu`, `Insufficient cpu, Insufficient memory`); `None` once it fits.
    pub fn unschedulable_reason(&self, pod: &Pod) -> Option<&str> {
        self.pods
            .get(&self.pods.lookup(&pod.namespace, &pod.name)?)?
            .last_schedule_failure
            .as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Quantity;

    #[test]
    fn requested_keeps_cpu_memory_and_other_resources_apart_and_tells_unrequested_from_zero() {
        let mut r = Requested::default();
        assert_eq!(r.get("cpu"), None);
        r.add("cpu", 250);
        r.add("memory", 1 << 20);
        r.add("example.com/gpu", 1000);
        r.add("cpu", 50);
        assert_eq!(r.get("cpu"), Some(300));
        assert_eq!(r.get("memory"), Some(1 << 20));
        assert_eq!(r.get("example.com/gpu"), Some(1000));
        assert_eq!(r.get("ephemeral-storage"), None);
        r.add("cpu", -300);
        assert_eq!(r.get("cpu"), Some(0), "requested once, all given back");
    }

    #[test]
    fn allocatable_reads_every_resource_and_missing_ones_allow_nothing() {
        let mut list = ResourceList::new();
        list.insert("cpu".into(), Quantity::parse("1500m").unwrap());
        list.insert("pods".into(), Quantity::parse("1100m").unwrap());
        list.insert("example.com/gpu".into(), Quantity::from_units(2));
        let a = Allocatable::of(Some(&list));
        assert!(a.limited);
        assert_eq!(a.milli("cpu"), 1500);
        assert_eq!(a.milli("memory"), 0);
        assert_eq!(a.milli("example.com/gpu"), 2000);
        assert_eq!(a.milli("pods"), 1100);
        assert_eq!(a.pods, 2, "the pod count is rounded up, as Quantity.Value");
        assert!(!Allocatable::of(None).limited);
    }

    #[test]
    fn fits_request_names_each_short_resource_in_upstream_order() {
        let mut spec = PodSpec::default();
        let mut c = crate::model::Container::new("c", "i");
        c.requests
            .insert("memory".into(), Quantity::parse("2Gi").unwrap());
        c.requests
            .insert("example.com/gpu".into(), Quantity::from_units(1));
        c.limits.insert("cpu".into(), Quantity::parse("2").unwrap());
        spec.containers = vec![c].into();
        let mut list = ResourceList::new();
        list.insert("cpu".into(), Quantity::parse("1").unwrap());
        list.insert("memory".into(), Quantity::parse("4Gi").unwrap());
        list.insert("pods".into(), Quantity::from_units(1));
        let mut usage = NodeUsage {
            pods: 1,
            ..Default::default()
        };
        usage
            .requested
            .add("memory", Quantity::parse("3Gi").unwrap().milli);
        assert_eq!(
            fits_request(&spec, Some(&list), &usage),
            [
                "Too many pods",
                "Insufficient cpu",
                "Insufficient memory",
                "Insufficient example.com/gpu"
            ]
        );
        assert!(fits_request(&spec, None, &usage).is_empty());
    }
}
