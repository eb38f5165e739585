//! The follow-up sessions after the intensive, in date order, as the couple's page and
//! the printed agenda list them (`domain::after_intensive` words them).

use leptos::prelude::*;

use crate::domain::after_intensive::{follow_up_words, FollowUpWords, NO_FOLLOW_UPS};
use crate::domain::model::Plan;
use crate::ui::state::AppState;

/// `with_private_notes` only for the therapist's printed copy.
#[component]
pub fn FollowUpList(plan: Signal<Plan>, with_private_notes: bool) -> impl IntoView {
    let style = expect_context::<AppState>().style;
    let sessions = Memo::new(move |_| plan.with(|p| follow_up_words(p, style.get(), with_private_notes)));
    view! {
        <Show when=move || !sessions.with(Vec::is_empty) fallback=|| view! { <p>{NO_FOLLOW_UPS}</p> }>
            <ol class="follow-up-list">
                <For each=move || sessions.get() key=|words| words.clone() let:words>
                    <FollowUpItem words/>
                </For>
            </ol>
        </Show>
    }
}

#[component]
fn FollowUpItem(words: FollowUpWords) -> impl IntoView {
    let notes = (!words.notes.is_empty()).then_some(words.notes);
    let private = (!words.private_notes.is_empty()).then_some(words.private_notes);
    view! {
        <li class="follow-up-item">
            <p class="agenda-time">{words.date}", "{words.time}</p>
            <h3>{words.title}</h3>
            <p class="muted">{words.who}</p>
            {notes.map(|notes| view! { <p>{notes}</p> })}
            {private.map(|private| view! { <p class="private-note">"Private: "{private}</p> })}
        </li>
    }
}
