//! People named by a personnel decision, whose names the tagger may cut short (乌云其木格, 孟凡超):
//! the words between an appointment word and 为 or 的 (任命甲为…, 免去乙的…职务), and the words
//! that open each item of a notice's list under a heading such as 决定任命： (丙为某局局长；).
//! The structure says where the name ends, whatever its surname or length.

use crate::extract::EntityKind;
use crate::extract::rules::Candidate;
use crate::lexicon::Lexicon;
use crate::text::{Span, is_han};

/// The longest name a personnel decision is read to hold (Mongolian and Tibetan names run to five).
const MAX_NAME: usize = 5;

/// Function words no name of a decision holds: 任命甲和乙为… names two people, 决定由甲为… none.
const NOT_IN_NAME: [char; 13] = ['和', '与', '及', '等', '在', '对', '将', '把', '被', '了', '是', '同', '由'];

/// How far back a list item looks for its heading (决定任命：).
const HEADING_REACH: usize = 300;

/// People named by appointments and removals.
#[must_use]
pub fn candidates(chars: &[char]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    for i in 0..chars.len() {
        // right after the word (任命甲为), or at the start of a list item under a heading
        // (only a word that names the act: 决定, 选举 open headings, not names)
        let after_word = lex.appointment_words.longest_ending_at(chars, i).is_some_and(|n| acts(&chars[i - n..i]))
            && !matches!(chars.get(i), Some('：' | ':'))
            && !lex.appointment_words.starts_at(chars, i);
        // (an item may open with the word itself: 任命甲为…)
        let item =
            (i == 0 || chars[i - 1] == '\n') && !lex.appointment_words.starts_at(chars, i) && under_heading(chars, i);
        if !(after_word || item) {
            continue;
        }
        if let Some(end) = name_end(chars, i).filter(|&e| ends_in_a_post(chars, e)) {
            out.push(Candidate::new(chars, Span::new(i, end), EntityKind::Person, "appointee", 4));
        }
    }
    out
}

/// Whether a word of the list names the act of appointing or removing (任命, 免去), not only a
/// decision or an election (决定, 选举), which open headings.
fn acts(word: &[char]) -> bool {
    !matches!(word, ['决', '定'] | ['选', '举'] | ['任', '职'] | ['当', '选'])
}

/// Whether the clause after the 为 or 的 at `link` ends in a post (某局局长, 某院副检察长职务).
fn ends_in_a_post(chars: &[char], link: usize) -> bool {
    let end =
        (link..chars.len()).find(|&k| matches!(chars[k], '；' | ';' | '。' | '\n' | '，' | ',')).unwrap_or(chars.len());
    let end =
        if chars[link] == '的' && end >= link + 3 && chars[end - 2..end] == ['职', '务'] { end - 2 } else { end };
    end > link + 1 && Lexicon::get().titles.longest_ending_at(chars, end).is_some()
}

/// Where a name starting at `i` ends: at the 为 or 的 after two to five Han chars.
fn name_end(chars: &[char], i: usize) -> Option<usize> {
    let lex = Lexicon::get();
    let end = (i + 2..=(i + MAX_NAME).min(chars.len().saturating_sub(1))).find(|&e| matches!(chars[e], '为' | '的'))?;
    let name = &chars[i..end];
    let plain = name.iter().all(|&c| is_han(c) || c == '·') && !name.iter().any(|c| NOT_IN_NAME.contains(c));
    // (nor a title: 任命副市长甲为…)
    let word: String = name.iter().collect();
    (plain && lex.titles.suffix_of(&word).is_none() && lex.titles.prefix_of(&word).is_none()).then_some(end)
}

/// Whether a line starting at `i` is an item of a list under a heading that ends in a colon and
/// names an appointment or a removal (决定任命：, 免去：), with no sentence end in between.
fn under_heading(chars: &[char], i: usize) -> bool {
    let lex = Lexicon::get();
    let from = i.saturating_sub(HEADING_REACH);
    let Some(colon) = (from..i).rev().take_while(|&k| chars[k] != '。').find(|&k| matches!(chars[k], '：' | ':'))
    else {
        return false;
    };
    // the heading: the words of the colon's clause
    let start = (from..colon).rev().find(|&k| matches!(chars[k], '。' | '，' | '\n')).map_or(from, |k| k + 1);
    (start..colon).any(|k| lex.appointment_words.starts_at(chars, k))
}

#[cfg(test)]
mod tests {
    use super::candidates;

    fn names(text: &str) -> Vec<String> {
        crate::extract::rules::labels_of(text, candidates)
    }

    #[test]
    fn the_words_between_the_appointment_and_its_post_are_the_name() {
        assert_eq!(names("会议任命额尔敦巴图为某盟教育局局长。"), ["额尔敦巴图"]);
        assert!(names("会议任命甲和乙为某局副局长。").is_empty());
        // a decision or an election opens no name, nor does 为 without a post after it
        assert!(names("市委决定开展为期一个月的专项行动。大会选举产生的新一届委员会。").is_empty());
        assert_eq!(names("会议决定任命张三为某市教育局局长。"), ["张三"]);
        assert_eq!(names("会议决定免去次仁旺堆的某县副县长职务。"), ["次仁旺堆"]);
        // (a title before the name is none of it)
        assert!(names("任命副市长甲乙为…").is_empty());
    }

    #[test]
    fn each_item_of_a_notice_list_opens_with_a_name() {
        let text = "会议经表决，决定任命：\n阿依古丽为某市教育局局长；\n其美为某市能源局局长。\n决定免去：\n帕尔哈提的某市教育局局长职务。\n他为大家作报告。";
        assert_eq!(names(text), ["阿依古丽", "其美", "帕尔哈提"]);
        let text =
            "会议还通过了以下任免事项：\n任命旦增为某市中级人民法院审判员；\n免去索朗的某市人民检察院检察员职务。";
        assert_eq!(names(text), ["旦增", "索朗"]);
        assert!(names("会议决定：\n全面推进为企业服务的各项工作。").is_empty());
    }
}
