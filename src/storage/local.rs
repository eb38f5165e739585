//! The browser's localStorage as a `KeyValue` store. The only code in the app
//! that touches localStorage.

use wasm_bindgen::JsValue;

use super::store::{KeyValue, StoreError};

pub struct LocalStore;

fn storage() -> Result<web_sys::Storage, StoreError> {
    // Blocked storage (private modes, policies) throws or gives null here.
    let window = web_sys::window().ok_or(StoreError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err(StoreError::Unavailable),
    }
}

fn classify(error: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&error, &JsValue::from_str("name")).ok().and_then(|n| n.as_string());
    match name.as_deref() {
        Some("QuotaExceededError") | Some("NS_ERROR_DOM_QUOTA_REACHED") => StoreError::Full,
        _ => StoreError::Unavailable,
    }
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()?.get_item(key).map_err(classify)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(classify)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        storage()?.remove_item(key).map_err(classify)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = storage()?;
        let length = storage.length().map_err(classify)?;
        Ok((0..length).filter_map(|i| storage.key(i).ok().flatten()).collect())
    }
}
