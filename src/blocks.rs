//! CMS HTML bodies rebuilt as blocks (pure). A WordPress `content.rendered`
//! or a JSON Feed `content_html` is parsed by the browser's inert DOMParser
//! into a `sanitize::Raw` tree (natively, in tests, by html5ever), and
//! turned here into the same `Block` list as `_dateline.blocks`: the view
//! then shows real CMS bodies with the widget's own typography, Also Read
//! cards and embeds as link cards.
//!
//! The sanitizer's policy applies throughout: dropped elements (script,
//! style, forms, …) go with their content, unknown elements keep their text
//! and lose their markup, links keep only http, https and mailto.
//!
//! Paragraph and list-item contents stay `Rich` (inline HTML). They are
//! rebuilt through the inline allow-list here and written back as a small,
//! fully escaped HTML string (`inline_html`), which the view parses and
//! sanitizes again like any other `Rich`. So the model and the view stay as
//! they are, and nothing unsanitized is ever carried.

use crate::formats::dateline::{MAX_BLOCKS, MAX_CARDS};
use crate::formats::jsonfeed::excerpt;
use crate::formats::wordpress::post_src_for_link;
use crate::formats::{escape_html, size_pair};
use crate::model::{Article, Block, Card, Image, Rich};
use crate::sanitize::{is_dropped, sanitize, text_of, Clean, Context, Raw, MAX_DEPTH, MAX_NODES};
use crate::text::{collapse, is_space, strip_prefix_ci};
use crate::url::{checked, Use};
use std::rc::Rc;

/// Raw trees are read this deep at most (the browser reader stops at 64).
const READ_DEPTH: usize = 64;
const MAX_ROWS: usize = 200;
const MAX_CELLS: usize = 24;
const MAX_ITEMS: usize = 200;

/// Replace each `Block::Html` in `article.body` with the blocks rebuilt from
/// it. `parse` turns an HTML string into a `Raw` tree (the browser's
/// DOMParser in the widget). Afterwards, the Also Read section repeats the
/// inline Also Read cards when the source had no section of its own, and a
/// lead image that the body repeats as its first block is dropped.
pub fn expand_html(article: &mut Article, parse: &mut dyn FnMut(&str) -> Vec<Raw>) {
    if !article.body.iter().any(|b| matches!(b, Block::Html(_))) {
        return;
    }
    let body = std::mem::take(&mut article.body);
    for block in body {
        match block {
            Block::Html(rich) => {
                let nodes = parse(&rich.html);
                article.body.extend(blocks_from_html_tree(nodes, &rich.base, article.api.as_deref()));
            }
            other => article.body.push(other),
        }
    }
    article.body.truncate(MAX_BLOCKS);
    if let (Some(lead), Some(Block::Image(first))) = (&article.image, article.body.first()) {
        if same_image(&lead.src, &first.src) {
            article.body.remove(0);
        }
    }
    if article.also_read.is_empty() {
        for b in &article.body {
            if let Block::AlsoRead(card) = b {
                if article.also_read.len() < MAX_CARDS && !article.also_read.iter().any(|c| c.url == card.url) {
                    article.also_read.push(card.clone());
                }
            }
        }
    }
}

/// Two image URLs show the same picture: equal once WordPress's size
/// suffix (`photo-1024x577.jpg` for `photo.jpg`) and the query are removed.
fn same_image(a: &str, b: &str) -> bool {
    fn stem(u: &str) -> (&str, &str) {
        let u = &u[..u.find(['?', '#']).unwrap_or(u.len())];
        let (name, ext) = match u.rfind('.') {
            Some(i) if !u[i..].contains('/') => (&u[..i], &u[i..]),
            _ => (u, ""),
        };
        // Strip a trailing `-<digits>x<digits>`.
        let bytes = name.as_bytes();
        let mut i = bytes.len();
        let digits = |i: &mut usize| {
            let end = *i;
            while *i > 0 && bytes[*i - 1].is_ascii_digit() {
                *i -= 1;
            }
            *i < end
        };
        if digits(&mut i) && i > 0 && bytes[i - 1] == b'x' {
            i -= 1;
            if digits(&mut i) && i > 0 && bytes[i - 1] == b'-' {
                return (&name[..i - 1], ext);
            }
        }
        (name, ext)
    }
    stem(a) == stem(b)
}

/// Rebuild a parsed HTML body as blocks. `base` is the URL the HTML was
/// written for (relative links resolve against it); `api` is the WordPress
/// REST API root of the site, if the body came from one: inline Also Read
/// links to the same site then open in place.
pub fn blocks_from_html_tree(mut nodes: Vec<Raw>, base: &str, api: Option<&str>) -> Vec<Block> {
    lowercase_names(&mut nodes, 0);
    let mut w = Walk { base, base_rc: Rc::from(base), api, out: Vec::new(), run: Vec::new(), budget: MAX_NODES };
    w.flow(nodes, 0);
    w.flush();
    w.out.truncate(MAX_BLOCKS);
    w.out
}

/// Element and attribute names in lower case, once, so that every test
/// below compares exactly (DOMParser already gives lower-case HTML names).
fn lowercase_names(nodes: &mut [Raw], depth: usize) {
    if depth >= READ_DEPTH {
        return;
    }
    for n in nodes {
        if let Raw::Element { name, attrs, children } = n {
            name.make_ascii_lowercase();
            for (k, _) in attrs.iter_mut() {
                k.make_ascii_lowercase();
            }
            lowercase_names(children, depth + 1);
        }
    }
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

fn has_class(attrs: &[(String, String)], class: &str) -> bool {
    attr(attrs, "class").is_some_and(|c| c.split_ascii_whitespace().any(|x| x == class))
}

/// WordPress (and Twemoji) turn emoji into `<img class="emoji" alt="😀">`;
/// the character itself is what a reader should get.
fn is_emoji_img(name: &str, attrs: &[(String, String)]) -> bool {
    name == "img" && (has_class(attrs, "emoji") || has_class(attrs, "wp-smiley"))
}

/// Blockquotes that are really third-party embeds (their script is gone).
fn is_embed_quote(attrs: &[(String, String)]) -> bool {
    [
        "twitter-tweet",
        "twitter-video",
        "instagram-media",
        "tiktok-embed",
        "wp-embedded-content",
        "bluesky-embed",
        "text-post-media",
        "reddit-embed-bq",
    ]
    .iter()
    .any(|c| has_class(attrs, c))
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

/// The plain text of a subtree: dropped elements skipped, emoji images
/// read as their character, whitespace collapsed.
fn plain_text(nodes: &[Raw]) -> String {
    fn go(nodes: &[Raw], s: &mut String, depth: usize) {
        for n in nodes {
            match n {
                Raw::Text(t) => s.push_str(t),
                Raw::Other => {}
                Raw::Element { name, attrs, children } => {
                    if is_emoji_img(name, attrs) {
                        s.push_str(attr(attrs, "alt").unwrap_or(""));
                    } else if !is_dropped(name) && depth < READ_DEPTH {
                        let gap = is_blockish(name);
                        if gap {
                            s.push(' ');
                        }
                        go(children, s, depth + 1);
                        if gap {
                            s.push(' ');
                        }
                    }
                }
            }
        }
    }
    let mut s = String::new();
    go(nodes, &mut s, 0);
    collapse(&s)
}

/// A test on an element's name and attributes.
type Pred<'p> = &'p dyn Fn(&str, &[(String, String)]) -> bool;

/// The first element under `nodes` (depth first) that `pred` accepts,
/// not looking inside dropped elements other than the ones it asks for.
fn find<'a>(nodes: &'a [Raw], pred: Pred<'_>) -> Option<&'a Raw> {
    fn go<'a>(nodes: &'a [Raw], pred: Pred<'_>, depth: usize) -> Option<&'a Raw> {
        for n in nodes {
            if let Raw::Element { name, attrs, children } = n {
                if pred(name, attrs) {
                    return Some(n);
                }
                if depth < READ_DEPTH && !is_dropped(name) {
                    if let Some(found) = go(children, pred, depth + 1) {
                        return Some(found);
                    }
                }
            }
        }
        None
    }
    go(nodes, pred, 0)
}

fn children_of(n: &Raw) -> &[Raw] {
    match n {
        Raw::Element { children, .. } => children,
        _ => &[],
    }
}

fn attrs_of(n: &Raw) -> &[(String, String)] {
    match n {
        Raw::Element { attrs, .. } => attrs,
        _ => &[],
    }
}

/// Replace emoji images by their character, anywhere in `nodes`.
fn emoji_to_text(nodes: &mut [Raw], depth: usize) {
    for n in nodes.iter_mut() {
        let alt = match n {
            Raw::Element { name, attrs, .. } if is_emoji_img(name, attrs) => attr(attrs, "alt").unwrap_or("").to_string(),
            Raw::Element { children, .. } if depth < READ_DEPTH => {
                emoji_to_text(children, depth + 1);
                continue;
            }
            _ => continue,
        };
        *n = Raw::Text(alt);
    }
}

fn is_blank_text(n: &Raw) -> bool {
    match n {
        Raw::Text(t) => t.chars().all(is_space),
        Raw::Other => true,
        Raw::Element { .. } => false,
    }
}

/// True when nothing in a clean tree is visible: no text but spaces, and
/// no image.
fn is_blank(nodes: &[Clean]) -> bool {
    nodes.iter().all(|n| match n {
        Clean::Text(t) => t.chars().all(is_space),
        Clean::Element { tag: "img", .. } => false,
        Clean::Element { children, .. } => is_blank(children),
    })
}

/// Leading and trailing line breaks and spaces say nothing in a paragraph.
fn trim_clean(nodes: &mut Vec<Clean>) {
    let blank = |n: &Clean| match n {
        Clean::Text(t) => t.chars().all(is_space),
        Clean::Element { tag, .. } => *tag == "br",
    };
    while nodes.last().is_some_and(blank) {
        nodes.pop();
    }
    let lead = nodes.iter().take_while(|n| blank(n)).count();
    nodes.drain(..lead);
    if let Some(Clean::Text(t)) = nodes.first_mut() {
        let trimmed = t.trim_start_matches(is_space);
        if trimmed.len() != t.len() {
            *t = trimmed.to_string();
        }
    }
    if let Some(Clean::Text(t)) = nodes.last_mut() {
        let trimmed = t.trim_end_matches(is_space).len();
        t.truncate(trimmed);
    }
}

/// Write a clean inline tree back as HTML for `Rich`. Every text and
/// attribute value is escaped, and the tags and attribute names are the
/// allow-list's own, so parsing the result gives the same tree back.
pub fn inline_html(nodes: &[Clean]) -> String {
    fn go(nodes: &[Clean], s: &mut String) {
        for n in nodes {
            match n {
                Clean::Text(t) => s.push_str(&escape_html(t)),
                Clean::Element { tag, attrs, children } => {
                    s.push('<');
                    s.push_str(tag);
                    for (k, v) in attrs {
                        s.push(' ');
                        s.push_str(k);
                        s.push_str("=\"");
                        s.push_str(&escape_html(v));
                        s.push('"');
                    }
                    s.push('>');
                    if !matches!(*tag, "br" | "img") {
                        go(children, s);
                        s.push_str("</");
                        s.push_str(tag);
                        s.push('>');
                    }
                }
            }
        }
    }
    let mut s = String::new();
    go(nodes, &mut s);
    s
}

/// The links of a clean tree: `(href, text)`.
fn links(nodes: &[Clean], out: &mut Vec<(String, String)>) {
    for n in nodes {
        if let Clean::Element { tag, attrs, children } = n {
            if *tag == "a" {
                let href = attrs.iter().find(|(k, _)| *k == "href").map(|(_, v)| v.clone()).unwrap_or_default();
                out.push((href, text_of(children)));
            } else {
                links(children, out);
            }
        }
    }
}

/// The host of an absolute URL, without `www.`.
fn host(url: &str) -> &str {
    let rest = url.find("://").map_or("", |i| &url[i + 3..]);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let h = authority.split(':').next().unwrap_or(authority);
    h.strip_prefix("www.").unwrap_or(h)
}

fn host_is(host: &str, domain: &str) -> bool {
    host == domain || host.strip_suffix(domain).is_some_and(|p| p.ends_with('.'))
}

/// A reader-facing name for who serves an embed.
fn provider(url: &str) -> String {
    let h = host(url);
    let known = [
        ("youtube.com", "YouTube"),
        ("youtu.be", "YouTube"),
        ("youtube-nocookie.com", "YouTube"),
        ("vimeo.com", "Vimeo"),
        ("twitter.com", "X"),
        ("x.com", "X"),
        ("instagram.com", "Instagram"),
        ("facebook.com", "Facebook"),
        ("tiktok.com", "TikTok"),
        ("spotify.com", "Spotify"),
        ("soundcloud.com", "SoundCloud"),
        ("dailymotion.com", "Dailymotion"),
        ("bsky.app", "Bluesky"),
        ("threads.net", "Threads"),
        ("reddit.com", "Reddit"),
    ];
    known.iter().find(|(d, _)| host_is(h, d)).map_or_else(|| h.to_string(), |(_, name)| name.to_string())
}

/// Player URLs become the page a reader can open: YouTube's
/// `/embed/<id>` → `/watch?v=<id>`, Vimeo's player → `vimeo.com/<id>`.
fn page_for_player(url: String) -> String {
    let h = host(&url);
    let path = url.find("://").and_then(|i| url[i + 3..].find('/').map(|j| &url[i + 3 + j..])).unwrap_or("");
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    let id_ok = |id: &str| !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if host_is(h, "youtube.com") || host_is(h, "youtube-nocookie.com") {
        if let Some(id) = path.strip_prefix("/embed/").filter(|id| id_ok(id)) {
            let mut s = String::from("https://www.youtube.com/watch?v=");
            s.push_str(id);
            return s;
        }
    }
    if h == "player.vimeo.com" {
        if let Some(id) = path.strip_prefix("/video/").filter(|id| id_ok(id)) {
            let mut s = String::from("https://vimeo.com/");
            s.push_str(id);
            return s;
        }
    }
    url
}

struct Walk<'a> {
    base: &'a str,
    base_rc: Rc<str>,
    api: Option<&'a str>,
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
            match k {
                Kind::Inline => self.run.push(Raw::Element { name, attrs, children }),
                Kind::Drop => {}
                Kind::Rule => self.flush(),
                Kind::Container => {
                    self.flush();
                    self.flow(children, depth + 1);
                    self.flush();
                }
                Kind::Heading => {
                    self.flush();
                    let text = plain_text(&children);
                    if !text.is_empty() {
                        self.push(Block::Heading(text));
                    }
                    // Broken markup puts images inside headings; keep them.
                    self.images_in(&children);
                }
                Kind::Quote => {
                    self.flush();
                    if is_embed_quote(&attrs) {
                        let b = self.embed_quote(&attrs, &children, None);
                        self.push_opt(b);
                    } else {
                        self.quote(&children);
                    }
                }
                Kind::List => {
                    self.flush();
                    let mut items = Vec::new();
                    self.items(children, depth, &mut items);
                    if !items.is_empty() {
                        self.push(Block::List { ordered: name == "ol", items });
                    }
                }
                Kind::Figure => {
                    self.flush();
                    self.figure(&attrs, children, depth);
                }
                Kind::Table => {
                    self.flush();
                    self.table(&children, None);
                }
                Kind::Frame => {
                    self.flush();
                    let b = self.frame(&attrs, None);
                    self.push_opt(b);
                }
                Kind::Media => {
                    self.flush();
                    let b = self.media(&attrs, &children, None);
                    self.push_opt(b);
                }
            }
        }
    }

    fn push_opt(&mut self, b: Option<Block>) {
        if let Some(b) = b {
            self.push(b);
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

    /// An `img`, or an inline element (a link, a span) holding nothing
    /// but one image.
    fn lone_image(&self, node: &Raw) -> Option<Image> {
        let mut n = node;
        for _ in 0..8 {
            match n {
                Raw::Element { name, attrs, .. } if name == "img" => {
                    return if is_emoji_img(name, attrs) { None } else { self.image(attrs, None) };
                }
                Raw::Element { children, .. } => {
                    let mut kids = children.iter().filter(|c| !is_blank_text(c));
                    n = kids.next()?;
                    if kids.next().is_some() {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        None
    }

    /// Inline nodes as clean inline content, or `None` if nothing shows.
    fn inline(&self, mut nodes: Vec<Raw>) -> Option<Vec<Clean>> {
        if nodes.iter().all(is_blank_text) {
            return None;
        }
        emoji_to_text(&mut nodes, 0);
        let mut clean = sanitize(nodes, Context::Inline, self.base);
        trim_clean(&mut clean);
        (!is_blank(&clean)).then_some(clean)
    }

    fn paragraph(&mut self, nodes: Vec<Raw>) {
        let Some(clean) = self.inline(nodes) else { return };
        let block = match self.also_read(&clean) {
            Some(card) => Block::AlsoRead(card),
            None => Block::Paragraph(Rich { html: inline_html(&clean), base: self.base_rc.clone() }),
        };
        self.push(block);
    }

    /// "Also Read: <a>Title</a>": a paragraph that starts with "Also read",
    /// "Read also" or "Read more:" (any ASCII case) and holds exactly one
    /// web link becomes a story card. A link to another post of the same
    /// WordPress site opens in place.
    fn also_read(&self, clean: &[Clean]) -> Option<Card> {
        let text = collapse(&text_of(clean));
        let rest = strip_prefix_ci(&text, "also read")
            .or_else(|| strip_prefix_ci(&text, "read also"))
            .or_else(|| strip_prefix_ci(&text, "read more").filter(|r| r.trim_start().starts_with(':')))?;
        // Whole words only: "Also reading the report, …" is a sentence.
        if rest.starts_with(char::is_alphanumeric) {
            return None;
        }
        let mut found = Vec::new();
        links(clean, &mut found);
        let [(href, link_text)] = <[(String, String); 1]>::try_from(found).ok()?;
        if !(href.starts_with("http://") || href.starts_with("https://")) {
            return None;
        }
        let title = Some(collapse(&link_text))
            .filter(|t| !t.is_empty())
            .or_else(|| Some(rest.trim_start_matches(|c: char| is_space(c) || ":|-–—»".contains(c)).to_string()))
            .filter(|t| !t.is_empty())?;
        let src = self.api.and_then(|api| post_src_for_link(api, self.base, &href));
        Some(Card { title, url: Some(href), src, image: None, summary: None, published: None })
    }

    /// List items, with nested lists flattened after their parent item (a
    /// narrow widget has no room for indentation).
    fn items(&mut self, nodes: Vec<Raw>, depth: usize, items: &mut Vec<Rich>) {
        for node in nodes {
            if items.len() >= MAX_ITEMS || depth >= MAX_DEPTH {
                return;
            }
            let Raw::Element { name, children, .. } = node else { continue };
            match name.as_str() {
                "li" => {
                    let (nested, inline): (Vec<Raw>, Vec<Raw>) =
                        children.into_iter().partition(|c| matches!(c, Raw::Element { name, .. } if name == "ul" || name == "ol"));
                    if let Some(clean) = self.inline(inline) {
                        items.push(Rich { html: inline_html(&clean), base: self.base_rc.clone() });
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
        let is_cite = |n: &Raw| matches!(n, Raw::Element { name, .. } if name == "cite" || name == "footer");
        let cite = children.iter().find(|n| is_cite(n)).map(|n| plain_text(children_of(n))).filter(|c| !c.is_empty());
        let body: Vec<&Raw> = children.iter().filter(|n| !is_cite(n)).collect();
        let mut text = String::new();
        for n in body {
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

    /// A social-network post whose embed script was stripped: a card to it.
    fn embed_quote(&self, attrs: &[(String, String)], children: &[Raw], caption: Option<String>) -> Option<Block> {
        let from_attr = ["cite", "data-instgrm-permalink", "data-text-post-permalink"].iter().find_map(|k| attr(attrs, k));
        let link = |pred: &dyn Fn(&str) -> bool| {
            find(children, &|n, a| n == "a" && attr(a, "href").is_some_and(pred)).and_then(|a| attr(attrs_of(a), "href"))
        };
        // A tweet's own address is its last link, the one to `/status/`.
        let href = from_attr.or_else(|| link(&|h| h.contains("/status/"))).or_else(|| link(&|_| true))?;
        let text = find(children, &|n, _| n == "p").map(|p| plain_text(children_of(p))).unwrap_or_else(|| plain_text(children));
        let title = caption.or_else(|| Some(excerpt(&text, 160)).filter(|t| !t.is_empty()));
        self.embed(href, title)
    }

    fn embed(&self, href: &str, title: Option<String>) -> Option<Block> {
        let url = checked(self.base, href.trim(), Use::Link)?;
        if !url.starts_with("http") {
            return None;
        }
        let url = page_for_player(url);
        Some(Block::Embed { provider: provider(&url), url, title })
    }

    /// An `iframe`: never loaded, shown as a card to what it would show.
    fn frame(&self, attrs: &[(String, String)], caption: Option<String>) -> Option<Block> {
        let src = ["src", "data-src", "data-lazy-src"].iter().find_map(|k| attr(attrs, k).filter(|v| !v.trim().is_empty()))?;
        let title = attr(attrs, "title").map(collapse).filter(|t| !t.is_empty()).or(caption);
        self.embed(src, title)
    }

    /// A `video` or `audio` file: a card that opens it.
    fn media(&self, attrs: &[(String, String)], children: &[Raw], caption: Option<String>) -> Option<Block> {
        let src = attr(attrs, "src").or_else(|| find(children, &|n, a| n == "source" && attr(a, "src").is_some()).and_then(|s| attr(attrs_of(s), "src")))?;
        self.embed(src, caption)
    }

    fn image(&self, attrs: &[(String, String)], caption: Option<String>) -> Option<Image> {
        // Lazy-loading plugins put a placeholder (often a data: URL, which
        // is refused) in `src` and the real image in `data-src`.
        let src = ["src", "data-src", "data-lazy-src", "data-orig-file"]
            .iter()
            .filter_map(|k| attr(attrs, k))
            .find_map(|v| checked(self.base, v.trim(), Use::Image))
            .or_else(|| {
                ["srcset", "data-srcset", "data-lazy-srcset"]
                    .iter()
                    .filter_map(|k| attr(attrs, k))
                    .find_map(|v| v.split(',').next()?.split_ascii_whitespace().next())
                    .and_then(|v| checked(self.base, v, Use::Image))
            })?;
        let dim = |k| attr(attrs, k).and_then(|v| v.trim().parse::<u32>().ok());
        let (width, height) = size_pair(dim("width"), dim("height"));
        Some(Image { src, alt: collapse(attr(attrs, "alt").unwrap_or("")), width, height, caption, credit: None })
    }

    /// Every picture under `nodes` as an image block (emoji excepted).
    fn images_in(&mut self, nodes: &[Raw]) {
        fn go(w: &mut Walk<'_>, nodes: &[Raw], depth: usize) {
            for n in nodes {
                if let Raw::Element { name, attrs, children } = n {
                    if name == "img" && !is_emoji_img(name, attrs) {
                        if let Some(img) = w.image(attrs, None) {
                            w.push(Block::Image(img));
                        }
                    } else if depth < READ_DEPTH && !is_dropped(name) {
                        go(w, children, depth + 1);
                    }
                }
            }
        }
        go(self, nodes, 0);
    }

    /// `figure`: an image with its caption, an embed (Gutenberg's
    /// `wp-block-embed`), a table, a video; a gallery's figures one by one;
    /// anything else (a pull quote) as ordinary content.
    fn figure(&mut self, attrs: &[(String, String)], children: Vec<Raw>, depth: usize) {
        let caption = children
            .iter()
            .find(|n| matches!(n, Raw::Element { name, .. } if name == "figcaption"))
            .map(|c| plain_text(children_of(c)))
            .filter(|c| !c.is_empty());
        let frame = find(&children, &|n, _| n == "iframe");
        let quote = find(&children, &|n, a| n == "blockquote" && is_embed_quote(a));
        if let Some(f) = frame {
            let b = self.frame(attrs_of(f), caption);
            return self.push_opt(b);
        }
        if let Some(q) = quote {
            let b = self.embed_quote(attrs_of(q), children_of(q), caption);
            return self.push_opt(b);
        }
        if has_class(attrs, "wp-block-embed") {
            // Not expanded by oEmbed: the wrapper holds the URL as text or a link.
            let href = find(&children, &|n, a| n == "a" && attr(a, "href").is_some()).and_then(|a| attr(attrs_of(a), "href")).map(str::to_string);
            let href = href.or_else(|| {
                let text = plain_text(&children);
                text.split_ascii_whitespace().find(|w| w.starts_with("http://") || w.starts_with("https://")).map(str::to_string)
            });
            let b = href.and_then(|h| self.embed(&h, caption));
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
                self.table(children_of(t), caption);
                return;
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
        let caption = caption.or_else(|| {
            nodes.iter().find(|n| matches!(n, Raw::Element { name, .. } if name == "caption")).map(|c| plain_text(children_of(c))).filter(|c| !c.is_empty())
        });
        let mut found = Vec::new();
        rows(nodes, &mut found, false, 0);
        let header = found.first().is_some_and(|(head, th, _)| *head || *th);
        let rows: Vec<Vec<String>> = found.into_iter().map(|(_, _, cells)| cells).collect();
        if !rows.is_empty() {
            self.push(Block::Table { caption, header, rows });
        }
    }
}

fn count_images(nodes: &[Raw], depth: usize) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Raw::Element { name, attrs, .. } if name == "img" && !is_emoji_img(name, attrs) => 1,
            Raw::Element { name, children, .. } if depth < READ_DEPTH && !is_dropped(name) => count_images(children, depth + 1),
            _ => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_suffixed_copies_are_the_same_image() {
        assert!(same_image("https://s/up/Iceland-test.jpg", "https://s/up/Iceland-test-150x150.jpg"));
        assert!(same_image("https://s/up/a.jpg?w=1", "https://s/up/a-1024x577.jpg"));
        assert!(!same_image("https://s/up/a.jpg", "https://s/up/b.jpg"));
        assert!(!same_image("https://s/up/a-1.jpg", "https://s/up/a.jpg"));
    }

    #[test]
    fn providers_are_named_and_players_become_pages() {
        assert_eq!(provider("https://www.youtube.com/watch?v=x"), "YouTube");
        assert_eq!(provider("https://mobile.twitter.com/a/status/1"), "X");
        assert_eq!(provider("https://maps.example.org/embed"), "maps.example.org");
        assert_eq!(page_for_player("https://www.youtube.com/embed/3bUtvUAeX8s?feature=oembed".into()), "https://www.youtube.com/watch?v=3bUtvUAeX8s");
        assert_eq!(page_for_player("https://www.youtube-nocookie.com/embed/a_b-C".into()), "https://www.youtube.com/watch?v=a_b-C");
        assert_eq!(page_for_player("https://player.vimeo.com/video/76979871?h=8".into()), "https://vimeo.com/76979871");
        assert_eq!(page_for_player("https://www.youtube.com/embed/x\"y".into()), "https://www.youtube.com/embed/x\"y");
    }
}
