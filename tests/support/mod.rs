//! Shared by the native tests: fixtures, HTML → `Raw` through html5ever,
//! standing in for the browser's DOMParser (`browser::parse_html`), XML →
//! `Raw` through roxmltree, standing in for its XML reader
//! (`browser::parse_xml`), and
//! clean inline content written out as HTML, so assertions can read it.
#![allow(dead_code)] // each test file uses its own part

use dateline::model::Inline;
use dateline::sanitize::Raw;
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{parse_document, ParseOpts};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use dateline::limits::READ_DEPTH;

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// A fixture's bytes decoded as the widget decodes a fetched feed
/// (`formats::feed::declared_encoding`, then the browser's `TextDecoder`):
/// by the XML declaration's `encoding` (windows-1251, ISO-8859-1, which the
/// Encoding Standard reads as windows-1252), else UTF-8.
pub fn fixture_decoded(name: &str) -> String {
    let bytes = std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let label = dateline::formats::feed::declared_encoding(&bytes).unwrap_or("utf-8");
    let enc = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    enc.decode(&bytes).0.into_owned()
}

/// Parse `xml` as `DOMParser.parseFromString(xml, "application/xml")` does
/// and read its root element as `browser::parse_xml` does: names with the
/// prefix they were written with, CDATA as text, `READ_DEPTH` deep;
/// `None` if it is not well-formed.
pub fn raw_xml(xml: &str) -> Option<Raw> {
    let opts = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(xml, opts).ok()?;
    Some(read_xml(doc.root_element(), 0))
}

fn qualified(node: roxmltree::Node, ns: Option<&str>, local: &str) -> String {
    if ns == Some("http://www.w3.org/XML/1998/namespace") {
        return format!("xml:{local}");
    }
    match ns.and_then(|ns| node.lookup_prefix(ns)) {
        Some(p) if !p.is_empty() => format!("{p}:{local}"),
        _ => local.to_string(),
    }
}

fn read_xml(node: roxmltree::Node, depth: usize) -> Raw {
    if node.is_text() {
        return Raw::Text(node.text().unwrap_or("").to_string());
    }
    if !node.is_element() {
        return Raw::Other;
    }
    if depth >= READ_DEPTH {
        return Raw::Text(node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect());
    }
    let tag = node.tag_name();
    let attrs = node.attributes().map(|a| (qualified(node, a.namespace(), a.name()), a.value().to_string())).collect();
    let children = node.children().map(|c| read_xml(c, depth + 1)).collect();
    Raw::Element { name: qualified(node, tag.namespace(), tag.name()), attrs, children }
}

/// Parse `html` as a document body, as `DOMParser.parseFromString(html,
/// "text/html")` does. Scripting is off, as in a DOMParser document, so
/// `<noscript>` content is parsed as markup there too.
pub fn raw_body(html: &str) -> Vec<Raw> {
    let opts = ParseOpts { tree_builder: TreeBuilderOpts { scripting_enabled: false, ..Default::default() }, ..Default::default() };
    let dom = parse_document(RcDom::default(), opts).one(html);
    let html_el = element_child(&dom.document, "html").expect("html element");
    let body = element_child(&html_el, "body").expect("body element");
    read_children(&body, 0)
}

fn element_child(node: &Handle, name: &str) -> Option<Handle> {
    node.children.borrow().iter().find(|c| matches!(&c.data, NodeData::Element { name: n, .. } if &*n.local == name)).cloned()
}

fn read(node: &Handle, depth: usize) -> Raw {
    match &node.data {
        NodeData::Element { name, attrs, .. } => {
            if depth >= READ_DEPTH {
                return Raw::Text(text_content(node));
            }
            let attrs = attrs.borrow().iter().map(|a| (a.name.local.to_string(), a.value.to_string())).collect();
            Raw::Element { name: name.local.to_string(), attrs, children: read_children(node, depth + 1) }
        }
        NodeData::Text { contents } => Raw::Text(contents.borrow().to_string()),
        _ => Raw::Other,
    }
}

fn read_children(node: &Handle, depth: usize) -> Vec<Raw> {
    node.children.borrow().iter().map(|c| read(c, depth)).collect()
}

fn text_content(node: &Handle) -> String {
    let mut s = String::new();
    fn go(n: &Handle, s: &mut String) {
        if let NodeData::Text { contents } = &n.data {
            s.push_str(&contents.borrow());
        }
        for c in n.children.borrow().iter() {
            go(c, s);
        }
    }
    go(node, &mut s);
    s
}

/// Block kinds in order, by their `_dateline.blocks` type names.
pub fn kinds(blocks: &[dateline::model::Block]) -> Vec<&'static str> {
    use dateline::model::Block;
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(_) => "paragraph",
            Block::Heading(_) => "heading",
            Block::Quote { .. } => "quote",
            Block::List { .. } => "list",
            Block::Image(_) => "image",
            Block::AlsoRead(_) => "also_read",
            Block::Embed { .. } => "embed",
            Block::Table { .. } => "table",
        })
        .collect()
}

/// Clean inline content as the HTML the view's DOM will serialize to:
/// attributes in the order the view sets them, text and values escaped.
pub fn html(nodes: &[Inline]) -> String {
    fn esc(s: &str, out: &mut String) {
        for c in s.chars() {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '"' => out.push_str("&quot;"),
                c => out.push(c),
            }
        }
    }
    fn go(nodes: &[Inline], s: &mut String) {
        for n in nodes {
            match n {
                Inline::Text(t) => esc(t, s),
                Inline::Break => s.push_str("<br>"),
                Inline::Marked(m, children) => {
                    s.push_str(&format!("<{}>", m.tag()));
                    go(children, s);
                    s.push_str(&format!("</{}>", m.tag()));
                }
                Inline::Link { href, title, children } => {
                    s.push_str("<a href=\"");
                    esc(href, s);
                    s.push_str("\" rel=\"noopener noreferrer\" target=\"_blank\"");
                    if let Some(t) = title {
                        s.push_str(" title=\"");
                        esc(t, s);
                        s.push('"');
                    }
                    s.push('>');
                    go(children, s);
                    s.push_str("</a>");
                }
                Inline::Image { src, alt, size } => {
                    s.push_str("<img src=\"");
                    esc(src, s);
                    s.push_str("\" alt=\"");
                    esc(alt, s);
                    s.push('"');
                    if let Some((w, h)) = size {
                        s.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
                    }
                    s.push_str(" loading=\"lazy\" decoding=\"async\">");
                }
            }
        }
    }
    let mut s = String::new();
    go(nodes, &mut s);
    s
}

/// A paragraph's content as HTML (`html`).
pub fn paragraph_html(b: &dateline::model::Block) -> String {
    match b {
        dateline::model::Block::Paragraph(r) => html(r),
        other => panic!("not a paragraph: {other:?}"),
    }
}
