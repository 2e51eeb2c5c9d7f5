//! Prefetch on touch screens, where there is no hover: a card that scrolls
//! into view is prefetched (through `net::prefetch`, which limits how many
//! requests run at once). With a mouse, hover and focus do it instead.

use std::cell::OnceCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

thread_local! {
    /// `None` on devices that can hover, or without IntersectionObserver.
    static OBSERVER: OnceCell<Option<IntersectionObserver>> = const { OnceCell::new() };
}

fn observer() -> Option<IntersectionObserver> {
    OBSERVER.with(|o| {
        o.get_or_init(|| {
            let touch = web_sys::window()?.match_media("(hover: none)").ok()??.matches();
            if !touch {
                return None;
            }
            let cb = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(|records: js_sys::Array, obs: IntersectionObserver| {
                for r in records.iter() {
                    let Ok(r) = r.dyn_into::<IntersectionObserverEntry>() else { continue };
                    // A link of a widget that was taken down is let go.
                    if !r.target().is_connected() {
                        obs.unobserve(&r.target());
                    } else if r.is_intersecting() {
                        let target = r.target();
                        obs.unobserve(&target);
                        if let Some(src) = target.get_attribute("data-src") {
                            let format = target.get_attribute("data-format").and_then(|f| crate::formats::parse_format_hint(&f));
                            crate::net::prefetch(&src, format);
                        }
                    }
                }
            });
            let obs = IntersectionObserver::new(cb.as_ref().unchecked_ref()).ok();
            // Lives as long as the page.
            cb.forget();
            obs
        })
        .clone()
    })
}

/// Prefetch `data-src` of this link when it scrolls into view on a touch
/// screen.
pub fn observe(el: &Element) {
    if let Some(o) = observer() {
        o.observe(el);
    }
}
