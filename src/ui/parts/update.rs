//! The installed app's updates. The service worker (`sw.js`, made by Workbox in the
//! release build) is registered a moment after the plan is painted. When a newer build
//! has been installed beside the running one it waits; a notice says so, and only the
//! person's *Reload* lets it take over, so an update never lands in the middle of an edit.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::storage::book::PlanBook;
use crate::ui::parts::download::BackupButton;
use crate::ui::state::AppState;

/// How long after the plan is painted the offline copy starts to install: past the
/// first look and the first key press or drag, not long enough for a person to go
/// offline meanwhile.
const INSTALL_AFTER_PAINT: Duration = Duration::from_secs(1);

/// Where an update stands in this tab.
#[derive(Clone, Copy)]
pub struct Update {
    /// A newer version is installed and waiting for the person's Reload.
    pub ready: RwSignal<bool>,
    /// Reload was asked for while changes could not be saved: the notice asks first.
    asking: RwSignal<bool>,
    /// This tab asked the new version to take over: reload once it has.
    reloading: StoredValue<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent outside a secure context (and in very old browsers): then there is no
    // offline copy and nothing to update.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into()).ok()?.then(|| navigator.service_worker())
}

/// A handler that lives as long as the page, as the service worker objects it is set on do.
fn lasting(handler: impl FnMut() + 'static) -> js_sys::Function {
    Closure::<dyn FnMut()>::new(handler).into_js_value().unchecked_into()
}

impl Update {
    /// Registers the service worker a moment after the plan is painted (a tab opened in
    /// the background, once it is first shown), and starts following its updates.
    pub fn start() -> Update {
        let update = Update {
            ready: RwSignal::new(false),
            asking: RwSignal::new(false),
            reloading: StoredValue::new(false),
            registration: StoredValue::new_local(None),
        };
        let Some(container) = container() else { return update };
        // The controller changes when a new version takes over: here after this tab's
        // Reload, or in another tab after that tab's.
        container.set_oncontrollerchange(Some(&lasting(move || {
            if update.reloading.get_value() {
                reload_page();
            } else {
                update.ready.set(true);
            }
        })));
        // Installing the offline copy fetches and stores every file of the app. Begun
        // with the drawing, on two cores it slowed the first paint by about 100 ms, and
        // begun at the paint, the first edit (BENCHMARKS.md, "Before issue 26's work and
        // now"). So it starts a moment after the frame that shows the plan (the
        // animation callback runs just before that frame).
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let registering = container.register("./sw.js");
                    spawn_local(async move {
                        // No worker (a development build, or storage blocked): the app
                        // runs online only.
                        let Ok(registration) = JsFuture::from(registering).await else { return };
                        update.follow(registration.unchecked_into());
                    });
                },
                INSTALL_AFTER_PAINT,
            )
        });
        update
    }

    fn follow(self, registration: ServiceWorkerRegistration) {
        if registration.waiting().is_some() {
            self.new_version_installed();
        }
        if let Some(installing) = registration.installing() {
            self.watch(installing);
        }
        let found = registration.clone();
        registration.set_onupdatefound(Some(&lasting(move || {
            if let Some(installing) = found.installing() {
                self.watch(installing);
            }
        })));
        self.registration.set_value(Some(registration));
    }

    fn watch(self, worker: ServiceWorker) {
        let watched = worker.clone();
        worker.set_onstatechange(Some(&lasting(move || {
            if watched.state() == ServiceWorkerState::Installed {
                self.new_version_installed();
            }
        })));
    }

    /// A worker finished installing. With no controller this is the first install (the
    /// app is now available offline), not an update.
    fn new_version_installed(self) {
        if container().and_then(|c| c.controller()).is_some() {
            self.ready.set(true);
        }
    }

    /// Looks for a newer version now: a tab left open for days learns of one when it is
    /// shown again.
    pub fn check(self) {
        // Offline a check can only fail; the next time the tab is shown online it runs.
        if !window().navigator().on_line() {
            return;
        }
        let checking = self.registration.with_value(|r| r.as_ref().map(ServiceWorkerRegistration::update));
        if let Some(Ok(checking)) = checking {
            // A failed check changes nothing, and is not an error worth a console line.
            spawn_local(async move {
                let _ = JsFuture::from(checking).await;
            });
        }
    }

    /// The person's Reload: save what is unsaved, then let the waiting version take over
    /// and reload when it has. What still cannot be saved (storage full) lives only in
    /// this tab's memory, so the notice asks before a reload would drop it.
    pub fn apply(self, state: AppState) {
        state.flush_before_leaving();
        if state.book.with_untracked(PlanBook::has_unsaved) {
            self.asking.set(true);
        } else {
            self.take_over();
        }
    }

    /// Reloads into the new version, whatever is unsaved.
    fn take_over(self) {
        self.asking.set(false);
        self.reloading.set_value(true);
        let waiting = self.registration.with_value(|r| r.as_ref().and_then(ServiceWorkerRegistration::waiting));
        match waiting {
            Some(worker) => {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
                if worker.post_message(&message).is_err() {
                    reload_page();
                }
            }
            // Another tab already let it take over.
            None => reload_page(),
        }
    }
}

fn reload_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// "A new version is ready", with the button that loads it.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let update = expect_context::<Update>();
    view! {
        <Show when=move || update.ready.get()>
            <Show
                when=move || update.asking.get()
                fallback=move || view! {
                    <p class="notice" data-testid="update-notice">
                        "A new version is ready. Your plans stay as they are. "
                        <button type="button" on:click=move |_| update.apply(state)>"Reload"</button>
                    </p>
                }
            >
                <p class="notice notice-error" data-testid="update-notice" role="alert">
                    {move || state.book.with(|book| book.reload_would_lose().unwrap_or_default())}" "
                    <BackupButton/>
                    <button type="button" on:click=move |_| update.take_over()>"Reload anyway"</button>
                    <button type="button" class="quiet" on:click=move |_| update.asking.set(false)>"Not now"</button>
                </p>
            </Show>
        </Show>
    }
}
