//! Rich text from feeds, rebuilt node by node. The HTML is parsed by an inert
//! `DOMParser` document (no scripts run, nothing loads), read into a `Raw`
//! tree, passed through the pure allow-list in `crate::sanitize`, and the
//! result is created with `createElement`/`createTextNode`. No HTML string
//! is ever assigned to the live document.

use crate::model::Rich;
use crate::sanitize::{sanitize, Clean, Context, Raw};
use wasm_bindgen::JsCast;
use web_sys::{CharacterData, Document, DomParser, Element, HtmlFormElement, Node, SupportedType, Text};

/// Raw trees deeper than this are read as plain text.
const READ_DEPTH: usize = 64;

fn read(node: &Node, depth: usize) -> Raw {
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
        return Raw::Element { name: el.local_name(), attrs, children: read_children(node, depth + 1) };
    }
    if let Some(text) = node.dyn_ref::<CharacterData>() {
        if node.dyn_ref::<Text>().is_some() {
            return Raw::Text(text.data());
        }
    }
    Raw::Other
}

fn read_children(node: &Node, depth: usize) -> Vec<Raw> {
    let kids = node.child_nodes();
    (0..kids.length()).filter_map(|i| kids.item(i)).map(|n| read(&n, depth)).collect()
}

/// Parse `html` inertly and return its untrusted tree (for turning CMS
/// bodies into blocks; `blocks` applies the allow-list).
pub fn parse_raw(html: &str) -> Vec<Raw> {
    let Ok(parser) = DomParser::new() else { return Vec::new() };
    let Ok(doc) = parser.parse_from_string(html, SupportedType::TextHtml) else { return Vec::new() };
    doc.body().map(|body| read_children(&body, 0)).unwrap_or_default()
}

/// Parse `html` inertly and return the cleaned tree.
pub fn parse_clean(html: &str, ctx: Context, base: &str) -> Vec<Clean> {
    sanitize(parse_raw(html), ctx, base)
}

fn build(doc: &Document, parent: &Node, nodes: &[Clean]) {
    for n in nodes {
        match n {
            Clean::Text(t) => {
                let _ = parent.append_child(&doc.create_text_node(t));
            }
            Clean::Element { tag, attrs, children } => {
                let Ok(el) = doc.create_element(tag) else { continue };
                for (k, v) in attrs {
                    let _ = el.set_attribute(k, v);
                }
                build(doc, &el, children);
                let _ = parent.append_child(&el);
            }
        }
    }
}

/// Directive: fill `el` with the cleaned content of a `Rich` value.
/// Used as `<p use:rich_inline=rich/>`.
pub fn rich_inline(el: Element, rich: Rich) {
    fill(&el, &rich, Context::Inline);
}

/// Directive for whole HTML bodies (`content_html`).
pub fn rich_flow(el: Element, rich: Rich) {
    fill(&el, &rich, Context::Flow);
}

fn fill(el: &Element, rich: &Rich, ctx: Context) {
    el.replace_children_with_node_0();
    let Some(doc) = el.owner_document() else { return };
    build(&doc, el, &parse_clean(&rich.html, ctx, &rich.base));
}
