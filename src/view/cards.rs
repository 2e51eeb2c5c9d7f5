//! Story cards: Also Read cards (inline and in their section), the Recent
//! Posts rail, and the `<time>` element every relative time uses.

use super::clock::live_time;
use super::intl::{date_time, iso, relative};
use super::{heading, Ctx};
use crate::model::{Card, Listing};
use super::prefetch::prefetch_in_view;
use crate::model::Tag;
use leptos::prelude::*;

/// `<time part="time" datetime="ISO" title="absolute, localized">6 hours ago</time>`,
/// kept current by the shared clock while it is in view.
pub fn time_view(ctx: &Ctx, ms: i64) -> impl IntoView {
    let now = ArcRwSignal::new(crate::browser::now());
    let locale = ctx.locale.clone();
    let title = date_time(ms, &ctx.locale);
    let watch = (ms, now.clone());
    view! { <time part="time" datetime=iso(ms) title=title use:live_time=watch>{move || relative(ms, now.get(), &locale)}</time> }
}

/// A link that opens `src` in place. The widget handles clicks, hovers and
/// focus for all of these links at once (one listener each on its root, see
/// `Widget`): a plain left click opens `data-src` in place (modified clicks
/// keep the browser's behaviour on `href`, the canonical page), and hover or
/// focus prefetches it, as does (on touch screens) scrolling it into view.
/// `data-hint` names a listing that has no title of its own (a tag).
pub fn in_place_link(ctx: &Ctx, src: &str, href: String, part: &'static str, class: &'static str, hint: Option<String>, inner: AnyView) -> AnyView {
    // A widget with `data-format` reads what its links open the same way;
    // the touch-screen prefetch finds it here.
    let format = ctx.format.map(|f| match f {
        crate::formats::Format::Dateline => "dateline",
        crate::formats::Format::JsonFeed => "jsonfeed",
        crate::formats::Format::WordPress => "wordpress",
    });
    view! {
        <a part=part class=class href=href data-src=src.to_string() data-hint=hint data-format=format use:prefetch_in_view=()>
            {inner}
        </a>
    }
    .into_any()
}

/// A link to a story: in place with a `src`, else an ordinary link to `url`
/// in a new tab.
pub fn card_link(ctx: &Ctx, card: &Card, part: &'static str, class: &'static str, inner: AnyView) -> AnyView {
    match &card.src {
        Some(src) => in_place_link(ctx, src, card.url.clone().unwrap_or_else(|| src.clone()), part, class, None, inner),
        None => {
            let new_tab = ctx.t().opens_new_tab;
            view! {
                <a part=part class=class href=card.url.clone() target="_blank" rel="noopener noreferrer">
                    {inner}
                    <span class="dl-sr">" (" {new_tab} ")"</span>
                </a>
            }
            .into_any()
        }
    }
}

/// An Also Read card. Inline cards stand in the body where their block is
/// and carry the "Also Read" kicker; section cards show a thumbnail and time.
pub fn also_read_card(ctx: &Ctx, card: &Card, inline: bool) -> AnyView {
    let kicker = inline.then(|| view! { <span class="dl-kicker">{ctx.t().also_read}</span> });
    let thumb = card.image.clone().filter(|_| !inline).map(|src| {
        view! { <img class="dl-thumb" src=src alt="" width="96" height="64" loading="lazy" decoding="async"/> }
    });
    let time = card.published.map(|ms| time_view(ctx, ms));
    let inner = view! {
        {thumb}
        <span class="dl-card-text">
            {kicker}
            <span class="dl-card-title">{card.title.clone()}</span>
            {time}
        </span>
    }
    .into_any();
    card_link(ctx, card, "also-read-card", if inline { "dl-card dl-card-inline" } else { "dl-card" }, inner)
}

/// The Also Read section below the body.
pub fn also_read_section(ctx: &Ctx, cards: &[Card]) -> Option<AnyView> {
    if cards.is_empty() {
        return None;
    }
    let items = cards.iter().map(|c| view! { <li>{also_read_card(ctx, c, false)}</li> }).collect_view();
    Some(
        view! {
            <section part="also-read" aria-labelledby="dl-also-read">
                {heading(ctx.sub_level(), "section-heading", Some("dl-also-read".into()), false, ctx.t().also_read.into())}
                <ul class="dl-cards">{items}</ul>
            </section>
        }
        .into_any(),
    )
}

/// A tag chip: in place when the tag has a listing (`src`), else a link to
/// its page, else plain text.
pub fn tag_chip(ctx: &Ctx, tag: &Tag) -> AnyView {
    let name = tag.name.clone();
    match (&tag.src, &tag.url) {
        (Some(src), url) => {
            let href = url.clone().unwrap_or_else(|| src.clone());
            view! { <li>{in_place_link(ctx, src, href, "tag", "dl-tag", Some(name.clone()), name.into_any())}</li> }.into_any()
        }
        (None, Some(url)) => view! { <li><a part="tag" class="dl-tag" href=url.clone() target="_blank" rel="noopener noreferrer tag">{name}</a></li> }.into_any(),
        (None, None) => view! { <li><span part="tag" class="dl-tag">{name}</span></li> }.into_any(),
    }
}

/// A story in a listing: thumbnail, title, summary, relative time.
pub fn story_card(ctx: &Ctx, card: &Card) -> AnyView {
    let thumb = card.image.clone().map(|src| {
        view! { <img class="dl-thumb" src=src alt="" width="96" height="64" loading="lazy" decoding="async"/> }
    });
    let inner = view! {
        {thumb}
        <span class="dl-card-text">
            <span class="dl-card-title">{card.title.clone()}</span>
            {card.summary.clone().map(|s| view! { <span class="dl-ri-excerpt">{s}</span> })}
            {card.published.map(|ms| time_view(ctx, ms))}
        </span>
    }
    .into_any();
    view! { <li part="listing-item">{card_link(ctx, card, "listing-link", "dl-card", inner)}</li> }.into_any()
}

/// The Recent Posts rail, ending with a link that opens the whole feed
/// (`src`) as a listing in place.
pub fn recent_rail(ctx: &Ctx, src: &str, listing: &Listing) -> Option<AnyView> {
    if listing.items.is_empty() {
        return None;
    }
    let items = listing
        .items
        .iter()
        .take(10)
        .map(|c| {
            let inner = view! {
                <span class="dl-ri-title">{c.title.clone()}</span>
                {c.summary.clone().map(|s| view! { <span class="dl-ri-excerpt">{s}</span> })}
                {c.published.map(|ms| time_view(ctx, ms))}
            }
            .into_any();
            view! { <li part="recent-item">{card_link(ctx, c, "recent-link", "dl-ri", inner)}</li> }
        })
        .collect_view();
    Some(
        view! {
            <aside part="recent" aria-labelledby="dl-recent">
                {heading(ctx.sub_level(), "section-heading", Some("dl-recent".into()), false, ctx.t().recent.into())}
                <ol class="dl-recent-list">{items}</ol>
                {in_place_link(ctx, src, listing.home_url.clone().unwrap_or_else(|| src.to_string()), "more-recent", "dl-more", None, ctx.t().more_recent.into_any())}
            </aside>
        }
        .into_any(),
    )
}
