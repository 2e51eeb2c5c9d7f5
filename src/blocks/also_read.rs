//! "Also Read:" paragraphs: a paragraph that only points at another story
//! becomes a story card, which the widget can open in place.

use super::Walk;
use crate::model::{plain, Card, Inline};
use crate::text::{collapse, is_space, strip_prefix_ci};

/// The links of clean inline content: `(href, text)`.
fn links<'a>(nodes: &'a [Inline], out: &mut Vec<(&'a str, String)>) {
    for n in nodes {
        match n {
            Inline::Link { href, children, .. } => out.push((href, plain(children))),
            Inline::Marked(_, children) => links(children, out),
            _ => {}
        }
    }
}

impl Walk<'_> {
    /// "Also Read: <a>Title</a>": a paragraph that starts with "Also read",
    /// "Read also" or "Read more:" (any ASCII case) and holds exactly one
    /// web link becomes a story card. `link_src` says which links open in
    /// place (another post of the same WordPress site).
    pub(super) fn also_read(&self, clean: &[Inline]) -> Option<Card> {
        let text = collapse(&plain(clean));
        let rest = strip_prefix_ci(&text, "also read")
            .or_else(|| strip_prefix_ci(&text, "read also"))
            .or_else(|| strip_prefix_ci(&text, "read more").filter(|r| r.trim_start().starts_with(':')))?;
        // Whole words only: "Also reading the report, …" is a sentence.
        if rest.starts_with(char::is_alphanumeric) {
            return None;
        }
        let mut found = Vec::new();
        links(clean, &mut found);
        let [(href, link_text)] = <[(&str, String); 1]>::try_from(found).ok()?;
        if !(href.starts_with("http://") || href.starts_with("https://")) {
            return None;
        }
        let title = Some(collapse(&link_text))
            .filter(|t| !t.is_empty())
            .or_else(|| Some(rest.trim_start_matches(|c: char| is_space(c) || ":|-–—»".contains(c)).to_string()))
            .filter(|t| !t.is_empty())?;
        let src = (self.link_src)(href);
        Some(Card { title, url: Some(href.to_string()), src, image: None, summary: None, published: None })
    }
}
