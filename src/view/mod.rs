//! The view layer: Leptos components over the model. `Widget` owns one
//! widget's state (what is shown, what is loading, what failed) and the
//! `navigate` action; `article` renders an `Article` with one match over its
//! blocks; `cards` renders Also Read cards and the Recent Posts rail.

pub mod article;
pub mod cards;
pub mod clock;
pub mod intl;
pub mod rich;

use crate::config::{pick_locale, Config};
use crate::i18n::{fill, is_rtl, messages, Messages};
use crate::model::{Article, Listing};
use crate::net::{load_article, load_listing, LoadError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, HtmlElement};

/// Navigate the widget to a document URL (an Also Read card's `src`).
pub type Nav = Rc<dyn Fn(String)>;

/// What the widget is doing besides showing its current article.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Idle,
    Loading(String),
    Failed { url: String, error: LoadError },
}

/// What every part of a rendered widget needs to know.
#[derive(Clone)]
pub struct Ctx {
    pub locale: String,
    pub heading_level: u8,
    pub nav: Nav,
    pub now: ArcRwSignal<i64>,
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

/// A heading at a run-time level: `<h1>`…`<h6>`.
pub fn heading(level: u8, part: &'static str, id: Option<String>, focusable: bool, text: String) -> AnyView {
    let tabindex = focusable.then_some("-1");
    macro_rules! h {
        ($tag:ident) => {
            view! { <$tag part=part id=id tabindex=tabindex>{text}</$tag> }.into_any()
        };
    }
    match level {
        1 => h!(h1),
        2 => h!(h2),
        3 => h!(h3),
        4 => h!(h4),
        5 => h!(h5),
        _ => h!(h6),
    }
}

fn error_message(t: &Messages, e: &LoadError) -> String {
    use crate::formats::FormatError as F;
    match e {
        LoadError::Network | LoadError::Cancelled => t.err_network.into(),
        LoadError::Timeout => t.err_timeout.into(),
        LoadError::Http(404 | 410) => t.err_not_found.into(),
        LoadError::Http(s) if *s >= 500 => t.err_server.into(),
        LoadError::Http(_) => t.err_client.into(),
        LoadError::Format(F::Syntax(_) | F::NotAnObject | F::TooLarge) => t.err_damaged.into(),
        LoadError::Format(f) => fill(t.err_incomplete, f.field().unwrap_or("?")),
    }
}

fn dispatch(host: &HtmlElement, name: &str, detail: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&wasm_bindgen::JsValue::from_str(detail));
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&ev);
    }
}

thread_local! {
    static FIRST_RENDER: Cell<bool> = const { Cell::new(true) };
}

/// Move focus to the new headline, and bring the widget's top into view
/// only if it is off-screen.
fn focus_headline(host: &HtmlElement) {
    let host = host.clone();
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(h) = host
            .shadow_root()
            .and_then(|r| r.query_selector("[part~='headline']").ok().flatten())
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = h.focus();
        }
        let rect = host.get_bounding_client_rect();
        let vh = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|v| v.as_f64()).unwrap_or(0.0);
        if rect.top() < 0.0 || rect.top() > vh {
            host.scroll_into_view();
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(cb.unchecked_ref());
    }
}

/// One widget: loads `config.src`, renders it, and navigates in place.
#[component]
pub fn Widget(config: Config, page_lang: Option<String>, host: HtmlElement) -> impl IntoView {
    let article: RwSignal<Option<Rc<Article>>, LocalStorage> = RwSignal::new_local(None);
    let recent: RwSignal<Option<Rc<Listing>>, LocalStorage> = RwSignal::new_local(None);
    let status: RwSignal<Status, LocalStorage> = RwSignal::new_local(Status::Loading(config.src.clone()));
    let announce = RwSignal::new(String::new());
    let generation = Rc::new(Cell::new(0u64));
    let inflight: Rc<RefCell<Option<AbortController>>> = Rc::new(RefCell::new(None));
    let now = clock::clock();
    // The language the widget speaks follows the article on screen.
    let locale = {
        let fixed_locale = config.locale.clone();
        Memo::new(move |_| {
            article.with(|a| pick_locale(fixed_locale.as_deref(), a.as_ref().and_then(|a| a.language.as_deref()), page_lang.as_deref()))
        })
    };

    let load_recent = {
        let override_src = config.recent.clone();
        let recent_src: RefCell<Option<String>> = RefCell::new(None);
        move |a: &Article| {
            let Some(src) = override_src.clone().or_else(|| a.recent.clone()) else {
                recent.set(None);
                return;
            };
            if recent_src.borrow().as_deref() == Some(src.as_str()) {
                return;
            }
            *recent_src.borrow_mut() = Some(src.clone());
            spawn_local(async move {
                match load_listing(&src, None).await {
                    Ok(l) => recent.set(Some(l)),
                    Err(e) => web_sys::console::warn_1(&e.hint(&src).into()),
                }
            });
        }
    };

    // `navigate` is the one way the widget changes what it shows. Each call
    // supersedes the previous one: its request is aborted and a late answer
    // is discarded, so a slow A can never overwrite a fast B.
    let navigate: Rc<dyn Fn(String, bool)> = {
        let host = host.clone();
        let load_recent = Rc::new(load_recent);
        Rc::new(move |src: String, user: bool| {
            let gen = generation.get() + 1;
            generation.set(gen);
            if let Some(old) = inflight.borrow_mut().take() {
                old.abort();
            }
            let ctrl = AbortController::new().ok();
            let signal = ctrl.as_ref().map(|c| c.signal());
            *inflight.borrow_mut() = ctrl;
            status.set(Status::Loading(src.clone()));
            let generation = generation.clone();
            let host = host.clone();
            let load_recent = load_recent.clone();
            spawn_local(async move {
                let result = load_article(&src, signal.as_ref()).await;
                if generation.get() != gen {
                    return;
                }
                match result {
                    Ok(a) => {
                        let title = a.title.clone();
                        load_recent(&a);
                        article.set(Some(a));
                        status.set(Status::Idle);
                        if FIRST_RENDER.with(|f| f.replace(false)) {
                            crate::net::mark("dateline:first-render");
                        }
                        if user {
                            announce.set(fill(messages(&locale.get_untracked()).loaded, &title));
                            focus_headline(&host);
                        }
                        dispatch(&host, "dateline:load", &src);
                    }
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

    let nav: Nav = {
        let navigate = navigate.clone();
        Rc::new(move |src| navigate(src, true))
    };
    navigate(config.src.clone(), false);
    // Reactive closures must be Send; the Rc-based actions live in local
    // stored values (Copy handles) instead.
    let nav = StoredValue::new_local(nav);
    let navigate = StoredValue::new_local(navigate);

    let heading_level = config.heading_level;
    let loading = move || status.with(|s| matches!(s, Status::Loading(_)));

    // Three independent reactive pieces, so a status change (the loading bar,
    // an error) never rebuilds the article on screen.
    let banner = move || {
        let t = messages(&locale.get());
        status.with(|st| match st {
            Status::Failed { url, error } => {
                let retry = {
                    let url = url.clone();
                    move |_| navigate.get_value()(url.clone(), article.with_untracked(|a| a.is_some()))
                };
                Some(view! {
                    <div part="error" role="alert">
                        <p>{error_message(t, error)}</p>
                        <button part="retry" type="button" on:click=retry>{t.retry}</button>
                    </div>
                })
            }
            _ => None,
        })
    };
    let bar = move || {
        (loading() && article.with(|a| a.is_some()))
            .then(|| view! { <div part="loading" class="dl-bar" role="progressbar" aria-label=messages(&locale.get()).loading></div> })
    };
    let content = move || {
        let t = messages(&locale.get());
        match article.get() {
            Some(a) => {
                let ctx = Ctx { locale: locale.get_untracked(), heading_level, nav: nav.get_value(), now: now.clone() };
                article::article_view(&ctx, &a).into_any()
            }
            None if loading() => view! {
                <div part="loading" aria-busy="true" aria-label=t.loading>
                    <slot></slot>
                    <div class="sk sk-h"></div>
                    <div class="sk sk-h sk-short"></div>
                    <div class="sk sk-meta"></div>
                    <div class="sk sk-img"></div>
                    <div class="sk sk-line"></div>
                    <div class="sk sk-line"></div>
                    <div class="sk sk-line sk-short"></div>
                </div>
            }
            .into_any(),
            // Failed before anything was shown: keep the publisher's own
            // fallback link visible under the message.
            None => view! { <div class="dl-fallback"><slot></slot></div> }.into_any(),
        }
    };
    let body = view! {
        <div
            class="dl"
            lang=move || locale.get()
            dir=move || if is_rtl(&locale.get()) { "rtl" } else { "ltr" }
            aria-busy=move || (loading() && article.with(|a| a.is_some())).then_some("true")
        >
            {banner}
            {bar}
            {content}
        </div>
    };

    let rail = move || {
        // The rail follows the article: shown with it, in its language.
        article.with(|a| a.is_some()).then_some(())?;
        let l = recent.get()?;
        let locale = locale.get();
        let dir = if is_rtl(&locale) { "rtl" } else { "ltr" };
        let ctx = Ctx { locale: locale.clone(), heading_level, nav: nav.get_value(), now: clock::clock() };
        Some(view! { <div class="dl dl-rail" lang=locale dir=dir>{cards::recent_rail(&ctx, &l)}</div> })
    };

    view! {
        <div class="dl-grid">
            {body}
            {rail}
        </div>
        <div class="dl-sr" aria-live="polite" aria-atomic="true">{move || announce.get()}</div>
    }
}
