//! Labels and parsed label selectors (staging/src/k8s.io/apimachinery/pkg/labels/selector.go):
//! a `metav1.LabelSelector` is parsed once into requirements, then matched ("parse, don't validate").

use std::collections::BTreeMap;

/// An object's labels, kept sorted by key as kubectl prints them.
pub type Labels = BTreeMap<String, String>;

/// A label selector operator.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum SelectorOperator {
    /// From `matchLabels` (`key=value`).
    Equals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
}

/// One requirement of a label selector.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Requirement {
    pub key: String,
    pub operator: SelectorOperator,
    /// Sorted and deduplicated, as `labels.NewRequirement` keeps them.
    pub values: Vec<String>,
}

impl Requirement {
    pub fn new(key: impl Into<String>, operator: SelectorOperator, values: Vec<String>) -> Self {
        let mut values = values;
        values.sort();
        values.dedup();
        Requirement {
            key: key.into(),
            operator,
            values,
        }
    }

    /// `Requirement.Matches`.
    pub fn matches(&self, labels: &Labels) -> bool {
        match self.operator {
            SelectorOperator::Equals | SelectorOperator::In => labels
                .get(&self.key)
                .is_some_and(|v| self.values.iter().any(|x| x == v)),
            SelectorOperator::NotIn => labels
                .get(&self.key)
                .is_none_or(|v| !self.values.iter().any(|x| x == v)),
            SelectorOperator::Exists => labels.contains_key(&self.key),
            SelectorOperator::DoesNotExist => !labels.contains_key(&self.key),
        }
    }
}

impl std::fmt::Display for Requirement {
    /// `Requirement.String`: `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.operator {
            SelectorOperator::Equals => write!(f, "{}={}", self.key, self.values.join(",")),
            SelectorOperator::In => write!(f, "{} in ({})", self.key, self.values.join(",")),
            SelectorOperator::NotIn => write!(f, "{} notin ({})", self.key, self.values.join(",")),
            SelectorOperator::Exists => write!(f, "{}", self.key),
            SelectorOperator::DoesNotExist => write!(f, "!{}", self.key),
        }
    }
}

/// A parsed, non-nil label selector. Its requirements are ANDed; no requirement matches
/// everything (which apps/v1 validation forbids for a DaemonSet). A nil selector is modelled as
/// `Option::<LabelSelector>::None` by its owner and matches nothing.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct LabelSelector {
    /// Sorted by key, as `internalSelector` keeps them.
    pub requirements: Vec<Requirement>,
}

impl LabelSelector {
    pub fn new(mut requirements: Vec<Requirement>) -> Self {
        requirements.sort_by(|a, b| a.key.cmp(&b.key));
        LabelSelector { requirements }
    }

    /// A selector made of `matchLabels` only.
    pub fn from_match_labels(labels: &Labels) -> Self {
        LabelSelector::new(
            labels
                .iter()
                .map(|(k, v)| {
                    Requirement::new(k.clone(), SelectorOperator::Equals, vec![v.clone()])
                })
                .collect(),
        )
    }

    pub fn is_empty(&self) -> bool {
        self.requirements.is_empty()
    }

    pub fn matches(&self, labels: &Labels) -> bool {
        self.requirements.iter().all(|r| r.matches(labels))
    }
}

impl std::fmt::Display for LabelSelector {
    /// `labels.Selector.String()`: requirements joined by `,`. Empty for an empty selector.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, r) in self.requirements.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{r}")?;
        }
        Ok(())
    }
}

/// `metav1.FormatLabelSelector`: the selector string, or `<none>` when it is empty or nil.
pub fn format_label_selector(selector: Option<&LabelSelector>) -> String {
    match selector.map(|s| s.to_string()) {
        Some(s) if !s.is_empty() => s,
        _ => "<none>".to_string(),
    }
}

/// kubectl's rendering of a label map: `k1=v1,k2=v2` sorted by key, `<none>` when empty.
pub fn format_labels(labels: &Labels) -> String {
    if labels.is_empty() {
        return "<none>".to_string();
    }
    labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(pairs: &[(&str, &str)]) -> Labels {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn match_labels_and_expressions_are_anded() {
        let sel = LabelSelector::new(vec![
            Requirement::new("app", SelectorOperator::Equals, vec!["fluentd".into()]),
            Requirement::new("tier", SelectorOperator::In, vec!["b".into(), "a".into()]),
        ]);
        assert!(sel.matches(&labels(&[("app", "fluentd"), ("tier", "a")])));
        assert!(!sel.matches(&labels(&[("app", "fluentd")])));
        assert!(!sel.matches(&labels(&[("app", "other"), ("tier", "a")])));
        assert_eq!(sel.to_string(), "app=fluentd,tier in (a,b)");
    }

    #[test]
    fn t2_notin_and_does_not_exist_match_missing_labels() {
        let notin = Requirement::new("zone", SelectorOperator::NotIn, vec!["a".into()]);
        assert!(notin.matches(&labels(&[])));
        assert!(notin.matches(&labels(&[("zone", "b")])));
        assert!(!notin.matches(&labels(&[("zone", "a")])));
        let dne = Requirement::new("zone", SelectorOperator::DoesNotExist, vec![]);
        assert!(dne.matches(&labels(&[])));
        assert!(!dne.matches(&labels(&[("zone", "")])));
        assert_eq!(dne.to_string(), "!zone");
    }

    #[test]
    fn formats_like_kubectl() {
        assert_eq!(format_label_selector(None), "<none>");
        assert_eq!(
            format_label_selector(Some(&LabelSelector::default())),
            "<none>"
        );
        assert_eq!(format_labels(&labels(&[("b", "2"), ("a", "1")])), "a=1,b=2");
        assert_eq!(format_labels(&labels(&[])), "<none>");
    }
}
