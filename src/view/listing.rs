//! A listing: a feed of stories (a tag's stories, a "latest news" feed, the
//! whole Recent Posts feed) as cards, with "Load more" when the feed has a
//! next page.

use super::cards::story_card;
use super::{heading, Ctx};
use crate::model::Listing;
use leptos::prelude::*;

/// `title` is the headline (`widget::Shown::title`). `more` appends the
/// next page; `busy` is true while it loads.
/// `failed` is true after a "Load more" that did not load: the button then
/// says so and tries again.
pub fn listing_view(ctx: &Ctx, l: &Listing, title: String, more: impl Fn() + 'static, busy: Signal<bool>, failed: Signal<bool>) -> impl IntoView {
    let t = ctx.t();
    let items = l.items.iter().map(|c| story_card(ctx, c)).collect_view();
    let more_button = l.next_url.is_some().then(|| {
        view! {
            <p class="dl-more-error" role="status">{move || failed.get().then_some(t.err_more)}</p>
            <button part="load-more" class="dl-more-btn" type="button" aria-busy=move || busy.get().then_some("true") disabled=move || busy.get() on:click=move |_| more()>
                {move || if failed.get() { t.retry } else { t.load_more }}
            </button>
        }
    });
    view! {
        <section part="listing" aria-labelledby="dl-headline">
            {heading(ctx.heading_level, "headline", Some("dl-headline".into()), true, title)}
            <ul class="dl-cards dl-list">{items}</ul>
            {more_button}
        </section>
    }
}
