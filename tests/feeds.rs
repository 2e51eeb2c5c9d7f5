//! RSS and Atom feeds into listings, against the real captured feeds in
//! tests/fixtures/rss-atom/ (provenance in its README), with roxmltree
//! standing in for the browser's DOMParser (`browser::parse_xml`).

mod support;

use dateline::formats::detect::{format_from_content_type, parse_document, Format};
use dateline::formats::FormatError;
use dateline::model::{Doc, Listing};
use dateline::time::parse_rfc3339;
use support::{fixture_decoded, raw_body, raw_xml};

fn listing(file: &str, url: &str) -> Listing {
    match parse_document(&fixture_decoded(&format!("rss-atom/{file}")), url, None, &mut raw_body, &mut raw_xml) {
        Ok(Doc::Listing(l)) => (*l).clone(),
        other => panic!("{file}: not a listing: {other:?}"),
    }
}

const URL: &str = "https://feeds.example/path/feed.xml";

fn at(rfc3339: &str) -> Option<i64> {
    Some(parse_rfc3339(rfc3339).unwrap())
}

/// (file, listing title, home, items, first item's title, url, date, image)
type Row = (&'static str, &'static str, &'static str, usize, &'static str, &'static str, Option<i64>, Option<&'static str>);

#[test]
fn every_real_feed_maps_its_title_home_item_count_and_first_item() {
    let rows: [Row; 12] = [
        ("rss-rsparser-natasha.xml", "Natasha The Robot", "https://www.natashatherobot.com/", 10,
            "The Easiest Way to Get a URL for your Apple Wallet Passkit Pass", "https://www.natashatherobot.com/url-apple-wallet-passkit-pass/",
            at("2017-07-07T11:06:10Z"), Some("https://www.natashatherobot.com/wp-content/uploads/Screen-Shot-2017-07-07-at-12.27.33-PM.png")),
        ("rss-rsparser-macworld.xml", "Macworld", "https://www.macworld.com/", 30,
            "Best smart lock", "https://www.techhive.com/article/3212828/connected-home/best-smart-lock.html#tk.rss_all",
            at("2017-11-28T15:40:00-08:00"), Some("https://images.idgesg.net/images/article/2017/08/best-smart-locks-100730768-medium.jpg")),
        ("rss-rsparser-livemint.xml", "Livemint - News", "https://www.livemint.com/rss/News", 25,
            "PM Modi-Xi Jinping informal summit in Varanasi this October: Report",
            "https://www.livemint.com/news/india/pm-modi-xi-jinping-informal-summit-in-varanasi-this-october-report-1559104147038.html",
            at("2019-05-29T10:16:00Z"), Some("https://images.livemint.com/img/2019/05/29/90x90/PTI5_27_2019_000025B_1559105066780_1559105082772.jpg")),
        ("rss-rsparser-cloudblog.xml", "Cloud Blog", "https://cloud.google.com/blog/", 20,
            "Want to keep your employees productive? Pay attention to shadow IT clues",
            "https://cloud.google.com/blog/products/productivity-collaboration/want-to-keep-your-employees-productive-pay-attention-to-shadow-it-clues/",
            at("2019-09-03T18:00:00Z"), Some("https://storage.googleapis.com/gweb-cloudblog-publish/images/shadow_IT.max-600x600.png")),
        ("atom-rsparser-daringfireball.xml", "Daring Fireball", "https://daringfireball.net/", 48,
            "The Talk Show: \u{2018}I Do Like Throwing a Baby\u{2019}", "https://daringfireball.net/thetalkshow/2017/06/26/ep-195",
            at("2017-06-27T00:54:17Z"), None),
        ("atom-rsparser-onefoottsunami.xml", "One Foot Tsunami", "http://onefoottsunami.com/", 25,
            "Link: Pillow Fight Leaves 24 Concussed",
            "http://www.nytimes.com/2015/09/05/us/at-west-point-annual-pillow-fight-becomes-weaponized.html?mwrsm=Email&_r=1&pagewanted=all",
            at("2015-09-08T14:21:41Z"), None),
        ("atom-nodefeedparser-tpm.xml", "All TPM News", "http://talkingpointsmemo.com/", 20,
            "Hannity Announces Fox Has Hired Sebastian Gorka As NatSec Strategist",
            // No xml:base: the relative link resolves against the feed's own URL.
            "https://feeds.example/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-strategist",
            at("2017-11-08T18:15:58-05:00"), None),
        ("rss-rsparser-scriptingnews.xml", "Scripting News", "http://scripting.com/", 50,
            "Good morning students and teachers! \u{1f34f}", "http://scripting.com/2017/06/26.html#a080605", at("2017-06-26T12:20:05Z"), None),
        ("rss-rsparser-theomnishow.xml", "The Omni Show", "https://theomnishow.omnigroup.com/", 4,
            "Andrea McVittie, User Experience Designer", "https://theomnishow.omnigroup.com/episode/andrea-mcvittie-user-experience-designer/",
            at("2017-12-06T14:00:00Z"), Some("https://theomnishow.omnigroup.com/assets/img/omnishow-cover-1x3000.jpg")),
        ("rss-rsparser-biorxiv-rdf.xml", "bioRxiv Subject Collection: Plant Biology", "http://biorxiv.org/", 30,
            "Wheat inositol pyrophosphate kinase (TaVIH2-3B) interacts with Fasciclin-like arabinogalactan (FLA6) protein and alters the plant cell-wall composition",
            "http://biorxiv.org/cgi/content/short/743294v1?rss=1", at("2019-08-27T00:00:00Z"), None),
        ("rss-nodefeedparser-oren-cp1251.xml", "Новости Оренбурга и области / Раздел Новости", "http://www.oren.ru/", 10,
            "В Бузулуке главные стройплощадки – детсад и Ледовый дворец", "http://www.oren.ru/news/2743422/",
            at("2014-01-22T20:31:31+06:00"), Some("http://www.oren.ru/upload/iblock/be8/stroitelstvo_krany.jpg")),
        ("rss-rustsyndication-rss091.xml", "WriteTheWeb", "http://writetheweb.com/", 6,
            "Giving the world a pluggable Gnutella", "http://writetheweb.com/read.php?item=24", None, None),
    ];
    let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rss-atom")).unwrap();
    let feeds = files.filter(|f| f.as_ref().unwrap().file_name().to_string_lossy().ends_with(".xml")).count();
    assert_eq!(feeds, rows.len(), "every captured feed has a row");
    for (file, title, home, n, first, url, date, image) in rows {
        let l = listing(file, URL);
        assert_eq!(l.title.as_deref(), Some(title), "{file}");
        assert_eq!(l.home_url.as_deref(), Some(home), "{file}");
        assert_eq!(l.items.len(), n, "{file}");
        let c = &l.items[0];
        assert_eq!((c.title.as_str(), c.url.as_deref(), c.published, c.image.as_deref()), (first, Some(url), date, image), "{file}");
        // Full content (content:encoded, Atom content) opens in place from
        // the feed itself; the rest opens the item's link.
        let full = ["rss-rsparser-natasha.xml", "rss-rsparser-theomnishow.xml", "atom-rsparser-daringfireball.xml", "atom-rsparser-onefoottsunami.xml", "atom-nodefeedparser-tpm.xml"];
        assert_eq!(c.src.is_some(), full.contains(&file), "{file}");
        let whole = if full.contains(&file) { n.min(dateline::limits::MAX_FEED_ARTICLES) } else { 0 };
        assert_eq!(l.articles.len(), whole, "{file}");
        assert_eq!(l.items.iter().filter(|c| c.src.is_some()).count(), whole, "{file}: the first ones open in place");
        for c in &l.items {
            assert!(c.summary.as_deref().is_none_or(|s| !s.contains("<p") && !s.contains("&lt;") && !s.contains("&amp;")), "{file}: {:?}", c.summary);
        }
    }
}

#[test]
fn a_whole_entity_encoded_html_document_in_a_description_gives_only_its_text() {
    let l = listing("rss-rsparser-cloudblog.xml", URL);
    let s = l.items[0].summary.as_deref().unwrap();
    assert!(s.starts_with("Employees use tools at their disposal"), "{s}");
}

#[test]
fn cdata_everywhere_still_reads_links_and_dates() {
    // Livemint wraps link, guid and pubDate in CDATA, pubDate with a space after.
    let l = listing("rss-rsparser-livemint.xml", URL);
    assert!(l.items.iter().all(|c| c.url.as_deref().is_some_and(|u| u.starts_with("https://www.livemint.com/")) && c.published.is_some()));
}

#[test]
fn atom_links_and_body_images_resolve_against_the_nearest_xml_base() {
    let feed = r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/blog/"><title>T</title>
        <entry xml:base="2025/"><title>E</title><link href="post.html"/>
        <content type="html" xml:base="/media/">&lt;p&gt;x&lt;img src="pic.jpg"&gt;</content></entry></feed>"#;
    let Ok(Doc::Listing(l)) = parse_document(feed, URL, None, &mut raw_body, &mut raw_xml) else { panic!() };
    assert_eq!(l.items[0].url.as_deref(), Some("https://a.example/blog/2025/post.html"));
    assert_eq!(l.items[0].image.as_deref(), Some("https://a.example/media/pic.jpg"));
}

#[test]
fn untitled_items_take_their_text_as_title() {
    let l = listing("rss-rsparser-scriptingnews.xml", URL);
    // 39 of the 50 items have no <title>: all are kept, titled by an
    // excerpt of their text, which then shows as the summary only if longer.
    assert_eq!(l.items.len(), 50);
    assert!(l.items.iter().all(|c| !c.title.is_empty() && c.title.chars().count() <= 101));
    let cut = l.items.iter().filter(|c| c.title.ends_with('…')).collect::<Vec<_>>();
    assert!(!cut.is_empty() && cut.iter().all(|c| c.summary.is_some()));
}

#[test]
fn the_cp1251_feed_is_read_in_its_declared_encoding() {
    let l = listing("rss-nodefeedparser-oren-cp1251.xml", URL);
    assert!(l.items.iter().all(|c| !c.title.contains('\u{fffd}')));
    use dateline::formats::feed::declared_encoding;
    assert_eq!(declared_encoding(b"<?xml version=\"1.0\" encoding='windows-1251'?><rss/>"), Some("windows-1251"));
    assert_eq!(declared_encoding(b"<?xml version=\"1.0\"?><rss/>"), None);
    assert_eq!(declared_encoding(b"{\"a\": 1}"), None);
}

#[test]
fn a_podcast_episode_takes_its_itunes_image_and_not_its_audio_enclosure() {
    let l = listing("rss-rsparser-theomnishow.xml", URL);
    assert!(l.items.iter().all(|c| c.image.as_deref().is_some_and(|i| !i.ends_with(".mp3"))));
}

#[test]
fn an_html_page_is_named_as_such_and_other_xml_by_its_root() {
    let parse = |doc: &str, forced| parse_document(doc, URL, forced, &mut raw_body, &mut raw_xml);
    assert_eq!(parse("<!DOCTYPE html><html><body>Hi</body></html>", None), Err(FormatError::HtmlPage));
    assert_eq!(parse("\n  <!-- x --><HTML lang=en><p>Hi", None), Err(FormatError::HtmlPage));
    assert_eq!(parse("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>", None), Err(FormatError::HtmlPage));
    assert_eq!(parse("<?xml version=\"1.0\"?><opml><body/></opml>", None), Err(FormatError::NotAFeed("opml".into())));
    assert_eq!(parse("<rss><channel><title>x</rss>", None), Err(FormatError::NotAFeed(String::new())));
    assert_eq!(parse("<rss version=\"2.0\"></rss>", None), Err(FormatError::Missing("channel")));
    assert!(FormatError::HtmlPage.to_string().contains("HTML page"));
    assert!(FormatError::NotAFeed("opml".into()).to_string().contains("<opml>"));
    // JSON forced to be a feed is not XML.
    assert_eq!(parse("{\"items\": []}", Some(Format::Rss)), Err(FormatError::NotAFeed(String::new())));
}

#[test]
fn feed_content_types_pick_the_feed_path_and_json_types_do_not() {
    assert_eq!(format_from_content_type("application/rss+xml; charset=UTF-8"), Some(Format::Rss));
    assert_eq!(format_from_content_type("Application/Atom+XML"), Some(Format::Atom));
    assert_eq!(format_from_content_type("text/xml"), Some(Format::Rss));
    assert_eq!(format_from_content_type("application/xml;charset=utf-8"), Some(Format::Rss));
    assert_eq!(format_from_content_type("application/json"), None);
    assert_eq!(format_from_content_type("text/html"), None);
    // A feed after a byte order mark and spaces, read as its Content-Type says.
    let doc = "\u{feff}  <rss><channel><title>T</title><item><title>A</title><link>/a</link></item></channel></rss>";
    let Ok(Doc::Listing(l)) = parse_document(doc, URL, format_from_content_type("text/xml"), &mut raw_body, &mut |x| raw_xml(x.trim_start_matches('\u{feff}').trim_start())) else { panic!() };
    assert_eq!(l.items[0].url.as_deref(), Some("https://feeds.example/a"));
}

#[test]
fn titles_and_summaries_are_text_even_when_a_feed_encodes_html_into_them() {
    let feed = "<rss><channel><title>A &amp;amp; B</title><item><title>&lt;b&gt;Bold&lt;/b&gt; move</title><link>https://x.example/1</link>\
        <description><![CDATA[<p>One <script>alert(1)</script>two</p>]]></description></item></channel></rss>";
    let Ok(Doc::Listing(l)) = parse_document(feed, URL, None, &mut raw_body, &mut raw_xml) else { panic!() };
    assert_eq!(l.title.as_deref(), Some("A & B"));
    assert_eq!(l.items[0].title, "Bold move");
    assert_eq!(l.items[0].summary.as_deref(), Some("One two"));
}

#[test]
fn a_hostile_feed_is_bounded_and_never_panics() {
    let many = format!("<rss><channel>{}</channel></rss>", "<item><title>t</title><link>https://x.example/</link></item>".repeat(500));
    let Ok(Doc::Listing(l)) = parse_document(&many, URL, None, &mut raw_body, &mut raw_xml) else { panic!() };
    assert_eq!(l.items.len(), dateline::limits::MAX_FEED_ITEMS);
    let deep = format!("<rss><channel><item><title>t</title><link>https://x.example/</link><description>{}x{}</description></item></channel></rss>", "<a>".repeat(300), "</a>".repeat(300));
    let _ = parse_document(&deep, URL, None, &mut raw_body, &mut raw_xml);
    for bad in ["<", "<feed", "<feed/>", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>"] {
        let _ = parse_document(bad, URL, None, &mut raw_body, &mut raw_xml);
    }
    let js = "<rss><channel><item><link>javascript:alert(1)</link><title>x</title></item></channel></rss>";
    let Ok(Doc::Listing(l)) = parse_document(js, URL, None, &mut raw_body, &mut raw_xml) else { panic!() };
    assert!(l.items.is_empty(), "a javascript: link is no link");
}

#[test]
fn full_content_items_become_articles_at_the_feed_url_plus_their_id() {
    let l = listing("rss-rsparser-natasha.xml", URL);
    let c = &l.items[0];
    let src = c.src.as_deref().unwrap();
    assert_eq!(src, "https://feeds.example/path/feed.xml#item=https://www.natashatherobot.com/%3Fp%3D6602");
    let a = l.articles.iter().find(|a| a.src == src).unwrap();
    assert_eq!((a.title.as_str(), a.url.as_str(), Some(a.published)), (c.title.as_str(), c.url.as_deref().unwrap(), c.published));
    assert_eq!(a.id, "https://www.natashatherobot.com/?p=6602");
    assert_eq!(a.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Natasha Murashev"]);
    assert!(!a.tags.is_empty());
    assert!(a.body.len() > 3, "the body became blocks: {:?}", a.body.len());
    assert_eq!(a.recent.as_deref(), Some(URL), "the rail is the feed itself");
    // A deep link (or reload) to the item reads the feed and takes the item.
    let doc = fixture_decoded("rss-atom/rss-rsparser-natasha.xml");
    match parse_document(&doc, src, None, &mut raw_body, &mut raw_xml) {
        Ok(Doc::Article(b)) => assert_eq!(*b, **a),
        other => panic!("{other:?}"),
    }
    let gone = format!("{URL}#item=nope");
    assert_eq!(parse_document(&doc, &gone, None, &mut raw_body, &mut raw_xml), Err(FormatError::Missing("item")));
}

#[test]
fn atom_entries_with_content_become_articles_with_authors_tags_and_resolved_bodies() {
    let l = listing("atom-rsparser-daringfireball.xml", URL);
    let a = &l.articles[0];
    assert_eq!(a.id, "tag:daringfireball.net,2017:/linked//6.33853");
    assert_eq!(a.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["John Gruber"]);
    // Root-relative links in the content resolve against its xml:base, not
    // against the feed's URL.
    let html: String = l.articles.iter().flat_map(|a| a.body.iter()).filter_map(|b| match b {
        dateline::model::Block::Paragraph(r) => Some(support::html(r)),
        _ => None,
    }).collect();
    assert!(html.contains("href=\"https://daringfireball.net/"), "some link into the site");
    assert!(!html.contains("https://feeds.example"), "none against the feed's URL");
}

#[test]
fn rss_and_atom_items_are_published_by_their_channel_title() {
    for (file, title) in [("rss-rsparser-natasha.xml", "Natasha The Robot"), ("atom-rsparser-daringfireball.xml", "Daring Fireball")] {
        let l = listing(file, URL);
        assert!(!l.articles.is_empty(), "{file}");
        assert!(l.articles.iter().all(|a| a.publisher.as_deref() == Some(title)), "{file}");
    }
}
