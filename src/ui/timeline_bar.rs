use leptos::prelude::*;

use super::dom;
use super::state::{use_state, Grip};
use super::timeline_events as events;
use crate::model::calendar::{self, Bar, Edge};
use crate::strings as s;

/// One bar on the timeline and what it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Where it goes (`model::calendar::timeline`).
    pub bar: Bar,
    /// Its label: the card's title.
    pub title: String,
    /// Its dates as a card shows them ("14-10-2017", "20-05-2017 –
    /// 21-05-2017"), for its accessible name and tooltip.
    pub dates: String,
    /// The team, on a timeline across boards (the programme's).
    pub team: Option<String>,
}

/// Where a bar would be while it is dragged: the model's own result for
/// the month under the pointer (`None`: refused, it stays where it is).
fn preview(bar: &Bar, grip: Grip, month0: Option<u32>, over: u32, year: i32) -> Option<Bar> {
    let state = use_state();
    let item = state.doc.item(bar.id)?;
    let dates = match grip {
        Grip::Body => {
            let delta = over as i32 - month0.unwrap_or(over) as i32;
            let (y, m) = calendar::month_after_step(&item, delta, year)?;
            calendar::moved_to_month(&item, y, m)?
        }
        Grip::Edge(edge) => edge.to_month(&item, year, over + 1)?,
        Grip::Undated => return None,
    };
    let mut moved = item;
    (moved.start, moved.end) = dates;
    let placed = calendar::timeline(std::iter::once(&moved), year).pop()?;
    Some(Bar { row: bar.row, ..placed })
}

/// Shorter than this (in months) a bar is drawn as short: its handles
/// sit outside it.
const SHORT: f32 = 0.25;

/// Where the bar sits in its line's grid: its months, up to `room` for its
/// title (column), its row, and its shape within them: left and right
/// inset and middle, in % of those months.
fn placement(bar: &Bar, room: u32) -> [String; 5] {
    let to = room.max(bar.to);
    let months = (to + 1 - bar.from) as f32;
    let left = (bar.from_pos - bar.from as f32) / months * 100.0;
    let right = (to as f32 + 1.0 - bar.to_pos) / months * 100.0;
    let middle = ((bar.from_pos + bar.to_pos) / 2.0 - bar.from as f32) / months * 100.0;
    [
        format!("{} / {}", bar.from + 1, to + 2),
        (bar.row + 1).to_string(),
        format!("{left:.2}%"),
        format!("{right:.2}%"),
        format!("{middle:.2}%"),
    ]
}

/// One activity on the timeline: a button from its start to its end (a
/// mark for one day) that opens its card; when editable, dragged whole
/// months by its body or by the handle at either end, and moved with
/// Alt+←/→, Alt+Shift+←/→ (end) and Ctrl+Shift+←/→ (start).
#[component]
pub fn TimelineBar(
    entry: Entry,
    /// The last month (0..=11) its title may use.
    room: u32,
    year: Signal<i32>,
    editable: bool,
    on_open: Callback<uuid::Uuid>,
) -> impl IntoView {
    let state = use_state();
    let id = entry.bar.id;
    let bar = entry.bar.clone();
    // Only this bar's drag, and only when it crosses into another month.
    let held = Memo::new(move |_| {
        state.drag.bar.with(|d| {
            d.filter(|d| d.id == id && d.dragged && d.grip != Grip::Undated)
                .map(|d| (d.grip, d.month0, d.over))
        })
    });
    let shown = {
        let bar = bar.clone();
        Memo::new(move |_| match held.get() {
            Some((grip, month0, Some(over))) => {
                match preview(&bar, grip, month0, over, year.get_untracked()) {
                    Some(moved) => (moved, false),
                    None => (bar.clone(), true),
                }
            }
            _ => (bar.clone(), false),
        })
    };
    let place = Memo::new(move |_| shown.with(|(b, _)| placement(b, room)));
    let name = s::bar_name(&entry.title, bar.line, &entry.dates, entry.team.as_deref());
    let title = entry.title.clone();
    let handle = move |edge: Edge| {
        let (label, hint, class) = match edge {
            Edge::Start => (s::start_of(&title), s::START_HANDLE_HINT, "tl-handle tl-start"),
            Edge::End => (s::end_of(&title), s::END_HANDLE_HINT, "tl-handle tl-end"),
        };
        view! {
            <button
                type="button"
                class=class
                tabindex="-1"
                aria-label=label.clone()
                title=label
                on:pointerdown=move |ev| events::on_pointerdown(state, &ev, id, Grip::Edge(edge))
                on:pointermove=move |ev| events::on_pointermove(state, &ev)
                on:pointerup=move |ev| events::on_pointerup(state, &ev, year.get_untracked())
                on:pointercancel=move |_| events::on_pointercancel(state)
                on:click=move |_| {
                    if events::is_click(state) {
                        // No drag: how to do it, and focus where the keys work.
                        dom::focus(&format!("#{}", dom::bar_id(id)));
                        state.feedback.announce(hint.to_string());
                    }
                }
            ></button>
        }
    };
    let handles = editable.then(|| {
        view! {
            {(!bar.before).then(|| handle(Edge::Start))}
            {(!bar.after).then(|| handle(Edge::End))}
        }
    });
    view! {
        <div
            class=format!("tl-item lane-{}", bar.line)
            class:point=move || shown.with(|(b, _)| b.point)
            class:short=move || shown.with(|(b, _)| !b.point && b.to_pos - b.from_pos < SHORT)
            class:before=move || shown.with(|(b, _)| b.before)
            class:after=move || shown.with(|(b, _)| b.after)
            class:held=move || held.with(Option::is_some)
            class:refused=move || shown.with(|(_, refused)| *refused)
            style:grid-column=move || place.with(|p| p[0].clone())
            style:grid-row=move || place.with(|p| p[1].clone())
            style:--l=move || place.with(|p| p[2].clone())
            style:--r=move || place.with(|p| p[3].clone())
            style:--c=move || place.with(|p| p[4].clone())
        >
            <button
                type="button"
                class="tl-bar"
                id=dom::bar_id(id)
                aria-label=name.clone()
                title=name
                aria-describedby=editable.then_some("tl-toetsen")
                on:click=move |_| {
                    if events::is_click(state) {
                        on_open.run(id);
                    }
                }
                on:keydown=move |ev| {
                    if editable {
                        events::on_keydown(state, &ev, id, year.get_untracked());
                    }
                }
                on:pointerdown=move |ev| {
                    if editable {
                        events::on_pointerdown(state, &ev, id, Grip::Body);
                    }
                }
                on:pointermove=move |ev| events::on_pointermove(state, &ev)
                on:pointerup=move |ev| events::on_pointerup(state, &ev, year.get_untracked())
                on:pointercancel=move |_| events::on_pointercancel(state)
            >
                <span class="tl-shape" aria-hidden="true"></span>
                <span class="tl-label">
                    {entry.team.map(|team| view! { <span class="tl-team">{team}</span>" " })}
                    <span class="tl-title">{entry.title}</span>
                </span>
            </button>
            {handles}
        </div>
    }
}
