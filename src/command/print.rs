//! `Display` for [`Step`]: the canonical text of a step, which `parse_step` reads back to the
//! same step (words are shell-quoted where needed).

use super::lexer::quote;
use super::{
    CascadeFlag, DescribeResource, FieldRequirement, GetResource, LabelChange, PodTarget, Step,
};
use crate::kubectl::Scope;
use crate::model::{SimDuration, Taint};

/// A duration as the step language writes it: `30s`, `1m30s`, `2h`, `500ms`, `1s500ms`.
pub fn format_duration(d: SimDuration) -> String {
    let mut ms = d.0;
    if ms == 0 {
        return "0s".to_string();
    }
    let mut out = String::new();
    for (unit, size) in [("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1)] {
        if ms >= size {
            out.push_str(&format!("{}{unit}", ms / size));
            ms %= size;
        }
    }
    out
}

fn namespace_flag(ns: &str) -> String {
    if ns == "default" {
        String::new()
    } else {
        format!(" -n {}", quote(ns))
    }
}

fn fields_text(fields: &[FieldRequirement]) -> String {
    fields
        .iter()
        .map(|f| {
            format!(
                "{}{}{}",
                f.field,
                if f.equals { "=" } else { "!=" },
                f.value
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn names(list: &[String]) -> String {
    list.iter().map(|n| format!(" {}", quote(n))).collect()
}

fn taint_text(t: &Taint) -> String {
    t.to_kubectl_string()
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Step::Label {
                nodes,
                changes,
                overwrite,
            } => {
                write!(f, "kubectl label nodes{}", names(nodes))?;
                for c in changes {
                    match c {
                        LabelChange::Set { key, value } => {
                            write!(f, " {}", quote(&format!("{key}={value}")))?
                        }
                        LabelChange::Remove { key } => write!(f, " {}", quote(&format!("{key}-")))?,
                    }
                }
                if *overwrite {
                    f.write_str(" --overwrite")?;
                }
                Ok(())
            }
            Step::Taint {
                nodes,
                add,
                remove,
                overwrite,
            } => {
                write!(f, "kubectl taint nodes{}", names(nodes))?;
                for t in add {
                    write!(f, " {}", quote(&taint_text(t)))?;
                }
                for r in remove {
                    write!(f, " {}", quote(&format!("{}-", r.spec())))?;
                }
                if *overwrite {
                    f.write_str(" --overwrite")?;
                }
                Ok(())
            }
            Step::Cordon { nodes } => write!(f, "kubectl cordon{}", names(nodes)),
            Step::Uncordon { nodes } => write!(f, "kubectl uncordon{}", names(nodes)),
            Step::Drain {
                nodes,
                ignore_daemonsets,
                force,
                delete_emptydir_data,
            } => {
                write!(f, "kubectl drain{}", names(nodes))?;
                if *ignore_daemonsets {
                    f.write_str(" --ignore-daemonsets")?;
                }
                if *force {
                    f.write_str(" --force")?;
                }
                if *delete_emptydir_data {
                    f.write_str(" --delete-emptydir-data")?;
                }
                Ok(())
            }
            Step::DeleteNodes { names: n } => write!(f, "kubectl delete node{}", names(n)),
            Step::DeleteDaemonSets {
                namespace,
                names: n,
                cascade,
            } => {
                write!(
                    f,
                    "kubectl delete ds{}{}",
                    names(n),
                    namespace_flag(namespace)
                )?;
                if *cascade != CascadeFlag::Background {
                    write!(f, " --cascade={}", cascade.as_str())?;
                }
                Ok(())
            }
            Step::DeletePods { namespace, target } => {
                f.write_str("kubectl delete pod")?;
                match target {
                    PodTarget::Names(n) => f.write_str(&names(n))?,
                    PodTarget::Query { label, fields } => {
                        if let Some((text, _)) = label {
                            write!(f, " -l {}", quote(text))?;
                        }
                        if !fields.is_empty() {
                            write!(f, " --field-selector {}", quote(&fields_text(fields)))?;
                        }
                        if label.is_none() && fields.is_empty() {
                            f.write_str(" --all")?;
                        }
                    }
                }
                f.write_str(&namespace_flag(namespace))
            }
            Step::SetImage {
                namespace,
                name,
                images,
            } => {
                write!(f, "kubectl set image ds/{}", quote(name))?;
                for (c, i) in images {
                    write!(f, " {}", quote(&format!("{c}={i}")))?;
                }
                f.write_str(&namespace_flag(namespace))
            }
            Step::RolloutRestart { namespace, name } => write!(
                f,
                "kubectl rollout restart ds/{}{}",
                quote(name),
                namespace_flag(namespace)
            ),
            Step::RolloutUndo {
                namespace,
                name,
                to_revision,
            } => {
                write!(
                    f,
                    "kubectl rollout undo ds/{}{}",
                    quote(name),
                    namespace_flag(namespace)
                )?;
                if *to_revision != 0 {
                    write!(f, " --to-revision={to_revision}")?;
                }
                Ok(())
            }
            Step::RolloutStatus { namespace, name } => write!(
                f,
                "kubectl rollout status ds/{}{}",
                quote(name),
                namespace_flag(namespace)
            ),
            Step::RolloutHistory {
                namespace,
                name,
                revision,
            } => {
                write!(
                    f,
                    "kubectl rollout history ds/{}{}",
                    quote(name),
                    namespace_flag(namespace)
                )?;
                if *revision != 0 {
                    write!(f, " --revision={revision}")?;
                }
                Ok(())
            }
            Step::Get {
                resource,
                names: n,
                scope,
                wide,
                label,
                fields,
            } => {
                let r = match resource {
                    GetResource::DaemonSets => "ds",
                    GetResource::Pods => "pods",
                    GetResource::Nodes => "nodes",
                    GetResource::Events => "events",
                };
                write!(f, "kubectl get {r}{}", names(n))?;
                if let Some((text, _)) = label {
                    write!(f, " -l {}", quote(text))?;
                }
                if !fields.is_empty() {
                    write!(f, " --field-selector {}", quote(&fields_text(fields)))?;
                }
                if *wide {
                    f.write_str(" -o wide")?;
                }
                match scope {
                    Scope::AllNamespaces => f.write_str(" -A"),
                    Scope::Namespace(ns) => f.write_str(&namespace_flag(ns)),
                }
            }
            Step::Describe {
                resource,
                namespace,
                name,
            } => {
                let r = match resource {
                    DescribeResource::DaemonSet => "ds",
                    DescribeResource::Pod => "pod",
                };
                write!(
                    f,
                    "kubectl describe {r} {}{}",
                    quote(name),
                    namespace_flag(namespace)
                )
            }
            Step::Apply { .. } => f.write_str("kubectl apply -f -"),
            Step::Advance(d) => write!(f, "advance {}", format_duration(*d)),
            Step::Settle => f.write_str("settle"),
            Step::NodeAdd {
                name,
                control_plane,
                custom,
                labels,
                taints,
                cpu,
                memory,
                pods,
            } => {
                write!(f, "node add {}", quote(name))?;
                if *control_plane {
                    f.write_str(" --control-plane")?;
                }
                if *custom {
                    f.write_str(" --custom")?;
                }
                for (k, v) in labels {
                    write!(f, " --label {}", quote(&format!("{k}={v}")))?;
                }
                for t in taints {
                    write!(f, " --taint {}", quote(&taint_text(t)))?;
                }
                if let Some(q) = cpu {
                    write!(f, " --cpu {}", quote(&q.text))?;
                }
                if let Some(q) = memory {
                    write!(f, " --memory {}", quote(&q.text))?;
                }
                if let Some(n) = pods {
                    write!(f, " --pods {n}")?;
                }
                Ok(())
            }
            Step::NodeRemove { name } => write!(f, "node remove {}", quote(name)),
            Step::NodeAllocatable {
                name,
                cpu,
                memory,
                pods,
            } => {
                write!(f, "node allocatable {}", quote(name))?;
                for (flag, q) in [("cpu", cpu), ("memory", memory), ("pods", pods)] {
                    if let Some(q) = q {
                        write!(f, " --{flag} {}", quote(&q.text))?;
                    }
                }
                Ok(())
            }
            Step::NodeCondition { name, conditions } => {
                write!(f, "node condition {}", quote(name))?;
                for (t, s) in conditions {
                    write!(f, " {}={}", t.as_str(), s.as_str())?;
                }
                Ok(())
            }
            Step::PodFail {
                namespace,
                names: n,
                node,
                label,
            } => {
                write!(f, "pod fail{}", names(n))?;
                if let Some(node) = node {
                    write!(f, " --node {}", quote(node))?;
                }
                if let Some((text, _)) = label {
                    write!(f, " -l {}", quote(text))?;
                }
                f.write_str(&namespace_flag(namespace))
            }
        }
    }
}
