//! Page cleaning: turns the visible text of a scraped page (or the lines [`super::html`] chose) into
//! the article, once, and reads the credit lines' fields.
//!
//! Scraped news pages carry navigation bars, breadcrumbs, share buttons, app promotions, comment
//! boxes, a copyright footer, and often the article twice (a print copy and a screen copy). The
//! cleaner works line by line: it reads credit lines (来源, 作者, 记者, 通讯员, 摄影, 编辑,
//! 责任编辑, 时间 …, see [`credits`]) into fields and **keeps them in the text** (analysts annotate
//! the outlet and the people they name, with the line as evidence), except a 来源 line that is
//! only a comment or view counter; it drops lines that are page chrome, cuts the footer, and keeps
//! each remaining paragraph only the first time it appears. Every rule is about the shape of news
//! pages, never about one site's strings.

use std::collections::HashSet;

use crate::lexicon::Lexicon;
use crate::text::is_han;

/// The outcome of cleaning one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Kept paragraphs, one a line.
    pub text: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    /// Names from 记者, 作者, 通讯员 and 摄影 credits, in order of appearance.
    pub authors: Vec<String>,
    /// The name(s) from an 编辑 or 责任编辑 credit.
    pub editor: Option<String>,
}

/// Cleans visible page text into the article and its metadata.
#[must_use]
pub fn clean(visible: &str) -> Cleaned {
    let lex = Lexicon::get();
    let mut out = Cleaned::default();
    let mut kept: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    // the title: the title-shaped line just before the first credit line, else the first line
    let mut last_title_shaped: Option<String> = None;
    let mut title_before_credits: Option<String> = None;
    let mut credits_seen = false;
    // the editor's line at the foot of an article closes it: what follows without a sentence
    // end is the page's (comment box notices, channel links)
    let mut closed = false;
    for raw in visible.lines() {
        let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        let line: String = trimmed.chars().filter(|&c| !is_control(c)).collect();
        let line = line.as_str();
        if line.is_empty() {
            continue;
        }
        let unbracketed = line.trim_start_matches(['[', '【', '(', '（', ' ']);
        let closes = kept.len() >= 3 && lex.editor_labels.prefix_of(unbracketed).is_some();
        // a footer line is no sentence: one that mentions 版权所有 or starts with 主办单位 and
        // ends in 。 is the article's
        let prose = line.contains(['。', '！', '？']);
        if !kept.is_empty()
            && !prose
            && (lex.page_footer_starts.iter().any(|f| line.starts_with(f))
                || line.chars().count() <= 120 && lex.page_footer_marks.iter().any(|f| line.contains(f)))
        {
            break;
        }
        if closed && line.chars().count() <= 40 && !line.contains(['。', '！', '？']) {
            continue;
        }
        closed |= closes;
        let credit = credits(line);
        // (a credit line keeps its credits, not the share bar after them)
        let line = if credit.is_some() { without_trailing_chrome(line) } else { line };
        if let Some(c) = credit {
            if !credits_seen && kept.len() < 8 {
                title_before_credits = last_title_shaped.take();
            }
            credits_seen = true;
            out.absorb(c.fields);
            if !c.keep {
                continue;
            }
        } else {
            if is_breadcrumb(line) {
                // what comes before a breadcrumb near the top is the site's header: drop the
                // channel names kept so far ("专题报道"), not a title or a paragraph
                if !credits_seen && kept.len() <= 3 {
                    kept.retain(|l| !is_label(l));
                }
                continue;
            }
            if is_chrome(line) {
                continue;
            }
            if out.published.is_none() && kept.len() < 8 {
                out.published = find_date(line).filter(|_| line.chars().count() <= 40);
            }
            if is_title_shaped(line) {
                last_title_shaped = Some(line.to_owned());
            }
            for fields in bracketed_credits(line) {
                out.absorb(fields);
            }
        }
        // a block that repeats an earlier one (the page holds the article twice) is dropped
        if !seen.insert(dedup_key(line)) {
            continue;
        }
        kept.push(line.to_owned());
    }
    out.title = title_before_credits.or_else(|| kept.first().filter(|l| is_title_shaped(l)).cloned());
    out.text = kept.join("\n");
    out
}

impl Cleaned {
    /// Takes the fields of a credit line: the first source, date and editor win; names add up.
    fn absorb(&mut self, fields: Fields) {
        if self.source.is_none() {
            self.source = fields.source;
        }
        if self.published.is_none() {
            self.published = fields.date;
        }
        if self.editor.is_none() {
            self.editor = fields.editor;
        }
        for name in fields.authors {
            if !self.authors.contains(&name) {
                self.authors.push(name);
            }
        }
    }
}

fn is_control(c: char) -> bool {
    c.is_control() && c != '\t'
}

/// Whether a line could be the article's title: short, no sentence end, and at least four Han
/// characters of its own outside brackets and dates (a dateline such as "2024-07-09 08:41
/// 【来源：某某网】" is none).
fn is_title_shaped(line: &str) -> bool {
    let n = line.chars().count();
    (4..=60).contains(&n)
        && !line.ends_with(['。', '！', '？', '：', ':', '；'])
        && own_han_chars(line) >= 4
        && !has_labelled_credit(line)
}

/// Whether a line holds a credit label of two chars or more and its colon, at the start or after
/// whitespace or another field (2024-03-12　来源：某某日报, 作者:李某); 组图：… and 图文：… open
/// titles.
fn has_labelled_credit(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    let labels = &Lexicon::get().credit_labels;
    (0..chars.len()).any(|i| {
        (i == 0 || !is_han(chars[i - 1]))
            && labels.longest_at(&chars, i).is_some_and(|n| n >= 2 && matches!(chars.get(i + n), Some('：' | ':')))
    })
}

/// The Han characters of a line outside brackets, not counting the date words 年月日时分秒 after a
/// digit (2024年3月12日; 时代楷模 keeps its 时).
fn own_han_chars(line: &str) -> usize {
    let mut depth = 0usize;
    let mut n = 0;
    let mut previous = ' ';
    for c in line.chars() {
        match c {
            '【' | '[' | '（' | '(' | '〔' => depth += 1,
            '】' | ']' | '）' | ')' | '〕' => depth = depth.saturating_sub(1),
            c if depth == 0 && is_han(c) && !(previous.is_ascii_digit() && "年月日时分秒".contains(c)) => n += 1,
            _ => {}
        }
        previous = c;
    }
    n
}

/// Removes a site or section name appended to a page title ("`标题_华龙网`", "标题 - 新华网",
/// "`标题_时政_某某网`"): separators are cut from the right while a short tail (a name, not a
/// clause) follows and a real title (at least 4 chars) stays.
#[must_use]
pub fn strip_site_suffix(title: &str) -> String {
    let mut t = title.trim();
    'cut: loop {
        for sep in ["_", " - ", " — ", "－", "-", "|", "｜", " · "] {
            if let Some(i) = t.rfind(sep) {
                let (head, tail) = (t[..i].trim(), t[i + sep.len()..].trim());
                let tail_is_name = tail.chars().count() <= 16 && !tail.contains(['，', '。', ',', '：', ':']);
                if head.chars().count() >= 4 && tail_is_name && !(sep == "-" && tail.starts_with(char::is_numeric)) {
                    t = head;
                    continue 'cut;
                }
            }
        }
        return t.to_owned();
    }
}

fn dedup_key(line: &str) -> String {
    line.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_chrome(line: &str) -> bool {
    let lex = Lexicon::get();
    let unbracketed = line.trim_start_matches(['[', '【', '(', '（', ' ']);
    if lex.chrome_starts.iter().any(|s| unbracketed.starts_with(s)) {
        return true;
    }
    let stripped = line.trim_start_matches(['•', '·', '●', '▪', '■', '□', '◆', '>', '»', '*', '-']).trim();
    let len = stripped.chars().count();
    if stripped.is_empty() {
        return true;
    }
    // an item of a list of links: a bullet and a headline (· 某市召开…大会)
    let bulleted = stripped.len() < line.trim().len();
    if bulleted && len <= 40 && !stripped.contains(['。', '；', '？', '！']) {
        return true;
    }
    // menus: several items separated by bars
    if line.matches(['|', '｜']).count() >= 2 {
        return true;
    }
    if is_breadcrumb(line) {
        return true;
    }
    let has_sentence_punct = stripped.contains(['。', '，', ',', '；', '？', '！', '：', ':']);
    // short furniture: "分享到", "手机阅读分享话题", "精彩视频"
    if len <= 12 && !has_sentence_punct && chrome_share(&lex.chrome_words, stripped) * 2 >= len {
        return true;
    }
    // stray one- to four-character labels without punctuation (menu entries, buttons)
    if len <= 4 && !stripped.chars().any(|c| c.is_ascii_digit()) && !has_sentence_punct {
        return true;
    }
    // app promotions: "…客户端…下载…", "扫描二维码…"
    let promo =
        lex.app_promo_words.iter().any(|w| line.contains(w)) && lex.app_promo_verbs.iter().any(|w| line.contains(w));
    // a timestamp with a comment or view counter: "2020-05-14 09:57:02 0 条评论"
    let counter = find_date(line).is_some() && len <= 40 && lex.counter_words.iter().any(|w| line.contains(w));
    promo || counter
}

/// How many chars of `line` the chrome words cover (分享到: 2 of 3; 全民阅读活动周: 2 of 7).
fn chrome_share(words: &crate::lexicon::WordList, line: &str) -> usize {
    let chars: Vec<char> = line.chars().collect();
    let mut covered = vec![false; chars.len()];
    for i in 0..chars.len() {
        if let Some(n) = words.longest_at(&chars, i) {
            covered[i..i + n].iter_mut().for_each(|c| *c = true);
        }
    }
    covered.iter().filter(|c| **c).count()
}

/// A short line without sentence punctuation: a channel name or menu entry.
fn is_label(line: &str) -> bool {
    line.chars().count() <= 12 && !line.contains(['。', '，', ',', '；', '：', ':'])
}

/// "当前位置：首页 > 资讯 > 正文", "首页 > 资讯 > 正文": a location label, or at least two arrows
/// between short items.
fn is_breadcrumb(line: &str) -> bool {
    let unbracketed = line.trim_start_matches(['[', '【', '(', '（', ' ']);
    if Lexicon::get().breadcrumb_starts.iter().any(|s| unbracketed.starts_with(s)) {
        return true;
    }
    let parts: Vec<&str> = line.split(['>', '＞', '»', '›', '→']).collect();
    parts.len() >= 3 && parts.iter().all(|p| p.trim().chars().count() <= 16 && !p.contains(['。', '，']))
}

/// The fields a credit line gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub source: Option<String>,
    pub date: Option<String>,
    pub authors: Vec<String>,
    pub editor: Option<String>,
}

/// A credit line: its fields, and whether it stays in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credits {
    pub fields: Fields,
    /// False for a line that is only a timestamp and counters ("2020-05-14 09:57 来源: 0 条评论").
    pub keep: bool,
}

/// The credit label `rest` starts with (the lexicon's `credit_labels`, longest first), and the
/// document field it fills.
fn credit_label_at(rest: &str) -> Option<(&'static str, Label)> {
    let head: Vec<char> = rest.chars().take(8).collect();
    let (word, field, who) = Lexicon::get().credit_label_at(&head, 0)?;
    let label = match field {
        "source" => Label::Source,
        "date" => Label::Date,
        "person" => Label::Person,
        "editor" => Label::Editor,
        "counter" => Label::Counter,
        // 审核, 校对, 责编: people credited who fill no field (one-char 图, 文 start words)
        _ if word.chars().count() >= 2 && who != "none" => Label::Staff,
        _ => return None,
    };
    Some((word, label))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Source,
    Date,
    /// 记者, 作者, 通讯员, 摄影, 实习生: people credited for the article.
    Person,
    Editor,
    /// 浏览次数, 评论 …: counters whose values are ignored.
    Counter,
    /// 审核, 校对, 责编 …: people credited for the page, kept in the text, in no field.
    Staff,
}

/// A line without the share bar or page buttons after its text (…作者：记者 李某　分享到：微信).
fn without_trailing_chrome(line: &str) -> &str {
    let lex = Lexicon::get();
    let chrome_at = lex
        .chrome_starts
        .iter()
        .filter(|w| lex.credit_labels.prefix_of(w).is_none())
        .filter_map(|w| line.find(w))
        .filter(|&at| at > 0)
        .min();
    let line = chrome_at.map_or(line, |at| line[..at].trim_end());
    // the page's font buttons at the end (…编辑：李某　【大 中 小】)
    let buttons_at = line
        .char_indices()
        .filter(|&(_, c)| matches!(c, '【' | '['))
        .map(|(i, _)| i)
        .find(|&i| i > 0 && is_font_buttons(&line[i..]));
    buttons_at.map_or(line, |at| line[..at].trim_end())
}

/// Parses a credit line: "来源:海川网 时间:2022-04-18 10:20:35 编辑:婷婷", "重庆晨报·上游新闻记者
/// 王淳", "[责任编辑: 陈霞 ]", "（记者 李明 张华）", "( 摄影 唐小川)", "发布时间:2021-03-05 作者:宣传部
/// 来源: 宣传部 浏览次数:", "2020-05-14 09:57:02 来源: 0 条评论".
///
/// A line is a credit line when it is short, every labelled value has the shape its label wants
/// (an outlet without sentence punctuation, a date, names or a unit), and what precedes the first
/// label is nothing, a timestamp, or (before 记者/通讯员/摄影) a short outlet name. So sentences
/// that mention 来源 or 记者 ("资金来源:财政拨款…", "记者从市教委获悉,…") are not credits. A share
/// bar after the credits is left out.
#[must_use]
pub fn credits(line: &str) -> Option<Credits> {
    let line = without_trailing_chrome(line);
    let inner = line.trim().trim_start_matches(['[', '【', '(', '（']).trim_end_matches([']', '】', ')', '）']).trim();
    if inner.is_empty() || inner.chars().count() > 100 {
        return None;
    }
    let found = find_labels(inner);
    let (first_at, _, first_label) = *found.first()?;
    if !prefix_ok(&inner[..first_at], first_label) {
        return None;
    }
    let mut fields = Fields::default();
    let (mut counters, mut has_source_label, mut staff) = (false, false, false);
    for (k, &(_, end, label)) in found.iter().enumerate() {
        let value_end = found.get(k + 1).map_or(inner.len(), |n| n.0);
        let raw = &inner[end..value_end];
        let glued = raw.starts_with(|c: char| is_han(c));
        let value = raw.trim_matches(|c: char| c.is_whitespace() || "：:|｜/[]【】()（）".contains(c));
        match label {
            Label::Source => {
                has_source_label = true;
                // the outlet ends where a date, a counter or whitespace begins
                let outlet: &str = value.split(|c: char| c.is_whitespace() || c.is_ascii_digit()).next().unwrap_or("");
                let outlet = outlet.trim_end_matches(['-', '_', '·']);
                if outlet.chars().count() > 24 || outlet.contains(SENTENCE_PUNCT) {
                    return None;
                }
                if fields.source.is_none() && !outlet.is_empty() {
                    fields.source = Some(outlet.to_owned());
                }
            }
            Label::Date => {
                let date = find_date(value);
                if date.is_none() && !value.is_empty() {
                    return None;
                }
                fields.date = fields.date.or(date);
            }
            Label::Person | Label::Editor | Label::Staff => {
                // the page's timestamp may follow the names ("通讯员 田野 2024-08-03 10:20")
                let (value, stamp) = split_trailing_stamp(value)?;
                if let Some(stamp) = stamp {
                    fields.date = fields.date.or(find_date(stamp));
                }
                let names = names(value, glued)?;
                match label {
                    Label::Editor if fields.editor.is_none() && !names.is_empty() => {
                        fields.editor = Some(names.join("、"));
                    }
                    Label::Person => fields.authors.extend(names),
                    Label::Staff => staff |= !names.is_empty(),
                    _ => {}
                }
            }
            Label::Counter => {
                // a count, and at most the page's own buttons after it (点击数：3867【大 中 小】,
                // 阅读数：2351字号：大 中 小)
                let count =
                    value.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || "条次人".contains(c));
                let is_count = count.len() < value.len() || value.is_empty() || is_font_buttons(count);
                if !is_count || count.chars().count() > 12 || count.contains(SENTENCE_PUNCT) {
                    return None;
                }
                counters = true;
            }
        }
    }
    if fields.date.is_none() {
        fields.date = find_date(inner);
    }
    if fields.source.is_none() && first_label == Label::Person {
        fields.source = prefix_outlet(&inner[..first_at]).map(str::to_owned);
    }
    let named = fields.source.is_some() || !fields.authors.is_empty() || fields.editor.is_some() || staff;
    let keep = named || (fields.date.is_some() && !counters && !has_source_label);
    if !named && fields.date.is_none() {
        return None;
    }
    Some(Credits { fields, keep })
}

/// `value` without a timestamp at its end, and the timestamp; `None` when what follows the
/// first digit is not a timestamp.
fn split_trailing_stamp(value: &str) -> Option<(&str, Option<&str>)> {
    let Some(at) = value.find(|c: char| c.is_ascii_digit()) else { return Some((value, None)) };
    let stamp = &value[at..];
    let stamp_chars = |c: char| c.is_ascii_digit() || c.is_whitespace() || "-/:.年月日时分".contains(c);
    (stamp.chars().all(stamp_chars) && find_date(stamp).is_some()).then(|| (value[..at].trim_end(), Some(stamp)))
}

/// The page's font-size buttons as a label's value ("大 中 小", "【大】【中】【小】").
fn is_font_buttons(value: &str) -> bool {
    value.chars().any(|c| "大中小".contains(c))
        && value.chars().all(|c| c.is_whitespace() || "大中小【】[]|｜".contains(c))
}

const SENTENCE_PUNCT: &[char] = &['。', '，', ',', '；', ';', '？', '！', '、'];

/// Label positions in a line: (start byte, end byte, label), longest label first at each place.
fn find_labels(line: &str) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        if let Some((word, label)) = credit_label_at(rest) {
            out.push((i, i + word.len(), label));
            i += word.len();
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// What may stand before the first label: nothing, a timestamp, or a short outlet before a byline.
fn prefix_ok(prefix: &str, first: Label) -> bool {
    let p = prefix.trim();
    if p.is_empty() {
        return true;
    }
    if p.chars().all(|c| c.is_ascii_digit() || " -/:.年月日　".contains(c)) && find_date(p).is_some() {
        return true;
    }
    first == Label::Person && (is_outlet_name(p) || prefix_outlet(p).is_some())
}

/// A short name with neither punctuation nor spaces: an outlet before a byline.
fn is_outlet_name(p: &str) -> bool {
    p.chars().count() <= 16 && !p.contains(SENTENCE_PUNCT) && !p.contains(char::is_whitespace)
}

/// The outlet of a prefix made of an outlet and the page's timestamp ("某某财经网　2024-05-08
/// 07:46" before 记者 …).
fn prefix_outlet(prefix: &str) -> Option<&str> {
    let (outlet, stamp) = split_trailing_stamp(prefix.trim())?;
    let outlet = outlet.trim();
    (stamp.is_some() && outlet.chars().all(is_han) && is_outlet_name(outlet) && outlet.chars().count() >= 2)
        .then_some(outlet)
}

/// The names in a credit value ("李明 张华", "王淳", "宣传部" → none), or `None` when the value is
/// not credits at all (a clause: "从市教委获悉,…"). `glued`: the value follows its label without
/// a space or colon, so it must start with a surname.
fn names(value: &str, glued: bool) -> Option<Vec<String>> {
    if value.contains(['。', '，', ',', '；', ';', '？', '！']) {
        return None;
    }
    let mut out = Vec::new();
    for word in value.split(|c: char| c.is_whitespace() || c == '、' || c == '/').filter(|w| !w.is_empty()) {
        let word = ["报道", "報道"].iter().find_map(|s| word.strip_suffix(s)).filter(|w| !w.is_empty()).unwrap_or(word);
        if Lexicon::get().credit_not_names.contains(word) {
            continue;
        }
        let n = word.chars().count();
        if !word.chars().all(|c| is_han(c) || c == '·') || n > 12 {
            return None;
        }
        if glued && out.is_empty() && !starts_with_surname(word) {
            return None;
        }
        let unit = n >= 3 && word.chars().last().is_some_and(|c| Lexicon::get().unit_endings.has_char(c));
        // a five-char name stands alone (那仁格日勒), not in a list of names
        let alone = n == 5 && value.trim() == word && starts_with_surname(word);
        if ((2..=4).contains(&n) || alone) && !unit || word.contains('·') && n <= 12 {
            out.push(word.to_owned());
        }
    }
    Some(out)
}

fn starts_with_surname(word: &str) -> bool {
    word.chars().next().is_some_and(|c| Lexicon::get().surnames.has_char(c))
        || Lexicon::get().compound_surnames.prefix_of(word).is_some()
}

/// Credits inside brackets within a line: "本报讯（记者 周明）5月14日…", "…建设现场。( 摄影 唐小川)".
fn bracketed_credits(line: &str) -> Vec<Fields> {
    let chars: Vec<char> = line.chars().collect();
    let closing = |c: char| match c {
        '（' => Some('）'),
        '(' => Some(')'),
        '【' => Some('】'),
        '[' => Some(']'),
        _ => None,
    };
    crate::text::bracketed(&chars, closing, 40)
        .into_iter()
        .filter_map(|span| credits(&crate::text::slice(&chars, span)))
        .map(|c| c.fields)
        .collect()
}

/// The first date in a line as `YYYY-MM-DD`: 2020-05-14, 2020/5/14, 2020.05.14, 2020年5月14日.
#[must_use]
pub fn find_date(line: &str) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let digits = |from: usize, max: usize| -> (u32, usize) {
        let mut v = 0u32;
        let mut n = 0;
        while n < max {
            match chars.get(from + n).and_then(|c| c.to_digit(10)) {
                Some(d) => v = v * 10 + d,
                None => break,
            }
            n += 1;
        }
        (v, n)
    };
    let mut i = 0;
    while i + 4 <= chars.len() {
        let (year, n) = digits(i, 4);
        let preceded_by_digit = i > 0 && chars[i - 1].is_ascii_digit();
        if n == 4 && !preceded_by_digit && (1900..=2100).contains(&year) {
            let sep = chars.get(i + 4).copied();
            if matches!(sep, Some('-' | '/' | '.' | '年')) {
                let (month, mn) = digits(i + 5, 2);
                let sep2 = chars.get(i + 5 + mn).copied();
                let ok2 = match sep {
                    Some('年') => sep2 == Some('月'),
                    _ => sep2 == sep,
                };
                if mn > 0 && ok2 {
                    let (day, dn) = digits(i + 6 + mn, 2);
                    if dn > 0 && (1..=12).contains(&month) && (1..=31).contains(&day) {
                        return Some(format!("{year:04}-{month:02}-{day:02}"));
                    }
                }
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "某区:打造新高地\n\
        来源:某某网-某某晨报2020-05-14\n\
        区委书记李明表示,将加快发展。\n\
        首页 | 新闻 原创 | 区县 娱乐\n\
        分享\n\
        新浪微博\n\
        QQ空间\n\
        手机阅读分享话题\n\
        某区:打造新高地\n\
        2020-05-14 09:57:02 来源: 0 条评论\n\
        区委书记李明表示,将加快发展。\n\
        某某晨报·上游新闻记者 王淳 \n\
        亲爱的用户,客户端现已升级,请扫描上方二维码,及时下载新版本。\n\
        [责任编辑: 陈某 ]\n\
        版权声明:\n\
        附:某某日报 某某晚报";

    #[test]
    fn a_government_sites_footer_ends_the_article() {
        let c = clean(
            "县里召开春耕会\n县长王明出席会议并讲话。\n会议要求抓好春耕。\n\n江源县人民政府主办\u{3000}江源县人民政府办公室承办\n陕ICP备12345678号",
        );
        assert!(c.text.ends_with("会议要求抓好春耕。"), "{}", c.text);
    }

    #[test]
    fn keeps_the_article_and_its_credit_lines_once_without_chrome() {
        let c = clean(PAGE);
        assert_eq!(
            c.text,
            "某区:打造新高地\n来源:某某网-某某晨报2020-05-14\n区委书记李明表示,将加快发展。\n\
             某某晨报·上游新闻记者 王淳\n[责任编辑: 陈某 ]"
        );
        assert_eq!(c.title.as_deref(), Some("某区:打造新高地"));
        assert_eq!(c.source.as_deref(), Some("某某网-某某晨报"));
        assert_eq!(c.published.as_deref(), Some("2020-05-14"));
        assert_eq!(c.authors, vec!["王淳".to_owned()]);
        assert_eq!(c.editor.as_deref(), Some("陈某"));
    }

    #[test]
    fn dates_in_several_shapes() {
        assert_eq!(find_date("发布时间：2021年3月7日 10:00").as_deref(), Some("2021-03-07"));
        assert_eq!(find_date("2019/12/01").as_deref(), Some("2019-12-01"));
        assert_eq!(find_date("时间:2022-04-18 16:30").as_deref(), Some("2022-04-18"));
        assert_eq!(find_date("达到12020-01-01"), None);
        assert_eq!(find_date("2020-13-01"), None);
        assert_eq!(find_date("共计2020人"), None);
    }

    fn fields(line: &str) -> Fields {
        let c = credits(line).unwrap_or_else(|| panic!("{line} is a credit line"));
        assert!(c.keep, "{line} stays in the text");
        c.fields
    }

    #[test]
    fn source_time_and_editor_on_one_line() {
        let f = fields("来源:海川网 时间:2022-04-18 10:20:35 编辑:婷婷");
        assert_eq!(f.source.as_deref(), Some("海川网"));
        assert_eq!(f.date.as_deref(), Some("2022-04-18"));
        assert_eq!(f.editor.as_deref(), Some("婷婷"));
        assert!(f.authors.is_empty());
    }

    #[test]
    fn a_unit_as_author_is_no_name() {
        let f = fields("发布时间:2021-03-05 00:00:00   作者:宣传部   来源: 宣传部   浏览次数:");
        assert_eq!(f.source.as_deref(), Some("宣传部"));
        assert_eq!(f.date.as_deref(), Some("2021-03-05"));
        assert!(f.authors.is_empty(), "{:?}", f.authors);
    }

    #[test]
    fn reporters_after_an_outlet_or_in_brackets() {
        assert_eq!(fields("（记者 李明 张华）").authors, vec!["李明", "张华"]);
        assert_eq!(fields("重庆晨报·上游新闻记者 王淳").authors, vec!["王淳"]);
        assert_eq!(fields("本报记者王淳 通讯员 刘一鸣").authors, vec!["王淳", "刘一鸣"]);
        assert_eq!(fields("新华社记者 张三 摄").authors, vec!["张三"]);
        assert_eq!(fields("作者：欧阳明月").authors, vec!["欧阳明月"]);
    }

    #[test]
    fn photographers_in_captions() {
        assert_eq!(fields("( 摄影 唐小川)").authors, vec!["唐小川"]);
        let c = clean("会展中心施工现场。( 摄影 唐小川)\n正文第一段，内容。");
        assert_eq!(c.authors, vec!["唐小川"]);
        assert!(c.text.starts_with("会展中心施工现场。( 摄影 唐小川)"));
        let c = clean("本报讯（记者 周明）5月14日，云岭市召开会议。");
        assert_eq!(c.authors, vec!["周明"]);
    }

    #[test]
    fn editors() {
        assert_eq!(fields("[责任编辑: 陈霞 ]").editor.as_deref(), Some("陈霞"));
        assert_eq!(fields("责任编辑：李想").editor.as_deref(), Some("李想"));
        assert_eq!(fields("编辑 张三、李四").editor.as_deref(), Some("张三、李四"));
        // a reviewer or proof-reader after the editor keeps the line a credit, in the text
        assert_eq!(fields("编辑：郑晓雯　审核：钱国强").editor.as_deref(), Some("郑晓雯"));
        assert_eq!(fields("责任编辑：孔维　校对：宁小丹").editor.as_deref(), Some("孔维"));
        assert!(credits("审核：钱国强").is_some_and(|c| c.keep));
        // a Mongolian name of five characters on its own
        assert_eq!(fields("编辑：那仁格日勒").editor.as_deref(), Some("那仁格日勒"));
        // (not in a list, where a five-char word is no name)
        assert_eq!(fields("编辑：李想 那仁格日勒").editor.as_deref(), Some("李想"));
        // (five characters that are no name)
        assert!(credits("作者：本报评论员").is_none_or(|c| c.fields.authors.is_empty()));
        let c = clean(
            "某县召开会议\n会议强调，要抓好落实。各部门参加会议。\n记者：刘晓　通讯员：田禾\n编辑：敖其尔巴图　审核：孟和\n分享到：微信 微博",
        );
        assert_eq!(c.editor.as_deref(), Some("敖其尔巴图"));
        assert!(c.text.contains("审核：孟和"), "{}", c.text);
    }

    #[test]
    fn a_time_line_is_kept_and_dated() {
        assert_eq!(fields("时间:2022-04-18 16:30").date.as_deref(), Some("2022-04-18"));
        assert_eq!(fields("发布日期：2020年5月14日").date.as_deref(), Some("2020-05-14"));
    }

    #[test]
    fn a_counter_line_is_dropped_but_its_date_read() {
        let c = credits("2020-05-14 09:57:02 来源: 0 条评论").unwrap();
        assert!(!c.keep);
        assert_eq!(c.fields.date.as_deref(), Some("2020-05-14"));
        assert_eq!(c.fields.source, None);
    }

    #[test]
    fn a_byline_with_a_read_counter() {
        let c = credits(
            "2023-05-18 10:12\u{a0}\u{a0}来源：临川日报\u{a0}\u{a0}记者 高岚 通讯员 钟秀\u{a0}\u{a0}阅读：2381",
        )
        .unwrap();
        assert!(c.keep);
        assert_eq!(c.fields.source.as_deref(), Some("临川日报"));
        assert_eq!(c.fields.authors, ["高岚", "钟秀"]);
        assert_eq!(c.fields.date.as_deref(), Some("2023-05-18"));
    }

    #[test]
    fn a_byline_ending_in_the_page_s_font_size_buttons() {
        let c = credits(
            "发布时间：2022-09-13 08:30:16  来源：沅陵日报  记者：杜明 通讯员：夏青  点击数：3867  【大 中 小】",
        )
        .unwrap();
        assert_eq!(c.fields.source.as_deref(), Some("沅陵日报"));
        assert_eq!(c.fields.authors, ["杜明", "夏青"]);
        let c =
            credits("2022-09-13 07:52来源：溆浦日报作者：记者 蒋一鸣 通讯员 石岚阅读数：2351字号：大 中 小").unwrap();
        assert_eq!(c.fields.source.as_deref(), Some("溆浦日报"));
        assert_eq!(c.fields.authors, ["蒋一鸣", "石岚"]);
        // the font buttons under their own label, right after the names
        let c = credits("2024-06-02 07:30:16　来源：清河晚报　记者 梁远　实习生 甘露　【字号 大 中 小】").unwrap();
        assert_eq!(c.fields.source.as_deref(), Some("清河晚报"));
        assert_eq!(c.fields.authors, ["梁远", "甘露"]);
        let c = credits("来源：清河日报 发布时间：2024-04-16 08:35 记者 梁远 文/图 字号：大 中 小").unwrap();
        assert_eq!(c.fields.authors, ["梁远"]);
        // a counter followed by a sentence is no credit line
        assert!(credits("阅读：3867次，许多读者表示，活动办得好。").is_none());
    }

    #[test]
    fn a_timestamp_after_the_names() {
        let c = credits("来源：清河报 记者 梁远　通讯员 甘露 2024-08-03 10:20 阅读 3461").unwrap();
        assert_eq!(c.fields.source.as_deref(), Some("清河报"));
        assert_eq!(c.fields.authors, ["梁远", "甘露"]);
        assert_eq!(c.fields.date.as_deref(), Some("2024-08-03"));
        // digits that are no timestamp still make the value no list of names
        assert!(credits("记者 梁远 3个项目").is_none());
    }

    #[test]
    fn an_outlet_and_a_timestamp_before_the_byline() {
        let c = credits("清河财经网　2024-05-08 07:46　记者 梁远").unwrap();
        assert_eq!(c.fields.source.as_deref(), Some("清河财经网"));
        assert_eq!(c.fields.authors, ["梁远"]);
        assert_eq!(c.fields.date.as_deref(), Some("2024-05-08"));
        // a sentence before the date is no outlet
        assert!(credits("会议要求各地 2024-05-08 前完成，记者 梁远").is_none());
    }

    #[test]
    fn sentences_that_mention_labels_are_not_credits() {
        for line in [
            "资金来源:财政拨款和社会资本共同投入",
            "记者从市教委获悉,今年将新增学位",
            "记者了解到",
            "时间过得很快，转眼一年。",
            "总编辑张三表示，将继续努力。",
            "编辑部的故事",
            "本文作者系某某大学教授",
        ] {
            assert!(credits(line).is_none(), "{line}");
        }
        let m = credits("来源：新华社").unwrap();
        assert_eq!(m.fields.source.as_deref(), Some("新华社"));
    }

    #[test]
    fn the_editor_line_closes_the_article() {
        let c = clean(
            "江津区召开会议\n江津区召开全区经济工作会议。\n会议指出，要加快发展。\n会议要求，要抓好落实。\n[责任编辑: 王某 ]\n文明上网理性发言\n精彩推荐\n另一条新闻的正文，有句号。",
        );
        assert!(c.text.ends_with("[责任编辑: 王某 ]\n另一条新闻的正文，有句号。"), "{}", c.text);
        assert_eq!(c.editor.as_deref(), Some("王某"));
    }

    #[test]
    fn breadcrumbs_and_menus_are_chrome() {
        assert!(is_chrome("当前位置: 首页 > 新 闻 > 区县动态 > 专题报道 > 正文"));
        assert!(is_chrome("首页 > 新闻 > 正文"));
        assert!(!is_chrome("增长率 > 5% 的企业有三家，> 10% 的有一家，全部位于开发区内，这是今年以来的新情况。"));
    }

    #[test]
    fn title_is_the_line_before_the_credits() {
        let c =
            clean("专题报道\n当前位置: 首页 > 资讯 > 正文\n江津区领导赴企业调研复工复产\n发布时间:2021-03-05\n正文。");
        assert_eq!(c.title.as_deref(), Some("江津区领导赴企业调研复工复产"));
        // the channel name above the breadcrumb is the site's header
        assert_eq!(c.text, "江津区领导赴企业调研复工复产\n发布时间:2021-03-05\n正文。");
    }

    #[test]
    fn credits_before_a_share_bar_are_read() {
        let c =
            credits("2024-05-17 09:12:03　来源：某某日报　作者：记者 甘立 通讯员 柯文　分享到：微信 新浪微博").unwrap();
        assert_eq!(c.fields.source.as_deref(), Some("某某日报"));
        assert_eq!(c.fields.authors, ["甘立", "柯文"]);
        // and the font buttons after the editor
        let c = credits("2024-04-19 08:20:16　来源：某某日报　作者：记者 甘立　编辑：柯文　【大 中 小】").unwrap();
        assert_eq!(c.fields.editor.as_deref(), Some("柯文"));
        assert_eq!(c.fields.authors, ["甘立"]);
        let c = clean(
            "云岭县举办茶叶采摘节\n2024-05-17 09:12:03　来源：某某日报　作者：记者 甘立　分享到：微信 新浪微博\n正文有句号。",
        );
        assert_eq!(c.source.as_deref(), Some("某某日报"));
        assert!(c.text.contains("作者：记者 甘立") && !c.text.contains("分享到"), "{}", c.text);
    }

    #[test]
    fn a_dateline_is_no_title() {
        let c = clean(
            "首页 > 新闻 > 正文\n云岭县举办茶叶采摘节\n2023-04-11 09:15:02 【来源：某某新闻网】\n作者：李某\n正文有句号。",
        );
        assert_eq!(c.title.as_deref(), Some("云岭县举办茶叶采摘节"));
        let c = clean("2023-04-11 09:15:02 【来源：某某新闻网】\n作者：李某\n正文有句号。");
        assert_eq!(c.title, None);
        assert!(is_title_shaped("【独家】云岭县举办茶叶采摘节"));
        assert!(!is_title_shaped("2023年4月11日 (星期二)"));
        assert!(!is_title_shaped("2024-03-12 09:41:26　来源：某某日报　　【字号：大 中 小】　【打印】"));
        assert!(is_title_shaped("时间银行来源于社区互助"));
        assert!(is_title_shaped("组图：云岭县举办茶叶采摘节"));
        assert!(is_title_shaped("时代楷模走进校园"));
    }

    #[test]
    fn site_suffix() {
        assert_eq!(strip_site_suffix("北碚区打造四地一枢纽_华龙网"), "北碚区打造四地一枢纽");
        assert_eq!(strip_site_suffix("北碚区打造四地一枢纽_时政_华龙网"), "北碚区打造四地一枢纽");
        assert_eq!(strip_site_suffix("天府新区全力推进重点工程建设-某某网"), "天府新区全力推进重点工程建设");
        assert_eq!(strip_site_suffix("云岭市 2020-05-14 会议纪要"), "云岭市 2020-05-14 会议纪要");
        assert_eq!(strip_site_suffix("短_网"), "短_网");
    }
}
