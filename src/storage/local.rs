//! The browser's localStorage as a `KeyValue` store, through gloo-storage. The only
//! code in the app that touches localStorage.

use std::cell::RefCell;

use gloo_storage::{LocalStorage, Storage};
use js_sys::{Function, JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::store::{KeyValue, StoreError};

pub struct LocalStore;

thread_local! {
    /// Keys written since `take_writes` was last called, with what each now holds.
    static WRITES: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// A short fingerprint of a stored value (FNV-1a), for telling two versions apart.
pub fn fingerprint(value: Option<&str>) -> String {
    let Some(value) = value else { return "none".to_string() };
    let hash = value
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3));
    format!("{hash:016x}")
}

/// The keys written since the last call, each with the fingerprint of its value.
pub fn take_writes() -> Vec<(String, String)> {
    WRITES.with(|writes| std::mem::take(&mut *writes.borrow_mut()))
}

fn wrote(key: &str, value: Option<&str>) {
    let print = fingerprint(value);
    WRITES.with(|writes| {
        let mut writes = writes.borrow_mut();
        writes.retain(|(written, _)| written != key);
        writes.push((key.to_string(), print));
    });
}

/// Whether this page may use localStorage at all. Blocked storage (private modes,
/// policies) throws or gives null here, and gloo-storage's `raw()` would then panic,
/// which stops the app: every use of it is behind this check.
pub fn available() -> bool {
    matches!(web_sys::window().map(|w| w.local_storage()), Some(Ok(Some(_))))
}

fn storage() -> Result<web_sys::Storage, StoreError> {
    if available() {
        Ok(LocalStorage::raw())
    } else {
        Err(StoreError::Unavailable)
    }
}

fn classify(error: JsValue) -> StoreError {
    let name = Reflect::get(&error, &JsValue::from_str("name")).ok().and_then(|n| n.as_string());
    match name.as_deref() {
        Some("QuotaExceededError") | Some("NS_ERROR_DOM_QUOTA_REACHED") => StoreError::Full,
        _ => StoreError::Unavailable,
    }
}

/// Calls a method of `localStorage` with the values as JavaScript has them, so text is
/// not turned into a Rust string (which would replace a lone surrogate) on the way.
fn call(method: &str, args: &[&JsValue]) -> Result<JsValue, StoreError> {
    let storage = storage()?;
    let function: Function =
        Reflect::get(&storage, &JsValue::from_str(method)).map_err(classify)?.dyn_into().map_err(classify)?;
    let args: js_sys::Array = args.iter().copied().collect();
    function.apply(&storage, &args).map_err(classify)
}

/// A stored value exactly as JavaScript holds it, for a download that must keep it.
pub fn raw_value(key: &str) -> Option<JsString> {
    call("getItem", &[&JsValue::from_str(key)]).ok()?.dyn_into().ok()
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()?.get_item(key).map_err(classify)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(classify)?;
        wrote(key, Some(value));
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        storage()?;
        LocalStorage::delete(key);
        wrote(key, None);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = storage()?;
        Ok((0..LocalStorage::length()).filter_map(|i| storage.key(i).ok().flatten()).collect())
    }
    fn copy(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
        let value = call("getItem", &[&JsValue::from_str(from)])?;
        if value.is_null() {
            return Ok(());
        }
        call("setItem", &[&JsValue::from_str(to), &value])?;
        wrote(to, self.get(to)?.as_deref());
        Ok(())
    }
}
