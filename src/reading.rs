//! The reader's reading history: which articles they have opened, so the list can mark
//! them. Kept in local storage (see `storage`), shared with every view as a context.

use crate::storage::{self, Kept};
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

/// The storage name of the history.
const STORAGE_NAME: &str = "read";
/// How many articles the history remembers; the oldest are forgotten first.
pub const REMEMBERED: usize = 1000;

/// The ids of the articles read, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    order: Vec<String>,
    ids: HashSet<String>,
}

impl History {
    /// Reads a saved history. Anything unreadable counts as no history: the value may
    /// have been written by another site on the same origin, or by hand.
    pub fn from_saved(text: Option<&str>) -> History {
        let ids: Vec<String> = text
            .and_then(|text| serde_json::from_str(text).ok())
            .unwrap_or_default();
        let mut history = History::default();
        for id in ids {
            history.add(id);
        }
        history
    }

    /// The history in its saved form.
    pub fn to_saved(&self) -> String {
        serde_json::to_string(&self.order).unwrap_or_else(|_| "[]".to_string())
    }

    /// Adds `id` as the most recently read article.
    pub fn add(&mut self, id: String) {
        if !self.ids.insert(id.clone()) {
            self.order.retain(|seen| *seen != id);
        }
        self.order.push(id);
        if self.order.len() > REMEMBERED {
            let forgotten = self.order.remove(0);
            self.ids.remove(&forgotten);
        }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// What every view can see and do with the history.
#[derive(Clone, PartialEq)]
pub struct Reading {
    pub history: Rc<History>,
    /// Whether the browser keeps the history beyond this visit.
    pub kept: Kept,
    /// Records that an article was opened.
    pub mark_read: Callback<String>,
    /// Forgets the whole history.
    pub forget: Callback<()>,
}

/// The reading history with its actions, loaded once from storage.
#[hook]
pub fn use_reading() -> Reading {
    let history =
        use_state(|| Rc::new(History::from_saved(storage::load(STORAGE_NAME).as_deref())));
    let kept = use_state(|| Kept::Saved);
    let mark_read = {
        let history = history.clone();
        let kept = kept.clone();
        Callback::from(move |id: String| {
            if history.contains(&id) && history.order.last() == Some(&id) {
                return;
            }
            let mut next = (**history).clone();
            next.add(id);
            kept.set(storage::store(STORAGE_NAME, &next.to_saved()));
            history.set(Rc::new(next));
        })
    };
    let forget = {
        let history = history.clone();
        Callback::from(move |()| {
            storage::remove(STORAGE_NAME);
            history.set(Rc::new(History::default()));
        })
    };
    Reading {
        history: (*history).clone(),
        kept: *kept,
        mark_read,
        forget,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_keeps_the_most_recent_order() {
        let mut history = History::default();
        history.add("a".into());
        history.add("b".into());
        history.add("a".into());
        assert_eq!(history.to_saved(), r#"["b","a"]"#);
        let again = History::from_saved(Some(&history.to_saved()));
        assert_eq!(again, history);
        assert!(again.contains("a") && again.contains("b") && !again.contains("c"));
    }

    #[test]
    fn forgets_the_oldest_beyond_the_limit() {
        let mut history = History::default();
        for n in 0..REMEMBERED + 5 {
            history.add(format!("a{n}"));
        }
        assert!(!history.contains("a4"));
        assert!(history.contains("a5"));
        assert_eq!(history.order.len(), REMEMBERED);
    }

    #[test]
    fn unreadable_saved_values_mean_no_history() {
        for text in [
            None,
            Some(""),
            Some("{\"a\":1}"),
            Some("[1,2]"),
            Some("<script>"),
        ] {
            assert!(History::from_saved(text).is_empty(), "{text:?}");
        }
    }
}
