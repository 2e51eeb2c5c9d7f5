//! Story cards: Also Read cards (inline and in their section), tag chips, a
//! listing's stories, the Recent Posts rail, and the `<time>` element every
//! relative time uses. Built with `dom` from the model. Titles, excerpts and
//! tag names come from feeds in any language, so each is its own
//! `dir="auto"` island: an English headline in an Urdu rail reads left to
//! right, and its punctuation stays where it belongs.

use super::clock;
use super::dom::{el, el_text, heading, text};
use super::intl::{date_time, iso, relative};
use super::prefetch;
use super::Ctx;
use crate::model::{Card, Listing, Tag};
use web_sys::{Element, Node};

/// `<time part="time" datetime="ISO" title="absolute, localized">6 hours ago</time>`,
/// kept current by the shared clock while it is in view.
pub fn time(parent: &Node, ctx: &Ctx, ms: i64) -> Element {
    let t = el_text(
        parent,
        "time",
        &[("part", "time"), ("datetime", &iso(ms)), ("title", &date_time(ms, &ctx.locale))],
        &relative(ms, crate::browser::now(), &ctx.locale),
    );
    clock::watch(&t, ms, &ctx.locale);
    t
}

/// A link that opens `src` in place. The widget handles clicks, hovers and
/// focus for all of these links at once (one listener each on its root, see
/// `Widget`): a plain left click opens `data-src` in place (modified clicks
/// keep the browser's behaviour on `href`, the canonical page), and hover or
/// focus prefetches it, as does (on touch screens) scrolling it into view.
/// `data-hint` names a listing that has no title of its own (a tag).
///
/// A `src` on another origin than the widget's own `data-src` never opens in
/// place (`history::in_place`, docs/SECURITY.md): the link is an ordinary
/// one to `href` in a new tab, or no link at all when `href` is that `src`.
pub fn in_place_link(parent: &Node, ctx: &Ctx, src: &str, href: &str, part: &str, class: &str, hint: Option<&str>) -> Element {
    if !crate::history::in_place(src, &ctx.home) {
        let a = el(parent, "a", &[("class", class)]);
        if href != src {
            for (k, v) in [("href", href), ("target", "_blank"), ("rel", "noopener noreferrer")] {
                let _ = a.set_attribute(k, v);
            }
        }
        if !part.is_empty() {
            let _ = a.set_attribute("part", part);
        }
        return a;
    }
    let a = el(parent, "a", &[("class", class), ("href", href), ("data-src", src)]);
    if !part.is_empty() {
        let _ = a.set_attribute("part", part);
    }
    if let Some(h) = hint {
        let _ = a.set_attribute("data-hint", h);
    }
    // A widget with `data-format` reads what its links open the same way;
    // the touch-screen prefetch finds it here.
    if let Some(f) = ctx.format {
        let _ = a.set_attribute("data-format", f.name());
    }
    prefetch::observe(&a);
    a
}

/// Whether a story or tag opens in place: it has a `src`, and the widget
/// does not send readers out (`data-links="out"`) to the page it has.
fn in_place<'a>(ctx: &Ctx, src: &'a Option<String>, url: &Option<String>) -> Option<&'a String> {
    src.as_ref().filter(|_| !(ctx.out && url.is_some()))
}

/// An ordinary link to one of the publisher's pages (`url`, with the
/// campaign parameters), in a new tab, which says so to screen readers.
pub fn out_link(parent: &Node, ctx: &Ctx, url: &str, part: &str, class: &str) -> Element {
    el(parent, "a", &[("part", part), ("class", class), ("href", &ctx.canonical(url)), ("target", "_blank"), ("rel", "noopener noreferrer")])
}

/// " (opens in a new tab)", for screen readers, at the end of a link.
pub fn new_tab_note(a: &Element, ctx: &Ctx) {
    let sr = el(a, "span", &[("class", "dl-sr")]);
    text(&sr, " (");
    text(&sr, ctx.t().opens_new_tab);
    text(&sr, ")");
}

/// A link to a story: in place with a `src` (its `href` the canonical
/// page, for modified clicks), else an ordinary link to `url` in a new
/// tab. `fill` puts the card's content in it.
pub fn card_link(parent: &Node, ctx: &Ctx, card: &Card, part: &str, class: &str, fill: impl FnOnce(&Element)) -> Element {
    match in_place(ctx, &card.src, &card.url) {
        Some(src) => {
            let a = in_place_link(parent, ctx, src, &card.url.as_deref().map_or_else(|| src.clone(), |u| ctx.canonical(u)), part, class, None);
            fill(&a);
            a
        }
        None => {
            let a = out_link(parent, ctx, card.url.as_deref().unwrap_or_default(), part, class);
            fill(&a);
            new_tab_note(&a, ctx);
            a
        }
    }
}

fn thumb(parent: &Node, src: &str) {
    el(parent, "img", &[("class", "dl-thumb"), ("src", src), ("alt", ""), ("width", "96"), ("height", "64"), ("loading", "lazy"), ("decoding", "async"), ("referrerpolicy", "no-referrer")]);
}

/// An Also Read card. Inline cards stand in the body where their block is
/// and carry the "Also Read" kicker; section cards show a thumbnail and time.
pub fn also_read_card(parent: &Node, ctx: &Ctx, card: &Card, inline: bool) {
    let class = if inline { "dl-card dl-card-inline" } else { "dl-card" };
    card_link(parent, ctx, card, "also-read-card", class, |a| {
        if let (false, Some(src)) = (inline, &card.image) {
            thumb(a, src);
        }
        let body = el(a, "span", &[("class", "dl-card-text")]);
        if inline {
            el_text(&body, "span", &[("class", "dl-kicker")], ctx.t().also_read);
        }
        el_text(&body, "span", &[("class", "dl-card-title"), ("dir", "auto")], &card.title);
        if let Some(ms) = card.published {
            time(&body, ctx, ms);
        }
    });
}

/// The Also Read section below the body.
pub fn also_read_section(parent: &Node, ctx: &Ctx, cards: &[Card]) {
    if cards.is_empty() {
        return;
    }
    let section = el(parent, "section", &[("part", "also-read"), ("aria-labelledby", "dl-also-read")]);
    heading(&section, ctx.sub_level(), &[("part", "section-heading"), ("id", "dl-also-read")], ctx.t().also_read);
    let ul = el(&section, "ul", &[("class", "dl-cards")]);
    for c in cards.iter().take(ctx.rail_items) {
        also_read_card(&el(&ul, "li", &[]), ctx, c, false);
    }
}

/// A tag chip in `ul`: in place when the tag has a listing (`src`), else a
/// link to its page, else plain text.
pub fn tag_chip(ul: &Node, ctx: &Ctx, tag: &Tag) {
    let li = el(ul, "li", &[]);
    match (in_place(ctx, &tag.src, &tag.url), &tag.url) {
        (Some(src), url) => {
            let a = in_place_link(&li, ctx, src, &url.as_deref().map_or_else(|| src.clone(), |u| ctx.canonical(u)), "tag", "dl-tag", Some(&tag.name));
            let _ = a.set_attribute("dir", "auto");
            text(&a, &tag.name);
        }
        (None, Some(url)) => {
            let a = out_link(&li, ctx, url, "tag", "dl-tag");
            let _ = a.set_attribute("rel", "noopener noreferrer tag");
            let _ = a.set_attribute("dir", "auto");
            text(&a, &tag.name);
        }
        (None, None) => {
            el_text(&li, "span", &[("part", "tag"), ("class", "dl-tag"), ("dir", "auto")], &tag.name);
        }
    }
}

/// A story in a listing (`ul`): thumbnail, title, summary, relative time.
pub fn story_card(ul: &Node, ctx: &Ctx, card: &Card) {
    let li = el(ul, "li", &[("part", "listing-item")]);
    card_link(&li, ctx, card, "listing-link", "dl-card", |a| {
        if let Some(src) = &card.image {
            thumb(a, src);
        }
        let body = el(a, "span", &[("class", "dl-card-text")]);
        el_text(&body, "span", &[("class", "dl-card-title"), ("dir", "auto")], &card.title);
        if let Some(s) = &card.summary {
            el_text(&body, "span", &[("class", "dl-ri-excerpt"), ("dir", "auto")], s);
        }
        if let Some(ms) = card.published {
            time(&body, ctx, ms);
        }
    });
}

/// The Recent Posts rail, ending with a link that opens the whole feed
/// (`src`) as a listing in place.
pub fn recent_rail(parent: &Node, ctx: &Ctx, src: &str, listing: &Listing) {
    if listing.items.is_empty() {
        return;
    }
    let t = ctx.t();
    let aside = el(parent, "aside", &[("part", "recent"), ("aria-labelledby", "dl-recent")]);
    heading(&aside, ctx.sub_level(), &[("part", "section-heading"), ("id", "dl-recent")], t.recent);
    let ol = el(&aside, "ol", &[("class", "dl-recent-list")]);
    for c in listing.items.iter().take(ctx.rail_items) {
        let li = el(&ol, "li", &[("part", "recent-item")]);
        card_link(&li, ctx, c, "recent-link", "dl-ri", |a| {
            el_text(a, "span", &[("class", "dl-ri-title"), ("dir", "auto")], &c.title);
            if let Some(s) = &c.summary {
                el_text(a, "span", &[("class", "dl-ri-excerpt"), ("dir", "auto")], s);
            }
            if let Some(ms) = c.published {
                time(a, ctx, ms);
            }
        });
    }
    let more = match (&listing.home_url, ctx.out) {
        (Some(home), true) => out_link(&aside, ctx, home, "more-recent", "dl-more"),
        (home, _) => in_place_link(&aside, ctx, src, &home.as_deref().map_or_else(|| src.to_string(), |h| ctx.canonical(h)), "more-recent", "dl-more", None),
    };
    text(&more, t.more_recent);
}
