//! Native tests: Dateline article JSON and JSON Feed listings convert into
//! the internal model with every field, and bad documents fail with an error
//! that names the field.
#![cfg(not(target_arch = "wasm32"))]

use dateline::formats::dateline::parse_article;
use dateline::formats::jsonfeed::parse_listing;
use dateline::text::excerpt;
use dateline::formats::FormatError;
use dateline::model::{Block, Card, Tag};
use serde_json::{json, Value};

mod support;
use support::{fixture, html, kinds, paragraph_html, raw_body};

const DOC: &str = "https://news.example.com/api/articles/article.json";

fn article_value() -> Value {
    serde_json::from_str(&fixture("article.json")).unwrap()
}

#[test]
fn a_complete_article_converts_with_every_field() {
    let a = parse_article(&fixture("article.json"), DOC, &mut raw_body).unwrap();
    assert_eq!(a.id, "2025-05-18-diplomatic-tour");
    assert_eq!(a.url, "https://news.example.com/2025/05/18/diplomatic-tour/");
    assert_eq!(a.src, DOC);
    assert_eq!(a.title, "Pakistan Mirrors India’s Outreach, Sends Delegation on Global Tour");
    assert_eq!(a.summary.as_deref(), Some("Islamabad dispatches a cross-party team to five capitals, days after New Delhi’s own tour."));
    assert_eq!(a.published, 1_747_544_700_000); // 2025-05-18T05:05:00Z
    assert_eq!(a.modified, Some(1_747_554_000_000)); // 07:40Z
    assert_eq!(a.authors.len(), 1);
    assert_eq!(a.authors[0].name, "News Desk");
    assert_eq!(a.authors[0].url.as_deref(), Some("https://news.example.com/author/news-desk/"));
    assert_eq!(a.language.as_deref(), Some("en-IN"));
    assert_eq!(a.place.as_deref(), Some("Islamabad"));
    let img = a.image.as_ref().unwrap();
    assert_eq!(img.src, "https://news.example.com/api/articles/img/lead.svg", "_dateline.image wins over image, resolved");
    assert_eq!((img.width, img.height), (Some(1200), Some(675)));
    assert_eq!(img.caption.as_deref(), Some("The delegation leaves for its first stop."));
    assert_eq!(img.credit.as_deref(), Some("Illustration: Test"));
    assert_eq!(a.recent.as_deref(), Some("https://news.example.com/api/articles/recent.json"));
}

#[test]
fn blocks_convert_in_order_and_unknown_types_are_skipped() {
    let a = parse_article(&fixture("article.json"), DOC, &mut raw_body).unwrap();
    assert_eq!(kinds(&a.body), ["paragraph", "also_read", "heading", "quote", "list", "image", "paragraph"]);
    match &a.body[1] {
        Block::AlsoRead(c) => {
            assert_eq!(c.src.as_deref(), Some("https://news.example.com/api/articles/other.json"));
            assert_eq!(c.url.as_deref(), Some("https://news.example.com/2025/05/17/visa-warning/"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(a.body[2], Block::Heading("🧭 Setting the pace".into()));
    assert_eq!(a.body[3], Block::Quote { text: "We will take our case to every capital.".into(), cite: Some("A. Minister, on X".into()) });
    match &a.body[4] {
        Block::List { ordered, items } => {
            assert!(!ordered);
            assert_eq!(html(&items[0]), "first <b>item</b>", "item HTML is parsed and cleaned once, at load");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn rich_tags_win_and_are_trimmed_and_deduplicated() {
    let a = parse_article(&fixture("article.json"), DOC, &mut raw_body).unwrap();
    let names: Vec<&str> = a.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        ["India-Pakistan tensions", "Diplomacy", "OperationSindoor", "A very long tag name that keeps going well past any sensible chip width"]
    );
    assert_eq!(
        a.tags[0],
        Tag {
            name: "India-Pakistan tensions".into(),
            url: Some("https://news.example.com/tag/india-pakistan-tensions/".into()),
            src: Some("https://news.example.com/api/articles/tags/india-pakistan.json".into()),
        }
    );
}

#[test]
fn plain_string_tags_are_used_when_there_are_no_rich_tags() {
    let mut v = article_value();
    v["_dateline"].as_object_mut().unwrap().remove("tags");
    v["tags"] = json!(["Diplomacy", " terrorism ", "", "diplomacy", 5]);
    let a = parse_article(&v.to_string(), DOC, &mut raw_body).unwrap();
    let names: Vec<&str> = a.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Diplomacy", "terrorism"]);
}

/// The same case-insensitive rule in the browser (JavaScript's
/// `toLowerCase`; see tests/web.rs): Unicode lowercase, no case folding.
#[test]
fn tags_repeated_in_another_case_are_dropped_by_unicode_lowercase() {
    let mut v = article_value();
    v["_dateline"].as_object_mut().unwrap().remove("tags");
    v["tags"] = json!(["Économie", "ÉCONOMIE", "straße", "STRASSE", "ΟΔΟΣ", "οδος"]);
    let a = parse_article(&v.to_string(), DOC, &mut raw_body).unwrap();
    let names: Vec<&str> = a.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Économie", "straße", "STRASSE", "ΟΔΟΣ"]);
}

#[test]
fn also_read_section_keeps_cards_with_a_url_or_src() {
    let a = parse_article(&fixture("article.json"), DOC, &mut raw_body).unwrap();
    assert_eq!(a.also_read.len(), 2);
    assert_eq!(a.also_read[0].image.as_deref(), Some("https://news.example.com/api/articles/img/thumb.svg"));
    assert_eq!(a.also_read[0].published, Some(1_747_472_400_000));
    assert_eq!(a.also_read[1].src, None, "no src: a plain link");
}

#[test]
fn also_read_section_falls_back_to_the_inline_cards() {
    let mut v = article_value();
    v["_dateline"].as_object_mut().unwrap().remove("also_read");
    let a = parse_article(&v.to_string(), DOC, &mut raw_body).unwrap();
    assert_eq!(a.also_read.len(), 1);
    assert_eq!(a.also_read[0].title, "Embassy Warns Visitors About Overstaying Visas");
}

#[test]
fn each_missing_required_field_is_named() {
    for field in ["id", "url", "title", "date_published"] {
        let mut v = article_value();
        v.as_object_mut().unwrap().remove(field);
        assert_eq!(parse_article(&v.to_string(), DOC, &mut raw_body), Err(FormatError::Missing(field)), "without {field}");
        v[field] = Value::Null;
        assert_eq!(parse_article(&v.to_string(), DOC, &mut raw_body), Err(FormatError::Missing(field)), "{field}: null");
        v[field] = json!("   ");
        assert_eq!(parse_article(&v.to_string(), DOC, &mut raw_body), Err(FormatError::Missing(field)), "{field}: blank");
    }
}

#[test]
fn each_ill_typed_required_field_is_named() {
    for field in ["id", "url", "title", "date_published"] {
        let mut v = article_value();
        v[field] = json!({"not": "a string"});
        let err = parse_article(&v.to_string(), DOC, &mut raw_body).unwrap_err();
        assert_eq!(err, FormatError::WrongType { field, expected: "a string" });
        assert_eq!(err.field(), Some(field));
    }
}

#[test]
fn a_numeric_id_is_accepted_as_found_in_real_feeds() {
    let mut v = article_value();
    v["id"] = json!(12345);
    assert_eq!(parse_article(&v.to_string(), DOC, &mut raw_body).unwrap().id, "12345");
}

#[test]
fn bad_dates_and_urls_are_named() {
    let mut v = article_value();
    v["date_published"] = json!("18 May 2025");
    assert_eq!(parse_article(&v.to_string(), DOC, &mut raw_body), Err(FormatError::BadDate("date_published")));
    let mut v = article_value();
    v["url"] = json!("javascript:alert(1)");
    assert_eq!(parse_article(&v.to_string(), DOC, &mut raw_body), Err(FormatError::BadUrl("url")));
}

#[test]
fn ill_typed_optional_fields_hide_their_part_only() {
    let mut v = article_value();
    v["summary"] = json!(42);
    v["authors"] = json!("News Desk");
    v["date_modified"] = json!("yesterday");
    v["language"] = json!("not a locale!");
    v["_dateline"]["place"] = json!(["Islamabad"]);
    v["_dateline"]["image"] = json!({"src": "javascript:x"});
    v["_dateline"]["blocks"][0] = json!("not a block");
    v["_dateline"]["tags"] = json!({"name": "x"});
    v["tags"] = json!("x");
    v["_dateline"]["recent"] = json!(false);
    let a = parse_article(&v.to_string(), DOC, &mut raw_body).unwrap();
    assert_eq!(a.summary, None);
    assert!(a.authors.is_empty());
    assert_eq!(a.modified, None);
    assert_eq!(a.language, None);
    assert_eq!(a.place, None);
    // _dateline.image is unusable, so the item-level image is used.
    assert_eq!(a.image.as_ref().map(|i| i.src.as_str()), Some("https://news.example.com/img/fallback-lead.jpg"));
    assert_eq!(a.body.len(), 6);
    assert!(a.tags.is_empty());
    assert_eq!(a.recent, None);
}

#[test]
fn bad_list_elements_are_skipped_and_the_others_kept() {
    let mut v = article_value();
    v["authors"] = json!(["News Desk", null, {"name": "Second Author"}]);
    let plain_card = v["_dateline"]["also_read"][1].clone();
    v["_dateline"]["also_read"] = json!([42, plain_card, [], {"title": "No link"}]);
    v["_dateline"]["blocks"][4]["items"] = json!(["one", 2, {"three": 3}, "four", 5.5]);
    v["_dateline"]["tags"] = json!([{"name": "Kept"}, "not an object", {"name": 1.5}, {"name": "Also kept"}]);
    let a = parse_article(&v.to_string(), DOC, &mut raw_body).unwrap();
    let authors: Vec<&str> = a.authors.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(authors, ["Second Author"]);
    let cards: Vec<&str> = a.also_read.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(cards, ["A story with no in-place source"]);
    match &a.body[4] {
        Block::List { items, .. } => assert_eq!(items.iter().map(|r| html(r)).collect::<Vec<_>>(), ["one", "four"]),
        other => panic!("{other:?}"),
    }
    let tags: Vec<&str> = a.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tags, ["Kept", "Also kept"]);
}

#[test]
fn numbers_that_are_not_integers_fit_no_field() {
    for id in [json!(1.5), json!(1e3), json!(9_223_372_036_854_775_808u64)] {
        let mut v = article_value();
        v["id"] = id.clone();
        assert_eq!(parse_article(&v.to_string(), DOC, &mut raw_body), Err(FormatError::WrongType { field: "id", expected: "a string" }), "{id}");
    }
    let mut v = article_value();
    v["_dateline"]["image"]["width"] = json!(1200.0);
    let img = parse_article(&v.to_string(), DOC, &mut raw_body).unwrap().image.unwrap();
    assert_eq!((img.src.as_str(), img.width, img.height), ("https://news.example.com/api/articles/img/lead.svg", None, None));
}

#[test]
fn a_key_given_twice_makes_its_object_unreadable_if_the_widget_reads_that_key() {
    let text = article_value().to_string();
    // At the top level the document cannot be trusted: it reads as damaged.
    let twice = text.replacen('{', r#"{"title":"Another title","#, 1);
    assert_eq!(parse_article(&twice, DOC, &mut raw_body), Err(FormatError::NotAnObject));
    // Inside `_dateline`, that object is dropped as if it were ill-typed.
    let twice = text.replacen(r#""_dateline":{"#, r#""_dateline":{"place":"Elsewhere","#, 1);
    let a = parse_article(&twice, DOC, &mut raw_body).unwrap();
    assert_eq!((a.place, a.recent), (None, None));
    assert_eq!(kinds(&a.body), ["paragraph"], "body falls back to content_html");
    // An unknown key given twice is ignored like any unknown key.
    let twice = text.replacen('{', r#"{"x":1,"x":[2],"#, 1);
    assert_eq!(parse_article(&twice, DOC, &mut raw_body).unwrap().title, "Pakistan Mirrors India’s Outreach, Sends Delegation on Global Tour");
}

#[test]
fn unknown_fields_are_ignored_everywhere() {
    let mut v = article_value();
    v["_dateline"]["future_field"] = json!({"a": [1, 2, {"b": null}]});
    v["_dateline"]["blocks"][0]["extra"] = json!(true);
    v["authors"][0]["avatar"] = json!("https://x/y.png");
    assert!(parse_article(&v.to_string(), DOC, &mut raw_body).is_ok());
}

#[test]
fn body_falls_back_to_content_html_then_content_text() {
    let mut v = article_value();
    v["_dateline"].as_object_mut().unwrap().remove("blocks");
    let a = parse_article(&v.to_string(), DOC, &mut raw_body).unwrap();
    assert_eq!(a.body.iter().map(paragraph_html).collect::<Vec<_>>(), ["Ignored because blocks are present."]);

    v.as_object_mut().unwrap().remove("content_html");
    v["content_text"] = json!("First para.\r\n\r\nSecond <para> & more.\n\n\n");
    let a = parse_article(&v.to_string(), DOC, &mut raw_body).unwrap();
    let html: Vec<String> = a.body.iter().map(paragraph_html).collect();
    assert_eq!(html, ["First para.", "Second &lt;para&gt; &amp; more."], "text stays text");
}

#[test]
fn json_feed_1_0_author_is_accepted() {
    let mut v = article_value();
    v.as_object_mut().unwrap().remove("authors");
    v["author"] = json!({"name": "Old Feed Author", "url": "https://old.example/"});
    let a = parse_article(&v.to_string(), DOC, &mut raw_body).unwrap();
    assert_eq!(a.authors[0].name, "Old Feed Author");
}

#[test]
fn malformed_json_and_non_objects_are_rejected() {
    assert!(matches!(parse_article(&fixture("malformed.json"), DOC, &mut raw_body), Err(FormatError::Syntax(_))));
    assert_eq!(parse_article("[]", DOC, &mut raw_body), Err(FormatError::NotAnObject));
    assert_eq!(parse_article(&fixture("missing-title.json"), DOC, &mut raw_body), Err(FormatError::Missing("title")));
}

#[test]
fn the_recent_feed_becomes_cards_and_skips_unusable_items() {
    let l = parse_listing(&fixture("recent.json"), "https://news.example.com/api/articles/recent.json", &mut raw_body).unwrap();
    assert_eq!(l.title.as_deref(), Some("Recent Posts"));
    assert_eq!(l.home_url.as_deref(), Some("https://news.example.com/"));
    let titles: Vec<&str> = l.items.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Immigration Raids Spark Fear in Minneapolis", "British Actor Praises Indian Cinema", "Court Hears Bail Plea"]);
    assert_eq!(
        l.items[1],
        Card {
            title: "British Actor Praises Indian Cinema".into(),
            url: Some("https://news.example.com/2026/01/14/actor/".into()),
            src: Some("https://news.example.com/api/articles/other.json".into()),
            image: None,
            summary: Some("January 14, 2026: Speaking at a festival, the actor…".into()),
            published: Some(1_768_370_400_000),
        }
    );
    assert_eq!(l.items[2].published, None, "a bad date hides the time only");
}

#[test]
fn feed_items_that_are_not_objects_are_skipped() {
    let feed = json!({"items": [1, "x", null, [], {"id": "a", "title": "Kept", "url": "https://news.example.com/a/"}]});
    let l = parse_listing(&feed.to_string(), DOC, &mut raw_body).unwrap();
    assert_eq!(l.items.iter().map(|c| c.title.as_str()).collect::<Vec<_>>(), ["Kept"]);
}

#[test]
fn a_feed_without_items_is_an_error() {
    assert_eq!(parse_listing(r#"{"version":"https://jsonfeed.org/version/1.1"}"#, DOC, &mut raw_body), Err(FormatError::Missing("items")));
    assert_eq!(
        parse_listing(r#"{"items": {}}"#, DOC, &mut raw_body),
        Err(FormatError::WrongType { field: "items", expected: "an array" })
    );
}

#[test]
fn excerpts_cut_at_a_word_and_end_with_an_ellipsis() {
    assert_eq!(excerpt("short  text\n", 50), "short text");
    assert_eq!(excerpt("one two three four five", 12), "one two…");
}

#[test]
fn the_publisher_is_read_from_dateline_publisher_trimmed_and_is_absent_otherwise() {
    let a = parse_article(&fixture("article.json"), DOC, &mut raw_body).unwrap();
    assert_eq!(a.publisher, None);
    let mut v = article_value();
    v["_dateline"]["publisher"] = json!("  The Frontier Ledger ");
    let a = parse_article(&v.to_string(), DOC, &mut raw_body).unwrap();
    assert_eq!(a.publisher.as_deref(), Some("The Frontier Ledger"));
    v["_dateline"]["publisher"] = json!("");
    assert_eq!(parse_article(&v.to_string(), DOC, &mut raw_body).unwrap().publisher, None);
}
