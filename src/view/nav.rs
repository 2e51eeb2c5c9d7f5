//! What a navigation asks of the host page: its address (`location.search`,
//! history entries), its scroll position, focus after a render, the events
//! a widget dispatches on its element, and which clicks open in place.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// Dispatch `name` on the widget's element, bubbling out of its shadow
/// root, with the document URL as `detail`.
pub fn dispatch(host: &HtmlElement, name: &str, detail: &str) {
    dispatch_value(host, name, &JsValue::from_str(detail));
}

/// Dispatch `name` with a plain object of `fields` as `detail` (strings,
/// numbers, null and objects of those: JSON-safe). The events are listed in
/// docs/API.md and loader/dateline.d.ts.
pub fn dispatch_with(host: &HtmlElement, name: &str, fields: &[(&str, JsValue)]) {
    dispatch_value(host, name, &object(fields));
}

/// A plain object of `fields`.
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

fn dispatch_value(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init: web_sys::CustomEventInit = crate::browser::bare();
    init.set_detail(detail);
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&ev);
    }
}


/// After the next render: move focus to `selector` (the new headline, or
/// the first story "Load more" added), then either restore the page's
/// scroll position (Back/Forward) or bring the widget's top into view only
/// if it is off-screen.
pub fn after_render(host: &HtmlElement, selector: String, scroll_to: Option<f64>) {
    let host = host.clone();
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Some(w) = web_sys::window() else { return };
        if let Some(h) = host
            .shadow_root()
            .and_then(|r| r.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let opts: web_sys::FocusOptions = crate::browser::bare();
            opts.set_prevent_scroll(true);
            let _ = h.focus_with_options(&opts);
        }
        if let Some(y) = scroll_to {
            // After the article's later part (queued in a task before this
            // frame) is in, so the page is long enough to scroll back to y.
            let restore = wasm_bindgen::closure::Closure::once_into_js(move || {
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(w.scroll_x().unwrap_or(0.0), y);
                }
            });
            crate::browser::set_timeout(&restore, 0);
            return;
        }
        let rect = host.get_bounding_client_rect();
        let vh = w.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        if rect.top() < 0.0 || rect.top() > vh {
            host.scroll_into_view();
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(cb.unchecked_ref());
    }
}

/// Push a history entry with the page's new `location.search`, keeping its
/// path, hash and state object as they are. Built from the full URL, so a
/// page's <base href> or an odd path cannot redirect it.
pub fn push_search(search: &str) {
    let Some(w) = web_sys::window() else { return };
    let Ok(history) = w.history() else { return };
    let Ok(url) = web_sys::Url::new(&crate::net::page_url()) else { return };
    url.set_search(search);
    let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
    let _ = history.push_state_with_url(&state, "", Some(&url.href()));
}

/// The page's `location.search`.
pub fn search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The page's vertical scroll position.
pub fn scroll_y() -> f64 {
    web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
}

/// The in-place link (`a[data-src]`, see `cards::in_place_link`) an event
/// happened in, if any. Links in article HTML can never carry `data-src`
/// (the allow-list drops it), so only the widget's own links navigate.
pub fn in_place_target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    closest(ev, "a[data-src]")
}

/// The element matching `selector` that an event happened in, if any.
pub fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()?
}

/// A plain left click, which opens in place; modified clicks keep the
/// browser's behaviour on `href` (the canonical page, a new tab).
pub fn is_plain_click(ev: &web_sys::MouseEvent) -> bool {
    !(ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key())
}
