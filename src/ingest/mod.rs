//! Ingest: bytes of a file → a cleaned [`Document`].
//!
//! Owns encoding detection ([`decode`]), HTML → article text and page metadata by content density
//! ([`html`]), removal of page chrome and repeated blocks plus the credit lines' fields (title,
//! source, date, authors, editor) ([`clean`]), and sentence spans ([`sentences`]). Knows nothing
//! of entities or graphs. Files above [`MAX_ARTICLE_BYTES`] are refused before they are read;
//! plain-text files above [`collection::COLLECTION_BYTES`] are read as collections of parts.

pub mod clean;
pub mod collection;
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
    /// Reporters, authors, correspondents and photographers (记者, 作者, 通讯员, 摄影): names only.
    pub authors: Vec<String>,
    /// The editor (责任编辑, 编辑), if the page names one.
    pub editor: Option<String>,
    /// The encoding the bytes were read in, as detected: "UTF-8", "UTF-16LE", "UTF-16BE",
    /// "GB18030", "Big5".
    pub encoding: String,
    /// Bytes that could not be decoded and became U+FFFD.
    pub replaced_bytes: usize,
    /// The cleaned text: each paragraph once, one paragraph a line; credit lines (来源, 记者,
    /// 编辑 …) stay in it, since they are evidence for the outlet and the people they name.
    pub text: String,
    /// Sentence spans (char offsets into `text`), derived from `text`.
    pub sentences: Vec<Span>,
}

impl Document {
    /// Builds a document from cleaned text and metadata; sentences are derived from the text.
    #[must_use]
    pub fn new(path: String, title: String, text: String) -> Self {
        let sentences = sentences::split(&text);
        Self {
            path,
            title,
            source: None,
            published: None,
            authors: Vec::new(),
            editor: None,
            encoding: decode::Charset::Utf8.name().to_owned(),
            replaced_bytes: 0,
            text,
            sentences,
        }
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
    #[error("{path}: {source}")]
    Decode {
        path: String,
        #[source]
        source: decode::DecodeError,
    },
    #[error("{path}: the file is {size} bytes, above the {limit}-byte (64 MiB) limit for one file; split it")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: no article text found")]
    Empty { path: String },
}

/// The largest article file ingest reads: 64 MiB. A news article is a few kilobytes and the
/// largest scraped pages a few megabytes; a bigger file is a dump, an archive or a mistake, and
/// reading it whole (and decoding it, twice for legacy encodings) would take hundreds of MB.
pub const MAX_ARTICLE_BYTES: u64 = 64 << 20;

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
    let bytes = read_limited(path)?;
    let format = ArticleFormat::from_path(path).unwrap_or(ArticleFormat::PlainText);
    from_bytes(&path.display().to_string(), &bytes, format)
}

/// A file's bytes, refused above [`MAX_ARTICLE_BYTES`] before they are read.
fn read_limited(path: &Path) -> Result<Vec<u8>, IngestError> {
    use std::io::Read;
    let name = path.display().to_string();
    let io = |source| IngestError::Io { path: name.clone(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    let too_large = |size| IngestError::TooLarge { path: name.clone(), size, limit: MAX_ARTICLE_BYTES };
    if size > MAX_ARTICLE_BYTES {
        return Err(too_large(size));
    }
    // the length can lie (a growing file, a device): never read past the limit
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Cleans an article given as bytes; `name` is used as the document's path and in errors.
///
/// # Errors
/// The bytes are not in a supported encoding, or hold no text.
pub fn from_bytes(name: &str, bytes: &[u8], format: ArticleFormat) -> Result<Document, IngestError> {
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(IngestError::TooLarge {
            path: name.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let declared = match format {
        ArticleFormat::Html => decode::declared_charset(bytes),
        ArticleFormat::PlainText => None,
    };
    let decoded =
        decode::decode(bytes, declared).map_err(|source| IngestError::Decode { path: name.to_owned(), source })?;
    let (page, visible) = match format {
        ArticleFormat::Html => {
            let mut page = html::extract(&decoded.text);
            let text = std::mem::take(&mut page.text);
            (Some(page), text)
        }
        ArticleFormat::PlainText => (None, decoded.text),
    };
    let cleaned = clean::clean(&visible);
    if cleaned.text.trim().is_empty() {
        return Err(IngestError::Empty { path: name.to_owned() });
    }
    let page = page.unwrap_or_default();
    let title = page.title.filter(|t| !t.is_empty()).or(cleaned.title).unwrap_or_else(|| file_stem(name));
    let mut doc = Document::new(name.to_owned(), title, cleaned.text);
    doc.source = cleaned.source;
    doc.published = page.published.or(cleaned.published);
    doc.authors = cleaned.authors;
    doc.editor = cleaned.editor;
    decoded.charset.name().clone_into(&mut doc.encoding);
    doc.replaced_bytes = decoded.replaced_bytes;
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
