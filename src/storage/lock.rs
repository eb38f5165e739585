//! One lock shared by every tab of the app (the Web Locks API): each save's
//! read-check-write runs inside it, so two tabs never interleave theirs.
//!
//! A lock alone is not enough. Each tab reads localStorage through its own copy, which
//! the browser brings up to date a moment after another tab writes; a tab granted the
//! lock right after another one wrote can still read the old value, and writing on
//! from it would drop the other tab's change (measured in Chromium: 22 lost of 600
//! locked increments). So a tab that writes also holds, for a few seconds, a marker
//! lock naming each key it wrote and a fingerprint of the value; the lock manager
//! answers every tab alike, and a tab granted the main lock first waits until its own
//! copy shows the newest marked value of every key.

use gloo_timers::future::TimeoutFuture;
use js_sys::Promise;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::LockManager;

use super::local::{fingerprint, take_writes, LocalStore};
use super::store::KeyValue;

const LOCK_NAME: &str = "intensive-planner/storage";
/// Marker locks: `intensive-planner/written/<sequence>/<fingerprint>/<key>`.
const WRITTEN: &str = "intensive-planner/written/";
/// How long a marker is held: far longer than any tab's copy takes to catch up.
const MARKER_MS: u32 = 3_000;
/// How long a tab waits for its copy to catch up before going on regardless.
const CATCH_UP_MS: u32 = 2_000;

thread_local! {
    /// The markers this tab took. Its own copy holds what it wrote at once, so when a
    /// key's newest marker is its own, a different value there is a later write (a tab
    /// closing writes without the lock or a marker), which its storage event brings:
    /// waiting for the copy to "catch up" with the older value would only stall the save.
    static OWN_MARKERS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn lock_manager() -> Option<LockManager> {
    let navigator = web_sys::window()?.navigator();
    // Browsers before 2022 have no `navigator.locks`; saving then runs unlocked.
    let has_locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).is_ok_and(|l| l.is_object());
    has_locks.then(|| navigator.locks())
}

/// Runs `work` while this tab holds the app's storage lock, with this tab's view of
/// storage caught up with every other tab's writes; the returned future ends once it
/// has run. The lock is asked for at once, before the future is first polled, so the
/// browser's answer is on its way while the page draws the change. Where the browser
/// has no locks, or refuses them, `work` runs unlocked, at once.
pub fn exclusively(work: impl FnOnce() + 'static) -> impl std::future::Future<Output = ()> {
    let asked = match lock_manager() {
        Some(manager) => {
            let inside = manager.clone();
            // The lock is held until the promise the callback returns settles.
            let callback = wasm_bindgen::closure::Closure::once_into_js(move |_lock: JsValue| -> Promise {
                future_to_promise(async move {
                    let markers = held_markers(&inside).await;
                    catch_up(&markers).await;
                    let _ = take_writes();
                    work();
                    for (key, print) in take_writes() {
                        let sequence =
                            markers.iter().filter(|m| m.key == key).map(|m| m.sequence).max().unwrap_or(0) + 1;
                        mark(&inside, &format!("{WRITTEN}{sequence}/{print}/{key}")).await;
                    }
                    Ok(JsValue::UNDEFINED)
                })
            });
            Some(JsFuture::from(manager.request(LOCK_NAME, callback.unchecked_ref())))
        }
        None => {
            work();
            None
        }
    };
    async move {
        if let Some(asked) = asked {
            let _ = asked.await;
        }
    }
}

/// A marker another tab (or this one) left: which write of which key, and what it wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Marker {
    sequence: u64,
    fingerprint: String,
    key: String,
}

impl Marker {
    fn name(&self) -> String {
        format!("{WRITTEN}{}/{}/{}", self.sequence, self.fingerprint, self.key)
    }
    fn is_own(&self) -> bool {
        let name = self.name();
        OWN_MARKERS.with(|own| own.borrow().contains(&name))
    }
}

fn read_marker(name: &str) -> Option<Marker> {
    let rest = name.strip_prefix(WRITTEN)?;
    let (sequence, rest) = rest.split_once('/')?;
    let (fingerprint, key) = rest.split_once('/')?;
    Some(Marker { sequence: sequence.parse().ok()?, fingerprint: fingerprint.to_string(), key: key.to_string() })
}

async fn held_markers(manager: &LockManager) -> Vec<Marker> {
    let Ok(snapshot) = JsFuture::from(manager.query()).await else { return Vec::new() };
    let snapshot: web_sys::LockManagerSnapshot = snapshot.unchecked_into();
    let held = snapshot.get_held().map(|held| held.iter().collect::<Vec<_>>()).unwrap_or_default();
    held.iter().filter_map(|lock| read_marker(&lock.get_name()?)).collect()
}

/// Waits until this tab's copy of every marked key holds its newest marked value.
async fn catch_up(markers: &[Marker]) {
    let mut newest: Vec<&Marker> = Vec::new();
    for marker in markers {
        match newest.iter_mut().find(|m| m.key == marker.key) {
            Some(slot) if slot.sequence < marker.sequence => *slot = marker,
            Some(_) => {}
            None => newest.push(marker),
        }
    }
    newest.retain(|m| !m.is_own());
    let behind =
        || newest.iter().any(|m| fingerprint(LocalStore.get(&m.key).ok().flatten().as_deref()) != m.fingerprint);
    // A deadline by the clock, not a count of timers: the browser stretches each short
    // timer to 4 ms or more, so 2,000 one-millisecond waits took 8 s and longer.
    let deadline = js_sys::Date::now() + f64::from(CATCH_UP_MS);
    while behind() && js_sys::Date::now() < deadline {
        TimeoutFuture::new(1).await;
    }
}

/// Takes a marker lock, held for `MARKER_MS`, and returns once it is granted.
async fn mark(manager: &LockManager, name: &str) {
    let mut resolve_granted = None;
    let granted = Promise::new(&mut |resolve, _reject| resolve_granted = Some(resolve));
    let Some(resolve) = resolve_granted else { return };
    OWN_MARKERS.with(|own| own.borrow_mut().push(name.to_string()));
    let released = name.to_string();
    let hold = wasm_bindgen::closure::Closure::once_into_js(move |_lock: JsValue| -> Promise {
        let _ = resolve.call0(&JsValue::NULL);
        future_to_promise(async move {
            TimeoutFuture::new(MARKER_MS).await;
            OWN_MARKERS.with(|own| own.borrow_mut().retain(|n| *n != released));
            Ok(JsValue::UNDEFINED)
        })
    });
    let _ = manager.request(name, hold.unchecked_ref());
    let _ = JsFuture::from(granted).await;
}
