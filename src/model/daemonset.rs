//! DaemonSets: selector, template, update strategy and status, with apps/v1 defaults applied
//! (semantics R5.1) by the manifest layer before they arrive here.

use super::{LabelSelector, Labels, PodTemplate, SimTime};

/// An int-or-percent value (`maxUnavailable`, `maxSurge`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum IntOrPercent {
    Int(i64),
    Percent(i64),
}

impl IntOrPercent {
    /// `intstr.GetScaledValueFromIntOrPercent(…, total, roundUp = true)` (R3.4).
    pub fn scaled_value(&self, total: i64) -> i64 {
        match *self {
            IntOrPercent::Int(i) => i,
            IntOrPercent::Percent(p) => (p * total + 99).div_euclid(100),
        }
    }
}

impl std::fmt::Display for IntOrPercent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IntOrPercent::Int(i) => write!(f, "{i}"),
            IntOrPercent::Percent(p) => write!(f, "{p}%"),
        }
    }
}

/// `spec.updateStrategy`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum UpdateStrategy {
    RollingUpdate {
        max_unavailable: IntOrPercent,
        max_surge: IntOrPercent,
    },
    OnDelete,
}

impl Default for UpdateStrategy {
    fn default() -> Self {
        UpdateStrategy::RollingUpdate {
            max_unavailable: IntOrPercent::Int(1),
            max_surge: IntOrPercent::Int(0),
        }
    }
}

impl UpdateStrategy {
    pub fn type_str(&self) -> &'static str {
        match self {
            UpdateStrategy::RollingUpdate { .. } => "RollingUpdate",
            UpdateStrategy::OnDelete => "OnDelete",
        }
    }
}

/// `status` of a DaemonSet (R4.1).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct DaemonSetStatus {
    pub desired_number_scheduled: i32,
    pub current_number_scheduled: i32,
    pub number_misscheduled: i32,
    pub number_ready: i32,
    pub updated_number_scheduled: i32,
    pub number_available: i32,
    pub number_unavailable: i32,
    pub observed_generation: i64,
    pub collision_count: i32,
}

/// A DaemonSet.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DaemonSet {
    pub namespace: String,
    pub name: String,
    pub uid: String,
    pub labels: Labels,
    pub annotations: Labels,
    /// `None` when the manifest has no selector: it then selects nothing.
    pub selector: Option<LabelSelector>,
    pub template: PodTemplate,
    pub update_strategy: UpdateStrategy,
    pub min_ready_seconds: i64,
    pub revision_history_limit: i32,
    /// `metadata.generation`.
    pub generation: i64,
    /// The `deprecated.daemonset.template.generation` annotation's value.
    pub template_generation: i64,
    pub creation_timestamp: SimTime,
    pub deletion_timestamp: Option<SimTime>,
    pub status: DaemonSetStatus,
}

impl DaemonSet {
    pub fn key(&self) -> super::DaemonSetKey {
        super::DaemonSetKey::new(self.namespace.clone(), self.name.clone())
    }

    /// Whether a label set is selected: a nil selector selects nothing.
    pub fn selects(&self, labels: &Labels) -> bool {
        self.selector.as_ref().is_some_and(|s| s.matches(labels))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t21_percentages_round_up() {
        assert_eq!(IntOrPercent::Percent(10).scaled_value(5), 1);
        assert_eq!(IntOrPercent::Percent(34).scaled_value(3), 2);
        assert_eq!(IntOrPercent::Percent(0).scaled_value(3), 0);
        assert_eq!(IntOrPercent::Percent(100).scaled_value(7), 7);
        assert_eq!(IntOrPercent::Int(2).scaled_value(100), 2);
    }
}
