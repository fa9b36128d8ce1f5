//! Fuzz target: bytes → decode → HTML article extraction → cleaning (`ingest::from_bytes` on an
//! HTML page), and the same bytes as a plain-text page. Checks that ingest never panics and that
//! a document's sentence spans lie inside its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhitu::ingest::{self, ArticleFormat};

fuzz_target!(|data: &[u8]| {
    for (name, format) in [("fuzz.html", ArticleFormat::Html), ("fuzz.txt", ArticleFormat::PlainText)] {
        if let Ok(doc) = ingest::from_bytes(name, data, format) {
            let chars = doc.text.chars().count();
            assert!(!doc.text.trim().is_empty());
            assert!(doc.sentences.iter().all(|s| s.start < s.end && s.end <= chars));
            assert!(doc.replaced_bytes <= data.len());
        }
    }
});
