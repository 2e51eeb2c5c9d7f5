//! JSON Feed 1.0/1.1 documents (https://www.jsonfeed.org/version/1.1/) as
//! listings: the Recent Posts rail, and tag and "latest news" listings.

use super::dateline::{article_from_item, card_from, CardWire, ItemWire};
use super::feed::item_src;
use super::{from_json, opt_text, FormatError, Typed};
use crate::sanitize::ParseHtml;
use std::rc::Rc;
use crate::limits::{MAX_FEED_ARTICLES, MAX_FEED_ITEMS};
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
/// without a title, or without any usable link, are skipped. Items that
/// carry their content (`content_html`, `content_text`) and no Dateline
/// `src` of their own become articles too (`Listing::articles`, bodies
/// through `html` once), read in place at `<feed URL>#item=<id>`, as RSS
/// and Atom items are.
pub fn parse_listing(json: &str, doc_url: &str, html: ParseHtml<'_>) -> Result<Listing, FormatError> {
    listing_from_feed(from_json(json)?, doc_url, html)
}

/// `parse_listing` from the feed's wire model.
pub(crate) fn listing_from_feed(wire: FeedWire, doc_url: &str, html: ParseHtml<'_>) -> Result<Listing, FormatError> {
    let items = match wire.items {
        None => return Err(FormatError::Missing("items")),
        Some(Typed::Wrong) => return Err(FormatError::WrongType { field: "items", expected: "an array" }),
        Some(Typed::Ok(items)) => items,
    };
    let feed = doc_url.split('#').next().unwrap_or(doc_url);
    let title = opt_text(wire.title);
    let mut cards = Vec::new();
    let mut articles = Vec::new();
    for item in items {
        if cards.len() >= MAX_FEED_ITEMS {
            break;
        }
        let whole = articles.len() < MAX_FEED_ARTICLES
            && item.ext.as_ref().is_none_or(|e| e.src.is_none())
            && (opt_text(item.content_html.clone()).is_some() || opt_text(item.content_text.clone()).is_some());
        if whole {
            let summary = opt_text(item.summary.clone()).or_else(|| opt_text(item.content_text.clone()).map(|t| excerpt(&t, 200)));
            if let Ok(mut a) = article_from_item(item, doc_url, html) {
                a.src = item_src(feed, &a.id);
                a.recent.get_or_insert_with(|| feed.to_string());
                // An item's publisher is its feed, unless it names its own.
                if a.publisher.is_none() {
                    a.publisher = title.clone();
                }
                cards.push(Card {
                    title: a.title.clone(),
                    url: Some(a.url.clone()),
                    src: Some(a.src.clone()),
                    image: a.image.as_ref().map(|i| i.src.clone()),
                    summary,
                    published: Some(a.published),
                });
                articles.push(Rc::new(a));
            }
            continue;
        }
        cards.extend(card_from_item(item, doc_url));
    }
    Ok(Listing {
        title,
        home_url: opt_text(wire.home_page_url).and_then(|u| checked(doc_url, &u, Use::Link)),
        items: cards,
        next_url: opt_text(wire.next_url).and_then(|u| checked(doc_url, &u, Use::Document)),
        articles,
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
