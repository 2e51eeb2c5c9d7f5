//! The sanitizing policy (pure). Content HTML from a feed is parsed by the
//! browser's inert `DOMParser` into a `Raw` tree (see `view::rich`), then
//! rebuilt here into a `Clean` tree that contains only allow-listed elements
//! and attributes. The view creates DOM nodes from `Clean` one by one; no
//! HTML string is ever injected.
//!
//! Policy:
//! - Elements in the allow-list are kept with only the attributes they need.
//! - Elements whose content is code or foreign markup (`script`, `style`,
//!   `svg`, `template`, `iframe`, …) are dropped with their content, and so
//!   are forms (sign-up boxes in CMS bodies; also a DOM-clobbering vector).
//! - Every other element is unwrapped: its markup goes, its text stays.
//! - `href` may use http, https or mailto; `img src` http or https. A link
//!   with a refused `href` keeps its text; an image with a refused `src` goes.
//! - Links open in a new tab with `rel="noopener noreferrer"`.
//! - Depth and node count are bounded, so hostile nesting cannot exhaust the
//!   stack or the main thread.

use crate::url::{checked, Use};

/// Deeper elements are unwrapped (text kept).
pub const MAX_DEPTH: usize = 24;
/// Nodes after this many are dropped.
pub const MAX_NODES: usize = 20_000;

/// A parsed but untrusted node.
#[derive(Clone, Debug, PartialEq)]
pub enum Raw {
    Text(String),
    Element { name: String, attrs: Vec<(String, String)>, children: Vec<Raw> },
    /// Comments, processing instructions, doctypes: always dropped.
    Other,
}

/// A node that passed the policy.
#[derive(Clone, Debug, PartialEq)]
pub enum Clean {
    Text(String),
    Element { tag: &'static str, attrs: Vec<(&'static str, String)>, children: Vec<Clean> },
}

/// Where the HTML is going.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Inside a paragraph or list item: phrasing elements only.
    Inline,
    /// A whole body (`content_html`): block elements too.
    Flow,
}

enum Action {
    Keep(&'static str),
    Unwrap,
    Drop,
}

fn action(name: &str, ctx: Context) -> Action {
    let inline = match name {
        "a" => Some("a"),
        "b" => Some("b"),
        "strong" => Some("strong"),
        "i" => Some("i"),
        "em" => Some("em"),
        "u" => Some("u"),
        "s" => Some("s"),
        "br" => Some("br"),
        "img" => Some("img"),
        _ => None,
    };
    if let Some(tag) = inline {
        return Action::Keep(tag);
    }
    let flow = match name {
        "p" => Some("p"),
        "ul" => Some("ul"),
        "ol" => Some("ol"),
        "li" => Some("li"),
        "blockquote" => Some("blockquote"),
        "h1" | "h2" => Some("h2"),
        "h3" => Some("h3"),
        "h4" | "h5" | "h6" => Some("h4"),
        "figure" => Some("figure"),
        "figcaption" => Some("figcaption"),
        _ => None,
    };
    match (flow, ctx) {
        (Some(tag), Context::Flow) => Action::Keep(tag),
        (Some(_), Context::Inline) => Action::Unwrap,
        (None, _) if is_dropped(name) => Action::Drop,
        (None, _) => Action::Unwrap,
    }
}

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

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

fn dimension(v: Option<&str>) -> Option<String> {
    let v = v?.trim();
    (!v.is_empty() && v.len() <= 5 && v.bytes().all(|b| b.is_ascii_digit())).then(|| v.to_string())
}

/// The attributes an element keeps. `None` means the element cannot stand
/// (a link without a usable href is unwrapped, an image without a usable
/// src is dropped).
fn clean_attrs(tag: &'static str, attrs: &[(String, String)], base: &str) -> Option<Vec<(&'static str, String)>> {
    match tag {
        "a" => {
            let href = checked(base, attr(attrs, "href")?, Use::Link)?;
            let mut out = vec![("href", href), ("rel", "noopener noreferrer".into()), ("target", "_blank".into())];
            if let Some(t) = attr(attrs, "title").map(str::trim).filter(|t| !t.is_empty()) {
                out.push(("title", t.to_string()));
            }
            Some(out)
        }
        "img" => {
            let src = checked(base, attr(attrs, "src")?, Use::Image)?;
            let mut out = vec![("src", src), ("alt", attr(attrs, "alt").unwrap_or("").trim().to_string())];
            if let (Some(w), Some(h)) = (dimension(attr(attrs, "width")), dimension(attr(attrs, "height"))) {
                out.push(("width", w));
                out.push(("height", h));
            }
            out.push(("loading", "lazy".into()));
            out.push(("decoding", "async".into()));
            Some(out)
        }
        _ => Some(Vec::new()),
    }
}

struct Walk<'a> {
    ctx: Context,
    base: &'a str,
    budget: usize,
}

impl Walk<'_> {
    fn nodes(&mut self, nodes: Vec<Raw>, depth: usize, out: &mut Vec<Clean>) {
        for node in nodes {
            if self.budget == 0 {
                return;
            }
            self.budget -= 1;
            match node {
                Raw::Text(t) => push_text(out, t),
                Raw::Other => {}
                Raw::Element { name, attrs, children } => {
                    let name = name.to_ascii_lowercase();
                    match action(&name, self.ctx) {
                        Action::Drop => {}
                        Action::Unwrap => self.nodes(children, depth + 1, out),
                        Action::Keep(tag) => {
                            let kept = if depth >= MAX_DEPTH { None } else { clean_attrs(tag, &attrs, self.base) };
                            match kept {
                                Some(attrs) => {
                                    let mut inner = Vec::new();
                                    if !matches!(tag, "br" | "img") {
                                        self.nodes(children, depth + 1, &mut inner);
                                    }
                                    out.push(Clean::Element { tag, attrs, children: inner });
                                }
                                None if tag == "img" => {}
                                None => self.nodes(children, depth + 1, out),
                            }
                        }
                    }
                }
            }
        }
    }
}

fn push_text(out: &mut Vec<Clean>, text: String) {
    if text.is_empty() {
        return;
    }
    if let Some(Clean::Text(prev)) = out.last_mut() {
        prev.push_str(&text);
    } else {
        out.push(Clean::Text(text));
    }
}

/// Rebuild `nodes` through the allow-list for `ctx`. Relative URLs resolve
/// against `base`, the URL of the document the HTML came from.
pub fn sanitize(nodes: Vec<Raw>, ctx: Context, base: &str) -> Vec<Clean> {
    let mut out = Vec::new();
    Walk { ctx, base, budget: MAX_NODES }.nodes(nodes, 0, &mut out);
    out
}

/// The plain text of a clean tree (for labels and excerpts).
pub fn text_of(nodes: &[Clean]) -> String {
    let mut s = String::new();
    fn go(nodes: &[Clean], s: &mut String) {
        for n in nodes {
            match n {
                Clean::Text(t) => s.push_str(t),
                Clean::Element { tag: "br", .. } => s.push(' '),
                Clean::Element { children, .. } => go(children, s),
            }
        }
    }
    go(nodes, &mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn ct(s: &str) -> Clean {
        Clean::Text(s.into())
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
            sanitize(raw, Context::Inline, BASE),
            vec![
                ct("Text with "),
                Clean::Element { tag: "b", attrs: vec![], children: vec![ct("bold")] },
                ct(" and "),
                Clean::Element { tag: "i", attrs: vec![], children: vec![ct("italics")] },
            ]
        );
    }

    #[test]
    fn links_resolve_and_get_rel_noopener_and_a_new_tab() {
        let out = sanitize(vec![el("a", &[("href", "../2025/story/"), ("target", "_self")], vec![t("a link")])], Context::Inline, BASE);
        assert_eq!(
            out,
            vec![Clean::Element {
                tag: "a",
                attrs: vec![
                    ("href", "https://news.example.com/2025/story/".into()),
                    ("rel", "noopener noreferrer".into()),
                    ("target", "_blank".into())
                ],
                children: vec![ct("a link")]
            }]
        );
    }

    #[test]
    fn a_link_with_a_refused_scheme_keeps_its_text_only() {
        for href in ["javascript:alert(1)", "data:text/html,x", " jav\tascript:x", "vbscript:x"] {
            let out = sanitize(vec![el("a", &[("href", href)], vec![t("click")])], Context::Inline, BASE);
            assert_eq!(out, vec![ct("click")], "{href}");
        }
        let out = sanitize(vec![el("a", &[], vec![t("no href")])], Context::Inline, BASE);
        assert_eq!(out, vec![ct("no href")]);
    }

    #[test]
    fn images_need_an_http_src_and_keep_alt_and_size() {
        let out = sanitize(
            vec![
                el("img", &[("src", "javascript:x"), ("alt", "a")], vec![]),
                el("img", &[("src", "/i.jpg"), ("alt", " Lead "), ("width", "800"), ("height", "450"), ("onerror", "x()")], vec![]),
                el("img", &[("src", "https://c.example/i.jpg"), ("width", "100%"), ("height", "10")], vec![]),
            ],
            Context::Flow,
            BASE,
        );
        assert_eq!(
            out,
            vec![
                Clean::Element {
                    tag: "img",
                    attrs: vec![
                        ("src", "https://news.example.com/i.jpg".into()),
                        ("alt", "Lead".into()),
                        ("width", "800".into()),
                        ("height", "450".into()),
                        ("loading", "lazy".into()),
                        ("decoding", "async".into()),
                    ],
                    children: vec![]
                },
                Clean::Element {
                    tag: "img",
                    attrs: vec![
                        ("src", "https://c.example/i.jpg".into()),
                        ("alt", "".into()),
                        ("loading", "lazy".into()),
                        ("decoding", "async".into()),
                    ],
                    children: vec![]
                },
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
            t("kept"),
        ];
        assert_eq!(sanitize(raw, Context::Flow, BASE), vec![ct("kept")]);
    }

    #[test]
    fn unknown_elements_keep_their_text_and_lose_their_markup() {
        let raw = vec![el("div", &[("class", "wp-block")], vec![el("span", &[], vec![t("Hello ")]), el("marquee", &[], vec![t("world")])])];
        assert_eq!(sanitize(raw, Context::Flow, BASE), vec![ct("Hello world")]);
    }

    #[test]
    fn block_elements_are_unwrapped_inside_a_paragraph() {
        let raw = vec![el("p", &[], vec![t("one")]), el("h2", &[], vec![t(" two")])];
        assert_eq!(sanitize(raw, Context::Inline, BASE), vec![ct("one two")]);
    }

    #[test]
    fn flow_keeps_block_structure_and_maps_heading_levels_into_h2_to_h4() {
        let raw = vec![el("h1", &[], vec![t("A")]), el("h6", &[], vec![t("B")]), el("ul", &[], vec![el("li", &[], vec![t("C")])])];
        assert_eq!(
            sanitize(raw, Context::Flow, BASE),
            vec![
                Clean::Element { tag: "h2", attrs: vec![], children: vec![ct("A")] },
                Clean::Element { tag: "h4", attrs: vec![], children: vec![ct("B")] },
                Clean::Element { tag: "ul", attrs: vec![], children: vec![Clean::Element { tag: "li", attrs: vec![], children: vec![ct("C")] }] },
            ]
        );
    }

    #[test]
    fn comments_are_dropped_and_adjacent_text_merges() {
        let raw = vec![t("a"), Raw::Other, t("b")];
        assert_eq!(sanitize(raw, Context::Inline, BASE), vec![ct("ab")]);
    }

    #[test]
    fn hostile_nesting_is_flattened_past_the_depth_limit() {
        let mut node = t("deep");
        for _ in 0..500 {
            node = el("b", &[], vec![node]);
        }
        let out = sanitize(vec![node], Context::Inline, BASE);
        fn depth(n: &[Clean]) -> usize {
            n.iter()
                .map(|c| match c {
                    Clean::Text(_) => 0,
                    Clean::Element { children, .. } => 1 + depth(children),
                })
                .max()
                .unwrap_or(0)
        }
        assert_eq!(depth(&out), MAX_DEPTH);
        assert_eq!(text_of(&out), "deep");
    }

    #[test]
    fn node_count_is_bounded() {
        let raw: Vec<Raw> = (0..MAX_NODES + 50).map(|_| el("b", &[], vec![])).collect();
        assert_eq!(sanitize(raw, Context::Inline, BASE).len(), MAX_NODES);
    }

    #[test]
    fn emoji_sequences_and_curly_punctuation_survive() {
        let s = "🛡️ Pakistan’s “copycat” move – 🏳️‍🌈 | done";
        assert_eq!(sanitize(vec![t(s)], Context::Inline, BASE), vec![ct(s)]);
    }
}
