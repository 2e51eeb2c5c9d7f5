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
pub mod share;
pub mod inline;
pub mod skeleton;
pub mod status;

use crate::config::{Config, Layout};
use crate::i18n::{fill, is_rtl, messages, pick_locale, Messages};
use crate::formats::Format;
use crate::model::{Article, Doc, Listing};
use crate::net::{load_listing, load_with, perf_now, Opts};
use crate::widget::{How, LoadError, Place, Shown, Status, Trigger};
use leptos::prelude::*;
use nav::{after_render, dispatch, dispatch_with, in_place_target, is_plain_click, object, push_search, scroll_y, search};
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, HtmlElement};

/// Navigate the widget in place to a document URL (a card's or a tag's
/// `src`), with the words the reader clicked as a title for a listing that
/// has none, and which kind of link it was.
pub type Nav = Rc<dyn Fn(String, Option<String>, Trigger)>;

/// A running widget as `embed` holds it: the JS API's `navigate` and
/// `refresh`, and `end`, which stops what the widget started outside its
/// reactive owner (the request in flight, the `popstate` listener, answers
/// and events still to come) before `embed` drops the owner.
#[derive(Clone, Default)]
pub struct Remote(Rc<RemoteInner>);

#[derive(Default)]
struct RemoteInner {
    /// `Some(src)`: show `src`; `None`: fetch what is shown again.
    go: RefCell<Option<Rc<dyn Fn(Option<String>)>>>,
    ends: RefCell<Vec<Box<dyn FnOnce()>>>,
}

impl Remote {
    /// Show `src` (an absolute, checked URL) as a click would, with a
    /// history entry. False once the widget has ended.
    pub fn navigate(&self, src: String) -> bool {
        self.call(Some(src))
    }
    /// Fetch the document on screen again, past the page's cache.
    pub fn refresh(&self) -> bool {
        self.call(None)
    }
    fn call(&self, src: Option<String>) -> bool {
        let go = self.0.go.borrow().clone();
        go.map(|g| g(src)).is_some()
    }
    fn on_end(&self, f: impl FnOnce() + 'static) {
        self.0.ends.borrow_mut().push(Box::new(f));
    }
    /// `cb` listens to the window's `event` until the widget ends.
    fn listen(&self, event: &'static str, cb: wasm_bindgen::closure::Closure<dyn FnMut()>) {
        let target = || web_sys::window().map(web_sys::EventTarget::from);
        if let Some(w) = target() {
            let _ = w.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
        }
        self.on_end(move || {
            if let Some(w) = target() {
                let _ = w.remove_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
            }
        });
    }
    pub fn end(&self) {
        self.0.go.borrow_mut().take();
        let ends = std::mem::take(&mut *self.0.ends.borrow_mut());
        ends.into_iter().for_each(|f| f());
    }
}

/// Any link followed out of the widget other than in place (a story's own
/// page, a link in its text, a modified click on an in-place link) is a
/// `dateline:click-out`, for the host's own analytics.
fn click_out(host: &HtmlElement, shown: RwSignal<Option<Shown>, LocalStorage>, ev: &web_sys::MouseEvent) {
    if ev.default_prevented() {
        return;
    }
    let Some(url) = nav::closest(ev, "a[href]").and_then(|a| a.get_attribute("href")) else { return };
    let from = shown.with_untracked(|s| s.as_ref().map(|s| JsValue::from(s.src.as_str()))).unwrap_or(JsValue::NULL);
    dispatch_with(host, "dateline:click-out", &[("url", url.into()), ("from", from)]);
}


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
    /// Stories the Recent Posts rail and the Also Read section show
    /// (`data-max-items`).
    pub rail_items: usize,
    /// `data-partner`: credit the publisher ("From …").
    pub partner: bool,
    /// `data-links="out"`: stories open on the publisher's site.
    pub out: bool,
    /// The campaign parameters for links to the publisher's pages.
    pub utm: std::sync::Arc<[(&'static str, String)]>,
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
    /// A link to one of the publisher's own pages (a story's canonical
    /// `url`, a tag's page, the feed's home), with the campaign parameters.
    pub fn canonical(&self, url: &str) -> String {
        crate::url::tagged(url, &self.utm)
    }
}

/// Put a loaded document (from `src`, titled with `hint` if it is a listing
/// without a title) on screen after a navigation of some kind, restoring a
/// scroll position.
type Show = dyn Fn(Doc, String, Option<String>, How, Option<f64>, Option<Trigger>);

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
pub fn Widget(config: Config, page_lang: Option<String>, host: HtmlElement, id: String, remote: Remote) -> impl IntoView {
    let shown: RwSignal<Option<Shown>, LocalStorage> = RwSignal::new_local(None);
    let recent: RwSignal<Option<(String, Rc<Listing>)>, LocalStorage> = RwSignal::new_local(None);
    let status: RwSignal<Status, LocalStorage> = RwSignal::new_local(Status::Loading(config.src.clone()));
    let more_busy = RwSignal::new(false);
    let more_failed = RwSignal::new(false);
    let announce = RwSignal::new(String::new());
    let generation = Rc::new(Cell::new(0u64));
    let format = config.format;
    let inflight: Rc<RefCell<Option<AbortController>>> = Rc::new(RefCell::new(None));
    let timeout = config.timeout_ms;
    // A failed load the browser's next `online` event tries once more.
    let online_retry = Rc::new(Cell::new(false));
    // False once the widget has ended: nothing it queued acts any more.
    let alive = Rc::new(Cell::new(true));
    {
        let (alive, generation, inflight) = (alive.clone(), generation.clone(), inflight.clone());
        remote.on_end(move || {
            alive.set(false);
            // A late answer is discarded, as after a newer navigation.
            generation.set(generation.get() + 1);
            if let Some(c) = inflight.borrow_mut().take() {
                c.abort();
            }
        });
    }
    let started = perf_now();
    let readied = Rc::new(Cell::new(false));
    let place = Rc::new(RefCell::new(Place::new(config.history.then_some(id), config.src.clone())));
    // A compact or rail widget shows a story the reader opens from it in
    // full, and its own view again when Back returns to its `data-src`.
    let layout = RwSignal::new(config.layout);
    let (own_layout, home, rail_items) = (config.layout, config.src.clone(), config.max_items);
    let (partner, out) = (config.partner.is_some(), config.links_out);
    let utm: std::sync::Arc<[(&'static str, String)]> = config.utm.clone().into();
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
                let result = load_listing(&src, timeout, format).await;
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
        let alive = alive.clone();
        Rc::new(move |doc: Doc, src: String, hint: Option<String>, how: How, scroll: Option<f64>, trigger: Option<Trigger>| {
            if let Doc::Article(a) = &doc {
                load_recent(a);
            }
            let next = Shown { src: src.clone(), doc, hint };
            let title = next.title(messages(&locale.get_untracked()));
            let from = shown.with_untracked(|s| s.as_ref().map(|s| s.src.clone()));
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
            // release it now without the content below moving twice. The
            // first story is the widget's `ready`; a later one that a link,
            // Back or the API opened is a `navigate`.
            let host = host.clone();
            let (alive, readied) = (alive.clone(), readied.clone());
            spawn_local(async move {
                crate::browser::next_task().await;
                crate::browser::next_task().await;
                if !alive.get() {
                    return;
                }
                dispatch(&host, "dateline:load", &src);
                if !readied.replace(true) {
                    let shown_at = perf_now();
                    let timings = object(&[("start", started.into()), ("shown", shown_at.into()), ("elapsed", (shown_at - started).into())]);
                    dispatch_with(&host, "dateline:ready", &[("src", src.into()), ("title", title.into()), ("timings", timings)]);
                } else if let Some(t) = trigger {
                    dispatch_with(&host, "dateline:navigate", &[("from", from.map(JsValue::from).unwrap_or(JsValue::NULL)), ("to", src.into()), ("trigger", t.name().into())]);
                }
            });
        })
    };

    // `navigate` is the one way the widget changes what it shows. Each call
    // supersedes the previous one: its request is aborted and a late answer
    // is discarded, so a slow A can never overwrite a fast B. A document
    // already in the page's cache is shown at once, in this same frame.
    let navigate: Rc<dyn Fn(String, How, Option<String>, Option<Trigger>)> = {
        let host = host.clone();
        let home = home.clone();
        let place = place.clone();
        let online_retry = online_retry.clone();
        Rc::new(move |src: String, how: How, hint: Option<String>, trigger: Option<Trigger>| {
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
                show(doc, src, hint, how, scroll, trigger);
                return;
            }
            let ctrl = AbortController::new().ok();
            let signal = ctrl.as_ref().map(|c| c.signal());
            *inflight.borrow_mut() = ctrl;
            status.set(Status::Loading(src.clone()));
            let generation = generation.clone();
            let host = host.clone();
            let show = show.clone();
            let online_retry = online_retry.clone();
            spawn_local(async move {
                let waiting = |error: &LoadError| {
                    if generation.get() == gen {
                        status.set(Status::Retrying { url: src.clone(), error: error.clone() });
                    }
                };
                let result = load_with(&src, Opts { signal: signal.as_ref(), timeout, waiting: Some(&waiting), once: false }, format).await;
                if generation.get() != gen {
                    return;
                }
                match result {
                    Ok(doc) => show(doc, src, hint, how, scroll, trigger),
                    Err(LoadError::Cancelled) => {}
                    Err(error) => {
                        web_sys::console::error_1(&error.hint(&src).into());
                        online_retry.set(crate::retry::after_online(&error));
                        let status_code = error.status().map(JsValue::from).unwrap_or(JsValue::NULL);
                        dispatch_with(&host, "dateline:error", &[("kind", error.kind().into()), ("status", status_code), ("url", src.as_str().into())]);
                        status.set(Status::Failed { url: src, error });
                    }
                }
            });
        })
    };

    let first = place.borrow().target(&search());
    navigate(first, How::Initial, None, None);

    // The JS API: `Dateline.navigate(el, src)` and `Dateline.refresh(el)`.
    {
        let navigate = navigate.clone();
        let home = home.clone();
        *remote.0.go.borrow_mut() = Some(Rc::new(move |src: Option<String>| match src {
            Some(src) => navigate(src, How::Click, None, Some(Trigger::Api)),
            None => {
                let now = shown.with_untracked(|s| s.as_ref().map(|s| s.src.clone())).unwrap_or_else(|| home.clone());
                crate::net::forget(&now);
                navigate(now, How::Retry, None, None);
            }
        }));
    }

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
                navigate(target, How::Pop, None, Some(Trigger::History));
            }
        });
        remote.listen("popstate", on_pop);
    }

    // Back online: a load that failed for want of a connection is tried
    // once more (`retry::after_online`).
    {
        let navigate = navigate.clone();
        let host = host.clone();
        let on_online = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            if !host.is_connected() || !online_retry.replace(false) {
                return;
            }
            if let Status::Failed { url, .. } = status.get_untracked() {
                navigate(url, How::Retry, None, None);
            }
        });
        remote.listen("online", on_online);
    }

    let nav: Nav = {
        let navigate = navigate.clone();
        Rc::new(move |src, hint, trigger| navigate(src, How::Click, hint, Some(trigger)))
    };

    let more = listing::load_more(shown, more_busy, more_failed, host.clone(), format, timeout, home.clone());

    // The Share control of the story on screen (`article::share_button`).
    let share_now: Rc<dyn Fn()> = {
        let (place, utm) = (place.clone(), config.utm.clone());
        Rc::new(move || {
            let Some(Shown { doc: Doc::Article(a), .. }) = shown.get_untracked() else { return };
            let page = crate::net::page_url();
            let link = crate::widget::share_link(&place.borrow(), &page, &a.url, out, &utm);
            share::share(&a.title, link, announce, messages(&locale.get_untracked()));
        })
    };
    let share_now = StoredValue::new_local(share_now);

    // Reactive closures must be Send; the Rc-based actions live in local
    // stored values (Copy handles) instead.
    let nav = StoredValue::new_local(nav);
    let navigate = StoredValue::new_local(navigate);
    let more = StoredValue::new_local(more);

    let heading_level = config.heading_level;
    let loading = move || status.with(|s| matches!(s, Status::Loading(_) | Status::Retrying { .. }));
    let has_view = move || shown.with(|s| s.is_some());

    // Three independent reactive pieces, so a status change (the loading bar,
    // an error) never rebuilds the story on screen.
    let banner = status::banner(status, locale, move |url| navigate.get_value()(url, How::Retry, None, None));
    let bar = status::bar(status, locale, shown);
    // The view is rebuilt when another document is shown, not when the one
    // on screen grows: "Load more" appends to the listing's list.
    let key = Memo::new(move |_| shown.with(|s| s.as_ref().map(|s| s.src.clone())));
    let listing_now = Signal::derive_local(move || shown.with(|s| s.as_ref().and_then(|s| s.listing().cloned())));
    let has_recent = config.recent.is_some();
    let rail_utm = utm.clone();
    let rail_home = home_rc.clone();
    let content = move || {
        let t = messages(&locale.get());
        let lay = layout.get();
        key.track();
        let ctx = |rail: bool| Ctx { locale: locale.get_untracked(), heading_level, format, rail, compact: lay == Layout::Compact, rail_items, partner, out, utm: utm.clone(), home: home_rc.clone() };
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
            None if loading() => skeleton::skeleton(t.loading, partner).into_any(),
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
        let utm = rail_utm.clone();
        with_article.get().then_some(())?;
        (layout.get() != Layout::Compact).then_some(())?;
        let (src, l) = recent.get()?;
        Some(rail_box(Ctx { locale: locale.get(), heading_level, format, rail: true, compact: false, rail_items, partner, out, utm: utm.clone(), home: rail_home.clone() }, src, l))
    };


    // One listener per widget for every in-place link (`cards::in_place_link`):
    // a plain left click opens its `data-src`, hover and focus prefetch it.
    let on_click = {
        let host = host.clone();
        move |ev: web_sys::MouseEvent| {
            // The Share button (`data-share`, which content can never carry).
            if nav::closest(&ev, "[data-share]").is_some() {
                share_now.get_value()();
                return;
            }
            let target = in_place_target(&ev).filter(|_| is_plain_click(&ev)).and_then(|a| Some((a.get_attribute("data-src")?, a)));
            let Some((src, a)) = target else { return click_out(&host, shown, &ev) };
            ev.prevent_default();
            nav.get_value()(src, a.get_attribute("data-hint"), Trigger::of_link(a.get_attribute("part").as_deref()));
        }
    };
    // A middle click opens the link in a new tab.
    let on_aux = {
        let host = host.clone();
        move |ev: web_sys::MouseEvent| {
            if ev.button() == 1 {
                click_out(&host, shown, &ev);
            }
        }
    };
    let warm = move |ev: &web_sys::Event| {
        if let Some(src) = in_place_target(ev).and_then(|a| a.get_attribute("data-src")) {
            crate::net::prefetch(&src, format);
        }
    };
    let on_over = move |ev: web_sys::PointerEvent| warm(&ev);
    let on_focus = move |ev: web_sys::FocusEvent| warm(&ev);
    view! {
        <div class="dl-grid" on:click=on_click on:auxclick=on_aux on:pointerover=on_over on:focusin=on_focus>
            {body}
            {rail}
        </div>
        <div class="dl-sr" aria-live="polite" aria-atomic="true">{move || announce.get()}</div>
    }
}
