//! Minify style/widget.css into OUT_DIR for `embed::CSS`: the readable,
//! commented source stays in style/, and the wasm carries only what the
//! browser needs. Pure std and deliberately conservative: comments go, runs
//! of whitespace become one space, and the space next to `{ } ; , >` and
//! after a declaration's `:` goes. Quoted strings are copied untouched, and
//! a space before `:` stays (`a :hover` and `a:hover` differ), as do spaces
//! around `+`/`-` (which `calc()` needs).

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

fn main() {
    println!("cargo::rerun-if-changed=style/widget.css");
    let css = fs::read_to_string("style/widget.css").expect("style/widget.css is readable");
    let min = minify(&css);
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("widget.min.css");
    fs::write(out, min).expect("OUT_DIR is writable");
}
