//! Rule layers that propose candidate mentions over the characters of a document.
//!
//! Each rule is a small named function with its own tests: [`places`] (gazetteer names and
//! development zones), [`organizations`] (suffixes, the lexicon, enumerations before
//! 等骨干企业), [`initiatives`] (quoted slogans and programme suffixes) and [`people`] (names
//! after titles, then every later use of the same name). Candidates may overlap; [`super::resolve`]
//! chooses among them.

use std::collections::{BTreeMap, HashSet};

use super::EntityKind;
use super::gazetteer::{Area, Gazetteer, Level, NameForm, WorldName};
use super::identity::Key;
use super::lexicon::{Lexicon, WordList, is_generic, starts_with_word, surname_len};
use crate::text::{Span, bracketed, is_break, is_cn_numeral, is_han, slice};

/// A proposed mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub span: Span,
    pub kind: EntityKind,
    /// The entity's display name (the gazetteer's full name for places it knows).
    pub label: String,
    /// Identity of the entity within and across documents.
    pub key: Key,
    pub attrs: BTreeMap<String, String>,
    /// For people found after a title: the span of the title phrase (北碚区委书记).
    pub role: Option<Span>,
    /// The rule that proposed it (shown when a merge or a mention needs explaining).
    pub rule: &'static str,
    /// Higher wins between candidates of equal length.
    pub priority: u8,
}

impl Candidate {
    /// A candidate named by its surface, keyed by kind and normalised name.
    #[must_use]
    pub fn new(chars: &[char], span: Span, kind: EntityKind, rule: &'static str, priority: u8) -> Self {
        let label = slice(chars, span);
        let key = Key::named(kind, &label);
        let mut c = Self { span, kind, label, key, attrs: BTreeMap::new(), role: None, rule, priority };
        // a zone by its short name (滁州经开区) that the gazetteer lists by its long one
        if kind == EntityKind::Place
            && let Some(area) = zone_area(&c.label)
        {
            set_area(&mut c, area);
        }
        c
    }
}

/// The gazetteer area a zone named with a short zone word (经开区, 高新区) stands for: the name
/// with a long form of that word (滁州经济技术开发区), when the gazetteer lists it in full.
fn zone_area(name: &str) -> Option<&'static Area> {
    let g = Gazetteer::get();
    Lexicon::get().zone_abbreviations.rows().iter().find_map(|row| {
        let (long, short) = (row.first()?, row.get(1)?);
        if !name.ends_with(short.as_str()) || name.len() == short.len() {
            return None;
        }
        let full = format!("{}{long}", &name[..name.len() - short.len()]);
        g.lookup(&full).find(|(_, form)| *form == NameForm::Full).map(|(a, _)| a)
    })
}

/// Gives a place candidate the identity and attributes of a gazetteer area.
fn set_area(c: &mut Candidate, area: &Area) {
    let g = Gazetteer::get();
    c.label.clone_from(&area.name);
    c.key = Key::Area(area.adcode);
    c.attrs.insert("adcode".into(), area.adcode.to_string());
    c.attrs.insert("path".into(), g.full_path(area.adcode));
    if let (Some(lon), Some(lat)) = (area.lon, area.lat) {
        c.attrs.insert("lon".into(), format!("{lon}"));
        c.attrs.insert("lat".into(), format!("{lat}"));
    }
}

/// All candidates of every rule.
#[must_use]
pub fn candidates(chars: &[char]) -> Vec<Candidate> {
    let mut out = places(chars);
    out.extend(world_places(chars));
    out.extend(zones(chars));
    out.extend(organizations(chars));
    out.extend(initiatives(chars));
    out.extend(people(chars));
    out.extend(place_bodies(chars));
    out
}

fn is_name_char(c: char) -> bool {
    is_han(c) || c.is_ascii_alphanumeric()
}

/// Where a name that ends at `end` (exclusive) begins: the left edge stops at punctuation,
/// function characters and common verbs, and after `max` characters.
#[must_use]
pub fn name_start(chars: &[char], end: usize, max: usize) -> usize {
    let lex = Lexicon::get();
    let mut i = end;
    while i > 0 && end - i < max {
        let c = chars[i - 1];
        if !is_name_char(c) || lex.stop_chars.has_char(c) {
            break;
        }
        if lex.boundary_words.ends_at(chars, i) {
            break;
        }
        // a verb's complement 成 before a name that starts with 成 (打造成成渝…, 建设成成都…); 建设
        // 成渝… keeps its 成
        if i >= 2 && chars[i - 1] == '成' && chars.get(i) == Some(&'成') && lex.boundary_words.ends_at(chars, i - 1) {
            break;
        }
        i -= 1;
    }
    i
}

/// Whether the name part has something proper in it: a place, a region or a known organization.
pub(crate) fn has_anchor(name: &[char]) -> bool {
    let s: String = name.iter().collect();
    let g = Gazetteer::get();
    let lex = Lexicon::get();
    lex.regions.occurs_in(&s)
        || lex.known_org_names.occurs_in(&s)
        || (0..name.len()).any(|i| {
            (i + 2..=name.len().min(i + g.max_len())).any(|j| {
                let sub: String = name[i..j].iter().collect();
                g.lookup(&sub).next().is_some()
            })
        })
}

/// A name part is acceptable before a suffix when it is long enough and either proper or not a
/// mere description.
#[must_use]
pub fn acceptable_name(name: &[char]) -> bool {
    name.len() >= 2 && (has_anchor(name) || !is_generic(name))
}

/// Gazetteer places: full names anywhere; province and city short names unless they are common
/// words; county short names only where the county's full name or its parent appears.
#[must_use]
pub fn places(chars: &[char]) -> Vec<Candidate> {
    let g = Gazetteer::get();
    let text: String = chars.iter().collect();
    let mut present: HashSet<u32> = HashSet::new();
    let mut out = Vec::new();
    let max = g.max_len();
    // one buffer for every substring looked up (no allocation per lookup)
    let mut name = String::new();
    for start in 0..chars.len() {
        if !is_han(chars[start]) {
            continue;
        }
        for len in (2..=max.min(chars.len() - start)).rev() {
            name.clear();
            name.extend(&chars[start..start + len]);
            let hits: Vec<(&Area, NameForm)> = g.lookup(&name).collect();
            if hits.is_empty() {
                continue;
            }
            let name = name.clone();
            // a full name counts as context only when it cannot be an everyday word (城区, 矿区)
            if len >= 3 {
                for (area, form) in &hits {
                    if *form == NameForm::Full {
                        present.insert(area.adcode);
                    }
                }
            }
            out.push((Span::new(start, start + len), name, hits));
            break;
        }
    }
    // parents named in the document (in any form) make their counties' short names usable
    let memo: std::cell::RefCell<std::collections::HashMap<u32, bool>> = std::cell::RefCell::default();
    let mentioned = |adcode: u32| {
        *memo.borrow_mut().entry(adcode).or_insert_with(|| {
            present.contains(&adcode)
                || g.area(adcode).is_some_and(|a| text.contains(&a.name) || text.contains(&a.short))
        })
    };
    let mut candidates = Vec::new();
    for (span, name, hits) in out {
        let usable: Vec<&(&Area, NameForm)> = hits
            .iter()
            .filter(|(area, form)| {
                let common = Lexicon::get().common_word_shorts.contains(&name);
                let weak = common || (*form == NameForm::Full && name.chars().count() < 3);
                match (form, area.level) {
                    (NameForm::Full, _) if !weak => true,
                    (NameForm::Short, Level::Province) => true,
                    (NameForm::Short, Level::City) if !weak => true,
                    _ => {
                        present.contains(&area.adcode)
                            || area.parent.is_some_and(|p| {
                                mentioned(p) && g.area(p).is_some_and(|pa| pa.level != Level::Province || !weak)
                            })
                    }
                }
            })
            .collect();
        // full names beat short ones, higher levels beat lower ones, context beats none
        let best = usable.iter().min_by_key(|(area, form)| {
            let in_context = area.parent.is_some_and(mentioned);
            (*form != NameForm::Full, !in_context, area.level, area.adcode)
        });
        let Some((area, form)) = best else { continue };
        // a county since made a city (错那县 → 错那市): its short name and 市 are its name now
        // (and a district once a county, by its old name: 崇礼县 of 崇礼区)
        let renamed = *form == NameForm::Short
            && area.level == Level::County
            && match chars.get(span.end) {
                Some('市') => area.name.ends_with(['县', '旗']),
                Some('县') => area.name.ends_with(['区', '市']),
                _ => false,
            }
            // (not a word 市 or 县 starts: 市场, 市民, 市值, 市级, 县城)
            && !chars.get(span.end + 1).is_some_and(|c| "场民值级容面井郊区属县镇城域乡".contains(*c));
        let span = if renamed { Span::new(span.start, span.end + 1) } else { span };
        let mut c = area_candidate(chars, span, area);
        if renamed {
            c.label = slice(chars, span);
        }
        candidates.push(c);
    }
    candidates
}

/// A place candidate with the identity and attributes of a gazetteer area.
#[must_use]
pub fn area_candidate(chars: &[char], span: Span, area: &Area) -> Candidate {
    let mut c = Candidate::new(chars, span, EntityKind::Place, "gazetteer", 3);
    c.attrs.clear();
    set_area(&mut c, area);
    c
}

/// Countries (short and official names) and their capitals and major cities, longest name first
/// at each position. A country is one entity whatever it is called (美国 = 美利坚合众国).
#[must_use]
pub fn world_places(chars: &[char]) -> Vec<Candidate> {
    let g = Gazetteer::get();
    let mut out = Vec::new();
    let mut start = 0;
    let mut name = String::new();
    while start < chars.len() {
        let found = (2..=12.min(chars.len() - start)).rev().find_map(|len| {
            name.clear();
            name.extend(&chars[start..start + len]);
            g.world(&name).map(|w| (len, w))
        });
        let Some((len, w)) = found else {
            start += 1;
            continue;
        };
        out.push(world_candidate(chars, Span::new(start, start + len), w));
        if let WorldName::Country(country) = w
            && let Some(city) = foreign_place_after(chars, start + len, &country.name)
        {
            out.push(city);
        }
        start += len;
    }
    out
}

/// A place the world gazetteer does not list, named right after its country with a place
/// word (葡萄牙卡尔达斯达赖尼亚市, 日本有田町, 法国利摩日市): a foreign city of that country. The
/// name is 2 to 10 chars before the place word, with no function char, title or Chinese place
/// in it.
fn foreign_place_after(chars: &[char], from: usize, country: &str) -> Option<Candidate> {
    let lex = Lexicon::get();
    let g = Gazetteer::get();
    let end = (from..chars.len().min(from + 12))
        // (有 of 有田町 begins Japanese names; the other function chars end the name)
        .take_while(|&i| is_han(chars[i]) && (!lex.stop_chars.has_char(chars[i]) || i == from && chars[i] == '有'))
        .find(|&i| i >= from + 2 && "市州省郡县町村岛".contains(chars[i]))?
        + 1;
    let name: String = chars[from..end].iter().collect();
    let inner = &chars[from..end];
    let has_title = (from + 1..=end).any(|i| lex.titles.ends_at(chars, i));
    let chinese_place = (0..inner.len())
        .any(|a| (a + 2..=inner.len()).any(|b| g.lookup(&inner[a..b].iter().collect::<String>()).next().is_some()));
    let other_country = (0..inner.len())
        .any(|a| (a + 2..=inner.len()).any(|b| g.world(&inner[a..b].iter().collect::<String>()).is_some()));
    if has_title || chinese_place || other_country {
        return None;
    }
    let mut c = Candidate::new(chars, Span::new(from, end), EntityKind::Place, "foreign place after its country", 3);
    c.key = Key::City { country: country.to_owned(), name: name.clone() };
    c.attrs.insert("country".into(), country.to_owned());
    Some(c)
}

/// A place candidate with a foreign identity: the country's usual name for a country, the city
/// with its country for a city.
#[must_use]
pub fn world_candidate(chars: &[char], span: Span, w: WorldName<'_>) -> Candidate {
    let mut c = Candidate::new(chars, span, EntityKind::Place, "world gazetteer", 3);
    match w {
        WorldName::Country(country) => {
            c.label.clone_from(&country.name);
            c.key = Key::Country(country.name.clone());
            c.attrs.insert("official_name".into(), country.full.clone());
            c.attrs.insert("continent".into(), country.continent.clone());
        }
        WorldName::City(country) => {
            c.key = Key::City { country: country.name.clone(), name: c.label.clone() };
            c.attrs.insert("country".into(), country.name.clone());
        }
    }
    c
}

/// Development zones and areas the gazetteer does not list: a proper name before a zone suffix
/// (两江新区, 重庆高新区, 歇马片区, 水土高新园).
#[must_use]
pub fn zones(chars: &[char]) -> Vec<Candidate> {
    let suffixes = &Lexicon::get().zone_suffixes;
    let mut out = suffixed(chars, suffixes, 10, EntityKind::Place, "zone suffix", 2);
    // a zone named after the zone it lies in is a name of its own: 江津高新区 | 双福片区
    let g = Gazetteer::get();
    let county_ends_at = |p: usize, from: usize| {
        (from..p.saturating_sub(1)).any(|s| {
            let name: String = chars[s..p].iter().collect();
            g.lookup(&name).any(|(a, form)| form == NameForm::Full && a.level != Level::Province)
        })
    };
    out.retain_mut(|c| {
        // the zone, district or city it lies in, named before it: 南岸区 | 弹子石片区
        let inner = (c.span.start + 3..c.span.end.saturating_sub(2))
            .rev()
            .find(|&p| suffixes.longest_ending_at(chars, p).is_some_and(|n| n >= 2) || county_ends_at(p, c.span.start));
        let Some(p) = inner else { return true };
        let suffix = suffixes.longest_ending_at(chars, c.span.end).unwrap_or(0);
        let Some(name) = chars.get(p..c.span.end.saturating_sub(suffix)) else { return false };
        *c = Candidate::new(chars, Span::new(p, c.span.end), EntityKind::Place, "zone suffix", 2);
        name.len() >= 2 && acceptable_name(name)
    });
    out
}

/// Organizations: a proper name before an organization suffix (西南大学, 重庆晨报), the lexicon
/// of well-known organizations, and the items of an enumeration that ends in 等骨干企业/等高校.
#[must_use]
pub fn organizations(chars: &[char]) -> Vec<Candidate> {
    let mut out = suffixed(chars, &Lexicon::get().org_suffixes, 14, EntityKind::Organization, "organization suffix", 2);
    // 全资子公司 ends in a suffix but refers to a company without naming it
    out.retain(|c| !Lexicon::get().is_referring_description(&c.label));
    out.extend(known_organizations(chars));
    out.extend(enumerated_organizations(chars));
    out.extend(missions(chars));
    out
}

/// A country's mission abroad named in full: "<country>驻<place><mission>" (匈牙利驻上海总领事馆,
/// 中国驻法国大使馆), the country and the place known to the gazetteers.
fn missions(chars: &[char]) -> Vec<Candidate> {
    let g = Gazetteer::get();
    let lex = Lexicon::get();
    let known_place = |s: &[char]| {
        let name: String = s.iter().collect();
        g.world(&name).is_some() || g.lookup(&name).next().is_some()
    };
    let mut out = Vec::new();
    for (at, _) in chars.iter().enumerate().filter(|&(_, &c)| c == '驻') {
        let country = (2..=6).rev().filter(|&n| n <= at).find(|&n| {
            let name: String = chars[at - n..at].iter().collect();
            // (China too, which the world gazetteer leaves to the Chinese one)
            name == "中国" || matches!(g.world(&name), Some(crate::extract::gazetteer::WorldName::Country(_)))
        });
        let Some(country) = country else { continue };
        let place =
            (2..=6).rev().filter(|&n| at + 1 + n <= chars.len()).find(|&n| known_place(&chars[at + 1..at + 1 + n]));
        let Some(place) = place else { continue };
        let Some(head) = lex.mission_words.longest_at(chars, at + 1 + place) else { continue };
        let span = Span::new(at - country, at + 1 + place + head);
        out.push(Candidate::new(chars, span, EntityKind::Organization, "mission abroad", 4));
    }
    out
}

fn suffixed(
    chars: &[char],
    suffixes: &WordList,
    max_name: usize,
    kind: EntityKind,
    rule: &'static str,
    priority: u8,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for end in 1..=chars.len() {
        // the longest suffix ending here
        // one-char suffixes (园) need the tagger's words and a proper name: see `names`
        let Some(suffix_len) = suffixes.longest_ending_at(chars, end).filter(|&n| n >= 2) else {
            continue;
        };
        let suffix_start = end - suffix_len;
        let start = name_start(chars, suffix_start, max_name);
        if acceptable_name(&chars[start..suffix_start]) {
            out.push(Candidate::new(chars, Span::new(start, end), kind, rule, priority));
        }
    }
    out
}

fn known_organizations(chars: &[char]) -> Vec<Candidate> {
    // full-width letters and digits match their ASCII names (ＢＯＥ is BOE)
    let folded: Vec<char> = chars.iter().map(|&c| fold_width(c)).collect();
    let chars = folded.as_slice();
    let lex = Lexicon::get();
    let mut out = Vec::new();
    for start in 0..chars.len() {
        // every known name starting here (a name and a longer one may both start at one place)
        for n in lex.known_org_names.all_at(chars, start) {
            let name: String = chars[start..start + n].iter().collect();
            let Some(canonical) = lex.known_org(&name) else { continue };
            // a local body by the short name of a national one (县发改委, 市工信局)
            if start > 0 && "省市县区州旗".contains(chars[start - 1]) && !name.starts_with(['中', '国']) {
                continue;
            }
            let mut c = Candidate::new(chars, Span::new(start, start + n), EntityKind::Organization, "lexicon", 4);
            c.key = Key::Org(canonical.to_owned());
            canonical.clone_into(&mut c.label);
            out.push(c);
        }
    }
    out
}

/// A full-width ASCII form (U+FF01–U+FF5E) as its ASCII char; other chars unchanged.
#[must_use]
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

fn enumerated_organizations(chars: &[char]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for p in 0..chars.len() {
        if chars[p] != '等' || !Lexicon::get().org_hypernym_at(chars, p + 1) {
            continue;
        }
        // walk back over "A、B和C等"
        let mut end = p;
        loop {
            let start = name_start(chars, end, 12);
            let name = &chars[start..end];
            if name.len() >= 2 && !is_generic(name) {
                out.push(Candidate::new(chars, Span::new(start, end), EntityKind::Organization, "enumeration", 1));
            }
            let sep = start.checked_sub(1).map(|i| chars[i]);
            match sep {
                Some('、' | '和' | '与' | '及') if start >= 2 => end = start - 1,
                _ => break,
            }
        }
    }
    out
}

/// Initiatives: quoted slogans (number shapes such as 一区两群, a programme suffix, or a cue word
/// after the quote) and unquoted names before a programme suffix (成渝地区双城经济圈).
#[must_use]
pub fn initiatives(chars: &[char]) -> Vec<Candidate> {
    let mut out = Vec::new();
    // (pages that use straight quotes: "千村美丽")
    let closing = |c: char| closing_quote(c).or((c == '"').then_some('"'));
    let lex = Lexicon::get();
    for span in bracketed(chars, closing, 17) {
        let inner = &chars[span.start..span.end];
        // the object of a verb of carrying out (深入推行“河长制”, 持续开展“千名干部进千企”服务活动)
        let open = span.start - 1;
        let carried_out = lex.carry_out_verbs.ends_at(chars, open);
        // (not a kind of programme: “样板工程”, “示范项目”; numbers name one: “千万工程”)
        let generic = !inner.iter().any(|&c| is_cn_numeral(c))
            && [&lex.quoted_programme_heads, &lex.project_heads].iter().any(|heads| {
                heads
                    .longest_ending_at(inner, inner.len())
                    .is_some_and(|n| inner.len() < n + if n >= 3 { 2 } else { 3 })
            });
        let named = inner.len() >= 3
            && inner.iter().all(|&c| is_han(c))
            && !lex.initiative_stoplist.contains(&slice(chars, span))
            && Gazetteer::get().lookup(&slice(chars, span)).next().is_none();
        if !generic && (carried_out && named || is_quoted_initiative(inner, &chars[span.end + 1..])) {
            out.push(Candidate::new(chars, span, EntityKind::Initiative, "quoted slogan", 3));
        }
    }
    for c in suffixed(chars, &lex.initiative_suffixes, 14, EntityKind::Initiative, "programme suffix", 2) {
        let weak = lex.weak_initiative_suffixes.suffix_of(&c.label).is_some();
        if !weak {
            out.push(c);
        }
    }
    // a weak head names a programme where a verb of carrying out opens it (深入实施甲乙提升行动,
    // 开展甲乙专项行动)
    for end in 1..=chars.len() {
        if let Some(start) = carried_out_from(chars, end) {
            out.push(Candidate::new(chars, Span::new(start, end), EntityKind::Initiative, "carried-out programme", 2));
        }
    }
    out
}

/// Where the name of a programme ending at `end` in a weak head (行动, 工程, 战略) starts when a
/// verb of carrying out opens it (实施 | 国有企业改革深化提升行动): right after the verb, if four or
/// more chars that say more than qualifiers stand before the head and the head ends the clause.
fn carried_out_from(chars: &[char], end: usize) -> Option<usize> {
    let lex = Lexicon::get();
    if chars.get(end).is_some_and(|&c| is_han(c)) {
        return None;
    }
    let head = lex.weak_initiative_suffixes.longest_ending_at(chars, end)?;
    let head_start = end - head;
    // (back over Han chars of the clause, past words a name would stop at: 深化, 进)
    let mut edge = head_start;
    while edge > 0 && head_start - edge < 18 && is_han(chars[edge - 1]) {
        edge -= 1;
    }
    let verb_end = (edge..=head_start.saturating_sub(4)).rev().find(|&p| lex.programme_verbs.ends_at(chars, p))?;
    // (past a particle after the verb: 实施了, 实施好)
    let start = verb_end + usize::from(chars.get(verb_end).is_some_and(|c| "了好过着".contains(*c)));
    let words = chars.get(start..head_start)?;
    // (one name, not a list or a kind: 交通水利等重大工程)
    let listed = words.iter().any(|c| "的等和与及、".contains(*c));
    (words.len() >= 4 && !listed && !super::names::only_project_qualifiers(words)).then_some(start)
}

fn closing_quote(c: char) -> Option<char> {
    match c {
        '“' => Some('”'),
        '‘' => Some('’'),
        '「' => Some('」'),
        '《' => None,
        _ => None,
    }
}

/// Whether a quoted term names a programme. `after` is the text after the closing quote.
#[must_use]
pub fn is_quoted_initiative(inner: &[char], after: &[char]) -> bool {
    let s: String = inner.iter().collect();
    let lex = Lexicon::get();
    // (a + joins the parts of a formula: “1+3+N”)
    if inner.len() < 3 || !inner.iter().all(|&c| is_name_char(c) || c == '+') || lex.initiative_stoplist.contains(&s) {
        return false;
    }
    if Gazetteer::get().lookup(&s).next().is_some() || lex.known_orgs.contains(&s) {
        return false;
    }
    let number_shape = is_number_slogan(inner) || is_measure_slogan(inner);
    let suffix = lex.initiative_suffixes.suffix_of(&s).is_some_and(|suf| s.chars().count() > suf.chars().count());
    let cue = lex.initiative_cues.starts_at(after, 0);
    number_shape || suffix || cue
}

/// 三个服务, 两个维护, 五大工程: a numeral and a measure word before the words of the slogan.
#[must_use]
pub fn is_measure_slogan(s: &[char]) -> bool {
    s.len() >= 3 && is_cn_numeral(s[0]) && "个大项条张".contains(s[1]) && s[2..].iter().all(|&c| is_han(c))
}

/// 一区两群, 四地一枢纽, 一院三中心: numeral + noun (1–3 chars) + numeral + noun (1–3 chars).
#[must_use]
pub fn is_number_slogan(s: &[char]) -> bool {
    let numerals: Vec<usize> = s.iter().enumerate().filter(|(_, c)| is_cn_numeral(**c)).map(|(i, _)| i).collect();
    match numerals.as_slice() {
        [0, second, ..] => {
            let gap = second - 1;
            let tail = s.len() - second - 1;
            (1..=3).contains(&gap) && (1..=3).contains(&tail) && !s[second + 1..].iter().any(|c| is_cn_numeral(*c))
        }
        _ => false,
    }
}

/// People after a title (北碚区委书记周旭, 记者 王淳), with the title phrase kept as their role,
/// and every other use of the same name in the document.
#[must_use]
pub fn people(chars: &[char]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut found: Vec<Candidate> = Vec::new();
    let titled = |span: Span, role: Span| {
        let mut c = Candidate::new(chars, span, EntityKind::Person, "title + name", 3);
        c.role = Some(role);
        c.attrs.insert("role".into(), slice(chars, role));
        c
    };
    let mut t = 0;
    while t < chars.len() {
        let Some(title_len) = lex.titles.longest_at(chars, t) else {
            t += 1;
            continue;
        };
        let title_end = t + title_len;
        let mut ns = title_end;
        if matches!(chars.get(ns), Some(' ' | '\u{3000}' | ':' | '：')) {
            ns += 1;
        }
        // after 领导 (市领导甲、乙参加) names are listed: a name must be followed by a list mark
        // or a verb of attending, so 市领导来校调研 names no one
        let leader = Lexicon::get().titles.longest_at(chars, t).is_some_and(|n| {
            let w: String = chars[t..t + n].iter().collect();
            w.starts_with("领导")
        });
        // (a listed name may have a surname the list of surnames lacks: 县领导庹某某、…参加)
        // (the first name of a list only: followed by a list mark or a verb of attending)
        // (or any title's name in a list of officials: 主任甲某某、副市长乙)
        let listed = || {
            listed_name_length(chars, ns).filter(|&n| {
                let next_titled = chars.get(ns + n) == Some(&'、') && lex.titles.starts_at(chars, ns + n + 1);
                leader && (chars.get(ns + n) == Some(&'、') || attending_follows(chars, ns + n)) || next_titled
            })
        };
        let Some(len) = dotted_name_length(chars, ns)
            .or_else(|| name_length(chars, ns))
            .or_else(|| tibetan_name_length(chars, ns))
            .or_else(listed)
        else {
            t = title_end;
            continue;
        };
        // a word of appointing or one that follows names is no name (干部任职的通知)
        let word = slice(chars, Span::new(ns, ns + len));
        // (nor a word for a body: 推选甲为会长单位)
        let verb = len == 2
            && (lex.appointment_words.contains(&word)
                || lex.after_name.contains(&word)
                || lex.org_suffixes.contains(&word)
                || lex.referring_nouns.contains(&word));
        if verb
            || leader
                && !(matches!(chars.get(ns + len), None | Some('、' | '，' | ',' | '。' | '；'))
                    || attending_follows(chars, ns + len))
        {
            t = title_end;
            continue;
        }
        let role = Span::new(title_run_start(chars, t), title_end);
        found.push(titled(Span::new(ns, ns + len), role));
        // more names under the same title: 区领导肖庆华、赖明才、晏小凤参加; after a credit, set off
        // by spaces: 记者 甲某 乙某)
        let credit = lex.credit_label_at(chars, t).is_some_and(|(l, _, _)| l.chars().count() == title_len);
        let mut end = ns + len;
        while (chars.get(end) == Some(&'、') || credit && matches!(chars.get(end), Some(' ' | '\u{3000}')))
            && !lex.titles.starts_at(chars, end + 1)
        {
            let Some(n) = name_length(chars, end + 1).or_else(|| listed_name_length(chars, end + 1)) else { break };
            if lex.titles.starts_at(chars, end + 1 + n) {
                break;
            }
            // (a spaced name ends where the credit does)
            if chars[end] != '、' && chars.get(end + 1 + n).is_some_and(|&c| is_han(c)) {
                break;
            }
            found.push(titled(Span::new(end + 1, end + 1 + n), role));
            end += 1 + n;
        }
        t = end;
    }
    found.extend(bracketed_titles(chars));
    // later uses of a name found after a title
    let mut names: Vec<(String, BTreeMap<String, String>)> = Vec::new();
    for c in &found {
        if !names.iter().any(|(n, _)| *n == c.label) {
            names.push((c.label.clone(), c.attrs.clone()));
        }
    }
    let taken: HashSet<usize> = found.iter().map(|c| c.span.start).collect();
    for (name, attrs) in names {
        let n: Vec<char> = name.chars().collect();
        for s in 0..chars.len().saturating_sub(n.len() - 1) {
            if taken.contains(&s) || chars[s..s + n.len()] != n[..] || !ends_name(chars, s + n.len()) {
                continue;
            }
            let mut c = Candidate::new(chars, Span::new(s, s + n.len()), EntityKind::Person, "same name", 2);
            c.attrs = attrs.clone();
            found.push(c);
        }
    }
    found
}

/// The length of a transliterated name written with middle dots (买买提·依明, 颂萨·乍仑蓬) at
/// `start`: the parts before each dot whole, the last one up to the first word that follows
/// names (…·依明宣布, …·乍仑蓬分别).
fn dotted_name_length(chars: &[char], start: usize) -> Option<usize> {
    let lex = Lexicon::get();
    let run = |at: usize| chars.get(at..).map_or(0, |r| r.iter().take_while(|&&c| is_han(c)).count());
    // a part has no title inside (…领事馆总领事甲·乙: 馆总领事甲 is no part)
    let titled = |at: usize, n: usize| (at..at + n).any(|k| lex.titles.starts_at(chars, k));
    let mut at = start;
    let mut dots = 0;
    loop {
        let n = run(at);
        if n == 0 {
            return None;
        }
        if n <= 8 && chars.get(at + n) == Some(&'·') && run(at + n + 1) > 0 {
            if titled(at, n) {
                return None;
            }
            at += n + 1;
            dots += 1;
            continue;
        }
        if dots == 0 {
            return None;
        }
        // (a one-char word that follows names (都, 特, 和) ends only a last part of three chars or
        // more: 阿不都拉, 沃尔特)
        let ends = |k: usize| {
            let next = lex.after_name.longest_at(chars, at + k);
            k < n && (next.is_some_and(|w| w >= 2) || next.is_some() && k >= 3)
        };
        let last = (2..=n.min(8)).find(|&k| ends(k)).or((n <= 6).then_some(n))?;
        if titled(at, last) {
            return None;
        }
        return Some(at + last - start);
    }
}

/// The length of a name in a list of people (甲、乙、丙参加), whatever its surname: two or three
/// chars up to the next list mark, a clause's end or a verb of attending.
fn listed_name_length(chars: &[char], start: usize) -> Option<usize> {
    let lex = Lexicon::get();
    (2..=3).find(|&n| {
        let Some(word) = chars.get(start..start + n).filter(|w| w.iter().all(|&c| is_han(c))) else { return false };
        let text: String = word.iter().collect();
        // a name, not a body, a post, a place or a word for a group (各部门, 助理, 县政府, 有关单位)
        let not_a_name = lex.titles.starts_at(chars, start)
            || lex.titles.suffix_of(&text).is_some()
            || lex.org_suffixes.suffix_of(&text).is_some()
            || lex.body_endings.suffix_of(&text).is_some()
            || lex.department_endings.suffix_of(&text).is_some()
            || lex.stop_chars.has_char(word[0])
            || matches!(word[0], '各' | '全' | '有' | '相' | '其' | '部' | '等' | '该' | '本' | '我')
            || Gazetteer::get().lookup(&text).next().is_some()
            || is_generic(word);
        !not_a_name
            && (matches!(chars.get(start + n), None | Some('、' | '，' | ',' | '。' | '；'))
                || attending_follows(chars, start + n))
    })
}

/// Whether a verb of attending (参加, 出席, 陪同 …) or the 等 closing a list starts at `at`.
fn attending_follows(chars: &[char], at: usize) -> bool {
    ["参加", "出席", "陪同", "参与", "一同", "等"].iter().any(|w| starts_with_word(chars, at, w))
}

/// A name followed by its post in brackets: 蒲建业(市政府秘书长), 张晓明（二级巡视员）.
fn bracketed_titles(chars: &[char]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    for p in 2..chars.len() {
        if !matches!(chars[p], '(' | '（') {
            continue;
        }
        let Some(close) = (p + 1..chars.len().min(p + 20)).find(|&i| matches!(chars[i], ')' | '）')) else { continue };
        if close == p + 1
            || !lex.titles.ends_at(chars, close)
            || chars[p + 1..close].iter().any(|c| is_break(*c) && *c != '、')
        {
            continue;
        }
        let name = [3, 2, 4]
            .into_iter()
            .find(|&n| {
                p >= n
                    && name_length(chars, p - n) == Some(n)
                    && (p == n || !is_han(chars[p - n - 1]) || lex.titles.ends_at(chars, p - n))
            })
            // in a list of people with their posts (：甲（县委书记）、乙（县长）), the whole item
            // before the bracket, whatever its surname
            .or_else(|| {
                [4, 3, 2].into_iter().find(|&n| {
                    let item: String = chars[p.saturating_sub(n)..p].iter().collect();
                    p > n
                        && chars[p - n..p].iter().all(|&c| is_han(c))
                        && matches!(chars[p - n - 1], '、' | '：' | ':' | '，' | ',' | '\n')
                        && !lex.titles.starts_at(chars, p - n)
                        // (a body is no person: 参会单位：县政府办（主任）)
                        && lex.org_suffixes.suffix_of(&item).is_none()
                        && lex.body_endings.suffix_of(&item).is_none()
                        && lex.department_endings.suffix_of(&item).is_none()
                })
            });
        if let Some(n) = name {
            let role = Span::new(p + 1, close);
            let mut c = Candidate::new(chars, Span::new(p - n, p), EntityKind::Person, "name + bracketed title", 3);
            c.role = Some(role);
            c.attrs.insert("role".into(), slice(chars, role));
            out.push(c);
        }
    }
    out
}

/// Where a run of titles held by one person begins, from the start of its last title: 市委副书
/// 记、市长 (before 母琰), over the body each names.
fn title_run_start(chars: &[char], title_start: usize) -> usize {
    let lex = Lexicon::get();
    let mut start = role_start(chars, title_start);
    while start >= 2 && chars[start - 1] == '、' {
        let Some(n) = lex.titles.longest_ending_at(chars, start - 1) else { break };
        start = role_start(chars, start - 1 - n);
    }
    start
}

/// The title phrase right before a name that starts at `name_start` (a space or colon between
/// them allowed): 常务副市长 before 邬某, 董事长 before 闵某. For names other rules found.
#[must_use]
pub fn title_before(chars: &[char], name_start: usize) -> Option<Span> {
    let mut end = name_start;
    if end > 0 && matches!(chars[end - 1], ' ' | '\u{3000}' | ':' | '：') {
        end -= 1;
    }
    let n = Lexicon::get().titles.longest_ending_at(chars, end)?;
    Some(Span::new(title_run_start(chars, end - n), end))
}

/// The party committee and the government of a Chinese area named with its full name: 游仙区委,
/// 中共绵阳市委, 绵阳市委员会; 璧山区人民政府, 宜宾市政府. (The suffix rules miss committees where
/// the tagger reads 区委书记 as one word; a country's government stands for the country: see
/// `tagged`.)
#[must_use]
pub fn place_bodies(chars: &[char]) -> Vec<Candidate> {
    let g = Gazetteer::get();
    let mut out = Vec::new();
    let mut name = String::new();
    let follows = |at: usize, word: &str| starts_with_word(chars, at, word);
    for start in (0..chars.len()).filter(|&i| is_han(chars[i])) {
        let area_end = (2..=8.min(chars.len() - start)).rev().map(|len| start + len).find(|&end| {
            name.clear();
            name.extend(&chars[start..end]);
            (follows(end, "委") || follows(end, "政府") || follows(end, "人民政府"))
                && g.lookup(&name).any(|(_, form)| form == NameForm::Full)
        });
        let Some(end) = area_end else { continue };
        let (span, rule) = if follows(end, "委员会") {
            (Span::new(start, end + 3), "party committee")
        } else if follows(end, "委员") {
            continue; // 市委员: a member, not the committee
        } else if follows(end, "委") {
            (Span::new(start, end + 1), "party committee")
        } else if follows(end, "人民政府") {
            (Span::new(start, end + 4), "government")
        } else {
            (Span::new(start, end + 2), "government")
        };
        // the areas the area lies in, written before it, are part of the body's name
        // (镇江市丹徒区人民政府)
        let mut start = start;
        if let Some(inner) = g.lookup(&chars[start..end].iter().collect::<String>()).find(|(_, f)| *f == NameForm::Full)
        {
            while let Some(k) = (2..=6.min(start)).rev().find(|&k| {
                // (a city's name, not a province's: 江西省吉安市人民政府 is 吉安市人民政府)
                g.lookup(&chars[start - k..start].iter().collect::<String>()).any(|(outer, f)| {
                    f == NameForm::Full && outer.level == Level::City && g.is_within(inner.0.adcode, outer.adcode)
                })
            }) {
                start -= k;
            }
        }
        let from = if rule == "party committee" && start >= 2 && chars[start - 2..start] == ['中', '共'] {
            start - 2
        } else {
            start
        };
        out.push(Candidate::new(chars, Span::new(from, span.end), EntityKind::Organization, rule, 4));
    }
    out
}

/// How far a title phrase reaches left: over the organization or place that holds the title,
/// across a middle dot (重庆晨报·上游新闻记者).
fn role_start(chars: &[char], title_start: usize) -> usize {
    let mut start = name_start(chars, title_start, 16);
    while start >= 2 && chars[start - 1] == '·' && is_name_char(chars[start - 2]) {
        start = name_start(chars, start - 1, 16);
    }
    start
}

/// Whether a name may end at `end`: at a break, the end, or before a word that follows names.
fn ends_name(chars: &[char], end: usize) -> bool {
    match chars.get(end) {
        None => true,
        Some(&c) if is_break(c) || !is_han(c) => true,
        Some(_) => Lexicon::get().after_name.starts_at(chars, end),
    }
}

/// The length of a Tibetan name at `start`: two parts of the lexicon's (次仁顿珠), or one (央金),
/// where the name ends.
#[must_use]
pub fn tibetan_name_length(chars: &[char], start: usize) -> Option<usize> {
    let parts = &Lexicon::get().tibetan_name_parts;
    let first = parts.longest_at(chars, start)?;
    let second = parts.longest_at(chars, start + first).unwrap_or(0);
    [first + second, first].into_iter().find(|&len| len > 0 && ends_name(chars, start + len))
}

/// The length of a Chinese personal name starting at `start`, if one plausibly does.
#[must_use]
pub fn name_length(chars: &[char], start: usize) -> Option<usize> {
    let rest = chars.get(start..)?;
    let surname = surname_len(rest)?;
    let han_run = rest.iter().take_while(|c| is_han(**c)).count();
    let starts_after = |len: usize| Lexicon::get().after_name.starts_at(chars, start + len);
    // prefer the longer name unless its last character starts a word that follows names
    for given in [2, 1] {
        let len = surname + given;
        if len > han_run {
            continue;
        }
        if given == 2 && starts_after(surname + 1) {
            continue;
        }
        if ends_name(chars, start + len) {
            return Some(len);
        }
    }
    None
}

/// The labels a candidate finder reads in a text, in order (for tests of the finders).
#[cfg(test)]
pub(crate) fn labels_of(text: &str, find: fn(&[char]) -> Vec<Candidate>) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    find(&chars).into_iter().map(|c| c.label).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn labels(cs: &[Candidate]) -> Vec<String> {
        cs.iter().map(|c| c.label.clone()).collect()
    }

    fn texts(s: &str, cs: &[Candidate]) -> Vec<String> {
        let ch = chars(s);
        cs.iter().map(|c| slice(&ch, c.span)).collect()
    }

    #[test]
    fn a_zone_by_its_short_name_is_the_gazetteer_area_of_its_long_one() {
        let text = "邯郸经开区与唐山高新区签署合作协议，唐山高新技术产业开发区将派员驻点。";
        let ch = chars(text);
        let found = candidates(&ch);
        let key_of = |name: &str| found.iter().find(|c| slice(&ch, c.span) == name).map(|c| c.key.clone());
        assert_eq!(key_of("邯郸经开区"), Some(Key::Area(130_471)), "{:?}", texts(text, &found));
        assert_eq!(key_of("唐山高新区"), Some(Key::Area(130_273)));
        assert_eq!(key_of("唐山高新技术产业开发区"), Some(Key::Area(130_273)));
        // a zone the gazetteer does not list keeps its own name
        let ch = chars("落户江北嘴经开区。");
        assert!(candidates(&ch).iter().all(|c| !matches!(c.key, Key::Area(_)) || slice(&ch, c.span) != "江北嘴经开区"));
    }

    #[test]
    fn name_edges_stop_at_verbs_and_function_words() {
        let s = chars("依托水土高新园");
        assert_eq!(name_start(&s, 5, 10), 2);
        let s = chars("北碚有西南大学");
        assert_eq!(name_start(&s, 5, 10), 3);
        let s = chars("、中国科学院");
        assert_eq!(name_start(&s, 6, 10), 1);
    }

    #[test]
    fn gazetteer_places_merge_short_and_full() {
        let s = "北碚区与四川省绵阳市合作,北碚和绵阳都在西部。";
        let c = places(&chars(s));
        assert_eq!(texts(s, &c), vec!["北碚区", "四川省", "绵阳市", "北碚", "绵阳"]);
        assert_eq!(c[0].key, c[3].key);
        assert_eq!(c[2].key, Key::Area(510_700));
        assert_eq!(c[3].label, "北碚区");
        assert_eq!(c[0].attrs["path"], "重庆市北碚区");
    }

    #[test]
    fn county_short_names_need_context() {
        // 北碚 alone, with no 北碚区 or 重庆 in the text, is not taken on faith
        assert!(places(&chars("北碚的风景很好")).is_empty());
        assert_eq!(labels(&places(&chars("重庆北碚的风景很好"))), vec!["重庆市", "北碚区"]);
        // a common word that is also a county's short name
        assert!(places(&chars("坚持四向发力拓展大通道")).is_empty());
    }

    #[test]
    fn a_foreign_place_after_its_country() {
        let c = chars(
            "景德镇市与葡萄牙卡尔达斯达赖尼亚市缔结友好城市，已与日本有田町、法国利摩日市建立关系。美国总统访问广州市。",
        );
        let got: Vec<String> = world_places(&c).into_iter().map(|x| x.label).collect();
        for name in ["卡尔达斯达赖尼亚市", "有田町", "利摩日市"] {
            assert!(got.iter().any(|g| g == name), "{name} in {got:?}");
        }
        assert!(!got.iter().any(|g| g.contains("总统")), "{got:?}");
    }

    #[test]
    fn zones_need_a_proper_name() {
        let s = "具有两江新区、高新区、自贸区优势,依托水土高新园,歇马片区纳入重庆高新区,建设智慧新城";
        assert_eq!(texts(s, &zones(&chars(s))), vec!["两江新区", "歇马片区", "重庆高新区"]);
    }

    #[test]
    fn organizations_by_suffix_lexicon_and_enumeration() {
        let s = "北碚有西南大学、中国科学院大学重庆学院等高等院校4所、国家级工程技术研究中心和重点实验室4个";
        let got = texts(s, &organizations(&chars(s)));
        assert!(got.contains(&"西南大学".to_owned()), "{got:?}");
        assert!(got.contains(&"中国科学院大学重庆学院".to_owned()), "{got:?}");
        assert!(!got.iter().any(|g| g.contains("实验室") || g.contains("研究中心")), "{got:?}");
        let s = "强化华光电子等骨干企业示范带动,发挥京东方等龙头企业引领作用";
        let got = texts(s, &organizations(&chars(s)));
        assert!(got.contains(&"华光电子".to_owned()) && got.contains(&"京东方".to_owned()), "{got:?}");
        let s = "重庆日报·上游新闻记者";
        assert!(texts(s, &organizations(&chars(s))).contains(&"重庆日报".to_owned()));
    }

    #[test]
    fn quoted_and_suffixed_initiatives() {
        let s = "打造“四地一枢纽”,在“一区两群”协调发展、成渝地区双城经济圈建设中,强化“一盘棋”思想,‘三区叠加’优势,依托“芯屏器核网”全产业链,共同制定“三年行动计划”,按下“快进键”";
        let got = texts(s, &initiatives(&chars(s)));
        assert_eq!(got, vec!["四地一枢纽", "一区两群", "芯屏器核网", "三年行动计划", "成渝地区双城经济圈"]);
    }

    #[test]
    fn programmes_a_verb_of_carrying_out_opens() {
        let s = "全省开展打击整治电信诈骗专项行动，集团深入实施国有企业改革深化提升行动，开展百名干部进百村服务行动。全面推进重点工程，开展专项行动，实施该工程的方案，推进交通水利等重大工程，实施好老旧小区改造工程。";
        let got = texts(s, &initiatives(&chars(s)));
        assert_eq!(
            got,
            vec!["打击整治电信诈骗专项行动", "国有企业改革深化提升行动", "百名干部进百村服务行动", "老旧小区改造工程"]
        );
    }

    #[test]
    fn a_quoted_programme_a_clause_is_framed_by() {
        let s = "新区将以“项目攻坚年”为主线，以“数字赋能”为抓手。";
        let got = texts(s, &initiatives(&chars(s)));
        assert_eq!(got, vec!["项目攻坚年", "数字赋能"]);
    }

    #[test]
    fn number_slogans() {
        for ok in ["一区两群", "四地一枢纽", "一院三中心", "两点一线"] {
            assert!(is_number_slogan(&chars(ok)), "{ok}");
        }
        for no in ["三区叠加", "一体化", "四地", "一二三四"] {
            assert!(!is_number_slogan(&chars(no)), "{no}");
        }
    }

    #[test]
    fn missions_of_china_and_of_other_countries() {
        let got = labels_of("慰问中国驻越南大使馆、中国驻泰国大使馆馆员，会见匈牙利驻上海总领事馆领事。", missions);
        assert_eq!(got, ["中国驻越南大使馆", "中国驻泰国大使馆", "匈牙利驻上海总领事馆"]);
    }

    #[test]
    fn people_after_titles_keep_their_role() {
        let s = "北碚区委书记周旭表示,要加快发展。周旭说,好。重庆晨报·上游新闻记者 王淳";
        let c = people(&chars(s));
        assert_eq!(texts(s, &c), vec!["周旭", "王淳", "周旭"]);
        assert_eq!(c[0].attrs["role"], "北碚区委书记");
        assert_eq!(c[1].attrs["role"], "重庆晨报·上游新闻记者");
        assert!(people(&chars("记者从市教委获悉")).is_empty());
        // a verb after a title is no name: 传达了干部任职的决定
        assert!(people(&chars("大会传达了干部任职的决定。")).is_empty());
        assert_eq!(texts("市财政局干部任杰介绍", &people(&chars("市财政局干部任杰介绍"))), ["任杰"]);
        assert!(people(&chars("推选江南某研究院为会长单位。")).is_empty());
    }

    #[test]
    fn committees_and_governments_of_areas() {
        let s = "游仙区委书记和中共绵阳市委员会、宜宾市政府、璧山区人民政府出席，市委员张某列席。";
        let got = texts(s, &place_bodies(&chars(s)));
        assert_eq!(got, ["游仙区委", "中共绵阳市委员会", "宜宾市政府", "璧山区人民政府"]);
    }

    #[test]
    fn name_lengths() {
        assert_eq!(name_length(&chars("张晓明表示"), 0), Some(3));
        assert_eq!(name_length(&chars("周旭表示"), 0), Some(2));
        assert_eq!(name_length(&chars("周旭说"), 0), Some(2));
        assert_eq!(name_length(&chars("欧阳修说"), 0), Some(3));
        assert_eq!(name_length(&chars("的确"), 0), None);
    }
}
