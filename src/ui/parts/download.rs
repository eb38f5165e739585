//! Hands a text to the person as a file download, without any network request.

use js_sys::{Array, JsString, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use leptos::prelude::*;

use crate::storage::format::encode_backup_with;
use crate::storage::local::raw_value;
use crate::ui::state::AppState;

/// Downloads one piece of data (a string or bytes) as a file.
fn download(file_name: &str, mime: &str, part: &JsValue) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_blob_sequence_and_options(&Array::of1(part), &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(anchor) =
        document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

pub fn download_text(file_name: &str, mime: &str, text: &str) {
    download(file_name, mime, &JsValue::from_str(text));
}

/// Downloads a stored value exactly as stored, from the first of `keys` that holds one. Text that UTF-8 can carry is saved as
/// UTF-8; text with a lone UTF-16 surrogate (which no UTF-8 file can hold) is saved as
/// UTF-16 with a byte-order mark, code unit for code unit, and the name says so.
pub fn download_stored(keys: &[String], file_stem: &str) {
    let Some(text) = keys.iter().find_map(|key| raw_value(key)) else { return };
    if text.is_valid_utf16() {
        download(&format!("{file_stem}.txt"), "text/plain;charset=utf-8", &text);
    } else {
        download(&format!("{file_stem}.utf16.txt"), "text/plain;charset=utf-16le", &Uint8Array::from(&*utf16le(&text)));
    }
}

fn utf16le(text: &JsString) -> Vec<u8> {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.iter().flat_map(u16::to_le_bytes));
    bytes
}

/// Downloads every plan and template this tab holds, saved or not, as one backup file.
#[component]
pub fn BackupButton() -> impl IntoView {
    let book = expect_context::<AppState>().book;
    let download = move |_| {
        let text = book.with_untracked(|book| encode_backup_with(book.plans(), book.templates()));
        download_text("intensive-planner-backup.json", "application/json", &text);
    };
    view! { <button type="button" on:click=download>"Download a backup of all plans"</button> }
}

/// A file name from the plan title: letters, digits and dashes.
pub fn file_stem(title: &str) -> String {
    let stem: String =
        title.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect::<String>();
    let stem = stem.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
    if stem.is_empty() {
        "intensive".to_string()
    } else {
        stem.chars().take(60).collect()
    }
}
