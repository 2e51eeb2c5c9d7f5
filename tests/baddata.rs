//! Bad data through `formats::parse_document` (with the pre-parse pass, and
//! html5ever standing in for DOMParser; the widget's reading in steps makes
//! the same documents, tests/steps.rs): each
//! case is a bounded model or a clear error, never a panic. The same cases
//! run in the browser in tests/e2e/baddata.test.mjs.
mod support;

use dateline::formats::{parse_document, FormatError};
use dateline::limits::{MAX_BLOCKS, MAX_HTML_DEPTH, MAX_TAGS, MAX_TEXT_CHARS, MAX_TITLE_CHARS};
use dateline::model::{Article, Block, Doc, Inline};
use serde_json::{json, Value};
use support::raw_body;

const URL: &str = "https://news.example/api/b.json";

fn parse(text: &str) -> Result<Doc, FormatError> {
    parse_document(text, URL, None, &mut |h: &str| raw_body(h), &mut |_: &str| None)
}

fn article(v: Value) -> Article {
    match parse(&v.to_string()) {
        Ok(Doc::Article(a)) => (*a).clone(),
        other => panic!("not an article: {other:?}"),
    }
}

fn base() -> Value {
    json!({"id": "b", "url": "https://news.example/b", "title": "Bad data", "date_published": "2025-05-18T10:05:00Z",
           "_dateline": {"blocks": [{"type": "paragraph", "text": "Body."}]}})
}

fn depth(nodes: &[Inline]) -> usize {
    nodes.iter().map(|n| match n {
        Inline::Marked(_, c) | Inline::Link { children: c, .. } => 1 + depth(c),
        _ => 0,
    }).max().unwrap_or(0)
}

#[test]
fn a_megabyte_title_and_a_huge_summary_are_cut_to_their_bounds() {
    let mut v = base();
    v["title"] = json!("T".repeat(1 << 20));
    let a = article(v);
    assert_eq!(a.title.chars().count(), MAX_TITLE_CHARS + 1);
    assert!(a.title.ends_with('…'));
    let mut v = base();
    v["summary"] = json!("lorem ipsum ".repeat(131_072));
    assert_eq!(article(v).summary.unwrap().chars().count(), MAX_TEXT_CHARS + 1);
}

#[test]
fn ten_thousand_tags_and_fifty_thousand_blocks_are_capped() {
    let mut v = base();
    v["_dateline"]["tags"] = json!((0..10_000).map(|i| json!({"name": format!("tag {i}")})).collect::<Vec<_>>());
    v["_dateline"]["blocks"] = json!((0..50_000).map(|_| json!({"type": "paragraph", "text": "x"})).collect::<Vec<_>>());
    let a = article(v);
    assert_eq!(a.tags.len(), MAX_TAGS);
    assert_eq!(a.body.len(), MAX_BLOCKS);
}

#[test]
fn four_hundred_paragraphs_of_650_elements_share_one_element_budget() {
    let mut v = base();
    v["_dateline"]["blocks"] = json!((0..400).map(|_| json!({"type": "paragraph", "html": "<b>x</b>".repeat(650)})).collect::<Vec<_>>());
    let a = article(v);
    let marked: usize = a.body.iter().map(|b| match b {
        Block::Paragraph(r) => r.iter().filter(|n| matches!(n, Inline::Marked(..))).count(),
        _ => 0,
    }).sum();
    assert_eq!(marked, dateline::limits::MAX_HTML_ELEMENTS, "then text only");
    assert_eq!(a.body.len(), 400, "every paragraph keeps its text");
}

#[test]
fn deep_nesting_is_flattened_before_the_parser_and_the_text_kept() {
    for (tag, n) in [("b", 10_000), ("i", 100_000)] {
        let mut v = base();
        v["_dateline"]["blocks"] = json!([{"type": "paragraph", "html": format!("{}deep{}", format!("<{tag}>").repeat(n), format!("</{tag}>").repeat(n))}]);
        let a = article(v);
        let Block::Paragraph(r) = &a.body[0] else { panic!("{:?}", a.body) };
        assert!(depth(r) <= MAX_HTML_DEPTH, "{tag}: {}", depth(r));
        assert_eq!(dateline::model::plain(r), "deep");
    }
    let html = format!("{}<p>core</p>{}", "<div>".repeat(40_000), "</div>".repeat(40_000));
    let a = article(json!({"id": "c", "url": "https://news.example/c", "title": "Nested", "date_published": "2025-05-18T10:05:00Z", "content_html": html}));
    assert!(matches!(&a.body[..], [Block::Paragraph(r)] if dateline::model::plain(r) == "core"), "{:?}", a.body);
}

#[test]
fn impossible_dates_are_a_clear_error_and_extreme_ones_parse() {
    let mut v = base();
    v["date_published"] = json!("2025-13-45T00:00:00Z");
    assert_eq!(parse(&v.to_string()).err(), Some(FormatError::BadDate("date_published")));
    for d in ["9999-12-31T23:59:59Z", "1969-07-20T20:17:40Z", "0001-01-01T00:00:00Z"] {
        v["date_published"] = json!(d);
        assert!(parse(&v.to_string()).is_ok(), "{d}");
    }
}

#[test]
fn negative_and_huge_image_sizes_are_dropped() {
    let mut v = base();
    v["_dateline"]["image"] = json!({"src": "/i.jpg", "width": -800, "height": 1e12});
    v["_dateline"]["blocks"] = json!([{"type": "image", "src": "/j.jpg", "width": 4_294_967_296u64, "height": -1},
                                      {"type": "paragraph", "html": "<img src=\"/k.jpg\" width=\"-5\" height=\"99999999\">"}]);
    let a = article(v);
    let lead = a.image.unwrap();
    assert_eq!((lead.width, lead.height), (None, None));
    assert!(matches!(&a.body[0], Block::Image(i) if i.width.is_none() && i.height.is_none()));
}

#[test]
fn wrong_types_hide_their_part_or_name_the_field() {
    let a = article(json!({"id": 5, "url": "https://news.example/n", "title": "Typed wrong", "date_published": "2025-05-18T10:05:00Z",
        "summary": 12, "language": ["en"], "authors": "me", "tags": "a,b", "image": 7,
        "_dateline": {"blocks": [{"type": "paragraph", "html": ["x"]}, {"type": "paragraph", "text": 42}, {"type": "list", "items": "x"},
                                 {"type": "paragraph", "text": "kept"}], "tags": [{"name": 3}, {"name": "ok"}]}}));
    assert_eq!((a.id.as_str(), a.summary, a.language, a.authors.len(), a.image), ("5", None, None, 0, None));
    assert_eq!(a.tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["ok"]);
    assert_eq!(a.body, vec![Block::Paragraph(vec![Inline::Text("kept".into())])]);
    let mut v = base();
    v["title"] = json!(["a"]);
    assert_eq!(parse(&v.to_string()).err(), Some(FormatError::WrongType { field: "title", expected: "a string" }));
}

#[test]
fn scalar_documents_are_errors() {
    for doc in ["null", "\"x\"", "1e999", "true", "0"] {
        assert!(matches!(parse(doc), Err(FormatError::NotAnObject | FormatError::Syntax(_))), "{doc}: {:?}", parse(doc));
    }
    // An empty array is an empty WordPress collection: a listing with no stories.
    assert!(matches!(parse("[]"), Ok(Doc::Listing(l)) if l.items.is_empty()));
}

#[test]
fn a_byte_order_mark_invalid_utf8_and_lone_surrogates_read_as_text() {
    let mut v = base();
    v["title"] = json!("With BOM");
    assert_eq!(article(serde_json::from_str(&format!("{v}")).unwrap()).title, "With BOM");
    assert!(matches!(parse(&format!("\u{feff}{v}")), Ok(Doc::Article(a)) if a.title == "With BOM"));
    // Invalid UTF-8 is replaced when the bytes are decoded (TextDecoder; here from_utf8_lossy).
    let bytes = [br#"{"id":"u","url":"https://news.example/u","date_published":"2025-05-18T10:05:00Z","title":"bad "#.as_slice(), &[0xff, 0xfe, 0xc3], br#" bytes"}"#].concat();
    assert!(matches!(parse(&String::from_utf8_lossy(&bytes)), Ok(Doc::Article(a)) if a.title.starts_with("bad \u{fffd}")));
    let lone = r#"{"id":"s","url":"https://news.example/s","date_published":"2025-05-18T10:05:00Z","title":"lone \ud800 and \udfff","summary":"x\udc00y"}"#;
    assert!(matches!(parse(lone), Ok(Doc::Article(a)) if a.title == "lone \u{fffd} and \u{fffd}" && a.summary.as_deref() == Some("x\u{fffd}y")));
}
