//! `formats::Steps`, the reading every document gets in the widget (its
//! HTML strings read one step at a time, the page given the main thread in
//! between), makes exactly what `parse_document` makes, from every real
//! document in the fixtures and from long and bad ones, and calls the HTML
//! parser no more often.
mod support;

use dateline::formats::{parse_document, FormatError, Steps};
use dateline::model::Doc;
use serde_json::json;
use support::{fixture, fixture_decoded, raw_body, raw_xml};

/// Both readings of `text`, each with the number of times it called the
/// HTML parser, and the number of steps `Steps` took.
fn both(text: &str, url: &str) -> ((Result<Doc, FormatError>, usize), (Result<Doc, FormatError>, usize), usize) {
    let mut calls = 0;
    let whole = parse_document(text, url, None, &mut |h: &str| { calls += 1; raw_body(h) }, &mut raw_xml);
    let whole = (whole, calls);
    let mut calls = 0;
    let mut parse = |h: &str| { calls += 1; raw_body(h) };
    let mut steps = Steps::new(text, url, None, &mut raw_xml);
    let mut n = 0;
    while steps.step(&mut parse) {
        n += 1;
    }
    let stepped = steps.finish(&mut parse);
    (whole, (stepped, calls), n)
}

fn documents() -> Vec<(String, String, &'static str)> {
    let mut docs = vec![
        (fixture("article.json"), "article.json".into(), "https://news.example.com/api/article.json"),
        (fixture("recent.json"), "recent.json".into(), "https://news.example.com/api/recent.json"),
        (fixture("missing-title.json"), "missing-title.json".into(), "https://news.example.com/api/x.json"),
        (fixture("feeds/news.rss"), "feeds/news.rss".into(), "https://news.example.com/feed.rss"),
        (fixture("feeds/news.atom"), "feeds/news.atom".into(), "https://news.example.com/feed.atom"),
        (fixture("feeds/news.json"), "feeds/news.json".into(), "https://news.example.com/feed.json"),
    ];
    for dir in ["wordpress", "jsonfeed", "rss-atom"] {
        let mut names: Vec<_> = std::fs::read_dir(format!("{}/tests/fixtures/{dir}", env!("CARGO_MANIFEST_DIR"))).unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".json") || n.ends_with(".xml"))
            .collect();
        names.sort();
        for n in names {
            let url = if n.contains("posts-collection") || n.contains("posts-embed") { "https://s.example/wp-json/wp/v2/posts?_embed" } else { "https://s.example/feed" };
            docs.push((fixture_decoded(&format!("{dir}/{n}")), format!("{dir}/{n}"), url));
        }
    }
    docs
}

#[test]
fn steps_read_every_fixture_as_parse_document_does_parsing_each_string_once() {
    let docs = documents();
    assert!(docs.len() >= 20, "{} documents", docs.len());
    let mut with_html = 0;
    for (text, name, url) in &docs {
        let (whole, stepped, n) = both(text, url);
        assert_eq!(stepped.0, whole.0, "{name}");
        assert_eq!(stepped.1, whole.1, "{name}: parser calls");
        with_html += usize::from(n > 0);
    }
    assert!(with_html >= 15, "only {with_html} documents had HTML to step through");
}

#[test]
fn four_hundred_heavy_paragraphs_take_four_hundred_steps_and_keep_the_document_budget() {
    let blocks: Vec<_> = (0..400).map(|_| json!({"type": "paragraph", "html": "<b>x</b>".repeat(650)})).collect();
    let doc = json!({"id": "b", "url": "https://news.example/b", "title": "Bad data", "date_published": "2025-05-18T10:05:00Z",
                     "_dateline": {"blocks": blocks}}).to_string();
    let (whole, stepped, n) = both(&doc, "https://news.example/b.json");
    assert_eq!(n, 400);
    assert!(matches!(&whole.0, Ok(Doc::Article(a)) if a.body.len() == 400));
    assert_eq!(stepped, whole);
}

fn story(blocks: Vec<serde_json::Value>) -> String {
    json!({"id": "b", "url": "https://news.example/b", "title": "Long", "date_published": "2025-05-18T10:05:00Z",
           "_dateline": {"blocks": blocks}}).to_string()
}

#[test]
fn a_thousand_html_paragraphs_are_read_as_far_as_the_block_limit_and_no_further() {
    let doc = story((0..1000).map(|i| json!({"type": "paragraph", "html": format!("<b>{i}</b>")})).collect());
    let (whole, stepped, n) = both(&doc, "https://news.example/b.json");
    assert_eq!(whole.1, dateline::limits::MAX_BLOCKS, "the one pass parses the first 400");
    assert_eq!(n, dateline::limits::MAX_BLOCKS, "so do the steps");
    assert_eq!(stepped, whole);
}

#[test]
fn paragraphs_that_turn_out_empty_are_made_up_for_in_the_one_pass_order() {
    // The first 100 hold only a script (nothing once pre-parsed): both
    // readings go on to paragraph 500, the steps having listed 400.
    let mut blocks: Vec<_> = (0..100).map(|_| json!({"type": "paragraph", "html": "<script>x()</script>"})).collect();
    blocks.extend((0..900).map(|i| json!({"type": "paragraph", "html": format!("<i>{i}</i>")})));
    let (whole, stepped, n) = both(&story(blocks), "https://news.example/b.json");
    assert_eq!(n, dateline::limits::MAX_BLOCKS);
    assert!(matches!(&whole.0, Ok(Doc::Article(a)) if a.body.len() == dateline::limits::MAX_BLOCKS));
    assert_eq!(stepped, whole);
}

#[test]
fn bad_documents_read_the_same_in_steps() {
    let deep = story(vec![json!({"type": "paragraph", "html": format!("{}deep{}", "<b>".repeat(10_000), "</b>".repeat(10_000))})]);
    let nested = json!({"id": "c", "url": "https://news.example/c", "title": "Nested", "date_published": "2025-05-18T10:05:00Z",
                        "content_html": format!("{}<p>core</p>{}", "<div>".repeat(40_000), "</div>".repeat(40_000))}).to_string();
    let many = story((0..50_000).map(|_| json!({"type": "paragraph", "text": "x"})).collect());
    let typed = json!({"id": 5, "url": "https://news.example/n", "title": "Typed wrong", "date_published": "2025-05-18T10:05:00Z",
                       "summary": 12, "_dateline": {"blocks": [{"type": "paragraph", "html": ["x"]}, {"type": "paragraph", "html": "<b>kept</b>"}]}}).to_string();
    let feed = format!(r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed</title><link>https://news.example/</link>{}</channel></rss>"#,
        (0..60).map(|i| format!("<item><title>S{i}</title><link>https://news.example/s{i}</link><description>d{i}</description><content:encoded><![CDATA[{}]]></content:encoded></item>", "<p>a <b>b</b></p>".repeat(200))).collect::<String>());
    for (name, doc) in [("deep", deep), ("nested", nested), ("many", many), ("typed", typed), ("feed", feed)] {
        let (whole, stepped, _) = both(&doc, "https://news.example/x.json");
        assert!(whole.0.is_ok(), "{name}: {:?}", whole.0);
        assert_eq!(stepped.0, whole.0, "{name}");
        assert_eq!(stepped.1, whole.1, "{name}: parser calls");
    }
}

#[test]
fn a_document_without_html_takes_no_step_and_errors_stay_errors() {
    let plain = json!({"id": "p", "url": "https://news.example/p", "title": "Plain", "date_published": "2025-05-18T10:05:00Z",
                       "_dateline": {"blocks": [{"type": "paragraph", "text": "Body."}]}}).to_string();
    let (whole, stepped, n) = both(&plain, "https://news.example/p.json");
    assert_eq!(n, 0);
    assert!(matches!(whole.0, Ok(Doc::Article(_))));
    assert_eq!(stepped, whole);
    for bad in ["null", "[1", "\"x\"", "<html><body>page</body></html>", "<rss><channel>"] {
        let (whole, stepped, _) = both(bad, "https://news.example/x");
        assert!(whole.0.is_err(), "{bad}");
        assert_eq!(stepped, whole, "{bad}");
    }
}
