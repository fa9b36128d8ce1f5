//! Byte decoding: an article's bytes → text, the encoding that was used, and how many bytes had to
//! be replaced.
//!
//! Supported encodings: UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or without one when
//! the NUL bytes say so), GB18030 (which contains GBK and GB2312, so pages labelled either are read
//! as GB18030) and Big5. Legacy encodings are told apart by `chardetng`'s frequency model; bytes
//! are turned into text by `encoding_rs`.
//!
//! The order of decisions, and why:
//! 1. A BOM wins: it is deliberate and unambiguous (a UTF-32 LE BOM is refused, not misread).
//! 2. Magic numbers of common binary formats (images, PDF, archives, compressed files, office
//!    documents, executables) refuse the file with the format's name.
//! 3. A NUL byte within the first [`NUL_SCAN_BYTES`] bytes means binary, unless the bytes read as
//!    plausible UTF-16 in one byte order (text in UTF-16 without a BOM).
//! 4. Bytes that are valid UTF-8 are UTF-8, whatever a page declares: legacy Chinese text is
//!    practically never valid UTF-8, so a `charset=gbk` label on UTF-8 bytes is a stale label.
//! 5. UTF-8 with a few bad bytes (at most [`MAX_REPLACED_SHARE`] of its non-ASCII bytes) stays
//!    UTF-8; the bad bytes become U+FFFD. Text in GB18030 or Big5 read as UTF-8 breaks on most of
//!    its non-ASCII bytes, far above that share.
//! 6. Otherwise GB18030 and Big5 are both read. GBK and Big5 byte pairs overlap so much that either
//!    reading is usually free of errors, so errors alone cannot choose: `chardetng` judges which
//!    reading is Chinese text, after the bytes that reading cannot decode are blanked out (the
//!    detector rejects an encoding at its first bad byte, and a few bad bytes must not decide). A
//!    declared GB18030/GBK/GB2312 or Big5 label is honoured when the detector accepts that
//!    reading; a declared UTF-8 label on bytes that are not UTF-8 is ignored.
//! 7. A reading that replaces more than [`MAX_REPLACED_SHARE`] of its bytes (and more than
//!    [`MIN_REPLACED_TO_REFUSE`] bytes) is not text in that encoding; when no reading is good
//!    enough the file is refused with the best share.

use encoding_rs::{BIG5, DecoderResult, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

/// How many leading bytes are searched for NUL bytes (the same window git uses to call a file
/// binary). Text never contains NUL; nearly every binary format has some in its first kilobytes.
pub const NUL_SCAN_BYTES: usize = 8192;

/// The largest share of the bytes considered (non-ASCII bytes for UTF-8/GB18030/Big5, whose ASCII
/// always decodes; all bytes for UTF-16) that may be replaced by U+FFFD before a reading is
/// rejected: one in ten.
///
/// Why ten percent: damage in real files (a truncated download, a pasted snippet in another
/// encoding, a broken byte or two) touches well under 1% of the bytes, so the limit leaves an
/// order of magnitude for badly damaged but still readable pages. Wrong readings sit far above
/// it: GB18030 or Big5 text read as UTF-8 loses most of its non-ASCII bytes (the tests measure
/// it), and random bytes read as GB18030 or Big5 lose about a fifth (measured in the tests too).
pub const MAX_REPLACED_SHARE: f64 = 0.10;

/// A reading is only refused for its share when it replaces more than this many bytes, so a short
/// text with one broken character is still read.
pub const MIN_REPLACED_TO_REFUSE: usize = 8;

/// How many leading bytes of an HTML page are searched for a `<meta charset>` declaration. HTML's
/// own prescan looks at 1024 bytes; Chinese pages often put scripts first, so a little more.
pub const META_SCAN_BYTES: usize = 4096;

/// At most this many bytes are shown to the encoding detector: far more than it needs to tell
/// GB18030 from Big5, and it keeps detection time flat on very large files.
const DETECT_BYTES: usize = 4 << 20;

/// An encoding ingest reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Utf8,
    Utf16Le,
    Utf16Be,
    Gb18030,
    Big5,
}

impl Charset {
    /// The name recorded in documents: "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5".
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
            Self::Gb18030 => "GB18030",
            Self::Big5 => "Big5",
        }
    }

    const fn encoding(self) -> &'static Encoding {
        match self {
            Self::Utf8 => UTF_8,
            Self::Utf16Le => UTF_16LE,
            Self::Utf16Be => UTF_16BE,
            Self::Gb18030 => GB18030,
            Self::Big5 => BIG5,
        }
    }

    /// The supported charset an `encoding_rs` encoding stands for: GBK (which is what the labels
    /// gbk, gb2312, chinese … resolve to) is read as GB18030, its superset.
    fn of(encoding: &'static Encoding) -> Option<Self> {
        if encoding == UTF_8 {
            Some(Self::Utf8)
        } else if encoding == GBK || encoding == GB18030 {
            Some(Self::Gb18030)
        } else if encoding == BIG5 {
            Some(Self::Big5)
        } else {
            None
        }
    }
}

/// Decoded text and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub charset: Charset,
    /// Bytes that could not be decoded and became U+FFFD (one U+FFFD per malformed sequence).
    pub replaced_bytes: usize,
}

/// Why bytes are not an article's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("not a text file: the bytes are {0}")]
    Binary(&'static str),
    #[error("not a text file: NUL byte at offset {offset} (binary data, and not UTF-16 text)")]
    Nul { offset: usize },
    #[error("not text in a supported encoding (UTF-8, UTF-16, GB18030, Big5): it reads as {0}, which is not supported")]
    Unsupported(&'static str),
    #[error(
        "not text in a supported encoding (UTF-8, UTF-16, GB18030, Big5): the best reading, as {charset}, \
         would replace {replaced} of {considered} bytes ({percent}%)"
    )]
    TooManyReplaced { charset: &'static str, replaced: usize, considered: usize, percent: usize },
}

/// Decodes article bytes. `declared` is the encoding a page declares (see [`declared_charset`]);
/// it is honoured only when the bytes agree with it.
///
/// # Errors
/// The bytes are binary, or not text in any supported encoding.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        return Err(DecodeError::Unsupported("UTF-32LE"));
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let charset =
            Charset::of(encoding).unwrap_or(if encoding == UTF_16BE { Charset::Utf16Be } else { Charset::Utf16Le });
        let body = &bytes[bom..];
        let reading = Reading::new(charset, body);
        let considered = if charset == Charset::Utf8 { non_ascii(body) } else { body.len() };
        return reading.accept(considered);
    }
    if let Some(what) = magic(bytes) {
        return Err(DecodeError::Binary(what));
    }
    let scan = &bytes[..bytes.len().min(NUL_SCAN_BYTES)];
    if let Some(offset) = scan.iter().position(|&b| b == 0) {
        return utf16_without_bom(bytes).ok_or(DecodeError::Nul { offset });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_owned(), charset: Charset::Utf8, replaced_bytes: 0 });
    }
    legacy(bytes, declared.and_then(Charset::of))
}

/// The encoding an HTML page declares in a `<meta charset=…>` or `<meta http-equiv=… content="…;
/// charset=…">` within its first [`META_SCAN_BYTES`] bytes, if `encoding_rs` knows the label.
#[must_use]
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_SCAN_BYTES)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let tag_start = from + i;
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(c) = find(tag, b"charset") {
            let value = tag[c + b"charset".len()..]
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .skip_while(|&&b| b == b'=')
                .skip_while(|b| b.is_ascii_whitespace() || **b == b'"' || **b == b'\'')
                .take_while(|b| !(b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/' | b'>')))
                .copied()
                .collect::<Vec<u8>>();
            if let Some(encoding) = Encoding::for_label(&value) {
                return Some(encoding);
            }
        }
        from = tag_end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// One way of reading the bytes: the text, the replaced bytes and where they were.
struct Reading {
    charset: Charset,
    text: String,
    replaced: usize,
    bad: Vec<std::ops::Range<usize>>,
}

impl Reading {
    fn new(charset: Charset, bytes: &[u8]) -> Self {
        let mut decoder = charset.encoding().new_decoder_without_bom_handling();
        let room = |n: usize| decoder_room(n);
        let mut text = String::with_capacity(room(bytes.len()));
        let mut bad = Vec::new();
        let mut replaced = 0;
        let mut pos = 0;
        loop {
            let (result, read) = decoder.decode_to_string_without_replacement(&bytes[pos..], &mut text, true);
            pos += read;
            match result {
                DecoderResult::InputEmpty => break,
                DecoderResult::OutputFull => text.reserve(room(bytes.len() - pos)),
                DecoderResult::Malformed(len, extra) => {
                    let end = pos.saturating_sub(usize::from(extra));
                    bad.push(end.saturating_sub(usize::from(len))..end);
                    replaced += usize::from(len);
                    text.push('\u{FFFD}');
                }
            }
        }
        Self { charset, text, replaced, bad }
    }

    /// The reading as the result, unless it replaces too much of `considered` bytes.
    fn accept(self, considered: usize) -> Result<Decoded, DecodeError> {
        if too_many(self.replaced, considered) {
            return Err(self.refusal(considered));
        }
        Ok(Decoded { text: self.text, charset: self.charset, replaced_bytes: self.replaced })
    }

    fn refusal(&self, considered: usize) -> DecodeError {
        DecodeError::TooManyReplaced {
            charset: self.charset.name(),
            replaced: self.replaced,
            considered,
            percent: (self.replaced * 100).div_ceil(considered.max(1)),
        }
    }

    /// The bytes with every malformed sequence of this reading blanked to spaces.
    fn scrubbed(&self, bytes: &[u8]) -> Vec<u8> {
        let mut out = bytes[..bytes.len().min(DETECT_BYTES)].to_vec();
        for r in &self.bad {
            let end = r.end.min(out.len());
            for b in &mut out[r.start.min(end)..end] {
                *b = b' ';
            }
        }
        out
    }
}

/// Output room for decoding `n` more bytes: every supported decoder writes at most 3 bytes of
/// UTF-8 per input byte, plus a little for a sequence pending at a buffer end and a U+FFFD.
fn decoder_room(n: usize) -> usize {
    n.saturating_mul(3).saturating_add(16)
}

fn too_many(replaced: usize, considered: usize) -> bool {
    replaced > MIN_REPLACED_TO_REFUSE && replaced as f64 > MAX_REPLACED_SHARE * considered as f64
}

fn non_ascii(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| !b.is_ascii()).count()
}

/// GB18030 or Big5 (or UTF-8 with a few bad bytes) for bytes that are not valid UTF-8.
fn legacy(bytes: &[u8], declared: Option<Charset>) -> Result<Decoded, DecodeError> {
    let considered = non_ascii(bytes);
    // bytes that break as UTF-8, counted without building the text
    let utf8_bad: usize = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
    if utf8_bad as f64 <= MAX_REPLACED_SHARE * considered as f64 {
        return Reading::new(Charset::Utf8, bytes).accept(considered);
    }
    let mut readings = Vec::with_capacity(2);
    for charset in [Charset::Gb18030, Charset::Big5] {
        let reading = Reading::new(charset, bytes);
        let guess = detect(&reading.scrubbed(bytes), bytes.len() <= DETECT_BYTES);
        readings.push((reading, guess));
    }
    let acceptable =
        |(r, g): &(Reading, &'static Encoding)| !too_many(r.replaced, considered) && Charset::of(g) == Some(r.charset);
    let choice = readings.iter().position(|rg| declared == Some(rg.0.charset) && acceptable(rg)).or_else(|| {
        // among readings the detector accepts, the one with fewest replaced bytes (GB18030 on a tie)
        (0..readings.len()).filter(|&i| acceptable(&readings[i])).min_by_key(|&i| (readings[i].0.replaced, i))
    });
    if let Some(i) = choice {
        let (reading, _) = readings.swap_remove(i);
        return reading.accept(considered);
    }
    // with its bad bytes blanked, the detector reads it as UTF-8: short UTF-8 text with a bad byte
    if readings.iter().any(|(_, g)| *g == UTF_8) {
        return Reading::new(Charset::Utf8, bytes).accept(considered);
    }
    let fewest = readings.iter().map(|(r, _)| r.replaced).min().unwrap_or(usize::MAX);
    if utf8_bad < fewest {
        return Reading::new(Charset::Utf8, bytes).accept(considered);
    }
    match readings.into_iter().find(|(r, _)| r.replaced == fewest) {
        Some((best, _)) if too_many(best.replaced, considered) => Err(best.refusal(considered)),
        // the bytes decode, but the detector says they are text in an encoding ingest does not
        // read (Shift_JIS, EUC-KR, windows-1252 …)
        Some((_, guess)) => Err(DecodeError::Unsupported(guess.name())),
        None => Reading::new(Charset::Utf8, bytes).accept(considered),
    }
}

/// `chardetng`'s guess for the bytes (UTF-8 allowed, no top-level-domain hint).
fn detect(bytes: &[u8], whole: bool) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, whole);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// UTF-16 without a BOM: of the two byte orders, the one whose text is made of ordinary
/// characters (at least 95% of the first [`NUL_SCAN_BYTES`] / 2, and at least 8 of them) and whose
/// NULs are mostly the high bytes of ASCII characters (newlines, spaces, digits), if it has few
/// bad bytes. Binary data read as UTF-16 is mostly random code points, and so is text read in the
/// wrong byte order (only about a third of all code points are CJK ideographs).
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    let scan = &bytes[..bytes.len().min(NUL_SCAN_BYTES)];
    let nuls_at = |parity: usize| scan.iter().enumerate().filter(|&(i, &b)| b == 0 && i % 2 == parity).count();
    let (even, odd) = (nuls_at(0), nuls_at(1));
    // 'A' is 41 00 in UTF-16LE: the NULs of ASCII text sit at odd offsets
    let charset = if odd >= 2 * even {
        Charset::Utf16Le
    } else if even >= 2 * odd {
        Charset::Utf16Be
    } else {
        return None;
    };
    let reading = Reading::new(charset, bytes);
    let sample: Vec<char> = reading.text.chars().take(NUL_SCAN_BYTES / 2).collect();
    let ordinary = sample.iter().filter(|&&c| is_ordinary(c)).count();
    if sample.len() < 8 || ratio(ordinary, sample.len()) < 0.95 {
        return None;
    }
    reading.accept(bytes.len()).ok()
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Characters that make up Chinese or Western text: printable ASCII and whitespace, Latin-1,
/// general punctuation, CJK punctuation, kana, CJK ideographs and full-width forms.
fn is_ordinary(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{a0}'..='\u{24f}' | '\u{2000}'..='\u{206f}'
        | '\u{3000}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// The binary format a file's first bytes announce, if any.
fn magic(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or an office document, EPUB or JAR)"),
        (b"PK\x05\x06", "an empty ZIP archive"),
        (b"\x1F\x8B", "gzip-compressed data"),
        (b"BZh", "bzip2-compressed data"),
        (b"\xFD7zXZ\x00", "xz-compressed data"),
        (b"\x28\xB5\x2F\xFD", "zstd-compressed data"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Microsoft Office document"),
        (b"\x7FELF", "an ELF executable"),
        (b"MZ", "a Windows executable"),
        (b"\x00asm", "a WebAssembly module"),
        (b"SQLite format 3\x00", "an SQLite database"),
        (b"OggS", "Ogg audio or video"),
        (b"ID3", "MP3 audio"),
        (b"fLaC", "FLAC audio"),
        (b"II*\x00", "a TIFF image"),
        (b"MM\x00*", "a TIFF image"),
        (b"\x00\x00\x01\x00", "an icon"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" {
        return Some(match &bytes[8..12] {
            b"WEBP" => "a WebP image",
            b"WAVE" => "WAV audio",
            b"AVI " => "AVI video",
            _ => "a RIFF media file",
        });
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("an MP4/MOV/HEIC media file");
    }
    // "MZ" starts some words; count it only with the NULs that follow in a real executable header
    SIGNATURES
        .iter()
        .find(|(sig, _)| bytes.starts_with(sig) && (*sig != b"MZ" || bytes.get(2..64).is_some_and(|h| h.contains(&0))))
        .map(|&(_, what)| what)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Decoded {
        decode(bytes, None).unwrap()
    }

    const ARTICLE: &str = "本报讯（记者 周明）5月14日，云岭市与海川市签署友好城市协议，双方将在教育、科技和文化旅游等领域开展合作。\n\
        市长李建华表示，两地将共同推进“三年行动计划”，力争在年内落地二十个合作项目。";

    #[test]
    fn utf8_with_and_without_bom() {
        let d = dec("北碚".as_bytes());
        assert_eq!((d.text.as_str(), d.charset, d.replaced_bytes), ("北碚", Charset::Utf8, 0));
        let d = dec(b"\xEF\xBB\xBFok");
        assert_eq!((d.text.as_str(), d.charset), ("ok", Charset::Utf8));
    }

    #[test]
    fn utf16_both_orders_with_bom() {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("北碚".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("北碚".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!((dec(&le).text.as_str(), dec(&le).charset), ("北碚", Charset::Utf16Le));
        assert_eq!((dec(&be).text.as_str(), dec(&be).charset), ("北碚", Charset::Utf16Be));
        // an odd trailing byte is one replaced byte
        let d = dec(&[0xFF, 0xFE, 0x41, 0x00, 0x41]);
        assert_eq!((d.text.as_str(), d.replaced_bytes), ("A\u{FFFD}", 1));
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_nuls() {
        let le: Vec<u8> = ARTICLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = ARTICLE.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(dec(&le).charset, Charset::Utf16Le);
        assert_eq!(dec(&le).text, ARTICLE);
        assert_eq!(dec(&be).charset, Charset::Utf16Be);
        assert_eq!(dec(&be).text, ARTICLE);
    }

    #[test]
    fn legacy_encodings_by_detection() {
        let (gb, _, _) = GB18030.encode(ARTICLE);
        let d = dec(&gb);
        assert_eq!((d.charset, d.replaced_bytes), (Charset::Gb18030, 0));
        assert_eq!(d.text, ARTICLE);
        let traditional =
            "本報訊（記者 周明）5月14日，雲嶺市與海川市簽署友好城市協議，雙方將在教育、科技和文化旅遊等領域開展合作。";
        let (big5, _, unmappable) = BIG5.encode(traditional);
        assert!(!unmappable);
        let d = dec(&big5);
        assert_eq!((d.charset, d.text.as_str()), (Charset::Big5, traditional));
    }

    #[test]
    fn a_few_bad_bytes_in_gb18030_still_read_as_gb18030() {
        let (gb, _, _) = GB18030.encode(ARTICLE);
        let mut bytes = gb.into_owned();
        bytes.insert(10, 0xFF);
        bytes.push(0x81); // a lead byte cut off at the end
        let d = dec(&bytes);
        assert_eq!((d.charset, d.replaced_bytes), (Charset::Gb18030, 2));
        assert!(d.text.contains("云岭市与海川市签署友好城市协议"), "{}", d.text);
    }

    #[test]
    fn declared_labels() {
        assert_eq!(declared_charset(b"<html><head><META charset=\"GB2312\">"), Some(GBK));
        assert_eq!(
            declared_charset(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\" />"),
            Some(BIG5)
        );
        assert_eq!(declared_charset(b"<meta name=\"x\" content=\"y\"><meta charset='utf-8'>"), Some(UTF_8));
        assert_eq!(declared_charset(b"<meta charset=\"bogus\">"), None);
        assert_eq!(declared_charset(b"<p>charset=gbk</p>"), None);
    }

    #[test]
    fn a_wrong_utf8_declaration_is_ignored_and_a_stale_gbk_one_too() {
        let (gb, _, _) = GB18030.encode(ARTICLE);
        assert_eq!(decode(&gb, Some(UTF_8)).unwrap().charset, Charset::Gb18030);
        assert_eq!(decode(ARTICLE.as_bytes(), Some(GBK)).unwrap().charset, Charset::Utf8);
    }

    #[test]
    fn binary_files_are_refused_with_a_reason() {
        let err = decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None).unwrap_err();
        assert_eq!(err.to_string(), "not a text file: the bytes are a PNG image");
        assert!(decode(b"%PDF-1.7\n", None).unwrap_err().to_string().contains("PDF"));
        assert!(decode(b"\x1F\x8B\x08\x00", None).unwrap_err().to_string().contains("gzip"));
        let err = decode(b"abc\x00\x01\x02\x00\x00\xfe", None).unwrap_err();
        assert_eq!(err, DecodeError::Nul { offset: 3 });
        // NULs on both parities, as in most binary formats
        let err =
            decode(b"\x00\x00\x10\x00\x41\x42\x43\x00\x00\x44\x45\x46\x47\x48\x49\x4a\x4b\x4c", None).unwrap_err();
        assert_eq!(err, DecodeError::Nul { offset: 0 });
        // "MZ" at the start of a text is not an executable
        assert_eq!(dec(b"MZ is a prefix").text, "MZ is a prefix");
    }

    /// Deterministic pseudo-random bytes (xorshift) without NULs.
    fn noise(n: usize, seed: u64) -> Vec<u8> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8 | 1
            })
            .collect()
    }

    #[test]
    fn random_bytes_are_refused_for_their_replacement_share() {
        let bytes = noise(4000, 0x9E37_79B9_7F4A_7C15);
        let err = decode(&bytes, None).unwrap_err();
        let DecodeError::TooManyReplaced { percent, .. } = err else { panic!("{err}") };
        // the measured share behind MAX_REPLACED_SHARE: twice the limit
        assert!(percent >= 18, "{percent}");
    }

    #[test]
    fn legacy_text_read_as_utf8_loses_most_non_ascii_bytes() {
        let (gb, _, _) = GB18030.encode(ARTICLE);
        let r = Reading::new(Charset::Utf8, &gb);
        assert!(r.replaced as f64 > 0.5 * non_ascii(&gb) as f64, "{} of {}", r.replaced, non_ascii(&gb));
    }

    #[test]
    fn a_few_bad_bytes_in_utf8_become_replacement_characters() {
        let mut bytes = ARTICLE.as_bytes().to_vec();
        bytes.insert(0, 0xC3); // a lead byte without its continuation
        bytes.extend_from_slice(b"\xFF\xFE end");
        let d = dec(&bytes);
        assert_eq!((d.charset, d.replaced_bytes), (Charset::Utf8, 3));
        assert!(d.text.starts_with("\u{FFFD}本报讯") && d.text.ends_with("\u{FFFD}\u{FFFD} end"), "{}", d.text);
    }

    #[test]
    fn japanese_and_korean_legacy_text_is_refused_as_unsupported() {
        let (sjis, _, _) =
            encoding_rs::SHIFT_JIS.encode("東京都は日本の首都です。ひらがなとカタカナで書かれた文章を読みます。");
        assert_eq!(decode(&sjis, None), Err(DecodeError::Unsupported("Shift_JIS")));
        let (euc_kr, _, _) = encoding_rs::EUC_KR.encode("서울은 대한민국의 수도입니다. 한국어로 쓰인 문장을 읽습니다.");
        let err = decode(&euc_kr, None).unwrap_err();
        assert_eq!(err, DecodeError::Unsupported("EUC-KR"));
        assert!(err.to_string().contains("reads as EUC-KR, which is not supported"), "{err}");
    }

    #[test]
    fn utf32_is_refused() {
        assert_eq!(decode(&[0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0], None), Err(DecodeError::Unsupported("UTF-32LE")));
    }

    #[test]
    fn empty_input_is_empty_utf8() {
        assert_eq!(dec(b"").text, "");
    }
}
