//! Clean inline content (`model::Inline`, which passed the allow-list when
//! its document was loaded) into DOM nodes, one `createElement` or
//! `createTextNode` at a time. Nothing is parsed here, and no HTML string
//! ever reaches the live document.

use crate::model::{Inline, Rich};
use web_sys::{Document, Element, Node};

fn set(el: &Element, pairs: &[(&str, &str)]) {
    for (k, v) in pairs {
        let _ = el.set_attribute(k, v);
    }
}

fn build(doc: &Document, parent: &Node, nodes: &[Inline]) {
    for n in nodes {
        let child: Node = match n {
            Inline::Text(t) => doc.create_text_node(t).into(),
            Inline::Break => match doc.create_element("br") {
                Ok(el) => el.into(),
                Err(_) => continue,
            },
            Inline::Marked(mark, children) => {
                let Ok(el) = doc.create_element(mark.tag()) else { continue };
                build(doc, &el, children);
                el.into()
            }
            Inline::Link { href, title, children } => {
                let Ok(el) = doc.create_element("a") else { continue };
                set(&el, &[("href", href), ("rel", "noopener noreferrer"), ("target", "_blank")]);
                if let Some(t) = title {
                    set(&el, &[("title", t)]);
                }
                build(doc, &el, children);
                el.into()
            }
            Inline::Image { src, alt, size } => {
                let Ok(el) = doc.create_element("img") else { continue };
                set(&el, &[("src", src), ("alt", alt), ("loading", "lazy"), ("decoding", "async")]);
                if let Some((w, h)) = size {
                    set(&el, &[("width", &w.to_string()), ("height", &h.to_string())]);
                }
                el.into()
            }
        };
        let _ = parent.append_child(&child);
    }
}

/// Directive: fill `el` with clean inline content. Used as
/// `<p use:inline=content/>`.
pub fn inline(el: Element, content: Rich) {
    el.replace_children_with_node_0();
    if let Some(doc) = el.owner_document() {
        build(&doc, &el, &content);
    }
}
