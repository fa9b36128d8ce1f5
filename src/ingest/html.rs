//! HTML → the article: its paragraphs (one a line), its title and its publication date.
//!
//! The page is parsed by html5ever (through `scraper`), as a browser would, so broken markup,
//! character references and misnested tags come out as the reader sees them. The article body is
//! chosen by content density, readability-style, with no per-site rules:
//!
//! 1. The visible text is cut into lines at block elements and `<br>` (scripts, styles, forms'
//!    inputs and the `<head>` are not text). Each line knows its block, how many of its chars are
//!    link text, and how much sentence punctuation it has.
//! 2. Every line of at least [`MIN_SCORED_CHARS`] chars scores `1 + punctuation + min(chars / 50,
//!    3)` for the element holding its paragraphs (the paragraph's parent, or the block itself when
//!    it holds text directly), half of that for the next ancestor and a third for the one above.
//! 3. An element's score is multiplied by `1 − link density` of everything inside it, and by a
//!    hint factor: ×0.5 for `<nav>`, `<footer>`, `<aside>`, `<form>` or a class/id word such as
//!    nav, menu, footer, comment, share, related, breadcrumb; ×1.25 for `<article>`, `<main>` or a
//!    class/id such as article, content, text. A hint only tilts a score: a dense block of
//!    sentences still wins whatever its class says, and a link list never wins on its class.
//! 4. The best element is the body; siblings that score nearly as well, or hold long unlinked
//!    paragraphs, join it. Inside it, lines that are mostly link text (related links, tags,
//!    pagers) are dropped, and so are lines without sentence punctuation in a hinted part (a share
//!    bar inside the article box).
//! 5. The `<h1>` nearest the body leads the text, and credit lines (see
//!    [`super::clean::credits`]) just before or after the body are kept: bylines often sit in a
//!    box of their own above the article, and the editor line below it.
//!
//! The title is that `<h1>` when the `<title>` or `og:title` agrees with it, else `og:title`, else
//! `<title>`, without the site's suffix. The date comes from meta tags (`article:published_time`,
//! `publishdate`, `pubdate` …), then a `<time datetime>` near the body; the cleaner reads dates
//! written in the text. Everything else (source, authors, editor) is read from the text by the
//! cleaner, the same way as for plain-text pages.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::clean::{self, find_date};
use crate::lexicon::Lexicon;

/// Lines shorter than this (in non-space chars) add nothing to scores: menu entries, buttons and
/// labels are shorter; a Chinese sentence is longer.
pub const MIN_SCORED_CHARS: usize = 10;

/// What a page yields before cleaning.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    pub title: Option<String>,
    /// `YYYY-MM-DD` from the page's meta tags or `<time>` elements.
    pub published: Option<String>,
    /// The heading, credit lines and the body's paragraphs, one a line.
    pub text: String,
}

/// Elements whose content is never text a reader sees as the article.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select", "textarea",
    "button", "canvas", "video", "audio",
];

/// Elements that break lines.
const BLOCKS: &[&str] = &[
    "html",
    "body",
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "dd",
    "dt",
    "dl",
    "pre",
    "hr",
    "figure",
    "figcaption",
    "form",
    "main",
    "center",
    "address",
    "details",
    "summary",
    "fieldset",
    "legend",
];

/// Blocks that are one paragraph: their lines score for their parent, the container.
const PARAGRAPHS: &[&str] =
    &["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "figcaption", "blockquote", "pre", "caption"];

const FURNITURE_FACTOR: f64 = 0.5;
const BODY_FACTOR: f64 = 1.25;

#[derive(Debug)]
struct El {
    parent: usize,
    /// Index one past the last descendant (elements are numbered in document order).
    end: usize,
    name: String,
    hint: f64,
    /// The nearest ancestor-or-self with a furniture hint.
    furniture: Option<usize>,
    /// Own text chars and link chars (of lines this element owns).
    chars: usize,
    link_chars: usize,
    /// The last line this element owns.
    last_line: Option<usize>,
}

#[derive(Debug)]
struct Line {
    owner: usize,
    text: String,
    chars: usize,
    link_chars: usize,
    punct: usize,
}

impl Line {
    fn link_density(&self) -> f64 {
        ratio(self.link_chars, self.chars)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The page flattened: elements in document order (index 0 is the document) and text lines.
struct Flat {
    els: Vec<El>,
    lines: Vec<Line>,
    /// (element, datetime) of `<time datetime>` and itemprop=datePublished elements.
    times: Vec<(usize, String)>,
    h1s: Vec<usize>,
}

/// Elements nested deeper than this are flattened into their ancestor at this depth before
/// parsing (as Blink's parser does at 512). Real pages are a few dozen levels deep; the HTML tree
/// builder checks its stack of open elements for most tags, so unbounded nesting would make
/// parsing quadratic (20,000 unclosed `<div>`s took 28 s in a debug build).
pub const MAX_DEPTH: usize = 512;

/// Formatting elements other than `<a>`: their tags are removed before parsing. They only style
/// text, and the tree builder re-opens every unclosed one at each new paragraph, so misnested
/// ones multiply (100,000 `<p><b><i>文字</p>` made the parse take minutes and gigabytes). `<a>`
/// stays (link density needs it), and the tree builder never keeps more than one open `<a>`.
const FORMATTING: &[&str] =
    &["b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"];

/// Reads the article out of an HTML page.
#[must_use]
pub fn extract(html: &str) -> Article {
    let limited = simplify_markup(html, MAX_DEPTH);
    let doc = Html::parse_document(limited.as_deref().unwrap_or(html));
    let flat = flatten(&doc);
    let region = choose_body(&flat);
    let mut out: Vec<&str> = Vec::new();
    let first = region.lines.first().copied().unwrap_or(flat.lines.len());
    let last = region.lines.last().copied();
    let h1 = nearest_h1(&flat, &region);
    let h1_text = h1.map(|h| heading_text(&flat, h));
    let outside_h1 = h1.filter(|&h| !region.contains_el(&flat.els, h));
    if let Some(h) = outside_h1 {
        out.extend(flat.lines.iter().filter(|l| owned_by(&flat, l.owner, h)).map(|l| l.text.as_str()));
    }
    // credit lines in the few lines before the body (after the heading) and after it
    let before_from = outside_h1.and_then(|h| flat.lines.iter().position(|l| l.owner >= h)).unwrap_or(0).min(first);
    let near = 6;
    let credit = |l: &&Line| is_credit_or_date(&l.text);
    out.extend(
        flat.lines[before_from.max(first.saturating_sub(near))..first]
            .iter()
            .filter(|l| outside_h1.is_none_or(|h| !owned_by(&flat, l.owner, h)))
            .filter(credit)
            .map(|l| l.text.as_str()),
    );
    out.extend(region.lines.iter().map(|&i| flat.lines[i].text.as_str()));
    if let Some(last) = last {
        let after = &flat.lines[(last + 1).min(flat.lines.len())..];
        out.extend(after.iter().take(near).filter(credit).map(|l| l.text.as_str()));
    }
    Article {
        title: title(&doc, h1_text.as_deref()),
        published: meta_date(&doc).or_else(|| time_near(&flat, &region)),
        text: out.join("\n"),
    }
}

/// Void elements: they never hold content, so they do not nest.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "plaintext"];

/// The page without [`FORMATTING`] tags and without start tags that would nest deeper than `max`
/// (and their end tags), or `None` when there is nothing to remove. Depth is estimated by a plain
/// scan of the tags, which overestimates it for pages that leave `<p>` or `<li>` open; that only
/// matters past `max`.
fn simplify_markup(html: &str, max: usize) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` handled so far (copied to `out` or dropped)
    let mut stack: Vec<&str> = Vec::new();
    let mut open: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut dropped: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut i = 0;
    while let Some(lt) = lower[i..].find('<').map(|p| p + i) {
        if lower[lt..].starts_with("<!--") {
            i = lower[lt + 4..].find("-->").map_or(lower.len(), |e| lt + 4 + e + 3);
            continue;
        }
        let closing = bytes.get(lt + 1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name = &lower[name_start..name_start + name_len];
        let Some(gt) = lower[name_start..].find('>').map(|p| p + name_start) else { break };
        let tag_end = gt + 1;
        let mut drop = FORMATTING.contains(&name);
        if drop {
            i = tag_end;
        } else if closing {
            if let Some(n) = dropped.get_mut(name).filter(|n| **n > 0) {
                *n -= 1;
                drop = true;
            } else if open.get(name).is_some_and(|&n| n > 0) {
                while let Some(top) = stack.pop() {
                    if let Some(n) = open.get_mut(top) {
                        *n = n.saturating_sub(1);
                    }
                    if top == name {
                        break;
                    }
                }
            }
            i = tag_end;
        } else if VOID.contains(&name) || lower[..gt].ends_with('/') {
            i = tag_end;
        } else if RAW_TEXT.contains(&name) {
            let close = format!("</{name}");
            i = lower[tag_end..].find(&close).map_or(lower.len(), |e| tag_end + e);
        } else if stack.len() >= max {
            *dropped.entry(name).or_insert(0) += 1;
            drop = true;
            i = tag_end;
        } else {
            stack.push(name);
            *open.entry(name).or_insert(0) += 1;
            i = tag_end;
        }
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..lt]);
            copied = tag_end;
        }
    }
    let mut o = out?;
    o.push_str(&html[copied..]);
    Some(o)
}

fn owned_by(flat: &Flat, owner: usize, el: usize) -> bool {
    el <= owner && owner < flat.els[el].end
}

fn is_credit_or_date(line: &str) -> bool {
    clean::credits(line).is_some_and(|c| c.keep)
        || (line.chars().count() <= 40 && find_date(line).is_some() && !line.contains(['。', '，']))
}

fn flatten(doc: &Html) -> Flat {
    let mut els = vec![El {
        parent: 0,
        end: 0,
        name: String::new(),
        hint: 1.0,
        furniture: None,
        chars: 0,
        link_chars: 0,
        last_line: None,
    }];
    let mut owner_of = vec![0usize];
    let mut stack: Vec<usize> = vec![0];
    let mut lines = Vec::new();
    let mut times = Vec::new();
    let mut h1s = Vec::new();
    let mut skip_depth = 0usize;
    let mut link_depth = 0usize;
    let mut run = Run::default();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if skip_depth > 0 || SKIPPED.contains(&name) {
                        skip_depth += 1;
                        continue;
                    }
                    let parent = stack.last().copied().unwrap_or(0);
                    let block = BLOCKS.contains(&name);
                    if block {
                        run.flush(owner_of[parent], &mut lines, &mut els);
                    }
                    let idx = els.len();
                    let factor = hint(name, e.attr("class"), e.attr("id"));
                    let furniture = if factor < 1.0 { Some(idx) } else { els[parent].furniture };
                    els.push(El {
                        parent,
                        end: idx + 1,
                        name: name.to_owned(),
                        hint: factor,
                        furniture,
                        chars: 0,
                        link_chars: 0,
                        last_line: None,
                    });
                    owner_of.push(if block { idx } else { owner_of[parent] });
                    if name == "a" {
                        link_depth += 1;
                    }
                    if name == "h1" {
                        h1s.push(idx);
                    }
                    let stamp = e.attr("datetime").or_else(|| {
                        e.attr("itemprop")
                            .filter(|p| p.eq_ignore_ascii_case("datepublished"))
                            .and_then(|_| e.attr("content"))
                    });
                    if let Some(t) = stamp {
                        times.push((idx, t.to_owned()));
                    }
                    stack.push(idx);
                }
                Node::Text(t) if skip_depth == 0 => run.push(t, link_depth > 0),
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(e) = node.value() else { continue };
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                let Some(idx) = stack.pop() else { continue };
                if e.name() == "a" {
                    link_depth = link_depth.saturating_sub(1);
                }
                if BLOCKS.contains(&e.name()) {
                    run.flush(owner_of[idx], &mut lines, &mut els);
                }
                els[idx].end = els.len();
            }
        }
    }
    run.flush(0, &mut lines, &mut els);
    els[0].end = els.len();
    Flat { els, lines, times, h1s }
}

/// Text gathered between two line breaks.
#[derive(Default)]
struct Run {
    text: String,
    chars: usize,
    link_chars: usize,
}

impl Run {
    fn push(&mut self, text: &str, in_link: bool) {
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{3000}' || c.is_control() {
                if !self.text.is_empty() && !self.text.ends_with(' ') {
                    self.text.push(' ');
                }
            } else {
                self.text.push(c);
                self.chars += 1;
                if in_link {
                    self.link_chars += 1;
                }
            }
        }
    }

    fn flush(&mut self, owner: usize, lines: &mut Vec<Line>, els: &mut [El]) {
        let run = std::mem::take(self);
        let text = run.text.trim();
        if text.is_empty() {
            return;
        }
        let punct = text.chars().filter(|&c| "，。、；：？！,;?!“”".contains(c)).count();
        els[owner].chars += run.chars;
        els[owner].link_chars += run.link_chars;
        els[owner].last_line = Some(lines.len());
        lines.push(Line { owner, text: text.to_owned(), chars: run.chars, link_chars: run.link_chars, punct });
    }
}

/// The score factor of an element from its tag and its class and id words.
fn hint(name: &str, class: Option<&str>, id: Option<&str>) -> f64 {
    let words: Vec<String> = [class, id]
        .into_iter()
        .flatten()
        .flat_map(|s| s.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let has = |list: &crate::lexicon::WordList| {
        words.iter().any(|w| list.iter().any(|k| w == k || k.len() >= 3 && (w.starts_with(k) || w.ends_with(k))))
    };
    if matches!(name, "nav" | "footer" | "aside" | "form") || has(&Lexicon::get().html_furniture_words) {
        FURNITURE_FACTOR
    } else if matches!(name, "article" | "main") || has(&Lexicon::get().html_body_words) {
        BODY_FACTOR
    } else {
        1.0
    }
}

/// The chosen body: its root elements and the indices of its kept lines.
struct Region {
    roots: Vec<usize>,
    lines: Vec<usize>,
}

impl Region {
    /// Whether an element lies in one of the roots' subtrees (roots are disjoint and in order).
    fn contains_el(&self, els: &[El], el: usize) -> bool {
        let k = self.roots.partition_point(|&r| r <= el);
        k > 0 && el < els[self.roots[k - 1]].end
    }
}

fn choose_body(flat: &Flat) -> Region {
    let els = &flat.els;
    let n = els.len();
    let mut score = vec![0.0f64; n];
    for line in flat.lines.iter().filter(|l| l.chars >= MIN_SCORED_CHARS) {
        let s = 1.0 + line.punct as f64 + (line.chars as f64 / 50.0).min(3.0);
        let owner = line.owner;
        let container = if PARAGRAPHS.contains(&els[owner].name.as_str()) { els[owner].parent } else { owner };
        score[container] += s;
        let up = els[container].parent;
        if up != container {
            score[up] += s / 2.0;
            let up2 = els[up].parent;
            if up2 != up {
                score[up2] += s / 3.0;
            }
        }
    }
    // text and link chars of whole subtrees (children have larger indices than their parents)
    let mut text_chars: Vec<usize> = els.iter().map(|e| e.chars).collect();
    let mut link_chars: Vec<usize> = els.iter().map(|e| e.link_chars).collect();
    for i in (1..n).rev() {
        let p = els[i].parent;
        text_chars[p] += text_chars[i];
        link_chars[p] += link_chars[i];
    }
    let density = |i: usize| ratio(link_chars[i], text_chars[i]);
    let fin: Vec<f64> = (0..n).map(|i| score[i] * (1.0 - density(i)) * els[i].hint).collect();
    let mut top = None;
    for (i, &f) in fin.iter().enumerate().skip(1) {
        if f > 0.0 && top.is_none_or(|t: usize| f > fin[t]) {
            top = Some(i);
        }
    }
    let Some(top) = top else {
        // nothing reads like an article: every line, the cleaner decides
        return Region { roots: vec![0], lines: (0..flat.lines.len()).collect() };
    };
    let parent = els[top].parent;
    let threshold = (0.2 * fin[top]).max(10.0);
    let mut roots = Vec::new();
    let mut i = parent + 1;
    while i < els[parent].end {
        let sibling = &els[i];
        let own_density = ratio(sibling.link_chars, sibling.chars);
        let prose = PARAGRAPHS.contains(&sibling.name.as_str())
            && own_density < 0.25
            && (sibling.chars >= 80 || sibling.chars >= 20 && ends_a_sentence(flat, i));
        if i == top || fin[i] >= threshold && density(i) < 0.25 || prose {
            roots.push(i);
        }
        i = sibling.end;
    }
    let region = Region { roots, lines: Vec::new() };
    let kept = flat
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| region.contains_el(els, l.owner))
        .filter(|(_, l)| keep_in_body(flat, &region, l))
        .map(|(i, _)| i)
        .collect();
    Region { lines: kept, ..region }
}

fn ends_a_sentence(flat: &Flat, el: usize) -> bool {
    flat.els[el].last_line.is_some_and(|i| flat.lines[i].text.ends_with(['。', '！', '？', '”', '）']))
}

fn keep_in_body(flat: &Flat, region: &Region, line: &Line) -> bool {
    if clean::credits(&line.text).is_some() {
        return true;
    }
    if line.link_density() > 0.5 {
        return false;
    }
    let in_furniture = flat.els[line.owner].furniture.is_some_and(|f| region.contains_el(&flat.els, f));
    !(in_furniture && (line.punct == 0 || line.link_density() > 0.25))
}

/// The `<h1>` inside the body, else the last one before it.
fn nearest_h1(flat: &Flat, region: &Region) -> Option<usize> {
    let start = region.roots.first().copied()?;
    flat.h1s
        .iter()
        .copied()
        .find(|&h| region.contains_el(&flat.els, h))
        .or_else(|| flat.h1s.iter().copied().rfind(|&h| h < start))
        .filter(|&h| !heading_text(flat, h).is_empty())
}

fn heading_text(flat: &Flat, h: usize) -> String {
    let parts: Vec<&str> = flat.lines.iter().filter(|l| owned_by(flat, l.owner, h)).map(|l| l.text.as_str()).collect();
    parts.join(" ")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The title: the `<h1>` when the page's title agrees, else `og:title`, else `<title>`.
fn title(doc: &Html, h1: Option<&str>) -> Option<String> {
    let mut title_tag = None;
    let mut og = None;
    for node in doc.tree.root().descendants() {
        let Node::Element(e) = node.value() else { continue };
        match e.name() {
            "title" if title_tag.is_none() => {
                let text: String = node.descendants().filter_map(|n| n.value().as_text().map(|t| &**t)).collect();
                title_tag = Some(collapse(&text)).filter(|t| !t.is_empty());
            }
            "meta" if og.is_none() => {
                let key = e.attr("property").or_else(|| e.attr("name")).unwrap_or("");
                if key.eq_ignore_ascii_case("og:title") {
                    og = e.attr("content").map(collapse).filter(|t| !t.is_empty());
                }
            }
            _ => {}
        }
    }
    let h1 = h1.map(collapse).filter(|h| h.chars().count() >= 4);
    let og = og.map(|t| clean::strip_site_suffix(&t));
    let title_tag = title_tag.map(|t| clean::strip_site_suffix(&t));
    if let Some(h) = &h1 {
        // the page's title is the heading, perhaps shortened or with more words around it; a
        // heading that is only a small part of it (the site's name) does not agree
        let agrees = |t: &Option<String>| {
            t.as_deref().is_some_and(|t| {
                h.contains(t) || t.contains(h.as_str()) && 5 * h.chars().count() >= 3 * t.chars().count()
            })
        };
        if agrees(&title_tag) || agrees(&og) || title_tag.is_none() && og.is_none() {
            return h1;
        }
    }
    og.or(title_tag).filter(|t| !t.is_empty()).or(h1)
}

/// The publication date from the page's meta tags.
fn meta_date(doc: &Html) -> Option<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for node in doc.tree.root().descendants() {
        let Node::Element(e) = node.value() else { continue };
        if e.name() != "meta" {
            continue;
        }
        let key = ["name", "property", "itemprop", "http-equiv"]
            .iter()
            .find_map(|a| e.attr(a))
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let Some(rank) = Lexicon::get().html_date_metas.iter().position(|k| k == key) else { continue };
        if let Some(date) = e.attr("content").and_then(date_value) {
            found.push((rank, date));
        }
    }
    found.into_iter().min_by_key(|(rank, _)| *rank).map(|(_, d)| d)
}

/// A date from an attribute value: "2020-05-14T09:57:02+08:00", "2020/5/14", "20200514".
fn date_value(v: &str) -> Option<String> {
    find_date(v).or_else(|| {
        let digits: String = v.trim().chars().take_while(char::is_ascii_digit).collect();
        if digits.len() < 8 {
            return None;
        }
        let d = &digits[..8];
        find_date(&format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..8]))
    })
}

/// A `<time datetime>` inside the body, else the nearest one before it.
fn time_near(flat: &Flat, region: &Region) -> Option<String> {
    let start = region.roots.first().copied().unwrap_or(0);
    let dated: Vec<(usize, String)> = flat.times.iter().filter_map(|(el, v)| date_value(v).map(|d| (*el, d))).collect();
    dated
        .iter()
        .find(|(el, _)| region.contains_el(&flat.els, *el))
        .or_else(|| dated.iter().rfind(|(el, _)| *el < start))
        .map(|(_, d)| d.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWS: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>云岭市与海川市缔结友好城市_要闻_云岭新闻网</title>
<meta property="og:title" content="云岭市与海川市缔结友好城市">
<meta name="publishdate" content="2021-06-08">
<style>.nav{color:red}</style><script>var x = "<p>脚本</p>";</script></head>
<body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/a">要闻</a></li><li><a href="/b">区县</a></li><li><a href="/c">财经</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/a">要闻</a> &gt; 正文</div>
<div class="main">
  <h1>云岭市与海川市缔结友好城市</h1>
  <div class="info">来源：云岭日报　时间：2021-06-08 10:20　作者：周明</div>
  <div class="share">分享到：<a>微博</a> <a>微信</a> <a>QQ空间</a></div>
  <div id="article-content">
    <p>6月8日，云岭市与海川市在海川举行友好城市缔结仪式，两市市长签署了友好城市协议书。</p>
    <p>根据协议，双方将在教育、科技、文化旅游和现代农业等领域开展长期合作，并共同设立&ldquo;两市联合创新基金&rdquo;。</p>
    <p>云岭市市长李建华表示，两地山水相连、人文相亲，缔结友好城市是双方深化合作的新起点。</p>
    <p><img src="a.jpg"><br>签约仪式现场。（摄影 蒋瑞）</p>
    <p>海川市市长欧阳明表示，海川愿与云岭携手，推动更多合作项目落地见效。</p>
  </div>
  <div class="editor">[责任编辑：王小雨]</div>
  <div class="related"><h3>相关新闻</h3><ul>
    <li><a href="/1">云岭市召开全市经济工作会议部署全年重点任务</a></li>
    <li><a href="/2">海川市举办第五届国际文化旅游节开幕式</a></li>
    <li><a href="/3">两市签署文化旅游合作框架协议的背景解读</a></li></ul></div>
  <div class="comment-box"><h3>网友评论</h3><form><textarea>我来说两句</textarea><button>发表评论</button></form>
    <p>已有0条评论</p></div>
</div>
<div class="footer"><p>关于我们 | 联系我们 | 网站地图</p><p>Copyright © 2021 云岭新闻网 版权所有</p></div>
</body></html>"#;

    #[test]
    fn the_body_its_heading_and_credits_without_the_page_around_them() {
        let a = extract(NEWS);
        assert_eq!(
            a.text,
            "云岭市与海川市缔结友好城市\n\
             来源：云岭日报　时间：2021-06-08 10:20　作者：周明\n\
             6月8日，云岭市与海川市在海川举行友好城市缔结仪式，两市市长签署了友好城市协议书。\n\
             根据协议，双方将在教育、科技、文化旅游和现代农业等领域开展长期合作，并共同设立“两市联合创新基金”。\n\
             云岭市市长李建华表示，两地山水相连、人文相亲，缔结友好城市是双方深化合作的新起点。\n\
             签约仪式现场。（摄影 蒋瑞）\n\
             海川市市长欧阳明表示，海川愿与云岭携手，推动更多合作项目落地见效。\n\
             [责任编辑：王小雨]"
        );
        assert_eq!(a.title.as_deref(), Some("云岭市与海川市缔结友好城市"));
        assert_eq!(a.published.as_deref(), Some("2021-06-08"));
    }

    #[test]
    fn br_separated_paragraphs_in_a_table_layout() {
        let page = "<html><body><table><tr><td><a href=/>首页</a> <a href=/n>新闻</a></td></tr>\
            <tr><td>第一段，云岭市今年新建学校十所。<br><br>第二段，海川市新增公交线路二十条。<br>第三段，两市将继续推进合作。</td></tr>\
            </table></body></html>";
        let a = extract(page);
        assert_eq!(
            a.text,
            "第一段，云岭市今年新建学校十所。\n第二段，海川市新增公交线路二十条。\n第三段，两市将继续推进合作。"
        );
    }

    #[test]
    fn a_furniture_class_only_tilts_the_score() {
        // the article sits in a box whose class says "comment"; its prose still wins over a menu
        let page = "<html><body><div class=menu><a>首页</a><a>新闻</a><a>图片</a></div>\
            <div class=comment-wrap><p>云岭市今年将新建学校十所，新增学位一万个，缓解城区入学压力。</p>\
            <p>市教育局表示，新学校将于明年秋季开学，并同步配齐师资。</p></div></body></html>";
        let a = extract(page);
        assert!(a.text.contains("新增学位一万个") && a.text.contains("同步配齐师资"), "{}", a.text);
        assert!(!a.text.contains("首页"));
    }

    #[test]
    fn title_falls_back_to_the_title_tag_without_site_suffix() {
        let page = "<html><head><title>海川市新增公交线路二十条 - 海川在线</title></head>\
            <body><h1>海川在线</h1><div><p>海川市交通局宣布，今年将新增公交线路二十条，覆盖新城区。</p></div></body></html>";
        assert_eq!(extract(page).title.as_deref(), Some("海川市新增公交线路二十条"));
    }

    #[test]
    fn dates_from_meta_or_time_elements() {
        let meta = "<html><head><meta property=\"article:published_time\" content=\"2020-05-14T09:57:02+08:00\"></head>\
            <body><p>云岭市今年将新建学校十所，新增学位一万个。</p></body></html>";
        assert_eq!(extract(meta).published.as_deref(), Some("2020-05-14"));
        let time = "<html><body><article><time datetime=\"2019-12-01\">12月1日</time>\
            <p>云岭市今年将新建学校十所，新增学位一万个。</p></article></body></html>";
        assert_eq!(extract(time).published.as_deref(), Some("2019-12-01"));
        let compact = "<html><head><meta name=\"pubdate\" content=\"20220418\"></head><body><p>正文内容，足够长的一句话。</p></body></html>";
        assert_eq!(extract(compact).published.as_deref(), Some("2022-04-18"));
    }

    #[test]
    fn a_page_without_prose_keeps_all_its_lines() {
        let a = extract("<html><body><div>甲</div><div>乙</div></body></html>");
        assert_eq!(a.text, "甲\n乙");
    }

    #[test]
    fn deep_nesting_is_flattened_past_the_limit() {
        let page = format!(
            "{}<p>正文内容，足够长的一句话。</p><p>后记，也是一句话。</p>{}",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        let limited = simplify_markup(&page, MAX_DEPTH).unwrap();
        assert_eq!(limited.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(limited.matches("</div>").count(), MAX_DEPTH);
        let text = extract(&page).text;
        assert!(text.contains("正文内容") && text.contains("后记"), "{text}");
        assert_eq!(simplify_markup("<div><p>a</p><script>if (a<b) {}</script></div>", 2), None);
    }

    #[test]
    fn formatting_tags_are_removed_before_parsing() {
        use std::fmt::Write;
        let page = "<div><p><b>加粗</b>和<FONT color=red>红字</font>，<a href=x>链接</a>。</p></div>";
        assert_eq!(simplify_markup(page, MAX_DEPTH).unwrap(), "<div><p>加粗和红字，<a href=x>链接</a>。</p></div>");
        // misnested formatting elements no longer multiply: one paragraph per <p>, text intact
        let mut misnested = String::new();
        for i in 0..2000 {
            write!(misnested, "<p><b><i id={i}>第{i}段文字，内容。</p>").unwrap();
        }
        let a = extract(&misnested);
        assert_eq!(a.text.lines().count(), 2000);
        assert!(a.text.ends_with("第1999段文字，内容。"), "{}", a.text);
    }
}
