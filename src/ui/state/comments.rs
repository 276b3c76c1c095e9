//! Commands on a card's comments. A comment is not an undo step: undo
//! takes back changes to the card's fields, and a thread only grows (one's
//! own comment is changed or deleted explicitly). Undoing an earlier
//! change keeps the comments written since (`Patch::put` unites threads).

use leptos::prelude::*;
use uuid::Uuid;

use super::AppState;
use crate::model::OpError;
use crate::strings as s;

impl AppState {
    /// Writes a comment on card `card` as this browser's person.
    pub fn add_comment(&self, card: Uuid, text: &str) -> Result<(), OpError> {
        let stamp = self.stamp();
        let id = Uuid::new_v4();
        self.comment_change(card, s::COMMENT_ADDED, |b| {
            b.add_comment(card, id, text, stamp)
        })
    }

    /// Changes the text of one's own comment.
    pub fn edit_comment(&self, card: Uuid, comment: Uuid, text: &str) -> Result<(), OpError> {
        let stamp = self.stamp();
        self.comment_change(card, s::COMMENT_CHANGED, |b| {
            b.edit_comment(card, comment, text, stamp).map(|_| ())
        })
    }

    /// Deletes one's own comment (a tombstone stays, so the deletion
    /// reaches every copy).
    pub fn delete_comment(&self, card: Uuid, comment: Uuid) -> Result<(), OpError> {
        let stamp = self.stamp();
        self.comment_change(card, s::COMMENT_DELETED, |b| {
            b.delete_comment(card, comment, stamp)
        })
    }

    fn comment_change(
        &self,
        card: Uuid,
        done: &str,
        f: impl FnOnce(&mut crate::model::Board) -> Result<(), OpError>,
    ) -> Result<(), OpError> {
        if self.doc.over_limit.with_untracked(Option::is_some) {
            return Err(OpError::BadValue);
        }
        match self.doc.update_quietly(f) {
            Ok(()) => {
                self.feedback.set_edit_error(None);
                self.sync_card(card);
                self.feedback.announce(done.to_string());
                self.changed();
                Ok(())
            }
            Err(e) => {
                self.feedback
                    .set_edit_error(Some(s::op_error(&e).to_string()));
                Err(e)
            }
        }
    }
}
