//! My templates on the start page: each one's name and shape, renamed, downloaded or
//! deleted (with undo), and template files imported through the template's checks.

use leptos::prelude::*;

use super::{chosen_file, text_of_file};
use crate::domain::my_template::MyTemplate;
use crate::domain::validate::MAX_TITLE_CHARS;
use crate::storage::store::StoreError;
use crate::storage::templates::{decode_template, encode_template, TemplatesTakenIn};
use crate::ui::parts::download::{download_text, file_stem};
use crate::ui::state::AppState;

/// What taking in templates did, or why they are not kept.
pub fn templates_said(taken: Result<TemplatesTakenIn, StoreError>) -> String {
    match taken {
        Ok(taken) => taken.words(),
        Err(problem) => format!("The templates are not kept: {problem}"),
    }
}

#[component]
pub fn MyTemplates() -> impl IntoView {
    let state = expect_context::<AppState>();
    let said = RwSignal::new(None::<String>);
    let deleted = RwSignal::new(None::<MyTemplate>);
    // A card is drawn again when its template is renamed (nothing else of it changes).
    let listed = Memo::new(move |_| state.book.with(|book| book.templates().to_vec()));
    let none = move || listed.with(Vec::is_empty);
    let imported = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        let name = file.name();
        leptos::task::spawn_local(async move {
            said.set(Some(match text_of_file(&file).await.and_then(|text| decode_template(&text)) {
                Ok(template) => templates_said(state.take_in_templates(vec![template])),
                Err(problem) => format!("Nothing was imported from {name}. {problem}"),
            }));
        });
    };
    let undo = move |_| {
        if let Some(template) = deleted.get_untracked() {
            deleted.set(None);
            said.set(state.put_template(template).err().map(|problem| format!("It is not kept: {problem}")));
        }
    };
    view! {
        <section class="my-templates card" aria-labelledby="my-templates-heading">
            <h2 id="my-templates-heading">"My templates"</h2>
            <Show when=none>
                <p class="muted">"No templates yet. Open a plan and choose \u{201c}Save as my template\u{201d}: the next intensive can start from its days, blocks and notes, for another couple."</p>
            </Show>
            <ul class="template-list">
                <For each=move || listed.get() key=|template| (template.id.clone(), template.name.clone()) let:template>
                    <TemplateCard template deleted said/>
                </For>
            </ul>
            {move || deleted.get().map(|template| view! {
                <p class="notice">
                    {format!("Deleted the template \u{201c}{}\u{201d}. ", template.name)}
                    <button type="button" on:click=undo>"Undo delete"</button>
                </p>
            })}
            <label for="import-template">"Import a template file (.json)"</label>
            <input id="import-template" type="file" accept=".json,application/json" on:change=imported/>
            <p role="status" data-testid="templates-said">{move || said.get()}</p>
        </section>
    }
}

#[component]
fn TemplateCard(
    template: MyTemplate,
    deleted: RwSignal<Option<MyTemplate>>,
    said: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let renaming = RwSignal::new(false);
    let new_name = NodeRef::<leptos::html::Input>::new();
    let kept = StoredValue::new(template.clone());
    let input_id = format!("rename-{}", template.id);
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get().map(|input| input.value()).unwrap_or_default();
        if name.trim().is_empty() {
            said.set(Some("Give the template a name.".into()));
            return;
        }
        let renamed = MyTemplate { name: name.trim().to_string(), ..kept.get_value() };
        said.set(state.put_template(renamed).err().map(|problem| format!("The new name is not kept: {problem}")));
    };
    let download = move |_| {
        let template = kept.get_value();
        download_text(
            &format!("{}.template.json", file_stem(&template.name)),
            "application/json",
            &encode_template(&template, true),
        );
    };
    let delete = move |_| {
        let removed = state.delete_template(&kept.get_value().id);
        deleted.set(removed);
    };
    view! {
        <li class="template-card" data-testid="my-template">
            <h3>{template.name.clone()}</h3>
            <p class="muted">{template.summary()}</p>
            <div class="card-actions">
                <button type="button" aria-expanded=move || renaming.get().to_string()
                    aria-label=format!("Rename {}", template.name) on:click=move |_| renaming.update(|r| *r = !*r)>"Rename"</button>
                <button type="button" aria-label=format!("Download {}", template.name) on:click=download>"Download"</button>
                <button type="button" class="danger" aria-label=format!("Delete template {}", template.name) on:click=delete>"Delete"</button>
            </div>
            <Show when=move || renaming.get()>
                <form class="rename" on:submit=rename>
                    <label for=input_id.clone()>"New name"</label>
                    <input id=input_id.clone() type="text" node_ref=new_name maxlength=MAX_TITLE_CHARS.to_string()
                        value=kept.get_value().name/>
                    <button type="submit">"Save name"</button>
                </form>
            </Show>
        </li>
    }
}
