//! Fuzz target: bytes → `ingest::decode` (with the page's declared charset, as HTML ingest does).
//! Checks that decoding never panics and that what it reports is consistent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhitu::ingest::decode::{self, Charset};

fuzz_target!(|data: &[u8]| {
    let declared = decode::declared_charset(data);
    if let Ok(d) = decode::decode(data, declared) {
        assert!(d.replaced_bytes <= data.len());
        if d.charset == Charset::Utf8 && d.replaced_bytes == 0 {
            let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
            assert_eq!(d.text.as_bytes(), body, "clean UTF-8 is kept byte for byte");
        }
    }
});
