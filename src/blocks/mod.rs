//! HTML bodies rebuilt as blocks (pure). A WordPress `content.rendered`, a
//! JSON Feed `content_html` or a Dateline block's `html` is parsed once, when
//! its document is loaded, into a `sanitize::Raw` tree (the browser's inert
//! DOMParser in the widget, html5ever in native tests), and turned here
//! into the same `Block` list as `_dateline.blocks`: the view then shows real
//! CMS bodies with the widget's own typography, Also Read cards and embeds
//! as link cards.
//!
//! The sanitizer's policy applies throughout: dropped elements (script,
//! style, forms, …) go with their content, unknown elements keep their text
//! and lose their markup, links keep only http, https and mailto.
//! Paragraph and list-item contents pass `sanitize::inline` once and are
//! kept as the model's clean `Inline` tree.
//!
//! - `tree`: reading the untrusted tree (names, classes, searches, text);
//! - this file: the walk over block structure (paragraphs, headings,
//!   quotes, lists, figures, tables);
//! - `images`, `embeds`, `also_read`: what those kinds of content become.

mod also_read;
mod embeds;
mod images;
mod tree;

pub use images::same_image;

use crate::limits::{MAX_BLOCKS, MAX_CELLS, MAX_DEPTH, MAX_LIST_ITEMS, MAX_NODES, MAX_ROWS};
use crate::model::{Block, Inline, Rich};
use crate::sanitize::{self, is_dropped, Raw};
use crate::text::is_space;
use embeds::is_embed_quote;
use tree::{attrs_of, children_of, count_images, emoji_to_text, find, has_class, is_blank_text, is_emoji_img, is_named, plain_text};

/// Which links in a body open in place: the document for a link's `href`,
/// if the widget can load it (another post of the same WordPress site).
pub type LinkSrc<'a> = &'a dyn Fn(&str) -> Option<String>;

/// No link opens in place.
pub fn no_link_src(_: &str) -> Option<String> {
    None
}

/// Rebuild a parsed HTML body as blocks. `base` is the URL the HTML was
/// written for (relative links resolve against it); inline Also Read links
/// that `link_src` maps open in place.
pub fn from_html(mut nodes: Vec<Raw>, base: &str, link_src: LinkSrc<'_>) -> Vec<Block> {
    tree::lowercase_names(&mut nodes, 0);
    let mut w = Walk { base, link_src, out: Vec::new(), run: Vec::new(), budget: MAX_NODES };
    w.flow(nodes, 0);
    w.flush();
    w.out
}

/// Clean inline content from an HTML fragment (a Dateline paragraph's or
/// list item's `html`), trimmed; `None` if nothing shows.
pub fn inline_from_html(mut nodes: Vec<Raw>, base: &str) -> Option<Rich> {
    tree::lowercase_names(&mut nodes, 0);
    clean_inline(nodes, base)
}

enum Kind {
    Inline,
    Drop,
    Rule,
    Container,
    Heading,
    Quote,
    List,
    Figure,
    Table,
    Frame,
    Media,
}

fn kind(name: &str) -> Kind {
    match name {
        "a" | "abbr" | "b" | "bdi" | "bdo" | "big" | "br" | "cite" | "code" | "data" | "del" | "dfn" | "em" | "font"
        | "i" | "img" | "ins" | "kbd" | "label" | "mark" | "nobr" | "q" | "s" | "samp" | "small" | "span" | "strike"
        | "strong" | "sub" | "sup" | "time" | "tt" | "u" | "var" | "wbr" => Kind::Inline,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
        "blockquote" => Kind::Quote,
        "ul" | "ol" => Kind::List,
        "figure" => Kind::Figure,
        "table" => Kind::Table,
        "iframe" => Kind::Frame,
        "video" | "audio" => Kind::Media,
        "hr" => Kind::Rule,
        n if is_dropped(n) => Kind::Drop,
        // `p`, `div`, `section`, and every unknown element: a boundary
        // between paragraphs, whose text is kept.
        _ => Kind::Container,
    }
}

/// Block elements whose text is separated from its neighbours' by a space
/// when an element is read as plain text.
fn is_blockish(name: &str) -> bool {
    !matches!(kind(name), Kind::Inline) || name == "br"
}

/// True when nothing in clean content is visible: no text but spaces, and
/// no image.
fn is_blank(nodes: &[Inline]) -> bool {
    nodes.iter().all(|n| match n {
        Inline::Text(t) => t.chars().all(is_space),
        Inline::Break => true,
        Inline::Image { .. } => false,
        Inline::Marked(_, c) | Inline::Link { children: c, .. } => is_blank(c),
    })
}

/// Leading and trailing line breaks and spaces say nothing in a paragraph.
fn trim(nodes: &mut Vec<Inline>) {
    let blank = |n: &Inline| match n {
        Inline::Text(t) => t.chars().all(is_space),
        Inline::Break => true,
        _ => false,
    };
    while nodes.last().is_some_and(blank) {
        nodes.pop();
    }
    let lead = nodes.iter().take_while(|n| blank(n)).count();
    nodes.drain(..lead);
    if let Some(Inline::Text(t)) = nodes.first_mut() {
        let trimmed = t.trim_start_matches(is_space);
        if trimmed.len() != t.len() {
            *t = trimmed.to_string();
        }
    }
    if let Some(Inline::Text(t)) = nodes.last_mut() {
        let trimmed = t.trim_end_matches(is_space).len();
        t.truncate(trimmed);
    }
}

/// Inline nodes as clean inline content, or `None` if nothing shows.
fn clean_inline(mut nodes: Vec<Raw>, base: &str) -> Option<Rich> {
    if nodes.iter().all(is_blank_text) {
        return None;
    }
    emoji_to_text(&mut nodes, 0);
    let mut clean = sanitize::inline(nodes, base);
    trim(&mut clean);
    (!is_blank(&clean)).then_some(clean)
}

struct Walk<'a> {
    base: &'a str,
    link_src: LinkSrc<'a>,
    out: Vec<Block>,
    /// Inline content waiting to become a paragraph.
    run: Vec<Raw>,
    budget: usize,
}

impl Walk<'_> {
    fn push(&mut self, b: Block) {
        if self.out.len() < MAX_BLOCKS {
            self.out.push(b);
        }
    }

    fn push_opt(&mut self, b: Option<Block>) {
        if let Some(b) = b {
            self.push(b);
        }
    }

    fn flow(&mut self, nodes: Vec<Raw>, depth: usize) {
        for node in nodes {
            if self.budget == 0 || self.out.len() >= MAX_BLOCKS {
                return;
            }
            self.budget -= 1;
            let (name, attrs, children) = match node {
                Raw::Element { name, attrs, children } => (name, attrs, children),
                Raw::Text(t) => {
                    self.run.push(Raw::Text(t));
                    continue;
                }
                Raw::Other => continue,
            };
            let k = if depth >= MAX_DEPTH { Kind::Inline } else { kind(&name) };
            if !matches!(k, Kind::Inline | Kind::Drop) {
                self.flush();
            }
            match k {
                Kind::Inline => self.run.push(Raw::Element { name, attrs, children }),
                Kind::Drop => {}
                Kind::Rule => {}
                Kind::Container => {
                    self.flow(children, depth + 1);
                    self.flush();
                }
                Kind::Heading => {
                    let text = plain_text(&children);
                    if !text.is_empty() {
                        self.push(Block::Heading(text));
                    }
                    // Broken markup puts images inside headings; keep them.
                    self.images_in(&children);
                }
                Kind::Quote if is_embed_quote(&attrs) => {
                    let b = self.embed_quote(&attrs, &children, None);
                    self.push_opt(b);
                }
                Kind::Quote => self.quote(&children),
                Kind::List => {
                    let mut items = Vec::new();
                    self.items(children, depth, &mut items);
                    if !items.is_empty() {
                        self.push(Block::List { ordered: name == "ol", items });
                    }
                }
                Kind::Figure => self.figure(&attrs, children, depth),
                Kind::Table => self.table(&children, None),
                Kind::Frame => {
                    let b = self.frame(&attrs, None);
                    self.push_opt(b);
                }
                Kind::Media => {
                    let b = self.media(&attrs, &children, None);
                    self.push_opt(b);
                }
            }
        }
    }

    /// End the current paragraph. Images standing alone in it (or alone in
    /// a link) become image blocks where they stand.
    fn flush(&mut self) {
        if self.run.is_empty() {
            return;
        }
        let run = std::mem::take(&mut self.run);
        let mut seg = Vec::new();
        for node in run {
            match self.lone_image(&node) {
                Some(img) => {
                    self.paragraph(std::mem::take(&mut seg));
                    self.push(Block::Image(img));
                }
                None => seg.push(node),
            }
        }
        self.paragraph(seg);
    }

    fn paragraph(&mut self, nodes: Vec<Raw>) {
        let Some(clean) = clean_inline(nodes, self.base) else { return };
        let block = match self.also_read(&clean) {
            Some(card) => Block::AlsoRead(card),
            None => Block::Paragraph(clean),
        };
        self.push(block);
    }

    /// List items, with nested lists flattened after their parent item (a
    /// narrow widget has no room for indentation).
    fn items(&mut self, nodes: Vec<Raw>, depth: usize, items: &mut Vec<Rich>) {
        for node in nodes {
            if items.len() >= MAX_LIST_ITEMS || depth >= MAX_DEPTH {
                return;
            }
            let Raw::Element { name, children, .. } = node else { continue };
            match name.as_str() {
                "li" => {
                    let (nested, inline): (Vec<Raw>, Vec<Raw>) = children.into_iter().partition(|c| is_named(c, &["ul", "ol"]));
                    if let Some(clean) = clean_inline(inline, self.base) {
                        items.push(clean);
                    }
                    for list in nested {
                        if let Raw::Element { children, .. } = list {
                            self.items(children, depth + 1, items);
                        }
                    }
                }
                // Lists nested without an `li`, as some editors write them.
                "ul" | "ol" => self.items(children, depth + 1, items),
                _ => {}
            }
        }
    }

    /// A quotation: its text, and its `cite` or `footer` as the source.
    fn quote(&mut self, children: &[Raw]) {
        let is_cite = |n: &Raw| is_named(n, &["cite", "footer"]);
        let cite = children.iter().find(|n| is_cite(n)).map(|n| plain_text(children_of(n))).filter(|c| !c.is_empty());
        let mut text = String::new();
        for n in children.iter().filter(|n| !is_cite(n)) {
            let t = plain_text(std::slice::from_ref(n));
            if !t.is_empty() {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&t);
            }
        }
        if !text.is_empty() {
            self.push(Block::Quote { text, cite });
        }
        self.images_in(children);
    }

    /// `figure`: an image with its caption, an embed (Gutenberg's
    /// `wp-block-embed`), a table, a video; a gallery's figures one by one;
    /// anything else (a pull quote) as ordinary content.
    fn figure(&mut self, attrs: &[(String, String)], children: Vec<Raw>, depth: usize) {
        let caption = children.iter().find(|n| is_named(n, &["figcaption"])).map(|c| plain_text(children_of(c))).filter(|c| !c.is_empty());
        if let Some(f) = find(&children, &|n, _| n == "iframe") {
            let b = self.frame(attrs_of(f), caption);
            return self.push_opt(b);
        }
        if let Some(q) = find(&children, &|n, a| n == "blockquote" && is_embed_quote(a)) {
            let b = self.embed_quote(attrs_of(q), children_of(q), caption);
            return self.push_opt(b);
        }
        if has_class(attrs, "wp-block-embed") {
            let b = self.unexpanded_embed(&children, caption);
            return self.push_opt(b);
        }
        let nested = find(&children, &|n, _| n == "figure").is_some();
        let images = count_images(&children, 0);
        if !nested && images == 1 {
            if let Some(img) = find(&children, &|n, a| n == "img" && !is_emoji_img(n, a)) {
                if let Some(image) = self.image(attrs_of(img), caption) {
                    self.push(Block::Image(image));
                }
                return;
            }
        }
        if !nested && images == 0 {
            if let Some(t) = find(&children, &|n, _| n == "table") {
                return self.table(children_of(t), caption);
            }
            if let Some(m) = find(&children, &|n, _| n == "video" || n == "audio") {
                let b = self.media(attrs_of(m), children_of(m), caption);
                return self.push_opt(b);
            }
        }
        self.flow(children, depth + 1);
        self.flush();
    }

    /// A table as rows of plain-text cells. The first row is a header when
    /// it came from `thead` or is all `th`.
    fn table(&mut self, nodes: &[Raw], caption: Option<String>) {
        fn rows(nodes: &[Raw], out: &mut Vec<(bool, bool, Vec<String>)>, in_head: bool, depth: usize) {
            for n in nodes {
                let Raw::Element { name, children, .. } = n else { continue };
                match name.as_str() {
                    "thead" | "tbody" | "tfoot" if depth < 2 => rows(children, out, name == "thead", depth + 1),
                    "tr" if out.len() < MAX_ROWS => {
                        let mut all_th = true;
                        let cells: Vec<String> = children
                            .iter()
                            .filter_map(|c| match c {
                                Raw::Element { name, children, .. } if name == "td" || name == "th" => {
                                    all_th &= name == "th";
                                    Some(plain_text(children))
                                }
                                _ => None,
                            })
                            .take(MAX_CELLS)
                            .collect();
                        if cells.iter().any(|c| !c.is_empty()) {
                            out.push((in_head, all_th, cells));
                        }
                    }
                    _ => {}
                }
            }
        }
        let caption =
            caption.or_else(|| nodes.iter().find(|n| is_named(n, &["caption"])).map(|c| plain_text(children_of(c))).filter(|c| !c.is_empty()));
        let mut found = Vec::new();
        rows(nodes, &mut found, false, 0);
        let header = found.first().is_some_and(|(head, th, _)| *head || *th);
        let rows: Vec<Vec<String>> = found.into_iter().map(|(_, _, cells)| cells).collect();
        if !rows.is_empty() {
            self.push(Block::Table { caption, header, rows });
        }
    }
}
