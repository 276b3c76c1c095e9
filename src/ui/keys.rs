//! Every keyboard shortcut as one table: the keys, where they apply, the
//! Dutch label and the command they give. The key handlers ask
//! [`command`]; the help overlay (`?`) lists [`SHORTCUTS`]; so help and
//! behaviour cannot drift. Pure (no browser): tested natively.

use crate::model::calendar::Edge;
use crate::model::Direction;
use crate::strings as s;

/// A key press, as the handlers see it. `ctrl` is Ctrl or ⌘ (Meta).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Press<'a> {
    pub key: &'a str,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl<'a> Press<'a> {
    /// A key with no modifier.
    pub const fn plain(key: &'a str) -> Press<'a> {
        Press {
            key,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    const fn with(key: &'a str, ctrl: bool, alt: bool, shift: bool) -> Press<'a> {
        Press {
            key,
            ctrl,
            alt,
            shift,
        }
    }

    fn is_plain(&self) -> bool {
        !(self.ctrl || self.alt || self.shift)
    }
}

/// Where a shortcut works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Anywhere on a board page, when not typing in a field and no dialog
    /// is open.
    Board,
    /// On a focused card.
    Card,
    /// On an activity in the year calendar.
    Activity,
    /// In a dialog or the field that adds a card (the browser's own
    /// `<dialog>` handling, and the field's handler).
    Dialog,
}

/// Where the arrow keys move the focus from a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Towards {
    Up,
    Down,
    Left,
    Right,
}

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Focus to the neighbouring card or cell.
    Focus(Towards),
    /// Open the card's editor.
    Open,
    /// Move the card one step.
    Move(Direction),
    Delete,
    /// New card in the cell that has the focus.
    NewCard,
    Search,
    Present,
    Undo,
    Redo,
    Help,
    /// Close a dialog, stop adding.
    Close,
    /// Move an activity this many months.
    Month(i32),
    /// Move one end of an activity this many months.
    Edge(Edge, i32),
}

/// One row of the table.
pub struct Shortcut {
    /// The keys as the help shows them, and what they do.
    pub label: (&'static str, &'static str),
    pub place: Place,
    /// A single key without modifier: can be switched off (WCAG 2.1.4).
    pub single_key: bool,
    /// A press the row stands for (the help's keys, as a test checks).
    pub example: Press<'static>,
    test: fn(&Press) -> Option<Command>,
}

fn arrow(key: &str) -> Option<Towards> {
    match key {
        "ArrowUp" => Some(Towards::Up),
        "ArrowDown" => Some(Towards::Down),
        "ArrowLeft" => Some(Towards::Left),
        "ArrowRight" => Some(Towards::Right),
        _ => None,
    }
}

fn alt_only(p: &Press) -> bool {
    p.alt && !p.ctrl
}

fn single(p: &Press, key: &str) -> bool {
    // "?" and "/" may need Shift on some keyboards.
    !p.ctrl && !p.alt && p.key == key
}

/// The table, in the order the help lists it.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        label: s::KEYS_FOCUS,
        place: Place::Card,
        single_key: false,
        example: Press::plain("ArrowDown"),
        test: |p| {
            p.is_plain()
                .then(|| arrow(p.key))
                .flatten()
                .map(Command::Focus)
        },
    },
    Shortcut {
        label: s::KEYS_OPEN,
        place: Place::Card,
        single_key: false,
        example: Press::plain("Enter"),
        test: |p| matches!(p.key, "Enter" | " ").then_some(Command::Open),
    },
    Shortcut {
        label: s::KEYS_COLUMN,
        place: Place::Card,
        single_key: false,
        example: Press::with("ArrowRight", false, true, false),
        test: |p| match (alt_only(p), p.key) {
            (true, "ArrowLeft") => Some(Command::Move(Direction::Left)),
            (true, "ArrowRight") => Some(Command::Move(Direction::Right)),
            _ => None,
        },
    },
    Shortcut {
        label: s::KEYS_LINE,
        place: Place::Card,
        single_key: false,
        example: Press::with("ArrowDown", false, true, false),
        test: |p| match (alt_only(p) && !p.shift, p.key) {
            (true, "ArrowUp") => Some(Command::Move(Direction::Up)),
            (true, "ArrowDown") => Some(Command::Move(Direction::Down)),
            _ => None,
        },
    },
    Shortcut {
        label: s::KEYS_ORDER,
        place: Place::Card,
        single_key: false,
        example: Press::with("ArrowUp", false, true, true),
        test: |p| match (alt_only(p) && p.shift, p.key) {
            (true, "ArrowUp") => Some(Command::Move(Direction::Earlier)),
            (true, "ArrowDown") => Some(Command::Move(Direction::Later)),
            _ => None,
        },
    },
    Shortcut {
        label: s::KEYS_DELETE,
        place: Place::Card,
        single_key: false,
        example: Press::plain("Delete"),
        test: |p| (p.key == "Delete").then_some(Command::Delete),
    },
    Shortcut {
        label: s::KEYS_NEW_CARD,
        place: Place::Board,
        single_key: true,
        example: Press::plain("n"),
        test: |p| single(p, "n").then_some(Command::NewCard),
    },
    Shortcut {
        label: s::KEYS_SEARCH,
        place: Place::Board,
        single_key: true,
        example: Press::plain("/"),
        test: |p| single(p, "/").then_some(Command::Search),
    },
    Shortcut {
        label: s::KEYS_PRESENT,
        place: Place::Board,
        single_key: true,
        example: Press::plain("p"),
        test: |p| single(p, "p").then_some(Command::Present),
    },
    Shortcut {
        label: s::KEYS_UNDO,
        place: Place::Board,
        single_key: false,
        example: Press::with("z", true, false, false),
        test: |p| (p.ctrl && !p.shift && p.key.eq_ignore_ascii_case("z")).then_some(Command::Undo),
    },
    Shortcut {
        label: s::KEYS_REDO,
        place: Place::Board,
        single_key: false,
        example: Press::with("Z", true, false, true),
        test: |p| {
            let z = p.shift && p.key.eq_ignore_ascii_case("z");
            let y = !p.shift && p.key.eq_ignore_ascii_case("y");
            (p.ctrl && (z || y)).then_some(Command::Redo)
        },
    },
    Shortcut {
        label: s::KEYS_HELP,
        place: Place::Board,
        single_key: true,
        example: Press::with("?", false, false, true),
        test: |p| single(p, "?").then_some(Command::Help),
    },
    Shortcut {
        label: s::KEYS_MONTH,
        place: Place::Activity,
        single_key: false,
        example: Press::with("ArrowRight", false, true, false),
        test: |p| match (alt_only(p) && !p.shift, p.key) {
            (true, "ArrowLeft") => Some(Command::Month(-1)),
            (true, "ArrowRight") => Some(Command::Month(1)),
            _ => None,
        },
    },
    // Not Ctrl+Alt: VoiceOver's keys (Ctrl+Option), NVDA's and JAWS's
    // table keys, Chrome's tab switch on a Mac (Cmd+Option) and some
    // desktops' workspace switch all take Ctrl+Alt+←/→.
    Shortcut {
        label: s::KEYS_END,
        place: Place::Activity,
        single_key: false,
        example: Press::with("ArrowRight", false, true, true),
        test: |p| match (alt_only(p) && p.shift, p.key) {
            (true, "ArrowLeft") => Some(Command::Edge(Edge::End, -1)),
            (true, "ArrowRight") => Some(Command::Edge(Edge::End, 1)),
            _ => None,
        },
    },
    Shortcut {
        label: s::KEYS_START,
        place: Place::Activity,
        single_key: false,
        example: Press::with("ArrowLeft", true, false, true),
        test: |p| match (p.ctrl && p.shift && !p.alt, p.key) {
            (true, "ArrowLeft") => Some(Command::Edge(Edge::Start, -1)),
            (true, "ArrowRight") => Some(Command::Edge(Edge::Start, 1)),
            _ => None,
        },
    },
    Shortcut {
        label: s::KEYS_CLOSE,
        place: Place::Dialog,
        single_key: false,
        example: Press::plain("Escape"),
        test: |p| (p.key == "Escape").then_some(Command::Close),
    },
];

/// The command a press gives in `place`, if any. With `single_keys` off,
/// the single-key shortcuts give none.
pub fn command(place: Place, press: &Press, single_keys: bool) -> Option<Command> {
    SHORTCUTS
        .iter()
        .filter(|sc| sc.place == place && (single_keys || !sc.single_key))
        .find_map(|sc| (sc.test)(press))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_presses() -> Vec<Press<'static>> {
        let keys = [
            "ArrowUp",
            "ArrowDown",
            "ArrowLeft",
            "ArrowRight",
            "Enter",
            " ",
            "Delete",
            "Escape",
            "n",
            "p",
            "/",
            "?",
            "z",
            "Z",
            "y",
            "x",
            "Tab",
        ];
        let mut out = Vec::new();
        for key in keys {
            for m in 0..8u8 {
                out.push(Press::with(key, m & 1 != 0, m & 2 != 0, m & 4 != 0));
            }
        }
        out
    }

    #[test]
    fn every_row_does_what_its_help_says_for_its_own_keys() {
        for sc in SHORTCUTS {
            let by_row = (sc.test)(&sc.example);
            assert!(by_row.is_some(), "{:?} gives nothing", sc.label);
            assert_eq!(
                command(sc.place, &sc.example, true),
                by_row,
                "{:?} is taken by another row",
                sc.label
            );
        }
    }

    #[test]
    fn no_press_means_two_things_in_one_place() {
        for place in [Place::Board, Place::Card, Place::Activity, Place::Dialog] {
            for press in all_presses() {
                let rows: Vec<_> = SHORTCUTS
                    .iter()
                    .filter(|sc| sc.place == place && (sc.test)(&press).is_some())
                    .map(|sc| sc.label.0)
                    .collect();
                assert!(rows.len() <= 1, "{press:?} in {place:?}: {rows:?}");
            }
        }
    }

    #[test]
    fn single_keys_can_be_switched_off_and_only_they() {
        for sc in SHORTCUTS {
            let off = command(sc.place, &sc.example, false);
            if sc.single_key {
                assert_eq!(off, None, "{:?}", sc.label);
                assert!(sc.example.key.chars().count() == 1 && !sc.example.ctrl && !sc.example.alt);
            } else {
                assert!(off.is_some(), "{:?}", sc.label);
            }
        }
    }

    #[test]
    fn the_board_keys_people_use() {
        let on = |p: Press| command(Place::Board, &p, true);
        assert_eq!(
            on(Press::with("Z", true, false, false)),
            Some(Command::Undo)
        );
        assert_eq!(on(Press::with("z", true, false, true)), Some(Command::Redo));
        assert_eq!(
            on(Press::with("y", true, false, false)),
            Some(Command::Redo)
        );
        assert_eq!(on(Press::with("y", true, false, true)), None);
        assert_eq!(
            on(Press::with("?", false, false, true)),
            Some(Command::Help)
        );
        assert_eq!(on(Press::with("n", false, true, false)), None);
        assert_eq!(on(Press::with("n", true, false, false)), None);
        let card = |p: Press| command(Place::Card, &p, true);
        assert_eq!(card(Press::plain(" ")), Some(Command::Open));
        assert_eq!(
            card(Press::with("ArrowDown", false, true, true)),
            Some(Command::Move(Direction::Later))
        );
        assert_eq!(
            card(Press::with("ArrowLeft", false, true, true)),
            Some(Command::Move(Direction::Left))
        );
        assert_eq!(card(Press::with("ArrowLeft", true, true, false)), None);
        assert_eq!(
            card(Press::plain("ArrowLeft")),
            Some(Command::Focus(Towards::Left))
        );
        assert_eq!(card(Press::with("ArrowLeft", false, false, true)), None);
        assert_eq!(
            command(
                Place::Activity,
                &Press::with("ArrowLeft", false, true, false),
                true
            ),
            Some(Command::Month(-1))
        );
        let bar = |p: Press| command(Place::Activity, &p, true);
        assert_eq!(
            bar(Press::with("ArrowRight", false, true, true)),
            Some(Command::Edge(Edge::End, 1))
        );
        assert_eq!(
            bar(Press::with("ArrowLeft", true, false, true)),
            Some(Command::Edge(Edge::Start, -1))
        );
        assert_eq!(bar(Press::with("ArrowLeft", true, true, false)), None);
        assert_eq!(bar(Press::with("ArrowLeft", true, true, true)), None);
        assert_eq!(bar(Press::with("ArrowUp", false, true, true)), None);
    }

    #[test]
    fn the_help_has_a_dutch_label_for_every_row() {
        for sc in SHORTCUTS {
            assert!(!sc.label.0.trim().is_empty() && !sc.label.1.trim().is_empty());
        }
    }
}
