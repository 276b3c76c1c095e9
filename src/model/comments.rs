//! "Opmerkingen": a thread of short comments on a card, the conversation
//! that travels with it by email ("wacht op sleutelfiguur X").
//!
//! Comments merge by union on their id, so no copy's comment is lost and
//! none appears twice. One comment merges field by field: its text takes
//! the later edit; a deletion is final (a tombstone: id, author and time
//! stay, the text goes, and an edit elsewhere does not bring it back).
//! That makes [`merge_comments`] a join (commutative, associative,
//! idempotent; proptested in `props.rs`).
//!
//! Only the author edits or deletes a comment: names are not accounts, but
//! the app does not offer to change someone else's words.

use super::sort;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::limits::{self, bounded, Field};
use super::{Board, OpError, Stamp, Timestamp};

/// One comment on a card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub id: Uuid,
    /// When it was written: the thread's order (ties: the id).
    pub at: Timestamp,
    /// Who wrote it ("Jouw naam"; "" when not given).
    #[serde(default)]
    pub by: String,
    /// Empty once deleted.
    #[serde(default)]
    pub text: String,
    /// When the author last changed the text: the later edit wins a merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited: Option<Timestamp>,
    /// When it was deleted. A deleted comment stays as a tombstone, so
    /// that the deletion reaches every copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<Timestamp>,
}

impl Comment {
    pub fn is_deleted(&self) -> bool {
        self.deleted.is_some()
    }

    /// When its text last changed (written or edited).
    fn text_time(&self) -> Timestamp {
        self.edited.unwrap_or(self.at)
    }

    /// One comment as two copies have it: the later text, the later
    /// deletion; a deleted comment has no text.
    fn join(&self, other: &Comment) -> Comment {
        let text_from_self = (self.text_time(), &self.text, self.edited)
            >= (other.text_time(), &other.text, other.edited);
        let (text, edited) = if text_from_self {
            (self.text.clone(), self.edited)
        } else {
            (other.text.clone(), other.edited)
        };
        let mut out = Comment {
            id: self.id,
            // Written once; copies agree unless a file was crafted.
            at: self.at.min(other.at),
            by: if (self.at, &self.by) <= (other.at, &other.by) {
                self.by.clone()
            } else {
                other.by.clone()
            },
            text,
            edited,
            deleted: self.deleted.max(other.deleted),
        };
        out.erase_if_deleted();
        out
    }

    pub(crate) fn erase_if_deleted(&mut self) {
        if self.deleted.is_some() {
            self.text.clear();
            self.edited = None;
        }
    }
}

/// The union of two threads, in time order (then by id).
pub fn merge_comments(a: &[Comment], b: &[Comment]) -> Vec<Comment> {
    if a == b {
        return a.to_vec();
    }
    let mut by_id: std::collections::BTreeMap<Uuid, Comment> = std::collections::BTreeMap::new();
    for c in a.iter().chain(b) {
        let joined = match by_id.get(&c.id) {
            Some(x) => x.join(c),
            None => {
                let mut c = c.clone();
                c.erase_if_deleted();
                c
            }
        };
        by_id.insert(c.id, joined);
    }
    let mut out: Vec<Comment> = by_id.into_values().collect();
    sort(&mut out);
    bound(&mut out);
    out
}

fn sort(thread: &mut [Comment]) {
    sort::sort_by_key(thread, |c| (c.at, c.id));
}

/// Keeps the newest [`limits::MAX_COMMENTS`] (deterministic, so the merge
/// stays a join).
fn bound(thread: &mut Vec<Comment>) {
    let over = thread.len().saturating_sub(limits::MAX_COMMENTS);
    if over > 0 {
        thread.drain(..over);
    }
}

/// A thread as read from a file or storage, in the form the app keeps:
/// in time order, deleted comments without text.
pub fn tidy(thread: &mut [Comment]) {
    for c in thread.iter_mut() {
        c.erase_if_deleted();
    }
    sort(thread);
}

/// Comments that are not deleted.
pub fn live(thread: &[Comment]) -> impl Iterator<Item = &Comment> {
    thread.iter().filter(|c| !c.is_deleted())
}

/// A comment's text as kept: trimmed, within its bound.
fn clean(text: &str) -> Result<String, OpError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(OpError::EmptyComment);
    }
    Ok(bounded(Field::Comment, text))
}

impl Board {
    /// Adds a comment to a card, written now by `stamp.by`.
    pub fn add_comment(
        &mut self,
        card: Uuid,
        id: Uuid,
        text: &str,
        now: impl Into<Stamp>,
    ) -> Result<(), OpError> {
        let stamp: Stamp = now.into();
        let text = clean(text)?;
        let item = self.item_mut(card).ok_or(OpError::UnknownItem)?;
        if item.comments.iter().any(|c| c.id == id) {
            return Err(OpError::DuplicateId);
        }
        if item.comments.len() >= limits::MAX_COMMENTS {
            return Err(OpError::TooManyComments);
        }
        item.comments.push(Comment {
            id,
            at: stamp.at,
            by: stamp.by,
            text,
            edited: None,
            deleted: None,
        });
        sort(&mut item.comments);
        item.updated = item.updated.max(stamp.at);
        self.updated = stamp.at;
        Ok(())
    }

    /// Changes the text of one's own comment. Returns whether it changed.
    pub fn edit_comment(
        &mut self,
        card: Uuid,
        id: Uuid,
        text: &str,
        now: impl Into<Stamp>,
    ) -> Result<bool, OpError> {
        let stamp: Stamp = now.into();
        let text = clean(text)?;
        let comment = self.own_comment(card, id, &stamp)?;
        if comment.text == text {
            return Ok(false);
        }
        // Never earlier than the text it replaces (clocks differ).
        comment.edited = Some(stamp.at.max(comment.text_time()));
        comment.text = text;
        self.touch_card(card, stamp.at);
        Ok(true)
    }

    /// Deletes one's own comment, leaving a tombstone.
    pub fn delete_comment(
        &mut self,
        card: Uuid,
        id: Uuid,
        now: impl Into<Stamp>,
    ) -> Result<(), OpError> {
        let stamp: Stamp = now.into();
        let comment = self.own_comment(card, id, &stamp)?;
        comment.deleted = Some(stamp.at.max(comment.at));
        comment.erase_if_deleted();
        self.touch_card(card, stamp.at);
        Ok(())
    }

    fn own_comment(
        &mut self,
        card: Uuid,
        id: Uuid,
        stamp: &Stamp,
    ) -> Result<&mut Comment, OpError> {
        let item = self.item_mut(card).ok_or(OpError::UnknownItem)?;
        let comment = item
            .comments
            .iter_mut()
            .find(|c| c.id == id && !c.is_deleted())
            .ok_or(OpError::UnknownComment)?;
        // A comment without a name is nobody's: not the next nameless
        // person's to change.
        if comment.by.is_empty() || comment.by != stamp.by {
            return Err(OpError::NotYours);
        }
        Ok(comment)
    }

    fn touch_card(&mut self, card: Uuid, at: Timestamp) {
        if let Some(item) = self.item_mut(card) {
            item.updated = item.updated.max(at);
        }
        self.updated = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testutil::*;

    fn anna(s: i64) -> Stamp {
        stamp(s, "Anna")
    }

    fn bram(s: i64) -> Stamp {
        stamp(s, "Bram")
    }

    fn card_board() -> (Board, Uuid) {
        let mut b = board();
        let id = uid(100);
        let col = b.columns[0].id;
        b.add_item(id, (1, col), "Kick-off", t(1)).unwrap();
        (b, id)
    }

    #[test]
    fn comments_are_kept_in_time_order_with_their_author() {
        let (mut b, card) = card_board();
        b.add_comment(card, uid(2), "later", anna(20)).unwrap();
        b.add_comment(card, uid(1), "  eerst  ", bram(10)).unwrap();
        let thread = &b.item(card).unwrap().comments;
        assert_eq!(thread[0].text, "eerst");
        assert_eq!(thread[0].by, "Bram");
        assert_eq!(thread[1].text, "later");
        assert_eq!(b.item(card).unwrap().updated, t(20));
        assert_eq!(
            b.add_comment(card, uid(3), "   ", anna(30)),
            Err(OpError::EmptyComment)
        );
        assert_eq!(
            b.add_comment(card, uid(1), "again", anna(30)),
            Err(OpError::DuplicateId)
        );
    }

    #[test]
    fn only_the_author_edits_or_deletes() {
        let (mut b, card) = card_board();
        b.add_comment(card, uid(1), "wacht op X", anna(10)).unwrap();
        assert_eq!(
            b.edit_comment(card, uid(1), "nee", bram(11)),
            Err(OpError::NotYours)
        );
        assert_eq!(
            b.delete_comment(card, uid(1), bram(11)),
            Err(OpError::NotYours)
        );
        assert_eq!(
            b.edit_comment(card, uid(1), "wacht op Y", anna(12)),
            Ok(true)
        );
        assert_eq!(
            b.edit_comment(card, uid(1), "wacht op Y", anna(13)),
            Ok(false)
        );
        let c = &b.item(card).unwrap().comments[0];
        assert_eq!((c.text.as_str(), c.edited), ("wacht op Y", Some(t(12))));
        b.delete_comment(card, uid(1), anna(14)).unwrap();
        let c = &b.item(card).unwrap().comments[0];
        assert!(c.is_deleted());
        assert_eq!(c.text, "", "a tombstone keeps no text");
        assert_eq!(
            b.edit_comment(card, uid(1), "terug", anna(15)),
            Err(OpError::UnknownComment)
        );
    }

    fn comment(id: u128, at: i64, text: &str) -> Comment {
        Comment {
            id: uid(id),
            at: t(at),
            by: "Anna".into(),
            text: text.into(),
            edited: None,
            deleted: None,
        }
    }

    #[test]
    fn a_merge_unites_threads_once_each_in_time_order() {
        let shared = comment(1, 10, "gedeeld");
        let a = vec![shared.clone(), comment(3, 30, "van Anna")];
        let b = vec![comment(2, 20, "van Bram"), shared];
        let m = merge_comments(&a, &b);
        let texts: Vec<&str> = m.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["gedeeld", "van Bram", "van Anna"]);
        assert_eq!(merge_comments(&b, &a), m);
        assert_eq!(merge_comments(&m, &a), m);
    }

    #[test]
    fn the_later_edit_wins_and_a_deletion_stays() {
        let mut edited = comment(1, 10, "nieuw");
        edited.edited = Some(t(20));
        let old = comment(1, 10, "oud");
        assert_eq!(
            merge_comments(std::slice::from_ref(&old), std::slice::from_ref(&edited))[0].text,
            "nieuw"
        );
        let mut deleted = old.clone();
        deleted.deleted = Some(t(15));
        deleted.text.clear();
        // Edited later elsewhere: still deleted, and no text comes back.
        let m = merge_comments(&[deleted], &[edited]);
        assert!(m[0].is_deleted());
        assert_eq!(m[0].text, "");
        assert_eq!(m[0].edited, None);
    }

    #[test]
    fn a_comment_without_a_name_is_nobodys() {
        let (mut b, card) = card_board();
        b.add_comment(card, uid(1), "anoniem", t(10)).unwrap();
        assert_eq!(
            b.edit_comment(card, uid(1), "ook anoniem", t(11)),
            Err(OpError::NotYours)
        );
        assert_eq!(
            b.delete_comment(card, uid(1), t(11)),
            Err(OpError::NotYours)
        );
    }

    #[test]
    fn undo_and_redo_keep_the_comments_written_since() {
        use crate::model::history::{History, Patch};
        let (mut b, card) = card_board();
        let mut h = History::new(10);
        // Add a card (an undo step), comment on it (not a step), undo the
        // add, redo it: the comment comes back with the card.
        let before = b.clone();
        let col = b.columns[0].id;
        b.add_item(uid(2), (1, col), "Nieuw", t(20)).unwrap();
        h.record("", Patch::between(&before, &b), 20_000);
        b.add_comment(uid(2), uid(50), "op de nieuwe kaart", anna(21))
            .unwrap();
        h.undo(&mut b, t(22)).unwrap();
        assert!(b.item(uid(2)).is_none());
        h.redo(&mut b, t(23)).unwrap();
        let texts: Vec<&str> = b
            .item(uid(2))
            .unwrap()
            .comments
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(texts, ["op de nieuwe kaart"]);

        // Combine two cards with a comment each, undo: each card has its
        // own comment again, none twice.
        b.add_comment(card, uid(51), "op de eerste", anna(24))
            .unwrap();
        let before = b.clone();
        b.combine(card, uid(2), anna(25)).unwrap();
        h.record("", Patch::between(&before, &b), 25_000);
        assert_eq!(b.item(card).unwrap().comments.len(), 2);
        h.undo(&mut b, anna(26)).unwrap();
        let ids = |b: &Board, id| -> Vec<Uuid> {
            b.item(id).unwrap().comments.iter().map(|c| c.id).collect()
        };
        assert_eq!(ids(&b, card), [uid(51)]);
        assert_eq!(ids(&b, uid(2)), [uid(50)]);
        assert_eq!(b.validate(), Ok(()));
    }

    #[test]
    fn a_thread_read_from_a_file_is_tidied() {
        let mut deleted = comment(1, 20, "geheim");
        deleted.deleted = Some(t(21));
        let mut thread = vec![deleted, comment(2, 10, "eerst")];
        tidy(&mut thread);
        assert_eq!(thread[0].text, "eerst");
        assert_eq!(
            (thread[1].text.as_str(), thread[1].is_deleted()),
            ("", true)
        );
    }
}
