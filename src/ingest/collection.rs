//! Plain-text files too big to be one article: a dump of many articles or paragraphs (an
//! analyst's export, a crawl written to one file, even one enormous line). Such a file is read
//! and decoded once and cut at paragraph breaks into parts of at most [`PART_CHARS`] characters,
//! each its own document (`dump.txt#3`), so that extraction runs on the parts in parallel and in
//! bounded memory instead of on one document of millions of characters.
//!
//! Parts are not cleaned as articles are (a footer or repeated line inside a dump is not the end
//! of it); lines are trimmed, control characters dropped and empty lines skipped.

use std::path::Path;

use super::{ArticleFormat, Document, IngestError, decode};

/// Plain-text files larger than this (4 MiB, a thousand times a news article) are collections.
pub const COLLECTION_BYTES: u64 = 4 << 20;

/// The most characters in one part: a few dozen articles' worth.
pub const PART_CHARS: usize = 50_000;

/// Whether a file of this path and size is read as a collection of parts.
#[must_use]
pub fn is_collection(path: &Path, size: u64) -> bool {
    size > COLLECTION_BYTES && ArticleFormat::from_path(path) == Some(ArticleFormat::PlainText)
}

/// Reads a collection file into its parts, in order.
///
/// # Errors
/// The file cannot be read, is too large, is not in a supported encoding, or holds no text.
pub fn load_parts(path: &Path) -> Result<Vec<Document>, IngestError> {
    let name = path.display().to_string();
    let bytes = super::read_limited(path)?;
    let decoded = decode::decode(&bytes, None).map_err(|source| IngestError::Decode { path: name.clone(), source })?;
    drop(bytes);
    let parts = split_parts(&decoded.text, PART_CHARS);
    if parts.is_empty() {
        return Err(IngestError::Empty { path: name });
    }
    let stem = path.file_stem().map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
    let n = parts.len();
    Ok(parts
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let mut doc = Document::new(format!("{name}#{}", i + 1), format!("{stem} ({}/{n})", i + 1), text);
            decoded.charset.name().clone_into(&mut doc.encoding);
            // the replaced bytes are counted once, on the first part
            doc.replaced_bytes = if i == 0 { decoded.replaced_bytes } else { 0 };
            doc
        })
        .collect())
}

/// Cuts text into parts of at most `max` characters (`max` ≥ 1): whole lines where they fit, a
/// longer line at sentence ends, a longer sentence wherever it must.
#[must_use]
pub fn split_parts(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut parts = Vec::new();
    let mut part = String::new();
    let mut part_chars = 0;
    for raw in text.lines() {
        let line: String = raw.trim().chars().filter(|c| !c.is_control()).collect();
        if line.is_empty() {
            continue;
        }
        for piece in pieces(&line, max) {
            let n = piece.chars().count();
            if part_chars > 0 && part_chars + 1 + n > max {
                parts.push(std::mem::take(&mut part));
                part_chars = 0;
            }
            if part_chars > 0 {
                part.push('\n');
                part_chars += 1;
            }
            part.push_str(piece);
            part_chars += n;
        }
    }
    if part_chars > 0 {
        parts.push(part);
    }
    parts
}

/// A line cut into pieces of at most `max` characters: at sentence ends where possible.
fn pieces(line: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    let mut left = rest.chars().count();
    while left > max {
        // byte offset after the max-th char, and after the last sentence end before it
        let limit = rest.char_indices().nth(max).map_or(rest.len(), |(b, _)| b);
        let cut = rest[..limit]
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, '。' | '！' | '？' | '!' | '?' | '；'))
            .map_or(limit, |(b, c)| b + c.len_utf8());
        out.push(&rest[..cut]);
        left -= rest[..cut].chars().count();
        rest = &rest[cut..];
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_keep_whole_lines_and_stay_under_the_limit() {
        let text = "甲地开工。\n\n乙地签约。\r\n丙地投产。\n丁地竣工。\n";
        let parts = split_parts(text, 11);
        assert_eq!(parts, ["甲地开工。\n乙地签约。", "丙地投产。\n丁地竣工。"]);
        assert_eq!(parts.concat().replace('\n', ""), text.replace(['\n', '\r'], ""));
    }

    #[test]
    fn one_enormous_line_is_cut_at_sentence_ends() {
        let line = "北碚区与绵阳市签署协议。".repeat(1000);
        let parts = split_parts(&line, 100);
        assert!(parts.iter().all(|p| p.chars().count() <= 100));
        assert!(parts.iter().all(|p| p.ends_with('。')), "a part was cut inside a sentence");
        assert_eq!(parts.concat().replace('\n', ""), line);
    }

    #[test]
    fn a_sentence_longer_than_a_part_is_cut_anyway() {
        let line = "很".repeat(250);
        let parts = split_parts(&line, 100);
        assert_eq!(parts.iter().map(|p| p.chars().count()).collect::<Vec<_>>(), [100, 100, 50]);
    }

    #[test]
    fn a_collection_file_becomes_numbered_parts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dump.txt");
        let para = "西南大学位于重庆市北碚区，学校与绵阳市开展合作。\n";
        let copies = (COLLECTION_BYTES as usize / para.len()) + 10;
        let mut text = String::with_capacity(copies * (para.len() + 8));
        for i in 0..copies {
            text.push_str(&i.to_string());
            text.push_str("条：");
            text.push_str(para);
        }
        std::fs::write(&path, &text).unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        assert!(is_collection(&path, size));
        assert!(!is_collection(&dir.path().join("page.html"), size));
        let parts = load_parts(&path).unwrap();
        assert!(parts.len() > 1);
        assert!(parts.iter().all(|d| d.text.chars().count() <= PART_CHARS));
        assert_eq!(parts[1].path, format!("{}#2", path.display()));
        assert!(parts[0].title.starts_with("dump (1/"));
        let total: usize = parts.iter().map(|d| d.text.lines().count()).sum();
        assert_eq!(total, copies, "a line was lost or split");
    }
}
