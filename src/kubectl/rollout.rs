//! `kubectl rollout status|history|undo` texts for DaemonSets
//! (polymorphichelpers/rollout_status.go `DaemonSetStatusViewer`, history.go
//! `DaemonSetHistoryViewer`, rollback.go `DaemonSetRollbacker`; semantics R3.11, R3.12).

use super::messages;
use super::tabwriter::DESCRIBE;
use crate::engine::ControllerRevision;
use crate::model::{DaemonSet, UpdateStrategy};

/// `kubectl rollout status daemonset/<name>` once (`--watch=false`): the current line, or the
/// OnDelete error. The second value says whether the rollout is complete.
pub fn status(ds: &DaemonSet) -> Result<(String, bool), String> {
    if let UpdateStrategy::OnDelete = ds.update_strategy {
        return Err(messages::ROLLOUT_STATUS_ON_DELETE.to_string());
    }
    let s = &ds.status;
    if ds.generation <= s.observed_generation {
        if s.updated_number_scheduled < s.desired_number_scheduled {
            return Ok((
                format!(
                    "Waiting for daemon set \"{}\" rollout to finish: {} out of {} new pods have been updated...",
                    ds.name, s.updated_number_scheduled, s.desired_number_scheduled
                ),
                false,
            ));
        }
        if s.number_available < s.desired_number_scheduled {
            return Ok((
                format!(
                    "Waiting for daemon set \"{}\" rollout to finish: {} of {} updated pods are available...",
                    ds.name, s.number_available, s.desired_number_scheduled
                ),
                false,
            ));
        }
        return Ok((
            format!("daemon set \"{}\" successfully rolled out", ds.name),
            true,
        ));
    }
    Ok((
        "Waiting for daemon set spec update to be observed...".to_string(),
        false,
    ))
}

/// `kubectl rollout history daemonset/<name>`: the name line (with kubectl's trailing space),
/// the REVISION/CHANGE-CAUSE table and the trailing empty line.
pub fn history(ds: &DaemonSet, revisions: &[ControllerRevision]) -> String {
    let header = format!("daemonset.apps/{} ", ds.name);
    if revisions.is_empty() {
        return format!("{header}\nNo rollout history found.\n");
    }
    let mut sorted: Vec<&ControllerRevision> = revisions.iter().collect();
    sorted.sort_by_key(|r| r.revision);
    let mut text = "REVISION\tCHANGE-CAUSE\n".to_string();
    for r in sorted {
        let cause = r
            .change_cause
            .as_deref()
            .filter(|c| !c.is_empty())
            .unwrap_or("<none>");
        text.push_str(&format!("{}\t{}\n", r.revision, cause));
    }
    format!("{header}\n{}\n", DESCRIBE.format(&text))
}

/// The target of `kubectl rollout undo` (`findHistory`): revision `to` (0 = the second-highest).
pub fn undo_target(
    revisions: &[ControllerRevision],
    to: i64,
) -> Result<&ControllerRevision, String> {
    if to < 0 {
        return Err(messages::revision_not_found(to));
    }
    if to == 0 {
        if revisions.len() <= 1 {
            return Err(messages::NO_LAST_REVISION.to_string());
        }
        let mut sorted: Vec<&ControllerRevision> = revisions.iter().collect();
        sorted.sort_by_key(|r| r.revision);
        return Ok(sorted[sorted.len() - 2]);
    }
    revisions
        .iter()
        .find(|r| r.revision == to)
        .ok_or_else(|| messages::revision_not_found(to))
}

/// The result operation of `kubectl rollout undo` when the template already matches: kubectl
/// prints the `--to-revision` value as given (0 when it was omitted).
pub fn skipped_rollback(to: i64) -> String {
    format!("skipped rollback (current template already matches revision {to})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DaemonSetStatus, PodTemplate, SimTime};

    fn ds() -> DaemonSet {
        DaemonSet {
            namespace: "default".into(),
            name: "fluentd".into(),
            uid: "u".into(),
            labels: Default::default(),
            annotations: Default::default(),
            selector: None,
            template: PodTemplate::default(),
            update_strategy: UpdateStrategy::default(),
            min_ready_seconds: 0,
            revision_history_limit: 10,
            generation: 2,
            template_generation: 2,
            creation_timestamp: SimTime::ZERO,
            deletion_timestamp: None,
            status: DaemonSetStatus::default(),
        }
    }

    fn revision(n: i64, cause: Option<&str>) -> ControllerRevision {
        ControllerRevision {
            name: format!("fluentd-{n}"),
            hash: format!("h{n}"),
            revision: n,
            template: PodTemplate::default(),
            change_cause: cause.map(str::to_string),
            creation_timestamp: SimTime::ZERO,
        }
    }

    #[test]
    fn r3_12_status_lines() {
        let mut d = ds();
        let mut lines = vec![];
        d.status.observed_generation = 1;
        lines.push(status(&d).unwrap().0);
        d.status.observed_generation = 2;
        d.status.desired_number_scheduled = 4;
        d.status.updated_number_scheduled = 1;
        lines.push(status(&d).unwrap().0);
        d.status.updated_number_scheduled = 4;
        d.status.number_available = 3;
        lines.push(status(&d).unwrap().0);
        d.status.number_available = 4;
        lines.push(status(&d).unwrap().0);
        d.update_strategy = UpdateStrategy::OnDelete;
        lines.push(status(&d).unwrap_err());
        assert_eq!(
            lines.join("\n"),
            "Waiting for daemon set spec update to be observed...\n\
             Waiting for daemon set \"fluentd\" rollout to finish: 1 out of 4 new pods have been updated...\n\
             Waiting for daemon set \"fluentd\" rollout to finish: 3 of 4 updated pods are available...\n\
             daemon set \"fluentd\" successfully rolled out\n\
             error: rollout status is only available for RollingUpdate strategy type"
        );
    }

    #[test]
    fn r3_11_history_table() {
        let revs = vec![
            revision(3, Some("kubectl set image ds/fluentd fluentd=fluentd:v2")),
            revision(1, None),
        ];
        assert_eq!(
            history(&ds(), &revs),
            "daemonset.apps/fluentd \n\
             REVISION  CHANGE-CAUSE\n\
             1         <none>\n\
             3         kubectl set image ds/fluentd fluentd=fluentd:v2\n\n"
        );
    }

    #[test]
    fn r3_11_undo_targets() {
        let revs = vec![revision(1, None), revision(2, None), revision(3, None)];
        assert_eq!(undo_target(&revs, 0).unwrap().revision, 2);
        assert_eq!(undo_target(&revs, 1).unwrap().revision, 1);
        assert_eq!(
            undo_target(&revs, 7).unwrap_err(),
            "error: unable to find specified revision 7 in history"
        );
        assert_eq!(
            undo_target(&revs[..1], 0).unwrap_err(),
            "error: no last revision to roll back to"
        );
    }
}
