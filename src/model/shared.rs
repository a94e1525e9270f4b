//! `Shared<T>`: a copy-on-write value, for the parts of a pod that every pod of a DaemonSet
//! copies from its template (containers, tolerations, labels, the owner reference).
//!
//! A DaemonSet of 5,000 pods would otherwise hold 5,000 deep copies of its containers and their
//! resource maps. Cloning a `Shared` copies a pointer; writing through it (`DerefMut`) copies the
//! value first when it is shared, so code reads and writes it as the plain value. Equality,
//! hashing, `Debug` and serde all see the value itself, never the sharing.
//!
//! `Rc`, not `Arc`: the simulation runs on one thread (the page's wasm has no other, and events
//! already share `Rc<str>` texts), and an atomic count would cost on every pod's copy.

use std::rc::Rc;

#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }

    /// Whether two values are one shared copy (not merely equal).
    pub fn ptr_eq(a: &Self, b: &Self) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Self {
        Shared::new(value)
    }
}

impl<T: FromIterator<A>, A> FromIterator<A> for Shared<T> {
    fn from_iter<I: IntoIterator<Item = A>>(iter: I) -> Self {
        Shared::new(iter.into_iter().collect())
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Writes go to this value alone: a shared value is copied first (`Rc::make_mut`).
impl<T: Clone> std::ops::DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Rc::make_mut(&mut self.0)
    }
}

impl<'a, T> IntoIterator for &'a Shared<T>
where
    &'a T: IntoIterator,
{
    type Item = <&'a T as IntoIterator>::Item;
    type IntoIter = <&'a T as IntoIterator>::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        (&*self.0).into_iter()
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Serialized as the value itself: the page's reader module sends pods and templates.
impl<T: serde::Serialize> serde::Serialize for Shared<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Shared<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Shared::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clone_shares_until_written_then_only_the_writer_changes() {
        let a: Shared<Vec<i32>> = vec![1, 2].into();
        let mut b = a.clone();
        assert!(Shared::ptr_eq(&a, &b));
        b.push(3);
        assert!(!Shared::ptr_eq(&a, &b));
        assert_eq!(*a, vec![1, 2]);
        assert_eq!(*b, vec![1, 2, 3]);
    }

    #[test]
    fn debug_equality_and_serde_see_the_value() {
        let a: Shared<Vec<&str>> = vec!["x"].into();
        assert_eq!(format!("{a:?}"), format!("{:?}", vec!["x"]));
        assert_eq!(a, Shared::new(vec!["x"]));
        assert_eq!(serde_json::to_string(&a).unwrap(), r#"["x"]"#);
        let back: Shared<Vec<String>> = serde_json::from_str(r#"["y"]"#).unwrap();
        assert_eq!(*back, vec!["y".to_string()]);
        let total: usize = (&a).into_iter().map(|s| s.len()).sum();
        assert_eq!(total, 1);
    }
}
