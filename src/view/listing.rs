//! A listing: a feed of stories (a tag's stories, a "latest news" feed, the
//! whole Recent Posts feed) as cards, with "Load more" when the feed has a
//! next page. The stories are built with `dom`; a page that "Load more"
//! adds is appended to the list, which is not rebuilt.

use super::cards::story_card;
use super::dom::{el, heading};
use super::Ctx;
use crate::model::Listing;
use leptos::prelude::*;
use std::rc::Rc;
use web_sys::Element;

/// `title` is the headline (`widget::Shown::title`); `items` the listing
/// shown, which grows when a next page is added. `more` appends the next
/// page; `busy` is true while it loads, `failed` after a "Load more" that
/// did not load: the button then says so and tries again.
pub fn listing_view(
    ctx: &Ctx,
    title: String,
    items: Signal<Option<Rc<Listing>>, LocalStorage>,
    more: StoredValue<Rc<dyn Fn()>, LocalStorage>,
    busy: Signal<bool>,
    failed: Signal<bool>,
) -> impl IntoView {
    let t = ctx.t();
    let has_next = move || items.with(|l| l.as_ref().is_some_and(|l| l.next_url.is_some()));
    let more_button = move || {
        has_next().then(|| {
            view! {
                <p class="dl-more-error" role="status">{move || failed.get().then_some(t.err_more)}</p>
                <button part="load-more" class="dl-more-btn" type="button" aria-busy=move || busy.get().then_some("true") disabled=move || busy.get() on:click=move |_| more.get_value()()>
                    {move || if failed.get() { t.retry } else { t.load_more }}
                </button>
            }
        })
    };
    let what = (ctx.clone(), title, items);
    view! {
        <section part="listing" aria-labelledby="dl-headline" use:stories=what>
            {more_button}
        </section>
    }
}

/// Put the headline and the list first in `section`, and keep appending
/// the stories the listing gains. Leptos runs a directive again on the same
/// element when the next listing replaces this one: what was built before
/// goes first.
fn stories(section: Element, (ctx, title, items): (Ctx, String, Signal<Option<Rc<Listing>>, LocalStorage>)) {
    for old in [":scope > [part~='headline']", ":scope > .dl-list"] {
        if let Ok(Some(e)) = section.query_selector(old) {
            e.remove();
        }
    }
    let first = section.first_child();
    let _ = section.insert_before(&heading(&section, ctx.heading_level, &[("part", "headline"), ("id", "dl-headline"), ("tabindex", "-1")], &title), first.as_ref());
    let ul = el(&section, "ul", &[("class", "dl-cards dl-list")]);
    let _ = section.insert_before(&ul, first.as_ref());
    let built = std::cell::Cell::new(0usize);
    Effect::new(move || {
        items.with(|l| {
            let Some(l) = l else { return };
            for c in l.items.iter().skip(built.get()) {
                story_card(&ul, &ctx, c);
            }
            built.set(l.items.len());
        })
    });
}
