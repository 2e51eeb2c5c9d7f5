//! The loading skeleton: what a widget shows before its first story (or
//! error) is in. It has the article's shape, so the story lands where the
//! skeleton stood: the publisher's fallback (`<slot>`) takes the headline's
//! place and type, then bars for the standfirst, dateline, byline, lead image
//! and the first lines of the body, each box sized by the same rules as the
//! part it stands for (style/widget.css, "Loading"). In a wide widget the
//! grid also lays out the Recent Posts column beside it (a placeholder drawn
//! by the grid itself), as it does for every article there.
//!
//! The bars are built with `dom`, not written out in `view!`: Leptos turns
//! a static subtree of `view!` into an HTML string that it assigns to a
//! `<template>` to parse (`Dom::create_element_from_html`), an HTML sink a
//! host page that requires Trusted Types forbids (docs/SECURITY.md).

use super::dom::el;
use leptos::prelude::*;
use web_sys::{Element, Node};

/// The skeleton, labelled `label` (the locale's "Loading…") for assistive
/// technology while it is busy; a partner's widget (`partner`) has the
/// line of its credit ("From …") under the byline's.
pub fn skeleton(label: &'static str, partner: bool) -> impl IntoView {
    view! { <div part="loading" class="dl-sk" aria-busy="true" aria-label=label use:bars=partner></div> }
}

const BAR: &str = "sk sk-l";
const SHORT: &str = "sk sk-l sk-short";

/// A box of class `class` holding one bar of each class in `bars`.
fn bars_in(parent: &Node, class: &str, bars: &[&str]) -> Element {
    let b = el(parent, "div", &[("class", class)]);
    for c in bars {
        el(&b, "div", &[("class", c)]);
    }
    b
}

fn bars(sk: Element, partner: bool) {
    el(&el(&sk, "div", &[("class", "sk-hl")]), "slot", &[]);
    bars_in(&sk, "sk-sf", &[BAR, BAR, BAR, BAR, SHORT]);
    bars_in(&sk, "sk-meta", &[BAR]);
    bars_in(&sk, "sk-meta", &[SHORT]);
    bars_in(&sk, if partner { "sk-meta" } else { "sk-meta sk-off" }, &[SHORT]);
    let fig = el(&sk, "div", &[("class", "sk-fig")]);
    el(&fig, "div", &[("class", "sk sk-img")]);
    bars_in(&fig, "sk-cap", &[BAR]);
    bars_in(&sk, "sk-p", &[BAR, BAR, BAR, SHORT]);
}
