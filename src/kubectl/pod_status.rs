//! The STATUS and READY columns of `kubectl get pods` (printers.go `printPod`; semantics R7.2),
//! derived from the simulator's pod status.
//!
//! The simulator keeps one summary container state per pod (all containers progress together),
//! so "the first container with a reason" is that state. Init containers have no status here.

use crate::model::{ContainerState, Pod, PodPhase};

/// The STATUS column.
pub fn pod_status(pod: &Pod) -> String {
    // 1. status.reason if set, else the phase.
    let mut reason = pod
        .status
        .reason
        .clone()
        .unwrap_or_else(|| pod.status.phase.as_str().to_string());
    // 3. Containers (only once the kubelet reports them: an unbound pod has no statuses).
    if pod.is_bound() {
        match &pod.status.container_state {
            ContainerState::Waiting { reason: r } if !r.is_empty() => reason = r.to_string(),
            ContainerState::Terminated {
                reason: r,
                exit_code,
            } => {
                reason = if r.is_empty() {
                    format!("ExitCode:{exit_code}")
                } else {
                    r.clone()
                };
            }
            _ => {}
        }
    }
    // 4. Deletion.
    if pod.deletion_timestamp.is_some() {
        if pod.status.reason.as_deref() == Some("NodeLost") {
            reason = "Unknown".to_string();
        } else if !pod.status.phase.is_terminal() {
            reason = "Terminating".to_string();
        }
    }
    reason
}

/// The READY column: ready containers / containers, where sidecars (init containers with
/// `restartPolicy: Always`) count as containers, as `printPod` counts restartable init containers.
pub fn pod_ready(pod: &Pod) -> String {
    let sidecars = pod
        .spec
        .init_containers
        .iter()
        .filter(|c| c.is_sidecar())
        .count();
    let total = pod.spec.containers.len() + sidecars;
    let ready = if pod.status.ready
        && pod.status.phase == PodPhase::Running
        && matches!(pod.status.container_state, ContainerState::Running { .. })
    {
        total
    } else {
        0
    };
    format!("{ready}/{total}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Container, PodSpec, SimTime};

    fn pod() -> Pod {
        Pod {
            uid: "u".into(),
            spec: PodSpec {
                containers: vec![Container::new("fluentd", "fluentd")].into(),
                ..Default::default()
            },
            ..Pod::new("default", "fluentd-x8k2p")
        }
    }

    /// One line per pod state: `READY STATUS`.
    fn show(p: &Pod) -> String {
        format!("{} {}", pod_ready(p), pod_status(p))
    }

    #[test]
    fn r7_2_status_follows_the_pod_lifecycle() {
        let mut p = pod();
        let mut lines = vec![];
        // Unbound (waiting for the scheduler, or unschedulable): no container statuses yet.
        lines.push(show(&p));
        p.spec.node_name = Some("node-1".into());
        lines.push(show(&p));
        p.status.phase = PodPhase::Running;
        p.status.container_state = ContainerState::Running {
            started_at: SimTime(3000),
        };
        lines.push(show(&p));
        p.status.ready = true;
        lines.push(show(&p));
        p.deletion_timestamp = Some(SimTime(9000));
        lines.push(show(&p));
        let mut failed = pod();
        failed.spec.node_name = Some("node-1".into());
        failed.status.phase = PodPhase::Failed;
        failed.status.container_state = ContainerState::Terminated {
            reason: "Error".into(),
            exit_code: 1,
        };
        lines.push(show(&failed));
        failed.deletion_timestamp = Some(SimTime(1));
        lines.push(show(&failed));
        let mut rejected = pod();
        rejected.spec.node_name = Some("node-1".into());
        rejected.status.phase = PodPhase::Failed;
        rejected.status.reason = Some("OutOfcpu".into());
        rejected.status.container_state = ContainerState::Terminated {
            reason: "OutOfcpu".into(),
            exit_code: 0,
        };
        lines.push(show(&rejected));
        let mut exited = failed.clone();
        exited.deletion_timestamp = None;
        exited.status.container_state = ContainerState::Terminated {
            reason: String::new(),
            exit_code: 137,
        };
        lines.push(show(&exited));
        let mut lost = p.clone();
        lost.status.reason = Some("NodeLost".into());
        lines.push(show(&lost));
        // A sidecar counts; an ordinary init container does not.
        let mut with_sidecar = p.clone();
        with_sidecar.deletion_timestamp = None;
        let mut sidecar = with_sidecar.spec.containers[0].clone();
        sidecar.restart_policy = Some("Always".into());
        let init = with_sidecar.spec.containers[0].clone();
        with_sidecar.spec.init_containers = vec![sidecar, init].into();
        lines.push(show(&with_sidecar));
        with_sidecar.status.ready = false;
        lines.push(show(&with_sidecar));
        assert_eq!(
            lines.join("\n"),
            "0/1 Pending\n\
             0/1 ContainerCreating\n\
             0/1 Running\n\
             1/1 Running\n\
             1/1 Terminating\n\
             0/1 Error\n\
             0/1 Error\n\
             0/1 OutOfcpu\n\
             0/1 ExitCode:137\n\
             1/1 Unknown\n\
             2/2 Running\n\
             0/2 Running"
        );
    }
}
