//! Fetching documents (browser side): the loader's early fetch, timeout,
//! cancellation, HTTP status mapping, a size cap, loads shared by URL,
//! prefetch, and one parsed-document cache for the whole page. A document
//! is parsed (with its HTML, once) when it arrives; what the cache holds is
//! the clean model.

use crate::browser::{bare, clear_timeout, decode, mark, next_task, now, parse_html, parse_xml, set_timeout};
use crate::cache::Lru;
use crate::formats::wordpress::wp_next_page;
use crate::formats::detect::format_from_content_type;
use crate::formats::{Format, FormatError, Steps, MAX_DOCUMENT_BYTES};
use crate::text::number;
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
    /// (`Dateline._take`): `[promise, its AbortController, performance.now()
    /// when it started]`, or undefined. The promise resolves to `[text,
    /// X-WP-TotalPages, Content-Type]`, or to `[, , , failure, Retry-After]`
    /// (a status number, "timeout", "network" or "large"), or to null (the
    /// widget fetches it itself). Throws where there is no loader (tests),
    /// which counts as none.
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

/// How one load is made besides its URL: the caller's abort `signal` (a
/// newer navigation), its timeout (`data-timeout`; 0 is the default
/// `TIMEOUT_MS`), and whom to tell when a failed attempt waits to be tried
/// again (`waiting`: the view's "trying again").
#[derive(Clone, Copy, Default)]
pub struct Opts<'a> {
    pub signal: Option<&'a AbortSignal>,
    pub timeout: u32,
    pub waiting: Option<&'a dyn Fn(&LoadError)>,
    /// One attempt, no retries: a prefetch, which is only a guess and must
    /// not multiply the requests a failing server gets.
    pub once: bool,
}

/// One attempt's outcome, with the failed response's `Retry-After`.
type Attempt = (Result<Fetched, LoadError>, Option<String>);

/// The page's address (`location.href`; the page's origin is read from
/// it too): one binding for every part that needs it.
pub fn page_url() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// `performance.now()`: the loader's start and the `dateline:ready` timings.
pub fn perf_now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// A timer that aborts `ctrl` after `ms` and remembers that it did.
struct Deadline {
    timer: JsValue,
    fired: Rc<Cell<bool>>,
    _cb: Closure<dyn FnMut()>,
}

impl Deadline {
    fn new(ctrl: &AbortController, ms: f64) -> Deadline {
        let fired = Rc::new(Cell::new(false));
        let cb = {
            let (ctrl, fired) = (ctrl.clone(), fired.clone());
            Closure::<dyn FnMut()>::new(move || {
                fired.set(true);
                ctrl.abort();
            })
        };
        let timer = set_timeout(cb.as_ref(), ms.max(0.0) as i32);
        Deadline { timer, fired, _cb: cb }
    }
    /// Stop the timer; whether it had fired.
    fn done(self) -> bool {
        clear_timeout(&self.timer);
        self.fired.get()
    }
}

/// `url`'s first attempt if the loader started fetching it with the module:
/// its document or its failure, handed over in a task of its own (the
/// widget's mount and its first story are then two tasks, not one long
/// one). The load's one timeout counts from when the loader started it.
async fn early(url: &str, timeout: u32) -> Option<Attempt> {
    let got: js_sys::Array = take(url).ok()?.dyn_into().ok()?;
    let p: js_sys::Promise = got.get(0).dyn_into().ok()?;
    let deadline = Deadline::new(&got.get(1).unchecked_into(), timeout as f64 - (perf_now() - got.get(2).as_f64().unwrap_or(0.0)));
    let got = wasm_bindgen_futures::JsFuture::from(p).await;
    let timed_out = deadline.done();
    let got: js_sys::Array = got.ok()?.dyn_into().ok()?;
    next_task().await;
    let fail = got.get(3);
    let result = if let Some(status) = fail.as_f64() {
        Err(LoadError::Http(status as u16))
    } else if let Some(kind) = fail.as_string() {
        // Our deadline's abort reads as a network error in the loader.
        Err(if kind == "large" { LoadError::Format(FormatError::TooLarge) } else if timed_out { LoadError::Timeout } else { LoadError::Network })
    } else {
        Ok(Fetched { text: got.get(0).as_string()?, total_pages: got.get(1).as_string().and_then(|p| number(&p)?.try_into().ok()), content_type: got.get(2).as_string() })
    };
    Some((result, got.get(4).as_string()))
}

/// What the widget asks for: JSON first, then feeds (the loader's early
/// fetch sends the same). At most 128 bytes: a longer `Accept` is not
/// CORS-safelisted, so every request to another origin would first need a
/// preflight (`OPTIONS`), which many static hosts and CDNs refuse, and the
/// story would never load. `text/xml` feeds come under `*/*`.
const ACCEPT: &str = "application/feed+json,application/json;q=0.9,application/rss+xml,application/atom+xml,application/xml;q=0.8,*/*;q=0.1";

/// Fetch `url` as text (decoded as an XML declaration says, for feeds in
/// another encoding). `signal` cancels it (a newer navigation).
pub async fn fetch_text(url: &str, signal: Option<&AbortSignal>) -> Result<Fetched, LoadError> {
    fetch_with(url, Opts { signal, ..Opts::default() }).await
}

/// Fetch `url` as `fetch_text` does, with a timeout and a listener
/// (`Opts`): the loader's early fetch is the first attempt when there is
/// one (its failure too); a failure `crate::retry` says may pass is tried
/// again after the delay it names, at most twice; a network error is told
/// apart as offline or as a CORS refusal (`classify`).
pub async fn fetch_with(url: &str, opts: Opts<'_>) -> Result<Fetched, LoadError> {
    let timeout = if opts.timeout == 0 { TIMEOUT_MS } else { opts.timeout };
    let cancelled = || opts.signal.is_some_and(|s| s.aborted());
    let mut attempt = 0;
    loop {
        let first = if attempt == 0 { early(url, timeout).await } else { None };
        let (result, retry_after) = match first {
            Some(a) => a,
            None => fetch_once(url, opts.signal, timeout).await,
        };
        let error = match result {
            Ok(f) => return Ok(f),
            Err(_) if cancelled() => return Err(LoadError::Cancelled),
            Err(LoadError::Network) if attempt == 0 => classify(url).await,
            Err(e) => e,
        };
        attempt += 1;
        let Some(ms) = crate::retry::delay(&error, if opts.once { 0 } else { attempt }, retry_after.as_deref(), now(), js_sys::Math::random()) else {
            return Err(error);
        };
        if let Some(tell) = opts.waiting {
            tell(&error);
        }
        sleep(ms).await;
        if cancelled() {
            return Err(LoadError::Cancelled);
        }
    }
}

/// Options for every request the widget makes. Privacy (docs/SECURITY.md):
/// no cookies or HTTP credentials of the host page's go with it, and
/// another origin learns the page's origin only, never its path or query,
/// whatever referrer policy the page itself has. No prototype: a page's
/// `Object.prototype.method` cannot reach in.
fn private_init() -> web_sys::RequestInit {
    let init: web_sys::RequestInit = bare();
    let _ = js_sys::Reflect::set(&init, &"credentials".into(), &"omit".into());
    let _ = js_sys::Reflect::set(&init, &"referrerPolicy".into(), &"strict-origin-when-cross-origin".into());
    init
}

/// A promise that resolves after `ms`.
fn timer(ms: u32) -> js_sys::Promise {
    js_sys::Promise::new(&mut |done, _| {
        set_timeout(&done, ms as i32);
    })
}

async fn sleep(ms: u32) {
    let _ = wasm_bindgen_futures::JsFuture::from(timer(ms)).await;
}

/// A first attempt that got no answer at all: `Offline` if the browser
/// says so (`navigator.onLine`); `Cors` if `url` is on another origin and
/// a `no-cors` request reaches it (the server answers, but without CORS
/// headers for this page: only then is the probe sent, and it is aborted
/// once its headers arrive, so it costs one request and no body);
/// else `Network`.
async fn classify(url: &str) -> LoadError {
    let Some(w) = web_sys::window() else { return LoadError::Network };
    if !w.navigator().on_line() {
        return LoadError::Offline;
    }
    let here = crate::url::origin(&page_url());
    if here.is_none() || crate::url::origin(url) == here {
        return LoadError::Network;
    }
    let Ok(ctrl) = AbortController::new() else { return LoadError::Network };
    let init = private_init();
    init.set_mode(web_sys::RequestMode::NoCors);
    init.set_signal(Some(&ctrl.signal()));
    let reached = wasm_bindgen_futures::JsFuture::from(w.fetch_with_str_and_init(url, &init)).await.is_ok();
    ctrl.abort();
    if reached {
        LoadError::Cors
    } else {
        LoadError::Network
    }
}

/// Read a response's body, stopping as soon as it passes
/// `MAX_DOCUMENT_BYTES` (the rest is never downloaded: the stream is
/// cancelled).
async fn read_capped(resp: &web_sys::Response) -> Result<js_sys::Uint8Array, LoadError> {
    let chunks = js_sys::Array::new();
    let mut total = 0u32;
    if let Some(body) = resp.body() {
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        loop {
            let step = wasm_bindgen_futures::JsFuture::from(reader.read()).await.map_err(|_| LoadError::Network)?;
            if js_sys::Reflect::get(&step, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
                break;
            }
            let chunk: js_sys::Uint8Array = js_sys::Reflect::get(&step, &"value".into()).map_err(|_| LoadError::Network)?.unchecked_into();
            total += chunk.length();
            if total as usize > MAX_DOCUMENT_BYTES {
                let _ = reader.cancel();
                return Err(LoadError::Format(FormatError::TooLarge));
            }
            chunks.push(&chunk);
        }
    }
    let all = js_sys::Uint8Array::new_with_length(total);
    let mut at = 0;
    for c in chunks.iter() {
        let c: js_sys::Uint8Array = c.unchecked_into();
        all.set(&c, at);
        at += c.length();
    }
    Ok(all)
}

/// One request for `url`, body included, abandoned after `timeout` ms or
/// when `signal` aborts.
async fn fetch_once(url: &str, signal: Option<&AbortSignal>, timeout: u32) -> Attempt {
    // Our own controller enforces the timeout and follows the caller's.
    let Ok(ctrl) = AbortController::new() else { return (Err(LoadError::Network), None) };
    let deadline = Deadline::new(&ctrl, timeout as f64);
    let follow = signal.map(|outer| {
        let inner = ctrl.clone();
        let cb = Closure::<dyn FnMut()>::new(move || inner.abort());
        let _ = outer.add_event_listener_with_callback("abort", cb.as_ref().unchecked_ref());
        if outer.aborted() {
            ctrl.abort();
        }
        cb
    });
    let mut retry_after = None;

    let result = async {
        // The request is built here rather than with gloo-net's builder,
        // which appends a stray `&` to URLs that already have a query.
        let init = private_init();
        let headers = web_sys::Headers::new().map_err(|_| LoadError::Network)?;
        let _ = headers.set("Accept", ACCEPT);
        init.set_headers(&headers);
        init.set_signal(Some(&ctrl.signal()));
        let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| LoadError::Network)?;
        let resp = Request::from(request).send().await.map_err(|_| LoadError::Network)?;
        let headers = resp.headers();
        let header = |name| headers.get(name);
        if !resp.ok() {
            retry_after = header("Retry-After");
            return Err(LoadError::Http(resp.status()));
        }
        // Cross-origin, this header is readable only if the site exposes it
        // (WordPress does: Access-Control-Expose-Headers).
        let total_pages = header("X-WP-TotalPages").and_then(|v| number(&v)?.try_into().ok());
        let content_type = header("Content-Type");
        // A declared length over the cap is refused before any of the body.
        if header("Content-Length").is_some_and(|v| number(&v).is_some_and(|n| n > MAX_DOCUMENT_BYTES as u64)) {
            ctrl.abort();
            return Err(LoadError::Format(FormatError::TooLarge));
        }
        let bytes = read_capped(&web_sys::Response::from(resp)).await?;
        let text = decode(&bytes).ok_or(LoadError::Network)?;
        Ok(Fetched { text, total_pages, content_type })
    }
    .await;

    let timed_out = deadline.done();
    // Unhook from the caller's signal before the closure goes: a later
    // abort of that signal must not call a dropped closure.
    if let (Some(outer), Some(cb)) = (signal, follow) {
        let _ = outer.remove_event_listener_with_callback("abort", cb.as_ref().unchecked_ref());
    }
    match result {
        Err(LoadError::Network) if timed_out => (Err(LoadError::Timeout), None),
        other => (other, retry_after),
    }
}

thread_local! {
    /// `dateline:data-received` marks the page's first document only.
    static FIRST_DATA: Cell<bool> = const { Cell::new(true) };
}

/// Put a parsed document into the page-wide cache (tests and prefetch).
pub fn seed(url: &str, json: &str) -> Result<Doc, FormatError> {
    let doc = settle(url, Steps::new(json, url, None, &mut parse_xml).finish(&mut parse_html)?, None);
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
/// parsed by the browser's `DOMParser` (`parse_xml`). Its HTML (WordPress
/// and JSON Feed bodies, Dateline paragraphs) is parsed by the browser's
/// inert `DOMParser`, once, and rebuilt into clean blocks, one string at
/// a time (`formats::Steps`): every `SLICE_MS` the host page gets the
/// main thread back, so 2 MB of markup is many short tasks, not one long
/// one (one string, at most `limits::MAX_HTML_BYTES`, may run over). In a
/// hidden tab, where timers wait a second, it reads on. A load aborted
/// meanwhile (`signal`: a newer navigation, the widget taken down) stops
/// at the next pause.
async fn read_doc(url: &str, fetched: Fetched, forced: Option<Format>, signal: Option<&AbortSignal>) -> Result<Doc, LoadError> {
    let forced = forced.or_else(|| fetched.content_type.as_deref().and_then(format_from_content_type));
    let mut start = perf_now();
    let mut steps = Steps::new(&fetched.text, url, forced, &mut parse_xml);
    let mut more = true;
    while more {
        more = steps.step(&mut parse_html);
        if perf_now() - start > SLICE_MS && !hidden() {
            next_task().await;
            if signal.is_some_and(|s| s.aborted()) {
                return Err(LoadError::Cancelled);
            }
            start = perf_now();
        }
    }
    let doc = steps.finish(&mut parse_html).map_err(LoadError::Format)?;
    Ok(settle(url, doc, fetched.total_pages))
}

/// `document.hidden`: the page is in a background tab.
fn hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

const SLICE_MS: f64 = 20.0;

/// A read document, finished: a WordPress list's next page, and a feed's
/// full-content stories cached, so they open with no further request.
fn settle(url: &str, mut doc: Doc, total_pages: Option<u32>) -> Doc {
    if let Doc::Listing(l) = &mut doc {
        if total_pages.is_some() {
            Rc::make_mut(l).next_url = wp_next_page(url, total_pages);
        }
        if !l.articles.is_empty() {
            for a in std::mem::take(&mut Rc::make_mut(l).articles) {
                remember(&a.src.clone(), Doc::Article(a));
            }
        }
    }
    doc
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
    load_with(url, Opts { signal, ..Opts::default() }, forced).await
}

/// `load`, with a timeout and a retry listener (`Opts`) for a navigation.
pub async fn load_with(url: &str, opts: Opts<'_>, forced: Option<Format>) -> Result<Doc, LoadError> {
    let signal = opts.signal;
    if let Some(d) = cached(url) {
        return Ok(d);
    }
    let pending = SHARED.with(|s| s.borrow().iter().find(|(u, ..)| u == url).map(|(_, p, o)| (p.clone(), o.clone())));
    if let Some((done, outcome)) = pending {
        // A load joined (a prefetch of the card just clicked) is this load's
        // request: its outcome is taken, within this load's own timeout, so
        // one click costs one request and one timeout; only a failure a
        // retry may cure (a prefetch makes one attempt) is loaded again,
        // with this load's retries.
        let timeout = if opts.timeout == 0 { TIMEOUT_MS } else { opts.timeout };
        let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(&done, &timer(timeout)))).await;
        if signal.is_some_and(|s| s.aborted()) {
            return Err(LoadError::Cancelled);
        }
        let joined = outcome.borrow().clone();
        return match joined {
            Some(Err(e)) if matches!(e, LoadError::Cancelled) || crate::retry::retryable(&e) => load_fresh(url, opts, forced).await,
            Some(result) => result,
            None => Err(LoadError::Timeout),
        };
    }
    if signal.is_some() {
        return load_fresh(url, opts, forced).await;
    }
    let outcome: Outcome = Rc::default();
    let done = {
        let (key, outcome, timeout, once) = (url.to_string(), outcome.clone(), opts.timeout, opts.once);
        wasm_bindgen_futures::future_to_promise(async move {
            let result = load_fresh(&key, Opts { timeout, once, ..Opts::default() }, forced).await;
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

async fn load_fresh(url: &str, opts: Opts<'_>, forced: Option<Format>) -> Result<Doc, LoadError> {
    if let Some(d) = cached(url) {
        return Ok(d);
    }
    let signal = opts.signal;
    let fetched = fetch_with(url, opts).await?;
    if FIRST_DATA.with(|f| f.replace(false)) {
        mark("dateline:data-received");
    }
    let doc = read_doc(url, fetched, forced, signal).await?;
    remember(url, doc.clone());
    // Parsing and building the story are two tasks, not one long one: the
    // host page's input and frames get a turn in between.
    next_task().await;
    Ok(doc)
}

/// Load a listing (the rail's feed, a next page), from the cache when
/// possible, within `timeout` ms (`data-timeout`; 0 is the default). A
/// document that is not a list is an error naming `items`.
pub async fn load_listing(url: &str, timeout: u32, forced: Option<Format>) -> Result<Rc<Listing>, LoadError> {
    match load_with(url, Opts { timeout, ..Opts::default() }, forced).await? {
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
    /// Recent prefetches that failed: not guessed at again (a hover, then
    /// the focus of the same click), only loaded by a navigation.
    failed: Vec<String>,
}

thread_local! {
    static PREFETCH: RefCell<Prefetch> = RefCell::new(Prefetch::default());
}

/// Fetch and parse `url` into the cache ahead of a click (hover, focus, a
/// card scrolled into view on touch screens). Newest wishes go first; one
/// attempt, no retries; a failure is left for the real navigation to
/// report (and, if a retry may cure it, to retry).
pub fn prefetch(url: &str, forced: Option<Format>) {
    if cached(url).is_some() {
        return;
    }
    PREFETCH.with(|p| {
        let mut p = p.borrow_mut();
        if p.busy.iter().chain(&p.failed).any(|u| u == url) {
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
        let failed = load_with(&url, Opts { once: true, ..Opts::default() }, forced).await.is_err();
        PREFETCH.with(|p| {
            let mut p = p.borrow_mut();
            p.busy.retain(|u| *u != url);
            if failed {
                if p.failed.len() >= PREFETCH_QUEUE {
                    p.failed.remove(0);
                }
                p.failed.push(url.clone());
            }
        });
        pump();
    });
    pump();
}
