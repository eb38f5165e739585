//! Whether the browser keeps this site's storage, and asking it to: without that, a
//! browser may clear localStorage to free space, and Safari does after seven days
//! without a visit unless the app is installed. The Storage API's `persist()` asks
//! once; `persisted()` tells what was granted.

use wasm_bindgen_futures::JsFuture;
use web_sys::StorageManager;

/// How safe the plans are from the browser clearing them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keeping {
    /// Not known yet (the browser answers asynchronously).
    Unknown,
    /// The browser promised not to clear storage without asking the person.
    Persistent,
    /// The browser may clear storage when space runs low or the site goes unvisited.
    MayBeCleared,
}

fn manager() -> Option<StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Missing in older browsers and outside a secure context: answered as "may be cleared".
    js_sys::Reflect::has(&navigator, &"storage".into()).ok()?.then(|| navigator.storage())
}

async fn answer(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Keeping {
    let granted = match promise {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
        Err(_) => None,
    };
    if granted == Some(true) {
        Keeping::Persistent
    } else {
        Keeping::MayBeCleared
    }
}

/// What the browser has granted so far.
pub async fn persisted() -> Keeping {
    match manager() {
        Some(manager) => answer(manager.persisted()).await,
        None => Keeping::MayBeCleared,
    }
}

/// Asks the browser to keep this site's storage; what it granted.
pub async fn ask_to_persist() -> Keeping {
    match manager() {
        Some(manager) => answer(manager.persist()).await,
        None => Keeping::MayBeCleared,
    }
}
