//! The scenario step language (DESIGN.md "Scenarios"): kubectl wherever kubectl has the verb,
//! plus a few simulator verbs for what only the cluster's environment does (`advance`, `settle`,
//! `node add|remove|condition|allocatable`, `pod fail`). Scripts, lessons, the in-page terminal and shared
//! links all speak it.
//!
//! A step string is parsed into a typed [`Step`] (`parse_step`), with errors in kubectl's own
//! wording (cobra's unknown command/flag errors, `cmdutil.UsageErrorf`, `invalid taint spec`);
//! [`Step`]'s `Display` prints it back in canonical form, and parsing that text gives the same
//! step. Deliberately absent: executing steps (that needs the simulation and the manifest
//! reader, see `app::exec`) and any check against the cluster's state (`NotFound` and friends
//! come from execution).

mod flags;
mod lexer;
mod parse;
mod print;
pub mod selector;
#[cfg(test)]
mod tests;
mod validate;

pub use lexer::{quote, split_words};
pub use parse::parse_step;
pub use print::format_duration;

use crate::kubectl::Scope;
use crate::model::{
    ConditionStatus, LabelSelector, NodeConditionType, Quantity, SimDuration, Taint, TaintEffect,
};

/// A step that could not be parsed: the message as kubectl (or the simulator) prints it,
/// including kubectl's `error: ` prefix.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StepError(pub String);

impl std::fmt::Display for StepError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StepError {}

/// One change of `kubectl label`: `key=value` or `key-`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LabelChange {
    Set { key: String, value: String },
    Remove { key: String },
}

/// One removal of `kubectl taint`: `key:Effect-` (one effect) or `key-` (every effect).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TaintRemoval {
    pub key: String,
    pub effect: Option<TaintEffect>,
}

impl TaintRemoval {
    /// `Taint.ToString()` of the removal: `key:Effect` or `key`.
    pub fn spec(&self) -> String {
        match self.effect {
            Some(e) => format!("{}:{}", self.key, e),
            None => self.key.clone(),
        }
    }
}

/// `kubectl delete --cascade=…`, as written (the boolean forms are deprecated but accepted).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CascadeFlag {
    Background,
    Foreground,
    Orphan,
    /// `--cascade=true` (= background).
    True,
    /// `--cascade=false` (= orphan).
    False,
}

impl CascadeFlag {
    pub fn as_str(self) -> &'static str {
        match self {
            CascadeFlag::Background => "background",
            CascadeFlag::Foreground => "foreground",
            CascadeFlag::Orphan => "orphan",
            CascadeFlag::True => "true",
            CascadeFlag::False => "false",
        }
    }

    pub fn cascade(self) -> crate::engine::Cascade {
        match self {
            CascadeFlag::Background | CascadeFlag::True => crate::engine::Cascade::Background,
            CascadeFlag::Foreground => crate::engine::Cascade::Foreground,
            CascadeFlag::Orphan | CascadeFlag::False => crate::engine::Cascade::Orphan,
        }
    }
}

/// A field selector requirement on pods (`--field-selector`): only the fields the simulator
/// keeps.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldRequirement {
    /// `metadata.name`, `spec.nodeName` or `status.phase`.
    pub field: String,
    /// `=`/`==` (true) or `!=` (false).
    pub equals: bool,
    pub value: String,
}

/// Which pods a command addresses.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PodTarget {
    /// By name.
    Names(Vec<String>),
    /// By `-l SELECTOR` and/or `--field-selector`; `label` keeps the text as written.
    Query {
        label: Option<(String, LabelSelector)>,
        fields: Vec<FieldRequirement>,
    },
}

/// What `kubectl get` lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum GetResource {
    DaemonSets,
    Pods,
    Nodes,
    Events,
}

/// What `kubectl describe` shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DescribeResource {
    DaemonSet,
    Pod,
}

/// A parsed step.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Step {
    /// `kubectl label nodes N… k=v… k-… [--overwrite]`.
    Label {
        nodes: Vec<String>,
        changes: Vec<LabelChange>,
        overwrite: bool,
    },
    /// `kubectl taint nodes N… k=v:Effect… k:Effect-… k-… [--overwrite]`.
    Taint {
        nodes: Vec<String>,
        add: Vec<Taint>,
        remove: Vec<TaintRemoval>,
        overwrite: bool,
    },
    /// `kubectl cordon N…`.
    Cordon { nodes: Vec<String> },
    /// `kubectl uncordon N…`.
    Uncordon { nodes: Vec<String> },
    /// `kubectl drain N… [--ignore-daemonsets] [--force] [--delete-emptydir-data]`.
    Drain {
        nodes: Vec<String>,
        ignore_daemonsets: bool,
        force: bool,
        delete_emptydir_data: bool,
    },
    /// `kubectl delete node N…`.
    DeleteNodes { names: Vec<String> },
    /// `kubectl delete ds NAME… [-n NS] [--cascade=…]`.
    DeleteDaemonSets {
        namespace: String,
        names: Vec<String>,
        cascade: CascadeFlag,
    },
    /// `kubectl delete pod NAME…|-l SELECTOR [--field-selector …] [-n NS]`.
    DeletePods {
        namespace: String,
        target: PodTarget,
    },
    /// `kubectl set image ds/NAME CONTAINER=IMAGE… [-n NS]`.
    SetImage {
        namespace: String,
        name: String,
        images: Vec<(String, String)>,
    },
    /// `kubectl rollout restart ds/NAME`.
    RolloutRestart { namespace: String, name: String },
    /// `kubectl rollout undo ds/NAME [--to-revision=N]` (0 = the previous revision).
    RolloutUndo {
        namespace: String,
        name: String,
        to_revision: i64,
    },
    /// `kubectl rollout status ds/NAME` (printed once, as with `--watch=false`).
    RolloutStatus { namespace: String, name: String },
    /// `kubectl rollout history ds/NAME [--revision=N]`.
    RolloutHistory {
        namespace: String,
        name: String,
        revision: i64,
    },
    /// `kubectl get ds|pods|nodes|events [NAME…] [-l SELECTOR] [--field-selector F] [-o wide]
    /// [-n NS|-A]`.
    Get {
        resource: GetResource,
        names: Vec<String>,
        scope: Scope,
        wide: bool,
        /// `-l SELECTOR` (pods), as written and parsed.
        label: Option<(String, LabelSelector)>,
        /// `--field-selector` (pods).
        fields: Vec<FieldRequirement>,
    },
    /// `kubectl describe ds|pod NAME [-n NS]`.
    Describe {
        resource: DescribeResource,
        namespace: String,
        name: String,
    },
    /// `kubectl apply -f -` with the step's `apply:` text.
    Apply { text: String },
    /// `advance DURATION`: move the clock.
    Advance(SimDuration),
    /// `settle`: run until nothing changes (at most 10 simulated minutes).
    Settle,
    /// `node add NAME [--control-plane|--custom] [--label k=v]… [--taint k=v:Effect]… [--cpu Q]
    /// [--memory Q] [--pods N]`. `--custom`: only the hostname label plus the given ones (the
    /// page's "custom" node), no `kubernetes.io/os`.
    NodeAdd {
        name: String,
        control_plane: bool,
        custom: bool,
        labels: Vec<(String, String)>,
        taints: Vec<Taint>,
        cpu: Option<Quantity>,
        memory: Option<Quantity>,
        pods: Option<i64>,
    },
    /// `node remove NAME`.
    NodeRemove { name: String },
    /// `node allocatable NAME [--cpu Q] [--memory Q] [--pods Q]`: sets `status.allocatable` to
    /// exactly the given resources; with none, the node has no resource limit.
    NodeAllocatable {
        name: String,
        cpu: Option<Quantity>,
        memory: Option<Quantity>,
        pods: Option<Quantity>,
    },
    /// `node condition NAME Type=Status…`.
    NodeCondition {
        name: String,
        conditions: Vec<(NodeConditionType, ConditionStatus)>,
    },
    /// `pod fail NAME…|--node N [-l SELECTOR] [-n NS]`: the container exits with an error.
    PodFail {
        namespace: String,
        names: Vec<String>,
        node: Option<String>,
        label: Option<(String, LabelSelector)>,
    },
}

impl Step {
    /// The step as a scenario's JSON `do` field shows it (`kubectl apply -f -` for `apply:`).
    pub fn text(&self) -> String {
        self.to_string()
    }

    /// Whether the step only reads the cluster (get, describe, rollout status/history).
    pub fn is_read_only(&self) -> bool {
        matches!(
            self,
            Step::Get { .. }
                | Step::Describe { .. }
                | Step::RolloutStatus { .. }
                | Step::RolloutHistory { .. }
        )
    }
}

/// The default settle limit: 10 simulated minutes (DESIGN.md "Scenarios").
pub const SETTLE_LIMIT: SimDuration = SimDuration(600_000);
