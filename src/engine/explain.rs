//! The eligibility explanation for one (node, DaemonSet) pair: every check the controller and
//! the scheduler make, each with its outcome, ending in the controller's decision. This is what
//! the page's eligibility card and `explain` output render; it is computed from the same
//! functions the controller uses, so it cannot disagree with the placement.

use super::{placement, scheduler, Decision, Simulation};
use crate::model::{DaemonSet, Node, NodeSelectorRequirement, NodeSelectorTerm, Taint, Toleration};

/// One nodeSelector pair and whether the node has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectorCheck {
    pub key: String,
    pub value: String,
    /// The node's value for the key, if it has the label.
    pub node_value: Option<String>,
    pub matches: bool,
}

/// One requirement of a required node-affinity term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementCheck {
    pub requirement: NodeSelectorRequirement,
    /// `matchFields` (compared with the node name) rather than `matchExpressions`.
    pub is_field: bool,
    pub node_value: Option<String>,
    pub matches: bool,
}

/// One term of the required node affinity (terms are ORed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermCheck {
    pub requirements: Vec<RequirementCheck>,
    /// A term with neither expressions nor fields matches nothing (R1.4).
    pub empty: bool,
    pub matches: bool,
}

/// One node taint and the toleration that covers it, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaintCheck {
    pub taint: Taint,
    pub toleration: Option<Toleration>,
    /// The covering toleration is one the DaemonSet controller adds (R1.7).
    pub automatic: bool,
    /// PreferNoSchedule taints never block (R1.8).
    pub ignored: bool,
}

/// The full explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Eligibility {
    pub node_name_check: Option<(String, bool)>,
    pub node_selector: Vec<SelectorCheck>,
    pub selector_matches: bool,
    /// `None` when the template has no required node affinity.
    pub affinity_terms: Option<Vec<TermCheck>>,
    pub affinity_matches: bool,
    pub taints: Vec<TaintCheck>,
    pub cordoned: bool,
    pub ready: bool,
    /// Scheduler fit on this node for a pod of this template (resources, ports), as reasons.
    pub fit_reasons: Vec<String>,
    pub decision: Decision,
}

impl Simulation {
    /// Explains why the DaemonSet does or does not run a pod on the node.
    pub fn explain(&self, ds: &DaemonSet, node: &Node) -> Eligibility {
        let spec = &ds.template.spec;
        let tolerations = placement::effective_template_tolerations(ds);
        let user_count = tolerations.len()
            - placement::daemon_tolerations(spec.host_network)
                .iter()
                .filter(|d| !spec.tolerations.iter().any(|u| u.matches_toleration(d)))
                .count();
        let node_selector: Vec<SelectorCheck> = spec
            .node_selector
            .iter()
            .map(|(k, v)| {
                let node_value = node.labels.get(k).cloned();
                SelectorCheck {
                    key: k.clone(),
                    value: v.clone(),
                    matches: node_value.as_ref() == Some(v),
                    node_value,
                }
            })
            .collect();
        let selector_matches = node_selector.iter().all(|c| c.matches);
        let affinity_terms = spec.required_node_affinity.as_ref().map(|a| {
            a.node_selector_terms
                .iter()
                .map(|t| explain_term(t, node))
                .collect::<Vec<_>>()
        });
        let affinity_matches = affinity_terms
            .as_ref()
            .is_none_or(|ts| ts.iter().any(|t| t.matches));
        let taints = node
            .taints
            .iter()
            .map(|taint| {
                let pos = tolerations.iter().position(|t| t.tolerates(taint));
                TaintCheck {
                    taint: taint.clone(),
                    toleration: pos.map(|i| tolerations[i].clone()),
                    automatic: pos.is_some_and(|i| i >= user_count),
                    ignored: taint.effect == crate::model::TaintEffect::PreferNoSchedule,
                }
            })
            .collect();
        let mut pod_spec = spec.clone();
        pod_spec.tolerations = tolerations.clone().into();
        pod_spec.required_node_affinity = None;
        pod_spec.node_selector.clear();
        let only: std::collections::HashSet<&str> = [node.name.as_str()].into_iter().collect();
        let usage = scheduler::node_usage_on(self, Some(&only));
        // The DaemonSet's own pod on this node must not count against itself.
        let mut node_usage = usage.get(&node.name).cloned().unwrap_or_default();
        for e in self.pods.values() {
            let p = &e.pod;
            if p.spec.node_name.as_deref() == Some(&node.name)
                && !p.status.phase.is_terminal()
                && p.controller_ref().is_some_and(|o| o.uid == ds.uid)
            {
                node_usage.pods -= 1;
                for (name, q) in crate::model::effective_requests_of(&p.spec) {
                    node_usage.requested.add(&name, -q.milli);
                }
                node_usage.host_ports.retain(|hp| {
                    !p.spec
                        .containers
                        .iter()
                        .flat_map(|c| &c.ports)
                        .any(|cp| cp.host_port == hp.0 && cp.protocol == hp.1)
                });
            }
        }
        let fit_reasons = match scheduler::filter(&pod_spec, &strip_taints(node), Some(&node_usage))
        {
            Some(scheduler::FilterFailure::Resolvable(r)) => r,
            _ => Vec::new(),
        };
        Eligibility {
            node_name_check: spec
                .node_name
                .as_ref()
                .map(|n| (n.clone(), n == &node.name)),
            node_selector,
            selector_matches,
            affinity_terms,
            affinity_matches,
            taints,
            cordoned: node.unschedulable,
            ready: node.is_ready(),
            fit_reasons,
            decision: placement::node_should_run_daemon_pod(ds, &tolerations, node),
        }
    }
}

/// The node without taints and cordon, so that the fit check reports only resources and ports.
fn strip_taints(node: &Node) -> Node {
    let mut n = node.clone();
    n.taints.clear();
    n.unschedulable = false;
    n
}

fn explain_term(term: &NodeSelectorTerm, node: &Node) -> TermCheck {
    let mut requirements: Vec<RequirementCheck> = term
        .match_expressions
        .iter()
        .map(|r| RequirementCheck {
            requirement: r.clone(),
            is_field: false,
            node_value: node.labels.get(&r.key).cloned(),
            matches: r.matches_labels(&node.labels),
        })
        .collect();
    requirements.extend(term.match_fields.iter().map(|r| RequirementCheck {
        requirement: r.clone(),
        is_field: true,
        node_value: Some(node.name.clone()),
        matches: r.matches_fields(&node.name),
    }));
    TermCheck {
        requirements,
        empty: term.is_empty(),
        matches: term.matches(&node.name, &node.labels),
    }
}
