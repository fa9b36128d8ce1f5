//! Sentence spans over cleaned text, in char offsets.
//!
//! A sentence ends after 。！？!?… (with any closing quotes or brackets that follow) or at a line
//! break; leading whitespace is not part of a sentence.

use crate::text::{Span, is_closing, is_sentence_end};

/// Splits `text` into sentence spans (char offsets, end exclusive).
#[must_use]
pub fn split(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            close(&mut spans, &chars, start.take(), i);
        } else if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        if is_sentence_end(c) {
            let mut end = i + 1;
            while end < chars.len() && (is_sentence_end(chars[end]) || is_closing(chars[end])) {
                end += 1;
            }
            close(&mut spans, &chars, start.take(), end);
            i = end;
            continue;
        }
        i += 1;
    }
    close(&mut spans, &chars, start, chars.len());
    spans
}

fn close(spans: &mut Vec<Span>, chars: &[char], start: Option<usize>, end: usize) {
    if let Some(s) = start {
        let mut e = end;
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        if e > s {
            spans.push(Span::new(s, e));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::char_slice;

    #[test]
    fn sentences_keep_their_closing_quotes() {
        let t = "他说:“好。”然后走了!\n  新段落没有句号\n\n最后?";
        let got: Vec<&str> = split(t).into_iter().map(|s| char_slice(t, s)).collect();
        assert_eq!(got, vec!["他说:“好。”", "然后走了!", "新段落没有句号", "最后?"]);
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n ").is_empty());
    }
}
