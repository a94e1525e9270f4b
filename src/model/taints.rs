//! Taints and tolerations, and `ToleratesTaint` exactly as upstream
//! (staging/src/k8s.io/api/core/v1/toleration.go; semantics R1.6).

use super::SimTime;

/// A taint's effect.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum TaintEffect {
    NoSchedule,
    PreferNoSchedule,
    NoExecute,
}

impl TaintEffect {
    pub fn as_str(self) -> &'static str {
        match self {
            TaintEffect::NoSchedule => "NoSchedule",
            TaintEffect::PreferNoSchedule => "PreferNoSchedule",
            TaintEffect::NoExecute => "NoExecute",
        }
    }

    pub fn parse(text: &str) -> Option<TaintEffect> {
        match text {
            "NoSchedule" => Some(TaintEffect::NoSchedule),
            "PreferNoSchedule" => Some(TaintEffect::PreferNoSchedule),
            "NoExecute" => Some(TaintEffect::NoExecute),
            _ => None,
        }
    }
}

impl std::fmt::Display for TaintEffect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A node taint. `time_added` is set for NoExecute taints, as the API server does.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Taint {
    pub key: String,
    pub value: String,
    pub effect: TaintEffect,
    pub time_added: Option<SimTime>,
}

impl Taint {
    pub fn new(key: impl Into<String>, value: impl Into<String>, effect: TaintEffect) -> Self {
        Taint {
            key: key.into(),
            value: value.into(),
            effect,
            time_added: None,
        }
    }

    /// Two taints are the same taint when key and effect match (`Taint.MatchTaint`).
    pub fn matches_taint(&self, other: &Taint) -> bool {
        self.key == other.key && self.effect == other.effect
    }

    /// `key=value:Effect`, or `key:Effect` when the value is empty (kubectl's taint syntax).
    pub fn to_kubectl_string(&self) -> String {
        if self.value.is_empty() {
            format!("{}:{}", self.key, self.effect)
        } else {
            format!("{}={}:{}", self.key, self.value, self.effect)
        }
    }

    /// The scheduler's rendering inside FailedScheduling reasons: `{key: value}`.
    pub fn to_scheduler_string(&self) -> String {
        format!("{{{}: {}}}", self.key, self.value)
    }
}

/// A toleration's operator. `Lt`/`Gt` exist behind an alpha gate that is off by default; they are
/// kept so that such a toleration can be explained, and they never match (R1.6).
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TolerationOperator {
    Equal,
    Exists,
    Lt,
    Gt,
    /// Anything else the user wrote; validation rejects it, matching treats it as "no".
    Other(String),
}

impl TolerationOperator {
    pub fn as_str(&self) -> &str {
        match self {
            TolerationOperator::Equal => "Equal",
            TolerationOperator::Exists => "Exists",
            TolerationOperator::Lt => "Lt",
            TolerationOperator::Gt => "Gt",
            TolerationOperator::Other(s) => s,
        }
    }

    pub fn parse(text: &str) -> TolerationOperator {
        match text {
            "" | "Equal" => TolerationOperator::Equal,
            "Exists" => TolerationOperator::Exists,
            "Lt" => TolerationOperator::Lt,
            "Gt" => TolerationOperator::Gt,
            other => TolerationOperator::Other(other.to_string()),
        }
    }
}

/// A pod toleration. An empty `key` matches every key; `effect: None` matches every effect.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Toleration {
    pub key: String,
    pub operator: TolerationOperator,
    pub value: String,
    pub effect: Option<TaintEffect>,
    pub toleration_seconds: Option<i64>,
}

impl Toleration {
    /// An `Exists` toleration for `key` with the given effect, as the DaemonSet controller adds.
    pub fn exists(key: &str, effect: TaintEffect) -> Self {
        Toleration {
            key: key.to_string(),
            operator: TolerationOperator::Exists,
            value: String::new(),
            effect: Some(effect),
            toleration_seconds: None,
        }
    }

    /// Port of `Toleration.ToleratesTaint` (R1.6). `tolerationSeconds` does not affect matching.
    pub fn tolerates(&self, taint: &Taint) -> bool {
        if let Some(effect) = self.effect {
            if effect != taint.effect {
                return false;
            }
        }
        if !self.key.is_empty() && self.key != taint.key {
            return false;
        }
        match self.operator {
            TolerationOperator::Equal => self.value == taint.value,
            TolerationOperator::Exists => true,
            // The TaintTolerationComparisonOperators gate is off by default: Lt/Gt never match.
            TolerationOperator::Lt | TolerationOperator::Gt | TolerationOperator::Other(_) => false,
        }
    }

    /// Identity used when merging the daemon tolerations (`v1helper.AddOrUpdateTolerationInPodSpec`
    /// compares with `MatchToleration`: key, operator, value and effect).
    pub fn matches_toleration(&self, other: &Toleration) -> bool {
        self.key == other.key
            && self.operator == other.operator
            && self.value == other.value
            && self.effect == other.effect
    }

    /// kubectl describe's rendering: `node.kubernetes.io/not-ready:NoExecute op=Exists for 300s`.
    pub fn to_describe_string(&self) -> String {
        let mut s = self.key.clone();
        if !self.value.is_empty() {
            s.push('=');
            s.push_str(&self.value);
        }
        if let Some(effect) = self.effect {
            s.push(':');
            s.push_str(effect.as_str());
        }
        if self.operator == TolerationOperator::Exists && self.value.is_empty() {
            s.push_str(" op=Exists");
        }
        if let Some(secs) = self.toleration_seconds {
            s.push_str(&format!(" for {secs}s"));
        }
        s
    }
}

/// The first toleration in `tolerations` that tolerates `taint`, if any.
pub fn find_tolerating<'a>(tolerations: &'a [Toleration], taint: &Taint) -> Option<&'a Toleration> {
    tolerations.iter().find(|t| t.tolerates(taint))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tol(key: &str, op: &str, value: &str, effect: Option<TaintEffect>) -> Toleration {
        Toleration {
            key: key.into(),
            operator: TolerationOperator::parse(op),
            value: value.into(),
            effect,
            toleration_seconds: None,
        }
    }

    #[test]
    fn r1_6_equal_requires_the_same_value() {
        let taint = Taint::new("dedicated", "gpu", TaintEffect::NoSchedule);
        assert!(tol("dedicated", "Equal", "gpu", None).tolerates(&taint));
        assert!(tol("dedicated", "", "gpu", Some(TaintEffect::NoSchedule)).tolerates(&taint));
        assert!(!tol("dedicated", "Equal", "cpu", None).tolerates(&taint));
        assert!(!tol("dedicated", "Equal", "", None).tolerates(&taint));
        assert!(!tol("dedicated", "Equal", "gpu", Some(TaintEffect::NoExecute)).tolerates(&taint));
    }

    #[test]
    fn t11_empty_key_exists_tolerates_every_taint() {
        let all = tol("", "Exists", "", None);
        for effect in [
            TaintEffect::NoSchedule,
            TaintEffect::PreferNoSchedule,
            TaintEffect::NoExecute,
        ] {
            assert!(all.tolerates(&Taint::new("anything", "x", effect)));
        }
        let only_no_execute = tol("", "Exists", "", Some(TaintEffect::NoExecute));
        assert!(!only_no_execute.tolerates(&Taint::new("a", "", TaintEffect::NoSchedule)));
    }

    #[test]
    fn r1_6_lt_gt_and_unknown_operators_never_tolerate() {
        let taint = Taint::new("level", "5", TaintEffect::NoSchedule);
        assert!(!tol("level", "Lt", "10", None).tolerates(&taint));
        assert!(!tol("level", "Gt", "1", None).tolerates(&taint));
        assert!(!tol("level", "Matches", "5", None).tolerates(&taint));
    }

    #[test]
    fn renders_taints_like_kubectl_and_the_scheduler() {
        let t = Taint::new(
            "node-role.kubernetes.io/control-plane",
            "",
            TaintEffect::NoSchedule,
        );
        assert_eq!(
            t.to_kubectl_string(),
            "node-role.kubernetes.io/control-plane:NoSchedule"
        );
        assert_eq!(
            t.to_scheduler_string(),
            "{node-role.kubernetes.io/control-plane: }"
        );
        let t = Taint::new("dedicated", "gpu", TaintEffect::NoExecute);
        assert_eq!(t.to_kubectl_string(), "dedicated=gpu:NoExecute");
    }
}
