//! ControllerRevisions of a DaemonSet: the revision hash, `constructHistory` and
//! `cleanupHistory` (pkg/controller/daemon/update.go; semantics R3.9, R3.10).
//!
//! The hash is FNV-1a (32-bit) over the canonical JSON of the defaulted template plus the
//! collision count, rendered in decimal and re-encoded in the name alphabet, as upstream does it
//! (upstream hashes a Go object dump, so the letters differ from a real cluster's; R3.9 allows it).

use super::Simulation;
use crate::model::{PodTemplate, SimTime};

/// A stored revision of the DaemonSet's template.
#[derive(Clone, Debug, PartialEq)]
pub struct ControllerRevision {
    /// `<ds-name>-<hash>`.
    pub name: String,
    pub hash: String,
    pub revision: i64,
    pub template: PodTemplate,
    /// The DaemonSet's `kubernetes.io/change-cause` annotation when the revision was made.
    pub change_cause: Option<String>,
    pub creation_timestamp: SimTime,
}

/// The `controller-revision-hash` for the DaemonSet's current template.
pub fn template_hash(ds: &crate::model::DaemonSet) -> String {
    let mut h: u32 = 0x811c_9dc5;
    let collision = ds.status.collision_count.to_string();
    for b in ds.template.canonical_json.bytes().chain(collision.bytes()) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    super::names::safe_encode_string(&h.to_string())
}

/// `constructHistory`: finds or creates the revision for the current template, renumbering it to
/// max+1 when an older revision is reused (a rollback), and returns the current hash.
pub(crate) fn construct_history(sim: &mut Simulation, ds_index: usize) -> String {
    let ds = sim.daemon_set_at(ds_index);
    let hash = template_hash(ds);
    let revisions = sim.revisions(ds);
    let max = revisions.iter().map(|r| r.revision).max().unwrap_or(0);
    let current = revisions
        .iter()
        .position(|r| r.template.canonical_json == ds.template.canonical_json);
    if let Some(i) = current {
        if revisions[i].revision == max {
            return hash;
        }
    }
    let ds = ds.clone();
    let now = sim.now();
    let change_cause = ds.annotations.get("kubernetes.io/change-cause").cloned();
    let revisions = sim.revisions_mut(&ds.uid);
    match current {
        Some(i) => {
            revisions[i].revision = max + 1;
            revisions[i].change_cause = change_cause;
        }
        None => revisions.push(ControllerRevision {
            name: format!("{}-{}", ds.name, hash),
            hash: hash.clone(),
            revision: max + 1,
            template: ds.template.clone(),
            change_cause,
            creation_timestamp: now,
        }),
    }
    revisions.sort_by_key(|r| r.revision);
    hash
}

/// `cleanupHistory`: deletes the oldest non-current revisions beyond `revisionHistoryLimit`,
/// skipping any whose hash a live pod still carries.
pub(crate) fn cleanup_history(sim: &mut Simulation, ds_index: usize, current_hash: &str) {
    let ds = sim.daemon_set_at(ds_index);
    if sim.revisions(ds).len() <= ds.revision_history_limit.max(0) as usize + 1 {
        return;
    }
    let ds = sim.daemon_set_at(ds_index);
    let uid = ds.uid.clone();
    let limit = ds.revision_history_limit.max(0) as usize;
    let live_hashes: std::collections::HashSet<String> = sim
        .owned_pods(&uid)
        .filter_map(|k| sim.pods.get(k))
        .filter_map(|e| e.pod.labels.get("controller-revision-hash").cloned())
        .collect();
    let revisions = sim.revisions_mut(&uid);
    let old_count = revisions.iter().filter(|r| r.hash != current_hash).count();
    let mut to_kill = old_count.saturating_sub(limit);
    if to_kill == 0 {
        return;
    }
    revisions.sort_by_key(|r| r.revision);
    revisions.retain(|r| {
        if to_kill == 0 || r.hash == current_hash || live_hashes.contains(&r.hash) {
            return true;
        }
        to_kill -= 1;
        false
    });
}
