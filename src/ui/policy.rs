//! Decisions the UI takes that need no browser: when a change is saved,
//! and which storage message (banner) the user sees. Pure, so they are
//! tested natively; `state::persist` and `state::feedback` carry them out.

use crate::storage::room::Room;
use crate::storage::{SaveError, StorageNote};
use crate::strings as s;

/// While typing, the board is saved this long after the last keystroke.
pub const TYPING_SAVE_DELAY_MS: u64 = 400;

/// No change waits longer than this for its save.
pub const SAVE_AT_MOST_AFTER_MS: i64 = 2_000;

/// With storage full, a change tries to save this long after the last one.
pub const RETRY_FULL_AFTER_MS: u64 = 1_000;

/// From this many cards a board skips the work for cells off screen
/// (`content-visibility` on a cell's cards, the class `many`): below it,
/// the cells' stand-in height would move the page as they are drawn.
pub const MANY_CARDS: usize = 1_000;

/// A save encodes the board in slices of about this many milliseconds
/// (checked every [`SAVE_SLICE_CARDS`] cards), letting input in between:
/// with the write itself the longest step stays under a frame (16 ms).
pub const SAVE_SLICE_MS: f64 = 6.0;
pub const SAVE_SLICE_CARDS: usize = 100;

/// What a change asks of the save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    /// A move, an add, a delete: saved once the screen shows it.
    Change,
    /// A keystroke: saved when the typing pauses.
    Typing,
}

/// When the save of a change runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveWhen {
    /// In a timer set in the next animation frame: after the paint that
    /// shows the change, so the save never holds up the screen.
    AfterPaint,
    /// In a timer this many milliseconds from now.
    In(u64),
}

/// When to save a change made at `now_ms`, the oldest unsaved one having
/// been made at `unsaved_since_ms`. `storage_full`: the last save was
/// refused for lack of room (retried now and then, not with a full encode
/// per keystroke). `page_hidden`: no frames come, so no waiting for one.
pub fn when_to_save(
    pace: Pace,
    now_ms: i64,
    unsaved_since_ms: i64,
    storage_full: bool,
    page_hidden: bool,
) -> SaveWhen {
    let delay = if storage_full {
        RETRY_FULL_AFTER_MS
    } else if now_ms - unsaved_since_ms >= SAVE_AT_MOST_AFTER_MS {
        0
    } else {
        match pace {
            Pace::Change => 0,
            Pace::Typing => TYPING_SAVE_DELAY_MS,
        }
    };
    if delay == 0 && !page_hidden {
        SaveWhen::AfterPaint
    } else {
        SaveWhen::In(delay)
    }
}

/// What a storage message is about; decides its buttons and when it goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BannerKind {
    /// Unreadable data was copied to this backup key (download offered).
    KeptAside { key: String },
    /// Unreadable data was left untouched; this window saves nothing.
    Untouched,
    /// The browser gives no storage (private mode, blocked).
    Unavailable,
    /// A save was refused: storage is full. Goes once a save works.
    Full,
    /// A save failed for another reason.
    SaveFailed,
    /// Storage is filling up (a warning the user may close).
    RoomLow,
}

/// A persistent message about storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Banner {
    pub kind: BannerKind,
    pub text: String,
    /// What the browser or parser said (English), under "Technische
    /// details", never in the sentence.
    pub details: Option<String>,
}

impl Banner {
    /// localStorage key of a backup the user can download.
    pub fn backup_key(&self) -> Option<&str> {
        match &self.kind {
            BannerKind::KeptAside { key } => Some(key),
            _ => None,
        }
    }

    /// Offer "Exporteren": the file is then the safe copy.
    pub fn offer_export(&self) -> bool {
        matches!(
            self.kind,
            BannerKind::Untouched
                | BannerKind::Unavailable
                | BannerKind::Full
                | BannerKind::RoomLow
        )
    }

    /// A warning the user may close ("Sluiten").
    pub fn dismissible(&self) -> bool {
        self.kind == BannerKind::RoomLow
    }
}

/// The message for what was found in storage.
pub fn banner_for(note: &StorageNote) -> Banner {
    match note {
        StorageNote::KeptAside { problem, key } => Banner {
            kind: BannerKind::KeptAside { key: key.clone() },
            text: s::unreadable_kept(problem, key),
            details: s::problem_details(problem),
        },
        StorageNote::Untouched { problem } => Banner {
            kind: BannerKind::Untouched,
            text: s::unreadable_untouched(problem),
            details: s::problem_details(problem),
        },
    }
}

/// The message when the browser gives no storage at all.
pub fn unavailable() -> Banner {
    Banner {
        kind: BannerKind::Unavailable,
        text: s::STORAGE_UNAVAILABLE.into(),
        details: None,
    }
}

/// The message for a save that failed.
pub fn save_failed(e: &SaveError) -> Banner {
    match e {
        SaveError::Full => Banner {
            kind: BannerKind::Full,
            text: s::STORAGE_FULL.into(),
            details: None,
        },
        SaveError::Unavailable => unavailable(),
        SaveError::Other(d) => Banner {
            kind: BannerKind::SaveFailed,
            text: s::save_failed(),
            details: Some(d.clone()),
        },
    }
}

/// What happens to the banner after a save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BannerChange {
    Keep,
    Clear,
    Show(Banner),
}

/// After a save that worked (`Ok`) or failed: a "storage full" message
/// goes once saving works again; a failure is always said.
pub fn after_save(result: &Result<(), SaveError>, shown: Option<&BannerKind>) -> BannerChange {
    match result {
        Ok(()) if shown == Some(&BannerKind::Full) => BannerChange::Clear,
        Ok(()) => BannerChange::Keep,
        Err(e) => BannerChange::Show(save_failed(e)),
    }
}

/// What a save's room check leads to: the level now warned about, and the
/// banner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomDecision {
    pub warned: Option<Room>,
    pub banner: BannerChange,
}

/// Warns once per level as storage fills up (80 %, then 95 %), never over
/// a more important message, and takes the warning away when there is
/// room again. `warned`: the level warned about so far.
pub fn room_decision(room: Room, warned: Option<Room>, shown: Option<&BannerKind>) -> RoomDecision {
    let room_banner_shown = shown == Some(&BannerKind::RoomLow);
    match room {
        Room::Plenty => RoomDecision {
            warned: None,
            banner: if room_banner_shown {
                BannerChange::Clear
            } else {
                BannerChange::Keep
            },
        },
        Room::Low(p) | Room::Urgent(p) => {
            if room.worse_than(warned) && (shown.is_none() || room_banner_shown) {
                RoomDecision {
                    warned: Some(room),
                    banner: BannerChange::Show(Banner {
                        kind: BannerKind::RoomLow,
                        text: s::storage_low(p, matches!(room, Room::Urgent(_))),
                        details: None,
                    }),
                }
            } else {
                RoomDecision {
                    warned,
                    banner: BannerChange::Keep,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Problem;

    #[test]
    fn a_change_is_saved_after_the_paint_that_shows_it() {
        assert_eq!(
            when_to_save(Pace::Change, 1_000, 1_000, false, false),
            SaveWhen::AfterPaint
        );
        // No frames come to a hidden page: a timer of its own.
        assert_eq!(
            when_to_save(Pace::Change, 1_000, 1_000, false, true),
            SaveWhen::In(0)
        );
    }

    #[test]
    fn typing_waits_for_a_pause_but_never_longer_than_two_seconds() {
        assert_eq!(
            when_to_save(Pace::Typing, 1_000, 1_000, false, false),
            SaveWhen::In(TYPING_SAVE_DELAY_MS)
        );
        let just_before = 1_000 + SAVE_AT_MOST_AFTER_MS - 1;
        assert_eq!(
            when_to_save(Pace::Typing, just_before, 1_000, false, false),
            SaveWhen::In(TYPING_SAVE_DELAY_MS)
        );
        let at_limit = 1_000 + SAVE_AT_MOST_AFTER_MS;
        assert_eq!(
            when_to_save(Pace::Typing, at_limit, 1_000, false, false),
            SaveWhen::AfterPaint
        );
        assert_eq!(
            when_to_save(Pace::Typing, at_limit + 5_000, 1_000, false, true),
            SaveWhen::In(0)
        );
    }

    #[test]
    fn with_storage_full_a_save_is_retried_now_and_then() {
        for pace in [Pace::Change, Pace::Typing] {
            for since in [0, 9_000] {
                assert_eq!(
                    when_to_save(pace, 10_000, since, true, false),
                    SaveWhen::In(RETRY_FULL_AFTER_MS)
                );
            }
        }
    }

    #[test]
    fn banners_offer_what_helps() {
        let kept = banner_for(&StorageNote::KeptAside {
            problem: Problem::NotJson("x".into()),
            key: "planbord.backup.1".into(),
        });
        assert_eq!(kept.backup_key(), Some("planbord.backup.1"));
        assert!(!kept.offer_export() && !kept.dismissible());
        let untouched = banner_for(&StorageNote::Untouched {
            problem: Problem::NewerSchema(9),
        });
        assert!(untouched.offer_export() && !untouched.dismissible());
        assert_eq!(untouched.backup_key(), None);
        let full = save_failed(&SaveError::Full);
        assert_eq!(full.kind, BannerKind::Full);
        assert_eq!(full.text, s::STORAGE_FULL);
        assert!(full.offer_export() && !full.dismissible());
        assert!(unavailable().offer_export());
        let other = save_failed(&SaveError::Other("kapot".into()));
        assert_eq!(other.kind, BannerKind::SaveFailed);
        // The browser's words under "Technische details", not in the sentence.
        assert!(!other.text.contains("kapot"));
        assert_eq!(other.details.as_deref(), Some("kapot"));
    }

    #[test]
    fn storage_full_goes_once_a_save_works_and_nothing_else_does() {
        assert_eq!(
            after_save(&Ok(()), Some(&BannerKind::Full)),
            BannerChange::Clear
        );
        for other in [
            BannerKind::Untouched,
            BannerKind::Unavailable,
            BannerKind::SaveFailed,
            BannerKind::RoomLow,
            BannerKind::KeptAside { key: "k".into() },
        ] {
            assert_eq!(after_save(&Ok(()), Some(&other)), BannerChange::Keep);
        }
        assert_eq!(after_save(&Ok(()), None), BannerChange::Keep);
        assert_eq!(
            after_save(&Err(SaveError::Full), None),
            BannerChange::Show(save_failed(&SaveError::Full))
        );
    }

    fn shown_kind(change: &BannerChange) -> Option<BannerKind> {
        match change {
            BannerChange::Show(b) => Some(b.kind.clone()),
            _ => None,
        }
    }

    #[test]
    fn room_is_warned_once_per_level_and_cleared_when_freed() {
        // 80 %: warned.
        let d = room_decision(Room::Low(80), None, None);
        assert_eq!(d.warned, Some(Room::Low(80)));
        assert_eq!(shown_kind(&d.banner), Some(BannerKind::RoomLow));
        // Still 80-94 % after the user closed it: not again.
        let d = room_decision(Room::Low(85), Some(Room::Low(80)), None);
        assert_eq!(d.banner, BannerChange::Keep);
        assert_eq!(d.warned, Some(Room::Low(80)));
        // 95 %: warned again, over the earlier warning, urgently.
        let d = room_decision(
            Room::Urgent(96),
            Some(Room::Low(80)),
            Some(&BannerKind::RoomLow),
        );
        assert_eq!(d.warned, Some(Room::Urgent(96)));
        match &d.banner {
            BannerChange::Show(b) => assert_eq!(b.text, s::storage_low(96, true)),
            other => panic!("{other:?}"),
        }
        // Room again: the warning goes, and the levels start afresh.
        let d = room_decision(
            Room::Plenty,
            Some(Room::Urgent(96)),
            Some(&BannerKind::RoomLow),
        );
        assert_eq!(
            d,
            RoomDecision {
                warned: None,
                banner: BannerChange::Clear
            }
        );
        let d = room_decision(Room::Plenty, None, None);
        assert_eq!(d.banner, BannerChange::Keep);
    }

    #[test]
    fn a_room_warning_never_hides_a_more_important_message() {
        for kind in [
            BannerKind::Full,
            BannerKind::Untouched,
            BannerKind::SaveFailed,
            BannerKind::KeptAside { key: "k".into() },
        ] {
            let d = room_decision(Room::Urgent(99), None, Some(&kind));
            assert_eq!(d.banner, BannerChange::Keep, "{kind:?}");
            assert_eq!(d.warned, None);
            let d = room_decision(Room::Plenty, None, Some(&kind));
            assert_eq!(d.banner, BannerChange::Keep, "{kind:?}");
        }
    }
}
