//! Reading the untrusted `Raw` tree of an HTML body: names, attributes,
//! classes, searches and plain text. Nothing here keeps markup.

use crate::limits::READ_DEPTH;
use crate::sanitize::{is_dropped, Raw};
use crate::text::{collapse, is_space};

/// Element and attribute names in lower case, once, so that every test
/// below compares exactly (DOMParser already gives lower-case HTML names).
pub(super) fn lowercase_names(nodes: &mut [Raw], depth: usize) {
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

/// An attribute's value (names are lower case already).
pub(super) fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

pub(super) fn has_class(attrs: &[(String, String)], class: &str) -> bool {
    attr(attrs, "class").is_some_and(|c| c.split_ascii_whitespace().any(|x| x == class))
}

/// WordPress (and Twemoji) turn emoji into `<img class="emoji" alt="😀">`;
/// the character itself is what a reader should get.
pub(super) fn is_emoji_img(name: &str, attrs: &[(String, String)]) -> bool {
    name == "img" && (has_class(attrs, "emoji") || has_class(attrs, "wp-smiley"))
}

pub(super) fn children_of(n: &Raw) -> &[Raw] {
    match n {
        Raw::Element { children, .. } => children,
        _ => &[],
    }
}

pub(super) fn attrs_of(n: &Raw) -> &[(String, String)] {
    match n {
        Raw::Element { attrs, .. } => attrs,
        _ => &[],
    }
}

pub(super) fn is_named(n: &Raw, names: &[&str]) -> bool {
    matches!(n, Raw::Element { name, .. } if names.contains(&name.as_str()))
}

/// A test on an element's name and attributes.
pub(super) type Pred<'p> = &'p dyn Fn(&str, &[(String, String)]) -> bool;

/// The first element under `nodes` (depth first) that `pred` accepts,
/// not looking inside dropped elements.
pub(super) fn find<'a>(nodes: &'a [Raw], pred: Pred<'_>) -> Option<&'a Raw> {
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

/// The `href` of the first link under `nodes` that `pred` accepts.
pub(super) fn find_href<'a>(nodes: &'a [Raw], pred: &dyn Fn(&str) -> bool) -> Option<&'a str> {
    find(nodes, &|n, a| n == "a" && attr(a, "href").is_some_and(pred)).and_then(|a| attr(attrs_of(a), "href"))
}

/// How many pictures (not emoji) are under `nodes`.
pub(super) fn count_images(nodes: &[Raw], depth: usize) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Raw::Element { name, attrs, .. } if name == "img" && !is_emoji_img(name, attrs) => 1,
            Raw::Element { name, children, .. } if depth < READ_DEPTH && !is_dropped(name) => count_images(children, depth + 1),
            _ => 0,
        })
        .sum()
}

/// The plain text of a subtree: dropped elements skipped, emoji images
/// read as their character, block boundaries as spaces, whitespace
/// collapsed.
pub(super) fn plain_text(nodes: &[Raw]) -> String {
    fn go(nodes: &[Raw], s: &mut String, depth: usize) {
        for n in nodes {
            match n {
                Raw::Text(t) => s.push_str(t),
                Raw::Other => {}
                Raw::Element { name, attrs, children } => {
                    if is_emoji_img(name, attrs) {
                        s.push_str(attr(attrs, "alt").unwrap_or(""));
                    } else if !is_dropped(name) && depth < READ_DEPTH {
                        let gap = super::is_blockish(name);
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

/// Replace emoji images by their character, anywhere in `nodes`.
pub(super) fn emoji_to_text(nodes: &mut [Raw], depth: usize) {
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

pub(super) fn is_blank_text(n: &Raw) -> bool {
    match n {
        Raw::Text(t) => t.chars().all(is_space),
        Raw::Other => true,
        Raw::Element { .. } => false,
    }
}
