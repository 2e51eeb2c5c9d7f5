//! The Share control's action: the browser's own share sheet (the Web
//! Share API) where there is one, else the link copied to the clipboard,
//! which the widget's polite live region then announces. No share-button
//! script, no third-party endpoint: the link goes only where the reader
//! sends it.

use crate::i18n::Messages;
use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `target[name]` when it is a function (`navigator.share`, `clipboard.writeText`).
fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &name.into()).ok()?.dyn_into().ok()
}

/// Call `target[name](arg)` and wait for the promise it returns: `None`
/// when there is no such method, else whether it resolved (`Err` holds
/// the rejection).
async fn call(target: &JsValue, name: &str, arg: &JsValue) -> Option<Result<JsValue, JsValue>> {
    let p: Promise = method(target, name)?.call1(target, arg).ok()?.dyn_into().ok()?;
    Some(JsFuture::from(p).await)
}

/// Share `url`, titled `title`. Called from the click itself: the share
/// sheet needs the reader's gesture, which lasts past the first await.
pub fn share(title: &str, url: String, announce: RwSignal<String>, t: &'static Messages) {
    let Some(nav) = web_sys::window().map(|w| JsValue::from(w.navigator())) else { return };
    // Cleared first, so a second copy is announced again.
    announce.set(String::new());
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"url".into(), &url.as_str().into());
    leptos::task::spawn_local(async move {
        match call(&nav, "share", &data).await {
            // Shared, or the reader closed the sheet: nothing to say.
            Some(Ok(_)) => return,
            Some(Err(e)) if Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).as_deref() == Some("AbortError") => return,
            // No share sheet here (or it refused): copy instead.
            _ => {}
        }
        let copied = match Reflect::get(&nav, &"clipboard".into()) {
            Ok(clip) => matches!(call(&clip, "writeText", &url.into()).await, Some(Ok(_))),
            Err(_) => false,
        };
        announce.set(if copied { t.copied } else { t.copy_failed }.into());
    });
}
