//! Rule layers over the tagger's tokens: they turn LAC's PER/LOC/ORG words into candidates, fix
//! the boundaries where the tagger is known to be weak, and drop what nothing vouches for.
//!
//! - [`people`]: PER words that look like names (a Han name of 2–4 chars, or a transliteration,
//!   joined across 彼得·皮奥); a title glued on is cut (江主席 → 江); 访华, 巴方 are no people.
//! - [`places`]: LOC words; a place the gazetteers know takes its identity (adcode and path, or
//!   country); words made only of one-char country names (中美, 中葡) split into them; a one-char
//!   or two-char place counts only when a gazetteer or lexicon knows it (京, 美国, 亚洲; not 资源);
//!   demonyms, 地区, area parts and forecast words are cut (日本人, 华北北部, 巴黎晴); a country
//!   or province head splits off (德国罗滕堡). Adjacent places stay separate mentions (四川省 |
//!   绵阳市): each is its own entity and the gazetteer links them with `part_of` (merging them
//!   measured worse on news NER data, where each level is annotated on its own).
//! - [`organizations`]: ORG words, extended over a following organization suffix word and over a
//!   country before them (美国 + 财政部); a place or name followed by a suffix word becomes an
//!   organization, except a government, which is its place (美国政府 → 美国); a two-char ORG word
//!   is a short name (曼联, 民盟) unless it is generic, a place, a party (中方) or a word for a
//!   body, or the brand of a longer name in the text; a one-char one is dropped. [`units`]
//!   (文艺部, 训练团) and [`media_titles`] (《费加罗报》) add bodies the tagger misses.
//! - [`vet`]: the pattern rules' suffix candidates must agree with the tagger's word boundaries.

use super::EntityKind;
use super::gazetteer::{Gazetteer, Level, NameForm, WorldName};
use super::identity::Key;
use super::lac::Token;
use super::lexicon::{Lexicon, surname_len};
use super::rules::{Candidate, world_candidate};
use crate::text::{Span, bracketed, is_han, slice};

const PER: &str = "PER";
const LOC: &str = "LOC";
const ORG: &str = "ORG";

/// Word labels that can sit inside a name before an organization suffix: nouns, proper names,
/// places, abbreviations, numbers, locality words.
const NOMINAL: &[&str] = &["n", "nz", "nw", "PER", "LOC", "ORG", "j", "an", "vn", "f", "s"];

/// Checks the pattern rules' candidates against the tagger's words: an organization or zone
/// found by its suffix must start and end on word boundaries, the words before the suffix must
/// be nominal (刚出医院 is not a hospital), and a place plus a descriptive word (美国政府) is left
/// to the place; a place's two-char name must not cut through words on both sides (河源 of 汾河
/// 源头), nor a well-known body's name (工行 of 施工行为, 自然资源部 of 自然资源部门). Other
/// candidates (longer gazetteer names, titles, slogans) pass unchanged.
#[must_use]
pub fn vet(chars: &[char], tokens: &[Token<'_>], candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut starts = vec![false; chars.len() + 1];
    let mut ends = vec![false; chars.len() + 1];
    for t in tokens {
        starts[t.span.start] = true;
        ends[t.span.end] = true;
    }
    candidates
        .into_iter()
        .filter(|c| {
            // a place's two-char name that cuts through words on both sides is none (河源 of 汾河
            // 源头)
            if c.rule == "gazetteer" && c.span.len() == 2 && c.span.end <= chars.len() {
                return starts[c.span.start] || ends[c.span.end];
            }
            // a well-known body's two-char short name must be a word of its own (工行, not 施工行为);
            // a longer name must end where a word does (自然资源部, not 自然资源部门 or 财政部长)
            if c.rule == "lexicon" && c.span.end <= chars.len() {
                return ends[c.span.end] && (c.span.len() > 2 || starts[c.span.start]);
            }
            if !matches!(c.rule, "organization suffix" | "zone suffix" | "enumeration") {
                return true;
            }
            if c.span.end > chars.len() || !starts[c.span.start] || !ends[c.span.end] {
                return false;
            }
            // a word that stands for a body rather than naming it starts no name (学校教务处)
            if ["学校", "我校", "该校", "本校", "公司", "该公司"].iter().any(|w| c.label.starts_with(w)) {
                return false;
            }
            // tokens are in text order: the words of the span by binary search
            let first = tokens.partition_point(|t| t.span.start < c.span.start);
            let last = tokens.partition_point(|t| t.span.end <= c.span.end);
            let inside = &tokens[first..last.max(first)];
            let Some((last, before)) = inside.split_last() else { return false };
            if is_government(&c.label) {
                return false;
            }
            if last.label == ORG && before.is_empty() {
                return true;
            }
            let nominal = before.iter().all(|t| NOMINAL.contains(&t.label));
            let descriptive = before.len() == 1
                && before[0].label == LOC
                && Lexicon::get().descriptive_suffixes.contains(&slice(chars, last.span));
            // the words before the suffix must name something: 国家级工程技术研究中心 does not
            let named = before.is_empty() || super::rules::acceptable_name(&chars[c.span.start..last.span.start]);
            nominal && named && !descriptive
        })
        .collect()
}

/// Candidates of every layer, without the generic words the tagger sometimes takes for names.
#[must_use]
pub fn candidates(chars: &[char], tokens: &[Token<'_>]) -> Vec<Candidate> {
    let mut out = people(chars, tokens);
    out.extend(places(chars, tokens));
    out.extend(organizations(chars, tokens));
    out.extend(media_titles(chars));
    out.extend(units(chars, tokens));
    out.extend(abbreviation_runs(chars, tokens));
    out.retain(|c| c.rule == "place abbreviation" || !is_generic_name(&chars[c.span.start..c.span.end]));
    out
}

/// Words that name no particular thing: generic vocabulary, stoplisted slogans, a bare zone word
/// (拓展园, 高新区) and a part of a compass area (西北部, 东部).
fn is_generic_name(word: &[char]) -> bool {
    let s: String = word.iter().collect();
    let lex = Lexicon::get();
    lex.generic_words.contains(&s)
        || lex.initiative_stoplist.contains(&s)
        || lex.generic_policy_words.prefix_of(&s).is_some()
        || (word.len() <= 3 && lex.zone_suffixes.suffix_of(&s).is_some())
        || (word.len() <= 3 && s.ends_with('部') && word[..word.len() - 1].iter().all(|c| "东西南北中".contains(*c)))
}

/// Units named by a nominal word ending in a unit char (文艺部, 法律系; three chars or more so
/// 干部 stays a word), or by nominal words followed by a unit char on its own.
#[must_use]
pub fn units(chars: &[char], tokens: &[Token<'_>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let word = &chars[t.span.start..t.span.end];
        let Some(&last) = word.last() else { continue };
        if !Lexicon::get().unit_chars.has_char(last) || !matches!(t.label, "n" | "nz") {
            continue;
        }
        let mut start = t.span.start;
        if word.len() == 1 {
            // nominal words right before a lone unit char
            let mut j = k;
            while j > 0
                && k - j < 3
                && tokens[j - 1].span.end == start
                && matches!(tokens[j - 1].label, "n" | "nz" | "vn" | "LOC" | "ORG")
            {
                j -= 1;
                start = tokens[j].span.start;
            }
        }
        let span = Span::new(start, t.span.end);
        let head = &chars[span.start..span.end - 1];
        let s: String = chars[span.start..span.end].iter().collect();
        if span.len() >= 3 && super::rules::acceptable_name(head) && Lexicon::get().not_units.suffix_of(&s).is_none() {
            out.push(candidate(chars, span, EntityKind::Organization, "unit word"));
        }
    }
    out
}

/// Newspapers and magazines named in title marks: 《费加罗报》, 《朝日新闻》.
#[must_use]
pub fn media_titles(chars: &[char]) -> Vec<Candidate> {
    bracketed(chars, |c| (c == '《').then_some('》'), 16)
        .into_iter()
        .filter(|span| {
            let name = slice(chars, *span);
            span.len() >= 3 && name.chars().all(is_han) && Lexicon::get().media_title_endings.suffix_of(&name).is_some()
        })
        .map(|span| candidate(chars, span, EntityKind::Organization, "media title"))
        .collect()
}

/// A tagger word without surrounding white space (a sentence piece may end in a line break that
/// the tagger folds into the last word).
fn trimmed(chars: &[char], mut span: Span) -> Span {
    while span.end > span.start && chars[span.end - 1].is_whitespace() {
        span.end -= 1;
    }
    while span.start < span.end && chars[span.start].is_whitespace() {
        span.start += 1;
    }
    span
}

/// A tagger word without the 电 of a news dateline glued to its front (…6月25日电国务院).
fn after_dateline(chars: &[char], span: Span) -> Span {
    let span = trimmed(chars, span);
    if span.len() > 2 && chars[span.start] == '电' && span.start > 0 && chars[span.start - 1] == '日' {
        Span::new(span.start + 1, span.end)
    } else {
        span
    }
}

/// The rule of a two-char body the tagger names (曼联, 民盟): dropped where it is the brand of a
/// longer name in the document (远铂 of 远铂新材料…有限公司), as the brand is no body of its own.
pub const SHORT_NAME_RULE: &str = "tagger short name";

/// Drops the tagger's two-char bodies that start a longer name in the document, or follow its place:
/// the brand of a body or project, or a place's short form (杰尔 of 杰尔市).
pub fn drop_short_names_of_longer(out: &mut Vec<Candidate>) {
    let longer: Vec<String> =
        out.iter().filter(|c| c.span.len() > 2 && c.kind != EntityKind::Person).map(|c| c.label.clone()).collect();
    // (as its brand: first, or right after the place it is named with; 国航 is no brand of 中国航天…)
    let brand_of = |short: &str, name: &str| {
        name.find(short).is_some_and(|at| at == 0 || Gazetteer::get().lookup(&name[..at]).next().is_some())
    };
    out.retain(|c| c.rule != SHORT_NAME_RULE || !longer.iter().any(|l| brand_of(&c.label, l)));
}

/// Tagger-layer candidates rank below the pattern rules at equal length.
fn candidate(chars: &[char], span: Span, kind: EntityKind, rule: &'static str) -> Candidate {
    Candidate::new(chars, span, kind, rule, 2)
}

/// PER words: Han names of 2 to 4 chars, or longer transliterations; a title or form of address
/// the tagger glued on is cut off (江主席 → 江, 李大娘 → 李), and the parts of a transliterated
/// name split at its middle dot are joined (彼得·皮奥).
#[must_use]
pub fn people(chars: &[char], tokens: &[Token<'_>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // (a title the tagger took for a name is none, nor part of the name after it: 人民陪审员 罗某)
        let is_title =
            |t: &Token<'_>| Lexicon::get().titles.contains(&chars[t.span.start..t.span.end].iter().collect::<String>());
        if tokens[i].label != PER || is_title(&tokens[i]) {
            i += 1;
            continue;
        }
        let mut span = after_dateline(chars, tokens[i].span);
        // 彼得· + 皮奥, or 彼得 + · + 皮奥
        loop {
            let dot_inside = span.end > span.start && matches!(chars[span.end - 1], '·' | '•' | '—' | '-');
            // (a space the tagger tags PER between two names separates them: 记者 甲某 乙某)
            let next = tokens.get(i + 1).filter(|t| {
                t.span.start == span.end
                    && !chars[t.span.start..t.span.end].iter().all(|c| c.is_whitespace())
                    && !is_title(t)
            });
            match next {
                Some(t) if t.label == PER && dot_inside => {
                    span.end = t.span.end;
                    i += 1;
                }
                // two PER words side by side are one foreign name (亚斯特 + 任布斯基) unless
                // both look like Chinese names (surname + one or two chars)
                Some(t) if t.label == PER && !(looks_han_name(chars, span) && looks_han_name(chars, t.span)) => {
                    span.end = t.span.end;
                    i += 1;
                }
                Some(t) if t.span.len() == 1 && matches!(chars[t.span.start], '·' | '•' | '—' | '－' | '-') => {
                    match tokens.get(i + 2).filter(|n| n.label == PER && n.span.start == t.span.end) {
                        Some(n) => {
                            span.end = n.span.end;
                            i += 2;
                        }
                        None => break,
                    }
                }
                _ => break,
            }
        }
        i += 1;
        let word = &chars[span.start..span.end];
        // a stock code or a number the tagger took for a name
        if is_place_shorthand(word) || !word.iter().any(|c| c.is_alphabetic()) {
            continue;
        }
        let transliterated = word.iter().any(|c| matches!(c, '·' | '•' | '—' | '－' | '-')) || word.len() > 4;
        if transliterated {
            if matches!(word.last(), Some('·' | '•' | '—' | '－' | '-')) {
                span.end -= 1;
            }
            out.push(candidate(chars, span, EntityKind::Person, "tagger PER"));
            continue;
        }
        if let Some(surname) = surname_with_title(word) {
            out.push(candidate(chars, Span::new(span.start, span.start + surname), EntityKind::Person, "tagger PER"));
            continue;
        }
        if word.iter().any(|&c| is_han(c)) && (2..=4).contains(&word.len()) {
            out.push(candidate(chars, span, EntityKind::Person, "tagger PER"));
        }
    }
    out
}

/// Words of one-char places that the tagger may call a person: 韩美, 巴方, 访华.
fn is_place_shorthand(word: &[char]) -> bool {
    let lex = Lexicon::get();
    is_abbreviation_compound(word, PER)
        || (word.len() == 2 && word[1] == '方' && lex.country_abbreviations.has_char(word[0]))
        || (word.len() == 2 && lex.travel_verbs.has_char(word[0]) && lex.travel_places.has_char(word[1]))
}

/// Whether the span reads as a Chinese name: a surname and one or two more chars.
fn looks_han_name(chars: &[char], span: Span) -> bool {
    let word = &chars[span.start..span.end];
    surname_len(word).is_some_and(|n| (1..=2).contains(&(word.len() - n)))
}

/// The surname's length when `word` is a surname plus a title or form of address.
fn surname_with_title(word: &[char]) -> Option<usize> {
    let surname = surname_len(word)?;
    let rest: String = word[surname..].iter().collect();
    (!rest.is_empty() && (Lexicon::get().honorifics.contains(&rest) || Lexicon::get().titles.contains(&rest)))
        .then_some(surname)
}

/// The place inside a LOC word: without a demonym 人 (日本人 → 日本) or a weather word glued on
/// in a forecast table (巴黎晴 → 巴黎).
fn place_core(chars: &[char], span: Span) -> Span {
    let word = &chars[span.start..span.end];
    // a count glued after the name (百色 + 4市的): the name
    let digits = word.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && word.len() >= digits + 2 && word[..word.len() - digits].iter().all(|&c| is_han(c)) {
        return place_core(chars, Span::new(span.start, span.end - digits));
    }
    if word.len() >= 3 && matches!(word.last(), Some('人' | '族')) {
        return Span::new(span.start, span.end - 1);
    }
    if word.len() >= 4 && word.ends_with(&['地', '区']) {
        return Span::new(span.start, span.end - 2);
    }
    let lex = Lexicon::get();
    if let Some(n) = lex.area_parts.all_ending_at(word, word.len()).filter(|n| word.len() >= n + 2).last() {
        return place_core(chars, Span::new(span.start, span.end - n));
    }
    // a verb glued after a known place (都匀市 + 投资)
    if let Some(n) = lex.boundary_words.all_ending_at(word, word.len()).filter(|n| word.len() >= n + 2).last()
        && is_known_place(&word[..word.len() - n].iter().collect::<String>())
    {
        return Span::new(span.start, span.end - n);
    }
    // the longest tail of weather words (多云转阵雨) after a name of two chars or more
    let mut end = word.len();
    while let Some(n) = lex.weather_words.all_ending_at(word, end).filter(|n| end >= n + 2).last() {
        end -= n;
    }
    Span::new(span.start, span.start + end)
}

/// LOC words, with gazetteer identity where known; compounds of country abbreviations split.
#[must_use]
pub fn places(chars: &[char], tokens: &[Token<'_>]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    // a foreign name the tagger split in two places (佩斯 + 卡拉市): one place, when neither
    // part is a place the gazetteers know
    for w in tokens.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let (first, second) = (slice(chars, a.span), slice(chars, b.span));
        if a.label == LOC
            && b.label == LOC
            && a.span.end == b.span.start
            && second.ends_with(['市', '州', '省'])
            && (2..=4).contains(&a.span.len())
            && first.chars().all(is_han)
            && !first.ends_with(['州', '省', '府', '市', '区', '县', '国', '邦'])
            && !is_known_place(&first)
            && !is_known_place(&second)
        {
            let span = Span::new(a.span.start, b.span.end);
            let mut c = candidate(chars, span, EntityKind::Place, "tagger LOC joined");
            give_place_identity(&mut c, &slice(chars, span));
            out.push(c);
        }
    }
    for t in tokens {
        let mut span = place_core(chars, after_dateline(chars, t.span));
        if t.label == LOC {
            span = whole_town(chars, span);
        }
        let word = &chars[span.start..span.end];
        let text: String = word.iter().collect();
        if is_abbreviation_compound(word, t.label) {
            for i in span.start..span.end {
                out.push(abbreviation(chars, i));
            }
            continue;
        }
        // 中方, 美方: the side of a country
        if word.len() == 2 && word[1] == '方' && lex.country_abbreviations.has_char(word[0]) {
            out.push(abbreviation(chars, span.start));
            continue;
        }
        if t.label != LOC {
            continue;
        }
        // a newspaper the tagger read as a place: 重庆晨报
        if is_media_word(chars, &Token { span, label: "nz" }) {
            out.push(candidate(chars, span, EntityKind::Organization, "tagger LOC medium"));
            continue;
        }
        if word.len() == 1 {
            if lex.place_abbreviation(word[0]).is_some() && !lex.ambiguous_alone.has_char(word[0]) {
                out.push(abbreviation(chars, span.start));
            }
            continue;
        }
        if lex.team_words.all_ending_at(word, word.len()).any(|n| word.len() > n + 1) {
            out.push(candidate(chars, span, EntityKind::Organization, "tagger LOC team"));
            continue;
        }
        if let Some(cut) =
            outer_place_prefix(word).or_else(|| zone_after_place(word)).or_else(|| village_after_town(word))
        {
            for part in [Span::new(span.start, span.start + cut), Span::new(span.start + cut, span.end)] {
                let mut c = candidate(chars, part, EntityKind::Place, "tagger LOC split");
                give_place_identity(&mut c, &slice(chars, part));
                out.push(c);
            }
            continue;
        }
        // a two-char place nothing knows is too often a common word the tagger misread (资源)
        if word.len() == 2 && !is_known_place(&text) {
            continue;
        }
        // a kind of place, not a place: 国家级开发区, 国家级新区
        if generic_description(word, &lex.zone_suffixes) && !is_known_place(&text) {
            continue;
        }
        if glued_one_char_area(chars, span) {
            continue;
        }
        // a char glued to a county the gazetteer knows (醉美 + 成县, 推介 + 徽县): the county
        if word.len() >= 3 && !is_known_place(&text) {
            let tail: String = word[1..].iter().collect();
            if Gazetteer::get().lookup(&tail).any(|(a, form)| form == NameForm::Full && a.level == Level::County) {
                let part = Span::new(span.start + 1, span.end);
                let mut c = candidate(chars, part, EntityKind::Place, "tagger LOC glued");
                give_place_identity(&mut c, &tail);
                out.push(c);
                continue;
            }
        }
        let mut c = candidate(chars, span, EntityKind::Place, "tagger LOC");
        give_place_identity(&mut c, &text);
        out.push(c);
    }
    out
}

/// A town the tagger cut its first chars from (吹 + 麻滩镇): the span grown left over one or two
/// chars to the town the gazetteer knows, when the cut name is no town of its own.
fn whole_town(chars: &[char], span: Span) -> Span {
    let g = Gazetteer::get();
    let word: String = chars[span.start..span.end].iter().collect();
    let Some(core) = super::gazetteer::town_core(&word) else { return span };
    if core.chars().count() < 2 || !g.town_core_counties(core).is_empty() {
        return span;
    }
    (1..=2)
        .filter(|&n| span.start >= n && chars[span.start - n..span.start].iter().all(|&c| is_han(c)))
        .find(|&n| {
            let longer: String = chars[span.start - n..span.start].iter().copied().chain(core.chars()).collect();
            !g.town_core_counties(&longer).is_empty()
        })
        .map_or(span, |n| Span::new(span.start - n, span.end))
}

/// Where a town and a village of it the tagger read as one word split (郭家店镇 | 泉眼沟村): after the
/// town's word, with two chars or more on each side.
fn village_after_town(word: &[char]) -> Option<usize> {
    if !(word.ends_with(&['村']) || word.ends_with(&['社', '区'])) {
        return None;
    }
    // (not 乡村: 全国乡村旅游重点村)
    (3..=word.len().saturating_sub(2)).rev().find(|&cut| {
        word[cut] != '村' && (matches!(word[cut - 1], '镇' | '乡') || word[..cut].ends_with(&['街', '道']) && cut >= 4)
    })
}

/// Where a place word that starts with a country or province (德国罗滕堡, 四川绵阳) splits: the
/// rest must itself be a known place or end like one (…堡, …市, …县); each is its own mention.
fn outer_place_prefix(word: &[char]) -> Option<usize> {
    let g = Gazetteer::get();
    (2..word.len().saturating_sub(1)).rev().find(|&cut| {
        let head: String = word[..cut].iter().collect();
        let rest: String = word[cut..].iter().collect();
        let outer = matches!(g.world(&head), Some(WorldName::Country(_)))
            || g.lookup(&head).any(|(a, _)| a.level == Level::Province);
        let rest_is_place =
            is_known_place(&rest) || rest.ends_with(['市', '县', '区', '州', '省', '堡', '镇', '乡', '村']);
        outer && rest_is_place && rest.chars().count() >= 2
    })
}

/// Where a word made of a place and a zone inside it splits: 南岸区|弹子石片区, 两江新区|鱼复工
/// 业园, 两江新区|天府新区. The place is a district or county by its full name, or a zone; the
/// zone after it has a name of its own before its zone word.
fn zone_after_place(word: &[char]) -> Option<usize> {
    let lex = Lexicon::get();
    let g = Gazetteer::get();
    let zone = lex.zone_suffixes.longest_ending_at(word, word.len())?;
    (2..word.len().saturating_sub(zone + 1)).rev().find(|&cut| {
        let left: String = word[..cut].iter().collect();
        let name = &word[cut..word.len() - zone];
        let left_is_place = g.lookup(&left).any(|(a, form)| form == NameForm::Full && a.level != Level::Province)
            || cut >= 4 && lex.zone_suffixes.longest_ending_at(word, cut).is_some_and(|n| n >= 2);
        left_is_place && name.len() >= 2 && !super::lexicon::is_generic(name)
    })
}

/// One-char places the tagger left as separate words or glued to a verb: runs of country
/// abbreviations before a pair word (中/f 葡/n 双方), and 访华, 在京, 抵沪.
fn abbreviation_runs(chars: &[char], tokens: &[Token<'_>]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        while j < tokens.len()
            && tokens[j].span.len() == 1
            && lex.country_abbreviations.has_char(chars[tokens[j].span.start])
            && (j == i || tokens[j].span.start == tokens[j - 1].span.end)
        {
            j += 1;
        }
        if j - i >= 2 && tokens.get(j).is_some_and(|t| lex.pair_words.prefix_of(&slice(chars, t.span)).is_some()) {
            for t in &tokens[i..j] {
                out.push(abbreviation(chars, t.span.start));
            }
            i = j;
            continue;
        }
        let t = &tokens[i];
        let word = &chars[t.span.start..t.span.end];
        if word.len() == 2 && lex.travel_verbs.has_char(word[0]) && lex.travel_places.has_char(word[1]) {
            out.push(abbreviation(chars, t.span.start + 1));
        }
        i += 1;
    }
    out
}

/// A word made only of one-char country abbreviations (中美, 中葡, 美日), whatever the tagger
/// called it, except the few such words that are one place or no place.
fn is_abbreviation_compound(word: &[char], label: &str) -> bool {
    let text: String = word.iter().collect();
    matches!(label, "LOC" | "ORG" | "PER" | "n" | "nz" | "j")
        && (2..=4).contains(&word.len())
        && word.iter().all(|c| Lexicon::get().country_abbreviations.has_char(*c))
        && !Lexicon::get().unsplit_abbreviations.contains(&text)
}

/// The one-char place at `i`, identified as the place it stands for.
fn abbreviation(chars: &[char], i: usize) -> Candidate {
    let mut c = candidate(chars, Span::new(i, i + 1), EntityKind::Place, "place abbreviation");
    if let Some(full) = Lexicon::get().place_abbreviation(chars[i]) {
        give_place_identity(&mut c, full);
        if !matches!(c.key, Key::Area(_) | Key::Country(_) | Key::City { .. }) {
            c.key = Key::named(EntityKind::Place, full);
            (*full).clone_into(&mut c.label);
        }
    }
    c
}

/// A county named with one char and its level word (兴县, 富县) glued after another word (开放兴
/// 县, 产业强县), where the text names neither its city nor its province: a slogan's words, not
/// the county.
fn glued_one_char_area(chars: &[char], span: Span) -> bool {
    let g = Gazetteer::get();
    let word: String = chars[span.start..span.end].iter().collect();
    let glued =
        span.start > 0 && is_han(chars[span.start - 1]) && !Lexicon::get().stop_chars.has_char(chars[span.start - 1]);
    if span.len() != 2 || !glued {
        return false;
    }
    let text: String = chars.iter().collect();
    let areas: Vec<&crate::extract::gazetteer::Area> =
        g.lookup(&word).filter(|(_, form)| *form == NameForm::Full).map(|(a, _)| a).collect();
    !areas.is_empty()
        && areas
            .iter()
            .all(|a| !g.ancestors(a.adcode).skip(1).any(|p| text.contains(&p.name) || text.contains(&p.short)))
}

/// Identity from the gazetteer: a Chinese area by its full name (a short form may be ambiguous,
/// 高新区, and the gazetteer rule proposes short forms with their context checks), or a country
/// or foreign city.
fn give_place_identity(c: &mut Candidate, name: &str) {
    let g = Gazetteer::get();
    if let Some((area, _)) = g.lookup(name).find(|(_, form)| *form == NameForm::Full) {
        c.key = Key::Area(area.adcode);
        c.label.clone_from(&area.name);
        c.attrs.insert("adcode".into(), area.adcode.to_string());
        c.attrs.insert("path".into(), g.full_path(area.adcode));
        if let (Some(lon), Some(lat)) = (area.lon, area.lat) {
            c.attrs.insert("lon".into(), format!("{lon}"));
            c.attrs.insert("lat".into(), format!("{lat}"));
        }
    } else if let Some(w) = g.world(name) {
        let (span, rule, priority) = (c.span, c.rule, c.priority);
        let chars: Vec<char> = c.label.chars().collect();
        *c = world_candidate(&chars, Span::new(0, chars.len()), w);
        (c.span, c.rule, c.priority) = (span, rule, priority);
    }
}

/// Whether `name` is a place the gazetteers know (a Chinese area, a country, a foreign city).
fn is_known_place(name: &str) -> bool {
    let g = Gazetteer::get();
    g.lookup(name).next().is_some() || g.world(name).is_some() || Lexicon::get().geo_names.contains(name)
}

/// The length of a well-known organization name that ends `name` one char after its start.
fn known_org_at_end(name: &str) -> Option<usize> {
    let rest: String = name.chars().skip(1).collect();
    Lexicon::get().known_org(&rest).map(|_| rest.chars().count())
}

/// An organization word that only describes a kind of body: generic words before an
/// organization suffix (国家级工程技术研究中心, 有关部门).
/// Where the verb starts and the name proper starts in "<body or place><verb><name>" read as one
/// word: after the last verb that ends a name (a boundary word that is no part of names) preceded
/// by a body or a place, with at least three characters left.
pub(super) fn glued_actor_verb(name: &str) -> Option<(usize, usize)> {
    let lex = Lexicon::get();
    let chars: Vec<char> = name.chars().collect();
    (2..chars.len().saturating_sub(3)).rev().find_map(|at| {
        let n = lex.boundary_words.longest_at(&chars, at)?;
        let verb: String = chars[at..at + n].iter().collect();
        let before: String = chars[..at].iter().collect();
        let actor = lex.org_suffixes.suffix_of(&before).is_some() || is_known_place(&before);
        (n >= 2 && chars.len() >= at + n + 3 && !lex.name_verb_nouns.contains(&verb) && actor).then_some((at, at + n))
    })
}

/// A name made only of generic words (新能源汽车), or of generic words and one of `suffixes`
/// (国家级开发区): it says what kind of thing, not which.
fn generic_description(word: &[char], suffixes: &crate::lexicon::WordList) -> bool {
    if crate::lexicon::is_generic(word) {
        return true;
    }
    suffixes
        .all_ending_at(word, word.len())
        .any(|n| n < word.len() && crate::lexicon::is_generic(&word[..word.len() - n]))
}

fn is_description(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    // 全资子公司, 该公司: a referring noun, not a name
    if Lexicon::get().is_referring_description(name) {
        return true;
    }
    Lexicon::get()
        .org_suffixes
        .all_ending_at(&chars, chars.len())
        .filter(|n| *n < chars.len())
        .any(|n| !super::rules::acceptable_name(&chars[..chars.len() - n]))
}

/// "(place) 政府/当局": a government named by its place is that place in the text (美国政府 → 美国);
/// 省政府, 县政府 name no entity by themselves.
fn is_government(name: &str) -> bool {
    name.ends_with("政府") || name.ends_with("当局")
}

fn is_org_suffix_word(chars: &[char], t: &Token<'_>) -> bool {
    let s = slice(chars, t.span);
    let lex = Lexicon::get();
    (lex.org_suffixes.contains(&s) || lex.team_words.contains(&s)) && !lex.descriptive_suffixes.contains(&s)
}

/// A proper word naming a newspaper after its place (重庆晨报/nz, 江津日报): a medium.
fn is_media_word(chars: &[char], t: &Token<'_>) -> bool {
    if !matches!(t.label, "nz" | "nw") || t.span.len() < 3 {
        return false;
    }
    let word = slice(chars, t.span);
    let g = Gazetteer::get();
    Lexicon::get().media_title_endings.suffix_of(&word).is_some()
        && (2..t.span.len()).any(|n| g.lookup(&word.chars().take(n).collect::<String>()).next().is_some())
}

/// A word made of a country and a division of it (泰国罗勇府, 格鲁吉亚伊梅列季州): the spans of
/// the country and of the division.
fn foreign_division(chars: &[char], span: Span) -> Option<(Span, Span)> {
    let word = &chars[span.start..span.end];
    if !matches!(word.last(), Some('府' | '州' | '省' | '市')) || word.ends_with(&['政', '府']) {
        return None;
    }
    let g = Gazetteer::get();
    (2..word.len().saturating_sub(2)).rev().find_map(|k| {
        let head: String = word[..k].iter().collect();
        matches!(g.world(&head), Some(WorldName::Country(_)))
            .then(|| (Span::new(span.start, span.start + k), Span::new(span.start + k, span.end)))
    })
}

/// ORG words with boundary repairs, and place/name + organization suffix word.
#[must_use]
pub fn organizations(chars: &[char], tokens: &[Token<'_>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let starts_org = t.label == ORG || is_media_word(chars, t);
        let place_then_suffix = matches!(t.label, LOC | PER)
            && tokens.get(i + 1).is_some_and(|n| n.span.start == t.span.end && is_org_suffix_word(chars, n));
        if (!starts_org && !place_then_suffix) || is_abbreviation_compound(&chars[t.span.start..t.span.end], t.label) {
            i += 1;
            continue;
        }
        // a country's province or city the tagger took for a body (泰国 + 罗勇府): the places
        if t.label == ORG
            && let Some((country, place)) = foreign_division(chars, t.span)
        {
            for part in [country, place] {
                let mut c = candidate(chars, part, EntityKind::Place, "tagger ORG place");
                give_place_identity(&mut c, &slice(chars, part));
                out.push(c);
            }
            i += 1;
            continue;
        }
        let mut start = after_dateline(chars, t.span).start;
        // a national body named with its country: 美国 + 财政部, 伊朗 + 议会
        if starts_org
            && i > 0
            && tokens[i - 1].label == LOC
            && tokens[i - 1].span.end == t.span.start
            && matches!(Gazetteer::get().world(&slice(chars, tokens[i - 1].span)), Some(WorldName::Country(_)))
        {
            start = tokens[i - 1].span.start;
        }
        let mut k = i + 1;
        let mut end = t.span.end;
        loop {
            if k < tokens.len()
                && tokens[k].span.start == end
                && (tokens[k].label == ORG || is_org_suffix_word(chars, &tokens[k]))
            {
                end = tokens[k].span.end;
                k += 1;
                continue;
            }
            // a department named with 和 (区工业 + 和 + 信息化局, 住房和城乡建设局): the tagger
            // splits it at the conjunction, or after it (甘肃省工业和 + 信息化厅)
            let glued = chars[end - 1] == '和' && k < tokens.len() && tokens[k].span.start == end;
            let apart = k + 1 < tokens.len() && tokens[k].span.start == end && slice(chars, tokens[k].span) == "和";
            if glued || apart {
                // the words after 和 up to the first that ends a department's name (信息化 + 局)
                let base = if glued { k - 1 } else { k };
                let after = if glued { end } else { tokens[base].span.end };
                let mut j = base + 1;
                let mut found = None;
                while j < tokens.len()
                    && j <= base + 3
                    && tokens[j].span.start == tokens[j - 1].span.end
                    && matches!(tokens[j].label, "n" | "vn" | "nz" | "ORG")
                {
                    if tokens[j].span.end - after >= 2
                        && Lexicon::get().department_endings.ends_at(chars, tokens[j].span.end)
                    {
                        found = Some(j);
                        break;
                    }
                    j += 1;
                }
                if let Some(j) = found {
                    end = tokens[j].span.end;
                    k = j + 1;
                    continue;
                }
            }
            break;
        }
        let mut span = Span::new(start, end);
        // a delegation is no body (湖州市代表团): its place is what the text names
        if let Some(n) = Lexicon::get().not_units.longest_ending_at(chars, end).filter(|&n| end - start > n + 1) {
            let place = Span::new(start, end - n);
            if is_known_place(&slice(chars, place)) {
                let mut c = candidate(chars, place, EntityKind::Place, "tagger ORG place");
                give_place_identity(&mut c, &slice(chars, place));
                out.push(c);
            }
            i = k;
            continue;
        }
        // a title the tagger glued to a body: 陈仓区委书记 → 陈仓区委, also with the first chars of
        // the holder's name after it (那曲市委书记尼 + 玛次仁: the name is read after the title)
        if let Some((n, glued)) = (0..=2)
            .find_map(|glued| {
                Lexicon::get()
                    .titles
                    .longest_ending_at(chars, span.end.checked_sub(glued)?)
                    .filter(|&n| span.len() > n + 2 + glued)
                    .map(|n| (n, glued))
            })
            // (a name starts after the title: not the rest of a body's suffix, 管理委员 + 会)
            .filter(|&(_, glued)| {
                let from = span.end - glued;
                glued == 0
                    || !Lexicon::get().org_suffixes.ends_at(chars, span.end)
                        && (super::rules::name_length(chars, from).is_some()
                            || super::rules::tibetan_name_length(chars, from).is_some())
            })
        {
            span.end -= n + glued;
        }
        // a verb the tagger glued after a body's name (广电运通 + 协办)
        if let Some(n) = Lexicon::get().host_verbs.longest_ending_at(chars, span.end).filter(|&n| span.len() >= n + 4) {
            span.end -= n;
        }
        // a legal name with a verb and its object glued after it (…发电有限公司 + 共建储能): the name
        // ends with its legal form, unless a unit of the company follows (…有限公司 + 成都分公司)
        if let Some(form_end) = (span.start + 4..span.end.saturating_sub(1))
            .find(|&e| super::lexicon::ends_in_legal_form(&slice(chars, Span::new(span.start, e))))
            && !Lexicon::get().org_suffixes.ends_at(chars, span.end)
        {
            span.end = form_end;
        }
        let mut name = slice(chars, span);
        // a char glued on by the tagger before a well-known name (访华 + 新华社 → 华新华社)
        if span.len() > 3
            && !"省市县区州旗".contains(chars[span.start])
            && let Some(known) = known_org_at_end(&name)
        {
            span.start = span.end - known;
            name = slice(chars, span);
        }
        // a body and a verb the tagger glued before the name (西南大学 + 共建 + 先进陶瓷研究院): the
        // name starts after the verb when what precedes it is a body or place of its own
        if let Some((verb, cut)) = glued_actor_verb(&name) {
            // (the body before the verb is named too: 湖南理工学院 of 湖南理工学院共建…研究院)
            let actor = Span::new(span.start, span.start + verb);
            if Lexicon::get().org_suffixes.ends_at(chars, actor.end) {
                out.push(candidate(chars, actor, EntityKind::Organization, "tagger ORG"));
            }
            span.start += cut;
            name = slice(chars, span);
        }
        // a description the tagger glued before the name (在华全资子公司 + 欧蓝德…有限公司): the
        // name starts after the last 子公司 that still leaves a name
        if let Some(p) = name.rfind("子公司").map(|b| name[..b].chars().count() + 3).filter(|&p| span.len() >= p + 2)
        {
            span.start += p;
            name = slice(chars, span);
        }
        if is_government(&name) {
            let place = Span::new(span.start, span.end - 2);
            let cut = if name.ends_with("人民政府") { 2 } else { 0 };
            // 美国政府 and 印度当局 alike
            let place = Span::new(place.start, place.end - cut);
            let place_name = slice(chars, place);
            let chinese_area = Gazetteer::get().lookup(&place_name).any(|(_, form)| form == NameForm::Full);
            if chinese_area {
                // a Chinese area's government is a body of its own (璧山区人民政府)
                out.push(candidate(chars, span, EntityKind::Organization, "tagger ORG"));
            } else if place.len() == 1 && Lexicon::get().place_abbreviation(chars[place.start]).is_some() {
                out.push(abbreviation(chars, place.start));
            } else if place.len() >= 2 && (is_known_place(&place_name) || place_name.ends_with('国')) {
                out.push(candidate(chars, place, EntityKind::Place, "government's place"));
            }
            i = k;
            continue;
        }
        let known = Lexicon::get().known_org(&name).is_some();
        // a field or a kind of body, not a body: 新能源汽车, 国家级实验室
        let name_chars: Vec<char> = name.chars().collect();
        // (a compound of compass points names a region: 东南大学, 中南大学, 西北工业大学; not
        // 中西医结合医院, 东北地区高校)
        let compass = name_chars.len() >= 4 && name_chars[..2].iter().all(|c| "东西南北中".contains(*c)) && {
            let suffix = Lexicon::get().org_suffixes.longest_ending_at(&name_chars, name_chars.len()).unwrap_or(0);
            let between = &name_chars[2..name_chars.len() - suffix.min(name_chars.len() - 2)];
            // (a field's word may stand between: 工业; not a part of an area: 地区, 部)
            between.len() <= 2 && !matches!(between.last(), Some('区' | '部' | '方'))
        };
        if !known && !compass && generic_description(&name_chars, &Lexicon::get().org_suffixes) {
            i = k;
            continue;
        }
        // a field of industry the tagger read as a body: 新能源汽车 + 产业
        let field = Lexicon::get().industry_fields.starts_at(chars, span.end);
        if !known && (!compass && is_description(&name) || field) {
            i = k;
            continue;
        }
        // a two-char word the tagger calls a body is a short name (曼联, 民盟) unless it is a
        // generic word, a place or has a function char in it (企业, 日本, 从一)
        // (nor a party or a word for a body: 中方, 警方, 公安, 国企)
        let lex = Lexicon::get();
        let short_name = span.len() == 2
            && chars[span.start..span.end].iter().all(|&c| is_han(c) && !lex.stop_chars.has_char(c))
            && !crate::extract::lexicon::is_generic(&chars[span.start..span.end])
            && !is_known_place(&name)
            && Gazetteer::get().world(&name).is_none()
            && chars[span.end - 1] != '方'
            && !lex.org_suffixes.contains(&name)
            && !lex.organ_words.contains(&name)
            && !lex.referring_nouns.contains(&name);
        if span.len() >= 3 || known {
            out.push(candidate(chars, span, EntityKind::Organization, "tagger ORG"));
        } else if short_name {
            out.push(candidate(chars, span, EntityKind::Organization, SHORT_NAME_RULE));
        }
        i = k;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens from "word/label" pairs, as the tagger would give them.
    fn tokens(words: &[(&'static str, &'static str)]) -> (Vec<char>, Vec<Token<'static>>) {
        let mut chars = Vec::new();
        let mut out = Vec::new();
        for (w, label) in words {
            let start = chars.len();
            chars.extend(w.chars());
            out.push(Token { span: Span::new(start, chars.len()), label });
        }
        (chars, out)
    }

    fn found(chars: &[char], cs: &[Candidate]) -> Vec<(String, EntityKind)> {
        cs.iter().map(|c| (slice(chars, c.span), c.kind)).collect()
    }

    #[test]
    fn kinds_of_places_and_fields_of_industry_are_no_names() {
        let lex = Lexicon::get();
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        assert!(generic_description(&c("国家级开发区"), &lex.zone_suffixes));
        assert!(generic_description(&c("省级新区"), &lex.zone_suffixes));
        assert!(generic_description(&c("新能源汽车"), &lex.org_suffixes));
        assert!(!generic_description(&c("宜宾三江新区"), &lex.zone_suffixes));
        assert!(!generic_description(&c("华锐新能源科技有限公司"), &lex.org_suffixes));
    }

    #[test]
    fn titles_and_forms_of_address_are_cut_from_names() {
        let (c, t) =
            tokens(&[("李大娘", PER), ("说", "v"), ("，", "w"), ("王小明", PER), ("和", "c"), ("江主席", PER)]);
        let got = found(&c, &people(&c, &t));
        assert_eq!(
            got,
            [("李", EntityKind::Person), ("王小明", EntityKind::Person), ("江", EntityKind::Person)]
                .map(|(a, b)| (a.to_owned(), b))
        );
    }

    #[test]
    fn a_one_char_county_glued_after_a_word_is_a_slogans_words() {
        let c: Vec<char> = "要聚焦生态立县、产业强县、开放兴县。".chars().collect();
        let at = c.iter().position(|&x| x == '兴').unwrap();
        assert!(glued_one_char_area(&c, Span::new(at, at + 2)));
        let c: Vec<char> = "山西省吕梁市兴县召开会议，兴县县长出席。".chars().collect();
        let at = c.iter().position(|&x| x == '兴').unwrap();
        assert!(!glued_one_char_area(&c, Span::new(at, at + 2)));
    }

    #[test]
    fn names_the_tagger_joins_over_a_space_stay_apart() {
        let (c, t) = tokens(&[("记者", "n"), (" ", "w"), ("甘晓东", PER), (" ", PER), ("柯瑞", PER), (" ", "w")]);
        let got = found(&c, &people(&c, &t));
        assert_eq!(got, [("甘晓东", EntityKind::Person), ("柯瑞", EntityKind::Person)].map(|(a, b)| (a.to_owned(), b)));
    }

    #[test]
    fn numbers_are_no_names() {
        let (c, t) = tokens(&[("代码", "n"), ("：", "w"), ("605386", PER), ("，", "w")]);
        assert!(people(&c, &t).is_empty());
    }

    #[test]
    fn a_title_tagged_as_a_name_is_no_part_of_the_next_one() {
        let (c, t) = tokens(&[("、", "w"), ("人民陪审员", PER), ("罗建", PER), ("审理", "v")]);
        assert_eq!(found(&c, &people(&c, &t)), [("罗建".to_owned(), EntityKind::Person)]);
    }

    #[test]
    fn transliterated_names_are_joined_at_the_dot() {
        let (c, t) = tokens(&[("干事", "n"), ("彼得·", PER), ("皮奥", PER), ("说", "v")]);
        assert_eq!(found(&c, &people(&c, &t)), [("彼得·皮奥".to_owned(), EntityKind::Person)]);
        let (c, t) = tokens(&[("约翰", PER), ("·", "w"), ("马吉", PER)]);
        assert_eq!(found(&c, &people(&c, &t)), [("约翰·马吉".to_owned(), EntityKind::Person)]);
    }

    #[test]
    fn country_abbreviation_compounds_split_but_names_stay() {
        let (c, t) = tokens(&[("中美", LOC), ("关系", "n"), ("中亚", LOC), ("古巴", LOC)]);
        let got: Vec<String> = found(&c, &places(&c, &t)).into_iter().map(|(s, _)| s).collect();
        assert_eq!(got, ["中", "美", "中亚", "古巴"]);
        // (a word of those chars that names no country: 非法 is no 非 and 法)
        let (c, t) = tokens(&[("构成", "v"), ("非法", "nz"), ("吸收", "v")]);
        assert!(places(&c, &t).is_empty());
    }

    #[test]
    fn demonyms_weather_and_teams() {
        let (c, t) = tokens(&[("日本人", LOC), ("巴黎晴", LOC), ("墨西哥队", LOC)]);
        let got = found(&c, &places(&c, &t));
        assert_eq!(got[0], ("日本".to_owned(), EntityKind::Place));
        assert_eq!(got[1], ("巴黎".to_owned(), EntityKind::Place));
        assert_eq!(got[2], ("墨西哥队".to_owned(), EntityKind::Organization));
    }

    #[test]
    fn places_take_gazetteer_identity_from_full_names_only() {
        let (c, t) = tokens(&[("北碚区", LOC), ("高新区", LOC)]);
        let got = places(&c, &t);
        assert_eq!(got[0].key, Key::Area(500_109));
        assert_eq!(got[0].attrs.get("path").map(String::as_str), Some("重庆市北碚区"));
        assert!(!got.get(1).is_some_and(|c| c.attrs.contains_key("adcode")));
    }

    #[test]
    fn organizations_extend_over_suffix_words_and_governments_are_places() {
        let (c, t) = tokens(&[("中国科学院", ORG), ("研究所", "n"), ("和", "c"), ("四川", LOC), ("大学", "n")]);
        let got: Vec<String> = found(&c, &organizations(&c, &t)).into_iter().map(|(s, _)| s).collect();
        assert_eq!(got, ["中国科学院研究所", "四川大学"]);
        let (c, t) = tokens(&[
            ("重庆市人民政府", ORG),
            ("美国", LOC),
            ("政府", "n"),
            ("省政府", ORG),
            ("和", "c"),
            ("印度政府", ORG),
        ]);
        let got = found(&c, &organizations(&c, &t));
        assert_eq!(
            got,
            [("重庆市人民政府".to_owned(), EntityKind::Organization), ("印度".to_owned(), EntityKind::Place)]
        );
    }

    #[test]
    fn bodies_named_by_a_compound_of_compass_points() {
        for word in ["东南大学", "中南大学", "西北工业大学"] {
            let (c, t) = tokens(&[(word, ORG), ("将", "d"), ("参加", "v")]);
            let got: Vec<String> = found(&c, &organizations(&c, &t)).into_iter().map(|(s, _)| s).collect();
            assert_eq!(got, [word], "{word}");
        }
        // a generic word before the suffix still describes (新大学 is no name), and compass points
        // before a part of an area are no region's name
        for word in ["新大学", "东北地区高校"] {
            let (c, t) = tokens(&[(word, ORG), ("参加", "v")]);
            assert!(organizations(&c, &t).is_empty(), "{word}");
        }
    }

    #[test]
    fn a_title_glued_to_a_body_is_cut_with_the_start_of_the_name_after_it() {
        for (word, body) in
            [("陈仓区委书记", "陈仓区委"), ("那曲市委书记尼", "那曲市委"), ("日喀则市委副书记尼", "日喀则市委")]
        {
            let (c, t) = tokens(&[(word, ORG), ("玛次仁", "n"), ("出席", "v")]);
            let got: Vec<String> = found(&c, &organizations(&c, &t)).into_iter().map(|(s, _)| s).collect();
            assert_eq!(got, [body], "{word}");
        }
    }

    #[test]
    fn two_char_bodies_are_short_names_unless_generic_or_held_by_a_longer_name() {
        let (c, t) = tokens(&[
            ("曼联", ORG),
            ("战胜", "v"),
            ("热刺", ORG),
            ("，", "w"),
            ("企业", ORG),
            ("、", "w"),
            ("日本", ORG),
        ]);
        let mut got = organizations(&c, &t);
        assert_eq!(found(&c, &got).into_iter().map(|(s, _)| s).collect::<Vec<_>>(), ["曼联", "热刺"]);
        // the brand of a company the document names in full is no body of its own
        let (c, t) = tokens(&[("曼联", ORG), ("与", "c"), ("热刺体育用品有限公司", ORG)]);
        got = organizations(&c, &t);
        drop_short_names_of_longer(&mut got);
        assert_eq!(found(&c, &got).into_iter().map(|(s, _)| s).collect::<Vec<_>>(), ["曼联", "热刺体育用品有限公司"]);
        let (c, t) = tokens(&[("热刺", ORG), ("与", "c"), ("热刺体育用品有限公司", ORG)]);
        got = organizations(&c, &t);
        drop_short_names_of_longer(&mut got);
        assert_eq!(found(&c, &got).into_iter().map(|(s, _)| s).collect::<Vec<_>>(), ["热刺体育用品有限公司"]);
    }

    #[test]
    fn a_well_known_body_must_end_where_a_word_does() {
        let lexicon = |c: &[char], start: usize, end: usize| {
            Candidate::new(c, Span::new(start, end), EntityKind::Organization, "lexicon", 4)
        };
        // 自然资源部门: a kind of department, not the ministry
        let (c, t) = tokens(&[("自然资源", "n"), ("部门", "n"), ("加强", "v")]);
        assert!(vet(&c, &t, vec![lexicon(&c, 0, 5)]).is_empty());
        let (c, t) = tokens(&[("自然资源部", ORG), ("召开", "v")]);
        assert_eq!(vet(&c, &t, vec![lexicon(&c, 0, 5)]).len(), 1);
        // 工行 inside 施工行为
        let (c, t) = tokens(&[("施工", "vn"), ("行为", "n")]);
        assert!(vet(&c, &t, vec![lexicon(&c, 1, 3)]).is_empty());
    }

    #[test]
    fn datelines_and_line_breaks_are_not_part_of_names() {
        let (c, t) = tokens(&[("5月7日", "TIME"), ("电国务院", ORG), ("周旭\n", PER)]);
        let got: Vec<String> = found(&c, &candidates(&c, &t)).into_iter().map(|(s, _)| s).collect();
        assert!(got.contains(&"国务院".to_owned()) && got.contains(&"周旭".to_owned()), "{got:?}");
    }

    #[test]
    fn unit_words_are_organizations_but_common_words_are_not() {
        let (c, t) =
            tokens(&[("该报", "r"), ("文艺部", "n"), ("主任", "n"), ("和", "c"), ("领导干部", "n"), ("国际关系", "n")]);
        assert_eq!(found(&c, &units(&c, &t)), [("文艺部".to_owned(), EntityKind::Organization)]);
        let (c, t) = tokens(&[("招商", "vn"), ("引资", "vn"), ("团", "n")]);
        assert_eq!(found(&c, &units(&c, &t)), [("招商引资团".to_owned(), EntityKind::Organization)]);
    }

    #[test]
    fn one_char_places_in_pairs_and_after_travel_verbs() {
        let (c, t) = tokens(&[("符合", "v"), ("中", "f"), ("葡", "n"), ("双方", "n"), ("总统", "n"), ("访华", "PER")]);
        let got = candidates(&c, &t);
        let places: Vec<(String, String)> =
            got.iter().filter(|x| x.kind == EntityKind::Place).map(|x| (slice(&c, x.span), x.label.clone())).collect();
        assert_eq!(
            places,
            [("中", "中国"), ("葡", "葡萄牙"), ("华", "中国")].map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        assert!(got.iter().all(|x| x.kind != EntityKind::Person), "访华 is no person");
    }

    #[test]
    fn media_in_title_marks_are_organizations() {
        let c: Vec<char> = "据《费加罗报》报道，《关于加强管理的意见》".chars().collect();
        assert_eq!(found(&c, &media_titles(&c)), [("费加罗报".to_owned(), EntityKind::Organization)]);
    }

    #[test]
    fn two_char_places_need_a_gazetteer_or_lexicon() {
        let (c, t) = tokens(&[("资源", LOC), ("中国", LOC), ("亚洲", LOC), ("绵阳", LOC), ("日本", LOC)]);
        let got: Vec<String> = found(&c, &places(&c, &t)).into_iter().map(|(s, _)| s).collect();
        assert_eq!(got, ["中国", "亚洲", "绵阳", "日本"]);
    }

    #[test]
    fn generic_words_are_dropped() {
        let (c, t) = tokens(&[
            ("大通道", LOC),
            ("西北部", LOC),
            ("新时代", ORG),
            ("国家级工程技术研究中心", ORG),
            ("绵阳", LOC),
        ]);
        let got: Vec<String> = found(&c, &candidates(&c, &t)).into_iter().map(|(s, _)| s).collect();
        assert_eq!(got, ["绵阳"]);
    }

    #[test]
    fn suffix_rules_must_agree_with_word_boundaries() {
        // 中国大学生: the suffix 大学 ends inside the word 大学生
        let (c, t) = tokens(&[("为", "p"), ("中国", LOC), ("大学生", "n"), ("上课", "v")]);
        let rule = Candidate {
            span: Span::new(1, 5),
            kind: EntityKind::Organization,
            label: "中国大学".into(),
            key: Key::Org("中国大学".into()),
            attrs: std::collections::BTreeMap::new(),
            role: None,
            rule: "organization suffix",
            priority: 2,
        };
        assert!(vet(&c, &t, vec![rule.clone()]).is_empty());
        let (c, t) = tokens(&[("西南", "LOC"), ("大学", "n")]);
        let ok = Candidate { span: Span::new(0, 4), label: "西南大学".into(), ..rule.clone() };
        assert_eq!(vet(&c, &t, vec![ok]).len(), 1);
        // a verb inside the name: 刚出医院
        let (c, t) = tokens(&[("刚", "d"), ("出", "v"), ("医院", "n")]);
        let bad = Candidate { span: Span::new(0, 4), label: "刚出医院".into(), ..rule };
        assert!(vet(&c, &t, vec![bad]).is_empty());
    }
}
