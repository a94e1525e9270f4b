//! The pod table: every pod's entry in a slab addressed by a small copyable `PodKey`, a hash
//! index for the API's lookups by name, and the (namespace, name) order for listing, sorted when
//! first asked for after a change (settling thousands of pods creates them all before anything
//! lists them, and sorting once costs less than keeping a tree ordered through every insert).
//!
//! The controllers' indexes (owned, unbound, active, orphans) hold `PodKey`s, so following one
//! costs an array access instead of a string comparison per tree level. A key carries the slot's
//! generation: a key kept across the removal of its pod never reaches a newer pod in that slot.
//!
//! Names are ordered by a `NameRank` first, the first 16 bytes of namespace and name as two
//! integers: generated names (`agent-3-x7k2p`) fit, so sorts into name order compare integers
//! instead of calling `memcmp`, and compare the strings only on a tie.

use super::PodEntry;
use crate::model::ObjectRef;
use std::cell::OnceCell;
use std::hash::BuildHasher;
use std::rc::Rc;

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

/// The first 16 bytes of a pod's namespace and name, big-endian and zero-padded: ordering ranks
/// orders the strings, except that ranks can tie for strings that differ after 16 bytes.
/// (Zero padding sorts a prefix first, as string order does: names hold no NUL bytes.)
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct NameRank {
    namespace: u128,
    name: u128,
}

impl NameRank {
    pub fn of(namespace: &str, name: &str) -> Self {
        NameRank {
            namespace: prefix(namespace),
            name: prefix(name),
        }
    }
}

fn prefix(s: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = s.len().min(16);
    bytes[..n].copy_from_slice(&s.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// A slot holds its entry boxed: the slab then grows by copying 16 bytes a pod, not a whole
/// entry, and an entry never moves once stored.
#[derive(Clone, Debug)]
struct Slot {
    generation: u32,
    entry: Option<Box<PodEntry>>,
}

/// Pods by key, iterated in (namespace, name) order.
#[derive(Clone, Debug, Default)]
pub(crate) struct PodStore {
    slots: Vec<Slot>,
    /// Each slot's `NameRank`, apart from the entries so that sorting keys reads 32 bytes a pod.
    ranks: Vec<NameRank>,
    free: Vec<u32>,
    /// (namespace, name) → key. Each entry keeps the hash of its names, so that growing the
    /// table rehashes without reading a name, and its pod's event reference
    /// (`PodEntry::object`), shared, for the names.
    by_name: hashbrown::HashTable<NameEntry>,
    /// Every key in (namespace, name) order, once asked for since the last insert or removal.
    order: OnceCell<Vec<PodKey>>,
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
        slot.entry.as_deref()
    }

    pub fn get_mut(&mut self, key: &PodKey) -> Option<&mut PodEntry> {
        let slot = self.slots.get_mut(key.slot as usize)?;
        if slot.generation != key.generation {
            return None;
        }
        slot.entry.as_deref_mut()
    }

    /// The key of the pod with this namespace and name.
    pub fn lookup(&self, namespace: &str, name: &str) -> Option<PodKey> {
        let hash = name_hash(namespace, name);
        self.by_name
            .find(hash, |e| e.is(hash, namespace, name))
            .map(|e| e.key)
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
                self.ranks.push(NameRank::default());
                u32::try_from(self.slots.len() - 1).expect("fewer than 2^32 pods")
            }
        };
        let key = PodKey {
            slot,
            generation: self.slots[slot as usize].generation,
        };
        let pod = &entry.pod;
        let rank = NameRank::of(&pod.namespace, &pod.name);
        self.ranks[slot as usize] = rank;
        debug_assert_eq!(*entry.object.name, *pod.name);
        debug_assert_eq!(*entry.object.namespace, *pod.namespace);
        debug_assert!(self.lookup(&pod.namespace, &pod.name).is_none());
        let hash = name_hash(&pod.namespace, &pod.name);
        self.by_name.insert_unique(
            hash,
            NameEntry {
                hash,
                object: entry.object.clone(),
                key,
            },
            |e| e.hash,
        );
        self.order.take();
        self.slots[slot as usize].entry = Some(Box::new(entry));
        self.len += 1;
        key
    }

    pub fn remove(&mut self, key: &PodKey) -> Option<PodEntry> {
        let slot = self.slots.get_mut(key.slot as usize)?;
        if slot.generation != key.generation {
            return None;
        }
        let entry = *slot.entry.take()?;
        slot.generation = slot.generation.wrapping_add(1);
        self.free.push(key.slot);
        let (namespace, name) = (&entry.pod.namespace, &entry.pod.name);
        let hash = name_hash(namespace, name);
        if let Ok(found) = self
            .by_name
            .find_entry(hash, |e| e.is(hash, namespace, name))
        {
            found.remove();
        }
        self.order.take();
        self.len -= 1;
        Some(entry)
    }

    /// Keys and entries in (namespace, name) order.
    pub fn iter(&self) -> impl Iterator<Item = (&PodKey, &PodEntry)> {
        let order = self.order.get_or_init(|| {
            let keys: Vec<PodKey> = self
                .slots
                .iter()
                .enumerate()
                .filter(|(_, s)| s.entry.is_some())
                .map(|(i, s)| PodKey {
                    slot: i as u32,
                    generation: s.generation,
                })
                .collect();
            self.name_order(&keys)
                .into_iter()
                .map(|i| keys[i])
                .collect()
        });
        order.iter().map(|k| {
            let e = self.slots[k.slot as usize]
                .entry
                .as_deref()
                .expect("listed pods are stored");
            (k, e)
        })
    }

    /// Entries in (namespace, name) order.
    pub fn values(&self) -> impl Iterator<Item = &PodEntry> {
        self.iter().map(|(_, e)| e)
    }

    /// Entries in slot order (no particular order): for folds whose result does not depend on it.
    pub fn values_unordered(&self) -> impl Iterator<Item = &PodEntry> {
        self.slots.iter().filter_map(|s| s.entry.as_deref())
    }

    /// Sorts keys into (namespace, name) order, the order of the API's lists and of upstream's
    /// informer-fed loops here. A key listed twice stays listed twice, side by side.
    pub fn sort_by_name(&self, keys: &mut [PodKey]) {
        let order = self.name_order(keys);
        let sorted: Vec<PodKey> = order.iter().map(|&i| keys[i]).collect();
        keys.copy_from_slice(&sorted);
    }

    /// The positions of `keys` taken in (namespace, name) order. Reads the ranks only, and the
    /// names where ranks cannot tell.
    pub fn name_order(&self, keys: &[PodKey]) -> Vec<usize> {
        let rank = |k: &PodKey| self.ranks[k.slot as usize];
        let namespace = keys.first().map(|k| rank(k).namespace);
        let one_namespace =
            namespace.is_some_and(|ns| whole(ns) && keys.iter().all(|k| rank(k).namespace == ns));
        if one_namespace {
            // The usual batch: the name's prefix alone is the key, a cheaper one.
            self.order_by(keys, |k| rank(k).name, |a, b| a == b)
        } else {
            // A namespace too long for its rank ties with every other one that starts alike,
            // whatever the names: those go by the strings.
            self.order_by(keys, rank, |a, b| {
                a.namespace == b.namespace && (!whole(a.namespace) || a.name == b.name)
            })
        }
    }

    /// The positions of `keys` sorted by `key_of`, each run that `ambiguous` ties (adjacent
    /// once sorted) sorted again by the strings.
    fn order_by<K: Ord + Copy>(
        &self,
        keys: &[PodKey],
        key_of: impl Fn(&PodKey) -> K,
        ambiguous: impl Fn(&K, &K) -> bool,
    ) -> Vec<usize> {
        let mut keyed: Vec<(K, u32)> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (key_of(k), i as u32))
            .collect();
        keyed.sort_unstable();
        let mut order: Vec<usize> = keyed.iter().map(|&(_, i)| i as usize).collect();
        let mut start = 0;
        while start < keyed.len() {
            let mut end = start + 1;
            while end < keyed.len() && ambiguous(&keyed[start].0, &keyed[end].0) {
                end += 1;
            }
            if end - start > 1 {
                order[start..end].sort_by(|&a, &b| {
                    let (pa, pb) = (&self[&keys[a]].pod, &self[&keys[b]].pod);
                    (&pa.namespace, &pa.name).cmp(&(&pb.namespace, &pb.name))
                });
            }
            start = end;
        }
        order
    }

    /// Whether the pod at `key` is in `namespace`: decided by the ranks alone, without reading
    /// the pod's namespace, unless the namespace is too long for its rank.
    pub fn in_namespace(&self, key: &PodKey, namespace: &str) -> bool {
        let rank = self.ranks[key.slot as usize].namespace;
        rank == prefix(namespace) && (whole(rank) || self[key].pod.namespace == namespace)
    }

    /// Makes room for `additional` more pods without moving the table while they are added.
    pub fn reserve(&mut self, additional: usize) {
        let reusable = self.free.len().min(additional);
        self.slots.reserve(additional - reusable);
        self.ranks.reserve(additional - reusable);
        self.by_name.reserve(additional, |e| e.hash);
    }
}

/// One pod in the name index.
#[derive(Clone, Debug)]
struct NameEntry {
    hash: u64,
    object: Rc<ObjectRef>,
    key: PodKey,
}

impl NameEntry {
    fn is(&self, hash: u64, namespace: &str, name: &str) -> bool {
        self.hash == hash && *self.object.name == *name && *self.object.namespace == *namespace
    }
}

/// The index's hash of a pod's namespace and name.
fn name_hash(namespace: &str, name: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one((namespace, name))
}

/// Whether a rank's 16 bytes hold the whole string: a shorter one is zero-padded, and names
/// hold no NUL bytes.
fn whole(prefix: u128) -> bool {
    prefix & 0xff == 0
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

/// A set of pod keys kept sorted in a list: keys of new pods mostly come last, so an insert is
/// usually a push, and iteration (every sync walks its DaemonSet's pods) is a slice walk, in the
/// same key order a `BTreeSet` would give.
#[derive(Clone, Debug, Default)]
pub(crate) struct KeyList(Vec<PodKey>);

impl KeyList {
    pub fn insert(&mut self, key: PodKey) -> bool {
        match self.0.last() {
            Some(last) if *last >= key => match self.0.binary_search(&key) {
                Ok(_) => false,
                Err(at) => {
                    self.0.insert(at, key);
                    true
                }
            },
            _ => {
                self.0.push(key);
                true
            }
        }
    }

    pub fn remove(&mut self, key: &PodKey) -> bool {
        match self.0.binary_search(key) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, PodKey> {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Stage;
    use crate::model::Pod;

    fn entry(namespace: &str, name: &str) -> PodEntry {
        let pod = Pod::new(namespace, name);
        let object = crate::engine::pod_ref(&pod);
        PodEntry::new(pod, object, Stage::Unbound, true)
    }

    #[test]
    fn key_list_keeps_keys_sorted_and_once() {
        let mut list = KeyList::default();
        for slot in [3, 7, 1, 7, 9, 0, 3] {
            list.insert(PodKey::for_tests(slot));
        }
        let slots = |l: &KeyList| l.iter().map(|k| k.slot).collect::<Vec<_>>();
        assert_eq!(slots(&list), [0, 1, 3, 7, 9]);
        assert!(list.remove(&PodKey::for_tests(3)));
        assert!(!list.remove(&PodKey::for_tests(3)));
        assert_eq!(slots(&list), [0, 1, 7, 9]);
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

    #[test]
    fn tells_namespaces_apart_past_the_sixteen_bytes_the_ranks_hold() {
        let mut store = PodStore::default();
        let a = store.insert(entry("customer-namespace-a", "p"));
        let short = store.insert(entry("kube-system", "p"));
        assert!(store.in_namespace(&a, "customer-namespace-a"));
        assert!(!store.in_namespace(&a, "customer-namespace-b"));
        assert!(!store.in_namespace(&a, "customer-namespace"));
        assert!(store.in_namespace(&short, "kube-system"));
        assert!(!store.in_namespace(&short, "kube-systemx"));
        assert!(!store.in_namespace(&short, "kube"));
    }

    #[test]
    fn sorts_by_name_past_the_sixteen_bytes_the_ranks_hold() {
        let mut store = PodStore::default();
        let names = [
            ("kube-system", "agent-0-b"),
            ("kube-system", "a-very-long-daemon-set-name-zz"),
            ("default", "agent-0-c"),
            ("kube-system", "a-very-long-daemon-set-name-ab"),
            ("kube-system", "agent-0"),
            ("kube-system", "a-very-long-daemon-set-name-a"),
            ("kube-systemx", "a"),
            // Namespaces alike in their first 16 bytes: the rank cannot tell them apart.
            ("customer-namespace-b", "a"),
            ("customer-namespace-a", "z"),
            ("customer-namespace-a", "b"),
        ];
        let mut keys: Vec<PodKey> = names
            .iter()
            .map(|(ns, n)| store.insert(entry(ns, n)))
            .collect();
        keys.push(keys[1]);
        store.sort_by_name(&mut keys);
        let sorted: Vec<String> = keys
            .iter()
            .map(|k| format!("{}/{}", store[k].pod.namespace, store[k].pod.name))
            .collect();
        let mut expected: Vec<String> = names.iter().map(|(ns, n)| format!("{ns}/{n}")).collect();
        expected.push(expected[1].clone());
        expected.sort_by(|a, b| {
            let (a, b) = (a.split_once('/').unwrap(), b.split_once('/').unwrap());
            a.cmp(&b)
        });
        assert_eq!(sorted, expected);
        // The index lists in the same order, and finds each long name.
        expected.dedup();
        assert_eq!(super::tests::names(&store), expected);
        for (ns, n) in names {
            assert!(store.lookup(ns, n).is_some(), "{ns}/{n}");
        }
        assert_eq!(
            store.lookup("kube-system", "a-very-long-daemon-set-name-"),
            None
        );
    }
}
