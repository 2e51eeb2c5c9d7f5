//! The view layer: Leptos components over the model. `Widget` carries out
//! one widget's decisions, which live in the pure `crate::widget` (what is
//! shown, its history, Load more, what a failure says): it keeps them in
//! signals and does what they ask of the browser. `article` renders an
//! `Article` with one match over its blocks; `cards` renders Also Read cards
//! and the Recent Posts rail; `listing` a listing; `inline` builds clean
//! inline content into DOM nodes.

pub mod article;
pub mod cards;
pub mod clock;
pub mod dom;
pub mod intl;
pub mod listing;
pub mod nav;
pub mod prefetch;
pub mod inline;
pub mod skeleton;
pub mod status;

use crate::config::{Config, Layout};
use crate::i18n::{fill, is_rtl, messages, pick_locale, Messages};
use crate::formats::Format;
use crate::model::{Article, Doc, Listing};
use crate::net::{load, load_listing};
use crate::widget::{How, LoadError, Place, Shown, Status};
use leptos::prelude::*;
use nav::{after_render, dispatch, in_place_target, is_plain_click, push_search, scroll_y, search};
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, HtmlElement};

/// Navigate the widget in place to a document URL (a card's or a tag's
/// `src`), with the words the reader clicked as a title for a listing that
/// has none.
pub type Nav = Rc<dyn Fn(String, Option<String>)>;

/// What every part of a rendered widget needs to know.
#[derive(Clone)]
pub struct Ctx {
    pub locale: String,
    pub heading_level: u8,
    /// The widget's `data-format`, for prefetching what cards open.
    pub format: Option<Format>,
    /// An article with a Recent Posts rail beside it (`data-recent` or its
    /// own `recent`): a wide widget lays out the rail's column.
    pub rail: bool,
    /// `data-layout="compact"`: the article's teaser only.
    pub compact: bool,
    /// Stories the Recent Posts rail shows (`data-max-items`).
    pub rail_items: usize,
    /// The widget's own `data-src`: only documents on its origin open in
    /// place (`history::in_place`).
    pub home: String,
}

impl Ctx {
    pub fn t(&self) -> &'static Messages {
        messages(&self.locale)
    }
    /// The level for headings one below the headline (capped at 6).
    pub fn sub_level(&self) -> u8 {
        (self.heading_level + 1).min(6)
    }
}

/// Put a loaded document (from `src`, titled with `hint` if it is a listing
/// without a title) on screen after a navigation of some kind, restoring a
/// scroll position.
type Show = dyn Fn(Doc, String, Option<String>, How, Option<f64>);

thread_local! {
    static FIRST_RENDER: Cell<bool> = const { Cell::new(true) };
}

/// The Recent Posts rail of `src`, in its locale's language and direction.
fn rail_box(ctx: Ctx, src: String, l: Rc<Listing>) -> impl IntoView {
    let dir = if is_rtl(&ctx.locale) { "rtl" } else { "ltr" };
    view! { <div class="dl dl-rail" lang=ctx.locale.clone() dir=dir use:fill_rail=(ctx, src, l)></div> }
}

/// The publisher's fallback (`<slot>`) in a box: under an error that came
/// before any story, or, labelled busy, while a rail widget loads.
fn slot_box(class: &'static str, busy: Option<&'static str>) -> impl IntoView {
    view! { <div class=class part=busy.map(|_| "loading") aria-busy=busy.map(|_| "true") aria-label=busy><slot></slot></div> }
}

// Leptos runs a directive again on the same element when the next rail
// replaces this one: what was built before goes first.
fn fill_rail(el: web_sys::Element, (ctx, src, l): (Ctx, String, Rc<Listing>)) {
    el.replace_children_with_node_0();
    cards::recent_rail(&el, &ctx, &src, &l);
}

/// One widget: shows `config.src` (or the document a deep link names for
/// it), and navigates in place.
#[component]
pub fn Widget(config: Config, page_lang: Option<String>, host: HtmlElement, id: String) -> impl IntoView {
    let shown: RwSignal<Option<Shown>, LocalStorage> = RwSignal::new_local(None);
    let recent: RwSignal<Option<(String, Rc<Listing>)>, LocalStorage> = RwSignal::new_local(None);
    let status: RwSignal<Status, LocalStorage> = RwSignal::new_local(Status::Loading(config.src.clone()));
    let more_busy = RwSignal::new(false);
    let more_failed = RwSignal::new(false);
    let announce = RwSignal::new(String::new());
    let generation = Rc::new(Cell::new(0u64));
    let format = config.format;
    let inflight: Rc<RefCell<Option<AbortController>>> = Rc::new(RefCell::new(None));
    let place = Rc::new(RefCell::new(Place::new(config.history.then_some(id), config.src.clone())));
    // A compact or rail widget shows a story the reader opens from it in
    // full, and its own view again when Back returns to its `data-src`.
    let layout = RwSignal::new(config.layout);
    let (own_layout, home, rail_items) = (config.layout, config.src.clone(), config.max_items);
    let home_rc = home.clone();
    // The language the widget speaks follows the story on screen.
    let locale = {
        let fixed_locale = config.locale.clone();
        Memo::new(move |_| shown.with(|s| pick_locale(fixed_locale.as_deref(), s.as_ref().and_then(Shown::language), page_lang.as_deref())))
    };

    let load_recent = {
        let override_src = config.recent.clone();
        let home = home.clone();
        let wanted: Rc<RefCell<Option<String>>> = Rc::new(RefCell::new(None));
        move |a: &Article| {
            // A rail the story names loads only on the widget's origin, as
            // its cards do (`history::in_place`); `data-recent` is the
            // publisher's own choice.
            let named = a.recent.clone().filter(|r| crate::history::in_place(r, &home));
            let Some(src) = override_src.clone().or(named) else {
                *wanted.borrow_mut() = None;
                recent.set(None);
                return;
            };
            if recent.with_untracked(|r| r.as_ref().is_some_and(|(s, _)| *s == src)) {
                return;
            }
            // A slow feed must not replace the rail of a newer story.
            *wanted.borrow_mut() = Some(src.clone());
            let wanted = wanted.clone();
            spawn_local(async move {
                let result = load_listing(&src, format).await;
                if wanted.borrow().as_deref() != Some(src.as_str()) {
                    return;
                }
                match result {
                    Ok(l) => recent.set(Some((src, l))),
                    Err(e) => web_sys::console::warn_1(&e.hint(&src).into()),
                }
            });
        }
    };

    // Put a loaded document on screen, then do what this kind of navigation
    // asks for: announce, focus, scroll.
    let show: Rc<Show> = {
        let host = host.clone();
        Rc::new(move |doc: Doc, src: String, hint: Option<String>, how: How, scroll: Option<f64>| {
            if let Doc::Article(a) = &doc {
                load_recent(a);
            }
            let next = Shown { src: src.clone(), doc, hint };
            let title = next.title(messages(&locale.get_untracked()));
            shown.set(Some(next));
            status.set(Status::Idle);
            if FIRST_RENDER.with(|f| f.replace(false)) {
                // The view updates in a microtask the `set` above queued;
                // this one is queued after it, so it runs once the story's
                // top is in the DOM.
                spawn_local(async { crate::browser::mark("dateline:first-render") });
            }
            if how != How::Initial {
                announce.set(fill(messages(&locale.get_untracked()).loaded, &title));
                after_render(&host, "[part~='headline']".into(), scroll);
            }
            // Once the whole story is in (its later part renders a task
            // after its top): a page that reserved the widget's space may
            // release it now without the content below moving twice.
            let host = host.clone();
            spawn_local(async move {
                crate::browser::next_task().await;
                crate::browser::next_task().await;
                dispatch(&host, "dateline:load", &src);
            });
        })
    };

    // `navigate` is the one way the widget changes what it shows. Each call
    // supersedes the previous one: its request is aborted and a late answer
    // is discarded, so a slow A can never overwrite a fast B. A document
    // already in the page's cache is shown at once, in this same frame.
    let navigate: Rc<dyn Fn(String, How, Option<String>)> = {
        let host = host.clone();
        let place = place.clone();
        Rc::new(move |src: String, how: How, hint: Option<String>| {
            let step = place.borrow_mut().go(&src, how, hint, scroll_y(), &search());
            match how {
                How::Click if layout.get_untracked() != Layout::Full => layout.set(Layout::Full),
                How::Pop if src == home && layout.get_untracked() != own_layout => layout.set(own_layout),
                _ => {}
            }
            if let Some(next) = &step.push {
                push_search(next);
            }
            let gen = generation.get() + 1;
            generation.set(gen);
            more_busy.set(false);
            more_failed.set(false);
            if let Some(old) = inflight.borrow_mut().take() {
                old.abort();
            }
            let (hint, scroll) = (step.hint, step.scroll);
            if let Some(doc) = crate::net::cached(&src) {
                show(doc, src, hint, how, scroll);
                return;
            }
            let ctrl = AbortController::new().ok();
            let signal = ctrl.as_ref().map(|c| c.signal());
            *inflight.borrow_mut() = ctrl;
            status.set(Status::Loading(src.clone()));
            let generation = generation.clone();
            let host = host.clone();
            let show = show.clone();
            spawn_local(async move {
                let result = load(&src, signal.as_ref(), format).await;
                if generation.get() != gen {
                    return;
                }
                match result {
                    Ok(doc) => show(doc, src, hint, how, scroll),
                    Err(LoadError::Cancelled) => {}
                    Err(error) => {
                        web_sys::console::error_1(&error.hint(&src).into());
                        dispatch(&host, "dateline:error", &src);
                        status.set(Status::Failed { url: src, error });
                    }
                }
            });
        })
    };

    let first = place.borrow().target(&search());
    navigate(first, How::Initial, None);

    // Back and Forward: every widget reads its own parameter and moves only
    // if it names another document. The host's own pushState routing never
    // carries our parameter, so it leaves widgets where they are... unless
    // it goes back past our entries, which restores the widget too.
    if config.history {
        let navigate = navigate.clone();
        let place = place.clone();
        let host = host.clone();
        let on_pop = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            // A widget a single-page host has removed stays quiet.
            if !host.is_connected() {
                return;
            }
            let to = place.borrow().popped(&search());
            if let Some(target) = to {
                navigate(target, How::Pop, None);
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        }
        // The widget lives as long as the page.
        on_pop.forget();
    }

    let nav: Nav = {
        let navigate = navigate.clone();
        Rc::new(move |src, hint| navigate(src, How::Click, hint))
    };

    let more = listing::load_more(shown, more_busy, more_failed, host.clone(), format);

    // Reactive closures must be Send; the Rc-based actions live in local
    // stored values (Copy handles) instead.
    let nav = StoredValue::new_local(nav);
    let navigate = StoredValue::new_local(navigate);
    let more = StoredValue::new_local(more);

    let heading_level = config.heading_level;
    let loading = move || status.with(|s| matches!(s, Status::Loading(_)));
    let has_view = move || shown.with(|s| s.is_some());

    // Three independent reactive pieces, so a status change (the loading bar,
    // an error) never rebuilds the story on screen.
    let banner = status::banner(status, locale, move |url| navigate.get_value()(url, How::Retry, None));
    let bar = status::bar(status, locale, shown);
    // The view is rebuilt when another document is shown, not when the one
    // on screen grows: "Load more" appends to the listing's list.
    let key = Memo::new(move |_| shown.with(|s| s.as_ref().map(|s| s.src.clone())));
    let listing_now = Signal::derive_local(move || shown.with(|s| s.as_ref().and_then(|s| s.listing().cloned())));
    let has_recent = config.recent.is_some();
    let rail_home = home_rc.clone();
    let content = move || {
        let t = messages(&locale.get());
        let lay = layout.get();
        key.track();
        let ctx = |rail: bool| Ctx { locale: locale.get_untracked(), heading_level, format, rail, compact: lay == Layout::Compact, rail_items, home: home_rc.clone() };
        match shown.get_untracked() {
            // A rail widget's story is its rail (beside, in `rail` below).
            Some(Shown { doc: Doc::Article(_), .. }) if lay == Layout::Rail => ().into_any(),
            Some(Shown { src, doc: Doc::Listing(l), .. }) if lay == Layout::Rail => rail_box(ctx(true), src, l).into_any(),
            Some(s) => match &s.doc {
                Doc::Article(a) => {
                    let ctx = ctx(lay == Layout::Full && (has_recent || a.recent.is_some()));
                    article::article_view(&ctx, a).into_any()
                }
                Doc::Listing(_) => {
                    let ctx = ctx(false);
                    listing::listing_view(&ctx, s.src.clone(), s.title(t), listing_now, more, more_busy.into(), more_failed.into()).into_any()
                }
            },
            None if loading() && lay == Layout::Rail => slot_box("dl-sk-rail", Some(t.loading)).into_any(),
            None if loading() => skeleton::skeleton(t.loading).into_any(),
            // Failed before anything was shown: keep the publisher's own
            // fallback link visible under the message.
            None => slot_box("dl-fallback", None).into_any(),
        }
    };
    let body = view! {
        <div
            class="dl"
            lang=move || locale.get()
            dir=move || if is_rtl(&locale.get()) { "rtl" } else { "ltr" }
            aria-busy=move || (loading() && has_view()).then_some("true")
        >
            {banner}
            {bar}
            {content}
        </div>
    };

    // The rail goes with an article, in its language. It depends on whether
    // an article is shown, not on which: navigating between stories that
    // share a feed leaves it as it is instead of rebuilding it.
    let with_article = Memo::new(move |_| shown.with(|s| matches!(s, Some(Shown { doc: Doc::Article(_), .. }))));
    let rail = move || {
        with_article.get().then_some(())?;
        (layout.get() != Layout::Compact).then_some(())?;
        let (src, l) = recent.get()?;
        Some(rail_box(Ctx { locale: locale.get(), heading_level, format, rail: true, compact: false, rail_items, home: rail_home.clone() }, src, l))
    };


    // One listener per widget for every in-place link (`cards::in_place_link`):
    // a plain left click opens its `data-src`, hover and focus prefetch it.
    let on_click = move |ev: web_sys::MouseEvent| {
        if !is_plain_click(&ev) {
            return;
        }
        let Some(a) = in_place_target(&ev) else { return };
        let Some(src) = a.get_attribute("data-src") else { return };
        ev.prevent_default();
        nav.get_value()(src, a.get_attribute("data-hint"));
    };
    let warm = move |ev: &web_sys::Event| {
        if let Some(src) = in_place_target(ev).and_then(|a| a.get_attribute("data-src")) {
            crate::net::prefetch(&src, format);
        }
    };
    let on_over = move |ev: web_sys::PointerEvent| warm(&ev);
    let on_focus = move |ev: web_sys::FocusEvent| warm(&ev);
    view! {
        <div class="dl-grid" on:click=on_click on:pointerover=on_over on:focusin=on_focus>
            {body}
            {rail}
        </div>
        <div class="dl-sr" aria-live="polite" aria-atomic="true">{move || announce.get()}</div>
    }
}
