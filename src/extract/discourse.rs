//! Discourse: what a document is about, and what its pronoun-like words refer to.
//!
//! - The **home areas**: per administrative level, the area the document names most (first on a
//!   tie). A bare title (市委书记, 区领导, 县长) holds its post in the home area of its level.
//! - The **focus bodies**: the university, the company and the outlet the document is about or
//!   comes from, for 校长 and 学校, 董事长 and 该公司, 记者 and 编辑.
//! - **References**: 两地, 双方, 三方, 两区 stand for the parties just named; 该区, 该市 for
//!   the last such area named (else the home area of their level), 我市, 本区 for the home
//!   area; 学校, 该校 for the last university named, 我校 for the document's own; 该公司 for the
//!   company, and a bare 公司 or 集团 starting a clause, joined to a party by 与/和 or before a
//!   post (公司总经理) for the company the document is about;
//!   园区, 该园区 for the park or zone the document is about (or the last one named); 该项目
//!   for the project just named; a bare 县委 or 市政府 for the home area's. Each reference is
//!   a span with the entities it stands for, so relation patterns can treat it as a mention.

use super::gazetteer::{Gazetteer, Level};
use super::lexicon::{Lexicon, WordList};
use super::resolve::Resolved;
use super::{EntityKind, identity::Key};
use crate::text::Span;

/// A pronoun-like word and the entities it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub span: Span,
    pub entities: Vec<usize>,
}

/// The level a title or a pronoun-like word speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Province,
    City,
    /// A district (区), including new areas (两江新区).
    District,
    County,
    University,
    Company,
    Outlet,
    /// An industrial park, science park or zone that is not an administrative area.
    Park,
    /// A court, a procuratorate, a hospital or a research or design institute (the bodies 该院
    /// speaks of; not 国务院 or an academy).
    Institute,
}

/// What a document is about.
#[derive(Debug, Clone, Default)]
pub struct Discourse {
    pub province: Option<usize>,
    pub city: Option<usize>,
    pub district: Option<usize>,
    pub county: Option<usize>,
    pub university: Option<usize>,
    pub company: Option<usize>,
    pub outlet: Option<usize>,
    pub park: Option<usize>,
    /// Sorted by position.
    pub references: Vec<Reference>,
}

impl Discourse {
    /// The body a scope stands for in this document.
    #[must_use]
    pub const fn of(&self, scope: Scope) -> Option<usize> {
        match scope {
            Scope::Province => self.province,
            Scope::City => self.city,
            Scope::District => self.district,
            Scope::County => match self.county {
                Some(c) => Some(c),
                None => self.district,
            },
            Scope::University => self.university,
            Scope::Company => self.company,
            Scope::Outlet => self.outlet,
            Scope::Park => self.park,
            // (only the last one named: a document has no home court)
            Scope::Institute => None,
        }
    }

    /// The references inside a span.
    pub fn references_in(&self, span: Span) -> impl Iterator<Item = &Reference> {
        self.references.iter().filter(move |r| span.contains(r.span))
    }
}

/// Whether an entity is an actor that can sign, build or cooperate: a place or an organization.
fn is_actor(r: &Resolved, e: usize) -> bool {
    let entity = &r.entities[e];
    match entity.kind {
        // a park or a quarter is where things happen, not a party (科学城, 片区, 产业园); a
        // development zone with its own administration is one (两江新区, 经开区, 高新区)
        EntityKind::Place => {
            !matches!(entity.key, super::identity::Key::Place(_))
                || Lexicon::get().administered_zone_suffixes.suffix_of(&entity.label).is_some()
                // an administrative area no gazetteer lists (a foreign province: 罗勇府, 伊梅列季州)
                || entity.label.chars().count() >= 3 && entity.label.ends_with(['府', '州', '省', '市', '县', '郡'])
        }
        EntityKind::Organization => true,
        _ => false,
    }
}

/// The scope an entity is the body of, if any.
fn scope_of(r: &Resolved, e: usize) -> Option<Scope> {
    let entity = &r.entities[e];
    if let Some(code) = entity.key.adcode() {
        let area = Gazetteer::get().area(code)?;
        return Some(match area.level {
            Level::Province => Scope::Province,
            Level::City => Scope::City,
            Level::County if area.name.ends_with('区') => Scope::District,
            Level::County => Scope::County,
        });
    }
    match entity.kind {
        EntityKind::Place if entity.label.ends_with("新区") => Some(Scope::District),
        EntityKind::Place if entity.label.ends_with('园') || entity.label.ends_with("园区") => Some(Scope::Park),
        // an academy of sciences (农业科学院) is no university
        EntityKind::Organization
            if Lexicon::get().university_suffixes.suffix_of(&entity.label).is_some()
                && !entity.label.ends_with("科学院") =>
        {
            Some(Scope::University)
        }
        EntityKind::Organization if Lexicon::get().company_suffixes.suffix_of(&entity.label).is_some() => {
            Some(Scope::Company)
        }
        EntityKind::Organization
            if ["法院", "检察院", "医院", "卫生院", "保健院", "研究院", "设计院"]
                .iter()
                .any(|w| entity.label.ends_with(w)) =>
        {
            Some(Scope::Institute)
        }
        _ => None,
    }
}

/// Works out the home areas, focus bodies and references of a document.
#[must_use]
pub fn analyse(chars: &[char], r: &Resolved, outlet: Option<usize>) -> Discourse {
    let mut d = Discourse { outlet, ..Discourse::default() };
    // the most mentioned body of each scope, first named on a tie
    let mut best: Vec<(Scope, usize, usize, usize)> = Vec::new(); // scope, entity, mentions, first
    for (i, e) in r.entities.iter().enumerate() {
        let Some(scope) = scope_of(r, i) else { continue };
        let first = e.mentions.first().map_or(usize::MAX, |m| m.start);
        // a university before its colleges, whatever the counts; an area by how often the text
        // names it, inside other names too (庆元 of 中共庆元县委, 庆元县融媒体中心)
        let named = match e.key.adcode().and_then(|code| Gazetteer::get().area(code)) {
            Some(area) => times_named(chars, area).max(e.mentions.len()),
            None => e.mentions.len(),
        };
        let n = named + if e.label.ends_with("大学") { 1000 } else { 0 };
        match best.iter_mut().find(|b| b.0 == scope) {
            Some(b) if n > b.2 || n == b.2 && first < b.3 => *b = (scope, i, n, first),
            Some(_) => {}
            None => best.push((scope, i, n, first)),
        }
    }
    for (scope, e, _, _) in best {
        match scope {
            Scope::Province => d.province = Some(e),
            Scope::City => d.city = Some(e),
            Scope::District => d.district = Some(e),
            Scope::County => d.county = Some(e),
            Scope::University => d.university = Some(e),
            Scope::Company => d.company = Some(e),
            Scope::Park => d.park = Some(e),
            Scope::Outlet | Scope::Institute => {}
        }
    }
    // the company that declares 公司 its short name (…有限公司（以下简称“恒川”或“公司”）) is the
    // document's company, however often others are named
    if let Some(e) = self_declared_company(chars, r) {
        d.company = Some(e);
    }
    // a district's city is the home city when the document names it
    if let Some(district) = d.district.or(d.county)
        && let Some(code) = r.entities[district].key.adcode()
        && let Some(parent) = Gazetteer::get().area(code).and_then(|a| a.parent)
        && let Some(city) = r.entities.iter().position(|e| e.key == Key::Area(parent))
    {
        d.city = Some(city);
    }
    d.references = references(chars, r, &d);
    d
}

/// How far after a company's name its declaration of 公司 may stand.
const DECLARATION_REACH: usize = 48;

/// The company whose bracket after its name declares it “公司” or “集团”.
fn self_declared_company(chars: &[char], r: &Resolved) -> Option<usize> {
    let lex = Lexicon::get();
    let words: Vec<Vec<char>> =
        ["“公司”", "\"公司\"", "“集团”", "\"集团\""].iter().map(|w| w.chars().collect()).collect();
    (0..chars.len()).filter(|&i| words.iter().any(|w| chars[i..].starts_with(w))).find_map(|at| {
        // inside a bracket that declares short names, right after the company's name
        let open = (at.saturating_sub(DECLARATION_REACH)..at).rev().find(|&i| matches!(chars[i], '（' | '('))?;
        if chars[open..at].iter().any(|c| matches!(c, '）' | ')')) {
            return None;
        }
        if !(open..at).any(|i| lex.short_name_words.starts_at(chars, i)) {
            return None;
        }
        r.mentions
            .iter()
            .find(|m| m.span.end == open && lex.company_suffixes.suffix_of(&r.entities[m.entity].label).is_some())
            .map(|m| m.entity)
    })
}

/// How often the text names an area, by its full name or by its short one (of two chars or
/// more), wherever it stands.
fn times_named(chars: &[char], area: &crate::extract::gazetteer::Area) -> usize {
    let name: Vec<char> =
        if area.short.chars().count() >= 2 { area.short.chars().collect() } else { area.name.chars().collect() };
    if name.is_empty() || name.len() > chars.len() {
        return 0;
    }
    chars.windows(name.len()).filter(|w| *w == name.as_slice()).count()
}

/// The party word at `i` (两地, 双方): its length, how many parties, and whether they are places.
fn party_word_at(lex: &Lexicon, chars: &[char], i: usize) -> Option<(usize, usize, bool)> {
    let len = lex.party_words.longest_at(chars, i)?;
    let word: String = chars[i..i + len].iter().collect();
    let row = lex.party_words.rows().iter().find(|r| r[0] == word)?;
    let n = row.get(1)?.parse().ok()?;
    Some((len, n, row.get(2).is_some_and(|k| k == "places")))
}

/// A word of a list whose second column names a scope, at `i`: its length and scope.
fn scope_word_at(list: &WordList, chars: &[char], i: usize) -> Option<(usize, Scope)> {
    let len = list.longest_at(chars, i)?;
    let word: String = chars[i..i + len].iter().collect();
    let row = list.rows().iter().find(|r| r[0] == word)?;
    let scope = match row.get(1)?.as_str() {
        "province" => Scope::Province,
        "city" => Scope::City,
        "district" => Scope::District,
        "county" => Scope::County,
        "university" => Scope::University,
        "company" => Scope::Company,
        "park" => Scope::Park,
        "institute" => Scope::Institute,
        _ => return None,
    };
    Some((len, scope))
}

fn references(chars: &[char], r: &Resolved, d: &Discourse) -> Vec<Reference> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    // actors in the order they are named, most recent first, each once
    let mut recent: Vec<usize> = Vec::new();
    let mut next_mention = 0;
    let mut previous_end = usize::MAX;
    // the actors of the last coordination (A、B与C), which 双方/三方 speak of first
    let mut group: Vec<usize> = Vec::new();
    let mut last_group: Vec<usize> = Vec::new();
    // the last group that signs or cooperates in its sentence (甲与乙签约仪式举行): the parties
    // 双方 falls back to when the last group is of another size
    let mut signing_group: Vec<usize> = Vec::new();
    let mut conjoined = false;
    // whether the group is what a verb before it acts on (共建A和B): no parties of their own
    let mut object_group = false;
    // initiatives in the order they are named, most recent first (本届旅游节, 该项目)
    let mut initiatives: Vec<usize> = Vec::new();
    let g = Gazetteer::get();
    let mut i = 0;
    while i < chars.len() {
        while next_mention < r.mentions.len() && r.mentions[next_mention].span.start <= i {
            let m = &r.mentions[next_mention];
            let e = m.entity;
            if r.entities[e].kind == EntityKind::Initiative {
                note(&mut initiatives, e);
            }
            if is_actor(r, e) {
                // 四川省绵阳市: the province only qualifies the city
                // 泰国罗勇府: the country only qualifies its province or city
                let qualified = previous_end == m.span.start
                    && (matches!((recent.first(), r.entities[e].key.adcode()), (Some(&last), Some(code))
                        if r.entities[last].key.adcode().is_some_and(|outer| outer != code && g.is_within(code, outer)))
                        || recent.first().is_some_and(|&last| {
                            matches!(r.entities[last].key, Key::Country(_))
                                && r.entities[e].kind == EntityKind::Place
                                && !matches!(r.entities[e].key, Key::Country(_) | Key::Area(_))
                        }));
                if qualified {
                    recent.remove(0);
                    group.pop();
                }
                let gap: String = if previous_end <= m.span.start {
                    chars[previous_end..m.span.start].iter().collect()
                } else {
                    String::new()
                };
                // a list joined by commas alone is an enumeration (of those present, of units),
                // not parties acting together: A、B与C is
                if !qualified && lex.coordinators.contains(&gap) {
                    conjoined |= gap != "、";
                } else if !qualified {
                    group.clear();
                    conjoined = false;
                    object_group = acted_on(lex, chars, m.span.start);
                }
                if !group.contains(&e) {
                    group.push(e);
                }
                if group.len() >= 2 && conjoined && !object_group {
                    last_group.clone_from(&group);
                    if sentence_cooperates(lex, chars, m.span.end) {
                        signing_group.clone_from(&group);
                    }
                }
                note(&mut recent, e);
                previous_end = m.span.end;
            }
            next_mention += 1;
        }
        // mentions are sorted and do not overlap: the last one started is the only one i can be in
        let inside_mention = next_mention > 0 && r.mentions[next_mention - 1].span.end > i;
        if inside_mention {
            i += 1;
            continue;
        }
        if let Some((len, e)) = demonstrated_initiative(lex, chars, i, r, &initiatives) {
            out.push(Reference { span: Span::new(i, i + len), entities: vec![e] });
            i += len;
            continue;
        }
        if let Some((len, n, places)) = party_word_at(lex, chars, i) {
            // the parties named last: places for 两地, bodies of any kind for 双方; for 两市, 两区,
            // 两县, 两省 places of that level, the home one among them when only one other is
            // named near (市长…与图尔库市市长…代表两市)
            let level = level_of_word(chars[i + len - 1]);
            let fits = |e: usize| {
                let foreign_city = matches!(r.entities[e].key, Key::City { .. }) && r.entities[e].label.ends_with('市');
                // a zone is one of 两区 (綦江区与万盛经开区)
                let zone = r.entities[e].kind == EntityKind::Place && matches!(r.entities[e].key, Key::Place(_));
                (!places || r.entities[e].kind == EntityKind::Place)
                    && level.is_none_or(|l| {
                        scope_of(r, e) == Some(l) || l == Scope::City && foreign_city || l == Scope::District && zone
                    })
            };
            let mut parties: Vec<usize> = if last_group.len() == n && last_group.iter().all(|&e| fits(e)) {
                last_group.clone()
            } else if signing_group.len() == n && signing_group.iter().all(|&e| fits(e)) {
                signing_group.clone()
            } else {
                recent.iter().copied().filter(|&e| fits(e)).take(n).collect()
            };
            if let Some(home) = level.and_then(|l| d.of(l))
                && parties.len() + 1 == n
                && !parties.contains(&home)
            {
                parties.push(home);
            }
            if parties.len() == n {
                out.push(Reference { span: Span::new(i, i + len), entities: parties });
            }
            i += len;
            continue;
        }
        // 县委, 市政府 on their own: the home area's committee or government, when the text
        // names it in full
        if let Some((len, body)) = bare_organ_at(chars, i, r, d) {
            out.push(Reference { span: Span::new(i, i + len), entities: vec![body] });
            note(&mut recent, body);
            i += len;
            continue;
        }
        // 全市上下, 全区人民: the whole city as the subject of a clause
        let whole = scope_word_at(&lex.whole_area_words, chars, i);
        if let Some((len, scope)) = whole
            && (i == 0 || matches!(chars[i - 1], '，' | ',' | '。' | '\n' | '；'))
            && lex.whole_area_followers.starts_at(chars, i + len)
        {
            if let Some(e) = d.of(scope) {
                out.push(Reference { span: Span::new(i, i + len), entities: vec![e] });
                note(&mut recent, e);
            }
            i += len;
            continue;
        }
        if let Some((len, scope)) = scope_word_at(&lex.pronoun_words, chars, i)
            // 各园区, 两个园区: parks in general, not one
            && !(scope == Scope::Park && i > 0 && lex.plural_markers.contains(&chars[i - 1].to_string()))
        {
            // a bare 公司 starting a clause (or a party or a post's, below) is the company the
            // document is about, 我校 and 我市 the
            // writer's own; another word the last body of its scope named, else the home one
            let flagged = |flag: &str| {
                lex.pronoun_words.rows().iter().any(|r| {
                    r.get(2).is_some_and(|f| f == flag)
                        && r[0].chars().count() == len
                        && starts_with_row(chars, i, &r[0])
                })
            };
            let clause_word = flagged("clause");
            let home_word = flagged("home");
            let opens = |at: usize| {
                at == 0
                    || matches!(chars[at - 1], '，' | ',' | '。' | '；' | ';' | '：' | ':' | '\n' | ' ' | '\u{3000}')
            };
            // (after a word of time that opens the clause: 目前公司已…)
            let clause_start = opens(i) || lex.time_words.longest_ending_at(chars, i).is_some_and(|n| opens(i - n));
            // (or a party of a joint act: 将公司与南京工业大学联合攻关的成果; or with its post after
            // it: 由公司总经理甲主持), where no word ends in it (合资公司, 上市公司, 子公司): after a
            // mark, a function char or a verb that takes it (由, 与, 采用)
            let free = i == 0
                || !crate::text::is_han(chars[i - 1])
                || lex.stop_chars.has_char(chars[i - 1])
                || "由与和同经是将为让请及并".contains(chars[i - 1])
                || chars[..i].ends_with(&['采', '用']);
            let free = free && !(i > 0 && "子属下分总母各".contains(chars[i - 1]));
            let party = (matches!(chars.get(i + len), Some('与' | '和' | '同'))
                || lex.company_titles.starts_at(chars, i + len))
                && free;
            if clause_word && !clause_start && !party {
                i += len;
                continue;
            }
            let last = recent.iter().copied().find(|&e| scope_of(r, e) == Some(scope));
            let found = if clause_word || home_word { d.of(scope).or(last) } else { last.or_else(|| d.of(scope)) };
            if let Some(e) = found {
                out.push(Reference { span: Span::new(i, i + len), entities: vec![e] });
                note(&mut recent, e);
            }
            i += len;
            continue;
        }
        i += 1;
    }
    out
}

/// A demonstrative and the head of an initiative named before (本届旅游节, 该项目) at `i`: its
/// length and the latest initiative with that head.
fn demonstrated_initiative(
    lex: &Lexicon,
    chars: &[char],
    i: usize,
    r: &Resolved,
    initiatives: &[usize],
) -> Option<(usize, usize)> {
    let n = lex.demonstratives.longest_at(chars, i)?;
    let head = lex.event_heads.longest_at(chars, i + n).max(lex.project_heads.longest_at(chars, i + n))?;
    let head_text: String = chars[i + n..i + n + head].iter().collect();
    // the head ends the phrase (该项目, not 该项目组 or 该项目部)
    if chars.get(i + n + head).is_some_and(|&c| "组部办".contains(c)) {
        return None;
    }
    let e = initiatives.iter().copied().find(|&e| r.entities[e].label.ends_with(head_text.as_str()))?;
    Some((n + head, e))
}

/// A bare organ word at `i` (县委, 市政府, 区人民政府) standing alone, not the end of a longer
/// word: its length and the home area's body of that name, when the document names that body.
fn bare_organ_at(chars: &[char], i: usize, r: &Resolved, d: &Discourse) -> Option<(usize, usize)> {
    let scope = level_of_word(*chars.get(i)?)?;
    if i > 0 && crate::text::is_han(chars[i - 1]) && !Lexicon::get().stop_chars.has_char(chars[i - 1]) {
        return None;
    }
    let rest: String = chars[i + 1..chars.len().min(i + 5)].iter().collect();
    let organ = ["人民政府", "政府", "委"].into_iter().find(|o| rest.starts_with(o))?;
    let len = 1 + organ.chars().count();
    // not the start of a title or a longer name (县委书记, 县委宣传部, 县委常委会, 县委办)
    let lex = Lexicon::get();
    let longer_title = lex.titles.longest_at(chars, i).is_some_and(|n| n > len);
    let longer_name = (i + len + 1..=(i + len + 4).min(chars.len()))
        .any(|j| lex.department_endings.ends_at(chars, j) || lex.org_suffixes.ends_at(chars, j));
    let after: String = chars[i + len..chars.len().min(i + len + 2)].iter().collect();
    if longer_title
        || longer_name
        || ["常委", "全会", "办", "书记", "副书", "委员", "会议"].iter().any(|w| after.starts_with(w))
    {
        return None;
    }
    let home = &r.entities[d.of(scope)?];
    let key = Key::org(&format!("{}{}", home.label, if organ == "委" { "委" } else { "人民政府" }));
    let body = r.entities.iter().position(|e| e.key == key)?;
    Some((len, body))
}

/// Whether the sentence holding `at` has a word of signing or cooperating.
fn sentence_cooperates(lex: &Lexicon, chars: &[char], at: usize) -> bool {
    let ends = |c: &char| matches!(c, '。' | '\n' | '！' | '？');
    let start = chars[..at.min(chars.len())].iter().rposition(ends).map_or(0, |p| p + 1);
    let end = chars[at.min(chars.len())..].iter().position(ends).map_or(chars.len(), |p| at + p);
    (start..end).any(|i| lex.cooperation_words.starts_at(chars, i) || lex.sign_words.starts_at(chars, i))
}

/// Whether a verb of founding or building in its clause comes before `at` (共建A和B, 成立A和B:
/// A and B are built, not builders).
fn acted_on(lex: &Lexicon, chars: &[char], at: usize) -> bool {
    let clause_start = chars[..at.min(chars.len())]
        .iter()
        .rposition(|&c| matches!(c, '。' | '\n' | '！' | '？' | '，' | '；' | '：'))
        .map_or(0, |p| p + 1);
    let builds =
        |n: Option<usize>, i: usize| n.is_some_and(|n| chars[i..i + n].iter().any(|&c| matches!(c, '建' | '造')));
    (clause_start..at).any(|i| {
        lex.founding_verbs.starts_at(chars, i)
            || builds(lex.promote_verbs.longest_at(chars, i), i)
            || builds(lex.sign_words.longest_at(chars, i), i)
    })
}

/// The level a party word's last char names (市 of 两市), if any.
fn level_of_word(c: char) -> Option<Scope> {
    match c {
        '市' => Some(Scope::City),
        '区' => Some(Scope::District),
        '县' => Some(Scope::County),
        '省' => Some(Scope::Province),
        _ => None,
    }
}

fn starts_with_row(chars: &[char], i: usize, word: &str) -> bool {
    word.chars().enumerate().all(|(k, c)| chars.get(i + k) == Some(&c))
}

fn note(recent: &mut Vec<usize>, e: usize) {
    recent.retain(|&x| x != e);
    recent.insert(0, e);
    recent.truncate(6);
}
