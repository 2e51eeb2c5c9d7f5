//! Native tests: real JSON Feed 1.0 and 1.1 documents are detected as
//! listings and convert with their fields, and a bare feed item is an
//! article.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use dateline::formats::detect::{parse_document, Format};
use dateline::model::Doc;
use dateline::model::{Article, Author, Block, Card, Listing};
use serde_json::Value;
use support::{raw_xml, fixture, raw_body};

const FB: &str = "jsonfeed/jsonfeed-rsparser-3960.json";
const DF: &str = "jsonfeed/jsonfeed-rsparser-DaringFireball.json";
const LD: &str = "jsonfeed/jsonfeed-feedjira-lukedorny.json";

fn listing(file: &str, url: &str) -> Listing {
    match parse_document(&fixture(file), url, None, &mut raw_body, &mut raw_xml) {
        Ok(Doc::Listing(l)) => (*l).clone(),
        other => panic!("{other:?}"),
    }
}

fn item(file: &str, i: usize, url: &str) -> Article {
    let feed: Value = serde_json::from_str(&fixture(file)).unwrap();
    match parse_document(&feed["items"][i].to_string(), url, None, &mut raw_body, &mut raw_xml) {
        Ok(Doc::Article(a)) => (*a).clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_version_1_1_feed_becomes_a_listing_with_every_item() {
    let l = listing(FB, "https://journal.3960.org/feed.json");
    assert_eq!(l.title.as_deref(), Some("fboës - Der Blog | Startseite"));
    assert_eq!(l.home_url.as_deref(), Some("https://journal.3960.org/"));
    assert_eq!(l.next_url, None);
    assert_eq!(l.items.len(), 20);
    assert_eq!(
        l.items[0],
        Card {
            title: "Lecker, lecker".into(),
            url: Some("https://journal.3960.org/posts/2020-02-21-lecker-lecker/".into()),
            // content_html: read in place from the feed itself.
            src: Some("https://journal.3960.org/feed.json#item=user/posts/2020-02-21-lecker-lecker/index.md".into()),
            image: Some("https://cdn.3960.org/favicon-192x192.png".into()),
            summary: Some("Da ist es zwar nicht ganz billig, dafür schmeckt's aber auch nicht.".into()),
            published: Some(1_582_304_886_000), // 2020-02-21T18:08:06+01:00
        }
    );
    assert_eq!(l.items[1].title, "„Sabine“ am Flughafen Amsterdam");
    assert_eq!(l.items[19].title, "Simplex, Duplex");
}

#[test]
fn a_version_1_feed_is_detected_by_its_version_url() {
    let l = listing(DF, "https://daringfireball.net/feeds/json");
    assert_eq!(l.title.as_deref(), Some("Daring Fireball"));
    assert_eq!(l.items.len(), 48);
    assert_eq!(l.items[0].title, "The Talk Show: ‘I Do Like Throwing a Baby’");
    assert_eq!(l.items[0].url.as_deref(), Some("https://daringfireball.net/linked/2017/06/26/the-talk-show-195"));
    assert_eq!(l.items[0].published, Some(1_498_524_857_000)); // 2017-06-27T00:54:17Z
    assert_eq!(l.items[47].title, "★ Update on The Talk Show Live From WWDC 2017");
}

#[test]
fn a_feed_with_escaped_uris_and_authors_lists_all_items() {
    let l = listing(LD, "https://lukedorny.com/feed");
    assert_eq!(l.title.as_deref(), Some("Luke Dorny's v6"));
    assert_eq!(l.home_url.as_deref(), Some("https://lukedorny.com/"));
    assert_eq!(l.items.len(), 30);
    assert_eq!(l.items[0].title, "New Font");
    assert_eq!(l.items[0].summary.as_deref(), Some("A Journey with links"));
    assert_eq!(l.items[0].published, Some(1_736_127_600_000)); // 2025-01-05T20:40:00-05:00
    assert_eq!(
        l.items[0].image.as_deref(),
        Some("https://lukedorny.com/media/pages/updates/new-font/4d77b179bd-1736211467/asketch1-500x-crop.jpg")
    );
}

#[test]
fn a_bare_version_1_1_item_is_an_article_with_its_html_body() {
    let a = item(FB, 0, "https://journal.3960.org/feed.json");
    assert_eq!(a.id, "user/posts/2020-02-21-lecker-lecker/index.md");
    assert_eq!(a.title, "Lecker, lecker");
    assert_eq!(a.published, 1_582_304_886_000);
    assert_eq!(a.authors, [Author { name: "Frank Boës".into(), url: Some("mailto:info@3960.org".into()) }]);
    assert_eq!(a.language.as_deref(), Some("de-DE"));
    let tags: Vec<&str> = a.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tags, ["Lustiges"]);
    match &a.body[0] {
        Block::Quote { text, .. } => assert!(text.starts_with("Da ist es zwar nicht ganz billig,"), "{text}"),
        other => panic!("the content_html body is rebuilt into blocks: {other:?}"),
    }
}

#[test]
fn a_bare_version_1_item_with_a_single_author_is_an_article() {
    let a = item(DF, 0, "https://daringfireball.net/feeds/json");
    assert_eq!(a.url, "https://daringfireball.net/linked/2017/06/26/the-talk-show-195");
    assert_eq!(a.authors, [Author { name: "John Gruber".into(), url: None }]);
    assert_eq!(a.modified, Some(1_498_524_860_000)); // 2017-06-27T00:54:20Z
}

#[test]
fn forcing_json_feed_on_a_feed_or_an_item_reads_each_as_what_it_is() {
    assert!(matches!(parse_document(&fixture(DF), "https://daringfireball.net/feeds/json", Some(Format::JsonFeed), &mut raw_body, &mut raw_xml), Ok(Doc::Listing(_))));
    let feed: Value = serde_json::from_str(&fixture(LD)).unwrap();
    let one = feed["items"][0].to_string();
    assert!(matches!(parse_document(&one, "https://lukedorny.com/feed", Some(Format::JsonFeed), &mut raw_body, &mut raw_xml), Ok(Doc::Article(_))));
}

#[test]
fn feed_items_with_content_open_in_place_from_the_feed_and_a_deep_link_takes_the_item() {
    let url = "https://journal.3960.org/feed.json";
    let l = listing(FB, url);
    assert_eq!(l.articles.len(), 20, "every item has content_html");
    let df = listing(DF, "https://daringfireball.net/feeds/json");
    assert_eq!(df.articles.len(), dateline::limits::MAX_FEED_ARTICLES, "48 items, the first 24 read in place");
    assert!(df.items[24..].iter().all(|c| c.src.is_none() && c.url.is_some()));
    let src = l.items[3].src.clone().unwrap();
    let a = l.articles.iter().find(|a| a.src == src).unwrap();
    assert_eq!(a.title, l.items[3].title);
    assert!(!a.body.is_empty());
    assert_eq!(a.recent.as_deref(), Some(url), "the rail is the feed itself");
    match parse_document(&fixture(FB), &src, None, &mut raw_body, &mut raw_xml) {
        Ok(Doc::Article(b)) => assert_eq!(*b, **a),
        other => panic!("{other:?}"),
    }
    // Items with only a summary (Luke Dorny's feed has content_html, the
    // Dateline demo's recent.json does not) keep their link or their src.
    let recent = dateline::formats::jsonfeed::parse_listing(&fixture("recent.json"), "https://news.example.com/recent.json", &mut raw_body).unwrap();
    assert!(recent.articles.is_empty());
    assert!(recent.items.iter().all(|c| c.src.as_deref().is_none_or(|s| !s.contains("#item="))));
}

#[test]
fn an_item_read_from_its_feed_is_published_by_the_feed_and_a_bare_item_by_nobody_named() {
    let l = listing(FB, "https://journal.3960.org/feed.json");
    assert!(l.articles.iter().all(|a| a.publisher.as_deref() == Some("fboës - Der Blog | Startseite")), "the feed's title");
    assert_eq!(item(FB, 0, "https://journal.3960.org/item.json").publisher, None, "an item alone does not know its feed");
    // An item's own _dateline.publisher wins over the feed's title.
    let mut feed: Value = serde_json::from_str(&fixture(FB)).unwrap();
    feed["items"][0]["_dateline"] = serde_json::json!({ "publisher": "Der Blog" });
    let l = match parse_document(&feed.to_string(), "https://journal.3960.org/feed.json", None, &mut raw_body, &mut raw_xml) {
        Ok(Doc::Listing(l)) => l,
        other => panic!("{other:?}"),
    };
    assert_eq!(l.articles[0].publisher.as_deref(), Some("Der Blog"));
    assert_eq!(l.articles[1].publisher.as_deref(), Some("fboës - Der Blog | Startseite"));
}
