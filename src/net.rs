//! Fetching documents (browser side): the loader's early fetch, timeout,
//! cancellation, HTTP status mapping, a size cap, loads shared by URL,
//! prefetch, and one parsed-document cache for the whole page. A document
//! is parsed (with its HTML, once) when it arrives; what the cache holds is
//! the clean model.

use crate::browser::{clear_timeout, decode, mark, next_task, parse_html, parse_xml, set_timeout};
use crate::cache::Lru;
use crate::formats::wordpress::wp_next_page;
use crate::formats::detect::format_from_content_type;
use crate::formats::{parse_document, Format, FormatError, MAX_DOCUMENT_BYTES};
use crate::model::{Doc, Listing};
use crate::widget::{LoadError, TIMEOUT_MS};
use gloo_net::http::Request;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, AbortSignal};

thread_local! {
    static CACHE: RefCell<Lru<Doc>> = RefCell::new(Lru::new(64));
}

#[wasm_bindgen]
extern "C" {
    /// The loader's early fetch of a widget's first document
    /// (`Dateline._take`): a Promise of its text, or of null. Throws where
    /// there is no loader (tests), which counts as none.
    #[wasm_bindgen(catch, js_namespace = Dateline, js_name = _take)]
    fn take(url: &str) -> Result<JsValue, JsValue>;
}

/// A fetched document: its text, WordPress's page count
/// (`X-WP-TotalPages`), which "Load more" needs for post lists, and the
/// `Content-Type`, which can name a feed (`application/rss+xml`).
pub struct Fetched {
    pub text: String,
    pub total_pages: Option<u32>,
    pub content_type: Option<String>,
}

/// `url` if the loader started fetching it with the module (its text,
/// `X-WP-TotalPages` and `Content-Type`), handed over in a task of its own: the widget's mount
/// (and the module's first run) and its first story are then two tasks,
/// not one long one.
async fn early(url: &str) -> Option<Fetched> {
    let p: js_sys::Promise = take(url).ok()?.dyn_into().ok()?;
    let got: js_sys::Array = wasm_bindgen_futures::JsFuture::from(p).await.ok()?.dyn_into().ok()?;
    let text = got.get(0).as_string();
    let total_pages = got.get(1).as_string().and_then(|p| p.trim().parse().ok());
    let content_type = got.get(2).as_string();
    next_task().await;
    Some(Fetched { text: text?, total_pages, content_type })
}

/// What the widget asks for: JSON first, then feeds (the loader's early
/// fetch sends the same).
const ACCEPT: &str = "application/feed+json, application/json;q=0.9, application/rss+xml, application/atom+xml, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

/// Fetch `url` as text (decoded as an XML declaration says, for feeds in
/// another encoding). `signal` cancels it (a newer navigation).
pub async fn fetch_text(url: &str, signal: Option<&AbortSignal>) -> Result<Fetched, LoadError> {
    // A widget's first document may be on its way already (the loader).
    if let Some(early) = early(url).await.filter(|f| f.text.len() <= MAX_DOCUMENT_BYTES) {
        return Ok(early);
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
        // The request is built here rather than with gloo-net's builder,
        // which appends a stray `&` to URLs that already have a query.
        let init = web_sys::RequestInit::new();
        let headers = web_sys::Headers::new().map_err(|_| LoadError::Network)?;
        let _ = headers.set("Accept", ACCEPT);
        init.set_headers(&headers);
        init.set_signal(Some(&ctrl.signal()));
        let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| LoadError::Network)?;
        let resp = Request::from(request).send().await.map_err(|_| LoadError::Network)?;
        if !resp.ok() {
            return Err(LoadError::Http(resp.status()));
        }
        // Cross-origin, this header is readable only if the site exposes it
        // (WordPress does: Access-Control-Expose-Headers).
        let total_pages = resp.headers().get("X-WP-TotalPages").and_then(|v| v.trim().parse().ok());
        let content_type = resp.headers().get("Content-Type");
        let body = web_sys::Response::from(resp).array_buffer().map_err(|_| LoadError::Network)?;
        let bytes = js_sys::Uint8Array::new(&wasm_bindgen_futures::JsFuture::from(body).await.map_err(|_| LoadError::Network)?);
        if bytes.length() as usize > MAX_DOCUMENT_BYTES {
            return Err(LoadError::Format(FormatError::TooLarge));
        }
        let text = decode(&bytes).ok_or(LoadError::Network)?;
        Ok(Fetched { text, total_pages, content_type })
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

thread_local! {
    /// `dateline:data-received` marks the page's first document only.
    static FIRST_DATA: Cell<bool> = const { Cell::new(true) };
}

/// Put a parsed document into the page-wide cache (tests and prefetch).
pub fn seed(url: &str, json: &str) -> Result<Doc, FormatError> {
    let doc = parse_doc(url, Fetched { text: json.to_string(), total_pages: None, content_type: None }, None)?;
    remember(url, doc.clone());
    Ok(doc)
}

/// A document this page already parsed, if any.
pub fn cached(url: &str) -> Option<Doc> {
    CACHE.with(|c| c.borrow_mut().get(url))
}

/// Drop `url` from the page-wide cache, so its next load fetches it again
/// (`Dateline.refresh`).
pub fn forget(url: &str) {
    CACHE.with(|c| c.borrow_mut().remove(url));
}

/// Replace a cached document (a listing that grew by "Load more", so Back
/// restores it with every page).
pub fn remember(url: &str, doc: Doc) {
    CACHE.with(|c| c.borrow_mut().put(url.to_string(), doc));
}

/// Read a document of any format (detected from its shape unless
/// `forced`, or a `Content-Type` that names a feed). A feed's XML is
/// parsed by the browser's `DOMParser` (`parse_xml`). Its HTML (WordPress and JSON Feed bodies, Dateline
/// paragraphs) is parsed by the browser's inert `DOMParser`, once, and
/// rebuilt into clean blocks; a WordPress post list learns from
/// `X-WP-TotalPages` whether there is a next page; a feed's full-content
/// items go into the cache as articles at their cards' `src`.
fn parse_doc(url: &str, fetched: Fetched, forced: Option<Format>) -> Result<Doc, FormatError> {
    let forced = forced.or_else(|| fetched.content_type.as_deref().and_then(format_from_content_type));
    let mut doc = parse_document(&fetched.text, url, forced, &mut parse_html, &mut parse_xml)?;
    if let Doc::Listing(l) = &mut doc {
        if fetched.total_pages.is_some() {
            Rc::make_mut(l).next_url = wp_next_page(url, fetched.total_pages);
        }
        // A feed's full-content stories open with no further request.
        if !l.articles.is_empty() {
            for a in std::mem::take(&mut Rc::make_mut(l).articles) {
                remember(&a.src.clone(), Doc::Article(a));
            }
        }
    }
    Ok(doc)
}

/// The outcome of a load that others may be waiting for.
type Outcome = Rc<RefCell<Option<Result<Doc, LoadError>>>>;

thread_local! {
    /// Loads in flight that other callers wait for instead of fetching the
    /// same document again: twenty widgets sharing one Recent Posts feed, a
    /// click on a card that is being prefetched.
    static SHARED: RefCell<Vec<(String, js_sys::Promise, Outcome)>> = const { RefCell::new(Vec::new()) };
}

/// Load any document, from the cache when possible, or by joining a load of
/// it already on its way. A navigation (with its own abort `signal`) fetches
/// for itself, so aborting it never cancels anyone else's load.
pub async fn load(url: &str, signal: Option<&AbortSignal>, forced: Option<Format>) -> Result<Doc, LoadError> {
    if let Some(d) = cached(url) {
        return Ok(d);
    }
    let pending = SHARED.with(|s| s.borrow().iter().find(|(u, ..)| u == url).map(|(_, p, o)| (p.clone(), o.clone())));
    if let Some((done, outcome)) = pending {
        let _ = wasm_bindgen_futures::JsFuture::from(done).await;
        if signal.is_some_and(|s| s.aborted()) {
            return Err(LoadError::Cancelled);
        }
        if let Some(result) = outcome.borrow().clone() {
            if result.is_ok() || signal.is_none() {
                return result;
            }
        }
    }
    if signal.is_some() {
        return load_fresh(url, signal, forced).await;
    }
    let outcome: Outcome = Rc::default();
    let done = {
        let (key, outcome) = (url.to_string(), outcome.clone());
        wasm_bindgen_futures::future_to_promise(async move {
            let result = load_fresh(&key, None, forced).await;
            SHARED.with(|s| s.borrow_mut().retain(|(u, ..)| *u != key));
            *outcome.borrow_mut() = Some(result);
            Ok(JsValue::UNDEFINED)
        })
    };
    SHARED.with(|s| s.borrow_mut().push((url.to_string(), done.clone(), outcome.clone())));
    let _ = wasm_bindgen_futures::JsFuture::from(done).await;
    let result = outcome.borrow().clone();
    result.unwrap_or(Err(LoadError::Network))
}

async fn load_fresh(url: &str, signal: Option<&AbortSignal>, forced: Option<Format>) -> Result<Doc, LoadError> {
    if let Some(d) = cached(url) {
        return Ok(d);
    }
    let fetched = fetch_text(url, signal).await?;
    if FIRST_DATA.with(|f| f.replace(false)) {
        mark("dateline:data-received");
    }
    let doc = parse_doc(url, fetched, forced).map_err(LoadError::Format)?;
    remember(url, doc.clone());
    // Parsing and building the story are two tasks, not one long one: the
    // host page's input and frames get a turn in between.
    next_task().await;
    Ok(doc)
}

/// Load a listing (the rail's feed, a next page), from the cache when
/// possible. A document that is not a list is an error naming `items`.
pub async fn load_listing(url: &str, forced: Option<Format>) -> Result<Rc<Listing>, LoadError> {
    match load(url, None, forced).await? {
        Doc::Listing(l) => Ok(l),
        Doc::Article(_) => Err(LoadError::Format(FormatError::Missing("items"))),
    }
}

/// At most this many prefetches are in flight at once.
pub const PREFETCH_CONCURRENCY: usize = 2;
/// At most this many prefetches wait for their turn; older ones are dropped.
pub const PREFETCH_QUEUE: usize = 6;

#[derive(Default)]
struct Prefetch {
    queue: Vec<(String, Option<Format>)>,
    /// In flight (each also in `SHARED`, where a click can join it).
    busy: Vec<String>,
}

thread_local! {
    static PREFETCH: RefCell<Prefetch> = RefCell::new(Prefetch::default());
}

/// Fetch and parse `url` into the cache ahead of a click (hover, focus, a
/// card scrolled into view on touch screens). Newest wishes go first; a
/// failure is left for the real navigation to report.
pub fn prefetch(url: &str, forced: Option<Format>) {
    if cached(url).is_some() {
        return;
    }
    PREFETCH.with(|p| {
        let mut p = p.borrow_mut();
        if p.busy.iter().any(|u| u == url) {
            return;
        }
        p.queue.retain(|(u, _)| u != url);
        p.queue.push((url.to_string(), forced));
        // Only recent wishes count: a reader scrolling past a long listing
        // must not queue every story in it.
        if p.queue.len() > PREFETCH_QUEUE {
            p.queue.remove(0);
        }
    });
    pump();
}

fn pump() {
    let next = PREFETCH.with(|p| {
        let mut p = p.borrow_mut();
        if p.busy.len() >= PREFETCH_CONCURRENCY {
            return None;
        }
        p.queue.pop()
    });
    let Some((url, forced)) = next else { return };
    PREFETCH.with(|p| p.borrow_mut().busy.push(url.clone()));
    wasm_bindgen_futures::spawn_local(async move {
        let _ = load(&url, None, forced).await;
        PREFETCH.with(|p| p.borrow_mut().busy.retain(|u| *u != url));
        pump();
    });
    pump();
}
