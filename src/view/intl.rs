//! Localized words for dates and relative times, from the browser's `Intl`
//! (no date library and no time-zone database in the wasm). Formatters are
//! built once per locale and kept.

use crate::i18n::messages;
use crate::time::{relative_time, Relative};
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = RelativeTimeFormat)]
    type Rtf;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "RelativeTimeFormat", catch)]
    fn new(locale: &str, options: &JsValue) -> Result<Rtf, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn format(this: &Rtf, value: f64, unit: &str) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type Dtf;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &JsValue) -> Result<Dtf, JsValue>;
    #[wasm_bindgen(method, catch, js_name = format)]
    fn format_ms(this: &Dtf, ms: f64) -> Result<String, JsValue>;
}

struct Formatters {
    locale: String,
    rtf: Option<Rtf>,
    date: Option<Dtf>,
    date_time: Option<Dtf>,
}

thread_local! {
    static FORMATTERS: RefCell<Vec<Formatters>> = const { RefCell::new(Vec::new()) };
}

/// Options with no prototype (`browser::bare`): a page's
/// `Object.prototype.style = "x"` would otherwise make every formatter
/// throw, and every relative time blank.
fn options(pairs: &[(&str, &str)]) -> JsValue {
    let o: Object = crate::browser::bare();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o.into()
}

fn with<R>(locale: &str, f: impl FnOnce(&Formatters) -> R) -> R {
    FORMATTERS.with(|all| {
        let mut all = all.borrow_mut();
        if let Some(found) = all.iter().find(|x| x.locale == locale) {
            return f(found);
        }
        let made = Formatters {
            locale: locale.to_string(),
            rtf: Rtf::new(locale, &options(&[("numeric", "always")])).ok(),
            date: Dtf::new(locale, &options(&[("dateStyle", "long")])).ok(),
            date_time: Dtf::new(locale, &options(&[("dateStyle", "long"), ("timeStyle", "short")])).ok(),
        };
        let r = f(&made);
        all.push(made);
        r
    })
}

/// "May 18, 2025" in the locale.
pub fn date(ms: i64, locale: &str) -> String {
    with(locale, |f| f.date.as_ref().and_then(|d| d.format_ms(ms as f64).ok())).unwrap_or_default()
}

/// "May 18, 2025 at 10:05 AM" in the locale and the reader's time zone.
pub fn date_time(ms: i64, locale: &str) -> String {
    with(locale, |f| f.date_time.as_ref().and_then(|d| d.format_ms(ms as f64).ok())).unwrap_or_default()
}

/// "6 hours ago", "just now", or the date after a week.
pub fn relative(then_ms: i64, now_ms: i64, locale: &str) -> String {
    let (value, unit) = match relative_time(then_ms, now_ms) {
        Relative::JustNow => return messages(locale).just_now.to_string(),
        Relative::Absolute => return date(then_ms, locale),
        Relative::Minutes(n) => (n, "minute"),
        Relative::Hours(n) => (n, "hour"),
        Relative::Days(n) => (n, "day"),
    };
    with(locale, |f| f.rtf.as_ref().and_then(|r| r.format(-(value as f64), unit).ok())).unwrap_or_default()
}

/// The machine-readable form for `<time datetime>`.
pub fn iso(ms: i64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    d.to_iso_string().into()
}
