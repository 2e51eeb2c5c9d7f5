//! Browser services (the bottom of the shell): timers, the next task, User
//! Timing marks, the clock, option objects a host page's prototypes cannot
//! reach, and the inert HTML reader (with the widget's one Trusted Types
//! policy). Everything above
//! (`net`, `view`, `embed`) uses these instead of reaching for the browser
//! on its own; this module imports nothing of the crate but the pure core.

use crate::limits::READ_DEPTH;
use crate::sanitize::Raw;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CharacterData, Element, HtmlFormElement, Node, Text};

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

/// A new, empty JS object with no prototype, as a `T` (a web-sys
/// dictionary such as `RequestInit`, or Intl options). Every object the
/// widget hands to the browser is made here: a host page that sets
/// `Object.prototype.style` (or `.method`, `.body`, `.timeZone`…) would
/// otherwise reach into each option the widget leaves unset.
pub fn bare<T: JsCast>() -> T {
    let none: js_sys::Object = JsValue::NULL.unchecked_into();
    js_sys::Object::create(&none).unchecked_into()
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

#[wasm_bindgen]
extern "C" {
    /// `DOMParser`, whose `parseFromString` takes the markup as a JS
    /// value: a `TrustedHTML` where the page enforces Trusted Types.
    #[wasm_bindgen(js_name = DOMParser)]
    type Parser;
    #[wasm_bindgen(constructor, catch, js_class = "DOMParser")]
    fn new() -> Result<Parser, JsValue>;
    #[wasm_bindgen(method, catch, js_name = parseFromString)]
    fn parse(this: &Parser, markup: &JsValue, kind: &str) -> Result<web_sys::Document, JsValue>;
    /// `trustedTypes.createPolicy(name, options)`.
    #[wasm_bindgen(catch, js_namespace = trustedTypes, js_name = createPolicy)]
    fn create_policy(name: &str, options: &js_sys::Object) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = createHTML)]
    fn create_html(this: &Policy, markup: &str) -> Result<JsValue, JsValue>;
    type Policy;
}

thread_local! {
    /// The widget's one Trusted Types policy, `dateline`, where the page
    /// has Trusted Types; `None` where it has none (or refused the name).
    static POLICY: Option<Policy> = {
        let options: js_sys::Object = bare();
        // What the policy allows: markup bound for one of the inert parsers
        // below, and nothing else. `PARSING` is set only while one of them
        // runs, so the policy object, should a page script get hold of it
        // (a wrapped `createPolicy`), mints nothing for the live DOM.
        let check = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(|markup| {
            if PARSING.get() { Ok(markup) } else { Err("[dateline] the dateline policy only feeds its inert parser".into()) }
        });
        let _ = js_sys::Reflect::set(&options, &"createHTML".into(), check.as_ref());
        // Lives as long as the page, like the policy.
        check.forget();
        match create_policy("dateline", &options) {
            Ok(p) => Some(p.unchecked_into()),
            Err(_) => {
                // No Trusted Types here (nothing to do), or a `trusted-types`
                // directive without our name: then story HTML cannot be
                // read, which the publisher must hear about.
                if js_sys::Reflect::has(&js_sys::global(), &"trustedTypes".into()).unwrap_or(false) {
                    web_sys::console::error_1(&"[dateline] Trusted Types refused the policy \"dateline\": add dateline to the page's trusted-types directive (docs/EMBED.md)".into());
                }
                None
            }
        }
    };
    static PARSING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Parse `markup` as `kind` in an inert `DOMParser` document. Under
/// Trusted Types the markup goes through the `dateline` policy: the
/// document it builds runs no script and loads nothing, and what is read
/// from it is rebuilt through the allow-list (`sanitize`), never inserted.
fn parse_inert(markup: &str, kind: &str) -> Option<web_sys::Document> {
    let parser = Parser::new().ok()?;
    let value = POLICY.with(|p| match p {
        Some(policy) => {
            PARSING.set(true);
            let v = policy.create_html(markup);
            PARSING.set(false);
            v.ok()
        }
        None => Some(JsValue::from_str(markup)),
    })?;
    parser.parse(&value, kind).ok()
}

/// Parse `html` in an inert `DOMParser` document (no script runs, nothing
/// loads) and read its body into an untrusted `Raw` tree. The formats call
/// this once per HTML string, while a document is converted
/// (`sanitize::ParseHtml`); nothing else in the widget parses HTML.
pub fn parse_html(html: &str) -> Vec<Raw> {
    let Some(doc) = parse_inert(html, "text/html") else { return Vec::new() };
    doc.body().map(|body| read_children(&body, 0, false)).unwrap_or_default()
}

/// Parse `xml` (a feed) with `DOMParser` as `application/xml` and read its
/// root element into an untrusted `Raw` tree, as `parse_html` reads HTML
/// (CDATA sections are `Text` nodes, so they read as text); `None` when
/// the browser reports it is not well-formed (a `<parsererror>`). The
/// formats call this once per feed (`sanitize::ParseXml`): no XML parser
/// ships in the wasm.
pub fn parse_xml(xml: &str) -> Option<Raw> {
    let doc = parse_inert(xml, "application/xml")?;
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
