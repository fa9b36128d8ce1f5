//! Character-level helpers shared by the pipeline: spans in Unicode scalar values (Rust `char`s),
//! character classes for Chinese text, and slicing by char offsets.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of char offsets into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    #[must_use]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies entirely inside `self`.
    #[must_use]
    pub const fn contains(self, other: Self) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    #[must_use]
    pub const fn overlaps(self, other: Self) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The text of `chars[span]`, clamped to the slice.
#[must_use]
pub fn slice(chars: &[char], span: Span) -> String {
    let end = span.end.min(chars.len());
    let start = span.start.min(end);
    chars[start..end].iter().collect()
}

/// The substring of `s` between char offsets `start..end` (clamped), without collecting chars.
#[must_use]
pub fn char_slice(s: &str, span: Span) -> &str {
    let mut indices = s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len()));
    let start = indices.nth(span.start).unwrap_or(s.len());
    let end = if span.end > span.start { indices.nth(span.end - span.start - 1).unwrap_or(s.len()) } else { start };
    &s[start..end]
}

/// CJK Unified Ideographs (with extension A and the compatibility block).
#[must_use]
pub const fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Chinese numerals used in slogan shapes (一区两群, 四地一枢纽).
#[must_use]
/// The insides of bracketed runs (“…”, 《…》): for each opening char that `closing` maps to its
/// closer, the chars up to that closer when it comes within `max` chars. Runs do not nest; the
/// scan goes on after each closer.
pub fn bracketed(chars: &[char], closing: impl Fn(char) -> Option<char>, max: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let found = closing(chars[i]).and_then(|close| chars[i + 1..].iter().take(max).position(|&c| c == close));
        match found {
            Some(len) => {
                out.push(Span::new(i + 1, i + 1 + len));
                i += len + 2;
            }
            None => i += 1,
        }
    }
    out
}

pub fn is_cn_numeral(c: char) -> bool {
    "一二三四五六七八九十两百千万双".contains(c)
}

/// Punctuation and separators, ASCII or full-width, that can never be inside a name.
#[must_use]
pub fn is_break(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation() && c != '-' && c != '&' && c != '.'
        || "，。、；：？！“”‘’「」『』（）《》〈〉【】—…·～|｜•　,;:!?".contains(c)
}

/// Characters that end a sentence.
#[must_use]
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…')
}

/// Closing quotes and brackets that stay with the sentence they close.
#[must_use]
pub fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '》' | '"' | '\'')
}

/// The length of an ordinal that opens an item of a list at `i` (一是, 二是, （三）, 四、), if any.
#[must_use]
pub fn ordinal_at(chars: &[char], i: usize) -> Option<usize> {
    let numeral = |c: &char| is_cn_numeral(*c) && !matches!(c, '两' | '双' | '百' | '千' | '万');
    let numerals = chars[i..].iter().take_while(|c| numeral(c)).count();
    if numerals > 0 && numerals <= 2 {
        return match chars.get(i + numerals) {
            Some('是' | '、') => Some(numerals + 1),
            _ => None,
        };
    }
    if matches!(chars.get(i), Some('（' | '(')) {
        let n = chars[i + 1..].iter().take_while(|c| numeral(c)).count();
        if (1..=2).contains(&n) && matches!(chars.get(i + 1 + n), Some('）' | ')')) {
            return Some(n + 2);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_runs_are_found_in_order_without_nesting() {
        let chars: Vec<char> = "据《费加罗报》和“一区两群”，《未闭合".chars().collect();
        let quotes = |c| match c {
            '《' => Some('》'),
            '“' => Some('”'),
            _ => None,
        };
        let got: Vec<String> = bracketed(&chars, quotes, 16).into_iter().map(|s| slice(&chars, s)).collect();
        assert_eq!(got, ["费加罗报", "一区两群"]);
        assert!(bracketed(&chars, quotes, 3).is_empty(), "closers beyond max are not runs");
    }

    #[test]
    fn char_slice_counts_chars_not_bytes() {
        let s = "北碚区与绵阳市";
        assert_eq!(char_slice(s, Span::new(0, 3)), "北碚区");
        assert_eq!(char_slice(s, Span::new(4, 7)), "绵阳市");
        assert_eq!(char_slice(s, Span::new(5, 5)), "");
        assert_eq!(char_slice(s, Span::new(6, 99)), "市");
        let chars: Vec<char> = s.chars().collect();
        assert_eq!(slice(&chars, Span::new(4, 7)), "绵阳市");
    }

    #[test]
    fn span_relations() {
        let a = Span::new(2, 8);
        assert!(a.contains(Span::new(3, 8)));
        assert!(!a.contains(Span::new(1, 3)));
        assert!(a.overlaps(Span::new(7, 9)));
        assert!(!a.overlaps(Span::new(8, 9)));
        assert_eq!(a.len(), 6);
    }

    #[test]
    fn classes() {
        assert!(is_han('碚'));
        assert!(!is_han('A'));
        assert!(is_break('，') && is_break('、') && is_break(' '));
        assert!(!is_break('碚'));
        assert!(is_cn_numeral('两'));
    }
}
