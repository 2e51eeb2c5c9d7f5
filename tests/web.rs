//! Browser tests (wasm-bindgen-test in headless Chromium): a widget mounted
//! on a real element renders into its shadow root, in-place navigation swaps
//! the article, and every DOMPurify XSS vector is neutralised by the one
//! content path: DOMParser, the allow-list into clean blocks, DOM nodes.
#![cfg(target_arch = "wasm32")]

use dateline::embed::mount;
use dateline::blocks::{from_html, inline_from_html, no_link_src};
use dateline::browser::parse_html;
use dateline::model::{Block, Inline};
use dateline::preparse::{prepare, Budget};
use dateline::net::seed;
use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const ARTICLE: &str = include_str!("fixtures/article.json");
const OTHER: &str = include_str!("fixtures/other.json");
const RECENT: &str = include_str!("fixtures/recent.json");
const XSS: &str = include_str!("fixtures/xss/dompurify-expect.json");

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: i32) {
    let p = Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

/// Wait (up to 3 s) until `selector` matches inside `root`.
async fn wait_for(root: &ShadowRoot, selector: &str) -> Element {
    for _ in 0..150 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        sleep(20).await;
    }
    panic!("{selector} never appeared; shadow root holds: {}", root.text_content().unwrap_or_default());
}

/// A fresh `[data-dateline]` element whose documents are already in the
/// page-wide cache, so no network is involved.
fn widget(base: &str) -> HtmlElement {
    let a = format!("{base}/article.json");
    seed(&a, ARTICLE).unwrap();
    seed(&format!("{base}/other.json"), OTHER).unwrap();
    seed(&format!("{base}/recent.json"), RECENT).unwrap();
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    el.set_attribute("data-dateline", "").unwrap();
    el.set_attribute("data-src", &a).unwrap();
    el.set_inner_text("Fallback link");
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// `Dateline.mount`'s options for a widget that starts at once wherever it
/// is: the test page stacks widgets far below its fold.
fn eager() -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"loading".into(), &"eager".into()).unwrap();
    o.into()
}

#[wasm_bindgen_test]
async fn a_fixture_article_renders_into_a_shadow_root_with_every_part() {
    let host = widget("https://parts.example/api");
    assert!(mount(&host, eager()));
    let root = host.shadow_root().expect("open shadow root");
    wait_for(&root, "[part~='recent-item']").await;
    for part in [
        "article", "headline", "standfirst", "dateline", "byline", "image", "body", "quote", "also-read-card", "also-read",
        "tags", "tag", "recent", "recent-item", "time",
    ] {
        assert!(root.query_selector(&format!("[part~='{part}']")).unwrap().is_some(), "part {part} is missing");
    }
    let headline = root.query_selector("[part~='headline']").unwrap().unwrap();
    assert_eq!(headline.tag_name(), "H2", "data-heading-level defaults to 2");
    assert_eq!(headline.text_content().unwrap(), "Pakistan Mirrors India’s Outreach, Sends Delegation on Global Tour");
    let time = root.query_selector("time[part~='time']").unwrap().unwrap();
    assert_eq!(time.get_attribute("datetime").unwrap(), "2025-05-18T05:05:00.000Z");
    assert!(!time.get_attribute("title").unwrap_or_default().is_empty(), "absolute date tooltip");
    // The hostile parts of the fixture's paragraph are gone.
    let body = root.query_selector("[part~='body']").unwrap().unwrap();
    assert!(body.query_selector("script, [onerror]").unwrap().is_none());
    assert!(body.query_selector("a[href^='javascript']").unwrap().is_none());
    // Styles come from one adopted constructable stylesheet, not a <style>.
    assert_eq!(root.adopted_style_sheets().length(), 1);
    assert!(root.query_selector("style").unwrap().is_none());
    // Mounting twice is refused.
    assert!(!mount(&host, eager()));
}

#[wasm_bindgen_test]
async fn data_heading_level_sets_the_headline_tag() {
    let host = widget("https://level.example/api");
    host.set_attribute("data-heading-level", "4").unwrap();
    assert!(mount(&host, eager()));
    let root = host.shadow_root().unwrap();
    let h = wait_for(&root, "[part~='headline']").await;
    assert_eq!(h.tag_name(), "H4");
    let section = wait_for(&root, "[part~='section-heading']").await;
    assert_eq!(section.tag_name(), "H5");
}

#[wasm_bindgen_test]
async fn clicking_an_also_read_card_swaps_in_the_other_article_and_focuses_it() {
    let host = widget("https://nav.example/api");
    assert!(mount(&host, eager()));
    let root = host.shadow_root().unwrap();
    let card: HtmlElement = wait_for(&root, "[part~='also-read-card'][data-src]").await.unchecked_into();
    card.click();
    for _ in 0..100 {
        let h = root.query_selector("[part~='headline']").unwrap().unwrap();
        if h.text_content().unwrap() == "Embassy Warns Visitors About Overstaying Visas" {
            sleep(50).await; // focus moves on the next animation frame
            let active = root.active_element().expect("focus is inside the widget");
            assert_eq!(active, h, "focus moves to the new headline");
            assert_eq!(h.get_attribute("tabindex").as_deref(), Some("-1"));
            let live = root.query_selector("[aria-live='polite']").unwrap().unwrap();
            assert_eq!(live.text_content().unwrap(), "Loaded: Embassy Warns Visitors About Overstaying Visas");
            return;
        }
        sleep(20).await;
    }
    panic!("the other article never replaced the first");
}

#[wasm_bindgen_test]
async fn an_element_without_data_src_is_left_alone() {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    el.set_attribute("data-dateline", "").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    assert!(!mount(&el, eager()));
    assert!(el.shadow_root().is_none());
}

#[wasm_bindgen_test]
async fn a_network_failure_shows_the_error_part_with_retry_and_keeps_the_fallback() {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    el.set_attribute("data-dateline", "").unwrap();
    // Port 9 (discard) on loopback refuses connections at once.
    el.set_attribute("data-src", "http://127.0.0.1:9/none.json").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    assert!(mount(&el, eager()));
    let root = el.shadow_root().unwrap();
    let err = wait_for(&root, "[part~='error']").await;
    assert_eq!(err.get_attribute("role").as_deref(), Some("alert"));
    assert!(err.text_content().unwrap().contains("could not be loaded"));
    assert!(root.query_selector("[part~='retry']").unwrap().is_some());
    assert!(root.query_selector("slot").unwrap().is_some(), "the publisher's fallback stays visible");
}

fn web_url(v: &str, title: &str, mailto: bool) {
    assert!(v.starts_with("https://") || v.starts_with("http://") || (mailto && v.starts_with("mailto:")), "{title}: URL {v}");
}

fn check_inline(nodes: &[Inline], title: &str) {
    for n in nodes {
        match n {
            Inline::Link { href, children, .. } => {
                web_url(href, title, true);
                check_inline(children, title);
            }
            Inline::Image { src, .. } => web_url(src, title, false),
            Inline::Marked(_, children) => check_inline(children, title),
            Inline::Text(_) | Inline::Break => {}
        }
    }
}

/// Every URL in the blocks passed the scheme rules; every paragraph and
/// list item is built into `container` the way the view builds it.
fn check_blocks(blocks: &[Block], title: &str, container: &Element) {
    let fill = |rich: &Vec<Inline>| {
        check_inline(rich, title);
        let el = document().create_element("p").unwrap();
        container.append_child(&el).unwrap();
        dateline::view::inline::inline(&el, rich);
    };
    for b in blocks {
        match b {
            Block::Paragraph(r) => fill(r),
            Block::List { items, .. } => items.iter().for_each(fill),
            Block::Image(i) => web_url(&i.src, title, false),
            Block::Embed { url, .. } => web_url(url, title, false),
            Block::AlsoRead(c) => c.url.iter().chain(c.src.iter()).for_each(|u| web_url(u, title, false)),
            Block::Heading(_) | Block::Quote { .. } | Block::Table { .. } => {}
        }
    }
}

#[wasm_bindgen_test]
async fn every_dompurify_vector_is_neutralised() {
    // Record anything that executes: alert/confirm/prompt, and a global flag.
    let window = web_sys::window().unwrap();
    let hits = js_sys::Array::new();
    let record = {
        let hits = hits.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |v: JsValue| {
            hits.push(&v);
        })
    };
    for name in ["alert", "confirm", "prompt", "print"] {
        Reflect::set(&window, &name.into(), record.as_ref()).unwrap();
    }

    let vectors: Vec<serde_json::Value> = serde_json::from_str(XSS).unwrap();
    assert_eq!(vectors.len(), 223);
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let base = "https://news.example.com/a.json";
    for v in &vectors {
        let title = v["title"].as_str().unwrap_or("?");
        let payload = v["payload"].as_str().unwrap_or("");
        // As a whole body (`content_html`, WordPress) and as one paragraph
        // (a Dateline block's `html`), built into the live document.
        let el = document().create_element("div").unwrap();
        container.append_child(&el).unwrap();
        check_blocks(&from_html(parse_html(payload), base, &no_link_src), title, &el);
        if let Some(rich) = inline_from_html(parse_html(payload), base) {
            check_blocks(&[Block::Paragraph(rich)], title, &el);
        }
        // And as the widget reads it: after the pre-parse pass.
        let prepared = prepare(payload, &mut Budget::default());
        check_blocks(&from_html(parse_html(&prepared), base, &no_link_src), title, &el);
        let bad = el
            .query_selector_all("script, style, iframe, object, embed, svg, math, form, base, link, meta, template, noscript")
            .unwrap();
        assert_eq!(bad.length(), 0, "{title}: a dangerous element survived");
        let all = el.query_selector_all("*").unwrap();
        for i in 0..all.length() {
            let e: Element = all.item(i).unwrap().unchecked_into();
            for name in e.get_attribute_names().iter() {
                let name = name.as_string().unwrap();
                assert!(!name.to_ascii_lowercase().starts_with("on"), "{title}: {name} survived");
            }
        }
    }
    // Give any event handler or timer that slipped through time to fire.
    sleep(300).await;
    assert_eq!(hits.length(), 0, "something executed: {:?}", hits.to_vec());
}

#[wasm_bindgen_test]
async fn a_failed_later_load_keeps_the_story_on_screen_without_rebuilding_it() {
    let src = "https://keep.example/api/b.json";
    // other.json's Also Read card, pointed at a document on the widget's own
    // origin (only those open in place) that cannot be loaded.
    seed(src, &OTHER.replace("\"src\": \"article.json\"", "\"src\": \"https://keep.example/api/dead.json\"")).unwrap();
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    el.set_attribute("data-dateline", "").unwrap();
    el.set_attribute("data-src", src).unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    assert!(mount(&el, eager()));
    let root = el.shadow_root().unwrap();
    let card: HtmlElement = wait_for(&root, "[part~='also-read-card'][data-src]").await.unchecked_into();
    let article_before = root.query_selector("[part~='article']").unwrap().unwrap();
    card.click();
    wait_for(&root, "[part~='error']").await;
    let article_after = root.query_selector("[part~='article']").unwrap().expect("the story stays");
    assert_eq!(article_after, article_before, "the article element was not rebuilt");
    assert_eq!(
        root.query_selector("[part~='headline']").unwrap().unwrap().text_content().unwrap(),
        "Embassy Warns Visitors About Overstaying Visas"
    );
}

/// Tag names are compared by `text::same_folded`, the same rule in the wasm
/// as in the native tests (tests/formats.rs).
#[wasm_bindgen_test]
fn tags_repeated_in_another_case_are_dropped_by_the_one_case_fold() {
    let doc = r#"{"id": "1", "url": "https://news.example.com/x", "title": "T", "date_published": "2025-05-18T10:00:00Z",
        "tags": ["Économie", "ÉCONOMIE", "straße", "STRASSE", "ΟΔΟΣ", "οδος"]}"#;
    let a = dateline::formats::dateline::parse_article(doc, "https://news.example.com/x.json", &mut parse_html).unwrap();
    let names: Vec<&str> = a.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Économie", "straße", "STRASSE", "ΟΔΟΣ"]);
}

/// The browser's XML reader gives the tree the native tests build with
/// roxmltree: prefixed names (`content:encoded`, `dc:creator`), CDATA as
/// text, so a real feed maps to the same listing (tests/feeds.rs).
#[wasm_bindgen_test]
fn a_real_rss_feed_read_by_domparser_maps_as_natively() {
    use dateline::browser::parse_xml;
    use dateline::formats::detect::parse_document;
    let feed = include_str!("fixtures/rss-atom/rss-rsparser-natasha.xml");
    let Ok(dateline::model::Doc::Listing(l)) = parse_document(feed, "https://x.example/feed", None, &mut parse_html, &mut parse_xml) else {
        panic!("not a listing")
    };
    assert_eq!(l.title.as_deref(), Some("Natasha The Robot"));
    assert_eq!(l.items.len(), 10);
    assert_eq!(l.items[0].url.as_deref(), Some("https://www.natashatherobot.com/url-apple-wallet-passkit-pass/"));
    assert_eq!(l.items[0].image.as_deref(), Some("https://www.natashatherobot.com/wp-content/uploads/Screen-Shot-2017-07-07-at-12.27.33-PM.png"));
    let Some(dateline::sanitize::Raw::Element { name, .. }) = parse_xml("<a:b xmlns:a=\"urn:x\"><![CDATA[<p>]]></a:b>") else { panic!() };
    assert_eq!(name, "a:b");
    assert_eq!(parse_xml("<rss><channel></rss>"), None, "a <parsererror> is no tree");
    assert_eq!(parse_xml("not xml"), None);
}

/// `Response.text()` decodes every body as UTF-8, whatever the XML
/// declaration says; `browser::decode` reads a windows-1251 feed's bytes
/// as the declaration says, as DOMParser would given bytes.
#[wasm_bindgen_test]
fn a_windows_1251_feed_is_decoded_by_its_declaration() {
    let decode = |b: &[u8]| dateline::browser::decode(&js_sys::Uint8Array::from(b)).unwrap();
    let text = decode(include_bytes!("fixtures/rss-atom/rss-nodefeedparser-oren-cp1251.xml"));
    assert!(text.contains("Новости Оренбурга"));
    assert_eq!(decode("{\"a\":\"é\"}".as_bytes()), "{\"a\":\"é\"}");
    assert_eq!(decode("\u{feff}{}".as_bytes()), "{}", "a byte order mark goes, as with text()");
}

/// What the browser's own `Intl.RelativeTimeFormat` says for `value` `unit`s
/// ago in `locale`, and its long date.
fn intl_says(locale: &str, value: f64, unit: &str) -> String {
    let f = js_sys::Function::new_with_args("l, v, u", "return new Intl.RelativeTimeFormat(l, { numeric: 'always' }).format(-v, u)");
    f.call3(&JsValue::NULL, &locale.into(), &value.into(), &unit.into()).unwrap().as_string().unwrap()
}

fn intl_date(locale: &str, ms: f64) -> String {
    let f = js_sys::Function::new_with_args("l, t", "return new Intl.DateTimeFormat(l, { dateStyle: 'long' }).format(t)");
    f.call2(&JsValue::NULL, &locale.into(), &ms.into()).unwrap().as_string().unwrap()
}

/// The relative-time table (time::relative_time's thresholds) put into
/// words by Intl in English, Hindi, Urdu and Arabic, with each catalogue's
/// "just now" under a minute and the date after a week: the widget's words
/// are the browser's own.
#[wasm_bindgen_test]
fn relative_times_match_intl_in_english_hindi_urdu_and_arabic() {
    use dateline::view::intl::relative;
    let now: i64 = 1_764_590_400_000; // 2025-12-01T12:00:00Z
    let (min, hour, day) = (60_000i64, 3_600_000i64, 86_400_000i64);
    for locale in ["en", "hi", "ur", "ar"] {
        assert_eq!(relative(now - 30_000, now, locale), dateline::i18n::messages(locale).just_now, "{locale}: under a minute");
        for (age, value, unit) in [
            (min, 1.0, "minute"),
            (59 * min + 59_000, 59.0, "minute"),
            (hour, 1.0, "hour"),
            (23 * hour, 23.0, "hour"),
            (day, 1.0, "day"),
            (6 * day + 23 * hour, 6.0, "day"),
        ] {
            assert_eq!(relative(now - age, now, locale), intl_says(locale, value, unit), "{locale}: {value} {unit}");
        }
        assert_eq!(relative(now - 7 * day, now, locale), intl_date(locale, (now - 7 * day) as f64), "{locale}: after a week, the date");
    }
}
