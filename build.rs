//! Minify style/widget.css into OUT_DIR for `embed::CSS`: the readable,
//! commented source stays in style/, and the wasm carries only what the
//! browser needs. Pure std and deliberately conservative: comments go, runs
//! of whitespace become one space, and the space next to `{ } ; , >` and
//! after a declaration's `:` goes. Quoted strings are copied untouched, and
//! a space before `:` stays (`a :hover` and `a:hover` differ), as do spaces
//! around `+`/`-` (which `calc()` needs). A number's leading zero goes
//! (`0.75` is `.75`).
//!
//! Then every `rem` becomes the widget's own: a host page's
//! `html { font-size: 62.5% }` must not shrink the widget, so a length
//! `N rem` is written `calc(N*var(--_r))`, where `--_r` is
//! `--dateline-font-size` (16px unless the publisher sets it; set on
//! `:host` in style/widget.css), and `1rem` is `var(--_r)` itself. In a `@container` condition, where
//! `var()` cannot go, it is `N em`: there `em` is the font size of the
//! query container, `.dl-host`, which is `--_r`.

use std::{env, fs, path::Path};

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    // A whitespace run (or comment) was skipped and may need one space.
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for c in chars.by_ref() {
                    if prev == '*' && c == '/' {
                        break;
                    }
                    prev = c;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                if pending_space && !ends_tight(&out) {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
                while let Some(s) = chars.next() {
                    out.push(s);
                    if s == '\\' {
                        out.extend(chars.next());
                    } else if s == c {
                        break;
                    }
                }
            }
            _ => {
                if pending_space && !ends_tight(&out) && !matches!(c, '{' | '}' | ';' | ',' | '>') {
                    out.push(' ');
                }
                pending_space = false;
                // The last declaration of a block needs no `;`.
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
        }
    }
    out
}

/// After these, a following space is never needed. (`:` here only follows
/// a property name: a selector's `:` is never followed by a space.)
fn ends_tight(out: &str) -> bool {
    out.is_empty() || out.ends_with(['{', '}', ';', ',', '>', ':', '('])
}

/// `rem` lengths as the widget's own (see the top of this file). Strings
/// are copied untouched.
fn own_rem(css: &str) -> String {
    let b = css.as_bytes();
    let mut out = String::with_capacity(css.len() * 2);
    let mut in_container = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'"' || c == b'\'' {
            let start = i;
            i += 1;
            while i < b.len() && b[i] != c {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(b.len());
            out.push_str(&css[start..i]);
            continue;
        }
        if css[i..].starts_with("@container") {
            in_container = true;
        } else if c == b'{' {
            in_container = false;
        }
        let ident = |j: usize| b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b'_' || b[j] == b'#';
        let signed = c == b'-' && i + 1 < b.len() && (b[i + 1].is_ascii_digit() || b[i + 1] == b'.');
        if (signed || c.is_ascii_digit() || c == b'.') && (i == 0 || !ident(i - 1)) {
            let start = i;
            i += signed as usize;
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                i += 1;
            }
            // `0.75` is written `.75`, as CSS allows.
            let (sign, digits) = css[start..i].split_at(signed as usize);
            let num = format!("{sign}{}", digits.strip_prefix("0.").map_or(digits.to_string(), |d| format!(".{d}")));
            if css[i..].starts_with("rem") && !(i + 3 < b.len() && ident(i + 3)) {
                if in_container {
                    out.push_str(&num);
                    out.push_str("em");
                } else if num == "1" {
                    out.push_str("var(--_r)");
                } else {
                    out.push_str("calc(");
                    out.push_str(&num);
                    out.push_str("*var(--_r))");
                }
                i += 3;
            } else {
                out.push_str(&num);
            }
            continue;
        }
        let ch = css[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

fn main() {
    println!("cargo::rerun-if-changed=style/widget.css");
    let css = fs::read_to_string("style/widget.css").expect("style/widget.css is readable");
    let min = own_rem(&minify(&css));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("widget.min.css");
    fs::write(out, min).expect("OUT_DIR is writable");
}
