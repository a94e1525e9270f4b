//! The page's recorded session: every user edit and clock move since a base state, a cursor
//! into it (undo, redo and the timeline move the cursor), and cloned checkpoints every
//! `CHECKPOINT_EVERY` entries so that going to any moment replays at most that many entries.
//!
//! The history only stores; `AppState` replays (the simulation is deterministic: same seed,
//! same edits, same cluster). Consecutive clock moves merge into one entry, so that a long
//! session of playback stays a short list. Deliberately absent: the DOM and the wall clock.

use super::scenario::Caption;
use super::state::Action;
use crate::command::Step;
use crate::model::{SimDuration, SimTime};

/// Entries between two checkpoints: the most a jump in the timeline replays.
pub const CHECKPOINT_EVERY: usize = 16;

/// The most entries kept; older ones fold into the base.
pub const MAX_ENTRIES: usize = 4_000;

/// A user's edit or a clock move, as it is recorded and replayed.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The editor's text applied (Apply, live apply, an example).
    ApplyText { text: String },
    /// A fresh default cluster, then this text.
    Reset { text: String },
    /// A diagram edit (node add/remove, labels, taints, cordon, conditions, allocatable) or a
    /// pod failure, as dispatched.
    Cluster(Action),
    /// The clock moved by this much (playback, step).
    Clock(SimDuration),
    /// Settle (run until nothing is due, bounded).
    Settle,
    /// A step of an imported scenario.
    Scenario {
        text: String,
        step: Step,
        caption: Option<Caption>,
    },
}

impl Edit {
    /// Whether undo and redo stop at this entry (clock moves are passed over).
    pub fn is_user_edit(&self) -> bool {
        !matches!(self, Edit::Clock(_) | Edit::Settle)
    }
}

/// One recorded entry and what applying it did.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub edit: Edit,
    /// The cluster was rebuilt from scratch (a reset, or text whose Nodes changed).
    pub rebuild: bool,
    /// `kubectl delete …` steps for what an editor apply pruned (for the export).
    pub pruned: Vec<String>,
    /// Simulated time after the entry.
    pub time: SimTime,
}

/// The recorded session over snapshots of type `S`.
#[derive(Clone, Debug)]
pub struct History<S> {
    base: S,
    base_time: SimTime,
    entries: Vec<Entry>,
    cursor: usize,
    /// (position, snapshot at that position), ascending; positions are multiples of
    /// `CHECKPOINT_EVERY` and never 0 (that is `base`).
    checkpoints: Vec<(usize, S)>,
}

impl<S: Clone> History<S> {
    pub fn new(base: S, base_time: SimTime) -> Self {
        History {
            base,
            base_time,
            entries: Vec::new(),
            cursor: 0,
            checkpoints: Vec::new(),
        }
    }

    /// A history whose base is `base` and whose entries are all ahead (an imported scenario).
    pub fn with_future(base: S, base_time: SimTime, entries: Vec<Entry>) -> Self {
        History {
            base,
            base_time,
            entries,
            cursor: 0,
            checkpoints: Vec::new(),
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Simulated time at a position.
    pub fn time_at(&self, position: usize) -> SimTime {
        match position {
            0 => self.base_time,
            p => self.entries[p.min(self.entries.len()) - 1].time,
        }
    }

    /// Drops everything after the cursor (a new edit from an earlier moment).
    pub fn truncate(&mut self) {
        self.entries.truncate(self.cursor);
        self.checkpoints.retain(|(p, _)| *p <= self.cursor);
    }

    /// Records an entry at the cursor (the future must have been truncated); `snapshot` gives
    /// the state after it, taken only when a checkpoint is due.
    pub fn push(&mut self, entry: Entry, snapshot: impl FnOnce() -> S) {
        debug_assert_eq!(self.cursor, self.entries.len());
        let merge = match (&entry.edit, self.entries.last_mut()) {
            (Edit::Clock(d), Some(last)) => match &mut last.edit {
                Edit::Clock(prev) => {
                    *prev = SimDuration(prev.0 + d.0);
                    last.time = entry.time;
                    true
                }
                _ => false,
            },
            _ => false,
        };
        if merge {
            // The checkpoint after the merged entry no longer matches its position's state;
            // none is taken while the clock runs on (a checkpoint shares the simulation, so
            // the next tick would copy it).
            let len = self.entries.len();
            self.checkpoints.retain(|(p, _)| *p != len);
        } else {
            self.entries.push(entry);
        }
        self.cursor = self.entries.len();
        if !merge
            && self.cursor.is_multiple_of(CHECKPOINT_EVERY)
            && self
                .checkpoints
                .last()
                .is_none_or(|(p, _)| *p < self.cursor)
        {
            self.checkpoints.push((self.cursor, snapshot()));
        }
        if self.entries.len() > MAX_ENTRIES {
            self.fold_oldest();
        }
    }

    /// Makes the oldest checkpoint the base.
    fn fold_oldest(&mut self) {
        if self.checkpoints.is_empty() {
            return;
        }
        let (position, snapshot) = self.checkpoints.remove(0);
        self.base_time = self.entries[position - 1].time;
        self.base = snapshot;
        self.entries.drain(..position);
        self.cursor -= position;
        for (p, _) in &mut self.checkpoints {
            *p -= position;
        }
    }

    /// The closest snapshot at or before `position` and the entries to replay from it.
    pub fn replay_plan(&self, position: usize) -> (S, &[Entry]) {
        let position = position.min(self.entries.len());
        let (from, snapshot) = self
            .checkpoints
            .iter()
            .rev()
            .find(|(p, _)| *p <= position)
            .map(|(p, s)| (*p, s.clone()))
            .unwrap_or((0, self.base.clone()));
        (snapshot, &self.entries[from..position])
    }

    /// Moves the cursor (after the caller has replayed to `position`); records a checkpoint
    /// if one is due and missing.
    pub fn set_cursor(&mut self, position: usize, snapshot: impl FnOnce() -> S) {
        self.cursor = position.min(self.entries.len());
        let p = self.cursor;
        if p > 0
            && p.is_multiple_of(CHECKPOINT_EVERY)
            && !self.checkpoints.iter().any(|(q, _)| *q == p)
        {
            let at = self.checkpoints.partition_point(|(q, _)| *q < p);
            self.checkpoints.insert(at, (p, snapshot()));
        }
    }

    /// The position undo goes to: just before the last user edit before the cursor.
    pub fn undo_target(&self) -> Option<usize> {
        self.entries[..self.cursor]
            .iter()
            .rposition(|e| e.edit.is_user_edit())
    }

    /// The position redo goes to: just after the next user edit at or after the cursor.
    pub fn redo_target(&self) -> Option<usize> {
        self.entries[self.cursor..]
            .iter()
            .position(|e| e.edit.is_user_edit())
            .map(|i| self.cursor + i + 1)
    }

    /// How many snapshots are held (tests: the bound on memory).
    pub fn checkpoint_count(&self) -> usize {
        self.checkpoints.len()
    }
}
