//! What the fuzz targets share: the native stand-ins for the browser's
//! DOMParser (html5ever, scripting off) and XML reader (roxmltree), read
//! into `sanitize::Raw` as `browser::parse_html`/`parse_xml` read the DOM,
//! as tests/support/mod.rs does for the native tests.

use dateline::limits::READ_DEPTH;
use dateline::sanitize::Raw;
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{parse_document, ParseOpts};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

pub fn raw_body(html: &str) -> Vec<Raw> {
    let opts = ParseOpts { tree_builder: TreeBuilderOpts { scripting_enabled: false, ..Default::default() }, ..Default::default() };
    let dom = parse_document(RcDom::default(), opts).one(html);
    let child = |n: &Handle, name: &str| n.children.borrow().iter().find(|c| matches!(&c.data, NodeData::Element { name: n, .. } if &*n.local == name)).cloned();
    let Some(body) = child(&dom.document, "html").and_then(|h| child(&h, "body")) else { return Vec::new() };
    read_children(&body, 0)
}

fn read(node: &Handle, depth: usize) -> Raw {
    match &node.data {
        NodeData::Element { name, attrs, .. } => {
            if depth >= READ_DEPTH {
                return Raw::Text(String::new());
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

pub fn raw_xml(xml: &str) -> Option<Raw> {
    let opts = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(xml, opts).ok()?;
    Some(read_xml(doc.root_element(), 0))
}

fn read_xml(node: roxmltree::Node, depth: usize) -> Raw {
    if node.is_text() {
        return Raw::Text(node.text().unwrap_or("").to_string());
    }
    if !node.is_element() || depth >= READ_DEPTH {
        return Raw::Other;
    }
    let attrs = node.attributes().map(|a| (a.name().to_string(), a.value().to_string())).collect();
    let name = match node.tag_name().namespace().and_then(|ns| node.lookup_prefix(ns)) {
        Some(p) if !p.is_empty() => format!("{p}:{}", node.tag_name().name()),
        _ => node.tag_name().name().to_string(),
    };
    Raw::Element { name, attrs, children: node.children().map(|c| read_xml(c, depth + 1)).collect() }
}
