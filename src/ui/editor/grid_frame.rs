//! The time grid's frame around the blocks: the day tabs (narrow screens), the day
//! headings, the hour marks and each day's shaded hours. Plain DOM rows
//! (`ui::dom`), redrawn only where what they show changed.

use leptos::prelude::*;
use web_sys::Element;

use super::EditorCtx;
use crate::domain::dates;
use crate::domain::model::DayWindow;
use crate::domain::rules::day_title;
use crate::domain::time::{hhmm, minute_of_day};
use crate::ui::dom::{attr, effect, element, event_source, text, Row, RowKey, RowList};
use crate::ui::layout::px;

/// The frame's lists, each put in the grid's view with `use:rows`.
#[derive(Clone, Copy)]
pub struct GridFrame {
    pub tabs: RowList,
    pub headings: RowList,
    pub hours: RowList,
    pub day_windows: RowList,
}

impl GridFrame {
    /// `range` is the grid's first and last minute, `windows` each day's hours.
    pub fn new(
        ctx: EditorCtx,
        shown_days: Memo<u8>,
        columns: Memo<Vec<u8>>,
        range: Memo<(i64, i64)>,
        windows: Memo<Vec<DayWindow>>,
    ) -> GridFrame {
        let plan = ctx.plan;
        let headings = RowList::new(move || {
            columns.with(|days| {
                plan.with(|p| {
                    days.iter()
                        .map(|&day| {
                            let w = p.window(day);
                            let when = format!(
                                "{} \u{b7} {}\u{2013}{}",
                                dates::short(p.date_of(day)),
                                hhmm(w.start),
                                hhmm(w.end)
                            );
                            let title = day_title(p, day);
                            // Keyed by what it shows: a heading that would read differently is drawn anew.
                            let key = RowKey::Text(format!("{day}\u{1f}{title}\u{1f}{when}"));
                            Row::new(key, move || day_heading(day, &title, &when))
                        })
                        .collect()
                })
            })
        });
        // A tab is keyed by its day and words, not by whether it is pressed: pressing one
        // must not rebuild it, or keyboard focus would be lost with the old button.
        let tabs = RowList::new(move || {
            let days = shown_days.get();
            plan.with(|p| {
                (1..=days)
                    .map(|day| {
                        let label = if day > p.day_count() { "Follow-up".to_string() } else { format!("Day {day}") };
                        Row::new(RowKey::Text(format!("{day}\u{1f}{label}")), move || {
                            let tab = element(None, "button", "");
                            attr(&tab, "type", "button");
                            tab.set_text_content(Some(&label));
                            attr(&tab, "data-day", &day.to_string());
                            attr(
                                &tab,
                                "aria-pressed",
                                if ctx.visible_day.get_untracked() == day { "true" } else { "false" },
                            );
                            tab.into()
                        })
                    })
                    .collect()
            })
        });
        effect(move || {
            let shown = ctx.visible_day.get().to_string();
            tabs.each(|tab| {
                attr(
                    tab,
                    "aria-pressed",
                    if tab.get_attribute("data-day").as_deref() == Some(shown.as_str()) { "true" } else { "false" },
                )
            });
        });
        let hours = RowList::new(move || {
            let (start, end) = range.get();
            (start / 60..end / 60)
                .map(|hour| {
                    let top = px(hour * 60 - start, 0);
                    Row::new(RowKey::Text(format!("{hour}\u{1f}{top}")), move || {
                        let mark = element(None, "div", "hour");
                        let _ = mark.style().set_property("top", &top);
                        mark.set_text_content(Some(&format!("{hour:02}:00")));
                        mark.into()
                    })
                })
                .collect()
        });
        // Each day's hours, shaded behind its blocks.
        let day_windows = RowList::new(move || {
            let (start, _) = range.get();
            columns.with(|cols| {
                cols.iter()
                    .enumerate()
                    .map(|(index, day)| {
                        let window =
                            windows.with(|w| w.get(usize::from(*day) - 1).copied()).unwrap_or_else(DayWindow::standard);
                        let n = cols.len();
                        let place = [
                            format!("calc(100% / {n} * {index})"),
                            format!("calc(100% / {n})"),
                            px(minute_of_day(window.start) - start, 0),
                            px(window.minutes(), 0),
                        ];
                        Row::new(RowKey::Text(place.join("\u{1f}")), move || {
                            let shade = element(None, "div", "day-window");
                            attr(&shade, "aria-hidden", "true");
                            let style = shade.style();
                            for (name, value) in ["left", "width", "top", "height"].iter().zip(&place) {
                                let _ = style.set_property(name, value);
                            }
                            shade.into()
                        })
                    })
                    .collect()
            })
        });
        GridFrame { tabs, headings, hours, day_windows }
    }
}

/// A day tab was chosen: that day is shown.
pub fn tab_chosen(ctx: EditorCtx, ev: leptos::ev::MouseEvent) {
    if let Some(day) = event_source(&ev, "button[data-day]").and_then(|b| b.get_attribute("data-day")?.parse().ok()) {
        ctx.visible_day.set(day);
    }
}

/// A day's heading: its title, then its date and hours. Problems about a whole day
/// move focus here, so it takes focus without being a tab stop.
fn day_heading(day: u8, title: &str, when: &str) -> Element {
    let heading = element(None, "h2", "day-heading");
    heading.set_id(&format!("day-{day}"));
    attr(&heading, "tabindex", "-1");
    let _ = heading.append_with_str_1(title);
    text(&heading, "span", "muted", when);
    heading.into()
}
