//! RSS 2.0 (and 0.91, 0.92), RSS 1.0 (RDF) and Atom 1.0 feeds as listings
//! (pure). The XML is never parsed here: the caller hands in its reader
//! (`sanitize::ParseXml`: the browser's `DOMParser` in the widget, roxmltree
//! in native tests), which gives the document's root element as an untrusted
//! `Raw` tree, names written with their prefix (`content:encoded`), CDATA
//! read as text. See docs/FORMAT.md for the mapping tables.
//!
//! Titles and summaries are text: whatever HTML a feed puts (or
//! entity-encodes) into them is reduced to its text (`text::html_to_text`).
//! Items that carry their full content become articles too, their bodies
//! parsed once (with the caller's HTML parser) into clean blocks, so a
//! reader opens them in place from the feed already loaded.

use super::{finish, push_tag, FormatError};
use crate::blocks::{from_html, no_link_src};
use crate::history::encode;
use crate::limits::{MAX_AUTHORS, MAX_DEPTH, MAX_FEED_ARTICLES, MAX_FEED_ITEMS};
use crate::model::{Article, Author, Card, Doc, Image, Listing, Tag};
use crate::sanitize::{attr, ParseHtml, Raw};
use crate::text::{collapse, excerpt, html_to_text, trim_more_tail};
use std::rc::Rc;
use crate::time::{parse_rfc3339, parse_rfc822};
use crate::url::{checked, resolve, Use};

/// The `encoding` an XML declaration names (`<?xml version="1.0"
/// encoding="windows-1251"?>`), if any: what a fetched feed's bytes are
/// decoded with (the browser's `TextDecoder`), since `Response.text()`
/// always decodes UTF-8.
pub fn declared_encoding(bytes: &[u8]) -> Option<&str> {
    let head = bytes.strip_prefix(b"<?xml")?;
    let head = &head[..head.windows(2).position(|w| w == b"?>")?];
    let i = head.windows(8).position(|w| w == b"encoding")?;
    let rest = &head[i + 8..];
    let rest = rest.trim_ascii_start().strip_prefix(b"=")?.trim_ascii_start();
    let quote = *rest.first().filter(|q| matches!(q, b'"' | b'\''))?;
    let value = &rest[1..1 + rest[1..].iter().position(|&b| b == quote)?];
    std::str::from_utf8(value).ok().map(str::trim).filter(|v| !v.is_empty())
}

/// Is this the root element of a feed: `rss`, `rdf:RDF` or `feed`?
pub fn is_feed_root(name: &str) -> bool {
    matches!(name, "rss" | "rdf:RDF" | "feed")
}

fn name(n: &Raw) -> &str {
    match n {
        Raw::Element { name, .. } => name,
        _ => "",
    }
}

fn attrs(n: &Raw) -> &[(String, String)] {
    match n {
        Raw::Element { attrs, .. } => attrs,
        _ => &[],
    }
}

/// The child elements of `n`.
fn kids(n: &Raw) -> impl Iterator<Item = &Raw> {
    let list: &[Raw] = match n {
        Raw::Element { children, .. } => children,
        _ => &[],
    };
    list.iter().filter(|c| matches!(c, Raw::Element { .. }))
}

fn child<'a>(n: &'a Raw, want: &str) -> Option<&'a Raw> {
    kids(n).find(|c| name(c) == want)
}

/// All the text in `n` (CDATA included), as written.
fn text(n: &Raw) -> String {
    fn go(n: &Raw, s: &mut String) {
        match n {
            Raw::Text(t) => s.push_str(t),
            Raw::Element { children, .. } => children.iter().for_each(|c| go(c, s)),
            Raw::Other => {}
        }
    }
    let mut s = String::new();
    go(n, &mut s);
    s
}

/// The trimmed text of the first `want` child, if not empty.
fn child_text(n: &Raw, want: &str) -> Option<String> {
    child(n, want).map(|c| text(c).trim().to_string()).filter(|s| !s.is_empty())
}

/// A text construct as plain text. Atom says whether it is `text`, `html`
/// or `xhtml`; RSS does not, and feeds put HTML (or entity-encoded HTML)
/// into titles and descriptions, so RSS text is read as HTML.
fn plain(n: &Raw) -> Option<String> {
    let raw = text(n);
    let s = if attr(attrs(n), "type").is_some_and(|t| t.trim() == "text") { collapse(&raw) } else { html_to_text(&raw) };
    (!s.is_empty()).then_some(s)
}

fn plain_child(n: &Raw, want: &str) -> Option<String> {
    child(n, want).and_then(plain)
}

/// `n`'s `xml:base`, resolved against its parent's base.
fn base_of(n: &Raw, parent: &str) -> String {
    attr(attrs(n), "xml:base").and_then(|b| resolve(parent, b.trim())).unwrap_or_else(|| parent.to_string())
}

/// An Atom element's `link` with `rel` (no `rel` is `alternate`).
fn atom_link(n: &Raw, rel: &str, base: &str, usage: Use) -> Option<String> {
    kids(n)
        .filter(|c| name(c) == "link")
        .find(|c| attr(attrs(c), "rel").map_or("alternate", str::trim) == rel)
        .and_then(|c| attr(attrs(c), "href").and_then(|h| checked(&base_of(c, base), h, usage)))
}

/// A date as feeds write it: RFC 822 (`pubDate`), RFC 3339 (Atom, `dc:date`)
/// or a bare date (`2019-08-27`, midnight UTC).
fn date(s: &str) -> Option<i64> {
    let s = s.trim();
    parse_rfc822(s).or_else(|| parse_rfc3339(s)).or_else(|| {
        let b = s.as_bytes();
        (b.len() == 10 && b[4] == b'-' && b[7] == b'-').then(|| parse_rfc3339(&(s.to_string() + "T00:00:00Z")))?
    })
}

/// Is a media element an image: `medium="image"`, an `image/…` type, or
/// neither said (Yahoo's Media RSS leaves both out for images)?
fn is_image(n: &Raw) -> bool {
    let a = attrs(n);
    match (attr(a, "medium"), attr(a, "type")) {
        (Some(m), _) => m.trim() == "image",
        (None, Some(t)) => t.trim().starts_with("image/"),
        (None, None) => true,
    }
}

/// The item's own image: `media:content`, `media:thumbnail` (also in a
/// `media:group`), an image `enclosure`, `itunes:image`, or a plain
/// `thumbnail` element's URL.
fn own_image(item: &Raw, base: &str) -> Option<String> {
    let url = |n: &Raw, key: &str| attr(attrs(n), key).and_then(|u| checked(base, u.trim(), Use::Image));
    let media = |n: &Raw| {
        kids(n)
            .filter(|c| name(c) == "media:content" && is_image(c))
            .chain(kids(n).filter(|c| name(c) == "media:thumbnail"))
            .find_map(|c| url(c, "url"))
    };
    media(item)
        .or_else(|| kids(item).filter(|c| name(c) == "media:group").find_map(media))
        .or_else(|| kids(item).filter(|c| name(c) == "enclosure" && is_image(c) && attr(attrs(c), "type").is_some()).find_map(|c| url(c, "url")))
        .or_else(|| child(item, "itunes:image").and_then(|c| url(c, "href")))
        // Livemint and others: a plain `<thumbnail>` holding the URL.
        .or_else(|| child_text(item, "thumbnail").and_then(|u| checked(base, &u, Use::Image)))
}

/// The first image in a parsed body.
fn find_image(nodes: &[Raw], base: &str, depth: usize) -> Option<String> {
    nodes.iter().find_map(|n| match n {
        Raw::Element { name, attrs, children } => {
            if name.eq_ignore_ascii_case("img") {
                attr(attrs, "src").and_then(|s| checked(base, s.trim(), Use::Image))
            } else if depth < MAX_DEPTH {
                find_image(children, base, depth + 1)
            } else {
                None
            }
        }
        _ => None,
    })
}

/// `n`'s content parsed as a body: Atom's inline XHTML is a tree already;
/// escaped or CDATA HTML goes through `html`.
fn parse_body(n: &Raw, html: ParseHtml<'_>) -> Vec<Raw> {
    match n {
        Raw::Element { children, attrs, .. } if attr(attrs, "type").is_some_and(|t| t.trim() == "xhtml") => children.clone(),
        _ => html(&text(n)),
    }
}

/// The fragment that names a feed item read in place: the feed's URL
/// plus `#item=<id>` is that item's `src`.
const ITEM: &str = "#item=";

/// The `src` of a feed item read in place: `<feed URL>#item=<id>`, the id
/// percent-encoded.
pub(crate) fn item_src(feed: &str, id: &str) -> String {
    feed.to_string() + ITEM + &encode(id, true)
}

/// A document that names one of its feed's items (`…#item=<id>`: a deep
/// link or a reload) is that item's article; other documents are as read.
pub(crate) fn pick_item(doc: Result<Doc, FormatError>, doc_url: &str) -> Result<Doc, FormatError> {
    match doc? {
        Doc::Listing(l) if doc_url.contains(ITEM) => {
            l.articles.iter().find(|a| a.src == doc_url).cloned().map(Doc::Article).ok_or(FormatError::Missing("item"))
        }
        doc => Ok(doc),
    }
}

/// The byline: `dc:creator`, RSS `author` (`mail@example.com (Name)`
/// gives `Name`), Atom `author/name`.
fn authors(item: &Raw) -> Vec<Author> {
    let mut out: Vec<Author> = Vec::new();
    for c in kids(item) {
        let name = match name(c) {
            "dc:creator" => text(c),
            "author" => child(c, "name").map_or_else(|| text(c), text),
            _ => continue,
        };
        let name = name.trim();
        let name = match (name.find('('), name.strip_suffix(')')) {
            (Some(i), Some(inner)) if name.contains('@') => inner[i + 1..].trim(),
            _ => name,
        };
        if !name.is_empty() && out.len() < MAX_AUTHORS && !out.iter().any(|a| a.name == name) {
            out.push(Author { name: name.to_string(), url: None });
        }
    }
    out
}

/// One RSS `item` or Atom `entry` as a card (`None` without a link), and,
/// when it carries its full content (`content:encoded`, Atom `content`)
/// and a date, the article it opens in place, at `<feed>#item=<id>`.
/// `whole` says whether it may still become an article (`MAX_FEED_ARTICLES`).
fn card(item: &Raw, atom: bool, base: &str, feed: &str, whole: bool, html: ParseHtml<'_>) -> Option<(Card, Option<Article>)> {
    let base = &base_of(item, base);
    let (url, body, short, published, id) = if atom {
        let body = child(item, "content");
        let published = child_text(item, "published").or_else(|| child_text(item, "updated"));
        (atom_link(item, "alternate", base, Use::Link), body, child(item, "summary").or(body), published, child_text(item, "id"))
    } else {
        let guid = child(item, "guid").filter(|g| attr(attrs(g), "isPermaLink").is_none_or(|p| p.trim() != "false"));
        let url = child_text(item, "link").or_else(|| guid.map(text)).and_then(|u| checked(base, u.trim(), Use::Link));
        let body = child(item, "content:encoded");
        let published = child_text(item, "pubDate").or_else(|| child_text(item, "dc:date"));
        (url, body, child(item, "description").or(body), published, child_text(item, "guid"))
    };
    let url = url?;
    let published = published.as_deref().and_then(date);
    let summary = short.and_then(plain);
    // Untitled items (Scripting News, microblogs): the text is the title.
    let (title, summary) = match plain_child(item, "title") {
        Some(t) => (t, summary),
        None => {
            let s = summary?;
            let title = excerpt(&s, 100);
            let rest = (title != s).then_some(s);
            (title, rest)
        }
    };
    let own = own_image(item, base);
    // A body is parsed to become an article, or to find an image.
    let full = body.filter(|_| whole && published.is_some()).map(|b| (b, base_of(b, base), parse_body(b, html)));
    let image = own.or_else(|| match &full {
        Some((_, b_base, nodes)) => find_image(nodes, b_base, 0),
        None => {
            let b = body.or(short)?;
            find_image(&parse_body(b, html), &base_of(b, base), 0)
        }
    });
    let article = match (full, published) {
        (Some((b, b_base, nodes)), Some(published)) => {
            let id = id.unwrap_or_else(|| url.clone());
            let mut tags = Vec::new();
            for c in kids(item).filter(|c| name(c) == "category") {
                let name = attr(attrs(c), "label").or_else(|| attr(attrs(c), "term")).map_or_else(|| text(c), str::to_string);
                push_tag(&mut tags, Tag { name: collapse(&name), url: None, src: None });
            }
            let mut a = Article {
                src: item_src(feed, &id),
                id,
                url: url.clone(),
                title: title.clone(),
                // The standfirst: a summary of its own, not the body again.
                summary: summary.as_deref().filter(|_| short.is_some_and(|s| !std::ptr::eq(s, b))).map(trim_more_tail).filter(|s| !s.is_empty()),
                published,
                modified: if atom { child_text(item, "updated").as_deref().and_then(date).filter(|m| *m > published) } else { None },
                authors: authors(item),
                language: None,
                place: None,
                image: image.clone().map(|src| Image { src, alt: String::new(), width: None, height: None, caption: None, credit: None }),
                body: from_html(nodes, &b_base, &no_link_src),
                also_read: Vec::new(),
                tags,
                recent: Some(feed.to_string()),
                api: None,
                publisher: None,
            };
            finish(&mut a);
            Some(a)
        }
        _ => None,
    };
    let card = Card {
        title,
        url: Some(url),
        src: article.as_ref().map(|a| a.src.clone()),
        image,
        summary: summary.map(|s| excerpt(&s, 200)),
        published,
    };
    Some((card, article))
}

/// Map a feed's root element (`rss`, `rdf:RDF` or `feed`), loaded from
/// `doc_url`, into a listing. Items without a link are skipped. Items with
/// their full content and a date also become articles (`Listing::articles`,
/// bodies parsed by `html` into blocks), read in place at
/// `<feed URL>#item=<id>`; other bodies are only parsed to find an image
/// for items that name none.
pub fn listing_from_xml(root: &Raw, doc_url: &str, html: ParseHtml<'_>) -> Result<Listing, FormatError> {
    // A deep link to an item (`…#item=<id>`) reads the whole feed.
    let doc_url = doc_url.split('#').next().unwrap_or(doc_url);
    let root_name = name(root);
    let base = &base_of(root, doc_url);
    let atom = root_name == "feed";
    let (channel, holder, item) = if atom {
        (root, root, "entry")
    } else if is_feed_root(root_name) {
        let channel = child(root, "channel").ok_or(FormatError::Missing("channel"))?;
        // RSS 1.0 puts its items beside the channel, RSS 2.0 inside it.
        (channel, if root_name == "rdf:RDF" { root } else { channel }, "item")
    } else {
        return Err(FormatError::NotAFeed(root_name.chars().take(40).collect()));
    };
    let mut items = Vec::new();
    let mut articles = Vec::new();
    for i in kids(holder).filter(|c| name(c) == item).take(MAX_FEED_ITEMS) {
        if let Some((card, article)) = card(i, atom, base, doc_url, articles.len() < MAX_FEED_ARTICLES, html) {
            items.push(card);
            articles.extend(article);
        }
    }
    let title = plain_child(channel, "title");
    // An item's publisher is its feed (the channel's title).
    let articles = articles.into_iter().map(|a| Rc::new(Article { publisher: title.clone(), ..a })).collect();
    let home_url = if atom {
        atom_link(channel, "alternate", base, Use::Link)
    } else {
        child_text(channel, "link").and_then(|u| checked(base, &u, Use::Link))
    };
    Ok(Listing {
        title,
        home_url,
        items,
        // RFC 5005 paging, where a feed offers it.
        next_url: if atom { atom_link(channel, "next", base, Use::Document) } else { None },
        articles,
    })
}
