//! A listing: a feed of stories (a tag's stories, a "latest news" feed, the
//! whole Recent Posts feed) as cards, with "Load more" when the feed has a
//! next page. The stories are built with `dom`; a page that "Load more"
//! adds is appended to the list, which is not rebuilt.

use super::cards::story_card;
use super::dom::{el, heading};
use super::nav::{after_render, scroll_y};
use super::Ctx;
use crate::formats::Format;
use crate::model::{Doc, Listing};
use crate::net::load_listing;
use crate::widget::{merge_more, next_page, Shown};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;
use web_sys::{Element, HtmlElement};

/// `title` is the headline (`widget::Shown::title`); `items` the listing
/// shown, which grows when a next page is added. `more` appends the next
/// page; `busy` is true while it loads, `failed` after a "Load more" that
/// did not load: the button then says so and tries again.
pub fn listing_view(
    ctx: &Ctx,
    src: String,
    title: String,
    items: Signal<Option<Rc<Listing>>, LocalStorage>,
    more: StoredValue<Rc<dyn Fn()>, LocalStorage>,
    busy: Signal<bool>,
    failed: Signal<bool>,
) -> impl IntoView {
    let t = ctx.t();
    let home = ctx.home.clone();
    let has_next = move || items.with(|l| l.as_ref().is_some_and(|l| next_page(l, &home).is_some()));
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
    let what = (ctx.clone(), title, src, items);
    view! {
        <section part="listing" aria-labelledby="dl-headline" use:stories=what>
            {more_button}
        </section>
    }
}

/// Put the headline and the list first in `section`, and keep appending
/// the stories the listing gains. Leptos may run a directive again on the
/// same element (when what is shown changes): the list of the same listing
/// (`src`) is kept, with the stories it has, and a different listing's
/// headline and list go first.
fn stories(section: Element, (ctx, title, src, items): (Ctx, String, String, Signal<Option<Rc<Listing>>, LocalStorage>)) {
    let kept = section.query_selector(":scope > .dl-list").ok().flatten().filter(|ul| ul.get_attribute("data-for").as_deref() == Some(src.as_str()));
    let ul = match kept {
        Some(ul) => ul,
        None => {
            for old in [":scope > [part~='headline']", ":scope > .dl-list"] {
                if let Ok(Some(e)) = section.query_selector(old) {
                    e.remove();
                }
            }
            let first = section.first_child();
            let h = heading(&section, ctx.heading_level, &[("part", "headline"), ("id", "dl-headline"), ("tabindex", "-1")], &title);
            let _ = section.insert_before(&h, first.as_ref());
            let ul = el(&section, "ul", &[("class", "dl-cards dl-list"), ("data-for", &src)]);
            let _ = section.insert_before(&ul, first.as_ref());
            ul
        }
    };
    // The list's own length says what is built, so no story is added twice
    // however often this runs.
    Effect::new(move || {
        items.with(|l| {
            let Some(l) = l else { return };
            for c in l.items.iter().skip(ul.child_element_count() as usize) {
                story_card(&ul, &ctx, c);
            }
        })
    });
}

/// "Load more": append the next page of the listing on screen, keep the
/// grown listing in the cache (so Back restores every page), and move focus
/// to the first new story. A failure leaves the listing as it is; the
/// button then says so and is the retry. The page loads within the
/// widget's `timeout` (`data-timeout`), and only from `home`'s origin
/// (`widget::next_page`).
pub fn load_more(
    shown: RwSignal<Option<Shown>, LocalStorage>,
    more_busy: RwSignal<bool>,
    more_failed: RwSignal<bool>,
    host: HtmlElement,
    format: Option<Format>,
    timeout: u32,
    home: String,
) -> Rc<dyn Fn()> {
    {
        Rc::new(move || {
            let Some(s) = shown.get_untracked() else { return };
            let Some(listing) = s.listing().cloned() else { return };
            let Some(next) = next_page(&listing, &home).map(str::to_string) else { return };
            if more_busy.get_untracked() {
                return;
            }
            more_busy.set(true);
            more_failed.set(false);
            let host = host.clone();
            // (A widget taken down meanwhile has nothing on screen.)
            let on_screen = move |src: &str| shown.try_with_untracked(|s| s.as_ref().is_some_and(|s| s.src == src)).unwrap_or(false);
            spawn_local(async move {
                let page = load_listing(&next, timeout, format).await;
                // Another view may be on screen by now: it has its own state.
                if on_screen(&s.src) {
                    more_busy.set(false);
                }
                let page = match page {
                    Ok(p) => p,
                    Err(error) => {
                        // The listing stays as it is; the button says it
                        // failed and is the retry.
                        web_sys::console::error_1(&error.hint(&next).into());
                        if on_screen(&s.src) {
                            more_failed.set(true);
                        }
                        return;
                    }
                };
                let (grown, before) = merge_more(&listing, &page, &next);
                let grown = Rc::new(grown);
                crate::net::remember(&s.src, Doc::Listing(grown.clone()));
                if on_screen(&s.src) {
                    shown.set(Some(Shown { doc: Doc::Listing(grown), ..s }));
                    if before > 0 {
                        // nth-child is 1-based: the first new story.
                        after_render(&host, format!("[part~='listing-item']:nth-child({}) a", before + 1), Some(scroll_y()));
                    }
                }
            });
        })
    }
}
