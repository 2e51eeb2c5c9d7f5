//! Native tests: real CMS HTML bodies (Gutenberg output, a classic-editor
//! post captured from a live WordPress site, a JSON Feed `content_html`)
//! become the same blocks as `_dateline.blocks`, through the sanitizer's
//! policy. html5ever stands in for the browser's DOMParser.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use dateline::blocks::{from_html, no_link_src};
use dateline::formats::detect::parse_document;
use dateline::model::Doc;
use dateline::formats::wordpress::post_src_for_link;
use dateline::model::{Block, Card, Image};
use support::{raw_xml, fixture, html, kinds, paragraph_html, raw_body};

const PAGE: &str = "https://news.example.com/2025/05/18/tour/";
const API: &str = "https://news.example.com/wp-json";

/// A body from `API`'s site: inline Also Read links to its posts open in
/// place, as the WordPress format sets up.
fn blocks(body: &str) -> Vec<Block> {
    from_html(raw_body(body), PAGE, &|href| post_src_for_link(API, PAGE, href))
}

#[test]
fn a_gutenberg_body_becomes_typed_blocks_in_order() {
    let b = blocks(&fixture("wordpress/gutenberg-body.html"));
    assert_eq!(
        kinds(&b),
        [
            "paragraph", "also_read", "heading", "image", "quote", "embed", "embed", "list", "table", "paragraph", "also_read",
            "image"
        ],
        "the &nbsp; spacer, the newsletter form and the separator leave nothing"
    );
    // Inline markup survives without its attributes; emoji and no-break
    // spaces are kept as characters.
    assert_eq!(paragraph_html(&b[0]), "The delegation landed in London on Monday\u{a0}morning — its <strong>first</strong> stop of five. 🛡️🏳️‍🌈");
    // An emoji image reads as its character.
    assert_eq!(b[2], Block::Heading("Setting the pace 🧭".into()));
    assert_eq!(
        b[3],
        Block::Image(Image {
            src: "https://news.example.com/wp-content/uploads/2025/05/route-1024x576.jpg".into(),
            alt: "A map of the route".into(),
            width: Some(1024),
            height: Some(576),
            caption: Some("The route, from Islamabad to five capitals.".into()),
            credit: None,
        })
    );
    assert_eq!(b[4], Block::Quote { text: "We will take our case to every capital.".into(), cite: Some("A. Minister".into()) });
}

#[test]
fn embeds_become_link_cards_to_the_page_not_the_player() {
    let b = blocks(&fixture("wordpress/gutenberg-body.html"));
    assert_eq!(
        b[5],
        Block::Embed {
            url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ".into(),
            provider: "YouTube".into(),
            title: Some("Press conference in full".into()),
        }
    );
    assert_eq!(
        b[6],
        Block::Embed {
            url: "https://twitter.com/ForeignOffice/status/1923456789012345678?ref_src=twsrc%5Etfw".into(),
            provider: "X".into(),
            title: Some("Wheels up for London. pic.twitter.com/abc123".into()),
        },
        "a tweet's address is its /status/ link, its title the tweet's text"
    );
}

#[test]
fn nested_list_items_follow_their_parent_and_empty_items_go() {
    let b = blocks(&fixture("wordpress/gutenberg-body.html"));
    match &b[7] {
        Block::List { ordered, items } => {
            assert!(!ordered);
            let html: Vec<String> = items.iter().map(|r| html(r)).collect();
            assert_eq!(html, ["London, <em>Monday</em>", "Paris", "Élysée meeting"]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn tables_keep_a_header_row_and_their_caption_as_text() {
    let b = blocks(&fixture("wordpress/gutenberg-body.html"));
    assert_eq!(
        b[8],
        Block::Table {
            caption: Some("The itinerary".into()),
            header: true,
            rows: vec![vec!["City".into(), "Date".into()], vec!["London".into(), "May 19".into()], vec!["Paris".into(), "May 21".into()]],
        }
    );
}

#[test]
fn refused_links_keep_their_text_and_attributes_go() {
    let b = blocks(&fixture("wordpress/gutenberg-body.html"));
    assert_eq!(paragraph_html(&b[9]), "Final paragraph – with “curly” quotes and a refused link.");
}

#[test]
fn inline_also_read_links_to_the_same_site_open_in_place() {
    let b = blocks(&fixture("wordpress/gutenberg-body.html"));
    assert_eq!(
        b[1],
        Block::AlsoRead(Card {
            // Card titles are plain text with whitespace collapsed.
            title: "Embassy Warns Visitors About Overstaying Visas".into(),
            url: Some("https://news.example.com/2025/05/17/visa-warning/".into()),
            src: Some("https://news.example.com/wp-json/wp/v2/posts?slug=visa-warning&_embed".into()),
            image: None,
            summary: None,
            published: None,
        })
    );
    match &b[10] {
        Block::AlsoRead(c) => {
            assert_eq!(c.title, "An analysis elsewhere");
            assert_eq!(c.url.as_deref(), Some("https://elsewhere.example/analysis"));
            assert_eq!(c.src, None, "another site: a plain link");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn lazy_loaded_images_use_their_real_source_and_noscript_copies_are_dropped() {
    let b = blocks(&fixture("wordpress/gutenberg-body.html"));
    match &b[11] {
        Block::Image(img) => {
            assert_eq!(img.src, "https://news.example.com/wp-content/uploads/2025/05/crowd.jpg");
            assert_eq!((img.width, img.height), (Some(800), Some(450)));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn also_read_prefixes_are_matched_only_as_whole_words_with_one_web_link() {
    let card = |html: &str| matches!(blocks(html).as_slice(), [Block::AlsoRead(_)]);
    assert!(card(r#"<p>ALSO READ | <a href="/a/">A</a></p>"#));
    assert!(card(r#"<p>also read <a href="/a/">A</a></p>"#));
    assert!(card(r#"<p><b>Read also:</b> <a href="/a/">A</a></p>"#));
    assert!(card(r#"<p>Read More: <a href="/a/">A</a></p>"#));
    assert!(!card(r#"<p>Read more about it <a href="/a/">here</a></p>"#), "\"Read more\" needs its colon");
    assert!(!card(r#"<p>Also reading <a href="/a/">A</a></p>"#));
    assert!(!card(r#"<p>Also read: <a href="/a/">A</a> and <a href="/b/">B</a></p>"#));
    assert!(!card(r#"<p>Also read: <a href="mailto:desk@news.example.com">the desk</a></p>"#));
    assert!(!card(r#"<p>Also read: <a href="javascript:alert(1)">A</a></p>"#));
    assert!(!card("<p>Also read: nothing linked</p>"));
}

#[test]
fn also_read_without_a_wordpress_api_is_a_plain_link() {
    let b = from_html(raw_body(r#"<p>Also read: <a href="/2025/05/17/visa-warning/">Visa warning</a></p>"#), PAGE, &no_link_src);
    match &b[..] {
        [Block::AlsoRead(c)] => {
            assert_eq!(c.url.as_deref(), Some("https://news.example.com/2025/05/17/visa-warning/"), "resolved against the page");
            assert_eq!(c.src, None);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn text_outside_paragraphs_and_unknown_elements_become_paragraphs() {
    let b = blocks("Loose text <span>and a span</span><div class=\"x\">In a div</div><custom-el>Custom</custom-el><p>\u{a0}<br></p>");
    let html: Vec<String> = b.iter().map(paragraph_html).collect();
    assert_eq!(html, ["Loose text and a span", "In a div", "Custom"]);
}

#[test]
fn images_alone_in_a_paragraph_or_a_link_become_image_blocks_where_they_stand() {
    let b = blocks(
        r#"<p>Before <a href="/full.jpg"><img src="/thumb.jpg" alt="T" width="300" height="200"></a> after</p><p><img srcset="/s-1024.jpg 1024w, /s-300.jpg 300w" alt=""></p>"#,
    );
    assert_eq!(kinds(&b), ["paragraph", "image", "paragraph", "image"]);
    assert_eq!(paragraph_html(&b[0]), "Before");
    assert_eq!(paragraph_html(&b[2]), "after");
    match (&b[1], &b[3]) {
        (Block::Image(a), Block::Image(s)) => {
            assert_eq!(a.src, "https://news.example.com/thumb.jpg");
            assert_eq!((a.width, a.height), (Some(300), Some(200)));
            assert_eq!(s.src, "https://news.example.com/s-1024.jpg", "no src: the first srcset candidate");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_width_without_a_height_is_dropped_so_no_box_is_reserved_wrongly() {
    match &blocks(r#"<figure><img src="/a.jpg" width="640" height="auto"></figure>"#)[..] {
        [Block::Image(i)] => assert_eq!((i.width, i.height), (None, None)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn iframes_videos_and_unexpanded_embeds_are_cards_and_never_frames() {
    let b = blocks(concat!(
        r#"<iframe src="https://player.vimeo.com/video/76979871?h=8" title="A film"></iframe>"#,
        r#"<iframe src="javascript:alert(1)"></iframe>"#,
        r#"<figure class="wp-block-video"><video controls src="/media/clip.mp4"></video><figcaption>The clip</figcaption></figure>"#,
        r#"<figure class="wp-block-embed is-provider-spotify"><div class="wp-block-embed__wrapper">https://open.spotify.com/episode/abc</div></figure>"#,
        r#"<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/XYZ/?utm_source=ig_embed"><div><p>A post</p></div></blockquote>"#,
    ));
    let embeds: Vec<(&str, &str, Option<&str>)> = b
        .iter()
        .map(|b| match b {
            Block::Embed { url, provider, title } => (url.as_str(), provider.as_str(), title.as_deref()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        embeds,
        [
            ("https://vimeo.com/76979871", "Vimeo", Some("A film")),
            ("https://news.example.com/media/clip.mp4", "news.example.com", Some("The clip")),
            ("https://open.spotify.com/episode/abc", "Spotify", None),
            ("https://www.instagram.com/p/XYZ/?utm_source=ig_embed", "Instagram", Some("A post")),
        ]
    );
}

#[test]
fn dropped_elements_take_their_text_with_them_everywhere() {
    let b = blocks("<h2>Title<script>alert(1)</script><style>x</style></h2><blockquote><p>Q</p><template>T</template></blockquote><ul><li>I<select><option>O</option></select></li></ul>");
    assert_eq!(b[0], Block::Heading("Title".into()));
    assert_eq!(b[1], Block::Quote { text: "Q".into(), cite: None });
    match &b[2] {
        Block::List { items, .. } => assert_eq!(html(&items[0]), "I"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn quotes_with_several_paragraphs_keep_a_space_between_them() {
    assert_eq!(
        blocks("<blockquote><p>One.</p><p>Two.</p><footer>— Someone</footer></blockquote>"),
        [Block::Quote { text: "One. Two.".into(), cite: Some("— Someone".into()) }]
    );
}

#[test]
fn a_paragraph_becomes_a_clean_inline_tree_whose_text_and_values_are_plain_strings() {
    use dateline::model::{Inline, Mark};
    let b = blocks(
        r#"<p>a &lt;script&gt; &amp; "q" <a href="https://x.example/?a=1&amp;b=&quot;2&quot;" title="t &quot;q&quot; <x>" onclick="y()">link</a><br><b class="c">bold <img src="/i.png" alt="x&quot; onerror=&quot;y" width="2" height="1"></b> 🏳️‍🌈</p>"#,
    );
    let [Block::Paragraph(p)] = &b[..] else { panic!("{b:?}") };
    assert_eq!(
        p,
        &vec![
            Inline::Text("a <script> & \"q\" ".into()),
            Inline::Link {
                href: "https://x.example/?a=1&b=\"2\"".into(),
                title: Some("t \"q\" <x>".into()),
                children: vec![Inline::Text("link".into())],
            },
            Inline::Break,
            Inline::Marked(
                Mark::Bold,
                vec![
                    Inline::Text("bold ".into()),
                    Inline::Image { src: "https://news.example.com/i.png".into(), alt: "x\" onerror=\"y".into(), size: Some((2, 1)) },
                ]
            ),
            Inline::Text(" 🏳️‍🌈".into()),
        ],
        "markup-looking text stays text: the view makes text nodes of it, never markup"
    );
}

#[test]
fn hostile_depth_and_empty_input_do_not_panic() {
    assert!(blocks("").is_empty());
    assert!(blocks("<p> </p><div>\u{a0}</div><!-- only a comment -->").is_empty());
    let deep = "<div>".repeat(5_000) + "deep text" + &"</div>".repeat(5_000);
    let b = blocks(&deep);
    assert_eq!(b.len(), 1);
    assert!(paragraph_html(&b[0]).contains("deep text"));
    let wide = "<p>x</p>".repeat(1_000);
    assert_eq!(blocks(&wide).len(), dateline::limits::MAX_BLOCKS);
}

#[test]
fn a_classic_editor_post_from_a_live_wordpress_site_becomes_blocks() {
    let json = fixture("wordpress/wp-frontity-demoworona-post-60-embed.json");
    let Ok(Doc::Article(a)) = parse_document(&json, "https://demo.worona.org/wp-json/wp/v2/posts/60?_embed", None, &mut raw_body, &mut raw_xml) else {
        panic!("not an article")
    };
    assert_eq!(
        kinds(&a.body),
        [
            "paragraph", "paragraph", "heading", "image", "paragraph", "quote", "paragraph", "embed", "list", "paragraph", "embed",
            "embed", "image", "image", "image", "image", "image"
        ]
    );
    assert_eq!(a.body[2], Block::Heading("An iconic waterfall of Iceland".into()));
    match &a.body[3] {
        Block::Image(i) => {
            assert_eq!(i.src, "https://demo.worona.org/wp-content/uploads/2016/11/Gullfoss-1024x577.jpg");
            assert_eq!((i.width, i.height), (Some(840), Some(473)));
            assert_eq!(i.caption.as_deref(), Some("Gullfoss, an iconic waterfall of Iceland."));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(a.body[5], Block::Quote { text: "Iceland is not a destination. It’s an adventure set in stunning scenery.".into(), cite: None });
    assert_eq!(
        a.body[7],
        Block::Embed { url: "https://www.youtube.com/watch?v=3bUtvUAeX8s".into(), provider: "YouTube".into(), title: None }
    );
    match &a.body[8] {
        Block::List { items, .. } => assert_eq!(items.len(), 9),
        other => panic!("{other:?}"),
    }
    match (&a.body[10], &a.body[11]) {
        (Block::Embed { url: tweet, provider: x, .. }, Block::Embed { url: insta, provider: ig, .. }) => {
            assert_eq!(tweet, "https://twitter.com/Travel_Places_/status/911998747198009344?ref_src=twsrc%5Etfw");
            assert_eq!((x.as_str(), ig.as_str()), ("X", "Instagram"));
            assert_eq!(insta, "https://www.instagram.com/p/BdqJaLiAYfe/");
        }
        other => panic!("{other:?}"),
    }
    assert!(a.also_read.is_empty(), "no inline Also Read in this post");
}

#[test]
fn broken_markup_keeps_images_that_sat_inside_a_heading() {
    // headstartwp's posts open with `<h3>…<img …></p>` and close the h3 late.
    let json = fixture("wordpress/wp-headstartwp-js1-posts-embed-yoast.json");
    let posts: serde_json::Value = serde_json::from_str(&json).unwrap();
    let one = serde_json::Value::Array(vec![posts[0].clone()]).to_string();
    let Ok(Doc::Article(a)) = parse_document(&one, "https://js1.10up.com/wp-json/wp/v2/posts?slug=x&_embed", None, &mut raw_body, &mut raw_xml) else {
        panic!("not an article")
    };
    assert_eq!(&kinds(&a.body)[..4], ["heading", "image", "heading", "quote"]);
    match &a.body[1] {
        Block::Image(i) => assert_eq!(i.src, "https://js1.10up.com/wp-content/uploads/2020/05/88670812-1b59-3095-9c92-8ae541f3b6d2.jpg"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_also_read_section_repeats_inline_cards_and_a_repeated_lead_image_goes() {
    let post = serde_json::json!({
        "id": 7, "link": "https://news.example.com/2025/05/18/tour/", "date_gmt": "2025-05-18T05:05:00",
        "title": {"rendered": "Tour"},
        "content": {"rendered": "<figure><img src=\"https://news.example.com/up/lead-1024x576.jpg\"></figure><p>Also read: <a href=\"/2025/05/17/visa-warning/\">Visa warning</a></p>"},
        "_embedded": {"wp:featuredmedia": [{"source_url": "https://news.example.com/up/lead.jpg"}]}
    });
    let Ok(Doc::Article(a)) = parse_document(&post.to_string(), "https://news.example.com/wp-json/wp/v2/posts/7?_embed", None, &mut raw_body, &mut raw_xml) else {
        panic!("not an article")
    };
    assert_eq!(kinds(&a.body), ["also_read"], "the body's first image is the lead image");
    assert_eq!(a.also_read.len(), 1);
    assert_eq!(a.also_read[0].src.as_deref(), Some("https://news.example.com/wp-json/wp/v2/posts?slug=visa-warning&_embed"));
}

#[test]
fn a_json_feed_content_html_body_is_rebuilt_too() {
    let feed: serde_json::Value = serde_json::from_str(&fixture("jsonfeed/jsonfeed-rsparser-DaringFireball.json")).unwrap();
    let item = feed["items"][1].to_string();
    let Ok(Doc::Article(a)) = parse_document(&item, "https://daringfireball.net/feeds/json", None, &mut raw_body, &mut raw_xml) else { panic!("not an article") };
    assert_eq!(kinds(&a.body)[..2], ["paragraph", "quote"]);
    assert!(paragraph_html(&a.body[0]).starts_with("Josh Centers, writing for TidBITS on Virgin Mobile’s intriguing decision"), "{:?}", a.body[0]);
    assert_eq!(a.api, None);
}
