//! A small DOM builder for the content views. An article, its cards and
//! chips, the Recent Posts rail and a listing's stories are static once
//! built, so they are made with direct `createElement` calls from the clean
//! model instead of one Leptos view type per shape: the wasm then carries
//! one builder instead of a `build`/`rebuild`/`mount` for each (see
//! docs/PERFORMANCE.md). Leptos keeps the widget shell: what is shown, the
//! status, the live region, the Load more button.

use wasm_bindgen::UnwrapThrowExt;
use web_sys::{Document, Element, Node};

thread_local! {
    static DOC: Document = web_sys::window().and_then(|w| w.document()).expect_throw("no document");
}

/// A new `<tag>` with `attrs`, appended to `parent`.
pub fn el(parent: &Node, tag: &str, attrs: &[(&str, &str)]) -> Element {
    let e = DOC.with(|d| d.create_element(tag)).unwrap_throw();
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    let _ = parent.append_child(&e);
    e
}

/// A text node appended to `parent`.
pub fn text(parent: &Node, s: &str) {
    let t = DOC.with(|d| d.create_text_node(s));
    let _ = parent.append_child(&t);
}

/// `<tag attrs…>text</tag>`, appended to `parent`.
pub fn el_text(parent: &Node, tag: &str, attrs: &[(&str, &str)], s: &str) -> Element {
    let e = el(parent, tag, attrs);
    text(&e, s);
    e
}

/// A heading at a run-time level, `<h1>`…`<h6>` (capped at 6).
pub fn heading(parent: &Node, level: u8, attrs: &[(&str, &str)], s: &str) -> Element {
    const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
    el_text(parent, TAGS[(level.clamp(1, 6) - 1) as usize], attrs, s)
}

/// ` · `, hidden from screen readers.
pub fn sep(parent: &Node) {
    el_text(parent, "span", &[("class", "dl-sep"), ("aria-hidden", "true")], " · ");
}
