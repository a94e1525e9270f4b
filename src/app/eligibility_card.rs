//! The eligibility card's view model: for one node and one DaemonSet, every check the controller
//! and the scheduler make (nodeName, nodeSelector, each required affinity term and expression,
//! each taint with the toleration covering it, cordon, readiness, resources, host ports), each with
//! its outcome and its API spelling, ending in the controller's decision and kubectl-style reason.
//!
//! Built from `Simulation::explain`, the same functions the controller uses, so the card cannot
//! disagree with the placement (and a test pins it to the CLI's JSON). Deliberately absent: the
//! explanations' wording, which the UI takes from `crate::i18n` in the reader's language; the API
//! text stays in English as a cluster prints it.

use crate::engine::explain::Eligibility;
use crate::engine::Simulation;
use crate::model::{
    effective_requests_of, DaemonSet, DaemonSetKey, Node, NodeName, NodeSelectorRequirement,
    TaintEffect,
};

/// Whether a check lets the pod run here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    Fail,
    /// Informational: does not decide anything (PreferNoSchedule, no selector, cordon).
    Neutral,
}

/// One check, with the data its explanation needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// The template pins `spec.nodeName`.
    NodeName { wanted: String },
    /// The template has no nodeSelector and no required affinity: every node matches.
    NoSelector,
    /// One nodeSelector pair; `node_value` is the node's value for the key.
    SelectorPair {
        key: String,
        value: String,
        node_value: Option<String>,
    },
    /// A required node-affinity term (terms are ORed; its expressions ANDed). `index` from 1.
    AffinityTerm { index: usize, empty: bool },
    /// One expression of a term.
    AffinityRequirement {
        term: usize,
        is_field: bool,
        node_value: Option<String>,
    },
    /// The node has no taints.
    NoTaints,
    /// One node taint and the toleration covering it, if any.
    Taint {
        effect: TaintEffect,
        toleration: Option<String>,
        automatic: bool,
    },
    /// `spec.unschedulable` (cordon).
    Cordon { cordoned: bool },
    /// The node's Ready condition.
    Ready { ready: bool },
    /// Resource requests against what is free (`reasons` empty when they fit).
    Resources {
        requests: String,
        reasons: Vec<String>,
    },
    /// Host ports the template asks for.
    HostPorts { ports: String, reasons: Vec<String> },
}

/// One row of the card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckRow {
    pub check: Check,
    pub outcome: Outcome,
    /// The API's spelling of what is checked (`disktype=ssd`, `key:NoSchedule`), English always.
    pub api_text: String,
}

/// The card's conclusion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The DaemonSet wants a pod here and it fits.
    Runs,
    /// The DaemonSet wants a pod here but the scheduler cannot place it.
    Unschedulable,
    /// No new pod here, but the running one stays (untolerated NoSchedule only).
    KeepsRunning,
    /// No pod here.
    NotHere,
}

/// The daemon pod currently on the node, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodLine {
    pub name: String,
    /// kubectl's STATUS word.
    pub status: String,
    pub reason: Option<String>,
}

/// The whole card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EligibilityCard {
    pub node: NodeName,
    pub daemon_set: DaemonSetKey,
    pub rows: Vec<CheckRow>,
    pub should_run: bool,
    pub should_continue_running: bool,
    /// The controller's reason line (the CLI JSON's node `reason`), `None` when it should run.
    pub reason: Option<String>,
    pub pod: Option<PodLine>,
    pub verdict: Verdict,
}

/// Builds the card for `ds` on `node`.
pub fn eligibility_card(sim: &Simulation, ds: &DaemonSet, node: &Node) -> EligibilityCard {
    let e: Eligibility = sim.explain(ds, node);
    let mut rows = Vec::new();
    if let Some((wanted, matches)) = &e.node_name_check {
        rows.push(CheckRow {
            check: Check::NodeName {
                wanted: wanted.clone(),
            },
            outcome: pass_if(*matches),
            api_text: format!("spec.nodeName: {wanted}"),
        });
    }
    if e.node_selector.is_empty() && e.affinity_terms.is_none() {
        rows.push(CheckRow {
            check: Check::NoSelector,
            outcome: Outcome::Pass,
            api_text: "nodeSelector: <none>".to_string(),
        });
    }
    for pair in &e.node_selector {
        rows.push(CheckRow {
            check: Check::SelectorPair {
                key: pair.key.clone(),
                value: pair.value.clone(),
                node_value: pair.node_value.clone(),
            },
            outcome: pass_if(pair.matches),
            api_text: format!("{}={}", pair.key, pair.value),
        });
    }
    for (i, term) in e.affinity_terms.iter().flatten().enumerate() {
        rows.push(CheckRow {
            check: Check::AffinityTerm {
                index: i + 1,
                empty: term.empty,
            },
            outcome: pass_if(term.matches),
            api_text: format!("nodeSelectorTerms[{i}]"),
        });
        for r in &term.requirements {
            rows.push(CheckRow {
                check: Check::AffinityRequirement {
                    term: i + 1,
                    is_field: r.is_field,
                    node_value: r.node_value.clone(),
                },
                outcome: pass_if(r.matches),
                api_text: requirement_text(&r.requirement),
            });
        }
    }
    if e.taints.is_empty() {
        rows.push(CheckRow {
            check: Check::NoTaints,
            outcome: Outcome::Pass,
            api_text: "taints: <none>".to_string(),
        });
    }
    for t in &e.taints {
        let outcome = if t.ignored {
            Outcome::Neutral
        } else {
            pass_if(t.toleration.is_some())
        };
        rows.push(CheckRow {
            check: Check::Taint {
                effect: t.taint.effect,
                toleration: t.toleration.as_ref().map(|t| t.to_describe_string()),
                automatic: t.automatic,
            },
            outcome,
            api_text: t.taint.to_kubectl_string(),
        });
    }
    rows.push(CheckRow {
        check: Check::Cordon {
            cordoned: e.cordoned,
        },
        outcome: Outcome::Neutral,
        api_text: format!("spec.unschedulable: {}", e.cordoned),
    });
    rows.push(CheckRow {
        check: Check::Ready { ready: e.ready },
        outcome: if e.ready {
            Outcome::Pass
        } else {
            Outcome::Neutral
        },
        api_text: format!(
            "Ready={}",
            node.condition(crate::model::NodeConditionType::Ready)
                .as_str()
        ),
    });
    let (port_reasons, resource_reasons): (Vec<String>, Vec<String>) = e
        .fit_reasons
        .iter()
        .cloned()
        .partition(|r| r.contains("ports"));
    let requests = effective_requests_of(&ds.template.spec);
    let requests_text = if requests.is_empty() {
        "requests: <none>".to_string()
    } else {
        requests
            .iter()
            .map(|(k, q)| match k.as_str() {
                "cpu" => format!("cpu: {}", super::cluster_view::format_cpu(q.milli)),
                "memory" => format!(
                    "memory: {}",
                    super::cluster_view::format_bytes(q.milli / 1000)
                ),
                _ => format!("{k}: {}", q.text),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    rows.push(CheckRow {
        outcome: pass_if(resource_reasons.is_empty()),
        check: Check::Resources {
            requests: requests_text.clone(),
            reasons: resource_reasons,
        },
        api_text: requests_text,
    });
    let ports: Vec<String> = ds
        .template
        .spec
        .containers
        .iter()
        .flat_map(|c| &c.ports)
        .filter(|p| p.host_port > 0)
        .map(|p| format!("{}/{}", p.host_port, p.protocol))
        .collect();
    if !ports.is_empty() {
        let ports = ports.join(", ");
        rows.push(CheckRow {
            outcome: pass_if(port_reasons.is_empty()),
            check: Check::HostPorts {
                ports: ports.clone(),
                reasons: port_reasons,
            },
            api_text: format!("hostPort {ports}"),
        });
    }

    let by_node = sim.daemon_pods_by_node(ds);
    let pod = by_node
        .get(&node.name)
        .and_then(|pods| pods.first())
        .map(|p| {
            let report = crate::app::report::pod_report(sim, p);
            PodLine {
                name: p.name.clone(),
                status: crate::app::cluster_view::status_word(p),
                reason: report.reason,
            }
        });
    let d = &e.decision;
    let verdict = if d.should_run {
        if !e.fit_reasons.is_empty() {
            Verdict::Unschedulable
        } else {
            Verdict::Runs
        }
    } else if d.should_continue_running && pod.is_some() {
        Verdict::KeepsRunning
    } else {
        Verdict::NotHere
    };
    EligibilityCard {
        node: NodeName(node.name.clone()),
        daemon_set: ds.key(),
        rows,
        should_run: d.should_run,
        should_continue_running: d.should_continue_running,
        reason: d.reason.as_ref().map(|r| r.to_string()),
        pod,
        verdict,
    }
}

fn pass_if(ok: bool) -> Outcome {
    if ok {
        Outcome::Pass
    } else {
        Outcome::Fail
    }
}

/// `key In [a, b]`, `key Exists`, as the API object reads.
fn requirement_text(r: &NodeSelectorRequirement) -> String {
    if r.values.is_empty() {
        format!("{} {}", r.key, r.operator.as_str())
    } else {
        format!(
            "{} {} [{}]",
            r.key,
            r.operator.as_str(),
            r.values.join(", ")
        )
    }
}
