//! Pictures in an HTML body: image blocks with their captions, lazy-loading
//! placeholders seen through, and the same picture in two sizes told apart
//! from two pictures.

use super::tree::{attr, is_emoji_img, is_blank_text};
use super::Walk;
use crate::limits::READ_DEPTH;
use crate::model::{size_pair, Block, Image};
use crate::sanitize::{is_dropped, Raw};
use crate::text::{collapse, number};
use crate::url::{checked, Use};

/// Two image URLs show the same picture: equal once WordPress's size
/// suffix (`photo-1024x577.jpg` for `photo.jpg`) and the query are removed.
pub fn same_image(a: &str, b: &str) -> bool {
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

impl Walk<'_> {
    pub(super) fn image(&self, attrs: &[(String, String)], caption: Option<String>) -> Option<Image> {
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
        let dim = |k| attr(attrs, k).and_then(|v| number(v)?.try_into().ok());
        let (width, height) = size_pair(dim("width"), dim("height"));
        Some(Image { src, alt: collapse(attr(attrs, "alt").unwrap_or("")), width, height, caption, credit: None })
    }

    /// An `img`, or an inline element (a link, a span) holding nothing
    /// but one image.
    pub(super) fn lone_image(&self, node: &Raw) -> Option<Image> {
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

    /// Every picture under `nodes` as an image block (emoji excepted).
    pub(super) fn images_in(&mut self, nodes: &[Raw]) {
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
}
