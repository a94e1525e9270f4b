//! The page's session as a scenario file (DESIGN.md "Scenarios"): the objects the history
//! starts from, then every recorded edit in the step language (`kubectl label …`, `node add …`,
//! `pod fail …`, `apply:` for the editor's text) and `advance` for clock moves. The CLI's `run`
//! replays what this writes, and the page imports it back (`AppState::update(ImportScenario)`).
//!
//! A reset, or editor text whose Nodes differ from the last apply, rebuilds the cluster from
//! scratch; the export then starts there (objects = that text), since no step rebuilds a
//! cluster. Deliberately absent: files and downloads (the UI's).

use super::history::{Edit, Entry};
use super::node_edit::NodeKind;
use super::scenario::Caption;
use super::state::Action;
use crate::command::{LabelChange, Step, TaintRemoval};
use crate::engine::Timing;
use crate::model::Quantity;
use serde::{Deserialize, Serialize};

/// Where a history starts.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// The page's default cluster with this editor text applied.
    Page { text: String },
    /// An imported scenario's objects.
    Scenario {
        objects: String,
        title: Option<Caption>,
    },
}

#[derive(Serialize, Deserialize)]
pub(crate) struct OutCaption {
    en: Option<String>,
    ko: Option<String>,
}

impl From<&Caption> for OutCaption {
    fn from(c: &Caption) -> Self {
        OutCaption {
            en: c.en.clone(),
            ko: c.ko.clone(),
        }
    }
}

#[derive(Serialize, Deserialize)]
pub(crate) struct OutTiming {
    pull: String,
    start: String,
    ready: String,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct OutStep {
    caption: Option<OutCaption>,
    #[serde(rename = "do")]
    do_: Option<String>,
    apply: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct OutScenario {
    kind: String,
    version: u32,
    title: Option<OutCaption>,
    seed: u64,
    timing: Option<OutTiming>,
    objects: String,
    steps: Vec<OutStep>,
}

fn step(text: String) -> OutStep {
    OutStep {
        caption: None,
        do_: Some(text),
        apply: None,
    }
}

/// The objects that rebuild the page's cluster for `text` (the default cluster's nodes unless
/// the text has its own), as `plan` would load them.
pub fn page_objects(text: &str) -> String {
    let read = super::reader::read_editor(text).unwrap_or_default();
    if !read.diagnostics.is_empty() {
        return crate::examples::DEFAULT_CLUSTER.to_string();
    }
    if !read.nodes().is_empty() {
        return text.to_string();
    }
    let mut objects = crate::examples::DEFAULT_CLUSTER.trim_end().to_string();
    objects.push_str("\n---\n");
    objects.push_str(text);
    objects
}

/// The text without its Node documents (an apply that keeps the diagram's nodes).
fn without_nodes(text: &str) -> String {
    let mut documents: Vec<String> = vec![String::new()];
    for line in text.lines() {
        if line.starts_with("---") {
            documents.push(String::new());
        }
        let doc = documents.last_mut().expect("one document at least");
        doc.push_str(line);
        doc.push('\n');
    }
    documents
        .into_iter()
        .filter(|d| {
            super::reader::read_editor(d)
                .unwrap_or_default()
                .nodes()
                .is_empty()
        })
        .collect::<String>()
        .trim_start_matches("---\n")
        .to_string()
}

fn units(q: &Quantity) -> i64 {
    q.milli.div_euclid(1000)
}

/// A diagram edit in the step language.
pub fn action_step(action: &Action) -> Option<Step> {
    Some(match action {
        Action::AddNode(new) => {
            let resource = |name: &str| new.allocatable.as_ref().and_then(|a| a.get(name)).cloned();
            Step::NodeAdd {
                name: new.name.0.clone(),
                control_plane: new.kind == NodeKind::ControlPlane,
                custom: new.kind == NodeKind::Custom,
                labels: new
                    .labels
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
                taints: new.taints.clone(),
                cpu: resource("cpu"),
                memory: resource("memory"),
                pods: resource("pods").map(|q| units(&q)),
            }
        }
        Action::RemoveNode(name) => Step::NodeRemove {
            name: name.0.clone(),
        },
        Action::SetLabel { node, key, value } => Step::Label {
            nodes: vec![node.0.clone()],
            changes: vec![LabelChange::Set {
                key: key.clone(),
                value: value.clone(),
            }],
            overwrite: true,
        },
        Action::RemoveLabel { node, key } => Step::Label {
            nodes: vec![node.0.clone()],
            changes: vec![LabelChange::Remove { key: key.clone() }],
            overwrite: false,
        },
        Action::AddTaint { node, taint } => Step::Taint {
            nodes: vec![node.0.clone()],
            add: vec![taint.clone()],
            remove: vec![],
            overwrite: true,
        },
        Action::RemoveTaint { node, key, effect } => Step::Taint {
            nodes: vec![node.0.clone()],
            add: vec![],
            remove: vec![TaintRemoval {
                key: key.clone(),
                effect: Some(*effect),
            }],
            overwrite: false,
        },
        Action::Cordon(node) => Step::Cordon {
            nodes: vec![node.0.clone()],
        },
        Action::Uncordon(node) => Step::Uncordon {
            nodes: vec![node.0.clone()],
        },
        Action::SetCondition {
            node,
            condition,
            status,
        } => Step::NodeCondition {
            name: node.0.clone(),
            conditions: vec![(*condition, *status)],
        },
        Action::SetAllocatable { node, allocatable } => {
            let resource = |name: &str| allocatable.as_ref().and_then(|a| a.get(name)).cloned();
            Step::NodeAllocatable {
                name: node.0.clone(),
                cpu: resource("cpu"),
                memory: resource("memory"),
                pods: resource("pods"),
            }
        }
        Action::FailPod { namespace, name } => Step::PodFail {
            namespace: namespace.clone(),
            names: vec![name.clone()],
            node: None,
            label: None,
        },
        _ => return None,
    })
}

/// Writes the scenario file for a history from `origin` with these entries.
pub fn export(origin: &Origin, seed: u64, timing: Timing, entries: &[Entry]) -> String {
    // The export starts at the last rebuild, if any.
    let start = entries.iter().rposition(|e| e.rebuild);
    let (objects, title, rest) = match start {
        Some(i) => {
            let text = match &entries[i].edit {
                Edit::ApplyText { text } | Edit::Reset { text } => page_objects(text),
                _ => String::new(),
            };
            (text, None, &entries[i + 1..])
        }
        None => match origin {
            Origin::Page { text } => (page_objects(text), None, entries),
            Origin::Scenario { objects, title } => (objects.clone(), title.clone(), entries),
        },
    };
    let mut steps = Vec::new();
    for entry in rest {
        match &entry.edit {
            Edit::ApplyText { text } => {
                let has_nodes = !super::reader::read_editor(text)
                    .unwrap_or_default()
                    .nodes()
                    .is_empty();
                steps.push(OutStep {
                    caption: None,
                    do_: None,
                    apply: Some(if has_nodes {
                        without_nodes(text)
                    } else {
                        text.clone()
                    }),
                });
                steps.extend(entry.pruned.iter().cloned().map(step));
            }
            Edit::Reset { .. } => {}
            Edit::Cluster(action) => {
                if let Some(s) = action_step(action) {
                    steps.push(step(s.to_string()));
                }
            }
            Edit::Clock(d) => steps.push(step(Step::Advance(*d).to_string())),
            Edit::Settle => steps.push(step(Step::Settle.to_string())),
            Edit::Scenario {
                text,
                step: parsed,
                caption,
            } => {
                let (do_, apply) = match parsed {
                    Step::Apply { text } => (None, Some(text.clone())),
                    _ => (Some(text.clone()), None),
                };
                steps.push(OutStep {
                    caption: caption.as_ref().map(OutCaption::from),
                    do_,
                    apply,
                });
            }
        }
    }
    let fmt = crate::command::format_duration;
    let timing = (timing != Timing::default()).then(|| OutTiming {
        pull: fmt(timing.pull),
        start: fmt(timing.start),
        ready: fmt(timing.ready),
    });
    let out = OutScenario {
        kind: "Scenario".to_string(),
        version: 1,
        title: title.as_ref().map(OutCaption::from),
        seed,
        timing,
        objects,
        steps,
    };
    super::reader::scenario_to_yaml(&out).unwrap_or_default()
}
