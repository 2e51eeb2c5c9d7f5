//! Embedding: find `[data-dateline]` elements, give each an open shadow root
//! with the widget's constructable stylesheet, read its configuration, and
//! mount a `Widget` into it. Exposed to the loader as `scan` and `mount`; the
//! loader publishes them as `window.Dateline`, the only global we define.

use crate::config;
use crate::browser::mark;
use crate::view::Widget;
use leptos::prelude::*;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

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
    let init = ShadowRootInit::new(ShadowRootMode::Open);
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
