//! The loading skeleton: what a widget shows before its first story (or
//! error) is in. It has the article's shape, so the story lands where the
//! skeleton stood: the publisher's fallback (`<slot>`) takes the headline's
//! place and type, then bars for the standfirst, dateline, byline, lead image
//! and the first lines of the body, each box sized by the same rules as the
//! part it stands for (style/widget.css, "Loading"). In a wide widget the
//! grid also lays out the Recent Posts column beside it (a placeholder drawn
//! by the grid itself), as it does for every article there.

use leptos::prelude::*;

/// The skeleton, labelled `label` (the locale's "Loading…") for assistive
/// technology while it is busy; a partner's widget (`partner`) has the
/// line of its credit ("From …") under the byline's.
pub fn skeleton(label: &'static str, partner: bool) -> impl IntoView {
    view! {
        <div part="loading" class="dl-sk" aria-busy="true" aria-label=label>
            <div class="sk-hl"><slot></slot></div>
            <div class="sk-sf">
                <div class="sk sk-l"></div>
                <div class="sk sk-l"></div>
                <div class="sk sk-l"></div>
                <div class="sk sk-l"></div>
                <div class="sk sk-l sk-short"></div>
            </div>
            <div class="sk-meta"><div class="sk sk-l"></div></div>
            <div class="sk-meta"><div class="sk sk-l sk-short"></div></div>
            <div class=if partner { "sk-meta" } else { "sk-meta sk-off" }><div class="sk sk-l sk-short"></div></div>
            <div class="sk-fig"><div class="sk sk-img"></div><div class="sk-cap"><div class="sk sk-l"></div></div></div>
            <div class="sk-p">
                <div class="sk sk-l"></div>
                <div class="sk sk-l"></div>
                <div class="sk sk-l"></div>
                <div class="sk sk-l sk-short"></div>
            </div>
        </div>
    }
}
