//! HTML → visible text: drops markup, scripts, styles and comments, turns block elements into
//! line breaks, decodes character references, and reads the `<title>`.
//!
//! Deliberately tolerant (scraped pages are rarely valid HTML) and dependency-free. Choosing the
//! article body among a page's blocks is the cleaner's job, not this module's.

/// The visible text of a page and its `<title>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub title: Option<String>,
    pub text: String,
}

const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "svg", "head", "title", "iframe", "select"];
const BLOCKS: &[&str] = &[
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
    "option",
];

/// Extracts visible text and the title from an HTML page.
#[must_use]
pub fn to_text(html: &str) -> Page {
    let mut out = String::with_capacity(html.len() / 2);
    let title = read_title(html);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // an unclosed '<' is text
            push_text(&mut out, rest);
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if !closing && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
            let close = format!("</{name}");
            rest = find_ci(rest, &close).map_or("", |e| &rest[e..]);
            continue;
        }
        if BLOCKS.contains(&name.as_str()) && !out.ends_with('\n') {
            out.push('\n');
        }
    }
    push_text(&mut out, rest);
    let text = out.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
    Page { title, text }
}

fn push_text(out: &mut String, raw: &str) {
    if raw.is_empty() {
        return;
    }
    let decoded = decode_entities(raw);
    for c in decoded.chars() {
        if c.is_whitespace() && c != '\u{3000}' {
            if !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

fn read_title(html: &str) -> Option<String> {
    let open = find_ci(html, "<title")?;
    let body = &html[open..];
    let start = body.find('>')? + 1;
    let end = find_ci(body, "</title").unwrap_or(body.len()).max(start);
    Some(collapse(&decode_entities(&body[start..end]))).filter(|t| !t.is_empty())
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let lower = hay.to_ascii_lowercase();
    lower.find(needle)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes named (the common ones) and numeric character references.
#[must_use]
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| entity(&rest[1..i]).map(|c| (c, i)));
        if let Some((c, i)) = decoded {
            out.push(c);
            rest = &rest[i + 1..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" => ' ',
        "middot" => '·',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines_and_scripts_vanish() {
        let page = to_text(
            "<html><head><title> 北碚 &amp; 绵阳 </title><style>p{}</style></head>\
             <body><script>var a = '<p>';</script><p>第一段&nbsp;文字。</p><div>第二段<br>第三段</div>\
             <!-- <p>注释</p> --></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("北碚 & 绵阳"));
        assert_eq!(page.text, "第一段 文字。\n第二段\n第三段");
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entities("&#21271;&#x789A;&ldquo;x&rdquo; & y &bogus;"), "北碚“x” & y &bogus;");
    }

    #[test]
    fn unclosed_markup_is_kept_as_text() {
        assert_eq!(to_text("a < b").text, "a < b");
    }
}
