//! Loading named YAML sources (files, stdin, a scenario's `objects`) into a `Simulation`, as
//! `kubectl apply -f` of each would: every object the manifests layer accepts is applied, every
//! problem is returned as a diagnostic of its source.
//!
//! Order matters for ownership: all Nodes first (in input order), then Pods, then DaemonSets, so
//! that a pre-existing pod matching a DaemonSet's selector is adopted rather than duplicated
//! (R2.3). A DaemonSet that appears again (same namespace and name) is an update and goes through
//! the update-time validation (`validate_daemonset_update`: immutable selector, T36).
//! Deliberately absent: files and stdin (the CLI reads them), and status fields on updates (like
//! `kubectl apply`, an update keeps a node's conditions and allocatable and a pod's status).

use crate::engine::{Command, Simulation};
use crate::manifest::{self, Diagnostic, Object};
use crate::model::{DaemonSet, Event, Node, Pod};

/// A named input: a file name (or `STDIN`) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub text: String,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// What kubectl apply would report for one object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplyResult {
    Created,
    Configured,
    Unchanged,
}

impl ApplyResult {
    pub fn as_str(self) -> &'static str {
        match self {
            ApplyResult::Created => "created",
            ApplyResult::Configured => "configured",
            ApplyResult::Unchanged => "unchanged",
        }
    }
}

/// One applied object: its kubectl name (`daemonset.apps/fluentd`) and what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub resource: String,
    pub result: ApplyResult,
}

impl Applied {
    /// `daemonset.apps/fluentd created`.
    pub fn line(&self) -> String {
        format!("{} {}", self.resource, self.result.as_str())
    }
}

/// The outcome of loading one source.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceOutcome {
    pub name: String,
    pub applied: Vec<Applied>,
    pub diagnostics: Vec<Diagnostic>,
}

impl SourceOutcome {
    /// kubectl's stderr for this source's diagnostics (empty when there are none).
    pub fn render_errors(&self) -> String {
        manifest::render_kubectl_errors(&self.diagnostics, &self.name)
    }
}

/// The outcome of loading several sources.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadOutcome {
    pub sources: Vec<SourceOutcome>,
    /// Every event the applies caused.
    pub events: Vec<Event>,
}

impl LoadOutcome {
    pub fn has_errors(&self) -> bool {
        self.sources.iter().any(|s| !s.diagnostics.is_empty())
    }

    /// Every diagnostic, source by source.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.sources.iter().flat_map(|s| s.diagnostics.iter())
    }

    /// kubectl's stderr for every source, one after the other.
    pub fn render_errors(&self) -> String {
        self.sources
            .iter()
            .map(SourceOutcome::render_errors)
            .collect()
    }
}

/// Loads every source into `sim`: Nodes, then Pods, then DaemonSets (each group in input
/// order). The simulation reconciles after each object but no time passes.
pub fn load_sources(sim: &mut Simulation, sources: &[Source]) -> LoadOutcome {
    let mut outcome = LoadOutcome::default();
    let mut objects: Vec<(usize, Object)> = vec![];
    for (i, source) in sources.iter().enumerate() {
        let loaded = super::reader::load(&source.text).unwrap_or_else(super::reader::not_loaded);
        outcome.sources.push(SourceOutcome {
            name: source.name.clone(),
            applied: vec![],
            diagnostics: loaded.diagnostics,
        });
        objects.extend(loaded.objects.into_iter().map(|o| (i, o.object)));
    }
    let rank = |o: &Object| match o {
        Object::Node(_) => 0,
        Object::Pod(_) => 1,
        Object::DaemonSet(_) => 2,
    };
    objects.sort_by_key(|(_, o)| rank(o));
    for (i, object) in objects {
        match apply_object(sim, object) {
            Ok((applied, events)) => {
                outcome.sources[i].applied.push(applied);
                outcome.events.extend(events);
            }
            Err(diagnostics) => outcome.sources[i].diagnostics.extend(diagnostics),
        }
    }
    outcome
}

/// Applies one loaded object as `kubectl apply` would: created, configured or unchanged; an
/// update that the API server would reject returns its diagnostics.
pub fn apply_object(
    sim: &mut Simulation,
    object: Object,
) -> Result<(Applied, Vec<Event>), Vec<Diagnostic>> {
    let (resource, result, command) = match object {
        Object::Node(node) => {
            let resource = format!("node/{}", node.name);
            match sim.node(&node.name) {
                None => (resource, ApplyResult::Created, Command::ApplyNode(node)),
                Some(existing) => {
                    let updated = updated_node(existing, node);
                    let result = if &updated == existing {
                        ApplyResult::Unchanged
                    } else {
                        ApplyResult::Configured
                    };
                    (resource, result, Command::ApplyNode(updated))
                }
            }
        }
        Object::Pod(pod) => {
            let resource = format!("pod/{}", pod.name);
            match sim.pod(&pod.namespace, &pod.name) {
                None => (resource, ApplyResult::Created, Command::ApplyPod(pod)),
                Some(existing) => {
                    let result = if pod_unchanged(existing, &pod) {
                        ApplyResult::Unchanged
                    } else {
                        ApplyResult::Configured
                    };
                    (resource, result, Command::ApplyPod(pod))
                }
            }
        }
        Object::DaemonSet(ds) => {
            let resource = format!("daemonset.apps/{}", ds.name);
            match sim.daemon_set(&ds.key()) {
                None => (resource, ApplyResult::Created, Command::ApplyDaemonSet(ds)),
                Some(existing) => {
                    let diagnostics = manifest::validate_daemonset_update(existing, &ds);
                    if !diagnostics.is_empty() {
                        return Err(diagnostics);
                    }
                    let result = if daemon_set_unchanged(existing, &ds) {
                        ApplyResult::Unchanged
                    } else {
                        ApplyResult::Configured
                    };
                    (resource, result, Command::ApplyDaemonSet(ds))
                }
            }
        }
    };
    if result == ApplyResult::Unchanged {
        return Ok((Applied { resource, result }, vec![]));
    }
    // Applying an object never fails in the engine (no lookups by name).
    let events = sim.apply(command).unwrap_or_default();
    Ok((Applied { resource, result }, events))
}

/// The node `kubectl apply` leaves: metadata and spec from the manifest, status (conditions,
/// allocatable) from the cluster.
fn updated_node(existing: &Node, mut node: Node) -> Node {
    node.uid = existing.uid.clone();
    node.creation_timestamp = existing.creation_timestamp;
    node.conditions = existing.conditions.clone();
    node.allocatable = existing.allocatable.clone();
    // Taints the node lifecycle controller manages stay; they are re-derived anyway.
    for t in &existing.taints {
        if t.key.starts_with("node.kubernetes.io/")
            && !node.taints.iter().any(|n| n.matches_taint(t))
        {
            node.taints.push(t.clone());
        }
    }
    for t in node.taints.iter_mut() {
        if let Some(old) = existing
            .taints
            .iter()
            .find(|o| o.matches_taint(t) && o.value == t.value)
        {
            t.time_added = old.time_added;
        }
    }
    node
}

fn pod_unchanged(existing: &Pod, pod: &Pod) -> bool {
    existing.labels == pod.labels && existing.annotations == pod.annotations
}

fn daemon_set_unchanged(existing: &DaemonSet, ds: &DaemonSet) -> bool {
    // The engine maintains the template-generation annotation; it is not part of the input.
    let mut annotations = existing.annotations.clone();
    annotations.remove("deprecated.daemonset.template.generation");
    let mut incoming = ds.annotations.clone();
    incoming.remove("deprecated.daemonset.template.generation");
    existing.template.canonical_json == ds.template.canonical_json
        && existing.selector == ds.selector
        && existing.update_strategy == ds.update_strategy
        && existing.min_ready_seconds == ds.min_ready_seconds
        && existing.revision_history_limit == ds.revision_history_limit
        && existing.labels == ds.labels
        && annotations == incoming
}
