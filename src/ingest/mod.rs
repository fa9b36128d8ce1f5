//! Ingest: bytes of a file → a cleaned [`Document`].
//!
//! Owns encoding detection ([`decode`]), HTML → visible text ([`html`]), removal of page chrome and
//! repeated blocks plus metadata (title, source, date, reporter) ([`clean`]), and sentence spans
//! ([`sentences`]). Knows nothing of entities or graphs.

pub mod clean;
pub mod decode;
pub mod html;
pub mod sentences;

use std::path::Path;

use crate::text::Span;

/// One article after cleaning: the text the graph's offsets point into, plus its metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The path or name the article was read from, as the user gave it.
    pub path: String,
    pub title: String,
    /// The publishing outlet (来源), if the page names one.
    pub source: Option<String>,
    /// Publication date as `YYYY-MM-DD`, if the page gives one.
    pub published: Option<String>,
    /// Reporters and authors (记者 …).
    pub authors: Vec<String>,
    /// The cleaned text: each paragraph once, one paragraph a line.
    pub text: String,
    /// Sentence spans (char offsets into `text`), derived from `text`.
    pub sentences: Vec<Span>,
}

impl Document {
    /// Builds a document from cleaned text and metadata; sentences are derived from the text.
    #[must_use]
    pub fn new(path: String, title: String, text: String) -> Self {
        let sentences = sentences::split(&text);
        Self { path, title, source: None, published: None, authors: Vec::new(), text, sentences }
    }

    /// The index of the sentence holding char offset `pos`.
    #[must_use]
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        self.sentences.get(i).filter(|s| s.start <= pos).map(|_| i)
    }
}

/// Why a file could not become a document.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    Encoding { path: String, reason: String },
    #[error("{path}: no article text found")]
    Empty { path: String },
}

/// The kinds of article file ingest understands, decided by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleFormat {
    PlainText,
    Html,
}

impl ArticleFormat {
    /// The format for a file name; `None` for files that are not articles (e.g. `.json`).
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" => Some(Self::PlainText),
            "html" | "htm" | "xhtml" | "shtml" => Some(Self::Html),
            _ => None,
        }
    }
}

/// Reads and cleans one article file.
///
/// # Errors
/// The file cannot be read, is not in a supported encoding, or holds no text.
pub fn load_path(path: &Path) -> Result<Document, IngestError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io { path: name.clone(), source })?;
    let format = ArticleFormat::from_path(path).unwrap_or(ArticleFormat::PlainText);
    from_bytes(&name, &bytes, format)
}

/// Cleans an article given as bytes; `name` is used as the document's path and in errors.
///
/// # Errors
/// The bytes are not in a supported encoding, or hold no text.
pub fn from_bytes(name: &str, bytes: &[u8], format: ArticleFormat) -> Result<Document, IngestError> {
    let raw = decode::decode(bytes).map_err(|reason| IngestError::Encoding { path: name.to_owned(), reason })?;
    let (html_title, visible) = match format {
        ArticleFormat::Html => {
            let page = html::to_text(&raw);
            (page.title, page.text)
        }
        ArticleFormat::PlainText => (None, raw),
    };
    let cleaned = clean::clean(&visible);
    if cleaned.text.trim().is_empty() {
        return Err(IngestError::Empty { path: name.to_owned() });
    }
    let title = html_title
        .map(|t| clean::strip_site_suffix(&t))
        .filter(|t| !t.is_empty())
        .or(cleaned.title)
        .unwrap_or_else(|| file_stem(name));
    let mut doc = Document::new(name.to_owned(), title, cleaned.text);
    doc.source = cleaned.source;
    doc.published = cleaned.published;
    doc.authors = cleaned.authors;
    Ok(doc)
}

fn file_stem(name: &str) -> String {
    Path::new(name).file_stem().map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(ArticleFormat::from_path(Path::new("a.TXT")), Some(ArticleFormat::PlainText));
        assert_eq!(ArticleFormat::from_path(Path::new("a/b.htm")), Some(ArticleFormat::Html));
        assert_eq!(ArticleFormat::from_path(Path::new("g.json")), None);
    }

    #[test]
    fn sentence_lookup() {
        let doc = Document::new("x".into(), "t".into(), "甲说。乙说。\n丙".into());
        assert_eq!(doc.sentence_at(0), Some(0));
        assert_eq!(doc.sentence_at(4), Some(1));
        assert_eq!(doc.sentence_at(7), Some(2));
        assert_eq!(doc.sentence_at(70), None);
    }

    #[test]
    fn empty_article_is_an_error_naming_the_file() {
        let err = from_bytes("empty.txt", b"  \n\n", ArticleFormat::PlainText).unwrap_err();
        assert_eq!(err.to_string(), "empty.txt: no article text found");
    }

    #[test]
    fn html_title_wins() {
        let html =
            "<html><head><title>北碚区打造四地一枢纽_某某网</title></head><body><p>北碚区位于重庆。</p></body></html>";
        let doc = from_bytes("a.html", html.as_bytes(), ArticleFormat::Html).unwrap();
        assert_eq!(doc.title, "北碚区打造四地一枢纽");
        assert_eq!(doc.text, "北碚区位于重庆。");
    }
}
