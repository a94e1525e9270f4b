//! The pod table: every pod's entry in a slab addressed by a small copyable `PodKey`, plus one
//! name index in (namespace, name) order for listing and for the API's lookups by name.
//!
//! The controllers' indexes (owned, unbound, active, orphans) hold `PodKey`s, so following one
//! costs an array access instead of a string comparison per tree level. A key carries the slot's
//! generation: a key kept across the removal of its pod never reaches a newer pod in that slot.

use super::PodEntry;
use std::collections::BTreeMap;

/// A pod's handle inside one `Simulation` (not its name: see `PodStore::lookup`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PodKey {
    slot: u32,
    generation: u32,
}

#[cfg(test)]
impl PodKey {
    /// The key of slot `slot`, generation 0, for tests of the indexes that hold keys.
    pub(crate) fn for_tests(slot: u32) -> PodKey {
        PodKey {
            slot,
            generation: 0,
        }
    }
}

#[derive(Clone, Debug)]
struct Slot {
    generation: u32,
    entry: Option<PodEntry>,
}

/// Pods by key, iterated in (namespace, name) order.
#[derive(Clone, Debug, Default)]
pub(crate) struct PodStore {
    slots: Vec<Slot>,
    free: Vec<u32>,
    /// namespace → name → key: nested so that a lookup by `&str` allocates nothing, and the
    /// iteration order is the (namespace, name) order of the API's lists.
    by_name: BTreeMap<String, BTreeMap<String, PodKey>>,
    len: usize,
}

impl PodStore {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn get(&self, key: &PodKey) -> Option<&PodEntry> {
        let slot = self.slots.get(key.slot as usize)?;
        if slot.generation != key.generation {
            return None;
        }
        slot.entry.as_ref()
    }

    pub fn get_mut(&mut self, key: &PodKey) -> Option<&mut PodEntry> {
        let slot = self.slots.get_mut(key.slot as usize)?;
        if slot.generation != key.generation {
            return None;
        }
        slot.entry.as_mut()
    }

    /// The key of the pod with this namespace and name.
    pub fn lookup(&self, namespace: &str, name: &str) -> Option<PodKey> {
        self.by_name.get(namespace)?.get(name).copied()
    }

    pub fn contains_name(&self, namespace: &str, name: &str) -> bool {
        self.lookup(namespace, name).is_some()
    }

    /// Adds a pod whose name is not taken yet; returns its key.
    pub fn insert(&mut self, entry: PodEntry) -> PodKey {
        let slot = match self.free.pop() {
            Some(i) => i,
            None => {
                self.slots.push(Slot {
                    generation: 0,
                    entry: None,
                });
                u32::try_from(self.slots.len() - 1).expect("fewer than 2^32 pods")
            }
        };
        let key = PodKey {
            slot,
            generation: self.slots[slot as usize].generation,
        };
        // The namespace is copied only for the first pod in it.
        let pod = &entry.pod;
        if !self.by_name.contains_key(&pod.namespace) {
            self.by_name.insert(pod.namespace.clone(), BTreeMap::new());
        }
        self.by_name
            .get_mut(&pod.namespace)
            .expect("namespace indexed above")
            .insert(pod.name.clone(), key);
        self.slots[slot as usize].entry = Some(entry);
        self.len += 1;
        key
    }

    pub fn remove(&mut self, key: &PodKey) -> Option<PodEntry> {
        let slot = self.slots.get_mut(key.slot as usize)?;
        if slot.generation != key.generation {
            return None;
        }
        let entry = slot.entry.take()?;
        slot.generation = slot.generation.wrapping_add(1);
        self.free.push(key.slot);
        if let Some(names) = self.by_name.get_mut(&entry.pod.namespace) {
            names.remove(&entry.pod.name);
            if names.is_empty() {
                self.by_name.remove(&entry.pod.namespace);
            }
        }
        self.len -= 1;
        Some(entry)
    }

    /// Keys and entries in (namespace, name) order.
    pub fn iter(&self) -> impl Iterator<Item = (&PodKey, &PodEntry)> {
        self.by_name.values().flat_map(|names| {
            names.values().map(|k| {
                let e = self.slots[k.slot as usize]
                    .entry
                    .as_ref()
                    .expect("indexed pods are stored");
                (k, e)
            })
        })
    }

    /// Entries in (namespace, name) order.
    pub fn values(&self) -> impl Iterator<Item = &PodEntry> {
        self.iter().map(|(_, e)| e)
    }

    /// Entries in slot order (no particular order): for folds whose result does not depend on it.
    pub fn values_unordered(&self) -> impl Iterator<Item = &PodEntry> {
        self.slots.iter().filter_map(|s| s.entry.as_ref())
    }

    /// Sorts keys into (namespace, name) order, the order of the API's lists and of upstream's
    /// informer-fed loops here.
    pub fn sort_by_name(&self, keys: &mut [PodKey]) {
        let mut named: Vec<(&str, &str, PodKey)> = keys
            .iter()
            .map(|k| {
                let pod = &self[k].pod;
                (pod.namespace.as_str(), pod.name.as_str(), *k)
            })
            .collect();
        // Names are unique, so an unstable sort gives the one order.
        named.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        for (slot, (_, _, k)) in keys.iter_mut().zip(named) {
            *slot = k;
        }
    }

    /// Makes room for `additional` more pods without moving the table while they are added.
    pub fn reserve(&mut self, additional: usize) {
        let reusable = self.free.len().min(additional);
        self.slots.reserve(additional - reusable);
    }
}

impl std::ops::Index<&PodKey> for PodStore {
    type Output = PodEntry;

    fn index(&self, key: &PodKey) -> &PodEntry {
        self.get(key).expect("pod key of a stored pod")
    }
}

/// A set of pod keys indexed by slot: O(1) insert, remove and membership, iteration in slot
/// order (deterministic; callers that need an order sort what they take).
#[derive(Clone, Debug, Default)]
pub(crate) struct KeySet {
    slots: Vec<Option<PodKey>>,
    len: usize,
}

impl KeySet {
    /// Adds the key; returns whether it was not there yet.
    pub fn insert(&mut self, key: PodKey) -> bool {
        let i = key.slot as usize;
        if self.slots.len() <= i {
            self.slots.resize(i + 1, None);
        }
        let previous = self.slots[i].replace(key);
        if previous.is_none() {
            self.len += 1;
        }
        previous != Some(key)
    }

    /// Removes the key; returns whether it was there.
    pub fn remove(&mut self, key: &PodKey) -> bool {
        match self.slots.get_mut(key.slot as usize) {
            Some(slot) if *slot == Some(*key) => {
                *slot = None;
                self.len -= 1;
                true
            }
            _ => false,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = &PodKey> {
        self.slots.iter().filter_map(Option::as_ref)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Stage;
    use crate::model::Pod;

    fn entry(namespace: &str, name: &str) -> PodEntry {
        let pod = Pod {
            namespace: namespace.into(),
            name: name.into(),
            uid: String::new(),
            labels: Default::default(),
            annotations: Default::default(),
            owner_references: Default::default(),
            spec: Default::default(),
            status: Default::default(),
            creation_timestamp: crate::model::SimTime::ZERO,
            deletion_timestamp: None,
        };
        let object = crate::engine::pod_ref(&pod);
        PodEntry::new(pod, object, Stage::Unbound, true)
    }

    fn names(store: &PodStore) -> Vec<String> {
        store
            .values()
            .map(|e| format!("{}/{}", e.pod.namespace, e.pod.name))
            .collect()
    }

    #[test]
    fn lists_in_namespace_then_name_order_through_inserts_and_removals() {
        let mut store = PodStore::default();
        let b = store.insert(entry("kube-system", "b"));
        store.insert(entry("default", "z"));
        assert_eq!(names(&store), ["default/z", "kube-system/b"]);
        store.insert(entry("kube-system", "a"));
        assert_eq!(
            names(&store),
            ["default/z", "kube-system/a", "kube-system/b"]
        );
        store.remove(&b);
        assert_eq!(names(&store), ["default/z", "kube-system/a"]);
        assert_eq!(store.lookup("kube-system", "b"), None);
        assert!(store.lookup("kube-system", "a").is_some());
        assert_eq!(store.len(), 2);
    }
}
