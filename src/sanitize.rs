//! The sanitizing policy (pure). Content HTML from a feed is parsed once,
//! when its document is loaded (by the browser's inert `DOMParser` in the
//! widget, `crate::browser::parse_html`; by html5ever in native tests), into
//! an untrusted `Raw` tree. `crate::blocks` turns that tree into blocks, and
//! the inline content of each paragraph and list item passes through
//! `inline` here, which keeps only the allow-list and yields the model's
//! clean `Inline` tree. The view creates DOM nodes from that tree; no HTML
//! string is ever injected, and nothing is parsed again.
//!
//! Policy:
//! - Kept: `a`, `b`, `strong`, `i`, `em`, `u`, `s`, `br`, `img`, with only
//!   the attributes they need.
//! - Elements whose content is code or foreign markup (`script`, `style`,
//!   `svg`, `template`, `iframe`, …) are dropped with their content, and so
//!   are forms (sign-up boxes in CMS bodies; also a DOM-clobbering vector).
//! - Every other element is unwrapped: its markup goes, its text stays.
//! - `href` may use http, https or mailto; `img src` http or https. A link
//!   with a refused `href` keeps its text; an image with a refused `src` goes.
//! - Links open in a new tab with `rel="noopener noreferrer"` (the view).
//! - Depth and node count are bounded (`crate::limits`), so hostile nesting
//!   cannot exhaust the stack or the main thread.

use crate::limits::{MAX_DEPTH, MAX_NODES};
use crate::model::{Inline, Mark};
use crate::url::{checked, Use};

/// A parsed but untrusted node.
#[derive(Clone, Debug, PartialEq)]
pub enum Raw {
    Text(String),
    Element { name: String, attrs: Vec<(String, String)>, children: Vec<Raw> },
    /// Comments, processing instructions, doctypes: always dropped.
    Other,
}

/// The HTML parser a format converts bodies with: an HTML string in, its
/// body's untrusted tree out.
pub type ParseHtml<'a> = &'a mut dyn FnMut(&str) -> Vec<Raw>;

/// The XML parser a feed is read with: an XML document in, its root
/// element's untrusted tree out (element and attribute names as written,
/// with their prefix; CDATA as text), or `None` if it is not well-formed.
pub type ParseXml<'a> = &'a mut dyn FnMut(&str) -> Option<Raw>;

/// Elements dropped with their content: code, foreign markup, media and
/// forms. `name` is lower-case.
pub fn is_dropped(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "template" | "noscript" | "iframe" | "frame" | "frameset" | "object" | "embed"
            | "applet" | "svg" | "math" | "title" | "textarea" | "select" | "option" | "head" | "meta" | "link"
            | "base" | "xmp" | "noembed" | "noframes" | "plaintext" | "canvas" | "audio" | "video" | "source"
            | "track" | "input" | "button" | "dialog" | "portal" | "slot" | "form"
    )
}

/// An attribute's value; names compare in ASCII case.
pub fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

fn dimension(v: Option<&str>) -> Option<u32> {
    let v = v?.trim();
    if v.is_empty() || v.len() > 5 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    crate::text::number(v).filter(|n| (1..=20_000).contains(n)).map(|n| n as u32)
}

fn mark(name: &str) -> Option<Mark> {
    Some(match name {
        "b" => Mark::Bold,
        "strong" => Mark::Strong,
        "i" => Mark::Italic,
        "em" => Mark::Em,
        "u" => Mark::Underline,
        "s" => Mark::Strike,
        _ => return None,
    })
}

struct Walk<'a> {
    base: &'a str,
    budget: usize,
}

impl Walk<'_> {
    fn nodes(&mut self, nodes: Vec<Raw>, depth: usize, out: &mut Vec<Inline>) {
        for node in nodes {
            if self.budget == 0 {
                return;
            }
            self.budget -= 1;
            let (name, attrs, children) = match node {
                Raw::Text(t) => {
                    push_text(out, t);
                    continue;
                }
                Raw::Other => continue,
                Raw::Element { mut name, attrs, children } => {
                    name.make_ascii_lowercase();
                    (name, attrs, children)
                }
            };
            if is_dropped(&name) {
                continue;
            }
            let deep = depth >= MAX_DEPTH;
            match name.as_str() {
                "br" if !deep => out.push(Inline::Break),
                "img" => {
                    if let Some(src) = attr(&attrs, "src").and_then(|s| checked(self.base, s, Use::Image)) {
                        if !deep {
                            let alt = attr(&attrs, "alt").unwrap_or("").trim().to_string();
                            let size = dimension(attr(&attrs, "width")).zip(dimension(attr(&attrs, "height")));
                            out.push(Inline::Image { src, alt, size });
                        }
                    }
                }
                "a" if !deep => match attr(&attrs, "href").and_then(|h| checked(self.base, h, Use::Link)) {
                    Some(href) => {
                        let title = attr(&attrs, "title").map(str::trim).filter(|t| !t.is_empty()).map(str::to_string);
                        let mut inner = Vec::new();
                        self.nodes(children, depth + 1, &mut inner);
                        out.push(Inline::Link { href, title, children: inner });
                    }
                    None => self.nodes(children, depth + 1, out),
                },
                n => match mark(n).filter(|_| !deep) {
                    Some(m) => {
                        let mut inner = Vec::new();
                        self.nodes(children, depth + 1, &mut inner);
                        out.push(Inline::Marked(m, inner));
                    }
                    None => self.nodes(children, depth + 1, out),
                },
            }
        }
    }
}

fn push_text(out: &mut Vec<Inline>, text: String) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text(prev)) = out.last_mut() {
        prev.push_str(&text);
    } else {
        out.push(Inline::Text(text));
    }
}

/// Rebuild untrusted inline nodes through the allow-list. Relative URLs
/// resolve against `base`, the URL the HTML was written for.
pub fn inline(nodes: Vec<Raw>, base: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    Walk { base, budget: MAX_NODES }.nodes(nodes, 0, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plain;

    const BASE: &str = "https://news.example.com/api/a.json";

    fn t(s: &str) -> Raw {
        Raw::Text(s.into())
    }
    fn el(name: &str, attrs: &[(&str, &str)], children: Vec<Raw>) -> Raw {
        Raw::Element {
            name: name.into(),
            attrs: attrs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            children,
        }
    }
    fn it(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn allowed_inline_markup_is_kept_without_extra_attributes() {
        let raw = vec![
            t("Text with "),
            el("b", &[("class", "x"), ("style", "color:red"), ("onclick", "evil()")], vec![t("bold")]),
            t(" and "),
            el("I", &[], vec![t("italics")]),
        ];
        assert_eq!(
            inline(raw, BASE),
            vec![it("Text with "), Inline::Marked(Mark::Bold, vec![it("bold")]), it(" and "), Inline::Marked(Mark::Italic, vec![it("italics")])]
        );
    }

    #[test]
    fn links_resolve_against_the_base_and_keep_only_a_title() {
        let out = inline(vec![el("a", &[("href", "../2025/story/"), ("target", "_self"), ("title", " T ")], vec![t("a link")])], BASE);
        assert_eq!(
            out,
            vec![Inline::Link { href: "https://news.example.com/2025/story/".into(), title: Some("T".into()), children: vec![it("a link")] }]
        );
    }

    #[test]
    fn a_link_with_a_refused_scheme_keeps_its_text_only() {
        for href in ["javascript:alert(1)", "data:text/html,x", " jav\tascript:x", "vbscript:x"] {
            let out = inline(vec![el("a", &[("href", href)], vec![t("click")])], BASE);
            assert_eq!(out, vec![it("click")], "{href}");
        }
        assert_eq!(inline(vec![el("a", &[], vec![t("no href")])], BASE), vec![it("no href")]);
    }

    #[test]
    fn images_need_an_http_src_and_keep_alt_and_a_size_pair() {
        let out = inline(
            vec![
                el("img", &[("src", "javascript:x"), ("alt", "a")], vec![]),
                el("img", &[("src", "/i.jpg"), ("alt", " Lead "), ("width", "800"), ("height", "450"), ("onerror", "x()")], vec![]),
                el("img", &[("src", "https://c.example/i.jpg"), ("width", "100%"), ("height", "10")], vec![]),
            ],
            BASE,
        );
        assert_eq!(
            out,
            vec![
                Inline::Image { src: "https://news.example.com/i.jpg".into(), alt: "Lead".into(), size: Some((800, 450)) },
                Inline::Image { src: "https://c.example/i.jpg".into(), alt: "".into(), size: None },
            ]
        );
    }

    #[test]
    fn code_and_foreign_markup_is_dropped_with_its_content() {
        let raw = vec![
            el("script", &[], vec![t("alert(1)")]),
            el("style", &[], vec![t("*{display:none}")]),
            el("svg", &[], vec![el("a", &[("href", "https://x.example")], vec![t("svg link")])]),
            el("template", &[], vec![t("hidden")]),
            el("noscript", &[], vec![el("p", &[("title", "</noscript><img src=x onerror=alert(1)>")], vec![])]),
            el("iframe", &[("src", "https://x.example")], vec![t("frame")]),
            el("FORM", &[], vec![t("sign up")]),
            t("kept"),
        ];
        assert_eq!(inline(raw, BASE), vec![it("kept")]);
    }

    #[test]
    fn unknown_and_block_elements_keep_their_text_and_lose_their_markup() {
        let raw = vec![el("div", &[("class", "wp-block")], vec![el("span", &[], vec![t("Hello ")]), el("marquee", &[], vec![t("world")])]), el("h2", &[], vec![t(" two")])];
        assert_eq!(inline(raw, BASE), vec![it("Hello world two")]);
    }

    #[test]
    fn comments_are_dropped_and_adjacent_text_merges() {
        assert_eq!(inline(vec![t("a"), Raw::Other, t("b")], BASE), vec![it("ab")]);
    }

    #[test]
    fn hostile_nesting_is_flattened_past_the_depth_limit() {
        let mut node = t("deep");
        for _ in 0..500 {
            node = el("b", &[], vec![node]);
        }
        let out = inline(vec![node], BASE);
        fn depth(n: &[Inline]) -> usize {
            n.iter()
                .map(|c| match c {
                    Inline::Marked(_, children) | Inline::Link { children, .. } => 1 + depth(children),
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert_eq!(depth(&out), MAX_DEPTH);
        assert_eq!(plain(&out), "deep");
    }

    #[test]
    fn node_count_is_bounded() {
        let raw: Vec<Raw> = (0..MAX_NODES + 50).map(|_| el("br", &[], vec![])).collect();
        assert_eq!(inline(raw, BASE).len(), MAX_NODES);
    }

    #[test]
    fn emoji_sequences_and_curly_punctuation_survive() {
        let s = "🛡️ Pakistan’s “copycat” move – 🏳️‍🌈 | done";
        assert_eq!(inline(vec![t(s)], BASE), vec![it(s)]);
    }
}
