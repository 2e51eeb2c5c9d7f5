//! Live relative times: ONE timer for every `<time>` on the page.
//!
//! Each `<time>` registers its element, its instant and its own signal. An
//! `IntersectionObserver` tracks which of them are in view, and only those
//! are updated. The timer re-arms itself after every tick, sooner when the
//! youngest visible time is under an hour old (`time::next_tick_ms`, 15–60 s).
//! It stops while the tab is hidden and catches up at once when it is shown
//! again; a time scrolled into view catches up at once too.

use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

use crate::browser::{clear_timeout, now, set_timeout};

struct Entry {
    id: u32,
    then: i64,
    el: Element,
    now: ArcRwSignal<i64>,
    visible: bool,
}

#[derive(Default)]
struct Clock {
    entries: Vec<Entry>,
    next_id: u32,
    /// `None` where `IntersectionObserver` is missing: then every time counts
    /// as visible.
    observer: Option<IntersectionObserver>,
    timer: Option<JsValue>,
    started: bool,
}

thread_local! {
    static CLOCK: RefCell<Clock> = RefCell::new(Clock::default());
    static TICK: Closure<dyn Fn()> = Closure::new(tick);
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn hidden() -> bool {
    window().and_then(|w| w.document()).map(|d| d.hidden()).unwrap_or(false)
}

/// Set the signals of these entries to `t`, outside the registry borrow
/// (setting a signal may run code that registers or removes times).
fn publish(signals: Vec<ArcRwSignal<i64>>, t: i64) {
    for s in signals {
        if s.get_untracked() != t {
            s.set(t);
        }
    }
}

/// Move every visible time to now, drop entries whose element left the
/// document, and arm the timer for the next change.
fn tick() {
    if hidden() {
        disarm();
        return;
    }
    let t = now();
    let due = CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        let observer = c.observer.clone();
        c.entries.retain(|e| {
            let keep = e.el.is_connected();
            if let (false, Some(o)) = (keep, &observer) {
                o.unobserve(&e.el);
            }
            keep
        });
        c.entries.iter().filter(|e| e.visible).map(|e| e.now.clone()).collect::<Vec<_>>()
    });
    publish(due, t);
    arm(t);
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
    let due = CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        let mut due = Vec::new();
        for r in records.iter() {
            let Ok(r) = r.dyn_into::<IntersectionObserverEntry>() else { continue };
            let target = r.target();
            if let Some(e) = c.entries.iter_mut().find(|e| e.el == target) {
                e.visible = r.is_intersecting();
                if e.visible {
                    due.push(e.now.clone());
                }
            }
        }
        due
    });
    publish(due, t);
    if !hidden() {
        arm(t);
    }
}

fn start(c: &mut Clock) {
    c.started = true;
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(on_intersect);
    c.observer = IntersectionObserver::new(cb.as_ref().unchecked_ref()).ok();
    // Both callbacks live as long as the page.
    cb.forget();
    if let Some(doc) = window().and_then(|w| w.document()) {
        TICK.with(|t| {
            let _ = doc.add_event_listener_with_callback("visibilitychange", t.as_ref().unchecked_ref());
        });
    }
}

/// Directive: keep this `<time>` element's signal current. Used as
/// `<time use:live_time=(instant_ms, signal)>`.
pub fn live_time(el: Element, (then, signal): (i64, ArcRwSignal<i64>)) {
    let id = CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        if !c.started {
            start(&mut c);
        }
        let id = c.next_id;
        c.next_id = c.next_id.wrapping_add(1);
        let visible = c.observer.is_none();
        if let Some(o) = &c.observer {
            o.observe(&el);
        }
        c.entries.push(Entry { id, then, el, now: signal, visible });
        id
    });
    on_cleanup(move || forget_time(id));
    if CLOCK.with(|c| c.borrow().timer.is_none()) && !hidden() {
        arm(now());
    }
}

fn forget_time(id: u32) {
    CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(i) = c.entries.iter().position(|e| e.id == id) {
            let e = c.entries.swap_remove(i);
            if let Some(o) = &c.observer {
                o.unobserve(&e.el);
            }
        }
    });
}
