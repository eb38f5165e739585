//! A link to hand on: shown in a read-only field with a copy button.
//!
//! Plain DOM (`ui::dom`), put in a view with `use:link_box=(id, label, text)`.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::dom::{attr, button, effect, element, flag, label, listen, set_value, text, value_of};
use super::links::make_link;
use super::review::app_address;
use crate::export::share::LinkText;

/// The directive behind `use:link_box`. `text` is what the link carries; the link is
/// made again (compressed by the browser, which takes a moment) each time it changes,
/// and only while the box is shown.
pub fn link_box(host: Element, (id, caption, carried): (&'static str, &'static str, Memo<LinkText>)) {
    host.set_text_content(None);
    label(&host, id, caption);
    let row = element(Some(&host), "div", "row");
    let field: Element = element(Some(&row), "input", "").into();
    field.set_id(id);
    attr(&field, "type", "text");
    attr(&field, "readonly", "");
    let copy = button(&row, "", "Copy");
    flag(&copy, "disabled", true);
    let status = text(&host, "p", "small muted", "");
    attr(&status, "role", "status");

    // Focusing the field selects the link, ready to copy by hand.
    listen(&field, &["focus"], {
        let field = field.clone();
        move |_| {
            if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
                input.select();
            }
        }
    });
    listen(&copy, &["click"], {
        let (field, status) = (field.clone(), status.clone());
        move |_| {
            let _ = window().navigator().clipboard().write_text(&value_of(&field));
            status.set_text_content(Some("Copied."));
        }
    });

    // Each change asks for a new link; only the latest answer is shown.
    let asked = Rc::new(Cell::new(0u32));
    effect(move || {
        let content = carried.get();
        let ticket = asked.get().wrapping_add(1);
        asked.set(ticket);
        let asked = asked.clone();
        attr(&field, "aria-busy", "true");
        status.set_text_content(None);
        let (field, copy, status) = (field.clone(), copy.clone(), status.clone());
        spawn_local(async move {
            let made = make_link(&app_address(), &content).await;
            if asked.get() != ticket {
                return;
            }
            let link = made.unwrap_or_else(|problem| {
                status.set_text_content(Some(&problem.to_string()));
                String::new()
            });
            set_value(&field, &link);
            flag(&copy, "disabled", link.is_empty());
            attr(&field, "aria-busy", "false");
        });
    });
}
