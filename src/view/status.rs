//! What a widget says besides its story: the error with Retry, and the
//! thin loading bar while a later story loads. Each is its own reactive
//! piece, so a status change never rebuilds the story on screen.

use crate::i18n::messages;
use crate::widget::{Shown, Status};
use leptos::prelude::*;

/// The error part (`role="alert"`): what failed, in the reader's words, and
/// a Retry button that calls `retry` with the URL that failed.
pub fn banner(status: RwSignal<Status, LocalStorage>, locale: Memo<String>, retry: impl Fn(String) + Copy + Send + 'static) -> impl IntoView {
    move || {
        let t = messages(&locale.get());
        status.with(|st| match st {
            Status::Failed { url, error } => {
                let url = url.clone();
                Some(view! {
                    <div part="error" role="alert">
                        <p>{error.message(t)}</p>
                        <button part="retry" type="button" on:click=move |_| retry(url.clone())>{t.retry}</button>
                    </div>
                }.into_any())
            }
            // A retry that tells the reader why it waits (a 429).
            Status::Retrying { error, .. } => error.pending(t).map(|m| view! { <div part="error" role="status"><p>{m}</p></div> }.into_any()),
            _ => None,
        })
    }
}

/// The loading bar, while a story loads with another one on screen (the
/// first one has the skeleton instead).
pub fn bar(status: RwSignal<Status, LocalStorage>, locale: Memo<String>, shown: RwSignal<Option<Shown>, LocalStorage>) -> impl IntoView {
    move || {
        (status.with(|s| matches!(s, Status::Loading(_) | Status::Retrying { .. })) && shown.with(|s| s.is_some()))
            .then(|| view! { <div part="loading" class="dl-bar" role="progressbar" aria-label=messages(&locale.get()).loading></div> })
    }
}
