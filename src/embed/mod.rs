//! Embedding: find `[data-dateline]` elements, give each an open shadow root
//! with the widget's constructable stylesheet, read its configuration, and
//! mount a `Widget` into it. Exposed to the loader as `scan` and `mount`; the
//! loader publishes them as `window.Dateline`, the only global we define.

use crate::config::{self, Theme};
use crate::browser::{bare, mark};
use crate::view::Widget;
use leptos::prelude::*;
use std::cell::{OnceCell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, HtmlElement, MutationObserver, MutationObserverInit, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// All widget CSS, compiled in: the host needs nothing but the script.
/// Minified from style/widget.css by build.rs.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

thread_local! {
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// One constructable stylesheet shared by every widget on the page. A strict
/// `style-src` allows it, because no `<style>` element or attribute is used.
fn sheet() -> Option<CssStyleSheet> {
    SHEET.with(|s| {
        s.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
            Some(sheet)
        })
        .clone()
    })
}

thread_local! {
    /// Widgets with `data-theme="auto"`: the host element and its `.dl-host`.
    static AUTO: RefCell<Vec<(HtmlElement, Element)>> = const { RefCell::new(Vec::new()) };
    static SCHEME_WATCH: OnceCell<Option<MutationObserver>> = const { OnceCell::new() };
}

/// `auto` follows the page's own colour scheme where the page declares one
/// (`color-scheme` on the element or an ancestor, which the widget's host
/// inherits): `data-theme="auto"` on `.dl-host` inherits it; where the page
/// declares none, `"os"` follows the reader's preference.
fn follow_scheme(host: &HtmlElement, container: &Element) {
    let declared = web_sys::window()
        .and_then(|w| w.get_computed_style(host).ok().flatten())
        .and_then(|s| s.get_property_value("color-scheme").ok())
        .is_some_and(|v| !matches!(v.trim(), "" | "normal"));
    let _ = container.set_attribute("data-theme", if declared { "auto" } else { "os" });
}

/// Apply `theme` to a widget's `.dl-host`; for `auto`, again whenever the
/// page changes an attribute of its root or body (a site's own dark-mode
/// toggle: a class, a `data-*` or a `style` there).
fn apply_theme(theme: Theme, host: &HtmlElement, container: &Element) {
    let fixed = match theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
        Theme::Auto => {
            follow_scheme(host, container);
            AUTO.with(|a| a.borrow_mut().push((host.clone(), container.clone())));
            SCHEME_WATCH.with(|w| {
                w.get_or_init(|| {
                    let cb = Closure::<dyn FnMut()>::new(|| {
                        AUTO.with(|a| {
                            let mut a = a.borrow_mut();
                            a.retain(|(h, _)| h.is_connected());
                            a.iter().for_each(|(h, c)| follow_scheme(h, c));
                        })
                    });
                    let obs = MutationObserver::new(cb.as_ref().unchecked_ref()).ok()?;
                    // Lives as long as the page.
                    cb.forget();
                    let init: MutationObserverInit = bare();
                    init.set_attributes(true);
                    let doc = web_sys::window()?.document()?;
                    for el in [doc.document_element(), doc.body().map(Into::into)].into_iter().flatten() {
                        let _ = obs.observe_with_options(&el, &init);
                    }
                    Some(obs)
                });
            });
            return;
        }
    };
    let _ = container.set_attribute("data-theme", fixed);
}

fn adopt_styles(root: &ShadowRoot) {
    match sheet() {
        Some(sheet) => root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        None => web_sys::console::warn_1(&"[dateline] constructable stylesheets are not supported here; the widget is unstyled".into()),
    }
}

/// Turn one element into a widget. Returns false (and leaves the element
/// untouched) when it is already a widget or cannot be one.
#[wasm_bindgen]
pub fn mount(el: &Element) -> bool {
    let Some(host) = el.dyn_ref::<HtmlElement>().cloned() else { return false };
    if host.shadow_root().is_some() {
        return false;
    }
    let Some(window) = web_sys::window() else { return false };
    let Some(document) = window.document() else { return false };
    let page_url = document.url().unwrap_or_default();
    let cfg = match config::parse(|name| host.get_attribute(name), &page_url) {
        Ok(c) => c,
        Err(e) => {
            // Misconfiguration is the publisher's to fix: say so in the
            // console, and leave their fallback content as it is.
            web_sys::console::error_2(&format!("[dateline] not mounted: {e}").into(), &host);
            return false;
        }
    };
    let init: ShadowRootInit = bare();
    init.set_mode(ShadowRootMode::Open);
    let root = match host.attach_shadow(&init) {
        Ok(r) => r,
        Err(_) => {
            web_sys::console::error_2(&"[dateline] this element cannot host a shadow root; use a <div>".into(), &host);
            return false;
        }
    };
    adopt_styles(&root);
    let Ok(container) = document.create_element("div") else { return false };
    let _ = container.set_attribute("class", "dl-host");
    apply_theme(cfg.theme, &host, &container);
    let _ = root.append_child(&container);
    let page_lang = document.document_element().map(|e| e.get_attribute("lang").unwrap_or_default()).filter(|l| !l.trim().is_empty());
    let container: HtmlElement = container.unchecked_into();
    let id = widget_id(&document, &host);
    let handle = leptos::mount::mount_to(container, move || view! { <Widget config=cfg page_lang=page_lang host=host id=id/> });
    // The widget lives as long as the page.
    handle.forget();
    true
}

/// The widget's name in the history parameter: its `id`, else its index
/// among the page's `[data-dateline]` elements.
fn widget_id(document: &web_sys::Document, host: &HtmlElement) -> String {
    let id = host.id();
    if !id.is_empty() {
        return id;
    }
    let Ok(list) = document.query_selector_all("[data-dateline]") else { return "0".into() };
    let host: &web_sys::Node = host.as_ref();
    (0..list.length()).find(|&i| list.item(i).as_ref() == Some(host)).unwrap_or(0).to_string()
}

/// Mount every `[data-dateline]` element not mounted yet. Returns how many
/// were mounted. Safe to call again after adding elements.
#[wasm_bindgen]
pub fn scan() -> u32 {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return 0 };
    let Ok(list) = document.query_selector_all("[data-dateline]") else { return 0 };
    let mut n = 0;
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            if mount(&el) {
                n += 1;
            }
        }
    }
    n
}

/// Runs once when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    mark("dateline:wasm-ready");
    scan();
}
