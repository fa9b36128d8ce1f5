//! Long names over the tagger's words: named projects, platforms, zones and bodies that end in a
//! head word (江北康达玻璃基板项目, 嘉陵江流域水资源保护重点实验室, 东部(宁波)科学城), documents and
//! agreements in 《》, programmes named in quotes with what follows (“1+3+N”智慧交通体系,
//! “十四五”人才发展规划, “招商引资提质年”活动), and the outlet and people of a page's credit
//! lines (来源:江津日报, 编辑:婷婷, (摄影 唐小川)).
//!
//! A headed name grows leftwards from its head over words that can be part of a name — nouns,
//! proper names, places, numbers with digits or Latin letters, a bracketed place (重庆), a
//! conjunction between common nouns (水资源保护与生态修复…) — and stops at verbs, function words,
//! punctuation and line ends. A project must hold a proper name (a place, a body, a brand);
//! a place followed only by descriptive words (江津双福工业园规划项目) names no project.

use super::EntityKind;
use super::gazetteer::Gazetteer;
use super::identity::Key;
use super::lac::Token;
use super::lexicon::{Lexicon, WordList, is_generic, surname_len};
use super::resolve::{Mention, Nested, Resolved};
use super::rules::Candidate;
use crate::text::{Span, bracketed, is_han, slice};

/// All candidates of this module.
#[must_use]
pub fn candidates(chars: &[char], tokens: &[Token<'_>]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let split = split_brackets(chars, tokens);
    let tokens = split.as_slice();
    let mut out = headed(chars, tokens, &lex.project_heads, EntityKind::Initiative, "project head", 30);
    for c in &mut out {
        name_project_without_its_company(c);
    }
    out.extend(headed(chars, tokens, &lex.event_heads, EntityKind::Initiative, "event head", 24));
    out.extend(headed(chars, tokens, &lex.org_suffixes, EntityKind::Organization, "organization head", 24));
    out.extend(headed(chars, tokens, &lex.zone_suffixes, EntityKind::Place, "zone head", 20));
    out.extend(inclusion_targets(chars, tokens));
    out.extend(documents(chars));
    out.extend(quoted_programmes(chars));
    out.extend(brands(chars));
    out.extend(credits(chars));
    out.extend(field_platforms(chars, tokens));
    out.extend(elliptical_governments(chars));
    out.extend(joined_field_departments(chars));
    out.extend(school_units(chars, tokens));
    out.extend(listed_programmes(chars));
    out.extend(projects_listed_by_kind(chars));
    out.extend(web_outlets_before_credits(chars));
    out
}

/// A news site (华龙网, 某某新闻网) named right before a credit that names people (…网记者, …网
/// 编辑) or before 讯 (…网讯): the outlet. The name runs back over Han chars to a clause's edge.
fn web_outlets_before_credits(chars: &[char]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    for i in (2..chars.len()).filter(|&i| chars[i] == '网') {
        let after = i + 1;
        let credit = chars.get(after) == Some(&'讯')
            || lex
                .credit_label_at(chars, after)
                .is_some_and(|(label, _, names)| label.chars().count() >= 2 && names == "person");
        if !credit {
            continue;
        }
        let start = super::rules::name_start(chars, i, 6);
        let edge = start == 0 || !is_han(chars[start - 1]) || lex.stop_chars.has_char(chars[start - 1]);
        if i - start >= 2 && edge {
            out.push(Candidate::new(chars, Span::new(start, i + 1), EntityKind::Organization, "web outlet", 3));
        }
    }
    out
}

/// A project written after its company's full legal name (某某新能源有限公司阿巴嘎旗风电项目), or
/// after a short one before its capacity (某某公司年产2万吨…项目), goes by the name after it
/// (阿巴嘎旗风电项目); the whole stays its written form and its identity, so either
/// is its name and two companies' 二期项目 stay two.
fn name_project_without_its_company(c: &mut Candidate) {
    let lex = Lexicon::get();
    let chars: Vec<char> = c.label.chars().collect();
    let Some(end) = (4..chars.len().saturating_sub(4))
        .rev()
        // (a short form too where a capacity opens the project's words: 某某公司 + 年产…项目)
        .find(|&e| {
            let rest: String = chars[e..].iter().collect();
            let amount: String = chars[e..].iter().take_while(|c| !is_han(**c) || "万亿千百".contains(**c)).collect();
            let capacity = lex.project_verbs.prefix_of(&rest).is_some_and(|v| v.starts_with('年'))
                || chars[e].is_ascii_digit() && lex.capacity_units.prefix_of(&rest[amount.len()..]).is_some();
            lex.corporate_forms.longest_ending_at(&chars, e).is_some_and(|n| n >= 3 || (n == 2 && capacity))
        })
    else {
        return;
    };
    let rest: String = chars[end..].iter().collect();
    // (the key stays the whole's: two companies' 二期项目 are two projects)
    if lex.project_heads.suffix_of(&rest).is_some() && !only_qualifiers(&chars[end..], &lex.project_qualifiers) {
        c.label = rest;
    }
}

/// The longest a name in a list of projects may be.
const LISTED_PROJECT_REACH: usize = 24;

/// Names listed before 等 and the kind they are (推进甲铁路、乙陆港二期、丙供水工程等重大项目建设;
/// 甲、乙等项目开工): each is a project. The list runs back to the clause's start or to the verb
/// that opens it; an item that is only a place's name is no project.
fn projects_listed_by_kind(chars: &[char]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    for i in (1..chars.len()).filter(|&i| chars[i] == '等') {
        // 等 + describing words + a project head: 等重大项目, 等一批重点项目, 等工程
        let mut at = i + 1;
        while let Some(n) =
            lex.project_qualifiers.longest_at(chars, at).filter(|_| !lex.project_heads.starts_at(chars, at))
        {
            at += n;
        }
        if !lex.project_heads.starts_at(chars, at) {
            continue;
        }
        let clause_start = chars[..i]
            .iter()
            .rposition(|&c| matches!(c, '，' | '。' | '；' | '：' | '\n' | ',' | ';' | ':'))
            .map_or(0, |p| p + 1);
        let mut items: Vec<Span> = Vec::new();
        let mut end = i;
        for k in (clause_start..=i).rev() {
            if k == clause_start || chars[k - 1] == '、' {
                items.push(Span::new(k, end));
                end = k.saturating_sub(1);
            }
        }
        // a list of one is no list (推进项目等工作)
        if items.len() < 2 {
            continue;
        }
        for mut span in items {
            // an item starts after the verb or the word that opens it (推进甲铁路, 主要包括甲铁路,
            // 、加快乙工程)
            // (inside a later item only at its start: 、加快乙工程, not …循环利用项目)
            let from = if span.start == clause_start { span.end } else { span.start + 1 };
            let opener_end = (span.start..from.min(span.end)).rev().find_map(|v| {
                let len = lex
                    .promote_verbs
                    .longest_at(chars, v)
                    .or_else(|| lex.action_verbs.longest_at(chars, v))
                    .or_else(|| lex.boundary_words.longest_at(chars, v))?;
                (len >= 2 && v + len < span.end).then_some(v + len)
            });
            span.start = opener_end.unwrap_or(span.start);
            // (a function char left after the verb: 签约了甲)
            while span.start < span.end && lex.stop_chars.has_char(chars[span.start]) {
                span.start += 1;
            }
            let name = &chars[span.start..span.end];
            // an item names a works: a place (or region, or known body) in it, a works' head (铁路, 水库, 工程) or a phase
            // (二期); 城市更新、生态修复等重大工程 lists kinds, not names
            let text: String = name.iter().collect();
            let works = lex.project_heads.suffix_of(&text).is_some()
                || lex.site_endings.suffix_of(&text).is_some()
                || ["铁路", "公路", "高速", "水库", "大桥", "隧道", "枢纽", "港", "期"]
                    .iter()
                    .any(|w| text.ends_with(w));
            if !(3..=LISTED_PROJECT_REACH).contains(&name.len())
                || !name.iter().all(|&c| is_han(c) || c.is_ascii_alphanumeric())
                || is_place_only(chars, span)
                || only_qualifiers(name, &lex.project_qualifiers)
                || !(works || super::rules::has_anchor(name))
            {
                continue;
            }
            out.push(Candidate::new(chars, span, EntityKind::Initiative, "listed project", 1));
        }
    }
    out
}

/// The programme an item of a plan's list opens with (一是实施园区扩能增效工程。(二)开展…专项行动；):
/// after the ordinal and a verb of carrying out, the words up to a programme head that ends the
/// clause.
fn listed_programmes(chars: &[char]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    for i in 0..chars.len() {
        if i > 0 && !matches!(chars[i - 1], '\n' | '。' | '；' | '：') {
            continue;
        }
        let Some(n) = crate::text::ordinal_at(chars, i) else { continue };
        let Some(v) = lex.promote_verbs.longest_at(chars, i + n) else { continue };
        let start = i + n + v;
        let end = (start..chars.len().min(start + 18))
            .find(|&j| !(is_han(chars[j]) || matches!(chars[j], '“' | '”')))
            .unwrap_or(chars.len());
        if end - start < 4 || !matches!(chars.get(end), Some('。' | '；' | '，' | '\n')) {
            continue;
        }
        let name = &chars[start..end];
        let headed =
            lex.quoted_programme_heads.ends_at(name, name.len()) || lex.project_heads.ends_at(name, name.len());
        if headed && !name.contains(&'的') {
            out.push(Candidate::new(chars, Span::new(start, end), EntityKind::Initiative, "listed programme", 2));
        }
    }
    out
}

/// An office of the university a school word stands for (学校科技处, 我校教务处): the office's
/// own words, which the relations attach to the university.
fn school_units(chars: &[char], tokens: &[Token<'_>]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let word = slice(chars, t.span);
        let school =
            lex.pronoun_words.rows().iter().any(|r| r[0] == word && r.get(1).is_some_and(|s| s == "university"));
        if !school {
            continue;
        }
        // the unit: one or two nominal words right after, ending in a unit word
        let mut end = t.span.end;
        for next in tokens.iter().skip(k + 1).take(2) {
            if next.span.start != end || !matches!(next.label, "n" | "nz" | "vn" | "ORG") {
                break;
            }
            end = next.span.end;
            let unit = &chars[t.span.end..end];
            if (3..=8).contains(&unit.len())
                && lex.university_units.ends_at(chars, end)
                && !lex.university_units.contains(&slice(chars, Span::new(t.span.end, end)))
            {
                out.push(Candidate::new(chars, Span::new(t.span.end, end), EntityKind::Organization, "school unit", 2));
                break;
            }
        }
    }
    out
}

/// A department of a level's government whose field is two fields joined by 和 (市经济和信息化局,
/// 区住房和城乡建设委员会), read on characters where the tagger splits it: a level word that
/// starts a word, two fields of two to four chars, and a department ending.
fn joined_field_departments(chars: &[char]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    let field = |from: usize, to: usize| {
        (2..=4).contains(&(to - from)) && chars[from..to].iter().all(|&c| is_han(c) && !lex.stop_chars.has_char(c))
    };
    for i in (1..chars.len()).filter(|&i| chars[i] == '和') {
        for a in (i.saturating_sub(4)..i.saturating_sub(1)).rev() {
            let level = a.checked_sub(1).map(|l| chars[l]);
            if !level.is_some_and(|c| "省市县区州旗".contains(c)) || !field(a, i) {
                continue;
            }
            let start = a - 1;
            // the level word starts a word (、市…, ，市…, 由市…)
            if start > 0 && is_han(chars[start - 1]) && !lex.stop_chars.has_char(chars[start - 1]) {
                continue;
            }
            // (the ending ends the word: not 委 of 人大代表和政协委员)
            let ends_word = |e: usize| {
                chars.get(e).is_none_or(|&c| !is_han(c) || lex.stop_chars.has_char(c) || c == '等')
                    || lex.titles.starts_at(chars, e)
                    || lex.boundary_words.starts_at(chars, e)
                    || lex.promote_verbs.starts_at(chars, e)
                    || lex.action_verbs.starts_at(chars, e)
            };
            let end = (i + 3..=(i + 5 + 3).min(chars.len())).find_map(|e| {
                let n = lex.department_endings.longest_ending_at(chars, e)?;
                (e - n > i && field(i + 1, e - n) && ends_word(e)).then_some(e)
            });
            if let Some(end) = end {
                out.push(Candidate::new(
                    chars,
                    Span::new(start, end),
                    EntityKind::Organization,
                    "joined-field department",
                    1,
                ));
            }
        }
    }
    out
}

/// A government named after its party committee with the place left out (修水县委、县政府;
/// 荔波县委和县政府): the place's government.
fn elliptical_governments(chars: &[char]) -> Vec<Candidate> {
    let g = Gazetteer::get();
    let mut out = Vec::new();
    for i in 3..chars.len().saturating_sub(3) {
        let level = chars[i];
        if !"省市县区州旗".contains(level) || chars[i + 1] != '政' || chars[i + 2] != '府' {
            continue;
        }
        // …<place><level>委 + 、/和 right before
        if !matches!(chars[i - 1], '、' | '和' | '与') || chars[i - 2] != '委' || chars[i - 3] != level {
            continue;
        }
        let place_end = i - 2; // the committee's name without 委
        let Some(place) = (place_end.saturating_sub(8)..place_end.saturating_sub(1))
            .map(|s| slice(chars, Span::new(s, place_end)))
            .find(|p| g.lookup(p).next().is_some())
        else {
            continue;
        };
        let mut c = Candidate::new(chars, Span::new(i, i + 3), EntityKind::Organization, "elliptical government", 3);
        c.label = format!("{place}人民政府");
        c.key = super::identity::Key::org(&c.label);
        out.push(c);
    }
    out
}

/// The tagger's words with brackets made words of their own (it reads 中国）投资有限公司 as one
/// word), so a bracketed place inside a name can be seen.
fn split_brackets<'a>(chars: &[char], tokens: &[Token<'a>]) -> Vec<Token<'a>> {
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let mut start = t.span.start;
        for (i, &c) in chars.iter().enumerate().take(t.span.end).skip(t.span.start) {
            if is_open(c) || is_close(c) {
                if i > start {
                    out.push(Token { span: Span::new(start, i), label: t.label });
                }
                out.push(Token { span: Span::new(i, i + 1), label: "w" });
                start = i + 1;
            }
        }
        if start < t.span.end {
            out.push(Token { span: Span::new(start, t.span.end), label: t.label });
        }
    }
    out
}

/// Whether a tagger word can stand inside a name.
fn is_name_word(chars: &[char], t: &Token<'_>) -> bool {
    let word = &chars[t.span.start..t.span.end];
    if word.iter().any(|c| c.is_whitespace()) {
        return false;
    }
    // a conjunction the tagger glued to a noun (负责人和), and words that stand for a body or
    // people rather than name them (学校, 我市, 负责人)
    if word.len() > 1 && matches!(word.last(), Some('和' | '与' | '及')) {
        return false;
    }
    let text: String = word.iter().collect();
    if Lexicon::get().referring_nouns.contains(&text) {
        return false;
    }
    // a description the tagger read as one word with its referring noun (华全资子公司)
    if Lexicon::get().is_referring_description(&text) {
        return false;
    }
    match t.label {
        "n" | "nz" | "nw" | "vn" | "an" | "ORG" | "LOC" | "PER" | "j" | "s" | "xc" | "a" => {
            // a verb-like noun that is one of the verbs names stop at (建设 may be part of a
            // name, 位于 never is)
            !(t.label == "vn" && Lexicon::get().boundary_words.contains(&slice(chars, t.span)) && word.len() == 2)
                || Lexicon::get().name_verb_nouns.contains(&slice(chars, t.span))
        }
        // a direction (西部, 东北): not 其中, 之间
        "f" => word.len() >= 2 && "东西南北中".contains(word[0]) && text != "中间",
        "m" => {
            // 第8代, B6, 220kV and a place the tagger read as a number (两江): not 26个, 一批
            let has_alnum = word.iter().any(char::is_ascii_alphanumeric);
            let measure = word.last().is_some_and(|c| "个家项批座条所名位次年月日".contains(*c));
            (has_alnum || word.iter().any(|&c| is_han(c) && !crate::text::is_cn_numeral(c) && c != '第')) && !measure
                || word.first() == Some(&'第') && word.len() >= 2
        }
        _ => false,
    }
}

fn is_open(c: char) -> bool {
    matches!(c, '(' | '（')
}

fn is_close(c: char) -> bool {
    matches!(c, ')' | '）')
}

/// Where a name ending with token `k` (inclusive) begins: the start of the leftmost word it can
/// grow over, within `max` chars.
fn grow_left(chars: &[char], tokens: &[Token<'_>], k: usize, max: usize, verbs: bool, zone: Option<usize>) -> usize {
    let end = tokens[k].span.end;
    let mut start = tokens[k].span.start;
    let mut j = k;
    let mut conjunctions = 0;
    while j > 0 {
        let t = &tokens[j - 1];
        if t.span.end != start || end - t.span.start > max {
            break;
        }
        let word = slice(chars, t.span);
        if word.chars().count() == 1 && is_close(chars[t.span.start]) {
            // a bracketed place or qualifier inside the name: 东部(宁波)科学城
            let Some(open) = (j.saturating_sub(8)..j - 1)
                .rev()
                .find(|&o| tokens[o].span.len() == 1 && is_open(chars[tokens[o].span.start]))
            else {
                break;
            };
            let inner = &tokens[open + 1..j - 1];
            if inner.is_empty() || !inner.iter().all(|x| is_name_word(chars, x)) || open == 0 {
                break;
            }
            // the bracket must follow a name word (not open a clause)
            if !is_name_word(chars, &tokens[open - 1]) || tokens[open - 1].span.end != tokens[open].span.start {
                break;
            }
            start = tokens[open].span.start;
            j = open;
            continue;
        }
        // two places joined by a dash: 江北—渝北快速通道项目
        if matches!(word.as_str(), "—" | "－" | "-" | "——")
            && matches!(tokens[j].label, "LOC" | "nz" | "ORG")
            && j >= 2
            && matches!(tokens[j - 2].label, "LOC" | "nz" | "ORG")
            && tokens[j - 2].span.end == t.span.start
        {
            start = tokens[j - 2].span.start;
            j -= 2;
            continue;
        }
        // a body's full name before the conjunction is a name of its own (…创新中心和…中心)
        let left_is_name = j >= 2 && {
            let lex = Lexicon::get();
            let end = tokens[j - 2].span.end;
            lex.org_suffixes.ends_at(chars, end)
                || lex.project_heads.ends_at(chars, end)
                || lex.zone_suffixes.longest_ending_at(chars, end).is_some_and(|n| n >= 2)
        };
        if t.label == "c" && conjunctions == 0 && !left_is_name && matches!(word.as_str(), "和" | "与" | "及" | "暨")
        {
            // between common nouns only: 水资源保护与生态修复…, not 江津区与宜宾市…
            let right = &tokens[j];
            let left = j.checked_sub(2).map(|i| &tokens[i]);
            let common = |x: &Token<'_>| matches!(x.label, "n" | "vn" | "nz" | "an");
            // (a body the tagger read whole after common nouns: 智能传感与精密仪器联合研究中心)
            let joined = common(right) && left.is_some_and(|l| common(l) || l.label == "LOC")
                || right.label == "ORG" && left.is_some_and(common);
            if joined {
                conjunctions += 1;
                start = t.span.start;
                j -= 1;
                continue;
            }
            break;
        }
        // a project's name may hold verbs that describe the works (改造提升, 扩建, 循环利用), or a
        // verb the tagger read between two nouns of the name (两江/协同/创新区) that is no
        // predicate
        let lex = Lexicon::get();
        let between_nouns = t.label == "v"
            && !lex.boundary_words.contains(&word)
            && j >= 2
            && matches!(tokens[j - 2].label, "LOC" | "ORG" | "nz" | "n")
            && matches!(tokens[j].label, "n" | "nz" | "vn");
        let verb_in_name =
            verbs && (matches!(t.label, "v" | "vd") && lex.project_verbs.contains(&word) || between_nouns);
        if !is_name_word(chars, t) && !verb_in_name {
            break;
        }
        // a name holds no project before it (主会场项目 | 湖州…一期项目, 主会场项目 | 湖州…产业园)
        if word == "项目" {
            break;
        }
        // a zone named after the zone or the district it lies in is a name of its own: 重庆高新区
        // | 拓展园, 南岸区 | 弹子石片区 (but 璧山高新区, 重庆高新区 are names of their own)
        if let Some(head) = zone {
            if Lexicon::get().zone_suffixes.longest_ending_at(chars, t.span.end).is_some_and(|n| n >= 2) {
                break;
            }
            // the zone has a name of its own before its zone word
            // (a park named by its county and trade is one name: 富顺县纺织产业园; not 南溪区三大
            // 园区, and not 江津区双福工业园, where the town names the park)
            let park = chars[..end].ends_with(&['园']) || chars[..end].ends_with(&['园', '区']);
            let middle: Vec<&Token<'_>> =
                tokens.iter().filter(|x| x.span.start >= start && x.span.end <= end - head).collect();
            let trade = park
                && !middle.is_empty()
                && middle
                    .iter()
                    .all(|x| matches!(x.label, "n" | "vn" | "nz") && !crate::text::is_cn_numeral(chars[x.span.start]))
                && proper_part(chars, tokens, Span::new(start, end - head), false).is_none();
            if start + head < end && is_county_name(&word) && !trade {
                break;
            }
        }
        start = t.span.start;
        j -= 1;
    }
    // a name does not begin with a conjunction or a bracket
    while start < end && (matches!(chars[start], '和' | '与' | '及' | '暨') || is_open(chars[start])) {
        start += 1;
    }
    start
}

/// Whether a name (without its head) holds something proper: a place the gazetteer knows, a
/// town, a region, a well-known body, a word the tagger calls a name, Latin letters or digits of
/// a model (OLED, B6), or the brand of a company the document names in full at its start.
fn proper_part(chars: &[char], tokens: &[Token<'_>], span: Span, towns: bool) -> Option<Span> {
    let lex = Lexicon::get();
    let g = Gazetteer::get();
    for t in tokens.iter().filter(|t| span.contains(t.span)) {
        let word = slice(chars, t.span);
        let proper = matches!(t.label, "LOC" | "ORG" | "PER" | "nz" | "nw")
            && !is_generic(&chars[t.span.start..t.span.end])
            && !lex.generic_words.contains(&word);
        let latin = word.chars().filter(char::is_ascii_alphabetic).count() >= 2;
        if proper || latin {
            return Some(t.span);
        }
    }
    // the brand of a company the document names in full (恒钰精工 of 江苏恒钰精工制造有限公司)
    // starting the name
    let brand = Span::new(span.start, (span.start + 4).min(span.end));
    if brand.len() == 4 && in_company_name(chars, tokens, brand) {
        return Some(brand);
    }
    // a known place, town or body anywhere inside (the tagger may have split or mislabelled it)
    for i in span.start..span.end {
        for j in (i + 2..=span.end.min(i + 12)).rev() {
            let s: String = chars[i..j].iter().collect();
            // a town only where the name starts (双福工业园, 水土高新园): town names inside a
            // name are too often ordinary words
            let town = towns
                && i == span.start
                && !g.town_core_counties(&s).is_empty()
                && !lex.generic_words.contains(&s)
                && !is_generic(&chars[i..j]);
            // a gazetteer name that is also a common word of names (产业园) anchors nothing
            let common = lex.zone_suffixes.contains(&s)
                || lex.org_suffixes.contains(&s)
                || lex.generic_words.contains(&s)
                || is_generic(&chars[i..j]);
            if !common && (g.lookup(&s).next().is_some() || g.world(&s).is_some())
                || lex.known_org(&s).is_some()
                || town
            {
                return Some(Span::new(i, j));
            }
        }
    }
    None
}

/// Whether the chars of `span` (Han, not generic) start the brand of a company the tagger reads
/// elsewhere in the document: right after its place or first (恒钰精工 of 江苏恒钰精工制造有限公司).
fn in_company_name(chars: &[char], tokens: &[Token<'_>], span: Span) -> bool {
    let words = &chars[span.start..span.end];
    span.len() == 4
        && words.iter().all(|&c| is_han(c))
        && !is_generic(words)
        && tokens.iter().any(|t| {
            t.label == "ORG"
                && (t.span.end <= span.start || t.span.start >= span.end)
                && t.span.len() >= span.len() + 4
                && Lexicon::get().company_suffixes.ends_at(chars, t.span.end)
                && chars[t.span.start..t.span.end].windows(words.len()).position(|w| w == words).is_some_and(|at| {
                    // (its brand: right after the place the company is named with, or first)
                    let place: String = chars[t.span.start..t.span.start + at].iter().collect();
                    at == 0 || Gazetteer::get().lookup(&place).next().is_some()
                })
        })
}

/// Where the last proper part of a name ends (双福工业园 of 双福工业园规划).
fn proper_end(chars: &[char], tokens: &[Token<'_>], span: Span) -> usize {
    let mut end = span.start;
    let mut at = span.start;
    while at < span.end {
        match proper_part(chars, tokens, Span::new(at, span.end), false) {
            Some(p) => {
                end = end.max(p.end);
                at = p.end.max(at + 1);
            }
            None => break,
        }
    }
    end
}

/// Candidates ending in a head word of `heads`, grown leftwards over name words.
fn headed(
    chars: &[char],
    tokens: &[Token<'_>],
    heads: &WordList,
    kind: EntityKind,
    rule: &'static str,
    max: usize,
) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let Some(head_len) = heads.longest_ending_at(chars, t.span.end) else { continue };
        // a project's head must end the noun phrase: 项目 of 项目经理 only modifies (but 项目 +
        // 计划总投资…, 项目 + 总投资… start the predicate)
        if kind == EntityKind::Initiative
            && tokens.get(k + 1).is_some_and(|n| {
                n.span.start == t.span.end && n.label == "n" && !lex.project_predicates.starts_at(chars, n.span.start)
            })
        {
            continue;
        }
        // a kind of project counted (引进新能源汽车产业链项目17个) names none
        if kind == EntityKind::Initiative && counted_after(chars, t.span.end) {
            continue;
        }
        // a one-char head inside a longer word must leave a name before it in that word (科技局,
        // 高新园; not 布局, 公园)
        if head_len == 1 && t.span.len() == 2 && !matches!(t.label, "ORG" | "LOC") {
            continue;
        }
        // the head must end the word (产业园 of 产业园区 is not a head here)
        if head_len > t.span.end {
            continue;
        }
        let project = kind == EntityKind::Initiative;
        let mut start = grow_left(chars, tokens, k, max, project, (kind == EntityKind::Place).then_some(head_len));
        // a project named by its yearly capacity holds whatever product words follow the amount
        // (…年产20万锭高端紧密纺纱项目), however the tagger read them
        let capacity = if project { capacity_phrase(chars, tokens, k, max) } else { None };
        if let Some(p) = capacity {
            start = start.min(grow_left(chars, tokens, p, max, true, None));
        }
        // a project named by its company's brand, which the tagger may read as a verb (恒钰 +
        // 精工…项目 beside 江苏恒钰精工制造有限公司)
        if project && start >= 2 && in_company_name(chars, tokens, Span::new(start - 2, (start + 2).min(t.span.end))) {
            start -= 2;
        }
        // an event's name holds its year and the festival day it is held for (2024年镇远古城端午
        // 龙舟文化旅游节): grow on over them
        // where the event's own name starts after its dotted region (镇远古城文化旅游节 of
        // 2024黔东南·镇远古城文化旅游节): the name it goes by, the whole a form of it
        let mut dotted_from = None;
        if rule == "event head" {
            // …and the region it is held in, joined by a middle dot (2024黔东南·镇远…旅游节)
            if start >= 3
                && matches!(chars[start - 1], '·' | '•')
                && let Some(j) = tokens.iter().position(|x| x.span.end == start - 1)
                && matches!(tokens[j].label, "LOC" | "ns")
                && t.span.end - tokens[j].span.start <= max
            {
                dotted_from = Some(start);
                start = tokens[j].span.start;
            }
            // (a bare year too, which the tagger may read as a number: 2025中国·成县…文化节)
            let year = |x: &Token<'_>| {
                let w = slice(chars, x.span);
                let digits = w.trim_end_matches('年');
                digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit())
            };
            while let Some(j) = tokens.iter().position(|x| x.span.end == start)
                && (tokens[j].label == "TIME" || year(&tokens[j]))
                && t.span.end - tokens[j].span.start <= max
                && !chars[tokens[j].span.start..tokens[j].span.end].iter().any(|&c| "月日时分点".contains(c))
            {
                start = if j == 0 { tokens[j].span.start } else { grow_left(chars, tokens, j, max, false, None) };
            }
        }
        // a news dateline glued on: …6月25日电国家发展计划委员会
        if start > 0 && chars[start] == '电' && chars[start - 1] == '日' {
            start += 1;
        }
        // a place whose name starts with a numeral the tagger read apart (两 + 江…): the
        // document names it with its zone word elsewhere
        if start > 0 && crate::text::is_cn_numeral(chars[start - 1]) && numeral_place_at(chars, start - 1) {
            start -= 1;
        }
        let head_start = t.span.end - head_len;
        if head_start < start + 2 {
            continue;
        }
        let mut span = Span::new(start, t.span.end);
        // a trailing stage or scope in brackets belongs to a project's name: …项目（二期）,
        // …产业园三期项目（含AI算力中心）; a body in preparation keeps its (筹)
        if kind == EntityKind::Initiative {
            span.end = trailing_qualifier(chars, span.end).unwrap_or(span.end);
        } else if kind == EntityKind::Organization
            && chars.get(span.end..span.end + 3).is_some_and(|w| is_open(w[0]) && w[1] == '筹' && is_close(w[2]))
        {
            span.end += 3;
        }
        let head: String = chars[head_start..t.span.end].iter().collect();
        // governments are their places in news NER and in the graph's identity rules
        if matches!(head.as_str(), "政府" | "人民政府" | "当局") {
            continue;
        }
        // a body described by its owner (恒达集团旗下全资子公司, 该集团的控股子公司): the name, if
        // any, comes after it
        if kind == EntityKind::Organization
            && lex.is_referring_description(&chars[span.start..span.end].iter().collect::<String>())
        {
            continue;
        }
        let Some(proper) = proper_part(chars, tokens, Span::new(start, head_start), true) else {
            // the capacity and product name the project (年产3万吨竹纤维素纤维项目); an amount
            // without 年 only where a verb or 的 introduces it (签约2GWh储能电池项目, not 累计建成
            // 200兆瓦分布式光伏项目)
            let yearly = capacity.is_some_and(|p| chars[tokens[p].span.start] == '年');
            let introduced = capacity.is_some_and(|p| {
                let at = tokens[p].span.start.min(start);
                project_introduced_before(chars, tokens, at) || at > 0 && chars[at - 1] == '的'
            });
            if yearly || introduced {
                out.push(Candidate::new(chars, span, kind, rule, 2));
                continue;
            }
            // …and so do the words of what a named builder builds (…公司投资6亿元建设的高效节能变压
            // 换热器智能制造项目): the project a clause of building introduces, when they say more
            // than qualifiers
            // (over a word the tagger read as a time: 现代 of 现代中药制剂生产线项目)
            let from = tokens.iter().find(|x| x.span.end == start && x.label == "TIME").map_or(start, |x| x.span.start);
            let built = from >= 3
                && chars[from - 1] == '的'
                && lex.founding_verbs.ends_at(chars, from - 1)
                && head_start >= from + 4
                && !only_qualifiers(&chars[from..head_start], &lex.project_qualifiers);
            if project && built {
                out.push(Candidate::new(chars, Span::new(from, span.end), kind, "built project", 2));
                continue;
            }
            // …or that a verb of signing, bringing in or building introduces right before them
            // (签约高性能聚酰亚胺薄膜项目, 合作建设猕猴桃果酒加工项目, 投资15亿元的功率半导体封装测试项目)
            // (a trade is a kind of project, not a name: 先进制造业项目)
            let descriptive = head_start >= start + 4
                && !only_qualifiers(&chars[start..head_start], &lex.project_qualifiers)
                && chars[head_start - 1] != '业';
            // (the head ends the phrase, or names the agreement after it: not 校地合作项目 +
            // 清单化管理, but 花椒精深加工项目 + 合作协议)
            // (a verb the tagger read as a noun ends it too: 落户, 开工)
            let ends_phrase = tokens.get(k + 1).is_none_or(|n| {
                !matches!(n.label, "n" | "vn" | "nz" | "an") || lex.boundary_words.contains(&slice(chars, n.span))
            }) || names_agreement_after(chars, t.span.end);
            if project && descriptive && ends_phrase && project_introduced_before(chars, tokens, start) {
                out.push(Candidate::new(chars, span, kind, "introduced project", 2));
                continue;
            }
            // a department of the home area (市经济和信息化局, 区科技局) or of the university
            // the word before it stands for (学校教务处)
            let department = lex.department_endings.suffix_of(&head).is_some();
            let level = head_start >= start + 3 && "市区县省州".contains(chars[start]);
            let of_school = lex.pronoun_words.rows().iter().any(|r| {
                r.get(1).is_some_and(|s| s == "university") && crate::lexicon::ends_with_word(chars, start, &r[0])
            });
            // …or listed right after another body (江津区政府办、科技局)
            let listed = start >= 2 && chars[start - 1] == '、' && "局委办厅室会".contains(chars[start - 2]);
            if kind == EntityKind::Organization
                && department
                && (level || (of_school || listed) && head_start >= start + 2)
            {
                out.push(Candidate::new(chars, Span::new(start, t.span.end), kind, rule, 2));
            }
            continue;
        };
        // a name starts with its proper part when verbs (for a project) or common nouns (for a
        // body: 生产厂家 | 浙江…有限公司) come before it
        let before_proper: Vec<&Token<'_>> =
            tokens.iter().filter(|x| x.span.start >= start && x.span.end <= proper.start).collect();
        let trim = if project {
            before_proper.iter().any(|x| x.label == "v")
        } else {
            kind == EntityKind::Organization
                && proper.start > start
                && before_proper.iter().all(|x| x.label == "n")
                && tokens.iter().any(|x| x.span.start == proper.start && matches!(x.label, "ORG" | "LOC"))
        };
        if trim {
            // (a yearly capacity opens the name: 签订 | 年产10GWh储能电池项目)
            start = capacity.map_or(proper.start, |p| tokens[p].span.start.min(proper.start));
            span.start = start;
        }
        // the words after the proper part must describe something (航空发动机零部件), not only
        // qualify it (规划, 重大)
        let last_proper_end = proper_end(chars, tokens, Span::new(proper.start, head_start)).max(proper.end);
        let rest = &chars[last_proper_end..head_start];
        // (a place followed by more proper words is more than a place: 南阳市 + 分布式光伏发电)
        let place_only = is_place_only(chars, proper) && last_proper_end <= proper.end;
        let ok = if rest.is_empty() {
            match kind {
                // a project named by its place alone is no name
                // (an event is: 黔东南·镇远古城文化旅游节)
                EntityKind::Initiative => proper.len() >= 2 && (!place_only || rule == "event head"),
                // 美国公司, 中国企业: a description; 西南大学, 重庆大学: a name
                _ => !(place_only && lex.descriptive_suffixes.contains(&head)),
            }
        } else {
            // a place or zone followed by generic words is a name (重庆高新区, 水土高新园); a
            // project needs words that say what it builds
            // …and a place followed by generic words before a platform's head is a designation
            // (重庆市高校重点实验室), not a name
            let designation = kind == EntityKind::Organization
                && only_qualifiers(rest, &lex.project_qualifiers)
                && lex.designation_heads.suffix_of(&head).is_some();
            // (an event named by its place and kind is a name: …古城文化旅游节)
            // (a body's name with a qualifier names its project: 瑞禾智家华中智能制造 + 基地项目)
            let body_named = tokens.iter().any(|x| x.span == proper && x.label == "ORG") && !place_only;
            (!project || rule == "event head" || body_named || !only_qualifiers(rest, &lex.project_qualifiers))
                && !designation
        };
        if ok {
            let mut c = Candidate::new(chars, span, kind, rule, 2);
            if let Some(from) = dotted_from.filter(|&f| f >= span.start && f + 3 <= span.end) {
                c.label = slice(chars, Span::new(from, span.end));
                c.key = Key::named(kind, &c.label);
            }
            out.push(c);
        }
    }
    out
}

/// The token of a capacity that opens the name of the project whose head is token `k`: a yearly
/// one (年产 + an amount, 年 + 加工 + an amount) or an amount in a unit of capacity (200兆瓦,
/// 5000吨, 2GWh); only product words stand between it and the head (no punctuation, no verb a
/// name stops at, no 的), within `max` chars.
fn capacity_phrase(chars: &[char], tokens: &[Token<'_>], k: usize, max: usize) -> Option<usize> {
    let lex = Lexicon::get();
    let end = tokens[k].span.end;
    let mut j = k;
    while j > 0 && end - tokens[j - 1].span.start <= max {
        j -= 1;
        let t = &tokens[j];
        let word = slice(chars, t.span);
        let amount_follows = || tokens.get(j + 1).is_some_and(|a| a.label == "m" && a.span.start == t.span.end);
        if word.starts_with('年') && lex.project_verbs.contains(&word) && amount_follows() {
            return Some(j);
        }
        // 年 + a verb the tagger read apart (年/加工/60万吨)
        if j > 0
            && t.label == "v"
            && slice(chars, tokens[j - 1].span) == "年"
            && tokens[j - 1].span.end == t.span.start
            && amount_follows()
        {
            return Some(j - 1);
        }
        if matches!(t.label, "m" | "nz") && is_capacity(&word) {
            // (opened by 年产 or 年 + a verb: 年产/5万吨, 年/加工/60万吨; units in a product of
            // amounts: 2/×/66万千瓦)
            let before = |i: usize| (j >= i).then(|| slice(chars, tokens[j - i].span));
            let joined = |i: usize| j >= i && tokens[j - i].span.end == tokens[j - i + 1].span.start;
            let opened =
                if joined(1) && before(1).is_some_and(|w| w.starts_with('年') && lex.project_verbs.contains(&w)) {
                    j - 1
                } else if joined(2)
                    && (before(2).as_deref() == Some("年") && tokens[j - 1].label == "v"
                        || matches!(before(1).as_deref(), Some("×" | "x" | "*")) && tokens[j - 2].label == "m")
                {
                    j - 2
                } else {
                    j
                };
            return Some(opened);
        }
        let joined = tokens[j + 1].span.start == t.span.end;
        if !joined
            || t.label == "w"
            || matches!(word.as_str(), "的" | "和" | "与" | "及" | "等")
            || lex.boundary_words.contains(&word)
            || word == "项目"
        {
            return None;
        }
    }
    None
}

/// Whether the words from `end` to the clause's end (within 9 chars) end in a document's word:
/// what comes before names the agreement's subject (…项目 + 合作协议).
fn names_agreement_after(chars: &[char], end: usize) -> bool {
    let stop = (end..chars.len().min(end + 9)).find(|&i| !is_han(chars[i])).unwrap_or(chars.len().min(end + 9));
    stop > end && Lexicon::get().document_words.ends_at(chars, stop) && !is_han(*chars.get(stop).unwrap_or(&'。'))
}

/// Whether a count of things follows `end` (17个, 23项, 十余个): the words before name a kind.
fn counted_after(chars: &[char], end: usize) -> bool {
    let digits =
        chars[end..].iter().take_while(|&&c| c.is_ascii_digit() || crate::text::is_cn_numeral(c) || c == '余').count();
    // (the count ends its phrase: not 两个月内)
    digits > 0
        && chars.get(end + digits).is_some_and(|c| "个项家".contains(*c))
        && chars.get(end + digits + 1).is_none_or(|&c| !is_han(c) || c == '的')
}

/// Whether the words before `start` introduce a project: a verb of signing, bringing in or
/// building (签约, 引进, 合作建设), or an investment's amount and 的 (投资15亿元的).
fn project_introduced_before(chars: &[char], tokens: &[Token<'_>], start: usize) -> bool {
    let lex = Lexicon::get();
    let Some(j) = tokens.iter().position(|t| t.span.end == start) else { return false };
    let t = &tokens[j];
    let word = slice(chars, t.span);
    let verb = matches!(t.label, "v" | "vn")
        && (lex.sign_words.contains(&word)
            || lex.founding_verbs.contains(&word)
            || lex.attraction_verbs.contains(&word));
    let amount =
        word == "的" && j > 0 && tokens[j - 1].label == "m" && slice(chars, tokens[j - 1].span).ends_with('元');
    verb || amount
}

/// Whether a word is an amount in a unit of capacity (200兆瓦, 5000吨, 2GWh, 50万套), not money or
/// a count.
fn is_capacity(word: &str) -> bool {
    let Some(unit) = Lexicon::get().capacity_units.suffix_of(word) else { return false };
    let amount = &word[..word.len() - unit.len()];
    !amount.is_empty()
        && amount.chars().next().is_some_and(|c| c.is_ascii_digit())
        && amount.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '万' | '亿' | '千' | '百'))
}

/// Research platforms named by their field alone, where a verb of building or setting up names
/// them (共建碳纤维应用联合实验室, 共建的轻合金材料联合研发中心, 同步建设碳纤维复合材料中试基地).
/// Read on characters: the tagger often glues the verb or the head to the field's words.
#[must_use]
pub fn field_platforms(chars: &[char], tokens: &[Token<'_>]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    for end in 1..=chars.len() {
        let Some(head) = lex.platform_heads.longest_ending_at(chars, end) else { continue };
        // the head ends the word (实验室 of 实验室主任 still names it; 中心城区 does not)
        if chars.get(end).is_some_and(|&c| matches!(c, '城' | '区' | '镇')) {
            continue;
        }
        let field_end = end - head;
        // back over the field's chars to the verb that sets the platform up (and a 的 after it)
        let mut start = field_end;
        let verb = loop {
            if start == 0 || field_end - start > 12 {
                break None;
            }
            let at_de = chars[start - 1] == '的';
            let verb_end = if at_de { start - 1 } else { start };
            let verb = lex
                .promote_verbs
                .longest_ending_at(chars, verb_end)
                .or_else(|| lex.action_verbs.longest_ending_at(chars, verb_end));
            if let Some(n) = verb.filter(|&n| n >= 2) {
                break Some(verb_end - n);
            }
            // two fields may be joined (类脑芯片及智能装备科技创新中心)
            let c = chars[start - 1];
            let joint = matches!(c, '及' | '与' | '和') && start < field_end;
            if !is_han(c) || lex.stop_chars.has_char(c) && !joint {
                break None;
            }
            start -= 1;
        };
        let field: String = chars[start..field_end].iter().collect();
        // the field is made of nouns: no time, number, adverb, pronoun or verb of its own
        // (其研发中心今年初获批…, 推动两地企业互设研发中心)
        // (a verb joined to another word of the field is one: 保护与利用)
        let joint_at = |i: usize| chars.get(i).is_some_and(|&c| matches!(c, '及' | '与' | '和'));
        let clause_words = tokens.iter().filter(|t| t.span.start >= start && t.span.end <= field_end).any(|t| {
            let word = slice(chars, t.span);
            matches!(t.label, "TIME" | "m" | "d" | "p" | "r" | "w" | "q" | "PER")
                || t.label == "u" && matches!(word.as_str(), "的" | "了" | "着" | "过")
                || t.label == "v" && !joint_at(t.span.end) && !(t.span.start > 0 && joint_at(t.span.start - 1))
                || t.label == "c" && !matches!(word.as_str(), "及" | "与" | "和")
        });
        if verb.is_none()
            || clause_words
            || lex.platform_heads.occurs_in(&field)
            || field.chars().count() < 2
            || field.starts_with(['及', '与', '和'])
            || only_qualifiers(&chars[start..field_end], &lex.project_qualifiers)
        {
            continue;
        }
        out.push(Candidate::new(chars, Span::new(start, end), EntityKind::Organization, "field platform", 1));
    }
    out
}

/// Whether a word is a city's, a district's or a county's full name (宜宾市, 南岸区, 泸溪县).
fn is_county_name(word: &str) -> bool {
    Gazetteer::get()
        .lookup(word)
        .any(|(a, form)| form == super::gazetteer::NameForm::Full && a.level != super::gazetteer::Level::Province)
}

/// Whether the two chars at `i` (a numeral and the next) start a zone the text names with its
/// zone word somewhere (两江 … 两江新区).
fn numeral_place_at(chars: &[char], i: usize) -> bool {
    let Some(pair) = chars.get(i..i + 2) else { return false };
    let lex = Lexicon::get();
    (0..chars.len().saturating_sub(3)).any(|j| {
        j != i && chars[j..j + 2] == *pair && lex.zone_suffixes.longest_at(chars, j + 2).is_some_and(|n| n >= 2)
    })
}

/// Whether a span is only a place name (a project named only by its place is no project).
fn is_place_only(chars: &[char], span: Span) -> bool {
    let s = slice(chars, span);
    let g = Gazetteer::get();
    g.lookup(&s).next().is_some() || g.world(&s).is_some()
}

/// Whether `words` is made only of a project's qualifiers and generic words (重点, 示范).
pub(super) fn only_project_qualifiers(words: &[char]) -> bool {
    only_qualifiers(words, &Lexicon::get().project_qualifiers)
}

/// Whether `words` is made only of qualifiers and generic words.
fn only_qualifiers(words: &[char], qualifiers: &WordList) -> bool {
    let mut reachable = vec![false; words.len() + 1];
    reachable[0] = true;
    for i in 0..words.len() {
        if !reachable[i] {
            continue;
        }
        for n in qualifiers.all_at(words, i).chain(Lexicon::get().generic_words.all_at(words, i)) {
            reachable[i + n] = true;
        }
        if words[i].is_ascii_digit() || crate::text::is_cn_numeral(words[i]) || "个年家".contains(words[i]) {
            reachable[i + 1] = true;
        }
    }
    reachable[words.len()]
}

/// The end of a bracketed stage or scope right after a project name: （二期）, (含嘉陵江隧道).
fn trailing_qualifier(chars: &[char], end: usize) -> Option<usize> {
    if !chars.get(end).is_some_and(|&c| is_open(c)) {
        return None;
    }
    let close = (end + 1..chars.len().min(end + 16)).find(|&i| is_close(chars[i]))?;
    let inner: String = chars[end + 1..close].iter().collect();
    let stage = inner.ends_with('期') && inner.chars().count() <= 4;
    (stage || inner.starts_with('含')).then_some(close + 1)
}

/// The list after 纳入/列入 (被纳入省级重点项目): a run of name words up to a list head, named
/// by what it is, as an initiative.
fn inclusion_targets(chars: &[char], tokens: &[Token<'_>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let verb = slice(chars, t.span);
        if !matches!(verb.as_str(), "纳入" | "列入" | "纳入了" | "列入了") {
            continue;
        }
        let mut j = k + 1;
        while tokens.get(j).is_some_and(|x| matches!(slice(chars, x.span).as_str(), "了" | "到")) {
            j += 1;
        }
        let Some(first) = tokens.get(j) else { continue };
        let start = first.span.start;
        let mut end = None;
        while let Some(x) = tokens.get(j) {
            let word = slice(chars, x.span);
            let nominal = matches!(x.label, "n" | "a" | "vn" | "nz" | "LOC" | "TIME" | "m" | "j");
            if !nominal || x.span.end - start > 16 {
                break;
            }
            if Lexicon::get().list_heads.suffix_of(&word).is_some() {
                end = Some(x.span.end);
            }
            j += 1;
        }
        // the list ends the clause, or a 的 follows: 纳入省级重点项目。 纳入名单的企业
        let Some(end) = end.filter(|&e| e >= start + 4) else { continue };
        let closes = chars.get(end).is_none_or(|&c| crate::text::is_break(c) || c == '的');
        if closes {
            out.push(Candidate::new(chars, Span::new(start, end), EntityKind::Initiative, "inclusion list", 2));
        }
    }
    out
}

/// Official documents, plans and agreements named in 《》: the title without its marks, when it
/// ends in a document word (…通知, …行动计划(2020—2022年), …合作框架协议).
#[must_use]
pub fn documents(chars: &[char]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    bracketed(chars, |c| (c == '《').then_some('》'), 60)
        .into_iter()
        .filter(|span| {
            let inner = &chars[span.start..span.end];
            if inner.len() < 3 || inner.contains(&'\n') {
                return false;
            }
            // a trailing bracket (the years of a plan) is not the ending
            let mut end = inner.len();
            if inner.last().is_some_and(|&c| is_close(c))
                && let Some(open) = inner.iter().rposition(|&c| is_open(c))
            {
                end = open;
            }
            lex.document_words.ends_at(inner, end)
        })
        .map(|span| Candidate::new(chars, span, EntityKind::Initiative, "document title", 3))
        .collect()
}

/// Programmes named in quotes with the words that follow them: a quote followed by the words of
/// a programme up to its head (“1+3+N”智慧交通体系, “十四五”人才发展规划) is one name; a bare
/// head word right after the quote (“千企上云”工程) is not part of it. A quote
/// that is a name on its own (a slogan shape, a cue after it) is `rules::initiatives`'.
#[must_use]
pub fn quoted_programmes(chars: &[char]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    let closing = |c: char| match c {
        '“' => Some('”'),
        '‘' => Some('’'),
        '"' => Some('"'),
        _ => None,
    };
    let spans = bracketed(chars, closing, 20);
    // a quote joined to the next one (“园区攻坚战”和“招商引资”行动): the head after the last names
    // each of them a programme
    let mut shares_head = vec![false; spans.len()];
    for k in (0..spans.len().saturating_sub(1)).rev() {
        let (this, next) = (spans[k], spans[k + 1]);
        let joined = next.start == this.end + 3 && matches!(chars[this.end + 1], '、' | '和' | '与' | '及');
        let next_head = lex.quoted_programme_heads.starts_at(chars, next.end + 1) || shares_head[k + 1];
        shares_head[k] = joined && next_head;
    }
    for (k, &span) in spans.iter().enumerate() {
        let inner = &chars[span.start..span.end];
        if shares_head[k] && inner.len() >= 2 && inner.iter().all(|&c| is_han(c)) {
            out.push(Candidate::new(chars, span, EntityKind::Initiative, "slogan sharing a head", 3));
            continue;
        }
        if inner.len() < 2 || inner.iter().any(|c| c.is_whitespace() || "，。；：,;:!?！？".contains(*c)) {
            continue;
        }
        // (parts listed inside the quote name a programme only with a head after it: “千村示范、
        // 万村整治”工程)
        let listed = inner.contains(&'、');
        let s: String = inner.iter().collect();
        if lex.initiative_stoplist.contains(&s) {
            continue;
        }
        let after = span.end + 1;
        // a quote that ends in a programme's head names it whole (“清河奖学金”, “游湘西”消费季 is
        // below)
        // (the words before the head name it: two chars before a head of three, three before a
        // shorter one; not “样板工程”)
        let closed = !is_han(chars[after.min(chars.len() - 1)]);
        let head = lex.quoted_programme_heads.longest_ending_at(inner, inner.len()).unwrap_or(inner.len());
        // …or a platform's head (“智能家居联合研发中心”): the platform
        let platform = lex.platform_heads.longest_ending_at(inner, inner.len()).unwrap_or(inner.len());
        let whole = if inner.len() >= head + if head >= 3 { 2 } else { 3 } {
            Some((EntityKind::Initiative, "quoted programme"))
        } else {
            (inner.len() >= platform + 2).then_some((EntityKind::Organization, "quoted platform"))
        };
        if closed
            && !listed
            && let Some((kind, rule)) = whole
        {
            out.push(Candidate::new(chars, span, kind, rule, 3));
            continue;
        }
        // the programme's words after the quote, up to a programme head
        let mut j = after;
        while j < chars.len() && j < after + 14 && is_han(chars[j]) && !lex.stop_chars.has_char(chars[j]) {
            j += 1;
        }
        // a document's word a few words on (“十四五”人才发展规划), or the head of a programme that
        // ends the clause (“甲+乙”协作机制, ‘…’制度): the slogan names it, the whole is another
        // name of it (analysts name “十四五” and “断卡” so, whatever words follow)
        let tail_end = (after + 2..=j).rev().find(|&e| {
            lex.document_words.ends_at(chars, e)
                || lex.programme_tail_heads.ends_at(chars, e)
                && chars.get(e).is_none_or(|&c| !is_han(c))
                // (a product's brand is the brands' rule's: “汾源西沟”小米品牌, “晶川”两大产品品牌)
                && !(chars[..e].ends_with(&['品', '牌'])
                    && (e <= after + 4 || crate::text::is_cn_numeral(chars[after])))
        });
        let head = lex.quoted_programme_heads.longest_at(chars, after).filter(|&n| {
            chars.get(after + n).is_none_or(|&c| {
                !is_han(c) || lex.stop_chars.has_char(c) || lex.boundary_words.starts_at(chars, after + n)
            })
        });
        if let Some(n) = head {
            // a programme head right after the slogan (“百园提质”工程, “碧水护河”专项执法行动):
            // one mention, of the programme the slogan alone names (its label; the whole is
            // another name of it)
            let mut c = Candidate::new(
                chars,
                Span::new(span.start - 1, after + n),
                EntityKind::Initiative,
                "slogan and head",
                3,
            );
            c.key = Key::named(EntityKind::Initiative, &s);
            c.label.clone_from(&s);
            out.push(c);
        } else if let Some(e) = tail_end {
            let mut c =
                Candidate::new(chars, Span::new(span.start - 1, e), EntityKind::Initiative, "quoted programme", 3);
            c.key = Key::named(EntityKind::Initiative, &s);
            c.label.clone_from(&s);
            out.push(c);
        }
    }
    out
}

/// Brands named in quotes: after the word 品牌 (主品牌“鸿川”, 户外品牌“野川”), or before it with
/// the other brands of the list (“泓碳”“晶锂”两大产品品牌, “鸿川”品牌), or before 系列 (“氢擎”系列
/// 电解槽). A brand is an organization's name.
#[must_use]
pub fn brands(chars: &[char]) -> Vec<Candidate> {
    let quotes = bracketed(chars, |c| (c == '“').then_some('”'), 12);
    let word_at = |i: usize, w: &str| w.chars().enumerate().all(|(k, c)| chars.get(i + k) == Some(&c));
    let mut out = Vec::new();
    for (k, span) in quotes.iter().enumerate() {
        let inner = &chars[span.start..span.end];
        if inner.len() < 2 || !inner.iter().all(|&c| is_han(c) || c.is_ascii_alphanumeric()) {
            continue;
        }
        let open = span.start - 1;
        let before = open >= 2 && word_at(open - 2, "品牌");
        // after the closing quote, past the list's other quoted brands
        let mut after = span.end + 1;
        for next in &quotes[k + 1..] {
            let gap = next.start - 1 - after;
            if gap <= 1 && (gap == 0 || matches!(chars[after], '、' | '和' | '及')) {
                after = next.end + 1;
            } else {
                break;
            }
        }
        let mut i = after;
        if chars.get(i).is_some_and(|&c| crate::text::is_cn_numeral(c))
            && chars.get(i + 1).is_some_and(|c| "大个款".contains(*c))
        {
            i += 2;
        }
        let brand_after = (0..=2).any(|skip| word_at(i + skip, "品牌")) || word_at(after, "系列");
        if before || brand_after {
            out.push(Candidate::new(chars, *span, EntityKind::Organization, "brand", 3));
        }
    }
    out
}

/// The people and outlet of a page's credit lines: 来源:江津日报, 编辑:婷婷, (记者 李明 文/图),
/// 作者:宣传部. A name after a person label is taken whatever its surname (婷婷); after 来源
/// the outlet is an organization.
#[must_use]
pub fn credits(chars: &[char]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut out = lead_outlets(chars);
    let mut i = 0;
    while i < chars.len() {
        // a label starts a line, follows a space, a bracket or another credit (作者：记者 甲 乙)
        let at_edge = i == 0
            || matches!(chars[i - 1], '\n' | ' ' | '\u{3000}' | '(' | '（' | '[' | '【' | '|' | '｜' | ':' | '：');
        let Some((label, _, names)) = lex.credit_label_at(chars, i).filter(|_| at_edge) else {
            i += 1;
            continue;
        };
        let n = label.chars().count();
        let label = label.to_owned();
        // a date or a counter: no name follows
        if names == "none" {
            i += n;
            continue;
        }
        let what = Some(names.to_owned());
        let mut j = i + n;
        let has_colon = matches!(chars.get(j), Some(':' | '：'));
        while matches!(chars.get(j), Some(':' | '：' | ' ' | '\u{3000}' | '/' | '／')) {
            j += 1;
        }
        // a label must be set off: by a colon, a slash (文/李明) or a space, so 记者从…获悉 is no
        // credit
        if j == i + n || (!has_colon && what.as_deref() == Some("outlet")) {
            i += n;
            continue;
        }
        let mut k = j;
        loop {
            let end = (k..chars.len())
                .find(|&e| !(is_han(chars[e]) || chars[e] == '·' || chars[e].is_ascii_alphabetic()))
                .unwrap_or(chars.len());
            if end == k {
                break;
            }
            // a credit's own words glued to the name: 李明摄, 李明报道
            let end = (k + 2..end)
                .rev()
                .find(|&e| lex.credit_not_names.contains(&chars[e..end].iter().collect::<String>()))
                .filter(|_| what.as_deref() != Some("outlet"))
                .unwrap_or(end);
            let name = &chars[k..end];
            // the next label, not a name: 记者 李明 摄影 王华; 发布时间：…
            if lex.credit_labels.longest_at(chars, k) == Some(end - k) || matches!(chars.get(end), Some(':' | '：')) {
                break;
            }
            let kind = match what.as_deref() {
                Some("outlet") => Some(EntityKind::Organization),
                // a unit before the people it sends (文/图：化工学院 李明) is no person
                Some("person")
                    if name.len() >= 3
                        && (lex.org_suffixes.suffix_of(&name.iter().collect::<String>()).is_some()
                            || lex.unit_chars.has_char(name[name.len() - 1])) =>
                {
                    Some(EntityKind::Organization)
                }
                Some("person") => person_like(name).then_some(EntityKind::Person),
                _ => Some(
                    if person_like(name)
                        && surname_len(name).is_some()
                        && !lex.unit_chars.has_char(name[name.len() - 1])
                        && lex.org_suffixes.suffix_of(&name.iter().collect::<String>()).is_none()
                    {
                        EntityKind::Person
                    } else {
                        EntityKind::Organization
                    },
                ),
            };
            let size_ok = match kind {
                Some(EntityKind::Person) => (2..=4).contains(&name.len()) || name.contains(&'·'),
                _ => (2..=16).contains(&name.len()),
            };
            if let (Some(kind), true) = (kind, size_ok) {
                let mut c = Candidate::new(chars, Span::new(k, end), kind, "credit line", 4);
                if kind == EntityKind::Person {
                    // the credit is the person's role at the outlet
                    c.role = Some(Span::new(i, i + n));
                    c.attrs.insert("role".into(), label.clone());
                }
                out.push(c);
            }
            // several names after one label: 记者 李明 张华, 编辑:甲、乙
            let next = end + usize::from(matches!(chars.get(end), Some(' ' | '\u{3000}' | '、')));
            let names_people = kind == Some(EntityKind::Person)
                || (kind == Some(EntityKind::Organization) && what.as_deref() == Some("person"));
            if next == end || !names_people || lex.credit_labels.starts_at(chars, next) {
                break;
            }
            k = next;
        }
        i = j.max(i + 1);
    }
    out
}

/// Outlets that open a byline without a label, before the page's timestamp: "某某财经网　2024-05-08
/// 07:46　记者 李明".
fn lead_outlets(chars: &[char]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in chars.split(|&c| c == '\n') {
        let at = start + line.iter().take_while(|c| c.is_whitespace()).count();
        start += line.len() + 1;
        // a labelled source (来源：…) is read with the other labels
        if line.len() > 100 || !line.iter().any(char::is_ascii_digit) {
            continue;
        }
        let text: String = line.iter().collect();
        let Some(source) = crate::ingest::clean::credits(&text).and_then(|c| c.fields.source) else { continue };
        let span = Span::new(at, at + source.chars().count());
        if span.end <= chars.len() && slice(chars, span) == source {
            out.push(Candidate::new(chars, span, EntityKind::Organization, "credit line", 4));
        }
    }
    out
}

/// Names inside other names, as nested mentions: the issuer of a document (《宜宾市人民政府办公室
/// 关于…的通知》 → 宜宾市人民政府办公室), the parties of an agreement (`agreement_parties`), the
/// company named in full at the head of a project (…科技有限公司年产…项目), the company or brand a
/// project is named after once its places are set aside (江北康达玻璃基板项目 → 康达, 江北华为…项目
/// → 华为), and the places an organ of a place is named after (`organ_places`). A company the
/// document names elsewhere (奥菲德 of 德国奥菲德集团) is that entity; otherwise the brand is read
/// by the tagger (a transliteration reads as a name) and becomes an organization of its own. `retag` allows running the tagger on the project's name.
pub fn nested(chars: &[char], r: &mut Resolved, retag: bool) {
    let lex = Lexicon::get();
    let mut found: Vec<(usize, Span)> = Vec::new(); // host mention, span of an organization name
    let mut places: Vec<(usize, Span, Candidate)> = Vec::new();
    let mut signatories: Vec<(usize, Span, usize)> = Vec::new();
    let place_names = super::resolve::place_names(&r.entities);
    for (h, m) in r.mentions.iter().enumerate() {
        if r.entities[m.entity].kind != EntityKind::Initiative && m.rule != "zone head" {
            continue;
        }
        let text = &chars[m.span.start..m.span.end];
        if m.rule == "document title" {
            let about = (0..text.len().saturating_sub(1)).find(|&i| text[i] == '关' && text[i + 1] == '于');
            if let Some(k) = about.filter(|&k| k >= 3)
                && (lex.org_suffixes.ends_at(text, k) || lex.known_org(&text[..k].iter().collect::<String>()).is_some())
            {
                found.push((h, Span::new(m.span.start, m.span.start + k)));
            }
            signatories.extend(agreement_parties(chars, m.span, r, &place_names).into_iter().map(|(s, e)| (h, s, e)));
            continue;
        }
        // the places an event is named after, past its year and at each middle dot:
        // 2024黔东南·镇远古城文化旅游节
        if m.rule == "event head" {
            let year = text.iter().take_while(|c| c.is_ascii_digit() || **c == '年').count();
            let starts = std::iter::once(m.span.start + year).chain(
                text.iter().enumerate().filter(|(_, c)| matches!(c, '·' | '•')).map(|(i, _)| m.span.start + i + 1),
            );
            let g = Gazetteer::get();
            for from in starts.filter(|&f| f + 2 < m.span.end) {
                let found = leading_places(chars, Span::new(from, m.span.end), r, &place_names);
                // (an area by its short name too: 黔东南)
                let short = (2..=4.min(m.span.end - from - 1))
                    .rev()
                    .find_map(|n| g.lookup(&slice(chars, Span::new(from, from + n))).next().map(|(a, _)| (n, a)));
                if found.is_empty()
                    && let Some((n, a)) = short
                {
                    let c = super::rules::area_candidate(chars, Span::new(from, from + n), a);
                    places.push((h, c.span, c));
                }
                for (span, place) in found {
                    places.push((h, span, place));
                }
            }
            continue;
        }
        // (a zone too is named after its place: 九原区新能源装备制造基地)
        let zone = m.rule == "zone head" && r.entities[m.entity].kind == EntityKind::Place;
        if !matches!(m.rule, "project head" | "listed project" | "built project" | "introduced project") && !zone {
            continue;
        }
        // the places a project is named after: 苍溪县…项目, 广元经济技术开发区…项目
        for (span, place) in leading_places(chars, m.span, r, &place_names) {
            // (outside a project's own name, only areas and the document's places: a zone's or a
            // listed item's words are no zone of their own)
            // (nor the zone itself)
            let itself = place.key == r.entities[m.entity].key || span == m.span;
            if !itself
                && (m.rule == "project head"
                    || place.key.adcode().is_some()
                    || r.entities.iter().any(|e| e.key == place.key))
            {
                places.push((h, span, place));
            }
        }
        if zone {
            continue;
        }
        if let Some(n) = company_name_at(chars, m.span.start, m.span.end) {
            found.push((h, Span::new(m.span.start, m.span.start + n)));
            continue;
        }
        let start = m.span.start + place_prefix_len(chars, m.span, &place_names);
        if start >= m.span.end {
            continue;
        }
        // (the tagger's reading only for a name the document gives as a project's: not one listed)
        if let Some(n) = org_name_at(chars, start, m.span.end, r) {
            found.push((h, Span::new(start, start + n)));
        } else if retag && m.rule == "project head" {
            let rest = &chars[start..m.span.end];
            let mut scratch = super::lac::Scratch::default();
            let tokens = super::lac::Lac::get().tokens(rest, &mut scratch);
            if let Some(first) = tokens.first()
                && matches!(first.label, "PER" | "ORG")
                && (2..=5).contains(&first.span.len())
                && rest[first.span.start..first.span.end].iter().all(|&c| is_han(c))
                && tokens.len() >= 2
            {
                found.push((h, Span::new(start + first.span.start, start + first.span.end)));
            }
        }
    }
    organ_places(chars, r, &mut places);
    for (host, span, place) in places {
        let surface = slice(chars, span);
        let entity = r
            .entities
            .iter()
            .position(|e| {
                e.key == place.key
                    || e.kind == EntityKind::Place && (e.label == place.label || e.aliases.contains(&place.label))
            })
            .or_else(|| zone_without_city(r, &place.label));
        let entity = entity.unwrap_or_else(|| {
            r.entities.push(super::Entity {
                key: place.key.clone(),
                label: place.label.clone(),
                kind: EntityKind::Place,
                aliases: std::collections::BTreeSet::new(),
                attrs: place.attrs.clone(),
                mentions: Vec::new(),
            });
            r.entities.len() - 1
        });
        let e = &mut r.entities[entity];
        if e.label != surface {
            e.aliases.insert(surface);
        }
        e.mentions.push(span);
        e.mentions.sort();
        r.nested.push(Nested { mention: Mention { span, entity, role: None, rule: "nested name" }, host });
    }
    for (host, span) in found {
        let name = slice(chars, span);
        let key = super::identity::Key::org(&name);
        let existing = r.entities.iter().position(|e| e.key == key).or_else(|| org_entity_named(r, &name));
        let entity = existing.unwrap_or_else(|| {
            r.entities.push(super::Entity {
                key,
                label: name.clone(),
                kind: EntityKind::Organization,
                aliases: std::collections::BTreeSet::new(),
                attrs: std::collections::BTreeMap::new(),
                mentions: Vec::new(),
            });
            r.entities.len() - 1
        });
        let e = &mut r.entities[entity];
        if e.label != name {
            e.aliases.insert(name);
        }
        e.mentions.push(span);
        e.mentions.sort();
        let mention = Mention { span, entity, role: None, rule: "nested name" };
        r.nested.push(Nested { mention, host });
    }
    for (host, span, entity) in signatories {
        r.entities[entity].mentions.push(span);
        r.entities[entity].mentions.sort();
        r.nested.push(Nested { mention: Mention { span, entity, role: None, rule: "signatory" }, host });
    }
    r.nested.sort_by_key(|n| n.mention.span);
}

/// The two parties named in an agreement's title (《甲市与乙市建立友好城市关系协议书》,
/// 《中华人民共和国某省甲市与某国乙府…备忘录》): the place or organization of the document whose
/// name ends right before 与 (or 和, 同), and the last of the names that follow it one after
/// another (乙府 of 某国乙府).
fn agreement_parties(chars: &[char], title: Span, r: &Resolved, places: &[(String, usize)]) -> Vec<(Span, usize)> {
    let inner_end = if chars.get(title.end - 1) == Some(&'》') { title.end - 1 } else { title.end };
    let agreement = ["协议", "协议书", "备忘录", "意向书", "协定", "合同"];
    let body: String = chars[title.start..inner_end].iter().collect();
    if !agreement.iter().any(|w| body.ends_with(w)) {
        return Vec::new();
    }
    let names: Vec<(Vec<char>, usize)> = places
        .iter()
        .map(|(name, entity)| (name.chars().collect::<Vec<char>>(), *entity))
        .chain(r.entities.iter().enumerate().filter(|(_, x)| x.kind == EntityKind::Organization).flat_map(|(i, x)| {
            std::iter::once(&x.label).chain(&x.aliases).map(move |name| (name.chars().collect::<Vec<char>>(), i))
        }))
        .filter(|(name, _)| name.len() >= 2)
        .collect();
    let name_at = |at: usize| {
        names
            .iter()
            .filter(|(name, _)| chars[at..inner_end].starts_with(name))
            .max_by_key(|(name, _)| name.len())
            .map(|(name, entity)| (name.len(), *entity))
    };
    // the first 与 (和, 同) right after a party's name (not the 和 of 中华人民共和国)
    let party_before = |and: usize| {
        (title.start..and.saturating_sub(1)).find_map(|from| {
            name_at(from)
                .filter(|&(len, _)| from + len == and)
                .map(|(len, entity)| (Span::new(from, from + len), entity))
        })
    };
    let Some((and, first)) = (title.start + 2..inner_end)
        .filter(|&i| matches!(chars[i], '与' | '和' | '同'))
        .find_map(|i| party_before(i).map(|p| (i, p)))
    else {
        return Vec::new();
    };
    // (a country the document calls by another name qualifies the party too: 泰王国罗勇府)
    let g = Gazetteer::get();
    let country_at = |at: usize| {
        (2..=8.min(inner_end - at))
            .rev()
            .find(|&len| g.world(&chars[at..at + len].iter().collect::<String>()).is_some())
    };
    let mut second = None;
    let mut at = and + 1;
    loop {
        if let Some((len, entity)) = name_at(at) {
            second = Some((Span::new(at, at + len), entity));
            at += len;
        } else if let Some(len) = country_at(at) {
            at += len;
        } else {
            break;
        }
    }
    match second {
        Some(second) if second.1 != first.1 => vec![first, second],
        _ => Vec::new(),
    }
}

/// The areas an organ or department of a place is named after (岳阳市 of 岳阳市水利局, 长沙市 and
/// 雨花区 of 长沙市雨花区人民政府办公室), by their full names: the text names the place, if only
/// inside its bodies' names. Companies, media, venues and centres named after a place are not
/// its bodies.
fn organ_places(chars: &[char], r: &Resolved, places: &mut Vec<(usize, Span, Candidate)>) {
    let g = Gazetteer::get();
    let lex = Lexicon::get();
    for (h, m) in r.mentions.iter().enumerate() {
        if r.entities[m.entity].kind != EntityKind::Organization {
            continue;
        }
        let surface = slice(chars, m.span);
        // an embassy or consulate of a country (某国驻上海总领事馆): the country
        if let Some(k) = surface.find('驻').map(|b| surface[..b].chars().count()).filter(|&k| k >= 2)
            && is_mission(&surface.chars().skip(k).collect::<String>())
            && let Some(w) = g.world(&slice(chars, Span::new(m.span.start, m.span.start + k)))
            && matches!(w, super::gazetteer::WorldName::Country(_))
        {
            let span = Span::new(m.span.start, m.span.start + k);
            places.push((h, span, super::rules::world_candidate(chars, span, w)));
            continue;
        }
        let prefix = ["中共", "政协"].iter().find(|p| surface.starts_with(*p)).map_or(0, |p| p.chars().count());
        let mut at = m.span.start + prefix;
        let mut chain = Vec::new();
        // (names of three chars or more: 和县 of …和县人大 may be a misread boundary)
        while let Some((n, area)) = (3..=6.min(m.span.end.saturating_sub(at + 1))).rev().find_map(|n| {
            let s: String = chars[at..at + n].iter().collect();
            g.lookup(&s).find(|(_, form)| *form == super::gazetteer::NameForm::Full).map(|(a, _)| (n, a))
        }) {
            chain.push(super::rules::area_candidate(chars, Span::new(at, at + n), area));
            at += n;
        }
        let rest: String = chars[at..m.span.end].iter().collect();
        // a zone's committee (宜宾三江新区管理委员会): the zone, named as the committee names it
        if let Some(word) = lex.zone_committee_words.suffix_of(&rest) {
            let zone_end = m.span.end - word.chars().count();
            let zone = Span::new(m.span.start + prefix, zone_end);
            let name = slice(chars, zone);
            if let Some(suffix) = lex.zone_suffixes.suffix_of(&name)
                && name.chars().count() >= suffix.chars().count() + 2
            {
                places.push((h, zone, Candidate::new(chars, zone, EntityKind::Place, "nested name", 3)));
            }
        }
        let organ = rest.chars().count() >= 2
            && lex.body_endings.suffix_of(&rest).is_some()
            && !rest.ends_with("中心")
            && lex.company_suffixes.suffix_of(&rest).is_none()
            && lex.media_endings.suffix_of(&rest).is_none()
            && lex.venue_endings.suffix_of(&rest).is_none();
        if organ {
            places.extend(chain.into_iter().map(|c| (h, c.span, c)));
        }
    }
}

/// The place of the document that is the same zone with or without its city's name before it
/// (宜宾三江新区 and 三江新区, 重庆两江新区 and 两江新区).
fn zone_without_city(r: &Resolved, name: &str) -> Option<usize> {
    Lexicon::get().zone_suffixes.suffix_of(name)?;
    let g = Gazetteer::get();
    let without_city = |name: &str| -> Option<String> {
        let chars: Vec<char> = name.chars().collect();
        let k = (2..=4.min(chars.len().saturating_sub(3)))
            .rev()
            .find(|&k| g.lookup(&chars[..k].iter().collect::<String>()).next().is_some())?;
        Some(chars[k..].iter().collect())
    };
    // (the rest must name the zone, not be its kind alone: 高新区 of 宜宾高新区)
    let named =
        |s: &str| s.chars().count() > Lexicon::get().zone_suffixes.suffix_of(s).map_or(0, |w| w.chars().count());
    let short = without_city(name).filter(|s| named(s));
    r.entities.iter().position(|e| {
        e.kind == EntityKind::Place
            && (short.as_deref() == Some(e.label.as_str())
                || named(name) && without_city(&e.label).as_deref() == Some(name))
    })
}

/// Whether the rest of a body's name after its country names a mission abroad (驻上海总领事馆,
/// 驻华大使馆, 驻京代表处).
#[must_use]
pub fn is_mission(rest: &str) -> bool {
    rest.starts_with('驻') && ["使馆", "领事馆", "代表处"].iter().any(|w| rest.ends_with(w))
}

/// The places at the start of a project's name, as candidates: an area by its full name (苍溪县),
/// a place of the document by any of its names, a zone ending in its zone word (广元经济技术开发区).
fn leading_places(chars: &[char], span: Span, r: &Resolved, places: &[(String, usize)]) -> Vec<(Span, Candidate)> {
    let g = Gazetteer::get();
    let lex = Lexicon::get();
    let mut out = Vec::new();
    let mut at = span.start;
    while at + 2 < span.end {
        let rest: String = chars[at..span.end].iter().collect();
        // a place the document names, by one of its names (longest first)
        let doc_place = places.iter().find(|(n, _)| rest.starts_with(n.as_str()));
        if let Some((n, e)) = doc_place {
            let e = &r.entities[*e];
            let len = n.chars().count();
            let mut c = Candidate::new(chars, Span::new(at, at + len), EntityKind::Place, "nested name", 3);
            c.key = e.key.clone();
            c.label.clone_from(&e.label);
            c.attrs = e.attrs.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            out.push((c.span, c));
            at += len;
            continue;
        }
        // a zone whose name ends within the project's name
        let zone_end = (at + 4..span.end.min(at + 13)).find(|&e| {
            lex.zone_suffixes.longest_ending_at(chars, e).is_some_and(|n| n >= 3)
                && (2..=4).any(|k| g.lookup(&chars[at..at + k].iter().collect::<String>()).next().is_some())
        });
        if let Some(end) = zone_end {
            let c = Candidate::new(chars, Span::new(at, end), EntityKind::Place, "nested name", 3);
            out.push((c.span, c));
            at = end;
            continue;
        }
        // an area by its full name
        let area = (2..=6.min(span.end - at)).rev().find_map(|n| {
            let s: String = chars[at..at + n].iter().collect();
            g.lookup(&s).find(|(_, form)| *form == super::gazetteer::NameForm::Full).map(|(a, _)| (n, a))
        });
        match area {
            Some((n, a)) if at + n < span.end => {
                let c = super::rules::area_candidate(chars, Span::new(at, at + n), a);
                out.push((c.span, c));
                at += n;
            }
            _ => break,
        }
    }
    out
}

/// How many chars at the start of a mention are place names (gazetteer names, and the names of
/// the document's places and zones without their zone word: 两江 of 两江新区).
fn place_prefix_len(chars: &[char], span: Span, places: &[(String, usize)]) -> usize {
    let g = Gazetteer::get();
    let mut at = span.start;
    loop {
        let rest: String = chars[at..span.end].iter().collect();
        let doc_place = places.iter().find(|(n, _)| rest.starts_with(n.as_str())).map(|(n, _)| n.chars().count());
        let gazetteer = (2..=6.min(span.end - at)).rev().find(|&n| {
            let s: String = chars[at..at + n].iter().collect();
            g.lookup(&s).next().is_some() || g.world(&s).is_some()
        });
        match doc_place.max(gazetteer) {
            Some(n) if at + n < span.end => at += n,
            _ => break,
        }
    }
    at - span.start
}

/// The length of an organization's name the document already knows, starting at `start`.
fn org_name_at(chars: &[char], start: usize, end: usize, r: &Resolved) -> Option<usize> {
    let rest: String = chars[start..end].iter().collect();
    let lex = Lexicon::get();
    let known = lex.known_org_names.longest_at(chars, start).filter(|&n| start + n < end);
    let in_doc = r
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Organization)
        .flat_map(|e| std::iter::once(&e.label).chain(&e.aliases))
        .filter(|n| n.chars().count() >= 2 && rest.starts_with(n.as_str()) && n.chars().count() < rest.chars().count())
        .map(|n| n.chars().count())
        .max();
    known.max(in_doc)
}

/// A company named in full with its legal form at the start of a project's name (南通瑞凯新材料
/// 科技有限公司年产12万吨…项目): the longest such name that leaves the project's own words after it.
fn company_name_at(chars: &[char], start: usize, end: usize) -> Option<usize> {
    let lex = Lexicon::get();
    (6..(end - start).saturating_sub(3)).rev().find(|&k| {
        lex.corporate_forms
            .longest_ending_at(chars, start + k)
            .is_some_and(|n| n >= 4 && chars[start + k - n..start + k].ends_with(&['公', '司']))
            && chars[start..start + k].iter().all(|&c| is_han(c) || matches!(c, '(' | ')' | '（' | '）'))
    })
}

/// An organization of the document known by `name`, or whose name, without its place and legal
/// form, starts with it (奥菲德 → 德国奥菲德集团; 澜芯 → 重庆澜芯微电子科技有限公司).
fn org_entity_named(r: &Resolved, name: &str) -> Option<usize> {
    let lex = Lexicon::get();
    let g = Gazetteer::get();
    r.entities.iter().position(|e| {
        if e.kind != EntityKind::Organization {
            return false;
        }
        // a short name the text declared (以下简称“瑞禾智家”)
        if e.aliases.contains(name) {
            return true;
        }
        let mut core = e.label.clone();
        for n in (2..=7).rev() {
            let head: String = core.chars().take(n).collect();
            if head.chars().count() == n && (g.lookup(&head).next().is_some() || g.world(&head).is_some()) {
                core = core.chars().skip(n).collect();
                break;
            }
        }
        if let Some(form) = lex.corporate_forms.suffix_of(&core) {
            core = core.trim_end_matches(form).to_owned();
        }
        core.chars().count() > name.chars().count() && core.starts_with(name) || core == name
    })
}

/// Whether a run of chars can be a person's name: two to four Han chars, or a transliteration.
fn person_like(name: &[char]) -> bool {
    (2..=4).contains(&name.len()) && name.iter().all(|&c| is_han(c)) || name.contains(&'·')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lac::Lac;

    fn found(text: &str) -> Vec<(String, EntityKind)> {
        let chars: Vec<char> = text.chars().collect();
        let mut scratch = crate::extract::lac::Scratch::default();
        let tokens = Lac::get().tokens(&chars, &mut scratch);
        candidates(&chars, &tokens).into_iter().map(|c| (slice(&chars, c.span), c.kind)).collect()
    }

    fn has(got: &[(String, EntityKind)], name: &str, kind: EntityKind) -> bool {
        got.iter().any(|(n, k)| n == name && *k == kind)
    }

    #[test]
    fn a_body_described_by_its_owner_is_no_name() {
        let got = found("该基地由恒达集团旗下全资子公司恒达智能装备（成都）有限公司运营。");
        assert!(!got.iter().any(|(n, _)| n.ends_with("子公司")), "{got:?}");
        assert!(has(&got, "恒达智能装备（成都）有限公司", EntityKind::Organization), "{got:?}");
        let got = found("远航物流的控股子公司已在宜宾设立分拨中心。");
        assert!(!got.iter().any(|(n, _)| n.ends_with("子公司")), "{got:?}");
    }

    #[test]
    fn projects_hold_a_proper_name() {
        let got = found("在先进制造类中,天府新区航空发动机零部件项目、宜宾华芯高端芯片(一期)封测基地项目被纳入其中。");
        assert!(has(&got, "天府新区航空发动机零部件项目", EntityKind::Initiative), "{got:?}");
        assert!(has(&got, "宜宾华芯高端芯片(一期)封测基地项目", EntityKind::Initiative), "{got:?}");
        let got = found("江津双福工业园规划项目尚在论证,该项目和一批重大项目正在推进。");
        assert!(!got.iter().any(|(n, k)| *k == EntityKind::Initiative && n.ends_with("项目")), "{got:?}");
    }

    #[test]
    fn projects_keep_their_stage_and_scope() {
        let got = found("江北嘴金融城三期项目（含地下环道）和万州港扩建项目（二期）今年开工。");
        assert!(has(&got, "江北嘴金融城三期项目（含地下环道）", EntityKind::Initiative), "{got:?}");
        assert!(has(&got, "万州港扩建项目（二期）", EntityKind::Initiative), "{got:?}");
    }

    #[test]
    fn projects_named_by_what_they_make_where_a_verb_introduces_them() {
        let got = found("滨江区与某某新材料有限公司签约高性能聚酰亚胺薄膜项目，总投资18亿元。");
        assert!(has(&got, "高性能聚酰亚胺薄膜项目", EntityKind::Initiative), "{got:?}");
        // (a duration after the head is no count)
        let got = found("园区签约高性能聚酰亚胺薄膜项目两个月内开工。");
        assert!(has(&got, "高性能聚酰亚胺薄膜项目", EntityKind::Initiative), "{got:?}");
        let got = found("合作社与某某食品有限公司合作建设蓝莓果酒加工项目，项目建成后可新增就业。");
        assert!(has(&got, "蓝莓果酒加工项目", EntityKind::Initiative), "{got:?}");
        let got = found("县里签约投资12亿元的功率器件封装测试项目落户开发区。");
        assert!(has(&got, "功率器件封装测试项目", EntityKind::Initiative), "{got:?}");
        // …and a project's subject with the agreement after it
        let got = found("某某食品有限公司与县政府签订核桃精深加工项目合作协议。");
        assert!(has(&got, "核桃精深加工项目", EntityKind::Initiative), "{got:?}");
        // a kind of project counted, or qualifiers only, or a project word that modifies, names none
        for text in [
            "全区已引进新能源汽车产业链项目17个。",
            "今年签约重点招商项目。",
            "将建立校地合作项目清单化管理机制。",
            "重点引进先进制造业项目。",
            "全县累计建成并网200兆瓦分布式光伏项目。",
        ] {
            let got = found(text);
            assert!(!got.iter().any(|(_, k)| *k == EntityKind::Initiative), "{text}: {got:?}");
        }
    }

    #[test]
    fn projects_named_by_their_capacity() {
        for (text, name) in [
            ("镇平县200兆瓦分布式光伏发电项目并网。", "镇平县200兆瓦分布式光伏发电项目"),
            ("合作建设的8000吨鲜食玉米加工项目投产。", "8000吨鲜食玉米加工项目"),
            ("双阳区年加工30万吨玉米深加工项目开工。", "双阳区年加工30万吨玉米深加工项目"),
            ("德州2×35万千瓦清洁高效热电项目投产。", "德州2×35万千瓦清洁高效热电项目"),
            ("签约2GWh储能电池PACK项目。", "2GWh储能电池PACK项目"),
        ] {
            let got = found(text);
            assert!(has(&got, name, EntityKind::Initiative), "{text}: {got:?}");
        }
        // a short company name before the capacity is its company's, not the project's name
        let chars: Vec<char> = "宏远公司年产3万吨特种纤维及复合材料项目开工。".chars().collect();
        let mut scratch = crate::extract::lac::Scratch::default();
        let tokens = Lac::get().tokens(&chars, &mut scratch);
        let labels: Vec<String> = candidates(&chars, &tokens).into_iter().map(|c| c.label).collect();
        assert!(labels.iter().any(|l| l == "年产3万吨特种纤维及复合材料项目"), "{labels:?}");
        // a listed kind after 等 is no capacity's project
        let got = found("东区110kV输变电工程等项目同样榜上有名。");
        assert!(!got.iter().any(|(n, _)| n.ends_with("等项目")), "{got:?}");
    }

    #[test]
    fn quoted_slogans_with_a_programme_head_after_more_words() {
        let chars: Vec<char> =
            "建立“林长+检察官”协作机制，推出‘园区服务专员’制度，学习“千村示范、万村整治”工程，打造“云岭茶源”文化旅游品牌，注册“汾源”小米品牌。"
                .chars()
                .collect();
        let got: Vec<(String, String)> =
            quoted_programmes(&chars).into_iter().map(|c| (slice(&chars, c.span), c.label)).collect();
        for (whole, label) in [
            ("“林长+检察官”协作机制", "林长+检察官"),
            ("‘园区服务专员’制度", "园区服务专员"),
            ("“千村示范、万村整治”工程", "千村示范、万村整治"),
            ("“云岭茶源”文化旅游品牌", "云岭茶源"),
        ] {
            assert!(got.iter().any(|(w, l)| w == whole && l == label), "{whole}: {got:?}");
        }
        // a product's brand is left to the brands' rule
        assert!(!got.iter().any(|(w, _)| w.contains("汾源")), "{got:?}");
    }

    #[test]
    fn platforms_grow_over_common_nouns_joined_by_a_conjunction() {
        let got = found("将推动嘉陵江流域水资源保护与生态修复重点实验室建设。");
        assert!(has(&got, "嘉陵江流域水资源保护与生态修复重点实验室", EntityKind::Organization), "{got:?}");
        let got = found("北碚区与绵阳市科技局开展合作。");
        assert!(!got.iter().any(|(n, _)| n.starts_with("北碚区与")), "{got:?}");
    }

    #[test]
    fn zones_with_a_bracketed_place() {
        let got = found("积极参与东部(宁波)科学城建设。");
        assert!(has(&got, "东部(宁波)科学城", EntityKind::Place), "{got:?}");
    }

    #[test]
    fn documents_in_title_marks() {
        let chars: Vec<char> =
            "印发《宜宾市推进数字经济发展三年行动计划(2021—2023年)》和《关于做好春耕工作的通知》,读《红楼梦》。"
                .chars()
                .collect();
        let got: Vec<String> = documents(&chars).into_iter().map(|c| slice(&chars, c.span)).collect();
        assert_eq!(got, ["宜宾市推进数字经济发展三年行动计划(2021—2023年)", "关于做好春耕工作的通知"]);
    }

    #[test]
    fn quoted_programmes_with_their_words() {
        let chars: Vec<char> =
            "将建设“1+3+N”智慧交通体系,结合学院“十四五”人才发展规划,开展“招商引资提质年”活动,坚持“三个服务”,强化“一盘棋”思想,实施“百园提质”工程。"
                .chars()
                .collect();
        // with the words after the quote here, the quote alone in the pattern rules
        let mut found = quoted_programmes(&chars);
        found.extend(super::super::rules::initiatives(&chars));
        found.sort_by_key(|c| c.span);
        let got: Vec<String> = found.into_iter().map(|c| slice(&chars, c.span)).collect();
        assert_eq!(
            got,
            [
                "“1+3+N”智慧交通体系",
                "“十四五”人才发展规划",
                "“招商引资提质年”活动",
                "招商引资提质年",
                "三个服务",
                "“百园提质”工程",
                "百园提质"
            ]
        );
    }

    #[test]
    fn a_slogan_with_its_head_is_named_by_the_slogan() {
        let chars: Vec<char> =
            "一是“强链补链”工程，支持企业转型；局里开展“碧水护河”专项执法行动，累计查处案件12起。".chars().collect();
        let found = quoted_programmes(&chars);
        let got: Vec<(String, String)> = found.iter().map(|c| (slice(&chars, c.span), c.label.clone())).collect();
        assert_eq!(
            got,
            [
                ("“强链补链”工程".to_owned(), "强链补链".to_owned()),
                ("“碧水护河”专项执法行动".to_owned(), "碧水护河".to_owned())
            ]
        );
    }

    #[test]
    fn brands_in_quotes() {
        let chars: Vec<char> = "公司拥有“岚碳”“晶川”两大产品品牌，旗下拥有主品牌“鸿川”、户外品牌“野川”，其“氢动”系列电解槽已投产。坚持“稳中求进”总基调。"
            .chars()
            .collect();
        let got: Vec<String> = brands(&chars).into_iter().map(|c| slice(&chars, c.span)).collect();
        assert_eq!(got, ["岚碳", "晶川", "鸿川", "野川", "氢动"]);
    }

    #[test]
    fn credit_lines_name_the_outlet_and_people() {
        let chars: Vec<char> =
            "来源:江津日报 时间:2021-04-02 编辑:婷婷\n( 摄影 唐小川)\n(记者 李明 张华)\n记者从市教委获悉,今年将新增学位。\n作者:宣传部\n（文/纳文清 图/丁浩川 审核/虎成海）"
                .chars()
                .collect();
        let got: Vec<(String, EntityKind)> =
            credits(&chars).into_iter().map(|c| (slice(&chars, c.span), c.kind)).collect();
        assert!(got.contains(&("江津日报".into(), EntityKind::Organization)), "{got:?}");
        assert!(got.contains(&("婷婷".into(), EntityKind::Person)), "{got:?}");
        assert!(got.contains(&("唐小川".into(), EntityKind::Person)), "{got:?}");
        assert!(
            got.contains(&("李明".into(), EntityKind::Person)) && got.contains(&("张华".into(), EntityKind::Person))
        );
        assert!(got.contains(&("宣传部".into(), EntityKind::Organization)), "{got:?}");
        for name in ["纳文清", "丁浩川", "虎成海"] {
            assert!(got.contains(&(name.into(), EntityKind::Person)), "{name}: {got:?}");
        }
        assert!(!got.iter().any(|(n, _)| n.contains("市教委")), "{got:?}");
    }

    #[test]
    fn a_unit_credited_before_its_people_is_no_person() {
        let chars: Vec<char> = "正文。\n文/图：机械学院 欧阳春\n摄影：宣传部 高原".chars().collect();
        let got: Vec<(String, EntityKind)> =
            credits(&chars).into_iter().map(|c| (slice(&chars, c.span), c.kind)).collect();
        assert!(got.contains(&("机械学院".into(), EntityKind::Organization)), "{got:?}");
        assert!(got.contains(&("欧阳春".into(), EntityKind::Person)), "{got:?}");
        assert!(got.contains(&("宣传部".into(), EntityKind::Organization)), "{got:?}");
        assert!(got.contains(&("高原".into(), EntityKind::Person)), "{got:?}");
    }

    #[test]
    fn an_outlet_opening_a_byline_before_the_timestamp() {
        let chars: Vec<char> =
            "标题\n清河财经网　2024-05-08 07:46　记者 梁远\n清河网2024年发布的数据显示，增长很快。".chars().collect();
        let got: Vec<(String, EntityKind)> =
            credits(&chars).into_iter().map(|c| (slice(&chars, c.span), c.kind)).collect();
        assert!(got.contains(&("清河财经网".into(), EntityKind::Organization)), "{got:?}");
        assert!(got.contains(&("梁远".into(), EntityKind::Person)), "{got:?}");
        assert!(!got.iter().any(|(n, _)| n.starts_with("清河网")), "{got:?}");
    }
}
