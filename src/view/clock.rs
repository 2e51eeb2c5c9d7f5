//! Live relative times: ONE timer for every `<time>` on the page.
//!
//! Each `<time>` is registered with its instant and locale. An
//! `IntersectionObserver` tracks which of them are in view, and only those
//! have their text rewritten. The timer re-arms itself after every tick,
//! sooner when the youngest visible time is under an hour old
//! (`time::next_tick_ms`, 15–60 s). It stops while the tab is hidden and
//! catches up at once when it is shown again; a time scrolled into view
//! catches up at once too. Times whose element left the document are
//! dropped at the next tick (and when many pile up between ticks).

use super::intl::relative;
use crate::browser::{clear_timeout, now, set_timeout};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

struct Entry {
    then: i64,
    el: Element,
    locale: String,
    visible: bool,
}

impl Entry {
    fn show(&self, t: i64) {
        let s = relative(self.then, t, &self.locale);
        if self.el.text_content().as_deref() != Some(s.as_str()) {
            self.el.set_text_content(Some(&s));
        }
    }
}

#[derive(Default)]
struct Clock {
    entries: Vec<Entry>,
    /// `None` where `IntersectionObserver` is missing: then every time counts
    /// as visible.
    observer: Option<IntersectionObserver>,
    timer: Option<JsValue>,
    started: bool,
}

thread_local! {
    static CLOCK: RefCell<Clock> = RefCell::new(Clock::default());
    static TICK: Closure<dyn Fn()> = Closure::new(tick);
    static SWEEP: Closure<dyn Fn()> = Closure::new(|| CLOCK.with(|c| sweep(&mut c.borrow_mut())));
}

fn hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).map(|d| d.hidden()).unwrap_or(false)
}

/// Forget the times whose element left the document.
fn sweep(c: &mut Clock) {
    let observer = c.observer.clone();
    c.entries.retain(|e| {
        let keep = e.el.is_connected();
        if let (false, Some(o)) = (keep, &observer) {
            o.unobserve(&e.el);
        }
        keep
    });
}

/// Bring every visible time to now, drop entries whose element left the
/// document, and arm the timer for the next change.
fn tick() {
    if hidden() {
        disarm();
        return;
    }
    let t = now();
    CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        sweep(&mut c);
        c.entries.iter().filter(|e| e.visible).for_each(|e| e.show(t));
    });
    // With no time left on the page, no timer runs until one is watched.
    if CLOCK.with(|c| !c.borrow().entries.is_empty()) {
        arm(t);
    }
}

/// Forget the times of a widget that was taken down (its elements have
/// left the document), at once; the timer stops when none is left.
pub fn sweep_now() {
    let empty = CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        sweep(&mut c);
        c.entries.is_empty()
    });
    if empty {
        disarm();
    }
}

fn disarm() {
    if let Some(h) = CLOCK.with(|c| c.borrow_mut().timer.take()) {
        clear_timeout(&h);
    }
}

fn arm(t: i64) {
    disarm();
    let delay = CLOCK.with(|c| crate::time::next_tick_ms(c.borrow().entries.iter().filter(|e| e.visible).map(|e| e.then), t));
    let handle = TICK.with(|cb| set_timeout(cb.as_ref(), delay as i32));
    CLOCK.with(|c| c.borrow_mut().timer = Some(handle));
}

fn on_intersect(records: js_sys::Array) {
    let t = now();
    CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        for r in records.iter() {
            let Ok(r) = r.dyn_into::<IntersectionObserverEntry>() else { continue };
            let target = r.target();
            if let Some(e) = c.entries.iter_mut().find(|e| e.el == target) {
                e.visible = r.is_intersecting();
                if e.visible {
                    e.show(t);
                }
            }
        }
    });
    if !hidden() && CLOCK.with(|c| !c.borrow().entries.is_empty()) {
        arm(t);
    }
}

fn start(c: &mut Clock) {
    c.started = true;
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(on_intersect);
    c.observer = IntersectionObserver::new(cb.as_ref().unchecked_ref()).ok();
    // Both callbacks live as long as the page.
    cb.forget();
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        TICK.with(|t| {
            let _ = doc.add_event_listener_with_callback("visibilitychange", t.as_ref().unchecked_ref());
        });
    }
}

/// Keep this `<time>` element's text the relative time of `then` (epoch
/// ms) in `locale`.
pub fn watch(el: &Element, then: i64, locale: &str) {
    CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        if !c.started {
            start(&mut c);
        }
        // Views replaced between ticks leave their times behind: sweep
        // them a task later, once the view being built now is in the page.
        if c.entries.len() >= 64 && c.entries.len() % 32 == 0 {
            SWEEP.with(|cb| set_timeout(cb.as_ref(), 0));
        }
        let visible = c.observer.is_none();
        if let Some(o) = &c.observer {
            o.observe(el);
        }
        c.entries.push(Entry { then, el: el.clone(), locale: locale.to_string(), visible });
    });
    if CLOCK.with(|c| c.borrow().timer.is_none()) && !hidden() {
        arm(now());
    }
}
