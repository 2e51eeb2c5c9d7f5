//! Browser services (the bottom of the shell): timers, the next task, User
//! Timing marks, the clock, and the inert HTML reader. Everything above
//! (`net`, `view`, `embed`) uses these instead of reaching for the browser
//! on its own; this module imports nothing of the crate but the pure core.

use crate::limits::READ_DEPTH;
use crate::sanitize::Raw;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CharacterData, DomParser, Element, HtmlFormElement, Node, SupportedType, Text};

#[wasm_bindgen]
extern "C" {
    /// `setTimeout`, keeping the handle as the page's own value: pages (and
    /// test clocks) may hand out ids that do not fit web-sys's `i32`, and a
    /// truncated id would never be cleared.
    #[wasm_bindgen(js_name = setTimeout)]
    pub fn set_timeout(callback: &JsValue, ms: i32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    pub fn clear_timeout(handle: &JsValue);
}

/// Resolves in a later task (`setTimeout(0)`), so the browser may paint
/// and handle input in between.
pub async fn next_task() {
    let p = js_sys::Promise::new(&mut |done, _| {
        set_timeout(&done, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Record a User Timing mark (`performance.mark`), for publishers' RUM.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// The page's current time, in epoch milliseconds.
pub fn now() -> i64 {
    js_sys::Date::now() as i64
}

fn read(node: &Node, depth: usize, xml: bool) -> Raw {
    // Types are checked with `instanceof`, never through properties such as
    // `nodeType`: a <form> in hostile HTML can clobber its own properties
    // (`<form><input name="nodeType">`). Forms are dropped unread; only they
    // have named properties, so every other element reads truthfully.
    if node.dyn_ref::<HtmlFormElement>().is_some() {
        return Raw::Other;
    }
    if let Some(el) = node.dyn_ref::<Element>() {
        if depth >= READ_DEPTH {
            return Raw::Text(node.text_content().unwrap_or_default());
        }
        let list = el.attributes();
        let attrs = (0..list.length()).filter_map(|i| list.item(i)).map(|a| (a.name(), a.value())).collect();
        // XML names keep the prefix they were written with (`content:encoded`).
        let name = if xml { el.tag_name() } else { el.local_name() };
        return Raw::Element { name, attrs, children: read_children(node, depth + 1, xml) };
    }
    if let Some(text) = node.dyn_ref::<CharacterData>() {
        if node.dyn_ref::<Text>().is_some() {
            return Raw::Text(text.data());
        }
    }
    Raw::Other
}

fn read_children(node: &Node, depth: usize, xml: bool) -> Vec<Raw> {
    let kids = node.child_nodes();
    (0..kids.length()).filter_map(|i| kids.item(i)).map(|n| read(&n, depth, xml)).collect()
}

/// Parse `html` in an inert `DOMParser` document (no script runs, nothing
/// loads) and read its body into an untrusted `Raw` tree. The formats call
/// this once per HTML string, while a document is converted
/// (`sanitize::ParseHtml`); nothing else in the widget parses HTML.
pub fn parse_html(html: &str) -> Vec<Raw> {
    let Ok(parser) = DomParser::new() else { return Vec::new() };
    let Ok(doc) = parser.parse_from_string(html, SupportedType::TextHtml) else { return Vec::new() };
    doc.body().map(|body| read_children(&body, 0, false)).unwrap_or_default()
}

/// Parse `xml` (a feed) with `DOMParser` as `application/xml` and read its
/// root element into an untrusted `Raw` tree, as `parse_html` reads HTML
/// (CDATA sections are `Text` nodes, so they read as text); `None` when
/// the browser reports it is not well-formed (a `<parsererror>`). The
/// formats call this once per feed (`sanitize::ParseXml`): no XML parser
/// ships in the wasm.
pub fn parse_xml(xml: &str) -> Option<Raw> {
    let doc = DomParser::new().ok()?.parse_from_string(xml, SupportedType::ApplicationXml).ok()?;
    if doc.get_elements_by_tag_name("parsererror").length() > 0 {
        return None;
    }
    Some(read(&doc.document_element()?.into(), 0, true))
}

/// A response body's bytes as text: decoded by the browser's `TextDecoder`
/// in the encoding an XML declaration names (a windows-1251 feed), else as
/// UTF-8 (what `Response.text()` always does). Only the first bytes are
/// copied into the wasm, to read the declaration.
pub fn decode(bytes: &js_sys::Uint8Array) -> Option<String> {
    let head = bytes.subarray(0, bytes.length().min(200)).to_vec();
    let label = crate::formats::feed::declared_encoding(&head).unwrap_or("utf-8");
    let decoder = web_sys::TextDecoder::new_with_label(label).or_else(|_| web_sys::TextDecoder::new()).ok()?;
    decoder.decode_with_buffer_source(bytes).ok()
}
