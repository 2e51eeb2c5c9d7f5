//! One shared clock for every relative time on the page. Each `<time>` reads
//! it reactively; one timer moves it forward. It is paused while the tab is
//! hidden and catches up at once when the tab is shown again.

use leptos::prelude::*;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

/// How often the clock moves while the page is visible.
pub const TICK_MS: i32 = 30_000;

thread_local! {
    static CLOCK: OnceCell<ArcRwSignal<i64>> = const { OnceCell::new() };
}

fn now() -> i64 {
    js_sys::Date::now() as i64
}

/// The page clock, in epoch milliseconds. Starts the shared timer on first use.
pub fn clock() -> ArcRwSignal<i64> {
    CLOCK.with(|c| c.get_or_init(start).clone())
}

fn start() -> ArcRwSignal<i64> {
    let signal = ArcRwSignal::new(now());
    let Some(window) = web_sys::window() else { return signal };
    let tick = {
        let signal = signal.clone();
        Closure::<dyn FnMut()>::new(move || {
            let hidden = web_sys::window().and_then(|w| w.document()).map(|d| d.hidden()).unwrap_or(false);
            if !hidden {
                signal.set(now());
            }
        })
    };
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), TICK_MS);
    if let Some(doc) = window.document() {
        let _ = doc.add_event_listener_with_callback("visibilitychange", tick.as_ref().unchecked_ref());
    }
    // The timer lives as long as the page.
    tick.forget();
    signal
}
