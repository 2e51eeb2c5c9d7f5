//! JSON Feed 1.0/1.1 documents (https://www.jsonfeed.org/version/1.1/) as
//! listings: the Recent Posts rail, and tag and "latest news" listings.

use super::dateline::{card_from, CardWire, ItemWire};
use super::{from_json, opt_text, FormatError, Typed};
use crate::limits::MAX_FEED_ITEMS;
use crate::model::{Card, Listing};
use crate::text::excerpt;
use crate::url::{checked, Use};
use serde::Deserialize;

#[derive(Deserialize, Default, Debug)]
#[serde(default)]
pub(crate) struct FeedWire {
    #[allow(dead_code)] // read by format detection
    pub version: Option<String>,
    pub title: Option<String>,
    pub home_page_url: Option<String>,
    pub next_url: Option<String>,
    /// Required: `Typed` tells a wrong type from an absent field.
    pub items: Option<Typed<Vec<ItemWire>>>,
}

/// Parse a JSON Feed document loaded from `doc_url` into a listing. Items
/// without a title, or without any usable link, are skipped.
pub fn parse_listing(json: &str, doc_url: &str) -> Result<Listing, FormatError> {
    let wire: FeedWire = from_json(json)?;
    let items = match wire.items {
        None => return Err(FormatError::Missing("items")),
        Some(Typed::Wrong) => return Err(FormatError::WrongType { field: "items", expected: "an array" }),
        Some(Typed::Ok(items)) => items,
    };
    let items: Vec<Card> = items
        .into_iter()
        .filter_map(|item| card_from_item(item, doc_url))
        .take(MAX_FEED_ITEMS)
        .collect();
    Ok(Listing {
        title: opt_text(wire.title),
        home_url: opt_text(wire.home_page_url).and_then(|u| checked(doc_url, &u, Use::Link)),
        items,
        next_url: opt_text(wire.next_url).and_then(|u| checked(doc_url, &u, Use::Document)),
        articles: Vec::new(),
    })
}

fn card_from_item(item: ItemWire, doc_url: &str) -> Option<Card> {
    let src = item.ext.and_then(|e| e.src);
    let summary = opt_text(item.summary).or_else(|| {
        // Feeds without a summary: a short, plain excerpt of content_text.
        opt_text(item.content_text).map(|t| excerpt(&t, 200))
    });
    card_from(
        doc_url,
        CardWire {
            title: item.title.and_then(Typed::ok),
            url: item.url.and_then(Typed::ok),
            src,
            image: item.image,
            summary,
            date_published: item.date_published.and_then(Typed::ok),
        },
    )
}
