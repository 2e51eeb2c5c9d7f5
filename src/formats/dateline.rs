//! "Dateline article JSON": a JSON Feed 1.1 item with a `_dateline`
//! extension object. See docs/FORMAT.md.

use super::{finish, from_json, opt_text, push_card, push_tag, req_text, FormatError, Typed};
use crate::blocks::{from_html, inline_from_html, no_link_src};
use crate::i18n::valid_locale;
use crate::limits::{MAX_AUTHORS, MAX_BLOCKS};
use crate::model::{size_pair, Article, Author, Block, Card, Image, Inline, Tag};
use crate::sanitize::ParseHtml;
use crate::time::parse_rfc3339;
use crate::url::{checked, Use};
use serde::de::{Deserializer, Visitor};
use serde::Deserialize;
use std::fmt;

/// A JSON Feed item id may be a string or (in the wild) an integer. A float
/// id is refused like any other wrong type; integers need no float printing.
#[derive(Debug)]
pub(crate) enum Id {
    S(String),
    I(i64),
}

/// By hand rather than `#[serde(untagged)]`, which buffers the value and
/// links serde's whole `Content` machinery.
impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or an integer")
            }
            fn visit_str<E>(self, s: &str) -> Result<Id, E> {
                Ok(Id::S(s.to_string()))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Id, E> {
                Ok(Id::I(n))
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Id, E> {
                i64::try_from(n).map(Id::I).map_err(|_| E::custom("id out of range"))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize, Default, Debug)]
#[serde(default)]
pub(crate) struct AuthorWire {
    pub name: Option<String>,
    pub url: Option<String>,
}

#[derive(Deserialize, Default, Debug)]
#[serde(default)]
pub(crate) struct ImageWire {
    pub src: Option<String>,
    pub alt: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

#[derive(Deserialize, Default, Debug)]
#[serde(default)]
pub(crate) struct CardWire {
    pub title: Option<String>,
    pub url: Option<String>,
    pub src: Option<String>,
    pub image: Option<String>,
    pub summary: Option<String>,
    pub date_published: Option<String>,
}

#[derive(Deserialize, Default, Debug)]
#[serde(default)]
pub(crate) struct TagWire {
    pub name: Option<String>,
    pub url: Option<String>,
    pub src: Option<String>,
}

/// One flat struct for every block type keeps the wasm small; `type` picks
/// which fields matter.
#[derive(Deserialize, Default, Debug)]
#[serde(default)]
pub(crate) struct BlockWire {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub html: Option<String>,
    pub text: Option<String>,
    pub cite: Option<String>,
    pub ordered: Option<bool>,
    pub items: Option<Vec<String>>,
    // image
    pub src: Option<String>,
    pub alt: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub caption: Option<String>,
    pub credit: Option<String>,
    // also_read
    pub title: Option<String>,
    pub url: Option<String>,
    pub image: Option<String>,
    pub summary: Option<String>,
    pub date_published: Option<String>,
}

#[derive(Deserialize, Default, Debug)]
#[serde(default)]
pub(crate) struct ExtWire {
    pub place: Option<String>,
    pub image: Option<ImageWire>,
    pub blocks: Option<Vec<BlockWire>>,
    pub also_read: Option<Vec<CardWire>>,
    pub tags: Option<Vec<TagWire>>,
    pub recent: Option<String>,
    /// Who published the story (a partner's credit).
    pub publisher: Option<String>,
    /// On feed items: the item's article JSON.
    pub src: Option<String>,
}

#[derive(Deserialize, Default, Debug)]
#[serde(default)]
pub(crate) struct ItemWire {
    // Required: `Typed` tells a wrong type from an absent field.
    pub id: Option<Typed<Id>>,
    pub url: Option<Typed<String>>,
    pub title: Option<Typed<String>>,
    pub summary: Option<String>,
    pub date_published: Option<Typed<String>>,
    pub date_modified: Option<String>,
    pub authors: Option<Vec<AuthorWire>>,
    /// JSON Feed 1.0's single author.
    pub author: Option<AuthorWire>,
    pub language: Option<String>,
    pub image: Option<String>,
    pub tags: Option<Vec<String>>,
    pub content_html: Option<String>,
    pub content_text: Option<String>,
    #[serde(rename = "_dateline")]
    pub ext: Option<ExtWire>,
}

/// Parse a Dateline article document loaded from `doc_url`; its HTML goes
/// through `html` once.
pub fn parse_article(json: &str, doc_url: &str, html: ParseHtml<'_>) -> Result<Article, FormatError> {
    let wire: ItemWire = from_json(json)?;
    article_from_item(wire, doc_url, html)
}

fn link(base: &str, v: Option<String>) -> Option<String> {
    opt_text(v).and_then(|u| checked(base, &u, Use::Link))
}

fn doc_link(base: &str, v: Option<String>) -> Option<String> {
    opt_text(v).and_then(|u| checked(base, &u, Use::Document))
}

fn image_url(base: &str, v: Option<String>) -> Option<String> {
    opt_text(v).and_then(|u| checked(base, &u, Use::Image))
}

fn date(v: Option<String>) -> Option<i64> {
    opt_text(v).and_then(|s| parse_rfc3339(&s))
}

pub(crate) fn image_from(base: &str, w: ImageWire) -> Option<Image> {
    let src = image_url(base, w.src)?;
    let (width, height) = size_pair(w.width, w.height);
    Some(Image {
        src,
        alt: opt_text(w.alt).unwrap_or_default(),
        width,
        height,
        caption: opt_text(w.caption),
        credit: opt_text(w.credit),
    })
}

pub(crate) fn card_from(base: &str, w: CardWire) -> Option<Card> {
    let title = opt_text(w.title)?;
    let url = link(base, w.url);
    let src = doc_link(base, w.src);
    if url.is_none() && src.is_none() {
        return None;
    }
    Some(Card {
        title,
        url,
        src,
        image: image_url(base, w.image),
        summary: opt_text(w.summary),
        published: date(w.date_published),
    })
}

fn block_from(base: &str, w: BlockWire, html: ParseHtml<'_>) -> Option<Block> {
    let kind = opt_text(w.kind)?;
    let mut rich = |s: String| inline_from_html(html(&s), base);
    Some(match kind.as_str() {
        "paragraph" => match opt_text(w.html) {
            Some(h) => Block::Paragraph(rich(h)?),
            None => Block::Paragraph(vec![Inline::Text(opt_text(w.text)?)]),
        },
        "heading" => Block::Heading(opt_text(w.text)?),
        "quote" => Block::Quote { text: opt_text(w.text)?, cite: opt_text(w.cite) },
        "list" => {
            let items: Vec<_> = w.items.unwrap_or_default().into_iter().filter_map(|s| opt_text(Some(s))).filter_map(&mut rich).collect();
            if items.is_empty() {
                return None;
            }
            Block::List { ordered: w.ordered.unwrap_or(false), items }
        }
        "image" => Block::Image(image_from(
            base,
            ImageWire { src: w.src, alt: w.alt, width: w.width, height: w.height, caption: w.caption, credit: w.credit },
        )?),
        "also_read" => Block::AlsoRead(card_from(
            base,
            CardWire {
                title: w.title,
                url: w.url,
                src: w.src,
                image: w.image,
                summary: w.summary,
                date_published: w.date_published,
            },
        )?),
        // Unknown block types render nothing.
        _ => return None,
    })
}

/// Split `content_text` into paragraphs on blank lines.
fn text_paragraphs(text: &str) -> Vec<Block> {
    let normalized = text.replace("\r\n", "\n");
    normalized
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Block::Paragraph(vec![Inline::Text(p.to_string())]))
        .collect()
}

pub(crate) fn authors_from(base: &str, authors: Option<Vec<AuthorWire>>, author: Option<AuthorWire>) -> Vec<Author> {
    let mut list = authors.unwrap_or_default();
    if list.is_empty() {
        list.extend(author);
    }
    list.into_iter()
        .filter_map(|a| {
            let name = opt_text(a.name)?;
            Some(Author { name, url: link(base, a.url) })
        })
        .take(MAX_AUTHORS)
        .collect()
}

pub(crate) fn article_from_item(wire: ItemWire, doc_url: &str, html: ParseHtml<'_>) -> Result<Article, FormatError> {
    let id = match wire.id {
        None => return Err(FormatError::Missing("id")),
        Some(Typed::Ok(Id::S(s))) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Typed::Ok(Id::I(n))) => n.to_string(),
        Some(Typed::Ok(Id::S(_))) => return Err(FormatError::Missing("id")),
        Some(Typed::Wrong) => return Err(FormatError::WrongType { field: "id", expected: "a string" }),
    };
    let url = req_text(wire.url, "url")?;
    let url = checked(doc_url, &url, Use::Document).ok_or(FormatError::BadUrl("url"))?;
    let title = req_text(wire.title, "title")?;
    let published = req_text(wire.date_published, "date_published")?;
    let published = parse_rfc3339(&published).ok_or(FormatError::BadDate("date_published"))?;

    let ext = wire.ext.unwrap_or_default();

    let mut body: Vec<Block> = Vec::new();
    let blocks = ext.blocks.unwrap_or_default();
    if !blocks.is_empty() {
        body.extend(blocks.into_iter().filter_map(|b| block_from(doc_url, b, html)).take(MAX_BLOCKS));
    } else if let Some(h) = opt_text(wire.content_html) {
        body = from_html(html(&h), doc_url, &no_link_src);
    } else if let Some(text) = opt_text(wire.content_text) {
        body.extend(text_paragraphs(&text).into_iter().take(MAX_BLOCKS));
    }

    let mut also_read = Vec::new();
    for c in ext.also_read.unwrap_or_default() {
        if let Some(card) = card_from(doc_url, c) {
            push_card(&mut also_read, card);
        }
    }

    let mut tags = Vec::new();
    let rich_tags = ext.tags.unwrap_or_default();
    if !rich_tags.is_empty() {
        for t in rich_tags {
            let Some(name) = opt_text(t.name) else { continue };
            push_tag(&mut tags, Tag { name, url: link(doc_url, t.url), src: doc_link(doc_url, t.src) });
        }
    } else {
        for name in wire.tags.unwrap_or_default() {
            push_tag(&mut tags, Tag { name: name.trim().to_string(), url: None, src: None });
        }
    }

    let image = ext.image.and_then(|i| image_from(doc_url, i)).or_else(|| {
        image_url(doc_url, wire.image).map(|src| Image { src, alt: String::new(), width: None, height: None, caption: None, credit: None })
    });

    let mut a = Article {
        id,
        url,
        src: doc_url.to_string(),
        title,
        summary: opt_text(wire.summary),
        published,
        modified: date(wire.date_modified),
        authors: authors_from(doc_url, wire.authors, wire.author),
        language: opt_text(wire.language).filter(|l| valid_locale(l)),
        place: opt_text(ext.place),
        image,
        body,
        also_read,
        tags,
        recent: doc_link(doc_url, ext.recent),
        api: None,
        publisher: opt_text(ext.publisher),
    };
    finish(&mut a);
    Ok(a)
}
