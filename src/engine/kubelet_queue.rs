//! The kubelet's timer queue: which pods have a lifecycle step due at which instant.
//!
//! Thousands of pods created in one instant fall due together, so the queue keeps one bucket per
//! instant rather than one tree entry per pod: queueing is a push, and taking a pod off is a
//! counter decrement (its key stays in the bucket, and readers skip it because the pod's entry
//! no longer names that instant). A bucket goes when its last live pod leaves, so the first
//! bucket is always the next instant something is due.

use super::PodKey;
use crate::model::SimTime;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default)]
pub(crate) struct KubeletQueue {
    /// Instant → (pods still due then, every key queued then, stale ones included).
    buckets: BTreeMap<SimTime, (usize, Vec<PodKey>)>,
}

impl KubeletQueue {
    /// Queues `key` at `t`. The caller records `t` in the pod's entry (`PodEntry::kubelet_due`).
    pub fn insert(&mut self, t: SimTime, key: PodKey) {
        let (live, keys) = self.buckets.entry(t).or_default();
        *live += 1;
        keys.push(key);
    }

    /// Takes a pod queued at `t` off the queue.
    pub fn remove(&mut self, t: SimTime) {
        if let Some((live, _)) = self.buckets.get_mut(&t) {
            *live -= 1;
            if *live == 0 {
                self.buckets.remove(&t);
            }
        }
    }

    pub fn clear(&mut self) {
        self.buckets.clear();
    }

    /// The earliest instant with a pod due.
    pub fn first(&self) -> Option<SimTime> {
        self.buckets.keys().next().copied()
    }

    /// How many pods are due at or before `now`.
    pub fn due_count(&self, now: SimTime) -> usize {
        self.buckets.range(..=now).map(|(_, (live, _))| live).sum()
    }

    /// Whether no pod due at or before `now` was taken off its bucket since the bucket was made:
    /// then every key `due` lists is live, and each once. (A bucket holds one key per insert
    /// and counts inserts less removals, so the two match exactly when nothing was removed.)
    pub fn due_are_live(&self, now: SimTime) -> bool {
        self.buckets
            .range(..=now)
            .all(|(_, (live, keys))| *live == keys.len())
    }

    /// Every key queued at or before `now`, each with the instant it was queued at; stale keys
    /// included (a pod queued, taken off and queued again at one instant appears twice), so the
    /// caller keeps those whose entry still names that instant.
    pub fn due(&self, now: SimTime) -> impl Iterator<Item = (SimTime, PodKey)> + '_ {
        self.buckets
            .range(..=now)
            .flat_map(|(t, (_, keys))| keys.iter().map(move |k| (*t, *k)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SimDuration;

    fn keys(n: u32) -> Vec<PodKey> {
        (0..n).map(PodKey::for_tests).collect()
    }

    #[test]
    fn first_is_the_earliest_instant_with_a_live_pod() {
        let k = keys(3);
        let (t1, t2) = (
            SimTime::ZERO + SimDuration::from_secs(1),
            SimTime::ZERO + SimDuration::from_secs(2),
        );
        let mut q = KubeletQueue::default();
        q.insert(t2, k[0]);
        q.insert(t1, k[1]);
        q.insert(t1, k[2]);
        assert_eq!(q.first(), Some(t1));
        assert_eq!(q.due_count(t1), 2);
        assert_eq!(q.due_count(t2), 3);
        q.remove(t1);
        assert_eq!(q.first(), Some(t1), "one pod is still due at t1");
        q.remove(t1);
        assert_eq!(q.first(), Some(t2), "the emptied bucket is gone");
        assert_eq!(q.due(t2).collect::<Vec<_>>(), vec![(t2, k[0])]);
        q.remove(t2);
        assert_eq!(q.first(), None);
    }

    #[test]
    fn a_requeued_pod_appears_again_for_the_caller_to_filter() {
        let k = keys(1);
        let t = SimTime::ZERO + SimDuration::from_secs(5);
        let mut q = KubeletQueue::default();
        q.insert(t, k[0]);
        q.remove(t);
        assert_eq!(q.due(t).count(), 0);
        q.insert(t, k[0]);
        assert!(q.due_are_live(t));
        q.insert(t, k[0]);
        q.remove(t);
        assert!(!q.due_are_live(t), "one of the two keys is stale");
        assert_eq!(q.due_count(t), 1);
        assert_eq!(
            q.due(t).count(),
            2,
            "stale keys stay until the bucket empties"
        );
    }
}
