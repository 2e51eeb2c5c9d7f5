//! Embedding: find `[data-dateline]` elements, give each an open shadow root
//! with the widget's constructable stylesheet, read its configuration, and
//! mount a `Widget` into it; start a widget far below the fold only when it
//! comes near; mount elements a page adds later and take down those it
//! removes. Exposed to the loader as `scan`, `mount`, `unmount`, `navigate`
//! and `refresh`; the loader publishes them as `window.Dateline`, the only
//! global we define (docs/API.md).

use crate::browser::{bare, mark};
use crate::config::{self, Config, Loading, Theme};
use crate::view::{Remote, Widget};
use leptos::prelude::*;
use std::any::Any;
use std::cell::{OnceCell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, Document, Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit, MutationObserver, MutationObserverInit,
    MutationRecord, Node, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

/// All widget CSS, compiled in: the host needs nothing but the script.
/// Minified from style/widget.css by build.rs.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

thread_local! {
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// One constructable stylesheet shared by every widget on the page. A strict
/// `style-src` allows it, because no `<style>` element or attribute is used.
fn sheet() -> Option<CssStyleSheet> {
    SHEET.with(|s| {
        s.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
            Some(sheet)
        })
        .clone()
    })
}

thread_local! {
    /// Widgets with `data-theme="auto"`: the host element and its `.dl-host`.
    static AUTO: RefCell<Vec<(HtmlElement, Element)>> = const { RefCell::new(Vec::new()) };
    static SCHEME_WATCH: OnceCell<Option<MutationObserver>> = const { OnceCell::new() };
}

/// `auto` follows the page's own colour scheme where the page declares one
/// (`color-scheme` on the element or an ancestor, which the widget's host
/// inherits): `data-theme="auto"` on `.dl-host` inherits it; where the page
/// declares none, `"os"` follows the reader's preference.
fn follow_scheme(host: &HtmlElement, container: &Element) {
    let declared = web_sys::window()
        .and_then(|w| w.get_computed_style(host).ok().flatten())
        .and_then(|s| s.get_property_value("color-scheme").ok())
        .is_some_and(|v| !matches!(v.trim(), "" | "normal"));
    let _ = container.set_attribute("data-theme", if declared { "auto" } else { "os" });
}

/// Apply `theme` to a widget's `.dl-host`; for `auto`, again whenever the
/// page changes an attribute of its root or body (a site's own dark-mode
/// toggle: a class, a `data-*` or a `style` there).
fn apply_theme(theme: Theme, host: &HtmlElement, container: &Element) {
    let fixed = match theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
        Theme::Auto => {
            follow_scheme(host, container);
            AUTO.with(|a| a.borrow_mut().push((host.clone(), container.clone())));
            SCHEME_WATCH.with(|w| {
                w.get_or_init(|| {
                    let cb = Closure::<dyn FnMut()>::new(|| {
                        AUTO.with(|a| {
                            let mut a = a.borrow_mut();
                            a.retain(|(h, _)| h.is_connected());
                            a.iter().for_each(|(h, c)| follow_scheme(h, c));
                        })
                    });
                    let obs = MutationObserver::new(cb.as_ref().unchecked_ref()).ok()?;
                    // Lives as long as the page.
                    cb.forget();
                    let init: MutationObserverInit = bare();
                    init.set_attributes(true);
                    let doc = web_sys::window()?.document()?;
                    for el in [doc.document_element(), doc.body().map(Into::into)].into_iter().flatten() {
                        let _ = obs.observe_with_options(&el, &init);
                    }
                    Some(obs)
                });
            });
            return;
        }
    };
    let _ = container.set_attribute("data-theme", fixed);
}

fn adopt_styles(root: &ShadowRoot) {
    match sheet() {
        Some(sheet) => root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        None => web_sys::console::warn_1(&"[dateline] constructable stylesheets are not supported here; the widget is unstyled".into()),
    }
}

/// A widget's life in the page.
enum State {
    /// Lazy: far from the viewport, its configuration and history name kept
    /// until it comes near (`NEAR`). Nothing fetched yet.
    Waiting(Config, String),
    /// Running: the Leptos mount (its reactive owner and view, taken down
    /// when dropped) and what `view` needs told before that.
    Running(Box<dyn Any>, Remote),
}

/// A mounted element.
struct Live {
    host: HtmlElement,
    root: ShadowRoot,
    state: State,
}

thread_local! {
    /// Every mounted element, waiting or running.
    static LIVE: RefCell<Vec<Live>> = const { RefCell::new(Vec::new()) };
    /// Starts waiting widgets within a viewport of being visible.
    static NEAR: OnceCell<Option<IntersectionObserver>> = const { OnceCell::new() };
    /// Mounts `[data-dateline]` elements added to the page, takes down
    /// widgets removed from it.
    static WATCH: OnceCell<Option<MutationObserver>> = const { OnceCell::new() };
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

fn is_live(host: &Element) -> bool {
    LIVE.with(|l| l.borrow().iter().any(|w| AsRef::<Element>::as_ref(&w.host) == host))
}

/// Whether `host` is within about a viewport of being visible
/// (`config::near`). Reads layout: callers read every element's first,
/// then write.
fn near(host: &Element) -> bool {
    let vh = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|v| v.as_f64()).unwrap_or(0.0);
    let r = host.get_bounding_client_rect();
    config::near(r.top(), r.bottom(), vh)
}

/// A shadow root this module left behind (`take_down`): only its slot,
/// which shows the element's own content. Anything else is someone else's.
fn ours(root: &ShadowRoot) -> bool {
    root.child_element_count() == 1 && root.first_element_child().is_some_and(|e| e.local_name() == "slot" && e.get_attribute("data-dateline").is_some())
}

/// Show the element's own content (the publisher's fallback) again, as if
/// no shadow root were there: one unnamed slot, no stylesheet.
fn show_fallback(root: &ShadowRoot) {
    root.set_adopted_style_sheets(&js_sys::Array::new());
    if let Some(slot) = document().and_then(|d| d.create_element("slot").ok()) {
        let _ = slot.set_attribute("data-dateline", "");
        root.replace_children_with_node_1(&slot);
    }
}

/// A value of `Dateline.mount`'s options as the attribute's text: strings
/// as they are, numbers in figures, `true`/`false` as `on`/`off`.
fn option_text(v: JsValue) -> Option<String> {
    // A number is written by JS's own `Number.prototype.toString`: Rust's
    // float formatting would cost kilobytes of wasm.
    v.as_string().or_else(|| v.as_bool().map(|b| if b { "on" } else { "off" }.into())).or_else(|| v.as_f64().and(v.dyn_ref::<js_sys::Number>()?.to_string_with_radix(10).ok()).map(String::from))
}

/// Turn one element into a widget; `options` (an object, or undefined)
/// stand in for its `data-*` attributes, key by key (`config::option_key`).
/// Returns false (and leaves the element untouched) when it is already a
/// widget, is not in the document, or cannot be one.
#[wasm_bindgen]
pub fn mount(el: &Element, options: JsValue) -> bool {
    !is_live(el) && el.is_connected() && mount_with(el, &options, near(el))
}

fn mount_with(el: &Element, options: &JsValue, is_near: bool) -> bool {
    let Some(host) = el.dyn_ref::<HtmlElement>().cloned() else { return false };
    let Some(document) = document() else { return false };
    let page_url = crate::net::page_url();
    let option = |name: &str| option_text(js_sys::Reflect::get(options, &config::option_key(name)?.into()).ok()?);
    let cfg = match config::parse(|name| option(name).or_else(|| host.get_attribute(name)), &page_url) {
        Ok(c) => c,
        Err(e) => {
            // Misconfiguration is the publisher's to fix: say so in the
            // console, and leave their fallback content as it is.
            web_sys::console::error_2(&format!("[dateline] not mounted: {e}").into(), &host);
            return false;
        }
    };
    let root = match host.shadow_root() {
        Some(r) if ours(&r) => r,
        Some(_) => return false,
        None => match host.attach_shadow(&{
            let init: ShadowRootInit = bare();
            init.set_mode(ShadowRootMode::Open);
            init
        }) {
            Ok(r) => r,
            Err(_) => {
                web_sys::console::error_2(&"[dateline] this element cannot host a shadow root; use a <div>".into(), &host);
                return false;
            }
        },
    };
    let id = widget_id(&document, &host);
    // A widget the address deep-links to a story starts at once: the
    // reader followed a link to that story (`widget::deep_linked`).
    let linked = || cfg.history && crate::widget::deep_linked(crate::url::split(&page_url).query.unwrap_or(""), &id, &cfg.src);
    if cfg.loading == Loading::Lazy && !is_near && !linked() {
        show_fallback(&root);
        if let Some(o) = near_observer() {
            o.observe(&host);
        }
        LIVE.with(|l| l.borrow_mut().push(Live { host, root, state: State::Waiting(cfg, id) }));
        return true;
    }
    let Some(state) = run(&document, &host, &root, cfg, id) else { return false };
    LIVE.with(|l| l.borrow_mut().push(Live { host, root, state }));
    true
}

/// Mount the `Widget` itself.
fn run(document: &Document, host: &HtmlElement, root: &ShadowRoot, cfg: Config, id: String) -> Option<State> {
    adopt_styles(root);
    let container = document.create_element("div").ok()?;
    let _ = container.set_attribute("class", "dl-host");
    apply_theme(cfg.theme, host, &container);
    root.replace_children_with_node_1(&container);
    let page_lang = document.document_element().map(|e| e.get_attribute("lang").unwrap_or_default()).filter(|l| !l.trim().is_empty());
    let remote = Remote::default();
    let (h, r) = (host.clone(), remote.clone());
    let handle = leptos::mount::mount_to(container.unchecked_into(), move || view! { <Widget config=cfg page_lang=page_lang host=h id=id remote=r/> });
    Some(State::Running(Box::new(handle), remote))
}

/// Take `host`'s entry out of `LIVE`.
fn take(host: &Element) -> Option<Live> {
    LIVE.with(|l| {
        let mut l = l.borrow_mut();
        let i = l.iter().position(|w| AsRef::<Element>::as_ref(&w.host) == host)?;
        Some(l.remove(i))
    })
}

/// The remote of the widget `host`, starting it now if it is waiting.
fn running(host: &Element) -> Option<Remote> {
    let document = document()?;
    let Live { host, root, state } = take(host)?;
    let state = match state {
        State::Waiting(cfg, id) => {
            if let Some(o) = near_observer() {
                o.unobserve(&host);
            }
            run(&document, &host, &root, cfg, id)?
        }
        running => running,
    };
    let remote = match &state {
        State::Running(_, r) => Some(r.clone()),
        State::Waiting(..) => None,
    };
    LIVE.with(|l| l.borrow_mut().push(Live { host, root, state }));
    remote
}

/// Take a widget down: everything it started stops (its request is
/// aborted, its listeners and observers go, its times leave the page's
/// clock, its reactive owner is disposed) and the element shows its own
/// content again. Returns false if `el` is not a widget.
#[wasm_bindgen]
pub fn unmount(el: &Element) -> bool {
    take(el).map(take_down).is_some()
}

fn take_down(w: Live) {
    match w.state {
        State::Waiting(..) => {
            if let Some(o) = near_observer() {
                o.unobserve(&w.host);
            }
        }
        State::Running(handle, remote) => {
            remote.end();
            drop(handle);
        }
    }
    AUTO.with(|a| a.borrow_mut().retain(|(h, _)| *h != w.host));
    show_fallback(&w.root);
    crate::view::clock::sweep_now();
}

/// Show `src` (resolved against the page) in the widget `el`, with a
/// history entry, as a click would. False if `el` is not a widget or `src`
/// is not an http(s) URL.
#[wasm_bindgen]
pub fn navigate(el: &Element, src: JsValue) -> bool {
    let page = crate::net::page_url();
    let Some(src) = src.as_string().and_then(|s| crate::url::checked(&page, s.trim(), crate::url::Use::Document)) else { return false };
    running(el).is_some_and(|r| r.navigate(src))
}

/// Fetch the document on screen in `el` again, past the page's cache.
#[wasm_bindgen]
pub fn refresh(el: &Element) -> bool {
    running(el).is_some_and(|r| r.refresh())
}

/// Starts waiting widgets that come within a viewport of being visible.
fn near_observer() -> Option<IntersectionObserver> {
    NEAR.with(|n| {
        n.get_or_init(|| {
            let cb = Closure::<dyn FnMut(js_sys::Array)>::new(|records: js_sys::Array| {
                for r in records.iter() {
                    let Ok(r) = r.dyn_into::<IntersectionObserverEntry>() else { continue };
                    if r.is_intersecting() {
                        running(&r.target());
                    }
                }
            });
            let init = IntersectionObserverInit::new();
            // The same rule as `config::near`.
            init.set_root_margin("100% 0px");
            let obs = IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init).ok();
            // Lives as long as the page.
            cb.forget();
            obs
        })
        .clone()
    })
}

/// Watch the page for `[data-dateline]` elements added later (mounted) and
/// widgets removed (taken down), once the page is parsed (until then the
/// loader's own observer prepares what the parser adds). A widget moved
/// within one task is neither.
fn watch(document: &Document) {
    WATCH.with(|w| {
        w.get_or_init(|| {
            let cb = Closure::<dyn FnMut(js_sys::Array)>::new(|records: js_sys::Array| {
                let mut added = Vec::new();
                let mut removed = false;
                for r in records.iter() {
                    let r: MutationRecord = r.unchecked_into();
                    removed |= r.removed_nodes().length() > 0;
                    let nodes = r.added_nodes();
                    added.extend((0..nodes.length()).filter_map(|i| nodes.item(i)));
                }
                if removed {
                    let gone = LIVE.with(|l| {
                        let mut l = l.borrow_mut();
                        let (gone, kept) = std::mem::take(&mut *l).into_iter().partition(|w: &Live| !w.host.is_connected());
                        *l = kept;
                        gone
                    });
                    gone.into_iter().for_each(take_down);
                }
                for n in added {
                    scan_in(&n);
                }
            });
            let obs = MutationObserver::new(cb.as_ref().unchecked_ref()).ok()?;
            // Lives as long as the page.
            cb.forget();
            let init = MutationObserverInit::new();
            init.set_child_list(true);
            init.set_subtree(true);
            obs.observe_with_options(document, &init).ok()?;
            Some(obs)
        });
    });
}

/// Mount every `[data-dateline]` element in `root` (and `root` itself)
/// not mounted yet; how many were. Every element's position is read before
/// any is mounted, so many widgets cost one layout.
fn scan_in(root: &Node) -> u32 {
    // An element, a document or a fragment: each has `querySelectorAll`
    // (glue calls it by name), only an element `matches`; any other node
    // (text, a comment) throws on both, which reads as none found.
    let e: &Element = root.unchecked_ref();
    let Ok(list) = e.query_selector_all("[data-dateline]") else { return 0 };
    let mut found: Vec<Element> = e.matches("[data-dateline]").unwrap_or(false).then(|| e.clone()).into_iter().collect();
    found.extend((0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()));
    found.retain(|e| !is_live(e) && e.is_connected());
    let nears: Vec<bool> = found.iter().map(near).collect();
    found.iter().zip(nears).filter(|(e, n)| mount_with(e, &JsValue::UNDEFINED, *n)).count() as u32
}

/// The widget's name in the history parameter: its `id`, else its index
/// among the page's `[data-dateline]` elements.
fn widget_id(document: &web_sys::Document, host: &HtmlElement) -> String {
    let id = host.id();
    if !id.is_empty() {
        return id;
    }
    // Through `Element`'s binding, the one `scan_in` uses: the same call.
    let Ok(list) = document.unchecked_ref::<Element>().query_selector_all("[data-dateline]") else { return "0".into() };
    let host: &web_sys::Node = host.as_ref();
    (0..list.length()).find(|&i| list.item(i).as_ref() == Some(host)).unwrap_or(0).to_string()
}

/// Mount every `[data-dateline]` element in `root` (the whole document
/// when it is missing) not mounted yet. Returns how many were mounted. Safe
/// to call again.
#[wasm_bindgen]
pub fn scan(root: Option<Node>) -> u32 {
    let Some(document) = document() else { return 0 };
    if document.ready_state() != "loading" {
        watch(&document);
    }
    scan_in(&root.unwrap_or_else(|| document.into()))
}

/// Runs once when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    mark("dateline:wasm-ready");
    scan(None);
}
