//! Fetching documents (browser side): timeout, cancellation, HTTP status
//! mapping, a size cap, and one parsed-document cache for the whole page.

use crate::cache::Lru;
use crate::formats::{dateline::parse_article, jsonfeed::parse_listing, FormatError, MAX_DOCUMENT_BYTES};
use crate::model::{Article, Listing};
use gloo_net::http::Request;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, AbortSignal};

/// A request that has not answered after this long is abandoned.
pub const TIMEOUT_MS: i32 = 15_000;

/// Why a load failed, in terms the view can put into words.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No response at all: offline, DNS, or (cross-origin) missing CORS headers.
    Network,
    Timeout,
    /// A newer load replaced this one; nothing to show.
    Cancelled,
    Http(u16),
    Format(FormatError),
}

impl LoadError {
    /// A one-line hint for the developer console.
    pub fn hint(&self, url: &str) -> String {
        match self {
            LoadError::Network => format!(
                "[dateline] {url}: network error. If this URL is on another origin, it must send \
                 Access-Control-Allow-Origin (CORS) for this page's origin."
            ),
            LoadError::Timeout => format!("[dateline] {url}: no answer within {TIMEOUT_MS} ms"),
            LoadError::Cancelled => format!("[dateline] {url}: cancelled"),
            LoadError::Http(s) => format!("[dateline] {url}: HTTP {s}"),
            LoadError::Format(e) => format!("[dateline] {url}: {e}"),
        }
    }
}

/// A parsed document: what a widget can show.
#[derive(Clone)]
pub enum Doc {
    Article(Rc<Article>),
    Listing(Rc<Listing>),
}

thread_local! {
    static CACHE: RefCell<Lru<Doc>> = RefCell::new(Lru::new(64));
}

#[wasm_bindgen]
extern "C" {
    /// `setTimeout`, keeping the handle as the page's own value: pages (and
    /// test clocks) may hand out ids that do not fit web-sys's `i32`, and a
    /// truncated id would never be cleared.
    #[wasm_bindgen(js_name = setTimeout)]
    pub(crate) fn set_timeout(callback: &JsValue, ms: i32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    pub(crate) fn clear_timeout(handle: &JsValue);
}

/// Fetch `url` as text. `signal` cancels it (a newer navigation).
pub async fn fetch_text(url: &str, signal: Option<&AbortSignal>) -> Result<String, LoadError> {
    // A widget's first document may be on its way already (the loader).
    if let Some(text) = crate::embed::early(url).await.filter(|t| t.len() <= MAX_DOCUMENT_BYTES) {
        return Ok(text);
    }
    // Our own controller enforces the timeout and follows the caller's.
    let ctrl = AbortController::new().map_err(|_| LoadError::Network)?;
    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = {
        let ctrl = ctrl.clone();
        let timed_out = timed_out.clone();
        Closure::once(move || {
            timed_out.set(true);
            ctrl.abort();
        })
    };
    let timer = set_timeout(on_timeout.as_ref(), TIMEOUT_MS);
    let follow = signal.map(|outer| {
        let inner = ctrl.clone();
        let cb = Closure::<dyn FnMut()>::new(move || inner.abort());
        let _ = outer.add_event_listener_with_callback("abort", cb.as_ref().unchecked_ref());
        if outer.aborted() {
            ctrl.abort();
        }
        cb
    });
    let cancelled = || signal.map(|s| s.aborted()).unwrap_or(false);

    let result = async {
        let resp = Request::get(url)
            .header("Accept", "application/feed+json, application/json;q=0.9, */*;q=0.1")
            .abort_signal(Some(&ctrl.signal()))
            .send()
            .await
            .map_err(|_| LoadError::Network)?;
        if !resp.ok() {
            return Err(LoadError::Http(resp.status()));
        }
        let text = resp.text().await.map_err(|_| LoadError::Network)?;
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(LoadError::Format(FormatError::TooLarge));
        }
        Ok(text)
    }
    .await;

    clear_timeout(&timer);
    drop(on_timeout);
    // Unhook from the caller's signal before the closure goes: a later
    // abort of that signal must not call a dropped closure.
    if let (Some(outer), Some(cb)) = (signal, follow) {
        let _ = outer.remove_event_listener_with_callback("abort", cb.as_ref().unchecked_ref());
    }
    match result {
        Err(_) if cancelled() => Err(LoadError::Cancelled),
        Err(LoadError::Network) if timed_out.get() => Err(LoadError::Timeout),
        other => other,
    }
}

/// Record a User Timing mark (`performance.mark`), for publishers' RUM.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// A cached article, if this page already loaded `url`.
pub fn cached_article(url: &str) -> Option<Rc<Article>> {
    match CACHE.with(|c| c.borrow_mut().get(url)) {
        Some(Doc::Article(a)) => Some(a),
        _ => None,
    }
}

/// Put a parsed article into the page-wide cache (tests and prefetch).
pub fn seed_article(url: &str, json: &str) -> Result<Rc<Article>, FormatError> {
    let a = Rc::new(parse_article(json, url)?);
    CACHE.with(|c| c.borrow_mut().put(url.to_string(), Doc::Article(a.clone())));
    Ok(a)
}

/// Put a parsed listing into the page-wide cache (tests and prefetch).
pub fn seed_listing(url: &str, json: &str) -> Result<Rc<Listing>, FormatError> {
    let l = Rc::new(parse_listing(json, url)?);
    CACHE.with(|c| c.borrow_mut().put(url.to_string(), Doc::Listing(l.clone())));
    Ok(l)
}

/// A document this page already parsed, if any.
pub fn cached(url: &str) -> Option<Doc> {
    CACHE.with(|c| c.borrow_mut().get(url))
}

/// Replace a cached document (a listing that grew by "Load more", so Back
/// restores it with every page).
pub fn remember(url: &str, doc: Doc) {
    CACHE.with(|c| c.borrow_mut().put(url.to_string(), doc));
}

/// Read a document of either kind: a feed is a listing, anything else an
/// article (whose error is the one reported).
fn parse_doc(url: &str, text: &str) -> Result<Doc, FormatError> {
    match parse_listing(text, url) {
        Ok(l) => Ok(Doc::Listing(Rc::new(l))),
        Err(FormatError::Missing("items")) => parse_article(text, url).map(|a| Doc::Article(Rc::new(a))),
        Err(e) => Err(e),
    }
}

/// Load any document, from the cache when possible.
pub async fn load(url: &str, signal: Option<&AbortSignal>) -> Result<Doc, LoadError> {
    if let Some(d) = cached(url) {
        return Ok(d);
    }
    let text = fetch_text(url, signal).await?;
    mark("dateline:data-received");
    let doc = parse_doc(url, &text).map_err(LoadError::Format)?;
    remember(url, doc.clone());
    Ok(doc)
}

/// At most this many prefetches are in flight at once.
pub const PREFETCH_CONCURRENCY: usize = 2;

#[derive(Default)]
struct Prefetch {
    queue: Vec<String>,
    busy: Vec<String>,
}

thread_local! {
    static PREFETCH: RefCell<Prefetch> = RefCell::new(Prefetch::default());
}

/// Fetch and parse `url` into the cache ahead of a click (hover, focus, a
/// card scrolled into view on touch screens). Newest wishes go first; a
/// failure is left for the real navigation to report.
pub fn prefetch(url: &str) {
    if cached(url).is_some() {
        return;
    }
    PREFETCH.with(|p| {
        let mut p = p.borrow_mut();
        if p.busy.iter().any(|u| u == url) {
            return;
        }
        p.queue.retain(|u| u != url);
        p.queue.push(url.to_string());
    });
    pump();
}

fn pump() {
    let next = PREFETCH.with(|p| {
        let mut p = p.borrow_mut();
        if p.busy.len() >= PREFETCH_CONCURRENCY {
            return None;
        }
        let url = p.queue.pop()?;
        p.busy.push(url.clone());
        Some(url)
    });
    let Some(url) = next else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let _ = load(&url, None).await;
        PREFETCH.with(|p| p.borrow_mut().busy.retain(|u| *u != url));
        pump();
    });
    pump();
}

/// Load and parse an article, from the cache when possible.
pub async fn load_article(url: &str, signal: Option<&AbortSignal>) -> Result<Rc<Article>, LoadError> {
    if let Some(a) = cached_article(url) {
        return Ok(a);
    }
    let text = fetch_text(url, signal).await?;
    mark("dateline:data-received");
    seed_article(url, &text).map_err(LoadError::Format)
}

/// Load and parse a JSON Feed listing, from the cache when possible.
pub async fn load_listing(url: &str, signal: Option<&AbortSignal>) -> Result<Rc<Listing>, LoadError> {
    if let Some(Doc::Listing(l)) = CACHE.with(|c| c.borrow_mut().get(url)) {
        return Ok(l);
    }
    let text = fetch_text(url, signal).await?;
    seed_listing(url, &text).map_err(LoadError::Format)
}
