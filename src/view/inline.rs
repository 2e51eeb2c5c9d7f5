//! Clean inline content (`model::Inline`, which passed the allow-list when
//! its document was loaded) into DOM nodes, one `createElement` or
//! `createTextNode` at a time. Nothing is parsed here, and no HTML string
//! ever reaches the live document.

use super::dom::{el, text};
use crate::model::Inline;
use web_sys::Node;

/// Append clean inline content to `parent`.
pub fn inline(parent: &Node, nodes: &[Inline]) {
    for n in nodes {
        match n {
            Inline::Text(t) => text(parent, t),
            Inline::Break => {
                el(parent, "br", &[]);
            }
            Inline::Marked(mark, children) => inline(&el(parent, mark.tag(), &[]), children),
            Inline::Link { href, title, children } => {
                let a = el(parent, "a", &[("href", href), ("rel", "noopener noreferrer"), ("target", "_blank")]);
                if let Some(t) = title {
                    let _ = a.set_attribute("title", t);
                }
                inline(&a, children);
            }
            Inline::Image { src, alt, size } => {
                let img = el(parent, "img", &[("src", src), ("alt", alt), ("loading", "lazy"), ("decoding", "async"), ("referrerpolicy", "no-referrer")]);
                if let Some((w, h)) = size {
                    let _ = img.set_attribute("width", &w.to_string());
                    let _ = img.set_attribute("height", &h.to_string());
                }
            }
        }
    }
}
