//! The deterministic cluster simulation: a DaemonSet controller, scheduler, kubelets, node
//! lifecycle and taint eviction, stepped on a simulated clock.
//!
//! `Simulation::apply(Command)` is the only way to change state; reads are borrowed queries.
//! Nothing here reads the wall clock, does IO or uses a global random source: pod-name suffixes
//! come from a generator seeded at construction, and time moves only by `Advance`/`Settle`.
//!
//! One reconcile pass runs, in order: node lifecycle (condition taints) → each DaemonSet
//! controller (plan, then execute) → taint eviction → scheduler → kubelets → status. Passes
//! repeat at the same instant until one changes nothing (level-triggered and idempotent).
//! The DaemonSet controllers run before taint eviction (DESIGN.md lists them the other way
//! round) because on a real cluster the DaemonSet controller is the one that deletes a pod under
//! an untolerated NoExecute taint first: semantics T9 expects its `SuccessfulDelete` event.
//!
//! Indexes (DESIGN "Budgets": the cost of a pass follows what changed, not the cluster's size):
//! pods live in a slab addressed by a copyable `PodKey`, with a hash index for lookups by name
//! and a (namespace, name) order sorted when listed (`pod_store`); the controllers' sets (owned
//! per DaemonSet, unbound, active, orphans by namespace) hold keys. The kubelet's work is a queue
//! of per-instant buckets (`kubelet_queue`); per-node data (the scheduler's usage, kept as pods
//! bind, finish or go; allocatable; readiness; the injected affinity) lives in vectors aligned
//! with `nodes`, and a DaemonSet's pods are grouped by node index. Events go to a chunked log
//! (`event_log`) and share their texts: a pod's events point at one reference, and the kubelet's
//! messages that repeat from pod to pod are made once (`messages::SharedTexts`). Wherever
//! upstream's order shows (events), loops still meet pods in (namespace, name) order and nodes in
//! name order; the kubelet's lifecycle steps, which commute, run in memory order and note their
//! events, which are recorded in name order. At thousands of nodes a pass waits on memory more
//! than it computes, hence these layouts (README "Budgets").

mod controller;
mod event_log;
pub mod explain;
mod history;
mod kubelet;
mod kubelet_queue;
pub mod messages;
mod names;
mod node_lifecycle;
pub mod placement;
mod pod_store;
mod rolling_update;
pub mod rollout;
pub mod scheduler;
mod status;
mod taint_eviction;

use crate::model::{
    ConditionStatus, DaemonSet, DaemonSetKey, Event, EventType, Node, NodeConditionType, ObjectRef,
    Pod, ResourceList, Shared, SimDuration, SimTime, Taint, TaintEffect,
};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;

pub use event_log::EventLog;
pub use history::ControllerRevision;
pub use placement::{Decision, Unfit};

pub use pod_store::PodKey;

/// Lifecycle delays of the simulated kubelet (scenario `timing`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Timing {
    /// Image pull, from binding to `Pulled`.
    pub pull: SimDuration,
    /// Container start, from `Pulled` to `Running`.
    pub start: SimDuration,
    /// Readiness, from `Running` to `Ready`.
    pub ready: SimDuration,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            pull: SimDuration::from_secs(2),
            start: SimDuration::from_secs(1),
            ready: SimDuration::from_secs(1),
        }
    }
}

/// How `kubectl delete ds` cascades (R2.10).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cascade {
    Background,
    Foreground,
    Orphan,
}

/// Everything that can change the simulated cluster.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Create or replace a node (`kubectl apply`, the page's "add node").
    ApplyNode(Node),
    /// Create or update a DaemonSet. Update-time validation (selector immutability) is the
    /// caller's; the engine bumps generations as the API server does (R3.1, R5.1).
    ApplyDaemonSet(DaemonSet),
    /// Create or replace a pod (pre-existing pods: bound with `spec.nodeName`, or orphans).
    ApplyPod(Pod),
    DeleteNode {
        name: String,
    },
    DeleteDaemonSet {
        key: DaemonSetKey,
        cascade: Cascade,
    },
    DeletePod {
        namespace: String,
        name: String,
    },
    /// Set (`Some`) or remove (`None`) a node label.
    SetNodeLabel {
        node: String,
        key: String,
        value: Option<String>,
    },
    /// Add a taint, replacing one with the same key and effect (`kubectl taint --overwrite`).
    AddTaint {
        node: String,
        taint: Taint,
    },
    /// Remove taints by key, and effect if given (`kubectl taint nodes n key:Effect-` / `key-`).
    RemoveTaint {
        node: String,
        key: String,
        effect: Option<TaintEffect>,
    },
    Cordon {
        node: String,
    },
    Uncordon {
        node: String,
    },
    SetNodeCondition {
        node: String,
        condition: NodeConditionType,
        status: ConditionStatus,
    },
    /// Set `status.allocatable`; `None` removes every limit.
    SetAllocatable {
        node: String,
        allocatable: Option<ResourceList>,
    },
    /// The pod's container exits with an error and the pod turns `Failed`.
    FailPod {
        namespace: String,
        name: String,
    },
    /// Move the clock forward, running every controller at each instant something is due.
    Advance(SimDuration),
    /// Advance until nothing is due any more, or at most `limit`.
    Settle {
        limit: SimDuration,
    },
}

/// Why a command could not be applied, in kubectl's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApplyError {
    NotFound {
        resource: &'static str,
        name: String,
    },
}

impl std::fmt::Display for ApplyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApplyError::NotFound { resource, name } => {
                write!(
                    f,
                    "Error from server (NotFound): {resource} \"{name}\" not found"
                )
            }
        }
    }
}

impl std::error::Error for ApplyError {}

/// The kubelet's view of one pod's progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stage {
    /// Not bound yet (waiting for the scheduler).
    Unbound,
    /// Bound at the given time; pulling the image.
    Pulling { since: SimTime },
    /// Image pulled; starting the container.
    Starting { since: SimTime },
    /// Container running; waiting for readiness.
    Running { since: SimTime },
    /// Ready (or at rest: Failed/Succeeded).
    Settled,
}

/// A pod plus the simulator's bookkeeping about it.
///
/// Laid out in declaration order (`repr(C)`), the fields every per-pod walk of the controllers
/// and the kubelet reads first: at 5,000 nodes those walks wait on memory, and these fields then
/// share one cache line instead of spreading over several.
#[derive(Clone, Debug)]
#[repr(C)]
pub(crate) struct PodEntry {
    /// The index in `nodes` of the pod's target node as of a `nodes_version` (`u32::MAX`: no
    /// such node; version 0: not looked up yet). A pod's target never changes: the scheduler
    /// binds a pod to the node its affinity names, and an update replaces only labels.
    pub node_position: std::cell::Cell<(u64, u32)>,
    pub stage: Stage,
    /// The pod's `controller-revision-hash` label, set where labels are set (`insert_pod`, a
    /// label update in `apply_pod`).
    pub revision: RevisionLabel,
    /// Kubelet admission already checked (pods created with a template `nodeName`).
    pub admitted: bool,
    /// Whether the pod's requests are counted in `Simulation::usage` (bound, not terminal).
    pub counted: bool,
    pub pod: Pod,
    /// The pod's event reference, made once: its events share these names.
    pub object: std::rc::Rc<ObjectRef>,
    /// Creation order, set by `insert_pod`: the scheduler's queue is first in, first out within
    /// a priority (a real queue orders by when each pod was added, to the nanosecond).
    pub seq: u64,
    /// The kubelet's next step for this pod as last indexed in `Simulation::kubelet_queue`.
    pub kubelet_due: Option<SimTime>,
    /// When the taint eviction controller started counting down for this pod (R8.1).
    pub eviction_started: Option<SimTime>,
    /// When the taint eviction controller will delete this pod.
    pub eviction_due: Option<SimTime>,
    /// The last FailedScheduling message, so that the event is recorded once per change.
    pub last_schedule_failure: Option<String>,
}

/// A copy of a pod's `controller-revision-hash` label kept inline in its entry, so that the
/// per-node walks compare it without reading the label map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum RevisionLabel {
    #[default]
    Absent,
    Inline {
        len: u8,
        bytes: [u8; 22],
    },
    /// Longer than fits inline: read the label map.
    Long,
}

impl RevisionLabel {
    fn of(pod: &Pod) -> Self {
        match pod.labels.get(REVISION_LABEL) {
            None => RevisionLabel::Absent,
            Some(v) if v.len() <= 22 => {
                let mut bytes = [0u8; 22];
                bytes[..v.len()].copy_from_slice(v.as_bytes());
                RevisionLabel::Inline {
                    len: v.len() as u8,
                    bytes,
                }
            }
            Some(_) => RevisionLabel::Long,
        }
    }
}

const REVISION_LABEL: &str = "controller-revision-hash";

impl PodEntry {
    /// A new pod's entry: nothing indexed yet (`insert_pod` does that), no eviction, no
    /// scheduling failure. `admitted` is false only for a pod bound at creation, which the
    /// kubelet still has to admit.
    pub(crate) fn new(
        pod: Pod,
        object: std::rc::Rc<ObjectRef>,
        stage: Stage,
        admitted: bool,
    ) -> Self {
        PodEntry {
            pod,
            object,
            stage,
            eviction_started: None,
            eviction_due: None,
            last_schedule_failure: None,
            admitted,
            seq: 0,
            kubelet_due: None,
            counted: false,
            node_position: Default::default(),
            revision: Default::default(),
        }
    }

    /// Whether the pod's `controller-revision-hash` label equals `hash`.
    pub(crate) fn has_revision(&self, hash: &str) -> bool {
        match &self.revision {
            RevisionLabel::Absent => false,
            RevisionLabel::Inline { len, bytes } => &bytes[..*len as usize] == hash.as_bytes(),
            RevisionLabel::Long => {
                self.pod.labels.get(REVISION_LABEL).map(String::as_str) == Some(hash)
            }
        }
    }
}

/// The simulated cluster.
#[derive(Clone, Debug)]
pub struct Simulation {
    now: SimTime,
    timing: Timing,
    nodes: Vec<Node>,
    /// Node name → index in `nodes`.
    node_index: HashMap<String, usize>,
    /// Bumped on every node change; caches of per-node decisions compare against it.
    nodes_version: u64,
    /// The `nodes_version` the node lifecycle controller last processed.
    lifecycle_seen: u64,
    daemon_sets: Vec<DaemonSet>,
    pub(crate) pods: pod_store::PodStore,
    /// DaemonSet uid → the pods it controls (the controller-ref index of an informer).
    owned: HashMap<String, pod_store::KeyList>,
    /// Pods not bound to a node yet: the scheduler's queue.
    unbound: pod_store::KeySet,
    /// Pods the kubelet still has work for (starting, terminating, recovering readiness).
    active: pod_store::KeySet,
    /// The active pods with a next kubelet step, by when it is due, so that a pass touches only
    /// due pods. Valid for `kubelet_queue_nodes` (node readiness decides whether a kubelet works).
    kubelet_queue: kubelet_queue::KubeletQueue,
    kubelet_queue_nodes: u64,
    /// The kubelet's last batch of lifecycle steps (keys in slot order) and their name order:
    /// the same pods usually take their next step together, and need no second sort.
    kubelet_order: (Vec<PodKey>, Vec<usize>),
    /// The scheduler's `NodeInfo` per node, kept as pods are bound, finish or go; told of every
    /// node added or removed, so that it stays aligned with `nodes`.
    usage: scheduler::UsageIndex,
    /// Each node's allocatable as the scheduler reads it, as of a `nodes_version`.
    allocatables: (u64, std::rc::Rc<Vec<scheduler::Allocatable>>),
    /// Whether each node's Ready condition is True, as of a `nodes_version`: the kubelet asks
    /// for every pod it queues, and the answer is a bit instead of a walk into the node.
    node_ready: std::cell::RefCell<(u64, Vec<bool>)>,
    /// DaemonSets whose inputs changed since their last sync (the controller's work queue).
    dirty: HashSet<String>,
    /// The scheduler should retry: a pod was queued, a node changed or resources were freed.
    scheduler_dirty: bool,
    /// A node was removed and PodGC has not run since.
    node_removed: bool,
    /// Pods with a scheduled taint eviction, as counted by the last eviction pass.
    evictions_scheduled: usize,
    /// Node indexes in name order, as of a `nodes_version`.
    nodes_by_name: (u64, std::rc::Rc<Vec<u32>>),
    /// Per DaemonSet: (nodes_version, generation) and the decisions for every node then.
    decisions: HashMap<String, (u64, i64, std::rc::Rc<Vec<Decision>>)>,
    /// Pods without a controller reference, per namespace: candidates for adoption by that
    /// namespace's DaemonSets.
    orphans: HashMap<String, pod_store::KeyList>,
    /// Bumped when an orphan appears or any pod's labels change (claiming must look again).
    labels_version: u64,
    /// Per DaemonSet uid: the (labels_version, generation) it last claimed at.
    claimed: HashMap<String, (u64, i64)>,
    /// Whether any node has a NoExecute taint (computed by the node lifecycle pass).
    nodes_have_no_execute: bool,
    revisions: HashMap<String, Vec<ControllerRevision>>,
    names: names::NameGenerator,
    events: EventLog,
    /// The node affinity injected into daemon pods per node (R1.9), aligned with `nodes` and
    /// made on first use, shared by every DaemonSet's pod for that node.
    injected_affinities: Vec<Option<Shared<crate::model::NodeSelector>>>,
    /// The messages events repeat from pod to pod, each kept once.
    pub(crate) texts: messages::SharedTexts,
    /// Failed-pod back-off per `<ds-uid>/<observedGeneration>/<node>` (R2.5): (delay, last update).
    backoff: HashMap<String, (SimDuration, SimTime)>,
    /// Instants at which a controller asked to be woken up (back-off requeues, minReadySeconds).
    requeues: Vec<SimTime>,
    next_uid: u64,
    /// Bumped by every state change that events do not show (readiness, status), so that the
    /// pass loop knows another pass may be needed.
    pub(crate) changes: u64,
}

/// A pass can loop only this many times at one instant; real controllers converge in a few.
const MAX_PASSES_PER_INSTANT: usize = 64;

impl Simulation {
    /// An empty cluster whose generated names follow `seed`.
    pub fn new(seed: u64) -> Self {
        Self::with_timing(seed, Timing::default())
    }

    pub fn with_timing(seed: u64, timing: Timing) -> Self {
        Simulation {
            now: SimTime::ZERO,
            timing,
            nodes: Vec::new(),
            node_index: HashMap::default(),
            nodes_version: 1,
            lifecycle_seen: 0,
            daemon_sets: Vec::new(),
            pods: Default::default(),
            owned: HashMap::default(),
            unbound: Default::default(),
            active: Default::default(),
            kubelet_queue: Default::default(),
            kubelet_queue_nodes: 0,
            kubelet_order: Default::default(),
            usage: Default::default(),
            allocatables: (0, Default::default()),
            node_ready: Default::default(),
            dirty: HashSet::default(),
            scheduler_dirty: false,
            node_removed: false,
            evictions_scheduled: 0,
            nodes_by_name: (0, Default::default()),
            decisions: HashMap::default(),
            orphans: HashMap::default(),
            labels_version: 1,
            claimed: HashMap::default(),
            nodes_have_no_execute: false,
            revisions: HashMap::default(),
            names: names::NameGenerator::new(seed),
            events: EventLog::default(),
            texts: Default::default(),
            injected_affinities: Default::default(),
            backoff: HashMap::default(),
            requeues: Vec::new(),
            next_uid: 1,
            changes: 0,
        }
    }

    // ----- queries -----

    pub fn now(&self) -> SimTime {
        self.now
    }

    pub fn timing(&self) -> Timing {
        self.timing
    }

    /// Nodes in the order they were added.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn node(&self, name: &str) -> Option<&Node> {
        self.node_index.get(name).map(|&i| &self.nodes[i])
    }

    /// DaemonSets in the order they were added.
    pub fn daemon_sets(&self) -> &[DaemonSet] {
        &self.daemon_sets
    }

    pub fn daemon_set(&self, key: &DaemonSetKey) -> Option<&DaemonSet> {
        self.daemon_sets
            .iter()
            .find(|d| d.namespace == key.namespace && d.name == key.name)
    }

    /// Every pod, sorted by namespace and name.
    pub fn pods(&self) -> impl Iterator<Item = &Pod> {
        self.pods.values().map(|e| &e.pod)
    }

    pub fn pod(&self, namespace: &str, name: &str) -> Option<&Pod> {
        self.pods
            .lookup(namespace, name)
            .map(|k| &self.pods[&k].pod)
    }

    /// Every event recorded so far, oldest first.
    pub fn events(&self) -> &EventLog {
        &self.events
    }

    /// The DaemonSet's ControllerRevisions, by revision number.
    pub fn revisions(&self, ds: &DaemonSet) -> &[ControllerRevision] {
        self.revisions
            .get(&ds.uid)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The current revision hash of a DaemonSet (`controller-revision-hash`).
    pub fn current_hash(&self, ds: &DaemonSet) -> String {
        history::template_hash(ds)
    }

    /// The controller's decision for one node (R1.2).
    pub fn decision(&self, ds: &DaemonSet, node: &Node) -> Decision {
        let tolerations = placement::effective_template_tolerations(ds);
        placement::node_should_run_daemon_pod(ds, &tolerations, node)
    }

    /// The DaemonSet's pods per target node, each list sorted as `podByCreationTimestampAndPhase`
    /// (bound first, then oldest, then by name), terminal pods being deleted left out.
    pub fn daemon_pods_by_node(&self, ds: &DaemonSet) -> BTreeMap<String, Vec<&Pod>> {
        let mut map: BTreeMap<String, Vec<&Pod>> = BTreeMap::new();
        for e in self.pods.values() {
            let pod = &e.pod;
            if pod.namespace != ds.namespace || pod.controller_ref().is_none_or(|o| o.uid != ds.uid)
            {
                continue;
            }
            if pod.deletion_timestamp.is_some() && pod.status.phase.is_terminal() {
                continue;
            }
            if let Some(node) = pod.target_node_name() {
                map.entry(node.to_string()).or_default().push(pod);
            }
        }
        for pods in map.values_mut() {
            pods.sort_by(|a, b| controller::pod_order(a, b));
        }
        map
    }

    /// Whether the pod counts as available for `min_ready_seconds` at the current time (R3.7).
    pub fn is_pod_available(&self, pod: &Pod, min_ready_seconds: i64) -> bool {
        controller::is_pod_available(pod, min_ready_seconds, self.now)
    }

    /// The next instant at which something is due (a kubelet step, a termination, an eviction,
    /// a requeue); `None` when the cluster has settled.
    pub fn next_wakeup(&self) -> Option<SimTime> {
        let mut next: Option<SimTime> = None;
        let mut consider = |t: SimTime| {
            let t = t.max(self.now);
            next = Some(next.map_or(t, |n: SimTime| n.min(t)));
        };
        if self.kubelet_queue_nodes == self.nodes_version {
            if let Some(t) = self.kubelet_queue.first() {
                consider(t);
            }
        } else {
            for key in self.active.iter() {
                if let Some(t) = self.pods.get(key).and_then(|e| kubelet::next_due(self, e)) {
                    consider(t);
                }
            }
        }
        if self.evictions_scheduled > 0 {
            for e in self.pods.values_unordered() {
                if let Some(t) = e.eviction_due {
                    consider(t);
                }
            }
        }
        for &t in &self.requeues {
            if t > self.now {
                consider(t);
            }
        }
        next
    }

    /// Whether nothing is left to do: every pod Ready, terminal or stuck Pending.
    pub fn is_settled(&self) -> bool {
        self.next_wakeup().is_none()
    }

    // ----- the one writer -----

    /// Applies a command; returns the events it caused (the controllers react at once).
    pub fn apply(&mut self, command: Command) -> Result<Vec<Event>, ApplyError> {
        let first_event = self.events.len();
        self.apply_quietly(command)?;
        Ok(self.events.since(first_event).cloned().collect())
    }

    /// `apply` without the copy of the events it caused, for callers that do not use them (the
    /// events are in the log all the same: `events()`). A `Settle` can record hundreds of
    /// thousands of events, and copying them costs about as much as recording them.
    pub fn apply_quietly(&mut self, command: Command) -> Result<(), ApplyError> {
        match command {
            Command::ApplyNode(node) => self.apply_node(node),
            Command::ApplyDaemonSet(ds) => self.apply_daemon_set(ds),
            Command::ApplyPod(pod) => self.apply_pod(pod),
            Command::DeleteNode { name } => {
                let idx = self.node_index(&name)?;
                self.nodes.remove(idx);
                self.injected_affinities.remove(idx);
                self.usage.node_removed(idx, name);
                self.reindex_nodes();
                self.node_removed = true;
                self.nodes_changed();
            }
            Command::DeleteDaemonSet { key, cascade } => self.delete_daemon_set(&key, cascade)?,
            Command::DeletePod { namespace, name } => {
                let Some(key) = self.pods.lookup(&namespace, &name) else {
                    return Err(ApplyError::NotFound {
                        resource: "pods",
                        name,
                    });
                };
                self.delete_pod(&key);
            }
            Command::SetNodeLabel { node, key, value } => {
                let n = self.node_mut(&node)?;
                match value {
                    Some(v) => {
                        n.labels.insert(key, v);
                    }
                    None => {
                        n.labels.remove(&key);
                    }
                }
            }
            Command::AddTaint { node, mut taint } => {
                let now = self.now;
                let n = self.node_mut(&node)?;
                if taint.effect == TaintEffect::NoExecute && taint.time_added.is_none() {
                    taint.time_added = Some(now);
                }
                if let Some(existing) = n.taints.iter_mut().find(|t| t.matches_taint(&taint)) {
                    *existing = taint;
                } else {
                    n.taints.push(taint);
                }
            }
            Command::RemoveTaint { node, key, effect } => {
                let n = self.node_mut(&node)?;
                n.taints
                    .retain(|t| !(t.key == key && effect.is_none_or(|e| e == t.effect)));
            }
            Command::Cordon { node } => self.node_mut(&node)?.unschedulable = true,
            Command::Uncordon { node } => self.node_mut(&node)?.unschedulable = false,
            Command::SetNodeCondition {
                node,
                condition,
                status,
            } => {
                self.node_mut(&node)?.conditions.insert(condition, status);
            }
            Command::SetAllocatable { node, allocatable } => {
                self.node_mut(&node)?.allocatable = allocatable
            }
            Command::FailPod { namespace, name } => {
                let Some(key) = self.pods.lookup(&namespace, &name) else {
                    return Err(ApplyError::NotFound {
                        resource: "pods",
                        name,
                    });
                };
                let entry = self.pods.get_mut(&key).expect("looked up above");
                kubelet::fail_pod(entry, self.now);
                self.pod_changed(&key);
            }
            Command::Advance(d) => {
                let target = self.now + d;
                self.run_until(target);
                self.now = target;
            }
            Command::Settle { limit } => {
                let target = self.now + limit;
                self.run_until(target);
            }
        }
        self.reconcile();
        Ok(())
    }

    // ----- internals -----

    fn node_index(&self, name: &str) -> Result<usize, ApplyError> {
        self.nodes
            .iter()
            .position(|n| n.name == name)
            .ok_or_else(|| ApplyError::NotFound {
                resource: "nodes",
                name: name.to_string(),
            })
    }

    /// A node to change: every caller changes it, so the change is recorded here.
    fn node_mut(&mut self, name: &str) -> Result<&mut Node, ApplyError> {
        let idx = self.node_index(name)?;
        self.nodes_changed();
        Ok(&mut self.nodes[idx])
    }

    fn reindex_nodes(&mut self) {
        self.node_index = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.name.clone(), i))
            .collect();
    }

    /// Records that some node changed: every DaemonSet re-evaluates, the scheduler retries.
    pub(crate) fn nodes_changed(&mut self) {
        self.nodes_version += 1;
        self.mark_all_dirty();
        self.scheduler_dirty = true;
    }

    pub(crate) fn mark_all_dirty(&mut self) {
        for ds in &self.daemon_sets {
            mark_dirty(&mut self.dirty, &ds.uid);
        }
    }

    /// Adds a pod and indexes it.
    pub(crate) fn insert_pod(&mut self, mut entry: PodEntry) {
        entry.seq = self.next_uid;
        self.next_uid += 1;
        entry.revision = RevisionLabel::of(&entry.pod);
        let key = self.pods.insert(entry);
        let pod = &self.pods[&key].pod;
        match pod.controller_ref() {
            Some(owner) => {
                entry_or_default(&mut self.owned, &owner.uid).insert(key);
            }
            None => {
                entry_or_default(&mut self.orphans, &pod.namespace).insert(key);
                self.labels_version += 1;
                self.mark_all_dirty();
            }
        }
        self.pod_changed(&key);
    }

    /// Removes a pod (its containers are gone) and unindexes it.
    pub(crate) fn remove_pod(&mut self, key: &PodKey) -> Option<PodEntry> {
        let e = self.pods.remove(key)?;
        if let Some(t) = e.kubelet_due {
            self.kubelet_queue.remove(t);
        }
        if e.counted {
            if let Some(node) = &e.pod.spec.node_name {
                let position = self.target_position(&e, node);
                self.usage.remove_pod(position, node, &e.pod.spec);
            }
        }
        if let Some(owner) = e.pod.controller_ref() {
            if let Some(set) = self.owned.get_mut(&owner.uid) {
                set.remove(key);
            }
            mark_dirty(&mut self.dirty, &owner.uid);
        }
        if let Some(set) = self.orphans.get_mut(&e.pod.namespace) {
            set.remove(key);
        }
        self.unbound.remove(key);
        self.active.remove(key);
        self.scheduler_dirty = true;
        self.changes += 1;
        Some(e)
    }

    /// Re-indexes a pod after a change to it and wakes its controller.
    pub(crate) fn pod_changed(&mut self, key: &PodKey) {
        if let Some(owner) = self.pods.get(key).and_then(|e| e.pod.controller_ref()) {
            mark_dirty(&mut self.dirty, &owner.uid);
        }
        self.pod_progressed(key);
    }

    /// Re-indexes a pod after a change its controller does not care about (an image pulled).
    pub(crate) fn pod_progressed(&mut self, key: &PodKey) {
        let Some(e) = self.pods.get(key) else { return };
        let pod = &e.pod;
        let queued = e.stage == Stage::Unbound
            && pod.deletion_timestamp.is_none()
            && !pod.status.phase.is_terminal();
        if queued {
            if self.unbound.insert(*key) {
                self.scheduler_dirty = true;
            }
        } else {
            self.unbound.remove(key);
        }
        let kubelet_work = pod.spec.node_name.is_some()
            && (pod.deletion_timestamp.is_some()
                || !e.admitted
                || matches!(
                    e.stage,
                    Stage::Pulling { .. } | Stage::Starting { .. } | Stage::Running { .. }
                )
                || (e.stage == Stage::Settled
                    && pod.status.phase == crate::model::PodPhase::Running
                    && !pod.status.ready));
        if kubelet_work {
            self.active.insert(*key);
        } else {
            self.active.remove(key);
        }
        if pod.status.phase.is_terminal() {
            self.scheduler_dirty = true;
        }
        let counted = pod.spec.node_name.is_some() && !pod.status.phase.is_terminal();
        let due = if kubelet_work {
            kubelet::next_due(self, e)
        } else {
            None
        };
        let (old_due, old_counted) = (e.kubelet_due, e.counted);
        if counted != old_counted {
            let position =
                self.target_position(e, e.pod.spec.node_name.as_deref().unwrap_or_default());
            let e = self.pods.get_mut(key).expect("looked up above");
            e.counted = counted;
            let node = e.pod.spec.node_name.as_deref().unwrap_or_default();
            if counted {
                self.usage.add_pod(position, node, &e.pod);
            } else {
                self.usage.remove_pod(position, node, &e.pod.spec);
            }
        }
        if due != old_due {
            if let Some(t) = old_due {
                self.kubelet_queue.remove(t);
            }
            if let Some(t) = due {
                self.kubelet_queue.insert(t, *key);
            }
            self.pods.get_mut(key).expect("looked up above").kubelet_due = due;
        }
        self.changes += 1;
    }

    /// Re-indexes the kubelet's queue after node readiness may have changed.
    pub(crate) fn refresh_kubelet_queue(&mut self) {
        if self.kubelet_queue_nodes == self.nodes_version {
            return;
        }
        self.kubelet_queue.clear();
        let keys: Vec<PodKey> = self.active.iter().copied().collect();
        for key in keys {
            let due = self.pods.get(&key).and_then(|e| kubelet::next_due(self, e));
            if let Some(t) = due {
                self.kubelet_queue.insert(t, key);
            }
            if let Some(e) = self.pods.get_mut(&key) {
                e.kubelet_due = due;
            }
        }
        self.kubelet_queue_nodes = self.nodes_version;
    }

    /// The active pods whose next kubelet step is due at `now`, once each, in slot order (the
    /// order of their entries in memory).
    pub(crate) fn kubelet_due_pods(&mut self, now: SimTime) -> Vec<PodKey> {
        self.refresh_kubelet_queue();
        if self.kubelet_queue.due_count(now) == 0 {
            return Vec::new();
        }
        let mut keys: Vec<PodKey> = if self.kubelet_queue.due_are_live(now) {
            // Nothing was taken off: no pod's entry needs reading to tell.
            self.kubelet_queue.due(now).map(|(_, k)| k).collect()
        } else {
            self.kubelet_queue
                .due(now)
                .filter(|(t, k)| self.pods.get(k).is_some_and(|e| e.kubelet_due == Some(*t)))
                .map(|(_, k)| k)
                .collect()
        };
        keys.sort_unstable();
        // A pod queued twice at one instant (taken off in between) is listed twice.
        keys.dedup();
        keys
    }

    /// The scheduler's count of what is placed on a node.
    pub(crate) fn usage_of(&self, node: &str) -> Option<&scheduler::NodeUsage> {
        self.usage.of(self.node_index.get(node).copied(), node)
    }

    /// Whether the node at `position` in `nodes` is Ready (`Node::is_ready`), read out once per
    /// node change.
    pub(crate) fn node_ready_at(&self, position: usize) -> bool {
        let mut ready = self.node_ready.borrow_mut();
        if ready.0 != self.nodes_version {
            *ready = (
                self.nodes_version,
                self.nodes.iter().map(Node::is_ready).collect(),
            );
        }
        ready.1[position]
    }

    /// Each node's allocatable (in `nodes` order), read out for the scheduler once per node
    /// change.
    pub(crate) fn allocatables(&mut self) -> std::rc::Rc<Vec<scheduler::Allocatable>> {
        if self.allocatables.0 != self.nodes_version {
            let read = self
                .nodes
                .iter()
                .map(|n| scheduler::Allocatable::of(n.allocatable.as_ref()))
                .collect();
            self.allocatables = (self.nodes_version, std::rc::Rc::new(read));
        }
        self.allocatables.1.clone()
    }

    /// Sets or clears a pod's controller reference (adoption, release, orphaning).
    pub(crate) fn set_controller(
        &mut self,
        key: &PodKey,
        owner: Option<crate::model::OwnerReference>,
    ) {
        let Some(e) = self.pods.get_mut(key) else {
            return;
        };
        if let Some(old) = e.pod.controller_ref().map(|o| o.uid.clone()) {
            e.pod.owner_references.retain(|o| o.uid != old);
            if let Some(set) = self.owned.get_mut(&old) {
                set.remove(key);
            }
            self.dirty.insert(old);
        }
        match owner {
            Some(o) => {
                entry_or_default(&mut self.owned, &o.uid).insert(*key);
                if let Some(set) = self.orphans.get_mut(&e.pod.namespace) {
                    set.remove(key);
                }
                mark_dirty(&mut self.dirty, &o.uid);
                e.pod.owner_references.push(o);
            }
            None => {
                entry_or_default(&mut self.orphans, &e.pod.namespace).insert(*key);
                self.labels_version += 1;
                self.mark_all_dirty();
            }
        }
        self.changes += 1;
    }

    /// The pods a DaemonSet controls.
    pub(crate) fn owned_pods(&self, uid: &str) -> impl Iterator<Item = &PodKey> {
        self.owned
            .get(uid)
            .into_iter()
            .flat_map(pod_store::KeyList::iter)
    }

    /// The pods in `namespace` without a controller reference.
    pub(crate) fn orphan_pods(&self, namespace: &str) -> impl Iterator<Item = &PodKey> {
        self.orphans
            .get(namespace)
            .into_iter()
            .flat_map(pod_store::KeyList::iter)
    }

    /// Whether the DaemonSet must claim again (orphans or labels changed, or its spec did).
    pub(crate) fn claim_needed(&mut self, uid: &str, generation: i64) -> bool {
        let stamp = (self.labels_version, generation);
        match self.claimed.get_mut(uid) {
            Some(seen) => std::mem::replace(seen, stamp) != stamp,
            None => {
                self.claimed.insert(uid.to_string(), stamp);
                true
            }
        }
    }

    /// The controller's decision for every node (in node order), cached until a node or the
    /// DaemonSet's spec changes.
    pub(crate) fn decisions_for(&mut self, index: usize) -> std::rc::Rc<Vec<Decision>> {
        let ds = &self.daemon_sets[index];
        if let Some((v, g, d)) = self.decisions.get(&ds.uid) {
            if *v == self.nodes_version && *g == ds.generation {
                return d.clone();
            }
        }
        let tolerations = placement::effective_template_tolerations(ds);
        let d: std::rc::Rc<Vec<Decision>> = std::rc::Rc::new(
            self.nodes
                .iter()
                .map(|n| placement::node_should_run_daemon_pod(ds, &tolerations, n))
                .collect(),
        );
        self.decisions.insert(
            ds.uid.clone(),
            (self.nodes_version, ds.generation, d.clone()),
        );
        d
    }

    /// Node indexes in name order (the order upstream's sorted walks see), cached until a node
    /// changes.
    pub(crate) fn nodes_by_name(&mut self) -> std::rc::Rc<Vec<u32>> {
        if self.nodes_by_name.0 != self.nodes_version {
            let nodes = &self.nodes;
            let mut order: Vec<u32> = (0..nodes.len() as u32).collect();
            order.sort_by(|a, b| nodes[*a as usize].name.cmp(&nodes[*b as usize].name));
            self.nodes_by_name = (self.nodes_version, std::rc::Rc::new(order));
        }
        self.nodes_by_name.1.clone()
    }

    /// The index in `nodes()` of the node with this name.
    pub(crate) fn node_position(&self, name: &str) -> Option<usize> {
        self.node_index.get(name).copied()
    }

    /// `node_position` of the pod's target node, remembered in the entry until a node or the pod
    /// changes.
    pub(crate) fn target_position(&self, e: &PodEntry, target: &str) -> Option<usize> {
        let (version, index) = e.node_position.get();
        if version == self.nodes_version {
            return (index != u32::MAX).then_some(index as usize);
        }
        let position = self.node_position(target);
        e.node_position
            .set((self.nodes_version, position.map_or(u32::MAX, |i| i as u32)));
        position
    }

    /// `target_position` if remembered since the last node change: `Some(None)` for a target
    /// that is no node, `None` when not looked up (nor set at creation) since.
    pub(crate) fn known_target_position(&self, e: &PodEntry) -> Option<Option<usize>> {
        let (version, index) = e.node_position.get();
        (version == self.nodes_version).then_some((index != u32::MAX).then_some(index as usize))
    }

    pub(crate) fn unbound_pods(&self) -> impl Iterator<Item = &PodKey> {
        self.unbound.iter()
    }

    pub(crate) fn set_evictions_scheduled(&mut self, n: usize) {
        self.evictions_scheduled = n;
    }

    pub(crate) fn set_nodes_have_no_execute(&mut self, v: bool) {
        self.nodes_have_no_execute = v;
    }

    pub(crate) fn set_lifecycle_seen(&mut self) {
        self.lifecycle_seen = self.nodes_version;
    }

    /// The single `metadata.name In [node]` term a daemon pod for the node at `position` gets
    /// (R1.9).
    pub(crate) fn injected_affinity(
        &mut self,
        position: usize,
    ) -> Shared<crate::model::NodeSelector> {
        let nodes = &self.nodes;
        self.injected_affinities[position]
            .get_or_insert_with(|| {
                Shared::new(crate::model::NodeSelector {
                    node_selector_terms: vec![crate::model::NodeSelectorTerm::for_node(
                        &nodes[position].name,
                    )],
                })
            })
            .clone()
    }

    /// Whether the pod spec carries the affinity `injected_affinity` made for the node at
    /// `position`, which that node matches by construction.
    pub(crate) fn carries_injected_affinity(
        &self,
        spec: &crate::model::PodSpec,
        position: usize,
    ) -> bool {
        match (
            &spec.required_node_affinity,
            &self.injected_affinities[position],
        ) {
            (Some(a), Some(b)) => Shared::ptr_eq(a, b),
            _ => false,
        }
    }

    /// `<prefix>-<counter as 8+ hex digits>`: unique within the simulation, the same every run.
    pub(crate) fn new_uid(&mut self, prefix: &str) -> String {
        let n = self.next_uid;
        self.next_uid += 1;
        let digits = (16 - n.leading_zeros() as usize / 4).max(8);
        let mut uid = String::with_capacity(prefix.len() + 1 + digits);
        uid.push_str(prefix);
        uid.push('-');
        for i in (0..digits).rev() {
            let nibble = ((n >> (4 * i)) & 0xf) as u8;
            uid.push(char::from(b"0123456789abcdef"[nibble as usize]));
        }
        uid
    }

    fn apply_node(&mut self, mut node: Node) {
        if let Some(existing) = self.nodes.iter_mut().find(|n| n.name == node.name) {
            node.uid = existing.uid.clone();
            node.creation_timestamp = existing.creation_timestamp;
            *existing = node;
            self.nodes_changed();
        } else {
            node.creation_timestamp = self.now;
            for t in node.taints.iter_mut() {
                if t.effect == TaintEffect::NoExecute && t.time_added.is_none() {
                    t.time_added = Some(self.now);
                }
            }
            self.node_index.insert(node.name.clone(), self.nodes.len());
            self.usage.node_added(&node.name);
            self.injected_affinities.push(None);
            self.nodes.push(node);
            self.nodes_changed();
        }
    }

    fn apply_daemon_set(&mut self, mut ds: DaemonSet) {
        if let Some(existing) = self
            .daemon_sets
            .iter_mut()
            .find(|d| d.namespace == ds.namespace && d.name == ds.name)
        {
            ds.uid = existing.uid.clone();
            ds.creation_timestamp = existing.creation_timestamp;
            ds.status = existing.status.clone();
            let template_changed = existing.template.canonical_json != ds.template.canonical_json;
            let spec_changed = template_changed
                || existing.selector != ds.selector
                || existing.update_strategy != ds.update_strategy
                || existing.min_ready_seconds != ds.min_ready_seconds
                || existing.revision_history_limit != ds.revision_history_limit;
            ds.generation = existing.generation + i64::from(spec_changed);
            ds.template_generation = existing.template_generation + i64::from(template_changed);
            ds.annotations.insert(
                "deprecated.daemonset.template.generation".to_string(),
                ds.template_generation.to_string(),
            );
            self.dirty.insert(ds.uid.clone());
            *existing = ds;
        } else {
            ds.creation_timestamp = self.now;
            if ds.uid.is_empty() {
                ds.uid = self.new_uid("ds");
            }
            ds.status = Default::default();
            self.dirty.insert(ds.uid.clone());
            self.daemon_sets.push(ds);
        }
    }

    fn apply_pod(&mut self, mut pod: Pod) {
        if let Some(key) = self.pods.lookup(&pod.namespace, &pod.name) {
            let existing = self.pods.get_mut(&key).expect("looked up above");
            existing.pod.labels = pod.labels;
            existing.revision = RevisionLabel::of(&existing.pod);
            existing.pod.annotations = pod.annotations;
            // Any DaemonSet may now adopt or release it.
            self.labels_version += 1;
            self.mark_all_dirty();
            self.pod_changed(&key);
            return;
        }
        pod.creation_timestamp = self.now;
        if pod.uid.is_empty() {
            pod.uid = self.new_uid("pod");
        }
        let stage = if pod.spec.node_name.is_none() {
            Stage::Unbound
        } else if pod.status.phase.is_terminal() || pod.status.ready {
            Stage::Settled
        } else if pod.status.phase == crate::model::PodPhase::Running {
            Stage::Running { since: self.now }
        } else {
            Stage::Pulling { since: self.now }
        };
        if pod.status.ready && pod.status.ready_transition.is_none() {
            pod.status.ready_transition = Some(self.now);
        }
        if pod.is_bound()
            && pod.status.phase == crate::model::PodPhase::Running
            && pod.status.pod_ip.is_none()
        {
            pod.status.pod_ip = Some(kubelet::pod_ip(&pod));
        }
        let object = pod_ref(&pod);
        self.insert_pod(PodEntry::new(pod, object, stage, true));
    }

    fn delete_daemon_set(
        &mut self,
        key: &DaemonSetKey,
        cascade: Cascade,
    ) -> Result<(), ApplyError> {
        let idx = self
            .daemon_sets
            .iter()
            .position(|d| d.namespace == key.namespace && d.name == key.name)
            .ok_or_else(|| ApplyError::NotFound {
                resource: "daemonsets.apps",
                name: key.name.clone(),
            })?;
        let ds = self.daemon_sets.remove(idx);
        self.revisions.remove(&ds.uid);
        self.decisions.remove(&ds.uid);
        self.claimed.remove(&ds.uid);
        self.dirty.remove(&ds.uid);
        let mut owned: Vec<PodKey> = self.owned_pods(&ds.uid).copied().collect();
        self.pods.sort_by_name(&mut owned);
        for k in owned {
            match cascade {
                Cascade::Orphan => self.set_controller(&k, None),
                // The garbage collector deletes dependents (R2.10); foreground only delays the
                // owner's removal, which the page does not show separately.
                Cascade::Background | Cascade::Foreground => self.delete_pod(&k),
            }
        }
        self.owned.remove(&ds.uid);
        Ok(())
    }

    /// Graceful deletion as the API server does it: unbound and terminal pods go at once;
    /// others get a deletion timestamp and terminate over their grace period (R8.4).
    pub(crate) fn delete_pod(&mut self, key: &PodKey) {
        let now = self.now;
        let Some(entry) = self.pods.get_mut(key) else {
            return;
        };
        if entry.pod.deletion_timestamp.is_some() {
            return;
        }
        let immediate = entry.pod.spec.node_name.is_none()
            || entry.pod.status.phase.is_terminal()
            || entry.pod.spec.termination_grace_period_seconds <= 0;
        if immediate {
            self.remove_pod(key);
        } else {
            entry.pod.deletion_timestamp = Some(now);
            entry.eviction_due = None;
            let texts: Vec<_> = entry
                .pod
                .spec
                .containers
                .iter()
                .map(|c| {
                    self.texts.get(
                        messages::REASON_KILLING,
                        &c.name,
                        messages::killing_container,
                    )
                })
                .collect();
            let pod_ref = entry.object.clone();
            for text in texts {
                self.record(
                    EventType::Normal,
                    messages::REASON_KILLING,
                    pod_ref.clone(),
                    messages::COMPONENT_KUBELET,
                    text,
                );
            }
            self.pod_changed(key);
        }
    }

    pub(crate) fn record(
        &mut self,
        event_type: EventType,
        reason: &'static str,
        object: std::rc::Rc<ObjectRef>,
        source: &'static str,
        message: impl Into<std::rc::Rc<str>>,
    ) {
        self.events.push(Event {
            time: self.now,
            event_type,
            reason,
            object,
            source,
            message: message.into(),
        });
    }

    /// Runs every instant at which something is due, up to and including `target`.
    fn run_until(&mut self, target: SimTime) {
        self.reconcile();
        // Each iteration moves the clock strictly forward or stops, so this terminates; the
        // bound guards against a controller bug turning into a frozen tab.
        for _ in 0..1_000_000 {
            match self.next_wakeup() {
                Some(t) if t <= target && t > self.now => {
                    self.now = t;
                    self.reconcile();
                }
                _ => break,
            }
        }
    }

    /// Runs passes at the current instant until one changes nothing.
    fn reconcile(&mut self) {
        // A requeue that came due wakes every DaemonSet (back-off, minReadySeconds).
        if self.requeues.iter().any(|&t| t <= self.now) {
            self.mark_all_dirty();
        }
        self.requeues.retain(|&t| t > self.now);
        for _ in 0..MAX_PASSES_PER_INSTANT {
            let before = self.fingerprint();
            if self.lifecycle_seen != self.nodes_version {
                node_lifecycle::run(self);
            }
            for i in 0..self.daemon_sets.len() {
                if self.dirty.remove(&self.daemon_sets[i].uid) {
                    controller::sync_daemon_set(self, i);
                }
            }
            if self.nodes_have_no_execute || self.evictions_scheduled > 0 {
                taint_eviction::run(self);
            }
            if std::mem::take(&mut self.scheduler_dirty) && !self.unbound.is_empty() {
                scheduler::run(self);
            }
            kubelet::run(self);
            if std::mem::take(&mut self.node_removed) {
                self.pod_gc();
            }
            if !self.dirty.is_empty() {
                continue;
            }
            if before == self.fingerprint() {
                break;
            }
        }
    }

    /// A cheap summary of the mutable state, to detect a pass that changed nothing.
    fn fingerprint(&self) -> (usize, usize, u64, u64) {
        (
            self.events.len(),
            self.pods.len(),
            self.nodes_version,
            self.changes,
        )
    }

    /// PodGC: pods bound to nodes that no longer exist are force-deleted (R2.9).
    fn pod_gc(&mut self) {
        let gone: Vec<PodKey> = self
            .pods
            .iter()
            .filter(|(_, e)| {
                e.pod
                    .spec
                    .node_name
                    .as_ref()
                    .is_some_and(|n| self.node(n).is_none())
            })
            .map(|(k, _)| *k)
            .collect();
        for k in gone {
            self.remove_pod(&k);
        }
    }

    pub(crate) fn daemon_set_at(&self, i: usize) -> &DaemonSet {
        &self.daemon_sets[i]
    }

    pub(crate) fn daemon_set_at_mut(&mut self, i: usize) -> &mut DaemonSet {
        &mut self.daemon_sets[i]
    }

    pub(crate) fn nodes_mut(&mut self) -> &mut Vec<Node> {
        &mut self.nodes
    }

    pub(crate) fn revisions_mut(&mut self, uid: &str) -> &mut Vec<ControllerRevision> {
        self.revisions.entry(uid.to_string()).or_default()
    }

    pub(crate) fn names(&mut self) -> &mut names::NameGenerator {
        &mut self.names
    }

    pub(crate) fn backoff_mut(&mut self) -> &mut HashMap<String, (SimDuration, SimTime)> {
        &mut self.backoff
    }

    pub(crate) fn requeue_at(&mut self, t: SimTime) {
        if t > self.now && !self.requeues.contains(&t) {
            self.requeues.push(t);
        }
    }
}

/// `map.entry(key.to_string()).or_default()`, copying the key only when it is not there yet.
fn entry_or_default<'a, V: Default>(map: &'a mut HashMap<String, V>, key: &str) -> &'a mut V {
    if !map.contains_key(key) {
        map.insert(key.to_string(), V::default());
    }
    map.get_mut(key).expect("inserted above")
}

/// Queues a DaemonSet for a sync, copying its uid only when it is not queued yet.
fn mark_dirty(dirty: &mut HashSet<String>, uid: &str) {
    if !dirty.contains(uid) {
        dirty.insert(uid.to_string());
    }
}

/// The event object reference of a pod.
pub(crate) fn pod_ref(pod: &Pod) -> std::rc::Rc<ObjectRef> {
    pod_ref_in(pod.namespace.as_str().into(), &pod.name)
}

/// The event object reference of a pod in a namespace whose text is shared already (a
/// DaemonSet's, for the pods it creates).
pub(crate) fn pod_ref_in(namespace: std::rc::Rc<str>, name: &str) -> std::rc::Rc<ObjectRef> {
    std::rc::Rc::new(ObjectRef {
        kind: "Pod",
        namespace,
        name: name.into(),
    })
}

/// The event object reference of a DaemonSet.
pub(crate) fn ds_ref(ds: &DaemonSet) -> std::rc::Rc<ObjectRef> {
    std::rc::Rc::new(ObjectRef {
        kind: "DaemonSet",
        namespace: ds.namespace.as_str().into(),
        name: ds.name.as_str().into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_are_the_prefix_and_the_counter_in_at_least_eight_hex_digits() {
        let mut sim = Simulation::new(1);
        for n in [1u64, 0xabc, 0xffff_ffff, 0x1_2345_6789] {
            sim.next_uid = n;
            assert_eq!(sim.new_uid("pod"), format!("pod-{n:08x}"));
            assert_eq!(sim.next_uid, n + 1);
        }
    }
}
