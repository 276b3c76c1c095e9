//! What a merge leaves to a person: a field both copies changed (use one
//! value, or for notes both), a card deleted on one side and changed on
//! the other (put it back: `restore_card`), and two cards that are one activity (combine
//! them). Each is a change like any other: undoable, saved, merged.

use uuid::Uuid;

use super::AppState;
use crate::model::{CardField, FieldConflict, OpError};
use crate::strings as s;

impl AppState {
    /// "Gebruik deze": `value` becomes the field's value, as a change made
    /// now, which closes the field's conflicts in every copy it reaches.
    pub fn use_value(&self, id: Uuid, field: CardField, value: serde_json::Value) {
        let stamp = self.stamp();
        let result = self.record("", |b| b.decide(id, field, &value, stamp));
        self.after_decision(result, s::DECIDED);
    }

    /// "Beide houden" for notes: the notes on the card, then the other.
    pub fn keep_both_notes(&self, id: Uuid, conflict: &FieldConflict) {
        let Some(current) = self.doc.item(id).map(|i| i.notes) else {
            return;
        };
        let other = conflict.value.as_str().unwrap_or_default();
        let joined = format!("{}\n\n{}", current.trim_end(), other.trim());
        self.use_value(id, CardField::Notes, joined.into());
    }

    /// "Samenvoegen tot één kaart": `other` goes into `keep`.
    pub fn combine(&self, keep: Uuid, other: Uuid) {
        let stamp = self.stamp();
        let result = self.record("", |b| b.combine(keep, other, stamp).map(|_| ()));
        self.after_decision(result, s::COMBINED);
    }

    fn after_decision(&self, result: Result<(), OpError>, done: &str) {
        match result {
            Ok(()) => {
                self.refresh_all();
                self.feedback.announce(done.to_string());
                self.changed();
            }
            Err(e) => self.feedback.notify(s::op_error(&e).to_string(), None),
        }
    }
}
