//! Required node affinity: node-selector terms and their matching, ported from
//! staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go
//! (`NewLazyErrorNodeSelector`, `nodeSelectorRequirementsAsSelector`,
//! `nodeSelectorRequirementsAsFieldSelector`; semantics R1.4, R1.5).
//!
//! Terms are kept as the user wrote them (so that the eligibility card can explain each one) and
//! parsed at match time; a term that fails to parse matches nothing, as upstream.

/// A node-selector requirement operator, including ones validation rejects (kept for
/// explanations; they never match).
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum NodeSelectorOperator {
    In,
    NotIn,
    Exists,
    DoesNotExist,
    Gt,
    Lt,
    Other(String),
}

impl NodeSelectorOperator {
    pub fn parse(text: &str) -> Self {
        match text {
            "In" => Self::In,
            "NotIn" => Self::NotIn,
            "Exists" => Self::Exists,
            "DoesNotExist" => Self::DoesNotExist,
            "Gt" => Self::Gt,
            "Lt" => Self::Lt,
            other => Self::Other(other.to_string()),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Self::In => "In",
            Self::NotIn => "NotIn",
            Self::Exists => "Exists",
            Self::DoesNotExist => "DoesNotExist",
            Self::Gt => "Gt",
            Self::Lt => "Lt",
            Self::Other(s) => s,
        }
    }
}

/// One `matchExpressions` or `matchFields` entry.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct NodeSelectorRequirement {
    pub key: String,
    pub operator: NodeSelectorOperator,
    pub values: Vec<String>,
}

/// A `nodeSelectorTerms` entry: its expressions and fields are ANDed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct NodeSelectorTerm {
    pub match_expressions: Vec<NodeSelectorRequirement>,
    pub match_fields: Vec<NodeSelectorRequirement>,
}

/// `requiredDuringSchedulingIgnoredDuringExecution`: terms are ORed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct NodeSelector {
    pub node_selector_terms: Vec<NodeSelectorTerm>,
}

impl NodeSelectorRequirement {
    /// Whether this label requirement parses (`labels.NewRequirement` rules); `false` makes the
    /// whole term non-matching.
    fn label_requirement_is_valid(&self) -> bool {
        match &self.operator {
            NodeSelectorOperator::In | NodeSelectorOperator::NotIn => !self.values.is_empty(),
            NodeSelectorOperator::Exists | NodeSelectorOperator::DoesNotExist => {
                self.values.is_empty()
            }
            NodeSelectorOperator::Gt | NodeSelectorOperator::Lt => {
                self.values.len() == 1 && self.values[0].parse::<i64>().is_ok()
            }
            NodeSelectorOperator::Other(_) => false,
        }
    }

    /// Matches one `matchExpressions` requirement against node labels (R1.5).
    pub fn matches_labels(&self, labels: &super::Labels) -> bool {
        if !self.label_requirement_is_valid() {
            return false;
        }
        let value = labels.get(&self.key);
        match &self.operator {
            NodeSelectorOperator::In => value.is_some_and(|v| self.values.contains(v)),
            NodeSelectorOperator::NotIn => value.is_none_or(|v| !self.values.contains(v)),
            NodeSelectorOperator::Exists => value.is_some(),
            NodeSelectorOperator::DoesNotExist => value.is_none(),
            NodeSelectorOperator::Gt | NodeSelectorOperator::Lt => {
                let Some(node_value) = value.and_then(|v| v.parse::<i64>().ok()) else {
                    return false;
                };
                let Ok(bound) = self.values[0].parse::<i64>() else {
                    return false;
                };
                if self.operator == NodeSelectorOperator::Gt {
                    node_value > bound
                } else {
                    node_value < bound
                }
            }
            NodeSelectorOperator::Other(_) => false,
        }
    }

    /// Whether this `matchFields` requirement parses: key `metadata.name`, `In`/`NotIn`, one value.
    fn field_requirement_is_valid(&self) -> bool {
        self.key == "metadata.name"
            && matches!(
                self.operator,
                NodeSelectorOperator::In | NodeSelectorOperator::NotIn
            )
            && self.values.len() == 1
    }

    /// Matches one `matchFields` requirement against the node's name (R1.5).
    pub fn matches_fields(&self, node_name: &str) -> bool {
        if !self.field_requirement_is_valid() {
            return false;
        }
        match self.operator {
            NodeSelectorOperator::In => self.values[0] == node_name,
            _ => self.values[0] != node_name,
        }
    }
}

impl NodeSelectorTerm {
    /// Whether the term has neither expressions nor fields: such a term is skipped (R1.4).
    pub fn is_empty(&self) -> bool {
        self.match_expressions.is_empty() && self.match_fields.is_empty()
    }

    /// Whether any requirement of the term fails to parse (then the term matches nothing).
    pub fn parse_error(&self) -> bool {
        self.match_expressions
            .iter()
            .any(|r| !r.label_requirement_is_valid())
            || self
                .match_fields
                .iter()
                .any(|r| !r.field_requirement_is_valid())
    }

    pub fn matches(&self, node_name: &str, labels: &super::Labels) -> bool {
        !self.is_empty()
            && !self.parse_error()
            && self
                .match_expressions
                .iter()
                .all(|r| r.matches_labels(labels))
            && self
                .match_fields
                .iter()
                .all(|r| r.matches_fields(node_name))
    }

    /// The single-node term the DaemonSet controller injects into every pod it creates (R1.9).
    pub fn for_node(node_name: &str) -> Self {
        NodeSelectorTerm {
            match_expressions: Vec::new(),
            match_fields: vec![NodeSelectorRequirement {
                key: "metadata.name".to_string(),
                operator: NodeSelectorOperator::In,
                values: vec![node_name.to_string()],
            }],
        }
    }
}

impl NodeSelector {
    /// `LazyErrorNodeSelector.Match`: terms are ORed; empty or unparsable terms match nothing.
    pub fn matches(&self, node_name: &str, labels: &super::Labels) -> bool {
        self.node_selector_terms
            .iter()
            .any(|t| t.matches(node_name, labels))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Labels;

    fn req(key: &str, op: &str, values: &[&str]) -> NodeSelectorRequirement {
        NodeSelectorRequirement {
            key: key.into(),
            operator: NodeSelectorOperator::parse(op),
            values: values.iter().map(|v| v.to_string()).collect(),
        }
    }

    fn labels(pairs: &[(&str, &str)]) -> Labels {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn t1_terms_are_ored_and_expressions_anded() {
        let sel = NodeSelector {
            node_selector_terms: vec![
                NodeSelectorTerm {
                    match_expressions: vec![
                        req("disk", "In", &["ssd"]),
                        req("zone", "Exists", &[]),
                    ],
                    match_fields: vec![],
                },
                NodeSelectorTerm {
                    match_expressions: vec![req("gpu", "Exists", &[])],
                    match_fields: vec![],
                },
            ],
        };
        assert!(sel.matches("n", &labels(&[("disk", "ssd"), ("zone", "a")])));
        assert!(!sel.matches("n", &labels(&[("disk", "ssd")])));
        assert!(sel.matches("n", &labels(&[("gpu", "")])));
    }

    #[test]
    fn t2_gt_lt_need_integers_on_both_sides() {
        let gt = req("cores", "Gt", &["4"]);
        assert!(gt.matches_labels(&labels(&[("cores", "8")])));
        assert!(!gt.matches_labels(&labels(&[("cores", "4")])));
        assert!(!gt.matches_labels(&labels(&[("cores", "eight")])));
        assert!(!gt.matches_labels(&labels(&[])));
        assert!(!req("cores", "Gt", &["x"]).matches_labels(&labels(&[("cores", "8")])));
        assert!(!req("cores", "Gt", &["1", "2"]).matches_labels(&labels(&[("cores", "8")])));
        assert!(req("cores", "Lt", &["4"]).matches_labels(&labels(&[("cores", "-1")])));
    }

    #[test]
    fn t3_empty_terms_match_nothing() {
        let sel = NodeSelector {
            node_selector_terms: vec![NodeSelectorTerm::default()],
        };
        assert!(!sel.matches("n", &labels(&[])));
        assert!(!NodeSelector::default().matches("n", &labels(&[])));
    }

    #[test]
    fn r1_5_match_fields_compare_the_node_name() {
        let term = NodeSelectorTerm::for_node("node-1");
        assert!(term.matches("node-1", &labels(&[])));
        assert!(!term.matches("node-2", &labels(&[])));
        let notin = NodeSelectorTerm {
            match_expressions: vec![],
            match_fields: vec![req("metadata.name", "NotIn", &["a"])],
        };
        assert!(notin.matches("b", &labels(&[])));
        let bad_key = NodeSelectorTerm {
            match_expressions: vec![],
            match_fields: vec![req("metadata.uid", "In", &["a"])],
        };
        assert!(!bad_key.matches("a", &labels(&[])));
    }

    #[test]
    fn an_unparsable_term_does_not_stop_another_from_matching() {
        let sel = NodeSelector {
            node_selector_terms: vec![
                NodeSelectorTerm {
                    match_expressions: vec![req("a", "In", &[])],
                    match_fields: vec![],
                },
                NodeSelectorTerm {
                    match_expressions: vec![req("b", "Exists", &[])],
                    match_fields: vec![],
                },
            ],
        };
        assert!(sel.matches("n", &labels(&[("b", "1")])));
        assert!(!sel.matches("n", &labels(&[("a", "1")])));
    }
}
