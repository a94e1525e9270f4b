//! Decoded, defaulted and validated k8s-openapi objects → the model's types ("parse, don't
//! validate": everything here is known valid, so conversion never fails; anything unexpected
//! degrades to a neutral value). Identities are deterministic: a `metadata.uid` in the manifest
//! is kept (so that exported pods still point at their owner), otherwise one is derived from the
//! kind, namespace and name.
//!
//! Deliberately absent: any validation (see `validation`) and any defaulting (see `defaults`).

use crate::model::{
    self, pod::ContainerState, ConditionStatus, IntOrPercent, LabelSelector, Labels,
    NodeConditionType, NodeSelector, NodeSelectorOperator, NodeSelectorRequirement,
    NodeSelectorTerm, PodPhase, PodStatus, Quantity, Requirement, ResourceList, SelectorOperator,
    SimTime, Taint, TaintEffect, Toleration, TolerationOperator, UpdateStrategy,
};
use k8s_openapi::api::apps::v1::DaemonSet;
use k8s_openapi::api::core::v1::{self as core, Node, Pod, PodTemplateSpec};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity as K8sQuantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector as K8sSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use std::collections::BTreeMap;

/// The annotation every apps/v1 DaemonSet carries (R5.1).
pub(crate) const TEMPLATE_GENERATION_ANNOTATION: &str = "deprecated.daemonset.template.generation";

fn labels(map: Option<&BTreeMap<String, String>>) -> Labels {
    map.cloned().unwrap_or_default()
}

fn uid(meta: &ObjectMeta, kind: &str, namespace: &str, name: &str) -> String {
    match meta.uid.as_deref() {
        Some(uid) if !uid.is_empty() => uid.to_string(),
        _ if namespace.is_empty() => format!("{kind}-uid-{name}"),
        _ => format!("{kind}-uid-{namespace}-{name}"),
    }
}

fn resource_list(map: Option<&BTreeMap<String, K8sQuantity>>) -> ResourceList {
    map.into_iter()
        .flatten()
        .filter_map(|(k, q)| Quantity::parse(&q.0).ok().map(|q| (k.clone(), q)))
        .collect()
}

/// A label selector in the model's parsed form; `None` for a nil selector.
pub(crate) fn selector(selector: Option<&K8sSelector>) -> Option<LabelSelector> {
    let s = selector?;
    let mut requirements: Vec<Requirement> = s
        .match_labels
        .iter()
        .flatten()
        .map(|(k, v)| Requirement::new(k.clone(), SelectorOperator::Equals, vec![v.clone()]))
        .collect();
    for r in s.match_expressions.iter().flatten() {
        let operator = match r.operator.as_str() {
            "In" => SelectorOperator::In,
            "NotIn" => SelectorOperator::NotIn,
            "Exists" => SelectorOperator::Exists,
            _ => SelectorOperator::DoesNotExist,
        };
        requirements.push(Requirement::new(
            r.key.clone(),
            operator,
            r.values.clone().unwrap_or_default(),
        ));
    }
    Some(LabelSelector::new(requirements))
}

fn int_or_percent(value: Option<&IntOrString>, default: i64) -> IntOrPercent {
    match value {
        Some(IntOrString::Int(i)) => IntOrPercent::Int(i64::from(*i)),
        Some(IntOrString::String(s)) => match s.strip_suffix('%').and_then(|p| p.parse().ok()) {
            Some(p) => IntOrPercent::Percent(p),
            None => IntOrPercent::Int(s.parse().unwrap_or(default)),
        },
        None => IntOrPercent::Int(default),
    }
}

/// A DaemonSet as created: generation 1, template generation 1 and its annotation (R5.1).
pub(crate) fn daemonset(ds: &DaemonSet, selector_given: bool) -> model::DaemonSet {
    let namespace = ds.metadata.namespace.clone().unwrap_or_default();
    let name = ds.metadata.name.clone().unwrap_or_default();
    let mut annotations = labels(ds.metadata.annotations.as_ref());
    annotations.insert(TEMPLATE_GENERATION_ANNOTATION.to_string(), "1".to_string());
    let spec = &ds.spec;
    let update_strategy = match spec.update_strategy.as_ref() {
        Some(s) if s.type_.as_deref() == Some("OnDelete") => UpdateStrategy::OnDelete,
        Some(s) => {
            let rolling = s.rolling_update.as_ref();
            UpdateStrategy::RollingUpdate {
                max_unavailable: int_or_percent(
                    rolling.and_then(|r| r.max_unavailable.as_ref()),
                    1,
                ),
                max_surge: int_or_percent(rolling.and_then(|r| r.max_surge.as_ref()), 0),
            }
        }
        None => UpdateStrategy::default(),
    };
    model::DaemonSet {
        uid: uid(&ds.metadata, "daemonset", &namespace, &name),
        namespace,
        name,
        labels: labels(ds.metadata.labels.as_ref()),
        annotations,
        selector: selector(selector_given.then_some(&spec.selector)),
        template: pod_template(&spec.template),
        update_strategy,
        min_ready_seconds: i64::from(spec.min_ready_seconds.unwrap_or(0)),
        revision_history_limit: spec.revision_history_limit.unwrap_or(10),
        generation: 1,
        template_generation: 1,
        creation_timestamp: SimTime::ZERO,
        deletion_timestamp: None,
        status: Default::default(),
    }
}

/// A pod template; its canonical JSON is the defaulted k8s-openapi template (R3.9 input).
pub(crate) fn pod_template(template: &PodTemplateSpec) -> model::PodTemplate {
    let meta = template.metadata.as_ref();
    let default_spec = core::PodSpec::default();
    model::PodTemplate {
        labels: labels(meta.and_then(|m| m.labels.as_ref())),
        annotations: labels(meta.and_then(|m| m.annotations.as_ref())),
        spec: pod_spec(template.spec.as_ref().unwrap_or(&default_spec)),
        canonical_json: serde_json::to_string(template).unwrap_or_default(),
    }
}

fn toleration(t: &core::Toleration) -> Toleration {
    Toleration {
        key: t.key.clone().unwrap_or_default(),
        operator: TolerationOperator::parse(t.operator.as_deref().unwrap_or("")),
        value: t.value.clone().unwrap_or_default(),
        effect: t.effect.as_deref().and_then(TaintEffect::parse),
        toleration_seconds: t.toleration_seconds,
    }
}

fn node_selector_requirement(r: &core::NodeSelectorRequirement) -> NodeSelectorRequirement {
    NodeSelectorRequirement {
        key: r.key.clone(),
        operator: NodeSelectorOperator::parse(&r.operator),
        values: r.values.clone().unwrap_or_default(),
    }
}

fn env_line(e: &core::EnvVar) -> String {
    let Some(from) = &e.value_from else {
        return format!("{}={}", e.name, e.value.as_deref().unwrap_or(""));
    };
    let source = if let Some(f) = &from.field_ref {
        format!(
            "fieldRef {}:{}",
            f.api_version.as_deref().unwrap_or("v1"),
            f.field_path
        )
    } else if let Some(r) = &from.resource_field_ref {
        format!("resourceFieldRef {}", r.resource)
    } else if let Some(c) = &from.config_map_key_ref {
        format!("configMapKeyRef {}/{}", c.name, c.key)
    } else if let Some(s) = &from.secret_key_ref {
        format!("secretKeyRef {}/{}", s.name, s.key)
    } else {
        "valueFrom".to_string()
    };
    format!("{} (from {source})", e.name)
}

fn container(c: &core::Container) -> model::Container {
    let resources = c.resources.as_ref();
    model::Container {
        restart_policy: c.restart_policy.clone(),
        name: c.name.clone(),
        image: c.image.clone().unwrap_or_default(),
        requests: resource_list(resources.and_then(|r| r.requests.as_ref())),
        limits: resource_list(resources.and_then(|r| r.limits.as_ref())),
        ports: c
            .ports
            .iter()
            .flatten()
            .map(|p| model::ContainerPort {
                name: p.name.clone().unwrap_or_default(),
                container_port: p.container_port,
                host_port: p.host_port.unwrap_or(0),
                protocol: p.protocol.clone().unwrap_or_else(|| "TCP".to_string()),
                host_ip: p.host_ip.clone().unwrap_or_default(),
            })
            .collect(),
        env: c.env.iter().flatten().map(env_line).collect(),
        volume_mounts: c
            .volume_mounts
            .iter()
            .flatten()
            .map(|m| model::VolumeMount {
                name: m.name.clone(),
                mount_path: m.mount_path.clone(),
                read_only: m.read_only.unwrap_or(false),
            })
            .collect(),
        command: c.command.clone().unwrap_or_default(),
        args: c.args.clone().unwrap_or_default(),
    }
}

/// A volume summarised for `kubectl describe`: kubectl's type name and the source's key detail.
fn volume(v: &core::Volume) -> model::Volume {
    let (kind, detail) = if let Some(h) = &v.host_path {
        ("HostPath", h.path.clone())
    } else if let Some(e) = &v.empty_dir {
        ("EmptyDir", e.medium.clone().unwrap_or_default())
    } else if let Some(c) = &v.config_map {
        ("ConfigMap", c.name.clone())
    } else if let Some(s) = &v.secret {
        ("Secret", s.secret_name.clone().unwrap_or_default())
    } else if let Some(p) = &v.persistent_volume_claim {
        ("PersistentVolumeClaim", p.claim_name.clone())
    } else if v.projected.is_some() {
        ("Projected", String::new())
    } else if v.downward_api.is_some() {
        ("DownwardAPI", String::new())
    } else if let Some(c) = &v.csi {
        ("CSI", c.driver.clone())
    } else {
        ("Other", String::new())
    };
    model::Volume {
        name: v.name.clone(),
        kind: kind.to_string(),
        detail,
    }
}

/// The pod spec fields the simulator reads.
pub(crate) fn pod_spec(spec: &core::PodSpec) -> model::PodSpec {
    let affinity = spec.affinity.as_ref();
    let node_affinity = affinity.and_then(|a| a.node_affinity.as_ref());
    let required = node_affinity
        .and_then(|n| {
            n.required_during_scheduling_ignored_during_execution
                .as_ref()
        })
        .map(|s| NodeSelector {
            node_selector_terms: s
                .node_selector_terms
                .iter()
                .map(|t| NodeSelectorTerm {
                    match_expressions: t
                        .match_expressions
                        .iter()
                        .flatten()
                        .map(node_selector_requirement)
                        .collect(),
                    match_fields: t
                        .match_fields
                        .iter()
                        .flatten()
                        .map(node_selector_requirement)
                        .collect(),
                })
                .collect(),
        });
    let has_other_affinity = node_affinity.is_some_and(|n| {
        n.preferred_during_scheduling_ignored_during_execution
            .as_ref()
            .is_some_and(|p| !p.is_empty())
    }) || affinity
        .is_some_and(|a| a.pod_affinity.is_some() || a.pod_anti_affinity.is_some());
    let service_account = spec
        .service_account_name
        .clone()
        .or_else(|| spec.service_account.clone())
        .filter(|s| !s.is_empty());
    model::PodSpec {
        node_name: spec.node_name.clone().filter(|n| !n.is_empty()),
        node_selector: labels(spec.node_selector.as_ref()).into(),
        required_node_affinity: required.map(crate::model::Shared::new),
        has_other_affinity,
        tolerations: spec.tolerations.iter().flatten().map(toleration).collect(),
        host_network: spec.host_network.unwrap_or(false),
        containers: spec.containers.iter().map(container).collect(),
        init_containers: spec
            .init_containers
            .iter()
            .flatten()
            .map(container)
            .collect(),
        volumes: spec.volumes.iter().flatten().map(volume).collect(),
        termination_grace_period_seconds: spec.termination_grace_period_seconds.unwrap_or(30),
        restart_policy: spec
            .restart_policy
            .clone()
            .unwrap_or_else(|| "Always".to_string()),
        priority_class_name: spec.priority_class_name.clone().filter(|p| !p.is_empty()),
        priority: spec.priority,
        service_account_name: service_account,
    }
}

/// A node. `allocatable` was defaulted from capacity; with neither, the node has no limit.
pub(crate) fn node(node: &Node) -> model::Node {
    let name = node.metadata.name.clone().unwrap_or_default();
    let spec = node.spec.as_ref();
    let status = node.status.as_ref();
    let mut conditions = BTreeMap::new();
    for c in status
        .and_then(|s| s.conditions.as_ref())
        .into_iter()
        .flatten()
    {
        if let (Some(t), Some(s)) = (
            NodeConditionType::parse(&c.type_),
            ConditionStatus::parse(&c.status),
        ) {
            conditions.insert(t, s);
        }
    }
    model::Node {
        uid: uid(&node.metadata, "node", "", &name),
        name,
        labels: labels(node.metadata.labels.as_ref()),
        annotations: labels(node.metadata.annotations.as_ref()),
        taints: spec
            .and_then(|s| s.taints.as_ref())
            .into_iter()
            .flatten()
            .filter_map(|t| {
                TaintEffect::parse(&t.effect)
                    .map(|e| Taint::new(t.key.clone(), t.value.clone().unwrap_or_default(), e))
            })
            .collect(),
        unschedulable: spec.and_then(|s| s.unschedulable).unwrap_or(false),
        conditions,
        allocatable: status
            .and_then(|s| s.allocatable.as_ref())
            .map(|a| resource_list(Some(a))),
        creation_timestamp: SimTime::ZERO,
    }
}

fn container_state(status: &core::PodStatus, phase: PodPhase) -> (ContainerState, i32) {
    let statuses = status.container_statuses.as_deref().unwrap_or(&[]);
    let restarts = statuses.iter().map(|s| s.restart_count).sum();
    let waiting = statuses
        .iter()
        .filter_map(|s| s.state.as_ref()?.waiting.as_ref())
        .next();
    let terminated = statuses
        .iter()
        .filter_map(|s| s.state.as_ref()?.terminated.as_ref())
        .next();
    let running = statuses
        .iter()
        .any(|s| s.state.as_ref().is_some_and(|st| st.running.is_some()));
    let state = if let Some(w) = waiting {
        ContainerState::Waiting {
            reason: w.reason.clone().unwrap_or_default().into(),
        }
    } else if let Some(t) = terminated {
        ContainerState::Terminated {
            reason: t.reason.clone().unwrap_or_default(),
            exit_code: t.exit_code,
        }
    } else if running {
        ContainerState::Running {
            started_at: SimTime::ZERO,
        }
    } else {
        match phase {
            PodPhase::Running => ContainerState::Running {
                started_at: SimTime::ZERO,
            },
            PodPhase::Succeeded => ContainerState::Terminated {
                reason: "Completed".to_string(),
                exit_code: 0,
            },
            PodPhase::Failed => ContainerState::Terminated {
                reason: "Error".to_string(),
                exit_code: 1,
            },
            _ => PodStatus::default().container_state,
        }
    };
    (state, restarts)
}

/// A pre-existing pod; without a status it gets the model's default (Pending, ContainerCreating).
pub(crate) fn pod(pod: &Pod) -> model::Pod {
    let namespace = pod.metadata.namespace.clone().unwrap_or_default();
    let name = pod.metadata.name.clone().unwrap_or_default();
    let default_spec = core::PodSpec::default();
    let status = match &pod.status {
        None => PodStatus::default(),
        Some(s) => {
            let phase = s
                .phase
                .as_deref()
                .and_then(PodPhase::parse)
                .unwrap_or(PodPhase::Pending);
            let ready = s
                .conditions
                .iter()
                .flatten()
                .any(|c| c.type_ == "Ready" && c.status == "True");
            let (container_state, restart_count) = container_state(s, phase);
            PodStatus {
                phase,
                reason: s.reason.clone().filter(|r| !r.is_empty()),
                container_state,
                ready,
                ready_transition: ready.then_some(SimTime::ZERO),
                unschedulable_message: None,
                restart_count,
                pod_ip: s.pod_ip.clone().filter(|ip| !ip.is_empty()),
            }
        }
    };
    model::Pod {
        uid: uid(&pod.metadata, "pod", &namespace, &name),
        namespace,
        name,
        labels: labels(pod.metadata.labels.as_ref()).into(),
        annotations: labels(pod.metadata.annotations.as_ref()),
        owner_references: pod
            .metadata
            .owner_references
            .iter()
            .flatten()
            .map(|o| model::OwnerReference {
                api_version: o.api_version.clone(),
                kind: o.kind.clone(),
                name: o.name.clone(),
                uid: o.uid.clone(),
                controller: o.controller.unwrap_or(false),
            })
            .collect(),
        spec: pod_spec(pod.spec.as_ref().unwrap_or(&default_spec)),
        status,
        creation_timestamp: SimTime::ZERO,
        deletion_timestamp: pod
            .metadata
            .deletion_timestamp
            .as_ref()
            .map(|_| SimTime::ZERO),
    }
}
