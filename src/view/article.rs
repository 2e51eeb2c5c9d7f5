//! The article: headline, standfirst, dateline, byline, lead image, body
//! blocks (one exhaustive match), Also Read section and tag chips.

use super::cards::{also_read_card, also_read_section, tag_chip, time_view};
use super::inline::inline;
use super::{heading, Ctx};
use crate::model::{Article, Author, Block, Image};
use leptos::prelude::*;
use std::rc::Rc;

fn figure(img: &Image, part: Option<&'static str>, lazy: bool) -> impl IntoView {
    let caption = (img.caption.is_some() || img.credit.is_some()).then(|| {
        view! {
            <figcaption>
                {img.caption.clone()}
                {img.credit.clone().map(|c| view! { " " <span class="dl-credit">{c}</span> })}
            </figcaption>
        }
    });
    view! {
        <figure part=part>
            <img
                src=img.src.clone()
                alt=img.alt.clone()
                width=img.width
                height=img.height
                loading=if lazy { "lazy" } else { "eager" }
                decoding="async"
            />
            {caption}
        </figure>
    }
}

fn block_view(ctx: &Ctx, block: &Block) -> AnyView {
    match block {
        Block::Paragraph(r) => view! { <p use:inline=r.clone()></p> }.into_any(),
        Block::Heading(text) => heading(ctx.sub_level(), "body-heading", None, false, text.clone()),
        Block::Quote { text, cite } => view! {
            <blockquote part="quote">
                <p>{text.clone()}</p>
                {cite.clone().map(|c| view! { <footer><cite>{c}</cite></footer> })}
            </blockquote>
        }
        .into_any(),
        Block::List { ordered, items } => {
            let lis = items.iter().map(|r| view! { <li use:inline=r.clone()></li> }).collect_view();
            if *ordered {
                view! { <ol>{lis}</ol> }.into_any()
            } else {
                view! { <ul>{lis}</ul> }.into_any()
            }
        }
        Block::Image(img) => figure(img, None, true).into_any(),
        Block::AlsoRead(card) => also_read_card(ctx, card, true),
        // Never a live iframe: a card that opens the embedded thing.
        Block::Embed { url, provider, title } => view! {
            <a part="embed" class="dl-card dl-embed" href=url.clone() target="_blank" rel="noopener noreferrer">
                <span class="dl-card-text">
                    <span class="dl-kicker">{provider.clone()}</span>
                    <span class="dl-card-title">{title.clone().unwrap_or_else(|| url.clone())}</span>
                    <span class="dl-embed-note">{ctx.t().opens_new_tab}</span>
                </span>
            </a>
        }
        .into_any(),
        Block::Table { caption, header, rows } => {
            let mut rows = rows.iter();
            let head = header.then(|| rows.next()).flatten().map(|r| {
                let cells = r.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view();
                view! { <thead><tr>{cells}</tr></thead> }
            });
            let body = rows
                .map(|r| {
                    let cells = r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view();
            view! {
                // Wide tables scroll sideways; the region takes focus so
                // keyboard users can scroll it too.
                <div class="dl-table" tabindex="0">
                    <table part="table">
                        {caption.clone().map(|c| view! { <caption>{c}</caption> })}
                        {head}
                        <tbody>{body}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    }
}

fn author_view(a: &Author) -> AnyView {
    match &a.url {
        Some(url) => view! { <a href=url.clone() target="_blank" rel="noopener noreferrer author">{a.name.clone()}</a> }.into_any(),
        None => view! { <span>{a.name.clone()}</span> }.into_any(),
    }
}

/// Body blocks rendered with the headline; the rest follow a task later.
const FIRST_BLOCKS: usize = 3;

/// The article. Its top (headline to the first blocks) is built at once and
/// the rest (later blocks, Also Read, tags) in the next task: an in-place
/// navigation paints its new headline in the next frame, and a first load
/// is two shorter tasks instead of one long one.
pub fn article_view(ctx: &Ctx, a: &Rc<Article>) -> impl IntoView {
    let t = ctx.t();
    let place = a.place.clone().map(|p| view! { <span class="dl-place">{p}</span><span class="dl-sep" aria-hidden="true">" · "</span> });
    let updated = a.modified.filter(|m| *m > a.published + 60_000).map(|m| {
        view! { <span class="dl-sep" aria-hidden="true">" · "</span><span class="dl-updated">{t.updated} " " {time_view(ctx, m)}</span> }
    });
    let byline = (!a.authors.is_empty()).then(|| {
        let names = a
            .authors
            .iter()
            .enumerate()
            .map(|(i, au)| view! { {(i > 0).then_some(", ")} {author_view(au)} })
            .collect_view();
        view! { <p part="byline">{t.by} " " {names}</p> }
    });
    let first = a.body.len().min(FIRST_BLOCKS);
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::browser::next_task().await;
        let _ = ready.try_set(true);
    });
    let (store_a, store_ctx) = (StoredValue::new_local(a.clone()), StoredValue::new_local(ctx.clone()));
    let later_blocks = move || {
        ready.get().then_some(())?;
        let (a, ctx) = (store_a.get_value(), store_ctx.get_value());
        Some(a.body[first..].iter().map(|b| block_view(&ctx, b)).collect_view())
    };
    let later_sections = move || {
        ready.get().then_some(())?;
        let (a, ctx) = (store_a.get_value(), store_ctx.get_value());
        let t = ctx.t();
        let tags = (!a.tags.is_empty()).then(|| {
            let chips = a.tags.iter().map(|tag| tag_chip(&ctx, tag)).collect_view();
            view! {
                <nav class="dl-tags" aria-labelledby="dl-tags">
                    <span class="dl-tags-label" id="dl-tags">{t.tags}</span>
                    <ul part="tags">{chips}</ul>
                </nav>
            }
        });
        Some(view! { {also_read_section(&ctx, &a.also_read)} {tags} })
    };
    // Past a week the relative time already shows the date: say it once.
    let fresh = crate::time::relative_time(a.published, crate::browser::now()) != crate::time::Relative::Absolute;
    let body = a.body[..first].iter().map(|b| block_view(ctx, b)).collect_view();
    view! {
        <article part="article" aria-labelledby="dl-headline">
            {heading(ctx.heading_level, "headline", Some("dl-headline".into()), true, a.title.clone())}
            {a.summary.clone().map(|s| view! { <p part="standfirst">{s}</p> })}
            <p part="dateline">
                {place}
                {fresh.then(|| view! {
                    <span class="dl-date">{super::intl::date(a.published, &ctx.locale)}</span>
                    <span class="dl-sep" aria-hidden="true">" · "</span>
                })}
                {time_view(ctx, a.published)}
                {updated}
            </p>
            {byline}
            {a.image.as_ref().map(|img| figure(img, Some("image"), false))}
            <div part="body">{body}{later_blocks}</div>
            {later_sections}
        </article>
    }
}
