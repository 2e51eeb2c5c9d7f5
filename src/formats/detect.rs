//! Which format a document is in, from its shape (pure). A publisher points
//! the widget at whatever they already have (a Dateline article, a JSON
//! Feed, a WordPress REST URL) and the widget tells them apart; a
//! `data-format` attribute can force the choice. See docs/FORMAT.md.
//!
//! The JSON is parsed once into a tree; detection reads from it a `Probe`
//! that keeps only a few small facts (is `title` an object with
//! `rendered`? what is `version`?), then the chosen format reads its wire
//! model from the same tree. Arrays need no probe: only WordPress sends
//! them.

use super::dateline::{article_from_item, ItemWire};
use super::jsonfeed::{listing_from_feed, FeedWire};
use super::wordpress::{article_from_post, listing_from_posts, Wp};
use super::json::Json;
use super::{first_byte, from_tree, json_tree, FormatError};
use crate::model::Doc;
use std::rc::Rc;
use super::feed::{listing_from_xml, pick_item};
use super::MAX_DOCUMENT_BYTES;
use crate::preparse::{prepare, Budget};
use crate::sanitize::{ParseHtml, ParseXml, Raw};
use crate::text::strip_prefix_ci;
use crate::url::param;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// A wire format the widget reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A JSON Feed item with a `_dateline` extension (docs/FORMAT.md).
    Dateline,
    /// JSON Feed 1.0 or 1.1: a feed, or a single item.
    JsonFeed,
    /// The WordPress REST API: a post, or an array of posts.
    WordPress,
    /// An RSS 2.0, 0.91/0.92 or 1.0 (RDF) feed. The browser parses the XML;
    /// the root element then says which feed it is, so `Rss` and `Atom`
    /// both mean "an XML feed".
    Rss,
    /// An Atom 1.0 feed.
    Atom,
}

impl Format {
    /// The name `data-format` gives it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Dateline => "dateline",
            Format::JsonFeed => "jsonfeed",
            Format::WordPress => "wordpress",
            Format::Rss => "rss",
            Format::Atom => "atom",
        }
    }
}

/// Read a `data-format` attribute: `dateline`, `jsonfeed`, `wordpress`,
/// `rss` or `atom` (ASCII case and surrounding spaces ignored). Anything
/// else is `None`, which means "detect".
pub fn parse_format_hint(s: &str) -> Option<Format> {
    let s = s.trim();
    [Format::Dateline, Format::JsonFeed, Format::WordPress, Format::Rss, Format::Atom]
        .into_iter()
        .find(|f| s.eq_ignore_ascii_case(f.name()))
}

/// The format a response's `Content-Type` names, if it names a feed:
/// `application/rss+xml`, `application/rdf+xml`, `application/atom+xml`,
/// `application/xml` or `text/xml` (parameters and ASCII case ignored).
/// JSON types say nothing the document does not.
pub fn format_from_content_type(ct: &str) -> Option<Format> {
    let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match mime.as_str() {
        "application/atom+xml" => Some(Format::Atom),
        "application/rss+xml" | "application/rdf+xml" | "application/xml" | "text/xml" => Some(Format::Rss),
        _ => None,
    }
}

/// Does this markup start like an HTML page (`<!DOCTYPE html>`, `<html>`,
/// `<head>`, `<body>`), after any XML declaration, comments and spaces?
fn is_html_page(text: &str) -> bool {
    let mut t = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        let skip = if t.starts_with("<?") {
            t.find("?>").map(|i| i + 2)
        } else if t.starts_with("<!--") {
            t.find("-->").map(|i| i + 3)
        } else {
            break;
        };
        match skip {
            Some(i) => t = t[i..].trim_start(),
            None => return false,
        }
    }
    ["<!doctype html", "<html", "<head", "<body"].iter().any(|tag| {
        strip_prefix_ci(t, tag).is_some_and(|rest| rest.bytes().next().is_none_or(|b| !b.is_ascii_alphanumeric()))
    })
}

/// What a document is parsed into, once, before any of its HTML is read:
/// a feed's root element (a document that starts with `<`, or is said to
/// be a feed), or a JSON tree.
enum Parsed {
    Feed(Raw),
    Json(Json),
}

impl Parsed {
    fn new(text: &str, forced: Option<Format>, xml: ParseXml<'_>) -> Result<Self, FormatError> {
        if first_byte(text) == Some(b'<') || matches!(forced, Some(Format::Rss | Format::Atom)) {
            markup_root(text, xml).map(Parsed::Feed)
        } else {
            json_tree(text).map(Parsed::Json)
        }
    }

    /// The document, its HTML strings read by `html`: an RSS or Atom
    /// listing (or the error that names what was found instead), or one
    /// of the JSON formats.
    fn doc(&self, doc_url: &str, forced: Option<Format>, html: ParseHtml<'_>) -> Result<Doc, FormatError> {
        match self {
            Parsed::Feed(root) => markup_doc(root, doc_url, html),
            Parsed::Json(tree) => parse_json_doc(tree, doc_url, forced, html),
        }
    }
}

/// A markup document's root element, parsed by `xml`.
fn markup_root(text: &str, xml: ParseXml<'_>) -> Result<Raw, FormatError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(FormatError::TooLarge);
    }
    if is_html_page(text) {
        return Err(FormatError::HtmlPage);
    }
    xml(text).ok_or_else(|| FormatError::NotAFeed(String::new()))
}

fn markup_doc(root: &Raw, doc_url: &str, html: ParseHtml<'_>) -> Result<Doc, FormatError> {
    let doc = match root {
        Raw::Element { name, .. } if name.eq_ignore_ascii_case("html") => Err(FormatError::HtmlPage),
        _ => listing_from_xml(root, doc_url, html).map(|l| Doc::Listing(Rc::new(l))),
    };
    pick_item(doc, doc_url)
}

/// What one probed field looked like.
enum Shape {
    /// A string; its value only when short (a `version`, a `link`).
    Text(Option<String>),
    /// An object with a `rendered` key (WordPress's `title`, `content`).
    Rendered,
    Array,
    Other,
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Shape;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Shape, E> {
                Ok(Shape::Text((v.len() <= 64).then(|| v.to_string())))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_unit<E>(self) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Shape, A::Error> {
                while a.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Shape::Array)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Shape, A::Error> {
                let mut rendered = false;
                while let Some(k) = a.next_key::<String>()? {
                    rendered |= k == "rendered";
                    a.next_value::<IgnoredAny>()?;
                }
                Ok(if rendered { Shape::Rendered } else { Shape::Other })
            }
        }
        d.deserialize_any(V)
    }
}

/// The few top-level facts that tell the object formats apart.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Probe {
    version: Option<Shape>,
    items: Option<Shape>,
    #[serde(rename = "_dateline")]
    dateline: Option<Shape>,
    title: Option<Shape>,
    content: Option<Shape>,
    link: Option<Shape>,
}

impl Probe {
    /// `https://jsonfeed.org/version/1`, `…/1.1` (and any later version).
    fn is_feed(&self) -> bool {
        let versioned = matches!(&self.version, Some(Shape::Text(Some(v)))
            if v.strip_prefix("https://").or_else(|| v.strip_prefix("http://")).is_some_and(|r| r.starts_with("jsonfeed.org/version/")));
        versioned || matches!(self.items, Some(Shape::Array))
    }

    /// `title.rendered`, `content.rendered` and `link`.
    fn is_wordpress(&self) -> bool {
        matches!(self.title, Some(Shape::Rendered))
            && matches!(self.content, Some(Shape::Rendered))
            && matches!(self.link, Some(Shape::Text(_)))
    }

    fn detect(&self) -> Format {
        if self.dateline.is_some() {
            Format::Dateline
        } else if self.is_feed() {
            Format::JsonFeed
        } else if self.is_wordpress() {
            Format::WordPress
        } else {
            // An item of some kind: the item conversion names what is
            // missing ("…its data is incomplete (title)").
            Format::JsonFeed
        }
    }
}

/// Parse a document loaded from `doc_url`, in the `forced` format or the
/// one its shape shows:
/// - an object with `_dateline` → a Dateline article;
/// - an object with a jsonfeed.org `version` (or an `items` array) → a
///   JSON Feed listing;
/// - an object with `title.rendered`, `content.rendered` and `link` → a
///   WordPress post;
/// - a top-level array → WordPress posts: a listing, or an article when it
///   holds exactly one post and was asked for by `slug` (what a post's
///   `?slug=…` URL returns; the last page of a list may hold one post too);
/// - any other object → a JSON Feed item (an article).
///
/// - a document whose first character is `<` (or `forced` to `rss` or
///   `atom`) → an RSS or Atom feed, read by `xml`: a listing; an HTML page
///   (or other XML) is an error that says so.
///
/// HTML in the document goes through `html` once, after
/// `preparse::prepare` (the document's strings share one element budget),
/// and every text field of the result is bounded (`super::bound`).
pub fn parse_document(
    json: &str,
    doc_url: &str,
    forced: Option<Format>,
    html: ParseHtml<'_>,
    xml: ParseXml<'_>,
) -> Result<Doc, FormatError> {
    let mut budget = Budget::default();
    let mut doc = Parsed::new(json, forced, xml)?.doc(doc_url, forced, &mut |s| read_html(s, &mut budget, html))?;
    super::bound(&mut doc);
    Ok(doc)
}

/// One HTML string of a document, as every reading path reads it:
/// `preparse::prepare` (spending the document's `budget`), then `html`.
/// Plain text (a paragraph without markup, or any string once the budget
/// is spent) is what the parser would make of it: no parse. (The parser
/// drops leading whitespace before the body; so does this.)
fn read_html(s: &str, budget: &mut Budget, html: ParseHtml<'_>) -> Vec<Raw> {
    let p = prepare(s, budget);
    if p.bytes().any(|b| matches!(b, b'<' | b'&' | b'\r' | b'\0')) {
        html(&p)
    } else {
        let t = p.trim_start_matches(['\t', '\n', '\x0c', ' ']);
        if t.is_empty() {
            Vec::new()
        } else {
            vec![Raw::Text(t.to_string())]
        }
    }
}

/// `parse_document` in steps, so that a long document need not hold up
/// the host page: `new` reads the document's structure (a feed's XML
/// included) and lists its HTML strings without parsing any, each `step`
/// reads the next string, and `finish` builds the document from what the
/// steps read. The caller yields to the page between steps (`net`). The
/// result is `parse_document`'s: the strings are read in the order it
/// reads them, against one element budget, each parsed once.
///
/// The listing pretends every string holds content, so it ends where the
/// real reading ends (a story's first `MAX_BLOCKS` paragraphs). Should the
/// real reading ask for more (paragraphs that turn out empty), those come
/// after the listed ones in its order, and `finish` reads them then.
pub struct Steps<'a> {
    doc_url: &'a str,
    forced: Option<Format>,
    budget: Budget,
    /// The listed strings, last first; a step keeps only each one's length
    /// and hash, which is all `finish` needs to match them.
    todo: Vec<String>,
    /// What each step read: the string's length and hash, and its tree.
    read: Vec<(usize, u64, Vec<Raw>)>,
    /// What the document was parsed into, once (none when that failed).
    parsed: Option<Parsed>,
    /// The outcome of the first reading when the document has no HTML:
    /// then it is the document.
    done: Option<Result<Doc, FormatError>>,
}

/// A string's hash (FxHash's step over eight bytes at a time): with its
/// length, how `Steps::finish` knows a string it is asked for from the one
/// a step read. A collision could only swap two of the document's own
/// strings, each already read through the same pre-parse pass and parser.
fn hash(s: &str) -> u64 {
    let step = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    let words = s.as_bytes().chunks_exact(8);
    let tail = words.remainder().iter().fold(0, |h, &b| step(h, b as u64));
    words.fold(tail, |h, w| step(h, u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]])))
}

impl<'a> Steps<'a> {
    pub fn new(json: &'a str, doc_url: &'a str, forced: Option<Format>, xml: ParseXml<'_>) -> Self {
        let mut todo = Vec::new();
        let mut list = |s: &str| {
            todo.push(s.to_string());
            vec![Raw::Text("x".into())]
        };
        let (parsed, done) = match Parsed::new(json, forced, xml) {
            Ok(p) => {
                let first = p.doc(doc_url, forced, &mut list);
                (Some(p), todo.is_empty().then_some(first))
            }
            Err(e) => (None, Some(Err(e))),
        };
        todo.reverse();
        Steps { doc_url, forced, budget: Budget::default(), todo, read: Vec::new(), parsed, done }
    }

    /// Read the next HTML string; `false` when none was left.
    pub fn step(&mut self, html: ParseHtml<'_>) -> bool {
        let Some(s) = self.todo.pop() else { return false };
        let nodes = read_html(&s, &mut self.budget, html);
        self.read.push((s.len(), hash(&s), nodes));
        true
    }

    /// The document, from the strings the steps read (any not yet read,
    /// or asked for that the listing did not hold, are read now).
    pub fn finish(mut self, html: ParseHtml<'_>) -> Result<Doc, FormatError> {
        let mut doc = match self.done.take() {
            Some(done) => done?,
            None => {
                while self.step(html) {}
                let Steps { doc_url, forced, mut budget, mut read, parsed, .. } = self;
                let mut at = 0;
                let mut replay = |s: &str| {
                    let key = (s.len(), hash(s));
                    match read[at..].iter().position(|(n, h, _)| (*n, *h) == key) {
                        Some(i) => {
                            at += i + 1;
                            std::mem::take(&mut read[at - 1].2)
                        }
                        None => read_html(s, &mut budget, html),
                    }
                };
                // (Parsed, or `done` would hold the failure.)
                parsed.map_or(Err(FormatError::NotAnObject), |p| p.doc(doc_url, forced, &mut replay))?
            }
        };
        super::bound(&mut doc);
        Ok(doc)
    }
}

/// A JSON document, parsed once into `value`, as `parse_document` says.
#[inline(never)]
fn parse_json_doc(value: &Json, doc_url: &str, forced: Option<Format>, html: ParseHtml<'_>) -> Result<Doc, FormatError> {
    if matches!(value, Json::Arr(_)) && matches!(forced, None | Some(Format::WordPress)) {
        let mut posts: Vec<Wp> = from_tree(value, true)?;
        return if posts.len() == 1 && param(doc_url, "slug").is_some() {
            let post = posts.pop().unwrap_or_default();
            article_from_post(post, doc_url, html).map(|a| Doc::Article(Rc::new(a)))
        } else {
            Ok(Doc::Listing(Rc::new(listing_from_posts(posts, doc_url))))
        };
    }
    let probe: Probe = from_tree(value, false)?;
    match forced.unwrap_or_else(|| probe.detect()) {
        Format::WordPress => {
            let post: Wp = from_tree(value, false)?;
            article_from_post(post, doc_url, html).map(|a| Doc::Article(Rc::new(a)))
        }
        Format::JsonFeed if probe.is_feed() => {
            let feed: FeedWire = from_tree(value, false)?;
            pick_item(listing_from_feed(feed, doc_url, html).map(|l| Doc::Listing(Rc::new(l))), doc_url)
        }
        Format::JsonFeed | Format::Dateline | Format::Rss | Format::Atom => {
            let item: ItemWire = from_tree(value, false)?;
            article_from_item(item, doc_url, html).map(|a| Doc::Article(Rc::new(a)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_html(_: &str) -> Vec<Raw> {
        Vec::new()
    }

    fn no_xml(_: &str) -> Option<Raw> {
        None
    }

    #[test]
    fn a_one_post_array_is_an_article_only_when_asked_for_by_slug() {
        let post = r#"[{"id": 5, "link": "https://s.example/a/", "title": {"rendered": "A"}, "content": {"rendered": ""}, "date_gmt": "2025-05-18T10:00:00"}]"#;
        let is_article = |url: &str| matches!(parse_document(post, url, None, &mut no_html, &mut no_xml), Ok(Doc::Article(_)));
        assert!(is_article("https://s.example/wp-json/wp/v2/posts?slug=a-b&_embed"));
        assert!(is_article("https://s.example/?rest_route=/wp/v2/posts&slug=a"));
        assert!(!is_article("https://s.example/wp-json/wp/v2/posts?_embed&page=3"));
        assert!(!is_article("https://s.example/wp-json/wp/v2/posts?myslug=a"));
        assert!(!is_article("https://s.example/wp-json/wp/v2/posts#slug=a"));
    }

    #[test]
    fn format_hints_are_the_three_names_in_any_ascii_case() {
        assert_eq!(parse_format_hint("wordpress"), Some(Format::WordPress));
        assert_eq!(parse_format_hint(" JSONFeed "), Some(Format::JsonFeed));
        assert_eq!(parse_format_hint("Dateline"), Some(Format::Dateline));
        assert_eq!(parse_format_hint("auto"), None);
        assert_eq!(parse_format_hint(""), None);
        assert_eq!(parse_format_hint("wordpreß"), None);
    }

    #[test]
    fn the_probe_accepts_any_value_type_in_its_fields() {
        let p: Probe = super::super::from_json(r#"{"version": 1, "items": {}, "title": [1], "content": null, "link": {"rendered": 2}, "x": [[[]]]}"#).unwrap();
        assert!(!p.is_feed());
        assert!(!p.is_wordpress());
        assert_eq!(p.detect(), Format::JsonFeed);
    }

    #[test]
    fn scalars_are_still_not_objects_and_broken_json_a_syntax_error() {
        assert_eq!(parse_document("\"x\"", "https://x.example/", None, &mut no_html, &mut no_xml), Err(FormatError::NotAnObject));
        assert!(matches!(parse_document("{\"a\":", "https://x.example/", None, &mut no_html, &mut no_xml), Err(FormatError::Syntax(_))));
        assert_eq!(parse_document("[]", "https://x.example/", Some(Format::Dateline), &mut no_html, &mut no_xml), Err(FormatError::NotAnObject));
    }
}
