//! What a page shows when its link names a plan this browser does not have.

use leptos::prelude::*;

#[component]
pub fn PlanNotFound() -> impl IntoView {
    view! {
        <section class="card">
            <h1>"Plan not found"</h1>
            <p>"There is no plan with this link in this browser. It may have been deleted, or saved in another browser."</p>
            <a href="#/">"Back to all intensives"</a>
        </section>
    }
}
