//! Pods and pod templates: the parts of `core/v1` that placement, scheduling, lifecycle and the
//! kubectl printers need. The template keeps a canonical JSON rendering of itself so that the
//! revision hash changes with any template field, even ones the simulator does not model.

use super::{Labels, NodeSelector, ResourceList, Shared, SimTime, Toleration};

/// A container port.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct ContainerPort {
    pub name: String,
    pub container_port: i32,
    /// 0 when unset.
    pub host_port: i32,
    /// `TCP` by default (R5.2).
    pub protocol: String,
    pub host_ip: String,
}

/// A volume mount, for `kubectl describe`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct VolumeMount {
    pub name: String,
    pub mount_path: String,
    pub read_only: bool,
}

/// A container.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Container {
    pub name: String,
    pub image: String,
    pub requests: ResourceList,
    pub limits: ResourceList,
    pub ports: Vec<ContainerPort>,
    /// `name=value` or `name (from source)` lines, for describe.
    pub env: Vec<String>,
    pub volume_mounts: Vec<VolumeMount>,
    pub command: Vec<String>,
    pub args: Vec<String>,
    /// `restartPolicy` of an init container: `Always` makes it a sidecar (a restartable init
    /// container that keeps running beside the app containers).
    pub restart_policy: Option<String>,
}

impl Container {
    /// A container with a name and an image and nothing else (no requests, ports or command).
    pub fn new(name: impl Into<String>, image: impl Into<String>) -> Self {
        Container {
            name: name.into(),
            image: image.into(),
            requests: Default::default(),
            limits: Default::default(),
            ports: vec![],
            env: vec![],
            volume_mounts: vec![],
            command: vec![],
            args: vec![],
            restart_policy: None,
        }
    }

    /// A restartable init container (`restartPolicy: Always`): it keeps running beside the app
    /// containers, so its requests add up and kubectl counts it in READY.
    pub fn is_sidecar(&self) -> bool {
        self.restart_policy.as_deref() == Some("Always")
    }
}

/// A volume, for `kubectl describe`: its name and a one-line description of its source.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Volume {
    pub name: String,
    pub kind: String,
    pub detail: String,
}

/// The pod spec fields the simulator reasons about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct PodSpec {
    /// `spec.nodeName`: set on a bound pod, or in a template to bypass the scheduler (R1.9).
    pub node_name: Option<String>,
    pub node_selector: Shared<Labels>,
    /// `affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`.
    pub required_node_affinity: Option<Shared<NodeSelector>>,
    /// Whether the affinity has preferred node terms or pod (anti-)affinity (kept, never decisive).
    pub has_other_affinity: bool,
    pub tolerations: Shared<Vec<Toleration>>,
    pub host_network: bool,
    pub containers: Shared<Vec<Container>>,
    pub init_containers: Shared<Vec<Container>>,
    pub volumes: Shared<Vec<Volume>>,
    pub termination_grace_period_seconds: i64,
    pub restart_policy: String,
    pub priority_class_name: Option<String>,
    pub priority: Option<i32>,
    pub service_account_name: Option<String>,
}

/// A DaemonSet's `spec.template`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct PodTemplate {
    pub labels: Labels,
    pub annotations: Labels,
    pub spec: PodSpec,
    /// Canonical JSON of the defaulted `spec.template`: the input of the revision hash (R3.9)
    /// and the data of a ControllerRevision.
    pub canonical_json: String,
}

/// An owner reference.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct OwnerReference {
    pub api_version: String,
    pub kind: String,
    pub name: String,
    pub uid: String,
    pub controller: bool,
}

/// `status.phase`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PodPhase {
    Pending,
    Running,
    Succeeded,
    Failed,
    Unknown,
}

impl PodPhase {
    pub fn as_str(self) -> &'static str {
        match self {
            PodPhase::Pending => "Pending",
            PodPhase::Running => "Running",
            PodPhase::Succeeded => "Succeeded",
            PodPhase::Failed => "Failed",
            PodPhase::Unknown => "Unknown",
        }
    }

    pub fn parse(text: &str) -> Option<PodPhase> {
        match text {
            "Pending" => Some(PodPhase::Pending),
            "Running" => Some(PodPhase::Running),
            "Succeeded" => Some(PodPhase::Succeeded),
            "Failed" => Some(PodPhase::Failed),
            "Unknown" => Some(PodPhase::Unknown),
            _ => None,
        }
    }

    pub fn is_terminal(self) -> bool {
        matches!(self, PodPhase::Succeeded | PodPhase::Failed)
    }
}

/// The state of the pod's containers, summarised for STATUS (R7.2) and the lifecycle.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ContainerState {
    /// Waiting with a reason: `ContainerCreating`, `CrashLoopBackOff`, … (the kubelet's own
    /// reasons are static texts: every new pod says `ContainerCreating` without a copy).
    Waiting {
        reason: std::borrow::Cow<'static, str>,
    },
    Running {
        started_at: SimTime,
    },
    /// Terminated with a reason (`Error`, `Completed`) and exit code.
    Terminated {
        reason: String,
        exit_code: i32,
    },
}

/// The pod status fields the simulator tracks. Laid out in declaration order (`repr(C)`, like
/// `Pod`): what the controllers read of every pod (phase, readiness) first, in one cache line.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[repr(C)]
pub struct PodStatus {
    pub phase: PodPhase,
    /// The `Ready` condition.
    pub ready: bool,
    pub restart_count: i32,
    /// When the `Ready` condition last changed (R3.7 availability counts from here).
    pub ready_transition: Option<SimTime>,
    /// `status.reason` (`NodeLost`, `OutOfcpu`, …).
    pub reason: Option<String>,
    pub container_state: ContainerState,
    /// `PodScheduled=False` message (the FailedScheduling text) while unschedulable.
    pub unschedulable_message: Option<String>,
    pub pod_ip: Option<String>,
}

impl Default for PodStatus {
    fn default() -> Self {
        PodStatus {
            phase: PodPhase::Pending,
            reason: None,
            container_state: ContainerState::Waiting {
                reason: "ContainerCreating".into(),
            },
            ready: false,
            ready_transition: None,
            unschedulable_message: None,
            restart_count: 0,
            pod_ip: None,
        }
    }
}

/// A pod. Laid out in declaration order (`repr(C)`): what the controllers and kubelets read of
/// every pod on every pass (deletion, phase, readiness) comes first, so that at thousands of
/// pods a pass reads one cache line of each instead of several.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[repr(C)]
pub struct Pod {
    pub deletion_timestamp: Option<SimTime>,
    pub status: PodStatus,
    pub namespace: String,
    pub name: String,
    pub uid: String,
    pub labels: Shared<Labels>,
    pub annotations: Labels,
    pub owner_references: Shared<Vec<OwnerReference>>,
    pub spec: PodSpec,
    pub creation_timestamp: SimTime,
}

impl Pod {
    /// A pod with only a namespace and a name: no labels, owners or containers, unbound,
    /// Pending, created at time zero. Fill in the rest with struct update syntax.
    pub fn new(namespace: impl Into<String>, name: impl Into<String>) -> Self {
        Pod {
            namespace: namespace.into(),
            name: name.into(),
            uid: String::new(),
            labels: Default::default(),
            annotations: Labels::new(),
            owner_references: Default::default(),
            spec: PodSpec::default(),
            status: PodStatus::default(),
            creation_timestamp: SimTime::ZERO,
            deletion_timestamp: None,
        }
    }

    /// The controller owner reference, if any.
    pub fn controller_ref(&self) -> Option<&OwnerReference> {
        self.owner_references.iter().find(|o| o.controller)
    }

    /// The node a pod is bound to or aimed at: `spec.nodeName`, else the single
    /// `metadata.name In [node]` term the controller injected (`GetTargetNodeName`, R1.9).
    pub fn target_node_name(&self) -> Option<&str> {
        if let Some(n) = self.spec.node_name.as_deref() {
            return Some(n);
        }
        let affinity = self.spec.required_node_affinity.as_ref()?;
        for term in &affinity.node_selector_terms {
            for field in &term.match_fields {
                if field.key == "metadata.name"
                    && field.operator == super::NodeSelectorOperator::In
                    && field.values.len() == 1
                {
                    return Some(&field.values[0]);
                }
            }
        }
        None
    }

    pub fn is_terminating(&self) -> bool {
        self.deletion_timestamp.is_some()
    }

    pub fn is_bound(&self) -> bool {
        self.spec.node_name.is_some()
    }

    /// Container requests summed as the scheduler does (`computePodResourceRequest`): the sum over
    /// containers, raised to any single init container's request, with limits standing in for
    /// missing requests (the defaulting of R5.3 happens at creation, so callers pass created pods).
    pub fn resource_requests(&self) -> ResourceList {
        effective_requests_of(&self.spec)
    }
}

/// Requests of a pod spec as the scheduler counts them (see `Pod::resource_requests`).
pub fn effective_requests_of(spec: &PodSpec) -> ResourceList {
    fn container_requests(c: &Container) -> ResourceList {
        let mut r = c.requests.clone();
        for (name, q) in &c.limits {
            r.entry(name.clone()).or_insert_with(|| q.clone());
        }
        r
    }
    // component-helpers' AggregateContainerRequests: app containers add up; sidecars
    // (restartPolicy Always) add up too and keep running beside every later init container; an
    // ordinary init container needs its own requests plus the sidecars started before it; the
    // pod needs the larger of the running total and the largest init-time need.
    type Totals = std::collections::BTreeMap<String, i64>;
    let mut total: Totals = Default::default();
    for c in &spec.containers {
        for (name, q) in container_requests(c) {
            *total.entry(name).or_default() += q.milli;
        }
    }
    let mut sidecars: Totals = Default::default();
    let mut init_need: Totals = Default::default();
    for c in &spec.init_containers {
        let requests = container_requests(c);
        let need: Totals = if c.is_sidecar() {
            for (name, q) in &requests {
                *total.entry(name.clone()).or_default() += q.milli;
                *sidecars.entry(name.clone()).or_default() += q.milli;
            }
            sidecars.clone()
        } else {
            let mut need = sidecars.clone();
            for (name, q) in &requests {
                *need.entry(name.clone()).or_default() += q.milli;
            }
            need
        };
        for (name, milli) in need {
            let e = init_need.entry(name).or_default();
            *e = (*e).max(milli);
        }
    }
    for (name, milli) in init_need {
        let e = total.entry(name).or_default();
        *e = (*e).max(milli);
    }
    total
        .into_iter()
        .map(|(k, milli)| (k, super::Quantity::from_milli(milli)))
        .collect()
}
