//! Story cards: Also Read cards (inline and in their section), the Recent
//! Posts rail, and the `<time>` element every relative time uses.

use super::intl::{date_time, iso, relative};
use super::{heading, Ctx};
use crate::model::{Card, Listing};
use leptos::prelude::*;
use web_sys::MouseEvent;

/// `<time part="time" datetime="ISO" title="absolute, localized">6 hours ago</time>`,
/// kept current by the shared clock.
pub fn time_view(ctx: &Ctx, ms: i64) -> impl IntoView {
    let now = ctx.now.clone();
    let locale = ctx.locale.clone();
    let title = date_time(ms, &ctx.locale);
    view! { <time part="time" datetime=iso(ms) title=title>{move || relative(ms, now.get(), &locale)}</time> }
}

/// A link to a story. With a `src` it opens in place (a plain left click;
/// modified clicks keep the browser's behaviour on the canonical `url`);
/// without one it is an ordinary link to `url` in a new tab.
pub fn card_link(ctx: &Ctx, card: &Card, part: &'static str, class: &'static str, inner: AnyView) -> AnyView {
    match &card.src {
        Some(src) => {
            let nav = ctx.nav.clone();
            let src = src.clone();
            let href = card.url.clone().unwrap_or_else(|| src.clone());
            let on_click = move |ev: MouseEvent| {
                if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
                    return;
                }
                ev.prevent_default();
                nav(src.clone());
            };
            view! { <a part=part class=class href=href data-src=card.src.clone() on:click=on_click>{inner}</a> }.into_any()
        }
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

/// The Recent Posts rail.
pub fn recent_rail(ctx: &Ctx, listing: &Listing) -> Option<AnyView> {
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
            </aside>
        }
        .into_any(),
    )
}
