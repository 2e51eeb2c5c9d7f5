//! The HTML-to-blocks conversion: the pre-parse pass, html5ever (standing in
//! for DOMParser), then `blocks::from_html` and `blocks::inline_from_html`.
//! No panic; the pass's output never carries an event handler or a style
//! attribute to the parser, and every URL in the result keeps an allowed
//! scheme.
#![no_main]
use dateline::blocks::{from_html, inline_from_html, no_link_src};
use dateline::model::{Block, Inline};
use dateline::preparse::{prepare, Budget};
use dateline::sanitize::Raw;
use dateline_fuzz::raw_body;
use libfuzzer_sys::fuzz_target;

fn no_handlers(nodes: &[Raw]) {
    for n in nodes {
        if let Raw::Element { name, attrs, children } = n {
            for (k, _) in attrs {
                let k = k.to_ascii_lowercase();
                assert!(!k.starts_with("on") && k != "style", "<{name} {k}> reached the parser");
            }
            assert!(!matches!(name.as_str(), "script" | "style" | "svg" | "math" | "template"), "<{name}> reached the parser");
            no_handlers(children);
        }
    }
}

fn url_ok(u: &str, mailto: bool) {
    assert!(u.starts_with("https://") || u.starts_with("http://") || (mailto && u.starts_with("mailto:")), "{u}");
}

fn inline_ok(nodes: &[Inline]) {
    for n in nodes {
        match n {
            Inline::Link { href, children, .. } => {
                url_ok(href, true);
                inline_ok(children);
            }
            Inline::Image { src, .. } => url_ok(src, false),
            Inline::Marked(_, c) => inline_ok(c),
            _ => {}
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let clean = prepare(&html, &mut Budget::default());
    let raw = raw_body(&clean);
    no_handlers(&raw);
    for b in from_html(raw.clone(), "https://news.example/a/b.json", &no_link_src) {
        match &b {
            Block::Paragraph(r) => inline_ok(r),
            Block::List { items, .. } => items.iter().for_each(|r| inline_ok(r)),
            Block::Image(i) => url_ok(&i.src, false),
            Block::Embed { url, .. } => url_ok(url, false),
            Block::AlsoRead(c) => c.url.iter().chain(c.src.iter()).for_each(|u| url_ok(u, true)),
            _ => {}
        }
    }
    if let Some(r) = inline_from_html(raw, "https://news.example/a/b.json") {
        inline_ok(&r);
    }
});
