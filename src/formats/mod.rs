//! Wire formats (pure). Each format has its own serde wire model and converts
//! into the one internal model in `crate::model`. JSON text is parsed by the
//! small parser in `json`, which also deserializes the wire models. HTML in
//! a document (bodies, Dateline paragraphs) is parsed once, while
//! converting, with the parser the caller hands in (`sanitize::ParseHtml`),
//! and rebuilt by `crate::blocks` into clean blocks.
//!
//! Every field is read leniently: a wrong type in an optional field (a plain
//! `Option<T>`) hides that part, a bad list element is skipped, a wrong type
//! or absence in a required field (`Option<Typed<T>>`, checked by hand) is a
//! `FormatError` that names the field, and unknown fields are ignored.

pub mod dateline;
pub mod detect;
pub mod feed;
pub mod json;
pub mod jsonfeed;
pub mod wordpress;

pub use detect::{parse_document, parse_format_hint, Format, Steps};

pub use crate::limits::MAX_DOCUMENT_BYTES;

use crate::blocks::same_image;
use crate::limits::{MAX_CARDS, MAX_PARAGRAPH_CHARS, MAX_TAGS, MAX_TEXT_CHARS, MAX_TITLE_CHARS};
use crate::model::{Article, Block, Card, Doc, Image, Inline, Listing, Tag};
use std::rc::Rc;
use crate::text::same_folded;
use json::Json;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::fmt;

/// Why a document could not become a model. Field names are the wire names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// Not JSON at all (with the parser's position message).
    Syntax(String),
    /// JSON, but not an object at the top level.
    NotAnObject,
    TooLarge,
    Missing(&'static str),
    WrongType { field: &'static str, expected: &'static str },
    BadDate(&'static str),
    BadUrl(&'static str),
    /// Markup, but an HTML page rather than a feed (a site's home page, or
    /// a feed URL that redirects to one).
    HtmlPage,
    /// XML with another root element (its name), or (empty) XML that is
    /// not well-formed.
    NotAFeed(String),
}

impl FormatError {
    /// The wire field this error is about, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            FormatError::Missing(f) | FormatError::BadDate(f) | FormatError::BadUrl(f) => Some(f),
            FormatError::WrongType { field, .. } => Some(field),
            _ => None,
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Syntax(m) => write!(f, "the document is not valid JSON ({m})"),
            FormatError::NotAnObject => f.write_str("the document is not a JSON object"),
            FormatError::TooLarge => write!(f, "the document is larger than {MAX_DOCUMENT_BYTES} bytes"),
            FormatError::Missing(field) => write!(f, "required field `{field}` is missing or empty"),
            FormatError::WrongType { field, expected } => write!(f, "field `{field}` should be {expected}"),
            FormatError::BadDate(field) => write!(f, "field `{field}` is not an RFC 3339 date-time"),
            FormatError::BadUrl(field) => write!(f, "field `{field}` is not an http(s) URL"),
            FormatError::HtmlPage => f.write_str("the document is an HTML page, not a feed: point data-src at the feed's own URL"),
            FormatError::NotAFeed(root) if root.is_empty() => f.write_str("the document starts with `<` but is not well-formed XML"),
            FormatError::NotAFeed(root) => write!(f, "the document is XML with a root <{root}>, not an RSS (rss, rdf:RDF) or Atom (feed) feed"),
        }
    }
}

/// A required field's value as found: the wanted type, or something else (so
/// the error can say "wrong type" rather than "missing"). Swallowing `T`'s
/// error is only sound over a tree deserializer like `json`'s, where a failed
/// read leaves nothing half-consumed.
#[derive(Debug)]
pub(crate) enum Typed<T> {
    Ok(T),
    Wrong,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Typed<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(T::deserialize(d).map_or(Typed::Wrong, Typed::Ok))
    }
}

impl<T> Typed<T> {
    pub(crate) fn ok(self) -> Option<T> {
        match self {
            Typed::Ok(t) => Some(t),
            Typed::Wrong => None,
        }
    }
}

/// An optional string, trimmed; empty counts as absent.
pub(crate) fn opt_text(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// A required string, trimmed and non-empty.
pub(crate) fn req_text(v: Option<Typed<String>>, field: &'static str) -> Result<String, FormatError> {
    match v {
        None => Err(FormatError::Missing(field)),
        Some(Typed::Wrong) => Err(FormatError::WrongType { field, expected: "a string" }),
        Some(Typed::Ok(s)) => {
            let s = s.trim();
            if s.is_empty() {
                Err(FormatError::Missing(field))
            } else {
                Ok(s.to_string())
            }
        }
    }
}

/// Parse JSON text into a wire type, refusing non-objects and oversize input.
/// Fields are read leniently (see `json`): an ill-typed `Option<T>` field is
/// `None`, and list elements that do not fit are skipped.
pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, FormatError> {
    parse_json(text, false)
}

/// Like `from_json`, but a top-level array is accepted too: WordPress
/// answers a collection request (`/wp/v2/posts`, `?slug=`) with one.
pub(crate) fn from_json_or_array<T: DeserializeOwned>(text: &str) -> Result<T, FormatError> {
    parse_json(text, true)
}

fn parse_json<T: DeserializeOwned>(text: &str, arrays: bool) -> Result<T, FormatError> {
    from_tree(&json_tree(text)?, arrays)
}

/// JSON text as a tree (after any byte order mark), refusing oversize
/// input: one parse, from which `from_tree` reads each wire type asked for.
pub(crate) fn json_tree(text: &str) -> Result<Json, FormatError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(FormatError::TooLarge);
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    json::parse(body).map_err(|e| FormatError::Syntax(e.to_string()))
}

/// A wire type read from a JSON tree: an object, or (`arrays`) an array.
pub(crate) fn from_tree<T: DeserializeOwned>(value: &Json, arrays: bool) -> Result<T, FormatError> {
    match value {
        // Fields are lenient, so an object fails only as a whole (a known
        // key given twice): that is a document of the wrong shape too.
        Json::Obj(_) => T::deserialize(value).map_err(|_| FormatError::NotAnObject),
        Json::Arr(_) if arrays => T::deserialize(value).map_err(|_| FormatError::NotAnObject),
        _ => Err(FormatError::NotAnObject),
    }
}

/// The first byte of a JSON document after any byte order mark and
/// whitespace: `{` or `[` tell an object from an array without parsing.
pub(crate) fn first_byte(json: &str) -> Option<u8> {
    json.trim_start_matches('\u{feff}').trim_start().as_bytes().first().copied()
}

/// Add a tag chip unless its name is empty, repeats an earlier one in
/// another case (`text::same_folded`), or the article has enough: real tag
/// lists end with stray commas and repeat themselves.
pub(crate) fn push_tag(tags: &mut Vec<Tag>, tag: Tag) {
    if tag.name.is_empty() || tags.len() >= MAX_TAGS || tags.iter().any(|t| same_folded(&t.name, &tag.name)) {
        return;
    }
    tags.push(tag);
}

/// Add an Also Read card unless it opens what an earlier one opens (the
/// same `url` and `src`), or the section has enough.
pub(crate) fn push_card(cards: &mut Vec<Card>, card: Card) {
    if cards.len() >= MAX_CARDS || cards.iter().any(|c| c.url == card.url && c.src == card.src) {
        return;
    }
    cards.push(card);
}

/// What every format does once an article's body is built: a lead image
/// that the body repeats as its first block is dropped from the body, and
/// without an Also Read section of its own the article's section repeats
/// the inline Also Read cards of the body.
pub(crate) fn finish(a: &mut Article) {
    if let (Some(lead), Some(Block::Image(first))) = (&a.image, a.body.first()) {
        if same_image(&lead.src, &first.src) {
            a.body.remove(0);
        }
    }
    if a.also_read.is_empty() {
        for b in &a.body {
            if let Block::AlsoRead(card) = b {
                push_card(&mut a.also_read, card.clone());
            }
        }
    }
}

/// `s` cut to `max` characters, ending with `…` when cut.
fn clip(s: &mut String, max: usize) {
    if let Some((i, _)) = s.char_indices().nth(max) {
        s.truncate(i);
        s.push('…');
    }
}

fn clip_opt(s: &mut Option<String>, max: usize) {
    if let Some(s) = s {
        clip(s, max);
    }
}

fn bound_card(c: &mut Card) {
    clip(&mut c.title, MAX_TITLE_CHARS);
    clip_opt(&mut c.summary, MAX_TEXT_CHARS);
}

fn bound_image(i: &mut Image) {
    clip(&mut i.alt, MAX_TEXT_CHARS);
    clip_opt(&mut i.caption, MAX_TEXT_CHARS);
    clip_opt(&mut i.credit, MAX_TITLE_CHARS);
}

fn bound_inline(nodes: &mut [Inline]) {
    for n in nodes {
        match n {
            Inline::Text(t) => clip(t, MAX_PARAGRAPH_CHARS),
            Inline::Marked(_, c) => bound_inline(c),
            Inline::Link { title, children, .. } => {
                clip_opt(title, MAX_TITLE_CHARS);
                bound_inline(children);
            }
            Inline::Image { alt, .. } => clip(alt, MAX_TEXT_CHARS),
            Inline::Break => {}
        }
    }
}

fn bound_article(a: &mut Article) {
    clip(&mut a.title, MAX_TITLE_CHARS);
    clip_opt(&mut a.summary, MAX_TEXT_CHARS);
    clip_opt(&mut a.place, MAX_TITLE_CHARS);
    a.authors.iter_mut().for_each(|x| clip(&mut x.name, MAX_TITLE_CHARS));
    a.tags.iter_mut().for_each(|t| clip(&mut t.name, MAX_TITLE_CHARS));
    a.also_read.iter_mut().for_each(bound_card);
    if let Some(i) = &mut a.image {
        bound_image(i);
    }
    for b in &mut a.body {
        match b {
            Block::Paragraph(r) => bound_inline(r),
            Block::List { items, .. } => items.iter_mut().for_each(|r| bound_inline(r)),
            Block::Heading(t) => clip(t, MAX_TITLE_CHARS),
            Block::Quote { text, cite } => {
                clip(text, MAX_TEXT_CHARS);
                clip_opt(cite, MAX_TITLE_CHARS);
            }
            Block::Image(i) => bound_image(i),
            Block::AlsoRead(c) => bound_card(c),
            Block::Embed { provider, title, .. } => {
                clip(provider, MAX_TITLE_CHARS);
                clip_opt(title, MAX_TITLE_CHARS);
            }
            Block::Table { caption, rows, .. } => {
                clip_opt(caption, MAX_TEXT_CHARS);
                rows.iter_mut().flatten().for_each(|c| clip(c, MAX_TEXT_CHARS));
            }
        }
    }
}

fn bound_listing(l: &mut Listing) {
    clip_opt(&mut l.title, MAX_TITLE_CHARS);
    l.items.iter_mut().for_each(bound_card);
    l.articles.iter_mut().for_each(|a| bound_article(Rc::make_mut(a)));
}

/// Every text of a parsed document cut to its bound (`limits`): what a
/// feed sends is never laid out at any length.
pub(crate) fn bound(doc: &mut Doc) {
    match doc {
        Doc::Article(a) => bound_article(Rc::make_mut(a)),
        Doc::Listing(l) => bound_listing(Rc::make_mut(l)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_cut_on_a_character_with_an_ellipsis() {
        let mut s = "é".repeat(MAX_TITLE_CHARS + 5);
        clip(&mut s, MAX_TITLE_CHARS);
        assert_eq!(s.chars().count(), MAX_TITLE_CHARS + 1);
        assert!(s.ends_with('…'));
        let mut short = "short".to_string();
        clip(&mut short, MAX_TITLE_CHARS);
        assert_eq!(short, "short");
    }

    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct W {
        a: Option<Typed<String>>,
        b: Option<String>,
    }

    #[test]
    fn top_level_arrays_and_scalars_are_not_objects() {
        for doc in ["[]", "[1,2]", "\"x\"", "3", "1.5", "null", "true"] {
            assert_eq!(from_json::<W>(doc).err(), Some(FormatError::NotAnObject), "{doc}");
        }
    }

    #[test]
    fn broken_json_is_a_syntax_error_with_position() {
        assert_eq!(from_json::<W>("{\"a\": ").err(), Some(FormatError::Syntax("unexpected end of input at byte 6".into())));
        assert_eq!(from_json::<W>("{} {}").err(), Some(FormatError::Syntax("unexpected character at byte 3".into())));
    }

    #[test]
    fn a_byte_order_mark_is_tolerated() {
        let w: W = from_json("\u{feff}{\"b\":\"x\"}").unwrap();
        assert_eq!(opt_text(w.b).as_deref(), Some("x"));
        assert!(matches!(from_json::<W>("\u{feff}"), Err(FormatError::Syntax(_))));
    }

    #[test]
    fn wrong_types_are_kept_as_wrong_not_fatal() {
        let w: W = from_json("{\"a\": {\"deep\": [1,2,3]}, \"b\": 4}").unwrap();
        assert!(matches!(w.a, Some(Typed::Wrong)));
        assert_eq!(w.b, None);
        assert_eq!(req_text(w.a, "a"), Err(FormatError::WrongType { field: "a", expected: "a string" }));
        let w: W = from_json("{\"a\": null}").unwrap();
        assert_eq!(req_text(w.a, "a"), Err(FormatError::Missing("a")));
    }

    #[test]
    fn a_repeated_known_key_at_the_top_makes_the_document_unreadable() {
        assert_eq!(from_json::<W>("{\"b\": \"x\", \"b\": \"y\"}").err(), Some(FormatError::NotAnObject));
    }

    #[test]
    fn oversize_documents_are_refused_before_parsing() {
        let big = format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_DOCUMENT_BYTES));
        assert_eq!(from_json::<W>(&big).err(), Some(FormatError::TooLarge));
    }
}
