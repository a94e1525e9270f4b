//! Executing one step of the step language (`command::Step`) against a `Simulation`: the
//! cluster change kubectl (or the simulator verb) makes, and what kubectl prints — its output,
//! its warnings and, when the command fails, its error (exit status 1).
//!
//! Each step takes effect at once and the controllers react in the same instant; only
//! `advance` and `settle` move the clock. Commands that a real kubectl would wait on (`drain`
//! waiting for evicted pods to go, `rollout status` watching) print what they would print
//! without waiting: evicted pods are still Terminating after the step.

use super::load::apply_object;
use super::reader;
use crate::command::{
    CascadeFlag, DescribeResource, FieldRequirement, GetResource, LabelChange, PodTarget, Step,
    SETTLE_LIMIT,
};
use crate::engine::{Command, Simulation};
use crate::kubectl::{self, describe, get, messages, rollout, Output, Scope};
use crate::manifest;
use crate::model::{
    DaemonSet, DaemonSetKey, Event, LabelSelector, Node, NodeName, Pod, PodPhase, Quantity,
    ResourceList, Taint,
};

/// The result of one step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Execution {
    /// What kubectl printed, in order.
    pub output: Output,
    /// The error that failed the command (kubectl's last words, exit status 1), if it failed.
    pub error: Option<String>,
    /// Every event the step caused.
    pub events: Vec<Event>,
}

impl Execution {
    /// Standard output, standard error and the error, as a terminal shows them.
    pub fn transcript(&self) -> String {
        let mut text = self.output.combined();
        if let Some(e) = &self.error {
            text.push_str(e);
            text.push('\n');
        }
        text
    }
}

/// Runs one step. `Step::Apply` uses its text as `kubectl apply -f -` reads stdin.
pub fn execute(sim: &mut Simulation, step: &Step) -> Execution {
    let mut ex = Exec {
        sim,
        out: Execution::default(),
    };
    if let Err(e) = ex.run(step) {
        ex.out.error = Some(e);
    }
    ex.out
}

struct Exec<'a> {
    sim: &'a mut Simulation,
    out: Execution,
}

type Result<T = ()> = std::result::Result<T, String>;

/// Several errors as `cmdutil.CheckErr` prints them: one with `error: `, several one per line.
fn check_errs(errs: Vec<String>) -> Result {
    match errs.len() {
        0 => Ok(()),
        1 => Err(format!("error: {}", errs[0])),
        _ => Err(errs.join("\n")),
    }
}

fn node_not_found(name: &str) -> String {
    messages::not_found("nodes", name)
}

fn ds_not_found(name: &str) -> String {
    messages::not_found("daemonsets.apps", name)
}

fn pod_not_found(name: &str) -> String {
    messages::not_found("pods", name)
}

fn labels_json_len(labels: &crate::model::Labels) -> usize {
    serde_json::to_string(labels).map(|s| s.len()).unwrap_or(0)
}

fn field_matches(pod: &Pod, f: &FieldRequirement) -> bool {
    let value = match f.field.as_str() {
        "metadata.name" => pod.name.clone(),
        "spec.nodeName" => pod.spec.node_name.clone().unwrap_or_default(),
        "status.phase" => pod.status.phase.as_str().to_string(),
        _ => return false,
    };
    (value == f.value) == f.equals
}

fn selects(label: &Option<(String, LabelSelector)>, pod: &Pod) -> bool {
    label.as_ref().is_none_or(|(_, s)| s.matches(&pod.labels))
}

impl Exec<'_> {
    fn apply(&mut self, command: Command) -> Result {
        match self.sim.apply(command) {
            Ok(events) => {
                self.out.events.extend(events);
                Ok(())
            }
            Err(e) => Err(e.to_string()),
        }
    }

    fn line(&mut self, text: impl AsRef<str>) {
        self.out.output.line(text);
    }

    fn warn(&mut self, text: impl AsRef<str>) {
        self.out.output.warn(text);
    }

    fn require_nodes(&self, nodes: &[String]) -> Result {
        match nodes.iter().find(|n| self.sim.node(n).is_none()) {
            Some(n) => Err(node_not_found(n)),
            None => Ok(()),
        }
    }

    fn daemon_set(&self, namespace: &str, name: &str) -> Result<DaemonSet> {
        self.sim
            .daemon_set(&DaemonSetKey::new(namespace, name))
            .cloned()
            .ok_or_else(|| ds_not_found(name))
    }

    fn run(&mut self, step: &Step) -> Result {
        match step {
            Step::Label {
                nodes,
                changes,
                overwrite,
            } => self.label(nodes, changes, *overwrite),
            Step::Taint {
                nodes,
                add,
                remove,
                overwrite,
            } => self.taint(nodes, add, remove, *overwrite),
            Step::Cordon { nodes } => self.cordon(nodes, true),
            Step::Uncordon { nodes } => self.cordon(nodes, false),
            Step::Drain {
                nodes,
                ignore_daemonsets,
                force,
                delete_emptydir_data,
            } => self.drain(nodes, *ignore_daemonsets, *force, *delete_emptydir_data),
            Step::DeleteNodes { names } => {
                let mut missing = vec![];
                for name in names {
                    if self.sim.node(name).is_none() {
                        missing.push(node_not_found(name));
                        continue;
                    }
                    self.apply(Command::DeleteNode { name: name.clone() })?;
                    self.line(messages::deleted("node", name));
                }
                if missing.is_empty() {
                    Ok(())
                } else {
                    Err(missing.join("\n"))
                }
            }
            Step::DeleteDaemonSets {
                namespace,
                names,
                cascade,
            } => {
                match cascade {
                    CascadeFlag::True => {
                        self.warn(messages::cascade_deprecated("true", "background"))
                    }
                    CascadeFlag::False => {
                        self.warn(messages::cascade_deprecated("false", "orphan"))
                    }
                    _ => {}
                }
                let mut missing = vec![];
                for name in names {
                    let key = DaemonSetKey::new(namespace.clone(), name.clone());
                    if self.sim.daemon_set(&key).is_none() {
                        missing.push(ds_not_found(name));
                        continue;
                    }
                    self.apply(Command::DeleteDaemonSet {
                        key,
                        cascade: cascade.cascade(),
                    })?;
                    self.line(messages::deleted("daemonset.apps", name));
                }
                if missing.is_empty() {
                    Ok(())
                } else {
                    Err(missing.join("\n"))
                }
            }
            Step::DeletePods { namespace, target } => self.delete_pods(namespace, target),
            Step::SetImage {
                namespace,
                name,
                images,
            } => self.set_image(namespace, name, images),
            Step::RolloutRestart { namespace, name } => self.restart(namespace, name),
            Step::RolloutUndo {
                namespace,
                name,
                to_revision,
            } => self.undo(namespace, name, *to_revision),
            Step::RolloutStatus { namespace, name } => {
                let ds = self.daemon_set(namespace, name)?;
                let (line, _) = rollout::status(&ds)?;
                self.line(line);
                Ok(())
            }
            Step::RolloutHistory {
                namespace,
                name,
                revision,
            } => {
                let ds = self.daemon_set(namespace, name)?;
                let revisions = self.sim.revisions(&ds).to_vec();
                if *revision > 0 {
                    let Some(r) = revisions.iter().find(|r| r.revision == *revision) else {
                        return Err(messages::HISTORY_REVISION_NOT_FOUND.to_string());
                    };
                    let text = format!(
                        "daemonset.apps/{} with revision #{revision}\n{}\n",
                        ds.name,
                        describe::describe_pod_template(&r.template)
                    );
                    self.out.output.append(Output::stdout(text));
                } else {
                    self.out
                        .output
                        .append(Output::stdout(rollout::history(&ds, &revisions)));
                }
                Ok(())
            }
            Step::Get {
                resource,
                names,
                scope,
                wide,
                label,
                fields,
            } => self.get(*resource, names, scope, *wide, label, fields),
            Step::Describe {
                resource,
                namespace,
                name,
            } => {
                let text = match resource {
                    DescribeResource::DaemonSet => {
                        let ds = self.daemon_set(namespace, name)?;
                        describe::describe_daemon_set(self.sim, &ds)
                    }
                    DescribeResource::Pod => {
                        let pod = self
                            .sim
                            .pod(namespace, name)
                            .cloned()
                            .ok_or_else(|| pod_not_found(name))?;
                        describe::describe_pod(self.sim, &pod)
                    }
                };
                self.out.output.append(Output::stdout(text));
                Ok(())
            }
            Step::Apply { text } => self.apply_text(text),
            Step::Advance(d) => self.apply(Command::Advance(*d)),
            Step::Settle => {
                self.apply(Command::Settle {
                    limit: SETTLE_LIMIT,
                })?;
                if !self.sim.is_settled() {
                    self.warn(format!(
                        "the cluster is still changing after {} of simulated time",
                        crate::command::format_duration(SETTLE_LIMIT)
                    ));
                }
                Ok(())
            }
            Step::NodeAdd {
                name,
                control_plane,
                custom,
                labels,
                taints,
                cpu,
                memory,
                pods,
            } => {
                let kind = if *control_plane {
                    super::node_edit::NodeKind::ControlPlane
                } else if *custom {
                    super::node_edit::NodeKind::Custom
                } else {
                    super::node_edit::NodeKind::Worker
                };
                self.node_add(name, kind, labels, taints, cpu, memory, *pods)
            }
            Step::NodeAllocatable {
                name,
                cpu,
                memory,
                pods,
            } => {
                if self.sim.node(name).is_none() {
                    return Err(node_not_found(name));
                }
                let mut list = ResourceList::new();
                for (resource, q) in [("cpu", cpu), ("memory", memory), ("pods", pods)] {
                    if let Some(q) = q {
                        list.insert(resource.to_string(), q.clone());
                    }
                }
                self.apply(Command::SetAllocatable {
                    node: name.clone(),
                    allocatable: (!list.is_empty()).then_some(list),
                })?;
                self.line(format!("node/{name} allocatable set"));
                Ok(())
            }
            Step::NodeRemove { name } => {
                if self.sim.node(name).is_none() {
                    return Err(node_not_found(name));
                }
                self.apply(Command::DeleteNode { name: name.clone() })?;
                self.line(messages::deleted("node", name));
                Ok(())
            }
            Step::NodeCondition { name, conditions } => {
                if self.sim.node(name).is_none() {
                    return Err(node_not_found(name));
                }
                for (condition, status) in conditions {
                    self.apply(Command::SetNodeCondition {
                        node: name.clone(),
                        condition: *condition,
                        status: *status,
                    })?;
                    self.line(format!(
                        "node/{name} condition {} set to {}",
                        condition.as_str(),
                        status.as_str()
                    ));
                }
                Ok(())
            }
            Step::PodFail {
                namespace,
                names,
                node,
                label,
            } => self.pod_fail(namespace, names, node.as_deref(), label),
        }
    }

    /// `kubectl label nodes …` (label.go `RunLabel`, `labelFunc`, `updateDataChangeMsg`).
    fn label(&mut self, nodes: &[String], changes: &[LabelChange], overwrite: bool) -> Result {
        self.require_nodes(nodes)?;
        for name in nodes {
            let Some(node) = self.sim.node(name).cloned() else {
                return Err(node_not_found(name));
            };
            for c in changes {
                if let LabelChange::Remove { key } = c {
                    if !node.labels.contains_key(key) {
                        self.line(messages::label_not_found(key));
                    }
                }
            }
            if !overwrite {
                let errs: Vec<String> = changes
                    .iter()
                    .filter_map(|c| match c {
                        LabelChange::Set { key, .. } => node.labels.get(key).map(|v| {
                            format!("'{key}' already has a value ({v}), and --overwrite is false")
                        }),
                        LabelChange::Remove { .. } => None,
                    })
                    .collect();
                check_errs(errs)?;
            }
            // The API server validates the new labels (metadata.labels).
            for c in changes {
                if let LabelChange::Set { key, value } = c {
                    super::node_edit::check_label(name, key, value)?;
                }
            }
            let mut labels = node.labels.clone();
            for c in changes {
                match c {
                    LabelChange::Set { key, value } => {
                        labels.insert(key.clone(), value.clone());
                    }
                    LabelChange::Remove { key } => {
                        labels.remove(key);
                    }
                }
            }
            let operation = if labels == node.labels {
                "not labeled"
            } else if !overwrite && labels_json_len(&labels) < labels_json_len(&node.labels) {
                "unlabeled"
            } else {
                "labeled"
            };
            for c in changes {
                let (key, value) = match c {
                    LabelChange::Set { key, value } => (key.clone(), Some(value.clone())),
                    LabelChange::Remove { key } => (key.clone(), None),
                };
                if node.labels.get(&key) != value.as_ref() {
                    self.apply(Command::SetNodeLabel {
                        node: name.clone(),
                        key,
                        value,
                    })?;
                }
            }
            self.line(messages::done("node", name, operation));
        }
        Ok(())
    }

    /// `kubectl taint nodes …` (taint.go `updateTaints`, utils.go `reorganizeTaints`).
    fn taint(
        &mut self,
        nodes: &[String],
        add: &[Taint],
        remove: &[crate::command::TaintRemoval],
        overwrite: bool,
    ) -> Result {
        self.require_nodes(nodes)?;
        for name in nodes {
            let Some(node) = self.sim.node(name).cloned() else {
                return Err(node_not_found(name));
            };
            if !overwrite {
                let existing: Vec<&str> = add
                    .iter()
                    .flat_map(|t| {
                        node.taints
                            .iter()
                            .filter(move |o| o.key == t.key && o.effect == t.effect)
                            .map(move |_| t.key.as_str())
                    })
                    .collect();
                if !existing.is_empty() {
                    return Err(messages::taint_exists(name, &existing.join(",")));
                }
            }
            // reorganizeTaints.
            let mut new_taints: Vec<Taint> = add.to_vec();
            for old in &node.taints {
                if !new_taints.iter().any(|t| t.matches_taint(old)) {
                    new_taints.push(old.clone());
                }
            }
            let added = node.taints.len() != new_taints.len();
            let mut errs = vec![];
            let mut deleted = false;
            for r in remove {
                let before = new_taints.len();
                new_taints.retain(|t| !(t.key == r.key && r.effect.is_none_or(|e| e == t.effect)));
                deleted = new_taints.len() != before;
                if !deleted {
                    errs.push(format!("taint \"{}\" not found", r.spec()));
                }
            }
            check_errs(errs)?;
            let operation = if (added && deleted) || overwrite {
                "modified"
            } else if added {
                "tainted"
            } else {
                "untainted"
            };
            for t in add {
                self.apply(Command::AddTaint {
                    node: name.clone(),
                    taint: t.clone(),
                })?;
            }
            for r in remove {
                self.apply(Command::RemoveTaint {
                    node: name.clone(),
                    key: r.key.clone(),
                    effect: r.effect,
                })?;
            }
            self.line(messages::done("node", name, operation));
        }
        Ok(())
    }

    /// `kubectl cordon|uncordon` (drain.go `RunCordonOrUncordon`).
    fn cordon(&mut self, nodes: &[String], desired: bool) -> Result {
        self.require_nodes(nodes)?;
        for name in nodes {
            let current = self.sim.node(name).is_some_and(|n| n.unschedulable);
            let word = if desired { "cordoned" } else { "uncordoned" };
            if current == desired {
                self.line(messages::done("node", name, &format!("already {word}")));
                continue;
            }
            let command = if desired {
                Command::Cordon { node: name.clone() }
            } else {
                Command::Uncordon { node: name.clone() }
            };
            self.apply(command)?;
            self.line(messages::done("node", name, word));
        }
        Ok(())
    }

    /// `kubectl drain` (drain.go `RunDrain`, pkg/drain/filters.go; semantics R8.3).
    fn drain(
        &mut self,
        nodes: &[String],
        ignore_daemonsets: bool,
        force: bool,
        delete_emptydir_data: bool,
    ) -> Result {
        self.require_nodes(nodes)?;
        self.cordon(nodes, true)?;
        for name in nodes {
            // GetPodsForDeletion: every pod bound to the node, in API order.
            let pods: Vec<Pod> = self
                .sim
                .pods()
                .filter(|p| p.spec.node_name.as_deref() == Some(name.as_str()))
                .cloned()
                .collect();
            let mut ds_ignored = vec![];
            let mut ds_fatal = vec![];
            let mut local_warn = vec![];
            let mut local_fatal = vec![];
            let mut unmanaged_warn = vec![];
            let mut unmanaged_fatal = vec![];
            let mut other_fatal: Vec<(String, String)> = vec![];
            let mut to_delete = vec![];
            for pod in &pods {
                let id = format!("{}/{}", pod.namespace, pod.name);
                let finished = pod.status.phase.is_terminal();
                let controller = pod.controller_ref();
                // daemonSetFilter.
                if let Some(owner) = controller.filter(|o| o.kind == "DaemonSet") {
                    if !finished {
                        let exists = self
                            .sim
                            .daemon_set(&DaemonSetKey::new(
                                pod.namespace.clone(),
                                owner.name.clone(),
                            ))
                            .is_some();
                        if !exists {
                            if !force {
                                other_fatal.push((ds_not_found(&owner.name), id));
                                continue;
                            }
                        } else if !ignore_daemonsets {
                            ds_fatal.push(id);
                            continue;
                        } else {
                            ds_ignored.push(id);
                            continue;
                        }
                    }
                }
                // mirrorPodFilter.
                if pod.annotations.contains_key("kubernetes.io/config.mirror") {
                    continue;
                }
                // localStorageFilter.
                let local = pod.spec.volumes.iter().any(|v| v.kind == "EmptyDir");
                if local && !finished {
                    if !delete_emptydir_data {
                        local_fatal.push(id);
                        continue;
                    }
                    local_warn.push(id.clone());
                }
                // unreplicatedFilter.
                if controller.is_none() && !finished {
                    if !force {
                        unmanaged_fatal.push(id);
                        continue;
                    }
                    unmanaged_warn.push(id.clone());
                }
                to_delete.push(pod.clone());
            }
            let mut errs = vec![];
            if !ds_fatal.is_empty() {
                errs.push(messages::drain_daemonset_pods(&ds_fatal));
            }
            if !local_fatal.is_empty() {
                errs.push(messages::drain_local_storage_pods(&local_fatal));
            }
            if !unmanaged_fatal.is_empty() {
                errs.push(messages::drain_unmanaged_pods(&unmanaged_fatal));
            }
            for (msg, id) in other_fatal {
                errs.push(format!("cannot delete {msg}: {id}"));
            }
            if !errs.is_empty() {
                self.warn(messages::drain_aborting(name));
                return check_errs(errs);
            }
            let mut warnings = vec![];
            if !ds_ignored.is_empty() {
                warnings.push(messages::drain_ignoring_daemonset_pods(&ds_ignored));
            }
            if !local_warn.is_empty() {
                warnings.push(messages::drain_deleting_local_storage_pods(&local_warn));
            }
            if !unmanaged_warn.is_empty() {
                warnings.push(messages::drain_deleting_unmanaged_pods(&unmanaged_warn));
            }
            if !warnings.is_empty() {
                self.warn(format!("Warning: {}", warnings.join("; ")));
            }
            for pod in &to_delete {
                self.line(format!("evicting pod {}/{}", pod.namespace, pod.name));
            }
            for pod in &to_delete {
                self.apply(Command::DeletePod {
                    namespace: pod.namespace.clone(),
                    name: pod.name.clone(),
                })?;
            }
            for pod in &to_delete {
                self.line(format!("pod/{} evicted", pod.name));
            }
            self.line(messages::done("node", name, "drained"));
        }
        Ok(())
    }

    fn delete_pods(&mut self, namespace: &str, target: &PodTarget) -> Result {
        match target {
            PodTarget::Names(names) => {
                let mut missing = vec![];
                for name in names {
                    if self.sim.pod(namespace, name).is_none() {
                        missing.push(pod_not_found(name));
                        continue;
                    }
                    self.apply(Command::DeletePod {
                        namespace: namespace.to_string(),
                        name: name.clone(),
                    })?;
                    self.line(messages::deleted("pod", name));
                }
                if missing.is_empty() {
                    Ok(())
                } else {
                    Err(missing.join("\n"))
                }
            }
            PodTarget::Query { label, fields } => {
                let names: Vec<String> = self
                    .sim
                    .pods()
                    .filter(|p| {
                        p.namespace == namespace
                            && selects(label, p)
                            && fields.iter().all(|f| field_matches(p, f))
                    })
                    .map(|p| p.name.clone())
                    .collect();
                if names.is_empty() {
                    self.line(messages::NO_RESOURCES_FOUND);
                    return Ok(());
                }
                for name in names {
                    self.apply(Command::DeletePod {
                        namespace: namespace.to_string(),
                        name: name.clone(),
                    })?;
                    self.line(messages::deleted("pod", &name));
                }
                Ok(())
            }
        }
    }

    /// Replaces the DaemonSet's template with `template` (an update through the API server).
    fn update_template(
        &mut self,
        mut ds: DaemonSet,
        template: crate::model::PodTemplate,
    ) -> Result {
        ds.template = template;
        self.apply(Command::ApplyDaemonSet(ds))
    }

    /// `kubectl set image` (set_image.go).
    fn set_image(&mut self, namespace: &str, name: &str, images: &[(String, String)]) -> Result {
        let ds = self.daemon_set(namespace, name)?;
        let spec = &ds.template.spec;
        let mut errs = vec![];
        for (container, _) in images {
            let found = container == "*"
                || spec
                    .containers
                    .iter()
                    .chain(&spec.init_containers)
                    .any(|c| &c.name == container);
            if !found {
                errs.push(messages::no_such_container(container));
            }
        }
        let edit = manifest::TemplateEdit::SetImages(images.to_vec());
        let edited = reader::edit_template(&ds.template, &edit)
            .ok_or_else(|| reader::NOT_LOADED.to_string())?
            .unwrap_or_else(|| {
                // A template without canonical JSON (built by hand): edit the model directly.
                let mut t = ds.template.clone();
                for c in t
                    .spec
                    .containers
                    .iter_mut()
                    .chain(t.spec.init_containers.iter_mut())
                {
                    if let Some(image) = edit.image_for(&c.name) {
                        c.image = image.to_string();
                    }
                }
                let images: Vec<String> = t
                    .spec
                    .containers
                    .iter()
                    .chain(&t.spec.init_containers)
                    .map(|c| format!("{}={}", c.name, c.image))
                    .collect();
                t.canonical_json = format!("{}|{}", ds.template.canonical_json, images.join(","));
                t
            });
        if edited.canonical_json != ds.template.canonical_json {
            self.update_template(ds.clone(), edited)?;
            self.line(messages::done("daemonset.apps", &ds.name, "image updated"));
        }
        if errs.is_empty() {
            Ok(())
        } else if errs.len() == 1 {
            Err(errs.remove(0))
        } else {
            Err(errs.join("\n"))
        }
    }

    /// `kubectl rollout restart` (objectrestarter.go): the template gets the
    /// `kubectl.kubernetes.io/restartedAt` annotation with the current time.
    fn restart(&mut self, namespace: &str, name: &str) -> Result {
        const KEY: &str = "kubectl.kubernetes.io/restartedAt";
        let ds = self.daemon_set(namespace, name)?;
        let now = kubectl::clock::rfc3339(self.sim.now());
        if ds.template.annotations.get(KEY) == Some(&now) {
            return Err(messages::restart_too_soon(name));
        }
        let edit = manifest::TemplateEdit::Annotate {
            key: KEY.to_string(),
            value: now.clone(),
        };
        let edited = reader::edit_template(&ds.template, &edit)
            .ok_or_else(|| reader::NOT_LOADED.to_string())?
            .unwrap_or_else(|| {
                let mut t = ds.template.clone();
                t.annotations.insert(KEY.to_string(), now.clone());
                t.canonical_json = format!("{}|{KEY}={now}", ds.template.canonical_json);
                t
            });
        self.update_template(ds.clone(), edited)?;
        self.line(messages::done("daemonset.apps", &ds.name, "restarted"));
        Ok(())
    }

    /// `kubectl rollout undo` (rollback.go `DaemonSetRollbacker`; R3.11).
    fn undo(&mut self, namespace: &str, name: &str, to: i64) -> Result {
        let ds = self.daemon_set(namespace, name)?;
        let revisions = self.sim.revisions(&ds).to_vec();
        let target = rollout::undo_target(&revisions, to)?.clone();
        if target.template.canonical_json == ds.template.canonical_json {
            self.line(messages::done(
                "daemonset.apps",
                &ds.name,
                &rollout::skipped_rollback(to),
            ));
            return Ok(());
        }
        self.update_template(ds.clone(), target.template)?;
        self.line(messages::done("daemonset.apps", &ds.name, "rolled back"));
        Ok(())
    }

    fn get(
        &mut self,
        resource: GetResource,
        names: &[String],
        scope: &Scope,
        wide: bool,
        label: &Option<(String, LabelSelector)>,
        fields: &[FieldRequirement],
    ) -> Result {
        let named = |n: &str| names.is_empty() || names.iter().any(|x| x == n);
        let (output, missing): (Output, Vec<String>) = match resource {
            GetResource::DaemonSets => {
                let missing = names
                    .iter()
                    .filter(|n| {
                        !self
                            .sim
                            .daemon_sets()
                            .iter()
                            .any(|d| &&d.name == n && scope.includes(&d.namespace))
                    })
                    .map(|n| ds_not_found(n))
                    .collect();
                (
                    get::get_daemon_sets(self.sim, scope, wide, |d| named(&d.name)),
                    missing,
                )
            }
            GetResource::Pods => {
                let missing = names
                    .iter()
                    .filter(|n| {
                        !self
                            .sim
                            .pods()
                            .any(|p| &&p.name == n && scope.includes(&p.namespace))
                    })
                    .map(|n| pod_not_found(n))
                    .collect();
                (
                    get::get_pods(self.sim, scope, wide, |p| {
                        named(&p.name)
                            && selects(label, p)
                            && fields.iter().all(|f| field_matches(p, f))
                    }),
                    missing,
                )
            }
            GetResource::Nodes => {
                let missing = names
                    .iter()
                    .filter(|n| self.sim.node(n).is_none())
                    .map(|n| node_not_found(n))
                    .collect();
                (get::get_nodes(self.sim, |n| named(&n.name)), missing)
            }
            GetResource::Events => {
                let events: Vec<Event> = self
                    .sim
                    .events()
                    .iter()
                    .filter(|e| e.object.kind == "Node" || scope.includes(&e.object.namespace))
                    .cloned()
                    .collect();
                (
                    get::get_events(
                        self.sim.now(),
                        &events,
                        matches!(scope, Scope::AllNamespaces),
                    ),
                    vec![],
                )
            }
        };
        // With names, kubectl prints what it found and the NotFound errors, not "No resources".
        if !names.is_empty() && !missing.is_empty() {
            if !output.stdout_text().is_empty() {
                self.out.output.append(Output::stdout(output.stdout_text()));
            }
            return Err(missing.join("\n"));
        }
        self.out.output.append(output);
        Ok(())
    }

    /// `kubectl apply -f -` with `text` on stdin.
    fn apply_text(&mut self, text: &str) -> Result {
        let loaded = reader::load(text).ok_or_else(|| reader::NOT_LOADED.to_string())?;
        for object in loaded.objects {
            match apply_object(self.sim, object.object) {
                Ok((applied, events)) => {
                    self.out.events.extend(events);
                    self.line(applied.line());
                }
                Err(diagnostics) => {
                    let rendered = manifest::render_kubectl_errors(&diagnostics, "STDIN");
                    return Err(rendered.trim_end().to_string());
                }
            }
        }
        if loaded.diagnostics.is_empty() {
            Ok(())
        } else {
            let rendered = manifest::render_kubectl_errors(&loaded.diagnostics, "STDIN");
            Err(rendered.trim_end().to_string())
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn node_add(
        &mut self,
        name: &str,
        kind: super::node_edit::NodeKind,
        labels: &[(String, String)],
        taints: &[Taint],
        cpu: &Option<Quantity>,
        memory: &Option<Quantity>,
        pods: Option<i64>,
    ) -> Result {
        if self.sim.node(name).is_some() {
            return Err(format!(
                "Error from server (AlreadyExists): nodes \"{name}\" already exists"
            ));
        }
        super::node_edit::parse_node_name(name)?;
        let (preset_labels, preset_taints) =
            super::node_edit::preset(kind, &NodeName(name.to_string()));
        let mut node = Node::new(name);
        node.labels = preset_labels;
        node.taints = preset_taints;
        for (k, v) in labels {
            super::node_edit::check_label(name, k, v)?;
            node.labels.insert(k.clone(), v.clone());
        }
        for t in taints {
            if let Some(existing) = node.taints.iter_mut().find(|o| o.matches_taint(t)) {
                *existing = t.clone();
            } else {
                node.taints.push(t.clone());
            }
        }
        if cpu.is_some() || memory.is_some() || pods.is_some() {
            let mut allocatable = ResourceList::new();
            if let Some(q) = cpu {
                allocatable.insert("cpu".into(), q.clone());
            }
            if let Some(q) = memory {
                allocatable.insert("memory".into(), q.clone());
            }
            // The kubelet's default --max-pods when only cpu/memory are given.
            allocatable.insert("pods".into(), Quantity::from_units(pods.unwrap_or(110)));
            node.allocatable = Some(allocatable);
        }
        self.apply(Command::ApplyNode(node))?;
        self.line(messages::done("node", name, "created"));
        Ok(())
    }

    fn pod_fail(
        &mut self,
        namespace: &str,
        names: &[String],
        node: Option<&str>,
        label: &Option<(String, LabelSelector)>,
    ) -> Result {
        let targets: Vec<String> = if names.is_empty() {
            if let Some(n) = node {
                if self.sim.node(n).is_none() {
                    return Err(node_not_found(n));
                }
            }
            self.sim
                .pods()
                .filter(|p| {
                    p.namespace == namespace
                        && node.is_none_or(|n| p.spec.node_name.as_deref() == Some(n))
                        && selects(label, p)
                        && p.deletion_timestamp.is_none()
                        && !p.status.phase.is_terminal()
                        && p.is_bound()
                })
                .map(|p| p.name.clone())
                .collect()
        } else {
            if let Some(missing) = names.iter().find(|n| self.sim.pod(namespace, n).is_none()) {
                return Err(pod_not_found(missing));
            }
            names.to_vec()
        };
        if targets.is_empty() {
            self.line(messages::NO_RESOURCES_FOUND);
            return Ok(());
        }
        for name in targets {
            let phase = self.sim.pod(namespace, &name).map(|p| p.status.phase);
            if phase == Some(PodPhase::Failed) {
                self.line(format!("pod/{name} already failed"));
                continue;
            }
            self.apply(Command::FailPod {
                namespace: namespace.to_string(),
                name: name.clone(),
            })?;
            self.line(format!(
                "pod/{name} failed (its container exited with code 1)"
            ));
        }
        Ok(())
    }
}
