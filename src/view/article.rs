//! The article: headline, standfirst, dateline, byline, lead image, body
//! blocks (one exhaustive match), Also Read section and tag chips, built
//! with `dom` from the clean model.

use super::cards::{also_read_card, also_read_section, in_place_link, new_tab_note, out_link, tag_chip, time};
use super::dom::{el, el_text, heading, sep, text};
use super::inline::inline;
use super::Ctx;
use crate::model::{Article, Block, Image};
use crate::time::{relative_time, Relative};
use crate::widget::credit;
use leptos::prelude::*;
use std::rc::Rc;
use web_sys::{Element, Node};

fn figure(parent: &Node, img: &Image, part: Option<&str>, lazy: bool) {
    let fig = el(parent, "figure", &[]);
    if let Some(p) = part {
        let _ = fig.set_attribute("part", p);
    }
    let i = el(&fig, "img", &[("src", &img.src), ("alt", &img.alt), ("loading", if lazy { "lazy" } else { "eager" }), ("decoding", "async"), ("referrerpolicy", "no-referrer")]);
    if let (Some(w), Some(h)) = (img.width, img.height) {
        let _ = i.set_attribute("width", &w.to_string());
        let _ = i.set_attribute("height", &h.to_string());
    }
    if img.caption.is_some() || img.credit.is_some() {
        let cap = el(&fig, "figcaption", &[]);
        if let Some(c) = &img.caption {
            text(&cap, c);
        }
        if let Some(c) = &img.credit {
            text(&cap, " ");
            el_text(&cap, "span", &[("class", "dl-credit")], c);
        }
    }
}

fn block(parent: &Node, ctx: &Ctx, b: &Block) {
    match b {
        Block::Paragraph(r) => inline(&el(parent, "p", &[]), r),
        Block::Heading(t) => {
            heading(parent, ctx.sub_level(), &[("part", "body-heading")], t);
        }
        Block::Quote { text: t, cite } => {
            let q = el(parent, "blockquote", &[("part", "quote")]);
            el_text(&q, "p", &[], t);
            if let Some(c) = cite {
                el_text(&el(&q, "footer", &[]), "cite", &[], c);
            }
        }
        Block::List { ordered, items } => {
            let list = el(parent, if *ordered { "ol" } else { "ul" }, &[]);
            for r in items {
                inline(&el(&list, "li", &[]), r);
            }
        }
        Block::Image(img) => figure(parent, img, None, true),
        Block::AlsoRead(card) => also_read_card(parent, ctx, card, true),
        // Never a live iframe: a card that opens the embedded thing.
        Block::Embed { url, provider, title } => {
            let a = el(parent, "a", &[("part", "embed"), ("class", "dl-card dl-embed"), ("href", url), ("target", "_blank"), ("rel", "noopener noreferrer")]);
            let s = el(&a, "span", &[("class", "dl-card-text")]);
            el_text(&s, "span", &[("class", "dl-kicker")], provider);
            el_text(&s, "span", &[("class", "dl-card-title")], title.as_deref().unwrap_or(url));
            el_text(&s, "span", &[("class", "dl-embed-note")], ctx.t().opens_new_tab);
        }
        Block::Table { caption, header, rows } => {
            // Wide tables scroll sideways; the region takes focus so
            // keyboard users can scroll it too.
            let region = el(parent, "div", &[("class", "dl-table"), ("tabindex", "0")]);
            let table = el(&region, "table", &[("part", "table")]);
            if let Some(c) = caption {
                el_text(&table, "caption", &[], c);
            }
            let mut rows = rows.iter();
            if let Some(r) = header.then(|| rows.next()).flatten() {
                let tr = el(&el(&table, "thead", &[]), "tr", &[]);
                for c in r {
                    el_text(&tr, "th", &[("scope", "col")], c);
                }
            }
            let body = el(&table, "tbody", &[]);
            for r in rows {
                let tr = el(&body, "tr", &[]);
                for c in r {
                    el_text(&tr, "td", &[], c);
                }
            }
        }
    }
}

/// Body blocks built with the headline; the rest follow a task later.
const FIRST_BLOCKS: usize = 3;

/// Build the article into `article` (its `<article part="article">`). Its
/// top (headline to the first blocks) is built at once and the rest (later
/// blocks, Also Read, tags) in the next task: an in-place navigation paints
/// its new headline in the next frame, and a first load is two shorter
/// tasks instead of one long one.
pub fn fill(article: &Element, ctx: &Ctx, a: &Rc<Article>) {
    let t = ctx.t();
    let h = heading(article, ctx.heading_level, &[("part", "headline"), ("id", "dl-headline"), ("tabindex", "-1")], if ctx.compact { "" } else { &a.title });
    if ctx.compact {
        // The teaser's headline opens the whole story in place (its own
        // `data-src`); a modified click opens the publisher's page, as
        // every click does with `data-links="out"`.
        let link = if ctx.out { out_link(&h, ctx, &a.url, "", "dl-expand") } else { in_place_link(&h, ctx, &a.src, &ctx.canonical(&a.url), "", "dl-expand", None) };
        text(&link, &a.title);
        if ctx.out {
            new_tab_note(&link, ctx);
        }
    }
    if let Some(s) = &a.summary {
        el_text(article, "p", &[("part", "standfirst")], s);
    }
    let line = el(article, "p", &[("part", "dateline")]);
    if let Some(p) = &a.place {
        el_text(&line, "span", &[("class", "dl-place")], p);
        sep(&line);
    }
    // Past a week the relative time already shows the date: say it once.
    if relative_time(a.published, crate::browser::now()) != Relative::Absolute {
        el_text(&line, "span", &[("class", "dl-date")], &super::intl::date(a.published, &ctx.locale));
        sep(&line);
    }
    time(&line, ctx, a.published);
    if let Some(m) = a.modified.filter(|m| *m > a.published + 60_000) {
        sep(&line);
        let u = el_text(&line, "span", &[("class", "dl-updated")], t.updated);
        text(&u, " ");
        time(&u, ctx, m);
    }
    if !a.authors.is_empty() {
        let by = el_text(article, "p", &[("part", "byline")], t.by);
        text(&by, " ");
        for (i, au) in a.authors.iter().enumerate() {
            if i > 0 {
                text(&by, ", ");
            }
            // A name in another script than the byline's is isolated.
            match &au.url {
                Some(url) => el_text(&by, "a", &[("href", url), ("target", "_blank"), ("rel", "noopener noreferrer author"), ("dir", "auto")], &au.name),
                None => el_text(&by, "bdi", &[], &au.name),
            };
        }
    }
    if ctx.partner {
        // "From <publisher>", the name linked to the story's own page.
        let (before, after) = t.from.split_once("{}").unwrap_or((t.from, ""));
        let p = el_text(article, "p", &[("part", "attribution")], before);
        let link = out_link(&p, ctx, &a.url, "attribution-link", "");
        let _ = link.set_attribute("dir", "auto");
        text(&link, &credit(a));
        new_tab_note(&link, ctx);
        text(&p, after);
    }
    if let Some(img) = &a.image {
        figure(article, img, Some("image"), false);
    }
    if ctx.compact {
        also_read_section(article, ctx, &a.also_read);
        share_button(article, ctx);
        return;
    }
    let body = el(article, "div", &[("part", "body")]);
    let first = a.body.len().min(FIRST_BLOCKS);
    for b in &a.body[..first] {
        block(&body, ctx, b);
    }
    let (article, ctx, a) = (article.clone(), ctx.clone(), a.clone());
    leptos::task::spawn_local(async move {
        crate::browser::next_task().await;
        // Another story may have replaced this one in the meantime (in the
        // same element, whose old body is then gone).
        if !body.is_connected() {
            return;
        }
        for b in &a.body[first..] {
            block(&body, &ctx, b);
        }
        also_read_section(&article, &ctx, &a.also_read);
        if !a.tags.is_empty() {
            let nav = el(&article, "nav", &[("class", "dl-tags"), ("aria-labelledby", "dl-tags")]);
            el_text(&nav, "span", &[("class", "dl-tags-label"), ("id", "dl-tags")], ctx.t().tags);
            let ul = el(&nav, "ul", &[("part", "tags")]);
            for tag in &a.tags {
                tag_chip(&ul, &ctx, tag);
            }
        }
        share_button(&article, &ctx);
    });
}

/// The story's Share control, at its end (so it moves nothing as it comes
/// in). The widget handles its clicks (`view::share`): the link it shares
/// depends on the widget's place, not on the story alone.
fn share_button(parent: &Node, ctx: &Ctx) {
    let row = el(parent, "div", &[("class", "dl-actions")]);
    el_text(&row, "button", &[("type", "button"), ("part", "share"), ("data-share", "")], ctx.t().share);
}

/// The article as a view: one element, filled by `fill`.
pub fn article_view(ctx: &Ctx, a: &Rc<Article>) -> impl IntoView {
    let what = (ctx.clone(), a.clone());
    view! { <article part="article" aria-labelledby="dl-headline" class=ctx.rail.then_some("dl-railed") use:article=what></article> }
}

/// The directive. Leptos runs it again on the same element when the next
/// story replaces this one, so what was built before goes first.
fn article(el: Element, (ctx, a): (Ctx, Rc<Article>)) {
    el.replace_children_with_node_0();
    fill(&el, &ctx, &a);
}
