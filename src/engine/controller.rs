//! The DaemonSet controller's reconcile for one DaemonSet, ported from
//! pkg/controller/daemon/daemon_controller.go: `syncDaemonSet` → claim pods → `manage`
//! (`podsShouldBeOnNode` plans, `syncNodes` executes) → rolling update → history → status
//! (semantics R2.1–R2.6, R1.9).
//!
//! Deliberate differences: expectations, burst limits and slow-start batches only pace a real
//! controller against its informers; here every create and delete is observed at once, so they
//! are left out. The one consequence kept is that a pass which changed placement does not also
//! run the rolling update (R2.1 step 7).

use super::{ds_ref, history, placement, rolling_update, PodEntry, PodKey, Simulation, Stage};
use crate::model::{
    DaemonSet, EventType, OwnerReference, Pod, PodPhase, PodStatus, SimDuration, SimTime,
    UpdateStrategy,
};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// `podByCreationTimestampAndPhase`: bound pods first, then oldest, then by name (R4.2).
pub fn pod_order(a: &Pod, b: &Pod) -> Ordering {
    b.is_bound()
        .cmp(&a.is_bound())
        .then(a.creation_timestamp.cmp(&b.creation_timestamp))
        .then(a.name.cmp(&b.name))
}

/// `podutil.IsPodAvailable`: Ready, and Ready for longer than `minReadySeconds` (strictly, R3.7).
pub fn is_pod_available(pod: &Pod, min_ready_seconds: i64, now: SimTime) -> bool {
    if !pod.status.ready {
        return false;
    }
    if min_ready_seconds <= 0 {
        return true;
    }
    let since = pod.status.ready_transition.unwrap_or(SimTime::ZERO);
    since + SimDuration::from_secs(min_ready_seconds as u64) < now
}

/// Whether a RollingUpdate strategy allows surge (`util.AllowsSurge`, R3.4).
pub fn allows_surge(ds: &DaemonSet) -> bool {
    match &ds.update_strategy {
        UpdateStrategy::RollingUpdate { max_surge, .. } => max_surge.scaled_value(1) > 0,
        UpdateStrategy::OnDelete => false,
    }
}

/// Pods of the DaemonSet grouped by target node (`getNodesToDaemonPods`), each group sorted by
/// `pod_order`. Terminal pods that are being deleted are left out. Groups are addressed by the
/// node's index in `Simulation::nodes` (one flat array, no per-node allocation); pods aimed at a
/// node that does not exist are kept by node name.
#[derive(Clone, Debug)]
pub(crate) struct NodePods {
    /// Per node index: where its pods start in `keys`, and how many there are.
    ranges: Vec<(u32, u32)>,
    keys: Vec<PodKey>,
    missing: BTreeMap<String, Vec<PodKey>>,
}

impl NodePods {
    /// The pods on the node at `index` (`None` when it has none, as a map lookup would say).
    pub fn on_node(&self, index: usize) -> Option<&[PodKey]> {
        let (start, len) = *self.ranges.get(index)?;
        (len > 0).then(|| &self.keys[start as usize..(start + len) as usize])
    }

    /// Pods aimed at nodes that do not exist, by node name.
    pub fn missing(&self) -> &BTreeMap<String, Vec<PodKey>> {
        &self.missing
    }
}

pub(crate) fn nodes_to_daemon_pods(sim: &Simulation, ds: &DaemonSet) -> NodePods {
    let mut placed: Vec<(u32, PodKey)> = Vec::new();
    let mut missing: BTreeMap<&str, Vec<(&Pod, PodKey)>> = BTreeMap::new();
    for key in sim.owned_pods(&ds.uid) {
        let Some(e) = sim.pods.get(key) else { continue };
        let pod = &e.pod;
        if !sim.pods.in_namespace(key, &ds.namespace) {
            continue;
        }
        if pod.deletion_timestamp.is_some() && pod.status.phase.is_terminal() {
            continue;
        }
        if let Some(Some(i)) = sim.known_target_position(e) {
            placed.push((i as u32, *key));
        } else if let Some(node) = pod.target_node_name() {
            match sim.target_position(e, node) {
                Some(i) => placed.push((i as u32, *key)),
                None => missing.entry(node).or_default().push((pod, *key)),
            }
        }
    }
    // A counting sort by node index, then `pod_order` within the nodes that have several.
    let mut ranges = vec![(0u32, 0u32); sim.nodes().len()];
    for (i, _) in &placed {
        ranges[*i as usize].1 += 1;
    }
    let mut next = 0u32;
    for r in ranges.iter_mut() {
        r.0 = next;
        next += r.1;
    }
    let mut keys: Vec<PodKey> = placed.iter().map(|p| p.1).collect();
    let mut fill: Vec<u32> = ranges.iter().map(|r| r.0).collect();
    for (i, key) in &placed {
        let at = &mut fill[*i as usize];
        keys[*at as usize] = *key;
        *at += 1;
    }
    for &(start, len) in &ranges {
        if len > 1 {
            keys[start as usize..(start + len) as usize]
                .sort_by(|a, b| pod_order(&sim.pods[a].pod, &sim.pods[b].pod));
        }
    }
    let missing = missing
        .into_iter()
        .map(|(node, mut pods)| {
            if pods.len() > 1 {
                pods.sort_by(|a, b| pod_order(a.0, b.0));
            }
            (node.to_string(), pods.iter().map(|p| p.1).collect())
        })
        .collect();
    NodePods {
        ranges,
        keys,
        missing,
    }
}

/// `syncDaemonSet` for the DaemonSet at `index`.
pub(crate) fn sync_daemon_set(sim: &mut Simulation, index: usize) {
    let ds = sim.daemon_set_at(index);
    if ds.deletion_timestamp.is_some() {
        return;
    }
    if ds.selector.as_ref().is_some_and(|s| s.is_empty()) {
        // Unreachable through apps/v1 validation (R2.1 step 2); recorded once, not every pass.
        let already = sim.events().iter().any(|e| {
            e.reason == super::messages::REASON_SELECTING_ALL && *e.object.name == *ds.name
        });
        if !already {
            let r = ds_ref(ds);
            sim.record(
                EventType::Warning,
                super::messages::REASON_SELECTING_ALL,
                r,
                super::messages::COMPONENT_DAEMONSET,
                super::messages::SELECTING_ALL.to_string(),
            );
        }
        return;
    }
    let hash = history::construct_history(sim, index);
    claim_pods(sim, index);
    // One grouping of the DaemonSet's pods serves manage, the rolling update and the status,
    // unless one of them created or deleted pods.
    let node_to_pods = nodes_to_daemon_pods(sim, sim.daemon_set_at(index));
    let mut acted = manage(sim, index, &hash, &node_to_pods);
    let mut node_to_pods = Some(node_to_pods);
    if !acted {
        if let UpdateStrategy::RollingUpdate { .. } = sim.daemon_set_at(index).update_strategy {
            let map = node_to_pods.take().expect("set above");
            let (rolled, map) = rolling_update::rolling_update(sim, index, &hash, map);
            acted = rolled;
            node_to_pods = Some(map);
        }
    }
    history::cleanup_history(sim, index, &hash);
    let generation = sim.daemon_set_at(index).generation;
    sim.daemon_set_at_mut(index).status.observed_generation = generation;
    let node_to_pods = if acted { None } else { node_to_pods };
    super::status::update_daemon_set_status(sim, index, node_to_pods.as_ref());
}

/// `ClaimPods` (R2.3): adopt matching orphans, release owned pods whose labels stopped matching.
/// Skipped when no orphan appeared and no label changed since this DaemonSet last claimed.
fn claim_pods(sim: &mut Simulation, index: usize) {
    let ds = sim.daemon_set_at(index);
    let (uid, generation) = (ds.uid.clone(), ds.generation);
    if !sim.claim_needed(&uid, generation) {
        return;
    }
    let ds = sim.daemon_set_at(index);
    let release: Vec<PodKey> = sim
        .owned_pods(&uid)
        .filter(|k| sim.pods.get(k).is_some_and(|e| !ds.selects(&e.pod.labels)))
        .cloned()
        .collect();
    let adopt: Vec<PodKey> = sim
        .orphan_pods(&ds.namespace)
        .filter(|k| {
            sim.pods
                .get(k)
                .is_some_and(|e| e.pod.deletion_timestamp.is_none() && ds.selects(&e.pod.labels))
        })
        .cloned()
        .collect();
    let owner = owner_reference(ds);
    for key in release {
        sim.set_controller(&key, None);
    }
    for key in adopt {
        sim.set_controller(&key, Some(owner.clone()));
    }
    // Our own releases bumped the label version; they need no further claim by us.
    sim.claim_needed(&uid, generation);
}

fn owner_reference(ds: &DaemonSet) -> OwnerReference {
    OwnerReference {
        api_version: "apps/v1".to_string(),
        kind: "DaemonSet".to_string(),
        name: ds.name.clone(),
        uid: ds.uid.clone(),
        controller: true,
    }
}

/// `manage`: plans creates and deletes for every node, then executes them. Returns whether it
/// issued anything.
/// What `podsShouldBeOnNode` reads of its DaemonSet, copied out (not the whole template) so that
/// the simulation stays free to change while it walks the nodes.
struct ManageView {
    uid: String,
    observed_generation: i64,
    min_ready_seconds: i64,
    allows_surge: bool,
    reference: std::rc::Rc<crate::model::ObjectRef>,
}

fn manage(sim: &mut Simulation, index: usize, hash: &str, node_to_pods: &NodePods) -> bool {
    let ds = {
        let ds = sim.daemon_set_at(index);
        ManageView {
            uid: ds.uid.clone(),
            observed_generation: ds.status.observed_generation,
            min_ready_seconds: ds.min_ready_seconds,
            allows_surge: allows_surge(ds),
            reference: ds_ref(ds),
        }
    };
    let decisions = sim.decisions_for(index);
    let mut nodes_needing_pods: Vec<usize> = Vec::new();
    let mut pods_to_delete: Vec<PodKey> = Vec::new();
    for (i, decision) in decisions.iter().enumerate() {
        let (create, delete) =
            pods_should_be_on_node(sim, &ds, i, decision, node_to_pods.on_node(i), hash);
        if create {
            nodes_needing_pods.push(i);
        }
        pods_to_delete.extend(delete);
    }
    // Pending pods aimed at a node that no longer exists: PodGC cannot clean those up (R2.2).
    for pods in node_to_pods.missing().values() {
        for key in pods {
            if sim.pods.get(key).is_some_and(|e| !e.pod.is_bound()) {
                pods_to_delete.push(*key);
            }
        }
    }
    sync_nodes(sim, index, &pods_to_delete, &nodes_needing_pods, hash)
}

/// Port of `podsShouldBeOnNode`: whether the node needs a pod, and which of its pods to delete.
fn pods_should_be_on_node(
    sim: &mut Simulation,
    ds: &ManageView,
    node_index: usize,
    decision: &placement::Decision,
    daemon_pods: Option<&[PodKey]>,
    hash: &str,
) -> (bool, Vec<PodKey>) {
    let mut to_delete = Vec::new();
    let exists = daemon_pods.is_some();
    if decision.should_run && !exists {
        return (true, to_delete);
    }
    if decision.should_continue_running {
        let Some(daemon_pods) = daemon_pods else {
            return (false, to_delete);
        };
        // The running pods in order; the first apart, so that the usual single pod needs no list.
        let mut first_running: Option<PodKey> = None;
        let mut more_running: Vec<PodKey> = Vec::new();
        for key in daemon_pods {
            let Some(e) = sim.pods.get(key) else { continue };
            if e.pod.deletion_timestamp.is_some() {
                continue;
            }
            let phase = e.pod.status.phase;
            if !matches!(phase, PodPhase::Failed | PodPhase::Succeeded) {
                match first_running {
                    None => first_running = Some(*key),
                    Some(_) => more_running.push(*key),
                }
                continue;
            }
            let (namespace, name) = (e.pod.namespace.clone(), e.pod.name.clone());
            match phase {
                PodPhase::Failed => {
                    let node = sim.nodes()[node_index].name.clone();
                    if failed_pod_in_backoff(sim, &ds.uid, ds.observed_generation, &node) {
                        continue;
                    }
                    let msg = super::messages::failed_daemon_pod(&namespace, &name, &node);
                    sim.record(
                        EventType::Warning,
                        super::messages::REASON_FAILED_DAEMON_POD,
                        ds.reference.clone(),
                        super::messages::COMPONENT_DAEMONSET,
                        msg,
                    );
                    to_delete.push(*key);
                }
                PodPhase::Succeeded => {
                    let node = &sim.nodes()[node_index].name;
                    let msg = super::messages::succeeded_daemon_pod(&namespace, &name, node);
                    sim.record(
                        EventType::Normal,
                        super::messages::REASON_SUCCEEDED_DAEMON_POD,
                        ds.reference.clone(),
                        super::messages::COMPONENT_DAEMONSET,
                        msg,
                    );
                    to_delete.push(*key);
                }
                _ => unreachable!("running pods are taken above"),
            }
        }
        if !ds.allows_surge {
            // Keep the first by `podByCreationTimestampAndPhase` (already sorted), delete the rest.
            to_delete.extend(more_running);
            return (false, to_delete);
        }
        if more_running.is_empty() {
            return (first_running.is_none() && decision.should_run, to_delete);
        }
        let mut oldest_new: Option<PodKey> = None;
        let mut oldest_old: Option<PodKey> = None;
        for key in first_running.into_iter().chain(more_running) {
            let is_new = sim.pods[&key].has_revision(hash);
            let slot = if is_new {
                &mut oldest_new
            } else {
                &mut oldest_old
            };
            if slot.is_none() {
                *slot = Some(key);
            } else {
                to_delete.push(key);
            }
        }
        if let (Some(new), Some(old)) = (oldest_new, oldest_old) {
            let old_ready = sim.pods[&old].pod.status.ready;
            let new_available =
                is_pod_available(&sim.pods[&new].pod, ds.min_ready_seconds, sim.now());
            if !old_ready || new_available {
                to_delete.push(old);
            }
        }
        return (false, to_delete);
    }
    if exists {
        for key in daemon_pods.into_iter().flatten() {
            if sim
                .pods
                .get(key)
                .is_some_and(|e| e.pod.deletion_timestamp.is_none())
            {
                to_delete.push(*key);
            }
        }
    }
    (false, to_delete)
}

/// The failed-pod back-off of R2.5: `IsInBackOffSinceUpdate`, else `Next`.
fn failed_pod_in_backoff(
    sim: &mut Simulation,
    uid: &str,
    observed_generation: i64,
    node: &str,
) -> bool {
    const INITIAL: SimDuration = SimDuration(1_000);
    const MAX: SimDuration = SimDuration(15 * 60 * 1_000);
    let key = format!("{uid}/{observed_generation}/{node}");
    let now = sim.now();
    if let Some(&(delay, last)) = sim.backoff_mut().get(&key) {
        if now.saturating_sub(last) < delay {
            sim.requeue_at(last + delay);
            return true;
        }
    }
    let entry = sim
        .backoff_mut()
        .entry(key)
        .or_insert((SimDuration::ZERO, now));
    let expired = now.saturating_sub(entry.1).0 > 2 * MAX.0;
    entry.0 = if entry.0 == SimDuration::ZERO || expired {
        INITIAL
    } else {
        SimDuration((entry.0 .0 * 2).min(MAX.0))
    };
    entry.1 = now;
    false
}

/// `syncNodes`: creates pods for the nodes that need one (before deletes, as upstream), then
/// deletes. Returns whether anything was issued.
pub(crate) fn sync_nodes(
    sim: &mut Simulation,
    index: usize,
    to_delete: &[PodKey],
    to_create: &[usize],
    hash: &str,
) -> bool {
    if !to_create.is_empty() {
        let ds = sim.daemon_set_at(index).clone();
        sim.pods.reserve(to_create.len());
        let prototype = new_pod(&ds, hash);
        for &position in to_create {
            create_pod(sim, &ds, &prototype, position);
        }
    }
    let reference = ds_ref(sim.daemon_set_at(index));
    for key in to_delete {
        let Some(e) = sim.pods.get(key) else { continue };
        let name = e.pod.name.clone();
        // The controller's event comes first; the kubelet's `Killing` follows the deletion.
        sim.record(
            EventType::Normal,
            super::messages::REASON_SUCCESSFUL_DELETE,
            reference.clone(),
            super::messages::COMPONENT_DAEMONSET,
            super::messages::deleted_pod(&name),
        );
        sim.delete_pod(key);
    }
    !to_create.is_empty() || !to_delete.is_empty()
}

/// What `NewPod` makes of the template for every node alike: the daemon tolerations, limits
/// defaulting requests, host ports for hostNetwork, the hash and generation labels and the owner
/// reference. Built once per `syncNodes`; `create_pod` adds the node's part.
struct PodPrototype {
    spec: crate::model::PodSpec,
    labels: crate::model::Shared<crate::model::Labels>,
    owner_references: crate::model::Shared<Vec<OwnerReference>>,
    /// `generateName`: `<ds-name>-`.
    base: String,
    /// The DaemonSet's event reference and namespace, shared by every pod made here.
    reference: std::rc::Rc<crate::model::ObjectRef>,
}

fn new_pod(ds: &DaemonSet, hash: &str) -> PodPrototype {
    let mut spec = ds.template.spec.clone();
    placement::add_or_update_daemon_pod_tolerations(&mut spec);
    for c in spec
        .containers
        .iter_mut()
        .chain(spec.init_containers.iter_mut())
    {
        for (name, q) in c.limits.clone() {
            c.requests.entry(name).or_insert(q);
        }
        if spec.host_network {
            for p in c.ports.iter_mut() {
                if p.host_port == 0 {
                    p.host_port = p.container_port;
                }
            }
        }
    }
    let mut labels = ds.template.labels.clone();
    labels.insert("controller-revision-hash".to_string(), hash.to_string());
    labels.insert(
        "pod-template-generation".to_string(),
        ds.template_generation.to_string(),
    );
    PodPrototype {
        spec,
        labels: labels.into(),
        owner_references: vec![owner_reference(ds)].into(),
        base: format!("{}-", ds.name),
        reference: ds_ref(ds),
    }
}

/// `NewPod` + `CreatePods` (R2.4, R1.9, R5.3): the prototype with the injected single-node
/// affinity.
fn create_pod(sim: &mut Simulation, ds: &DaemonSet, prototype: &PodPrototype, position: usize) {
    let mut spec = prototype.spec.clone();
    let pinned = spec.node_name.is_none();
    if pinned {
        // R1.9: required terms are replaced by exactly one `metadata.name In [node]` term.
        spec.required_node_affinity = Some(sim.injected_affinity(position));
    }
    let labels = prototype.labels.clone();
    let name = loop {
        let candidate = sim.names().generate_name(&prototype.base);
        if !sim.pods.contains_name(&ds.namespace, &candidate) {
            break candidate;
        }
    };
    let uid = sim.new_uid("pod");
    let bound = spec.node_name.is_some();
    // The event's message is written now so that the pod can take the name itself.
    let message = super::messages::created_pod(&name);
    let pod = Pod {
        namespace: ds.namespace.clone(),
        name,
        uid,
        labels,
        annotations: ds.template.annotations.clone(),
        owner_references: prototype.owner_references.clone(),
        spec,
        status: PodStatus::default(),
        creation_timestamp: sim.now(),
        deletion_timestamp: None,
    };
    let stage = if bound {
        Stage::Pulling { since: sim.now() }
    } else {
        Stage::Unbound
    };
    let object = super::pod_ref_in(prototype.reference.namespace.clone(), &pod.name);
    let entry = PodEntry::new(pod, object, stage, !bound);
    if pinned {
        // Its target is the node at `position`: no lookup by name needed later.
        entry
            .node_position
            .set((sim.nodes_version, position as u32));
    }
    sim.insert_pod(entry);
    sim.record(
        EventType::Normal,
        super::messages::REASON_SUCCESSFUL_CREATE,
        prototype.reference.clone(),
        super::messages::COMPONENT_DAEMONSET,
        message,
    );
}
