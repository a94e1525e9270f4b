//! The event log: every event the simulation recorded, oldest first, kept in fixed-size chunks
//! so that recording never moves what is recorded already. A growing `Vec` copies its whole
//! content each time it doubles; a 5,000-node settle records a quarter of a million events, and
//! those copies (and the fresh memory behind them) cost as much as recording them.

use crate::model::Event;

/// Events per chunk: large enough that walking the log is a walk over arrays.
const CHUNK: usize = 4096;

/// The events recorded so far, in order. Read it like a slice: `len`, `iter` (double-ended),
/// `since(n)` for the events after the first `n`, or an index.
#[derive(Clone, Debug, Default)]
pub struct EventLog {
    /// Every chunk before `len / CHUNK` is full; the one at `len / CHUNK` holds the rest; any
    /// after it are empty, kept for reuse.
    chunks: Vec<Vec<Event>>,
    len: usize,
}

impl EventLog {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, index: usize) -> Option<&Event> {
        (index < self.len).then(|| &self.chunks[index / CHUNK][index % CHUNK])
    }

    /// Every event, oldest first.
    pub fn iter(&self) -> Iter<'_> {
        self.since(0)
    }

    /// The events recorded after the first `start` (none when `start` is past the end).
    pub fn since(&self, start: usize) -> Iter<'_> {
        Iter {
            log: self,
            front: start.min(self.len),
            back: self.len,
        }
    }

    pub(crate) fn push(&mut self, event: Event) {
        let chunk = self.len / CHUNK;
        if chunk == self.chunks.len() {
            self.chunks.push(Vec::with_capacity(CHUNK));
        }
        self.chunks[chunk].push(event);
        self.len += 1;
    }
}

impl std::ops::Index<usize> for EventLog {
    type Output = Event;

    fn index(&self, index: usize) -> &Event {
        match self.get(index) {
            Some(event) => event,
            None => panic!("event {index} of {}", self.len),
        }
    }
}

impl<'a> IntoIterator for &'a EventLog {
    type Item = &'a Event;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// An iterator over a range of the log.
#[derive(Clone, Debug)]
pub struct Iter<'a> {
    log: &'a EventLog,
    front: usize,
    back: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Event;

    fn next(&mut self) -> Option<&'a Event> {
        if self.front == self.back {
            return None;
        }
        self.front += 1;
        self.log.get(self.front - 1)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        self.log.get(self.back)
    }
}

impl ExactSizeIterator for Iter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventType, ObjectRef, SimTime};
    use std::rc::Rc;

    fn event(n: usize) -> Event {
        Event {
            time: SimTime(n as u64),
            event_type: EventType::Normal,
            reason: "R",
            object: Rc::new(ObjectRef {
                kind: "Pod",
                namespace: "ns".into(),
                name: "p".into(),
            }),
            source: "test",
            message: n.to_string().into(),
        }
    }

    fn times(events: Iter<'_>) -> Vec<u64> {
        events.map(|e| e.time.0).collect()
    }

    #[test]
    fn reads_like_a_slice_across_chunk_boundaries() {
        let mut log = EventLog::default();
        assert!(log.is_empty());
        let n = 2 * CHUNK + 5;
        for i in 0..n {
            log.push(event(i));
        }
        assert_eq!(log.len(), n);
        assert_eq!(log[CHUNK].time.0, CHUNK as u64);
        assert!(log.get(n).is_none());
        assert_eq!(times(log.iter()), (0..n as u64).collect::<Vec<_>>());
        assert_eq!(log.iter().len(), n);
        assert_eq!(
            times(log.since(CHUNK - 2)).len(),
            n - CHUNK + 2,
            "since counts from the index"
        );
        assert_eq!(log.since(n + 3).count(), 0);
        let last: Vec<u64> = log.iter().rev().take(3).map(|e| e.time.0).collect();
        assert_eq!(last, [n as u64 - 1, n as u64 - 2, n as u64 - 3]);
    }
}
