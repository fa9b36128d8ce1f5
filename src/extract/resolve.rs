//! Resolution: from overlapping candidates to non-overlapping mentions, and from mentions to the
//! entities of one document.
//!
//! Longer candidates win over the ones inside them (中国科学院大学重庆学院 over 重庆), then higher
//! rule priority, then the earlier one. Mentions sharing an identity key are one entity, so 北碚
//! and 北碚区 (same adcode) or 中科院… and 中国科学院… (same expanded key) merge; the names they
//! went by become aliases. A zone or organization named "place + rest" also claims later bare uses
//! of the rest (重庆高新区 … 高新区) when that is unambiguous; a rest that is only a kind's word
//! (实验室 of 湖北实验室) stands for the body of that kind named last before it, within reach.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::gazetteer::{Gazetteer, Level, NameForm};
use super::identity::Key;
use super::rules::Candidate;
use super::{Entity, EntityKind};
use crate::text::{Span, is_han, slice};

/// One chosen mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    /// Index into [`Resolved::entities`].
    pub entity: usize,
    /// For people found after a title: the title phrase.
    pub role: Option<Span>,
    pub rule: &'static str,
}

/// A mention inside another one: the issuer in a document's title, the parties in an agreement's
/// title, the company and places in a project's name, the place in its organ's name. Kept apart
/// from [`Resolved::mentions`], which never overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nested {
    pub mention: Mention,
    /// Index into [`Resolved::mentions`] of the mention it lies in.
    pub host: usize,
}

/// The mentions and entities of one document.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub entities: Vec<Entity>,
    /// Sorted by position; they never overlap.
    pub mentions: Vec<Mention>,
    /// Mentions inside other mentions, sorted by position.
    pub nested: Vec<Nested>,
}

/// Chooses mentions among candidates and groups them into entities.
#[must_use]
pub fn resolve(chars: &[char], mut candidates: Vec<Candidate>) -> Resolved {
    for c in &mut candidates {
        trim_leading_words(chars, c);
    }
    split_joined_names(chars, &mut candidates);
    coordinated_fields(chars, &mut candidates);
    // a dotted name found after a title ends where the tagger ends it, when the tagger reads the
    // same name shorter (科菲·安南 of 秘书长科菲·安南希望…)
    let tagged_ends: Vec<Span> = candidates
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.rule.starts_with("tagger") && c.label.contains('·'))
        .map(|c| c.span)
        .collect();
    // (only a last part of five chars or more is in doubt)
    let long_last = |label: &str| label.rsplit('·').next().is_some_and(|p| p.chars().count() >= 5);
    for c in candidates.iter_mut().filter(|c| c.rule == "title + name" && long_last(&c.label)) {
        if let Some(t) =
            tagged_ends.iter().find(|t| t.start == c.span.start && t.end < c.span.end && t.end > c.span.start)
        {
            c.span.end = t.end;
            c.label = slice(chars, c.span);
            c.key = Key::named(EntityKind::Person, &c.label);
        }
    }
    // a name the tagger ran over the title before it (罗勇府府尹颂萨 of …府尹颂萨·乍仑蓬) gives way
    // to the name found after the title
    let titled: Vec<Span> = candidates.iter().filter(|c| c.rule == "title + name").map(|c| c.span).collect();
    candidates.retain(|c| {
        !(c.kind == EntityKind::Person
            && c.rule.starts_with("tagger")
            && titled.iter().any(|t| c.span.start < t.start && c.span.end > t.start))
    });
    candidates.sort_by(|a, b| {
        b.span.len().cmp(&a.span.len()).then(b.priority.cmp(&a.priority)).then(a.span.start.cmp(&b.span.start))
    });
    let mut taken = vec![false; chars.len()];
    let mut chosen: Vec<Candidate> = Vec::new();
    for c in candidates {
        if c.span.is_empty() || c.span.end > chars.len() || taken[c.span.start..c.span.end].iter().any(|t| *t) {
            continue;
        }
        // a name never runs across a line break or a wide space (眉县人民政府主办　眉县…)
        if chars[c.span.start..c.span.end].iter().any(|&ch| matches!(ch, '\n' | '\u{3000}' | '\u{a0}')) {
            continue;
        }
        taken[c.span.start..c.span.end].iter_mut().for_each(|t| *t = true);
        chosen.push(c);
    }
    let (forms, repoint) = short_forms(chars, &chosen, &mut taken);
    for (i, owner) in repoint {
        let c = &mut chosen[i];
        c.key = owner.key;
        c.label = owner.label;
        c.attrs = owner.attrs;
        c.rule = "short form";
    }
    chosen.extend(forms);
    declared_short_names(chars, &mut chosen, &mut taken);
    company_short_names(chars, &mut chosen, &mut taken);
    places_not_people(chars, &mut chosen);
    foreign_surnames(chars, &mut chosen, &mut taken);
    clipped_heads(chars, &mut chosen, &mut taken);
    contractions(chars, &mut chosen);
    headquarters(chars, &mut chosen);
    qualified_areas(chars, &mut chosen);
    chosen.sort_by_key(|c| c.span);
    one_kind_per_name(&mut chosen);

    let mut entities: Vec<Entity> = Vec::new();
    let mut by_key: HashMap<Key, usize> = HashMap::new();
    let mut mentions = Vec::with_capacity(chosen.len());
    for c in chosen {
        let surface = slice(chars, c.span);
        let idx = *by_key.entry(c.key.clone()).or_insert_with(|| {
            entities.push(Entity {
                key: c.key.clone(),
                label: c.label.clone(),
                kind: c.kind,
                aliases: std::collections::BTreeSet::new(),
                attrs: BTreeMap::new(),
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        let e = &mut entities[idx];
        // a programme named by its slogan and head (“强工业”行动) also goes by the slogan
        if c.rule == "slogan and head"
            && let Some(close) = surface.find('”')
        {
            e.aliases.insert(surface[..close + '”'.len_utf8()].to_owned());
        }
        if surface != e.label && !e.aliases.contains(&surface) {
            e.attrs.entry("merged_because".into()).or_insert_with(|| merge_reason(&c));
            e.aliases.insert(surface);
        }
        for (k, v) in &c.attrs {
            e.attrs.entry(k.clone()).or_insert_with(|| v.clone());
        }
        e.mentions.push(c.span);
        // a person another rule found right after a title holds that title
        let role = c.role.or_else(|| {
            (c.kind == EntityKind::Person && c.rule != "same name")
                .then(|| super::rules::title_before(chars, c.span.start))
                .flatten()
        });
        if let Some(role) = role {
            e.attrs.entry("role".into()).or_insert_with(|| slice(chars, role));
        }
        mentions.push(Mention { span: c.span, entity: idx, role, rule: c.rule });
    }
    let mut r = Resolved { entities, mentions, nested: Vec::new() };
    merge_project_variants(&mut r);
    r
}

/// One name is one entity: where rules read the same name as a place in one sentence and as an
/// organization in another (在X县天马文化园开幕; 天马文化园由…公司运营), every mention takes the
/// kind most of them have, the first mention's on a tie. Names with a gazetteer identity and
/// people are left alone. `chosen` is in text order.
fn one_kind_per_name(chosen: &mut [Candidate]) {
    let mut votes: BTreeMap<String, (usize, usize, Option<usize>, Option<usize>)> = BTreeMap::new();
    for (i, c) in chosen.iter().enumerate() {
        if !matches!(c.key, Key::Place(_) | Key::Org(_)) {
            continue;
        }
        let v = votes.entry(c.label.clone()).or_default();
        if c.kind == EntityKind::Place {
            v.0 += 1;
            v.2.get_or_insert(i);
        } else {
            v.1 += 1;
            v.3.get_or_insert(i);
        }
    }
    for (label, (places, orgs, first_place, first_org)) in votes {
        let (Some(p), Some(o)) = (first_place, first_org) else { continue };
        let winner = if places > orgs || (places == orgs && p < o) { p } else { o };
        let (key, kind) = (chosen[winner].key.clone(), chosen[winner].kind);
        for c in chosen.iter_mut().filter(|c| c.label == label && matches!(c.key, Key::Place(_) | Key::Org(_))) {
            c.key = key.clone();
            c.kind = kind;
        }
    }
}

/// The names the document's places go by, longest first, each with its entity: labels and
/// aliases, a zone's name without its zone word (两江 of 两江新区) and an area's gazetteer short
/// name (北碚 of 北碚区). Names of one char are left out.
#[must_use]
pub fn place_names(entities: &[Entity]) -> Vec<(String, usize)> {
    let lex = super::lexicon::Lexicon::get();
    let g = Gazetteer::get();
    let mut out: Vec<(String, usize)> = Vec::new();
    for (i, e) in entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Place) {
        for n in std::iter::once(&e.label).chain(&e.aliases) {
            out.push((n.clone(), i));
            if e.key.adcode().is_none()
                && let Some(core) = lex.zone_suffixes.suffix_of(n).and_then(|s| n.strip_suffix(s))
            {
                out.push((core.to_owned(), i));
            }
        }
        if let Some(area) = e.key.adcode().and_then(|c| g.area(c)) {
            out.push((area.short.clone(), i));
        }
    }
    out.retain(|(n, _)| n.chars().count() >= 2);
    out.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then_with(|| a.cmp(b)));
    out.dedup();
    out
}

/// A project's name without places and brackets: 江北华芯高端芯片(一期)封测基地项目 and
/// 华芯重庆高端芯片一期封测基地项目 are one project in one article. Only names that keep a
/// distinctive part (a body's name, a model) are compared.
fn project_core(label: &str, places: &[String]) -> Option<String> {
    let lex = super::lexicon::Lexicon::get();
    lex.project_heads.suffix_of(label.trim_end_matches(['）', ')']).split(['（', '(']).next().unwrap_or(label))?;
    let mut core: String = label.chars().filter(|c| !matches!(c, '(' | ')' | '（' | '）')).collect();
    // the places this document names, wherever they stand in the name
    for p in places {
        core = core.replace(p.as_str(), "");
    }
    // and areas named in full at its start (a short name inside a word may be no place: 东风)
    let g = Gazetteer::get();
    loop {
        let chars: Vec<char> = core.chars().collect();
        let cut = (2..=6.min(chars.len().saturating_sub(2))).rev().find(|&n| {
            let s: String = chars[..n].iter().collect();
            g.lookup(&s).any(|(_, form)| form == super::gazetteer::NameForm::Full)
        });
        match cut {
            Some(n) => core = chars[n..].iter().collect(),
            None => break,
        }
    }
    let distinctive = core.chars().any(|c| c.is_ascii_alphanumeric()) || core.chars().count() >= 10;
    distinctive.then_some(core)
}

fn merge_project_variants(r: &mut Resolved) {
    let places: Vec<String> = place_names(&r.entities).into_iter().map(|(n, _)| n).collect();
    let mut by_core: HashMap<String, usize> = HashMap::new();
    let mut target: Vec<usize> = (0..r.entities.len()).collect();
    for (i, e) in r.entities.iter().enumerate() {
        if e.kind != EntityKind::Initiative {
            continue;
        }
        let Some(core) = project_core(&e.label, &places) else { continue };
        match by_core.get(&core) {
            Some(&first) => target[i] = first,
            None => {
                by_core.insert(core, i);
            }
        }
    }
    if target.iter().enumerate().all(|(i, &t)| i == t) {
        return;
    }
    // fold merged entities into the first one, then renumber
    for (i, &t) in target.iter().enumerate() {
        if t == i {
            continue;
        }
        let placeholder = r.entities[t].clone();
        let e = std::mem::replace(&mut r.entities[i], placeholder);
        let into = &mut r.entities[t];
        if e.label != into.label {
            into.aliases.insert(e.label.clone());
        }
        into.aliases.extend(e.aliases);
        into.mentions.extend(e.mentions);
        into.mentions.sort();
        into.attrs
            .entry("merged_because".into())
            .or_insert_with(|| "the same project named with and without its places".into());
    }
    let mut new_index = vec![0; r.entities.len()];
    let mut kept = Vec::new();
    for (i, e) in std::mem::take(&mut r.entities).into_iter().enumerate() {
        if target[i] == i {
            new_index[i] = kept.len();
            kept.push(e);
        }
    }
    r.entities = kept;
    for m in &mut r.mentions {
        m.entity = new_index[target[m.entity]];
    }
}

/// Why mentions under another name joined this entity, for the analyst reading the node.
fn merge_reason(c: &Candidate) -> String {
    if let Some(code) = c.key.adcode() {
        format!("same area in the gazetteer (adcode {code})")
    } else if let Key::Country(country) | Key::City { country, .. } = &c.key {
        format!("same place in the world gazetteer ({country})")
    } else if c.rule == "place abbreviation" {
        format!("one-char name of {}", c.label)
    } else if c.rule == "lexicon" {
        format!("known organization and its other names ({})", c.label)
    } else if c.rule == "company short name" {
        "the company's brand with a word of its name (short name)".to_owned()
    } else if c.rule == "declared short name" {
        "short name the text declares (以下简称)".to_owned()
    } else if c.rule == "headquarters" {
        "the body's headquarters (…总部) is the body".to_owned()
    } else if c.rule == "surname of a foreign name" {
        "the last part of a foreign name (马丁斯 for 维托尔·马丁斯)".to_owned()
    } else if c.rule == "contraction" {
        "contracted name of the same organization (文旅委 for 文化和旅游委员会)".to_owned()
    } else if c.rule == "place, not a person" {
        "a place the text names elsewhere, not a person".to_owned()
    } else if c.rule == "slogan and head" {
        "the programme's slogan in quotes and its head word (“强工业”行动)".to_owned()
    } else if c.rule == "short form" {
        "short form of a name in the same document".to_owned()
    } else {
        format!("same name once normalised ({} via {})", c.label, c.rule)
    }
}

/// Bare uses of the part after a place name (重庆高新区 → 高新区) and of an organization's name
/// without its legal form (中国四联集团 → 中国四联, 四联), when only one entity could be meant; a
/// bare kind's word (实验室, 总领事馆) is the body of that kind named last before it, within
/// [`KIND_WORD_REACH`], unless counted (两个实验室, 各实验室).
fn short_forms(chars: &[char], chosen: &[Candidate], taken: &mut [bool]) -> (Vec<Candidate>, Vec<(usize, Candidate)>) {
    let mut repoint: Vec<(usize, Candidate)> = Vec::new();
    let g = Gazetteer::get();
    let mut rests: BTreeMap<Vec<char>, Option<&Candidate>> = BTreeMap::new();
    let mut kind_words: BTreeSet<Vec<char>> = BTreeSet::new();
    let lex = super::lexicon::Lexicon::get();
    for c in chosen {
        // a document goes by its kind once named in full: 《…三年行动计划(2021—2023年)》 →
        // 《行动计划》, 《三年行动计划》
        if c.rule == "document title" {
            let name: Vec<char> = chars[c.span.start..c.span.end].to_vec();
            let end = name
                .iter()
                .rposition(|&ch| matches!(ch, '(' | '（'))
                .filter(|_| name.ends_with(&[')']) || name.ends_with(&['）']))
                .unwrap_or(name.len());
            for start in 1..end.saturating_sub(2) {
                let tail = &name[start..end];
                let tail_text: String = tail.iter().collect();
                if tail.len() >= 3
                    && lex.document_words.ends_at(tail, tail.len())
                    && (lex.document_words.contains(&tail_text) || crate::text::is_cn_numeral(tail[0]))
                {
                    let entry = rests.entry(tail.to_vec()).or_insert(Some(c));
                    if entry.is_some_and(|e| e.key != c.key) {
                        *entry = None;
                    }
                }
            }
            continue;
        }
        if !matches!(c.kind, EntityKind::Place | EntityKind::Organization) || c.key.adcode().is_some() {
            continue;
        }
        let surface: Vec<char> = chars[c.span.start..c.span.end].to_vec();
        let mut forms: Vec<Vec<char>> = Vec::new();
        // the name as written, and without a bracketed place inside it (中国(绵阳)科技城新区)
        let unbracketed = without_brackets(&surface);
        for variant in [&surface, &unbracketed] {
            for cut in 2..variant.len().saturating_sub(2) {
                let head: String = variant[..cut].iter().collect();
                // (a foreign country's ministry is not the bare 外交部 of a Chinese text, which is
                // China's: 越南外交部 beside 外交部发言人)
                let rest: String = variant[cut..].iter().collect();
                let foreign_national = g.world(&head).is_some() && head != "中国" && lex.known_org(&rest).is_some();
                if (g.lookup(&head).next().is_some() || g.world(&head).is_some() || head == "中国") && !foreign_national
                {
                    forms.push(variant[cut..].to_vec());
                }
            }
        }
        // a unit named with its body (宁夏大学化学化工学院, 西南大学科学技术处) goes by the unit's
        // own words (化学化工学院)
        if c.kind == EntityKind::Organization {
            let lex = super::lexicon::Lexicon::get();
            for body in chosen.iter().filter(|b| b.kind == EntityKind::Organization && b.key != c.key) {
                let body_name = &chars[body.span.start..body.span.end];
                if surface.len() >= body_name.len() + 3 && surface.starts_with(body_name) {
                    let rest: String = surface[body_name.len()..].iter().collect();
                    if lex.org_suffixes.suffix_of(&rest).is_some() {
                        forms.push(surface[body_name.len()..].to_vec());
                    }
                }
            }
        }
        // a sub-zone named with its zone (中国（辽宁）自由贸易试验区沈阳片区) goes by its own words
        // (沈阳片区)
        if c.kind == EntityKind::Place {
            let written: String = surface.iter().collect();
            if let Some(zone) = lex.zone_of_sub_zone(&written) {
                forms.push(surface[zone.chars().count()..].to_vec());
            }
        }
        // a development zone goes by its own name and 开发区 (红岭经济技术开发区 → 红岭开发区), with
        // or without its city
        if c.kind == EntityKind::Place {
            for form in forms.clone().into_iter().chain([surface.clone()]) {
                let s: String = form.iter().collect();
                if let Some(core) = ["经济技术开发区", "经济开发区"].iter().find_map(|w| s.strip_suffix(w))
                    && core.chars().count() >= 2
                {
                    forms.push(format!("{core}开发区").chars().collect());
                }
            }
        }
        forms.dedup();
        // an organization without its legal form: 中国四联集团 → 中国四联, 四联
        // only for names that start with a place, so a bare common word (保险 of 保险公司) is
        // never claimed
        if c.kind == EntityKind::Organization && !forms.is_empty() {
            for form in forms.clone().into_iter().chain([surface.clone()]) {
                let s: String = form.iter().collect();
                if let Some(core) =
                    super::lexicon::Lexicon::get().corporate_forms.suffix_of(&s).and_then(|f| s.strip_suffix(f))
                {
                    let core: Vec<char> = core.chars().collect();
                    if core.len() >= 2 && !super::lexicon::is_generic(&core) {
                        forms.push(core);
                    }
                }
            }
        }
        // a group goes by its head word (联盟 of 绍兴集成电路产业创新联盟, 协会 of …企业家协会)
        if c.kind == EntityKind::Organization
            && let Some(head) = lex.group_heads.suffix_of(&c.label)
            && c.label.chars().count() >= head.chars().count() + 3
        {
            kind_words.insert(head.chars().collect());
        }
        // (a form that is only a kind's word, 实验室 of 湖北实验室, stands for the body of that
        // kind named last before it, whichever: below)
        let (kinds, forms): (Vec<Vec<char>>, Vec<Vec<char>>) =
            forms.into_iter().partition(|f| lex.org_suffixes.contains(&f.iter().collect::<String>()));
        kind_words.extend(kinds);
        for form in forms {
            let entry = rests.entry(form).or_insert(Some(c));
            if entry.is_some_and(|e| e.key != c.key) {
                *entry = None; // two entities share the form: ambiguous
            }
        }
    }
    let mut out = Vec::new();
    for word in kind_words {
        let n = word.len();
        let text: String = word.iter().collect();
        for s in 0..chars.len().saturating_sub(n - 1) {
            if chars[s..s + n] != word[..] {
                continue;
            }
            let span = Span::new(s, s + n);
            // (not counted or every one: 两个实验室, 各实验室)
            if s > 0 && "个各每所两几些等多家".contains(chars[s - 1]) {
                continue;
            }
            let owner = chosen
                .iter()
                .filter(|c| matches!(c.kind, EntityKind::Organization | EntityKind::Place))
                .filter(|c| c.span.end <= s && c.span.end + KIND_WORD_REACH >= s && c.label.ends_with(&text))
                .filter(|c| c.label.chars().count() > n)
                .max_by_key(|c| c.span.end);
            let Some(owner) = owner else { continue };
            // read as a name of its own by another rule: the same body
            if let Some(i) = chosen.iter().position(|c| c.span == span && c.kind == owner.kind && c.key != owner.key) {
                repoint.push((i, owner.clone()));
                continue;
            }
            // (a word of its own, not the end of a longer name)
            let tail =
                s > 0 && is_han(chars[s - 1]) && !lex.stop_chars.has_char(chars[s - 1]) && !ends_boundary(chars, s);
            if tail || taken[s..s + n].iter().any(|t| *t) {
                continue;
            }
            taken[s..s + n].iter_mut().for_each(|t| *t = true);
            out.push(mention_of(owner, span, "short form"));
        }
    }
    for (rest, owner) in rests {
        let Some(owner) = owner else { continue };
        let n = rest.len();
        for s in 0..chars.len().saturating_sub(n - 1) {
            let span = Span::new(s, s + n);
            if chars[s..s + n] != rest[..] {
                continue;
            }
            // another rule read the short form as a name of its own (歇马拓展园 after 北碚歇马拓
            // 展园): it is the same entity
            if let Some(i) = chosen.iter().position(|c| {
                c.span == span
                    && c.kind == owner.kind
                    && c.key != owner.key
                    && matches!(c.key, Key::Place(_) | Key::Org(_) | Key::Initiative(_))
            }) {
                repoint.push((i, owner.clone()));
                continue;
            }
            if taken[s..s + n].iter().any(|t| *t) {
                continue;
            }
            // not the tail of a longer unrecognised name
            if s > 0
                && is_han(chars[s - 1])
                && !super::lexicon::Lexicon::get().stop_chars.has_char(chars[s - 1])
                && !ends_boundary(chars, s)
            {
                continue;
            }
            taken[s..s + n].iter_mut().for_each(|t| *t = true);
            out.push(mention_of(owner, span, "short form"));
        }
    }
    (out, repoint)
}

/// How far after a body a bare word of its kind (实验室) may stand for it.
const KIND_WORD_REACH: usize = 600;

/// Short names declared after a name (（以下简称“华芯”）, also after other notes in the brackets:
/// （股票代码：605386，以下简称“华芯”）): every use of the short name that is a
/// word of its own (in a headline too) is a mention of the declaring entity, whatever other rule
/// read it.
fn declared_short_names(chars: &[char], chosen: &mut Vec<Candidate>, taken: &mut [bool]) {
    let mut declared: Vec<(Vec<char>, Candidate)> = Vec::new();
    for c in chosen.iter().filter(|c| c.kind != EntityKind::Person) {
        let mut i = c.span.end;
        // (past the title mark a document's name ends with)
        if chars.get(i) == Some(&'》') {
            i += 1;
        }
        if matches!(chars.get(i), Some('(' | '（')) {
            // the declaration may follow other notes in the brackets (股票代码：605386，以下简称…)
            let words = &super::lexicon::Lexicon::get().short_name_words;
            let inside =
                (i + 1..chars.len().min(i + 40)).take_while(|&j| !matches!(chars[j], ')' | '）' | '\n')).find(|&j| {
                    words.longest_at(chars, j).is_some()
                        && (j == i + 1 || matches!(chars[j - 1], '，' | ',' | '；' | ';'))
                });
            i = inside.unwrap_or(i + 1);
        } else if matches!(chars.get(i), Some('，' | ',')) {
            i += 1;
        }
        let Some(n) = super::lexicon::Lexicon::get().short_name_words.longest_at(chars, i) else { continue };
        i += n;
        // (a document's short name is in title marks: 以下简称《行动方案》)
        if matches!(chars.get(i), Some('“' | '"' | '「' | '《' | '：' | ':')) {
            i += 1;
        }
        let end = (i..chars.len().min(i + 12)).find(|&e| !(is_han(chars[e]) || chars[e].is_ascii_alphanumeric()));
        let Some(end) = end.filter(|&e| e >= i + 2) else { continue };
        // (a short name inside the brackets before the declaration, 证券简称：甲，以下简称“甲”,
        // declares nothing of its own)
        if chars[i..end] == chars[c.span.start..c.span.end] {
            continue;
        }
        declared.push((chars[i..end].to_vec(), c.clone()));
    }
    for (short, owner) in declared {
        let n = short.len();
        if super::lexicon::is_generic(&short) {
            continue;
        }
        // anywhere (a headline may use it before the body declares it), but not inside a longer
        // word
        for s in 0..chars.len().saturating_sub(n - 1) {
            if chars[s..s + n] != short[..] {
                continue;
            }
            let span = Span::new(s, s + n);
            // a name another rule found there already is the declared one, whatever comes before
            // it (据瑞禾智家…, 2023年瑞禾智家…)
            if let Some(existing) = chosen.iter_mut().find(|c| c.span == span && c.kind == owner.kind) {
                existing.key = owner.key.clone();
                existing.label.clone_from(&owner.label);
                existing.attrs.clone_from(&owner.attrs);
                existing.rule = "declared short name";
                continue;
            }
            if s > 0
                && is_han(chars[s - 1])
                && !super::lexicon::Lexicon::get().stop_chars.has_char(chars[s - 1])
                && !matches!(chars[s - 1], '“' | '"')
                && !ends_boundary(chars, s)
            {
                continue;
            }
            let span = Span::new(s, s + n);
            if let Some(existing) = chosen.iter_mut().find(|c| c.span == span) {
                // another rule read the short name: it is the declared entity
                existing.key = owner.key.clone();
                existing.label.clone_from(&owner.label);
                existing.kind = owner.kind;
                existing.attrs.clone_from(&owner.attrs);
                existing.rule = "declared short name";
                continue;
            }
            // a piece of the short name another rule read (岚峰锂 of 岚峰锂电) gives way to it,
            // when nothing else stands there
            let pieces: Vec<usize> = (0..chosen.len())
                .filter(|&k| span.contains(chosen[k].span) && chosen[k].span != span && chosen[k].kind == owner.kind)
                .collect();
            let mut free = taken[s..s + n].to_vec();
            for &k in &pieces {
                let piece = chosen[k].span;
                free[piece.start - s..piece.end - s].iter_mut().for_each(|t| *t = false);
            }
            if free.iter().any(|t| *t) {
                continue;
            }
            for &k in pieces.iter().rev() {
                chosen.remove(k);
            }
            taken[s..s + n].iter_mut().for_each(|t| *t = true);
            chosen.push(mention_of(&owner, span, "declared short name"));
        }
    }
}

/// A company's name without its place, brackets and legal form: 重庆华芯微电子科技有限公司 →
/// 华芯微电子科技.
fn company_core(label: &str, named: &HashSet<u32>) -> Option<Vec<char>> {
    let lex = super::lexicon::Lexicon::get();
    let g = Gazetteer::get();
    let form = lex.corporate_forms.suffix_of(label)?;
    let chars: Vec<char> = without_brackets(&label.chars().collect::<Vec<_>>());
    let mut core: &[char] = &chars[..chars.len() - form.chars().count().min(chars.len())];
    let mut first = true;
    loop {
        // after the first place, a county's short name is the place only when the text names
        // that county (贵州X县…公司 in a story about X县); else it is the brand (新疆天山番茄制品
        // in a story that never names 天山区)
        let cut = (2..=core.len().saturating_sub(2).min(7)).rev().find(|&n| {
            let head: String = core[..n].iter().collect();
            g.lookup(&head)
                .any(|(a, f)| first || f == NameForm::Full || a.level != Level::County || named.contains(&a.adcode))
                || g.world(&head).is_some()
        });
        first = false;
        match cut {
            Some(n) => core = &core[n..],
            None => break,
        }
    }
    (core.len() >= 3).then(|| core.to_vec())
}

/// The short names a company goes by: its brand (the first two chars of its name without place
/// and legal form) with a word of its name or a legal form after it (华芯微电子科技有限公司 → 华
/// 芯科技, 华芯公司). Every use of such a name is a mention of the company, whatever other rule
/// read it (the tagger may call 华芯科技 a person), when only one company can be meant: the only
/// one with that brand, or, where a group and its subsidiaries share the brand, the only one
/// whose name has the word (恒铧集团 for 重庆恒铧实业集团有限公司 beside 重庆恒铧智能装备有限公司).
fn company_short_names(chars: &[char], chosen: &mut Vec<Candidate>, taken: &mut [bool]) {
    let lex = super::lexicon::Lexicon::get();
    let mut brands: BTreeMap<Vec<char>, Vec<(Candidate, String)>> = BTreeMap::new();
    let named: HashSet<u32> = chosen.iter().filter_map(|c| c.key.adcode()).collect();
    for c in chosen.iter().filter(|c| c.kind == EntityKind::Organization) {
        let Some(core) = company_core(&c.label, &named) else { continue };
        let brand = core[..2].to_vec();
        if super::lexicon::is_generic(&brand) {
            continue;
        }
        // the rest of the name after the brand, legal form included (实业集团有限公司)
        let form = lex.corporate_forms.suffix_of(&c.label).unwrap_or_default();
        let rest: String = core[2..].iter().copied().chain(form.chars()).collect();
        let owners = brands.entry(brand).or_default();
        if !owners.iter().any(|(o, _)| o.key == c.key) {
            owners.push((c.clone(), rest));
        }
    }
    for (brand, owners) in brands {
        for s in 0..chars.len().saturating_sub(2) {
            if chars[s..s + 2] != brand[..] {
                continue;
            }
            // the longest rest that names exactly one owner
            let found = (s + 3..=chars.len().min(s + 6)).rev().find_map(|e| {
                let rest: String = chars[s + 2..e].iter().collect();
                // a word of the name with a legal form after it (天山番茄公司 of 新疆天山番茄制品有限公司)
                let word = lex
                    .corporate_forms
                    .suffix_of(&rest)
                    .and_then(|f| rest.strip_suffix(f))
                    .filter(|w| w.chars().count() >= 2);
                let by_word: Vec<&Candidate> = owners
                    .iter()
                    .filter(|(_, core_rest)| {
                        rest.chars().count() >= 2
                            && (core_rest.contains(&rest) || word.is_some_and(|w| core_rest.contains(w)))
                    })
                    .map(|(o, _)| o)
                    .collect();
                let generic = lex.corporate_forms.contains(&rest) || lex.brand_words.contains(&rest);
                // (a group is not the company below it: 某集团 beside 某新材料科技有限公司)
                let group = rest.contains("集团");
                match (by_word.as_slice(), owners.as_slice()) {
                    ([one], _) => Some((e, (*one).clone())),
                    ([], [(only, _)]) if generic && (!group || only.label.contains("集团")) => {
                        Some((e, only.clone()))
                    }
                    _ => None,
                }
            });
            let Some((e, owner)) = found else { continue };
            let span = Span::new(s, e);
            if chosen.iter().any(|c| c.span.contains(span) && c.key == owner.key) {
                continue;
            }
            if let Some(existing) = chosen.iter_mut().find(|c| c.span == span) {
                existing.key = owner.key.clone();
                existing.label.clone_from(&owner.label);
                existing.kind = owner.kind;
                existing.attrs.clone_from(&owner.attrs);
                existing.role = None;
                existing.rule = "company short name";
                continue;
            }
            if taken[s..e].iter().any(|t| *t) {
                continue;
            }
            taken[s..e].iter_mut().for_each(|t| *t = true);
            chosen.push(mention_of(&owner, span, "company short name"));
        }
    }
}

/// A place outside the gazetteer that the text names with its suffix (匈牙利杰尔市) is the same
/// place where another rule read its name, or its name without the suffix, as a person's (杰尔市
/// 市长…, 到杰尔投资) or as another place.
fn places_not_people(chars: &[char], chosen: &mut [Candidate]) {
    let mut places: BTreeMap<Vec<char>, Option<Candidate>> = BTreeMap::new();
    for c in chosen.iter().filter(|c| c.kind == EntityKind::Place && c.key.adcode().is_none()) {
        let name = &chars[c.span.start..c.span.end];
        let Some((&last, stem)) = name.split_last() else { continue };
        // 府: a province of Thailand or Japan (罗勇府, 大阪府)
        if !matches!(last, '市' | '县' | '州' | '省' | '府') || stem.len() < 2 {
            continue;
        }
        for form in [name.to_vec(), stem.to_vec()] {
            let entry = places.entry(form).or_insert_with(|| Some(c.clone()));
            // the same name read as a foreign city of a country (匈牙利杰尔市) and as a place of
            // no known country is the city
            let city = |k: &Key| matches!(k, Key::City { .. });
            match entry {
                Some(e) if e.key != c.key && city(&c.key) && !city(&e.key) => *entry = Some(c.clone()),
                Some(e) if e.key != c.key && (!city(&e.key) || city(&c.key)) => *entry = None,
                _ => {}
            }
        }
    }
    for c in chosen.iter_mut() {
        let surface = &chars[c.span.start..c.span.end];
        let may_be = match c.kind {
            EntityKind::Person => true,
            EntityKind::Place => c.key.adcode().is_none(),
            // an organization named exactly as the place, suffix and all (图尔库市)
            EntityKind::Organization => places
                .get(surface)
                .is_some_and(|p| p.as_ref().is_some_and(|p| p.label.chars().eq(surface.iter().copied()))),
            EntityKind::Initiative => false,
        };
        if !may_be {
            continue;
        }
        if let Some(Some(place)) = places.get(surface)
            && place.key != c.key
        {
            *c = mention_of(place, c.span, "place, not a person");
        }
    }
}

/// A foreign person named in full (维托尔·马丁斯) goes by the last part of the name later (马丁斯表
/// 示): that part, where another rule read it as a person or nothing read it, is a mention of the
/// person, when only one person has it.
fn foreign_surnames(chars: &[char], chosen: &mut Vec<Candidate>, taken: &mut [bool]) {
    let mut owners: BTreeMap<Vec<char>, Option<Candidate>> = BTreeMap::new();
    for c in chosen.iter().filter(|c| c.kind == EntityKind::Person) {
        let name = &chars[c.span.start..c.span.end];
        let Some(dot) = name.iter().rposition(|&ch| matches!(ch, '·' | '•')) else { continue };
        let last = &name[dot + 1..];
        if last.len() < 2 || !last.iter().all(|&ch| is_han(ch)) {
            continue;
        }
        let entry = owners.entry(last.to_vec()).or_insert_with(|| Some(c.clone()));
        if entry.as_ref().is_some_and(|o| o.key != c.key) {
            *entry = None;
        }
    }
    let stop = &super::lexicon::Lexicon::get().stop_chars;
    for (last, owner) in owners {
        let Some(owner) = owner else { continue };
        let n = last.len();
        for s in 0..chars.len().saturating_sub(n - 1) {
            if chars[s..s + n] != last[..] {
                continue;
            }
            let span = Span::new(s, s + n);
            if let Some(c) =
                chosen.iter_mut().find(|c| c.span == span && c.kind == EntityKind::Person && c.key != owner.key)
            {
                let role = c.role;
                *c = owner.clone();
                c.span = span;
                c.role = role;
                c.rule = "surname of a foreign name";
                continue;
            }
            let free = !taken[s..s + n].iter().any(|t| *t);
            let edge = s == 0 || !is_han(chars[s - 1]) || stop.has_char(chars[s - 1]);
            if free && edge {
                taken[s..s + n].iter_mut().for_each(|t| *t = true);
                chosen.push(mention_of(&owner, span, "surname of a foreign name"));
            }
        }
    }
}

/// Contracted names of an organization the text also names in full, in the way Chinese shortens
/// names: the head kept and a char or two of each later word (文化旅游委 and 文旅委 for 文化和旅
/// 游发展委员会, 文广旅局 for 文化广播电视和旅游局, 市消委会 for 市消费者权益保护委员会), or words
/// left out (欧蓝德集团 for 欧蓝德汽车部件集团). The short name must keep the full name's first
/// char and end in its last word, must not be a name that starts the full one (北碚区委 is not 北碚
/// 区委宣传部), nor a place and the same ending (重庆大学 is not 重庆交通大学, 北碚区委 is not 北碚区
/// 发展改革委), and must fit only one full name. Besides, a body goes by its name with its place
/// written short (甘孜州人民医院 for 甘孜藏族自治州人民医院) and a unit by its name without the
/// university before it (华西医院 for 四川大学华西医院).
fn contractions(chars: &[char], chosen: &mut [Candidate]) {
    let mut fulls: Vec<(Vec<char>, Candidate)> = Vec::new();
    for c in chosen.iter().filter(|c| c.kind == EntityKind::Organization) {
        if !fulls.iter().any(|(_, f)| f.key == c.key) {
            fulls.push((without_brackets(&c.label.chars().collect::<Vec<_>>()), c.clone()));
        }
    }
    let mut repointed: Vec<(Key, Candidate)> = Vec::new();
    for c in chosen.iter_mut().filter(|c| c.kind == EntityKind::Organization) {
        let short = without_brackets(&chars[c.span.start..c.span.end]);
        let owners = fulls.iter().filter(|(full, f)| {
            f.key != c.key
                && (is_contraction(&short, full)
                    || affiliate_order(full).is_some_and(|v| is_contraction(&short, &v))
                    // (a national company's 中国 is left out: 建行 for 中国建设银行)
                    // (not a name that keeps the remainder's first word: 农业银行 is no 农业发展银行)
                    || full
                        .strip_prefix(&['中', '国'][..])
                        .is_some_and(|v| v.get(..2) != short.get(..2) && is_contraction(&short, v))
                    || is_place_unit(&short, full)
                    || is_place_abbreviation(&short, full)
                    || same_place_written_short(&short, full)
                    || unit_without_its_university(&short, full)
                    || level_only(full).is_some_and(|v| v == short.as_slice() || is_contraction(&short, v))
                    || without_upper_places(full).any(|v| is_contraction(&short, v)))
        });
        // (a body and its unit both fit: the body, 某医大附一院 for 某医科大学第一附属医院, not for its 某某分院)
        let owners: Vec<&(Vec<char>, Candidate)> = owners.collect();
        let mut outer =
            owners.iter().filter(|(full, _)| !owners.iter().any(|(o, _)| o.len() < full.len() && full.starts_with(o)));
        let (Some((_, owner)), None) = (outer.next(), outer.next()) else { continue };
        repointed.push((c.key.clone(), owner.clone()));
        *c = mention_of(owner, c.span, "contraction");
    }
    // the short forms of a contraction are the full name's too (区市场监管局 after 金州区市场监管局)
    for c in chosen.iter_mut().filter(|c| c.rule == "short form") {
        if let Some((_, owner)) = repointed.iter().find(|(old, _)| *old == c.key) {
            *c = mention_of(owner, c.span, "contraction");
        }
    }
}

/// A name never starts with a function char (除淄博…公司外), with a noun that refers to a body
/// without naming it (控股子公司宁夏…, 生产厂家浙江…, 经销商…) or with a body and its verb
/// (湖南理工学院共建…研究院), nor ends with a verb after its
/// suffix (鸿泰公司共建): a candidate that does, whatever rule proposed it, is cut to the name. Names with a gazetteer identity are left as they are.
fn trim_leading_words(chars: &[char], c: &mut Candidate) {
    if c.kind == EntityKind::Person || c.key != Key::named(c.kind, &c.label) {
        return;
    }
    // a name set in title marks or quotes starts where they open (《对口合作协议》)
    if c.span.start > 0 && matches!(chars[c.span.start - 1], '《' | '“' | '「') {
        return;
    }
    let lex = super::lexicon::Lexicon::get();
    let g = Gazetteer::get();
    // a place whose name starts with a function char (于都县, 和平县; 都匀 of 都匀宏达…公司) keeps it
    let place_at = |i: usize| {
        (2..=4).filter(|k| i + k <= c.span.end).any(|k| {
            g.lookup(&chars[i..i + k].iter().collect::<String>()).any(|(a, form)| {
                form == super::gazetteer::NameForm::Full
                    || k >= 2 && c.kind == EntityKind::Organization && a.name.chars().count() > k
            })
        })
    };
    let mut start = c.span.start;
    // an event joined to the next by 暨 (…签约仪式暨X研究院揭牌仪式): the name starts after it
    if let Some(and) = (start + 2..c.span.end.saturating_sub(3)).find(|&i| chars[i] == '暨')
        && chars[start..and].ends_with(&['仪', '式'])
    {
        start = and + 1;
    }
    loop {
        let rest = c.span.end - start;
        if lex.stop_chars.has_char(chars[start]) && rest > 3 && !place_at(start) {
            start += 1;
        } else if let Some(n) = lex.referring_nouns.longest_at(chars, start).filter(|&n| rest >= n + 3) {
            start += n;
        } else if let Some(n) = lex.time_words.longest_at(chars, start).filter(|&n| rest >= n + 2) {
            // a date glued on by the tagger (当天镇远古城景区)
            start += n;
        } else {
            break;
        }
    }
    // a body and a verb glued before the name (湖南理工学院共建 + …研究院): the name starts after
    // the verb
    // (a body's, not a place's: 铜陵市投资促进局 is one name)
    if c.kind == EntityKind::Organization
        && let Some((verb, cut)) = super::tagged::glued_actor_verb(&chars[start..c.span.end].iter().collect::<String>())
        && lex.org_suffixes.ends_at(chars, start + verb)
        && c.span.end >= start + cut + 4
    {
        start += cut;
    }
    // a verb glued after a body's name (鸿泰公司共建) when the name still ends in its suffix
    let mut end = c.span.end;
    if c.kind == EntityKind::Organization
        && let Some(n) = lex.boundary_words.longest_ending_at(chars, end)
        && end - n > start + 2
        && lex.org_suffixes.ends_at(chars, end - n)
    {
        end -= n;
    }
    // a company's name with 控股 glued after it (…集团有限公司控股子公司)
    if c.kind == EntityKind::Organization
        && chars[start..end].ends_with(&['控', '股'])
        && super::lexicon::ends_in_legal_form(&chars[start..end - 2].iter().collect::<String>())
    {
        end -= 2;
    }
    // a company's seat is the company (恒达集团总部 → 恒达集团)
    if c.kind == EntityKind::Organization
        && let Some(n) = lex.seat_words.longest_ending_at(chars, end)
        && end - n >= start + 2
        && (lex.company_suffixes.ends_at(chars, end - n) && end - n >= start + 4 || end - n <= start + 4)
    {
        end -= n;
    }
    if start != c.span.start || end != c.span.end {
        *c = Candidate::new(chars, Span::new(start, end), c.kind, c.rule, c.priority);
    }
}

/// Two names a candidate joined: names joined by a slash (淄博日报/淄博晚报; 文/李明 is the name
/// after a credit label), two media by a dash (岳阳新闻网-岳阳日报), two bodies joined by 与 or 和,
/// each ending in an organization's suffix
/// (南通大学与图尔库大学, 区自然资源局和齐鲁化工区管理委员会) or each a department named after its
/// place (甲区发展改革委与乙县发展改革局), and a country before a place of its
/// own (印度尼西亚加里曼丹岛). Each part becomes a candidate; 发展和改革委员会 stays whole,
/// as its first part is no name.
fn split_joined_names(chars: &[char], candidates: &mut Vec<Candidate>) {
    let lex = super::lexicon::Lexicon::get();
    let g = Gazetteer::get();
    let mut parts: Vec<Candidate> = Vec::new();
    candidates.retain(|c| {
        let slash = c.label.contains(['/', '／']);
        if !slash && (c.kind == EntityKind::Person || c.key != Key::named(c.kind, &c.label)) {
            return true;
        }
        let (start, end) = (c.span.start, c.span.end);
        let name = &chars[start..end];
        // names joined by a slash (淄博日报/淄博晚报, 文/李明): each part of two chars or more that
        // is no credit label
        if name.iter().any(|&ch| matches!(ch, '/' | '／')) {
            let mut from = start;
            for cut in (start..=end).filter(|&i| i == end || matches!(chars[i], '/' | '／')) {
                if cut - from >= 2 && lex.credit_labels.longest_at(chars, from) != Some(cut - from) {
                    parts.push(Candidate::new(chars, Span::new(from, cut), c.kind, c.rule, c.priority));
                }
                from = cut + 1;
            }
            return false;
        }
        // two media joined by a dash in a source line (岳阳新闻网-岳阳日报): each medium
        if c.kind == EntityKind::Organization
            && let Some(k) = name.iter().position(|&ch| matches!(ch, '-' | '－'))
        {
            let is_medium = |part: &[char]| {
                let text: String = part.iter().collect();
                part.len() >= 2 && (lex.media_endings.suffix_of(&text).is_some() || text.ends_with(['网', '报', '台']))
            };
            if is_medium(&name[..k]) && is_medium(&name[k + 1..]) {
                parts.push(Candidate::new(chars, Span::new(start, start + k), c.kind, c.rule, c.priority));
                parts.push(Candidate::new(chars, Span::new(start + k + 1, end), c.kind, c.rule, c.priority));
                return false;
            }
        }
        if c.kind == EntityKind::Organization {
            let join = (3..name.len().saturating_sub(3)).find(|&k| {
                let left: String = name[..k].iter().collect();
                let right: String = name[k + 1..].iter().collect();
                // (a department named after its place ends in 委, 局 …: 甲区发展改革委与乙县发展改革局)
                let body = |x: &str| {
                    lex.org_suffixes.suffix_of(x).is_some()
                        || lex.department_endings.suffix_of(x).is_some() && g.starts_with_area(x)
                };
                matches!(name[k], '与' | '和') && body(&left) && body(&right)
            });
            if let Some(k) = join {
                for span in [Span::new(start, start + k), Span::new(start + k + 1, end)] {
                    parts.push(Candidate::new(chars, span, c.kind, c.rule, c.priority));
                }
                return false;
            }
            // the central organs before a local body (中央和黔南州委): the local body alone
            if let Some(n) = lex.central_organs.longest_at(chars, start)
                && matches!(chars.get(start + n), Some('和' | '与' | '、'))
                && end > start + n + 3
            {
                parts.push(Candidate::new(chars, Span::new(start + n + 1, end), c.kind, c.rule, c.priority));
                return false;
            }
        }
        if c.kind == EntityKind::Place && g.world(&c.label).is_none() {
            let country = (2..name.len().saturating_sub(1)).rev().find_map(|k| {
                let head: String = name[..k].iter().collect();
                match g.world(&head) {
                    Some(w @ super::gazetteer::WorldName::Country(_)) => Some((k, w)),
                    _ => None,
                }
            });
            if let Some((k, w)) = country {
                parts.push(super::rules::world_candidate(chars, Span::new(start, start + k), w));
                parts.push(Candidate::new(chars, Span::new(start + k, end), c.kind, c.rule, c.priority));
                return false;
            }
        }
        true
    });
    candidates.extend(parts);
}

/// A unit named for two fields joined by 与, 和 or 及 (化学与化工学院, 艺术与设计高等学院, 智能传感与精密
/// 仪器联合研究中心), with the body it belongs to when that is named right before (西安科技大学化
/// 学与化工学院): one name, proposed whole. The first field is two to six chars after a
/// punctuation mark, a function char or a verb that ends names (成立), or after an
/// organization's name.
fn coordinated_fields(chars: &[char], candidates: &mut Vec<Candidate>) {
    let lex = super::lexicon::Lexicon::get();
    let mut whole = Vec::new();
    for y in candidates.iter().filter(|c| c.kind == EntityKind::Organization) {
        let s = y.span.start;
        if s < 3
            || !matches!(chars[s - 1], '与' | '和' | '及')
            || y.span.len() < 3
            || lex.field_unit_suffixes.suffix_of(&y.label).is_none()
        {
            continue;
        }
        let joint = s - 1;
        // the body right before the first field (an organization ending 2..=6 chars before 与);
        // the field is one or two words, no verb, title or name in it
        let field_after = |end: usize| {
            chars[end..joint].iter().all(|&c| is_han(c) && !lex.stop_chars.has_char(c))
                && !(end + 1..=joint).any(|i| lex.boundary_words.ends_at(chars, i) || lex.titles.ends_at(chars, i))
                && !candidates.iter().any(|p| p.kind == EntityKind::Person && p.span.start < joint && p.span.end > end)
        };
        let body = candidates.iter().filter(|x| x.kind == EntityKind::Organization).find(|x| {
            x.span.end + 2 <= joint
                && joint - x.span.end <= 6
                && lex.org_suffixes.suffix_of(&x.label).is_some()
                && field_after(x.span.end)
        });
        let start = if let Some(x) = body {
            x.span.start
        } else {
            let from = super::rules::name_start(chars, joint, 7);
            let edge = from == 0
                || !is_han(chars[from - 1])
                || lex.stop_chars.has_char(chars[from - 1])
                || lex.boundary_words.ends_at(chars, from);
            if joint - from < 2 || joint - from > 6 || !edge || !field_after(from) {
                continue;
            }
            from
        };
        let first: String = chars[start..joint].iter().collect();
        // two bodies joined (江海大学与图尔库大学, 我校与黑龙江省农业科学院) are two names; so is a
        // body named with its place after 与
        let placed = Gazetteer::get().starts_with_area(&y.label);
        // (nor is a pronoun a field: 我们和某研究所)
        let pronoun = first.starts_with(['我', '你', '他', '她', '它', '咱']);
        if lex.org_suffixes.suffix_of(&first).is_some()
            || lex.referring_nouns.suffix_of(&first).is_some()
            || placed
            || pronoun
        {
            continue;
        }
        whole.push(Candidate::new(
            chars,
            Span::new(start, y.span.end),
            EntityKind::Organization,
            "joined fields",
            y.priority,
        ));
    }
    candidates.extend(whole);
}

/// A body's headquarters or board (泓泰新材总部位于…, 公司在晋江总部, 鸿步体育董事局主席) is the
/// body, or the place, that the text names elsewhere by the words before 总部 (董事局, 董事会):
/// the mention shrinks to those words.
fn headquarters(chars: &[char], chosen: &mut [Candidate]) {
    const WORDS: [&str; 3] = ["总部", "董事局", "董事会"];
    let mut named: BTreeMap<String, Option<Candidate>> = BTreeMap::new();
    for c in chosen.iter().filter(|c| c.kind != EntityKind::Person) {
        for name in [slice(chars, c.span), c.label.clone()] {
            let entry = named.entry(name).or_insert_with(|| Some(c.clone()));
            if entry.as_ref().is_some_and(|e| e.key != c.key) {
                *entry = None;
            }
        }
    }
    let g = Gazetteer::get();
    for c in chosen.iter_mut().filter(|c| c.kind == EntityKind::Organization) {
        let surface: String = chars[c.span.start..c.span.end].iter().collect();
        let Some(stem_text) = WORDS.iter().find_map(|w| surface.strip_suffix(w)).filter(|s| s.chars().count() >= 2)
        else {
            continue;
        };
        let stem_text = stem_text.to_owned();
        let span = Span::new(c.span.start, c.span.start + stem_text.chars().count());
        if let Some(Some(owner)) = named.get(&stem_text) {
            *c = owner.clone();
        } else if let Some((area, _)) = g.lookup(&stem_text).next() {
            *c = Candidate::new(chars, span, EntityKind::Place, "headquarters", c.priority);
            c.key = Key::Area(area.adcode);
            c.label.clone_from(&area.name);
        } else {
            continue;
        }
        c.span = span;
        c.role = None;
        c.rule = "headquarters";
    }
}

/// A place named with the province or city it lies in before its full name (四川天府新区,
/// 浙江省安吉县) is that area, whatever else the tagger made of the whole; an outer area written in
/// full (南平市 of 南平市政和县) is named too, as a mention of its own.
fn qualified_areas(chars: &[char], chosen: &mut Vec<Candidate>) {
    let g = Gazetteer::get();
    let mut outers = Vec::new();
    for c in chosen.iter_mut().filter(|c| c.kind == EntityKind::Place && matches!(c.key, Key::Place(_))) {
        let surface = &chars[c.span.start..c.span.end];
        let found = (2..surface.len().saturating_sub(2)).find_map(|n| {
            let head: String = surface[..n].iter().collect();
            let rest: String = surface[n..].iter().collect();
            let outer: Vec<(u32, NameForm)> = g.lookup(&head).map(|(a, form)| (a.adcode, form)).collect();
            g.lookup(&rest)
                .find(|(a, form)| *form == NameForm::Full && outer.iter().any(|&(o, _)| g.is_within(a.adcode, o)))
                .map(|(a, _)| {
                    let full_outer = outer
                        .iter()
                        .find(|&&(o, form)| form == NameForm::Full && g.is_within(a.adcode, o))
                        .and_then(|&(o, _)| g.area(o));
                    (a.clone(), n, full_outer.cloned())
                })
        });
        if let Some((area, n, full_outer)) = found {
            let priority = c.priority;
            let span = match &full_outer {
                Some(outer) => {
                    let head = Span::new(c.span.start, c.span.start + n);
                    let mut o = super::rules::area_candidate(chars, head, outer);
                    o.priority = priority;
                    o.rule = "qualified area";
                    outers.push(o);
                    Span::new(head.end, c.span.end)
                }
                None => c.span,
            };
            *c = super::rules::area_candidate(chars, span, &area);
            c.priority = priority;
            c.rule = "qualified area";
        }
    }
    chosen.extend(outers);
}

/// A name whose place is cut to its level word (黑龙江省农业科学院 → 省农业科学院), the way a text
/// about the province shortens it (省农科院).
fn level_only(full: &[char]) -> Option<&[char]> {
    let g = Gazetteer::get();
    (2..full.len().saturating_sub(2)).rev().find_map(|k| {
        let head: String = full[..k].iter().collect();
        // (an autonomous area keeps its whole level word: 自治区文化和旅游厅)
        let level = if k >= 3 && full[k - 3..k - 1] == ['自', '治'] { 3 } else { 1 };
        (matches!(full[k - 1], '省' | '市' | '区' | '县' | '州') && g.lookup(&head).next().is_some())
            .then(|| &full[k - level..])
    })
}

/// A name without the higher places it starts with (大连市金州区市场监督管理局 → 金州区市场监督管理局),
/// the way a text about the district shortens it (金州区市场监管局).
fn without_upper_places(full: &[char]) -> impl Iterator<Item = &[char]> {
    let g = Gazetteer::get();
    let is_place = |p: &[char]| g.lookup(&p.iter().collect::<String>()).next().is_some();
    (2..full.len().saturating_sub(4)).filter_map(move |k| {
        let upper = matches!(full[k - 1], '省' | '市' | '州' | '区') && is_place(&full[..k]);
        let lower = (k + 2..=(k + 6).min(full.len() - 2)).any(|e| is_place(&full[k..e]));
        (upper && lower).then(|| &full[k..])
    })
}

/// A name read without its first char or two (宝垄市 of 与三宝垄市, where the tagger took 三 for
/// a numeral) when the text names the whole elsewhere and no other name holds those chars: a
/// mention of the whole.
fn clipped_heads(chars: &[char], chosen: &mut [Candidate], taken: &mut [bool]) {
    let mut by_label: HashMap<&str, usize> = HashMap::new();
    for (i, c) in chosen.iter().enumerate() {
        if matches!(c.kind, EntityKind::Place | EntityKind::Organization) && c.label.chars().count() >= 3 {
            by_label.entry(c.label.as_str()).or_insert(i);
        }
    }
    let mut found: Vec<(usize, usize, Span)> = Vec::new();
    for (i, c) in chosen.iter().enumerate() {
        if !matches!(c.kind, EntityKind::Place | EntityKind::Organization) {
            continue;
        }
        for k in 1..=2.min(c.span.start) {
            let span = Span::new(c.span.start - k, c.span.end);
            if taken[span.start..c.span.start].iter().any(|t| *t)
                || !chars[span.start..c.span.start].iter().all(|&ch| is_han(ch))
            {
                break;
            }
            if let Some(&o) = by_label.get(slice(chars, span).as_str())
                && o != i
                && chosen[o].kind == c.kind
            {
                found.push((i, o, span));
                break;
            }
        }
    }
    for (i, o, span) in found {
        let owner = chosen[o].clone();
        taken[span.start..span.end].iter_mut().for_each(|t| *t = true);
        chosen[i] = mention_of(&owner, span, "clipped head");
    }
}

/// A mention at `span` of the entity `owner` stands for, found by `rule` (a short form, a
/// contraction …): the owner's identity, label and attributes, no role of its own.
fn mention_of(owner: &Candidate, span: Span, rule: &'static str) -> Candidate {
    Candidate { span, role: None, rule, ..owner.clone() }
}

/// Whether `short` names the body `full` by its place's name, short or full, and the short word
/// for the body (清河中院 for 清河市中级人民法院, 金州法院 for 大连市金州区人民法院).
fn is_place_abbreviation(short: &[char], full: &[char]) -> bool {
    let g = Gazetteer::get();
    super::lexicon::Lexicon::get().body_abbreviations.rows().iter().any(|row| {
        let (Some(abbr), Some(long)) = (row.first(), row.get(1)) else { return false };
        let (abbr, long): (Vec<char>, Vec<char>) = (abbr.chars().collect(), long.chars().collect());
        if !short.ends_with(&abbr) || !full.ends_with(&long) || short.len() < abbr.len() + 2 {
            return false;
        }
        let head: String = short[..short.len() - abbr.len()].iter().collect();
        let place = &full[..full.len() - long.len()];
        // the place's own name ends the full name's places (大连市金州区: 金州区, 金州)
        (0..place.len().saturating_sub(1)).any(|k| {
            let tail: String = place[k..].iter().collect();
            tail == head || g.lookup(&tail).any(|(a, form)| form == NameForm::Full && a.short == head)
        })
    })
}

/// A hospital's name with its ordinal after 附属 (…第一附属医院 → …附属第一医院), the order its
/// contraction follows (某医大附一院).
fn affiliate_order(full: &[char]) -> Option<Vec<char>> {
    let at = full.windows(2).position(|w| w[0] == '第' && crate::text::is_cn_numeral(w[1]))?;
    let n = full[at + 1..].iter().take_while(|&&c| crate::text::is_cn_numeral(c)).count();
    let rest = &full[at + 1 + n..];
    let after = rest.strip_prefix(&['附', '属'][..])?;
    let mut out = full[..at].to_vec();
    out.extend(['附', '属']);
    out.extend_from_slice(&full[at..at + 1 + n]);
    out.extend_from_slice(after);
    Some(out)
}

/// Whether `short` names `full` with its place written short (甘孜州人民医院 for 甘孜藏族自治州人民医院,
/// 凉山州第一人民医院): a place of the gazetteer opens both, the same area, and the rest is one.
fn same_place_written_short(short: &[char], full: &[char]) -> bool {
    if short.len() >= full.len() {
        return false;
    }
    let g = Gazetteer::get();
    let areas = |name: &[char], k: usize| -> Vec<u32> {
        g.lookup(&name[..k].iter().collect::<String>()).map(|(a, _)| a.adcode).collect()
    };
    (2..short.len().saturating_sub(1)).any(|k| {
        let rest = &short[k..];
        let head = areas(short, k);
        !head.is_empty()
            && full.len() > rest.len() + 1
            && full.ends_with(rest)
            && areas(full, full.len() - rest.len()).iter().any(|a| head.contains(a))
    })
}

/// Whether `short` is `full` without the university that opens it (华西医院 for 四川大学华西医院,
/// 湘雅医院): a unit a university's name goes before goes by its own name, when that name is one
/// (not 附属医院 or 第一医院 alone).
fn unit_without_its_university(short: &[char], full: &[char]) -> bool {
    let lex = super::lexicon::Lexicon::get();
    if short.len() < 4 || !full.ends_with(short) || full.len() < short.len() + 4 {
        return false;
    }
    let owner: String = full[..full.len() - short.len()].iter().collect();
    let own_words =
        short.len() - lex.org_suffixes.suffix_of(&short.iter().collect::<String>()).map_or(0, |w| w.chars().count());
    lex.university_suffixes.suffix_of(&owner).is_some()
        && own_words >= 2
        && !crate::lexicon::is_generic(&short[..own_words])
        && !matches!(short[0], '第' | '附')
}

/// Whether `short` is the end of `full` from a place's name on: a branch or unit by its place
/// (寻甸分院 for 某医院寻甸分院, 渝北分公司 for 某集团渝北分公司).
fn is_place_unit(short: &[char], full: &[char]) -> bool {
    if short.len() < 4 || short.len() >= full.len() || !full.ends_with(short) {
        return false;
    }
    let g = Gazetteer::get();
    (2..=short.len() - 2).any(|k| g.lookup(&short[..k].iter().collect::<String>()).next().is_some())
}

/// Whether `short` is a contraction of `full` (see [`contractions`]).
fn is_contraction(short: &[char], full: &[char]) -> bool {
    if short.len() < 3 || short.len() >= full.len() || short[0] != full[0] || full.starts_with(short) {
        return false;
    }
    // ends in the full name's last word: its last char, or the head of a final 委员会/办公室
    let last = short[short.len() - 1];
    let tail_at = full.len().saturating_sub(3);
    if !full[tail_at..].contains(&last) {
        return false;
    }
    // every char of the short name in order
    let mut at = 0;
    for &ch in short {
        match full[at..].iter().position(|&f| f == ch) {
            Some(p) => at += p + 1,
            None => return false,
        }
    }
    // a place and the same ending, or a place and a word of one or two chars, is a name of its
    // own (重庆大学, 中国银行; 北碚区委, 北碚区政府)
    let g = Gazetteer::get();
    let is_place = |head: &[char]| {
        let head: String = head.iter().collect();
        g.lookup(&head).next().is_some() || g.world(&head).is_some() || head == "中国"
    };
    let shared = short.iter().rev().zip(full.iter().rev()).take_while(|(a, b)| a == b).count();
    !((shared >= 1 && is_place(&short[..short.len() - shared]))
        || (short.len() - 2..short.len()).any(|cut| is_place(&short[..cut])))
}

/// A name without its bracketed parts: 中国(绵阳)科技城新区 → 中国科技城新区.
fn without_brackets(name: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(name.len());
    let mut depth = 0usize;
    for &c in name {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn ends_boundary(chars: &[char], i: usize) -> bool {
    super::lexicon::Lexicon::get().boundary_words.ends_at(chars, i)
}

#[cfg(test)]
mod tests {

    #[test]
    fn organizations_claim_their_names_without_legal_form() {
        let chars: Vec<char> = "中国四联集团在北碚投资。四联的项目顺利。保险公司和保险业。".chars().collect();
        let r = resolve(&chars, candidates(&chars));
        let silian = r.entities.iter().find(|e| e.label == "中国四联集团").unwrap();
        assert!(silian.aliases.contains("四联"), "{silian:?}");
        assert!(r.entities.iter().all(|e| e.label != "保险"), "a common word is never claimed");
    }

    #[test]
    fn a_group_and_its_subsidiaries_sharing_a_brand_keep_their_short_names_apart() {
        let text = "重庆岚峰实业集团有限公司旗下的重庆岚峰智能装备有限公司今天投产。岚峰集团董事长出席仪式，岚峰智能总经理介绍了项目。";
        let x = hybrid(text);
        let labels: Vec<&str> = x.entities.iter().map(|e| e.label.as_str()).collect();
        let find = |l: &str| x.entities.iter().find(|e| e.label == l).unwrap_or_else(|| panic!("{l} in {labels:?}"));
        assert!(find("重庆岚峰实业集团有限公司").aliases.iter().any(|a| a == "岚峰集团"), "{labels:?}");
        assert!(find("重庆岚峰智能装备有限公司").aliases.iter().any(|a| a == "岚峰智能"), "{labels:?}");
        assert!(!labels.contains(&"岚峰集团"), "no separate node for the short name: {labels:?}");
    }

    #[test]
    fn full_width_names_are_the_same_organization() {
        let chars: Vec<char> = "ＺＴＥ与中兴通讯签约，ZTE表示满意。".chars().collect();
        let r = resolve(&chars, candidates(&chars));
        let zte: Vec<_> = r.entities.iter().filter(|e| e.label == "中兴通讯").collect();
        assert_eq!(zte.len(), 1);
        assert!(zte[0].aliases.contains("ＺＴＥ") && zte[0].aliases.contains("ZTE"), "{zte:?}");
    }

    #[test]
    fn merges_say_why() {
        let chars: Vec<char> = "北碚区委书记周旭说，北碚将与美利坚合众国和美国企业合作。".chars().collect();
        let r = resolve(&chars, candidates(&chars));
        let beibei = r.entities.iter().find(|e| e.label == "北碚区").unwrap();
        assert!(beibei.aliases.contains("北碚"));
        assert_eq!(
            beibei.attrs.get("merged_because").map(String::as_str),
            Some("same area in the gazetteer (adcode 500109)")
        );
        let us = r.entities.iter().find(|e| e.label == "美国").unwrap();
        assert!(us.aliases.contains("美利坚合众国"), "{us:?}");
        assert!(us.attrs["merged_because"].contains("world gazetteer"));
        let zhou = r.entities.iter().find(|e| e.label == "周旭").unwrap();
        assert!(!zhou.attrs.contains_key("merged_because"), "one name, no merge");
    }

    use super::*;
    use crate::extract::rules::candidates;

    /// The whole extractor on a text of its own.
    fn hybrid(text: &str) -> crate::extract::Extraction {
        use crate::extract::Extractor;
        let doc = crate::ingest::Document::new("t".into(), "t".into(), text.to_owned());
        crate::extract::HybridExtractor.extract(&doc)
    }

    fn run(s: &str) -> (Vec<char>, Resolved) {
        let chars: Vec<char> = s.chars().collect();
        let r = resolve(&chars, candidates(&chars));
        (chars, r)
    }

    #[test]
    fn longest_wins_and_short_forms_merge() {
        let (chars, r) = run("北碚区有中国科学院大学重庆学院。北碚很美,北碚区委书记周旭说。");
        let labels: Vec<&str> = r.entities.iter().map(|e| e.label.as_str()).collect();
        assert!(labels.contains(&"中国科学院大学重庆学院"), "{labels:?}");
        assert!(!labels.contains(&"重庆市"), "{labels:?}");
        let beibei = r.entities.iter().find(|e| e.label == "北碚区").unwrap();
        assert!(beibei.aliases.contains("北碚"));
        for m in &r.mentions {
            let e = &r.entities[m.entity];
            let s = slice(&chars, m.span);
            assert!(s == e.label || e.aliases.contains(&s), "{s} is not a name of {}", e.label);
        }
        for w in r.mentions.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
    }

    #[test]
    fn abbreviations_share_an_entity() {
        let (_, r) = run("中科院重庆绿色智能技术研究院与中国科学院重庆绿色智能技术研究院是同一家。");
        let orgs: Vec<_> = r.entities.iter().filter(|e| e.kind == EntityKind::Organization).collect();
        assert_eq!(orgs.len(), 1, "{orgs:?}");
        assert_eq!(orgs[0].mentions.len(), 2);
    }

    #[test]
    fn a_short_name_declared_after_other_notes_in_the_brackets() {
        let text = "浙江岚川新材料股份有限公司（股票代码：603999，以下简称“岚川新材”）发布公告。岚川新材董事长周启明表示满意。";
        let x = hybrid(text);
        let labels: Vec<&str> = x.entities.iter().map(|e| e.label.as_str()).collect();
        let company = x.entities.iter().find(|e| e.label == "浙江岚川新材料股份有限公司").expect("company");
        assert!(company.aliases.contains("岚川新材"), "{labels:?}");
        assert!(!labels.contains(&"岚川新材"), "{labels:?}");
        assert!(!labels.contains(&"603999"), "a stock code is no person: {labels:?}");
    }

    #[test]
    fn a_headquarters_is_its_body() {
        let text = "福建岚步体育用品股份有限公司（以下简称“岚步体育”）在江西投资建厂。岚步体育总部位于晋江市，研发留在晋江总部。\
                    岚步体育董事局主席施乃川致辞。";
        let x = hybrid(text);
        let labels: Vec<&str> = x.entities.iter().map(|e| e.label.as_str()).collect();
        assert!(labels.iter().all(|l| !l.ends_with("总部")), "{labels:?}");
        let company = x.entities.iter().find(|e| e.label == "福建岚步体育用品股份有限公司").expect("company");
        assert_eq!(
            company.mentions.len(),
            4,
            "the name, its declared short name, the headquarters, the board: {company:?}"
        );
        let jinjiang = x.entities.iter().find(|e| e.label == "晋江市").expect("晋江市");
        assert_eq!(jinjiang.mentions.len(), 2, "{jinjiang:?}");
    }

    #[test]
    fn names_start_after_function_chars_and_referring_nouns() {
        let text = "除宁川锂电外，公司旗下还有控股子公司宁夏宁川硅碳材料有限公司。消费者投诉了生产厂家浙江驰川新能源汽车有限公司。\
                    此次与鸿川公司共建联合研发中心。\
                    于都县委书记赖琦川出席，于都县工业园区管理委员会负责服务。";
        let x = hybrid(text);
        let labels: Vec<&str> = x.entities.iter().map(|e| e.label.as_str()).collect();
        assert!(labels.contains(&"宁夏宁川硅碳材料有限公司"), "{labels:?}");
        assert!(labels.contains(&"浙江驰川新能源汽车有限公司"), "{labels:?}");
        // a county whose name starts with a function char keeps it
        assert!(labels.contains(&"于都县") && labels.contains(&"于都县工业园区管理委员会"), "{labels:?}");
        assert!(labels.iter().all(|l| !l.ends_with("共建")), "{labels:?}");
        assert!(
            labels.iter().all(|l| !l.starts_with('除') && !l.starts_with("控股") && !l.starts_with("生产")),
            "{labels:?}"
        );
    }

    #[test]
    fn joined_names_are_split() {
        let text = "江海大学与图尔库大学签署合作备忘录。由区自然资源局和齐鲁化学工业区管理委员会负责服务。\
                    基地位于印度尼西亚加里曼丹岛。区发展和改革委员会牵头。";
        let x = hybrid(text);
        let labels: Vec<&str> = x.entities.iter().map(|e| e.label.as_str()).collect();
        for name in [
            "江海大学",
            "图尔库大学",
            "区自然资源局",
            "齐鲁化学工业区管理委员会",
            "印度尼西亚",
            "加里曼丹岛",
            "区发展和改革委员会",
        ] {
            assert!(labels.contains(&name), "{name} in {labels:?}");
        }
    }

    #[test]
    fn units_named_for_two_fields() {
        let text = "西秦科技大学化学与化工学院和能新公司共建实验室。双方成立智能传感与精密仪器联合研究中心。我校与黑龙江省农业科学院签约。我们和中国科学院沈阳自动化研究所合作。\
                    来自布拉加艺术与设计高等学院的院长出席。南湖区商务局局长朱立新与利州区经济合作局签约。\
                    云犀智行和渝运公交集团合作。北碚区人民政府共建智能传感与精密仪器联合研究中心。";
        let x = hybrid(text);
        let labels: Vec<&str> = x.entities.iter().map(|e| e.label.as_str()).collect();
        for name in ["西秦科技大学化学与化工学院", "智能传感与精密仪器联合研究中心", "布拉加艺术与设计高等学院"]
        {
            assert!(labels.contains(&name), "{name} in {labels:?}");
        }
        // two bodies, or a verb before the first field, are no such name
        assert!(
            labels.iter().all(|l| !l.contains("局长")
                && !l.contains("智行和")
                && !l.contains("共建")
                && !l.contains("我校")
                && !l.contains("我们")),
            "{labels:?}"
        );
    }

    #[test]
    fn a_foreign_person_goes_by_the_last_part_of_the_name() {
        let text = "布拉加市市长维托尔·马丁斯出席仪式。会前，市委书记会见了马丁斯一行。马丁斯表示，将深化合作。";
        let x = hybrid(text);
        let people: Vec<&Entity> = x.entities.iter().filter(|e| e.kind == EntityKind::Person).collect();
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].label, "维托尔·马丁斯");
        assert_eq!(people[0].mentions.len(), 3, "{people:?}");
    }

    #[test]
    fn a_bare_kind_word_is_the_body_of_that_kind_named_last_before_it() {
        let x =
            hybrid("江西赣江先进材料实验室在南昌揭牌。实验室将开展联合攻关。截至目前，江西已布局建设8家江西实验室。");
        let lab = named(&x, "江西赣江先进材料实验室");
        assert_eq!(lab.len(), 1, "{:?}", x.entities);
        assert!(lab[0].aliases.contains("实验室"), "{:?}", x.entities);
        assert!(named(&x, "江西实验室").iter().all(|e| !e.aliases.contains("实验室")), "{:?}", x.entities);
    }

    #[test]
    fn a_body_by_its_place_written_short_or_without_its_university() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(same_place_written_short(&c("甘孜州人民医院"), &c("甘孜藏族自治州人民医院")));
        assert!(same_place_written_short(&c("凉山州第一人民医院"), &c("凉山彝族自治州第一人民医院")));
        assert!(!same_place_written_short(&c("雅安市人民医院"), &c("甘孜藏族自治州人民医院")));
        assert!(!same_place_written_short(&c("甘孜藏族自治州人民医院"), &c("甘孜州人民医院")));
        assert!(unit_without_its_university(&c("湘雅医院"), &c("中南大学湘雅医院")));
        assert!(!unit_without_its_university(&c("第一医院"), &c("兰州大学第一医院")));
        assert!(!unit_without_its_university(&c("附属医院"), &c("某某医科大学附属医院")));
        assert!(!unit_without_its_university(&c("人民医院"), &c("某某大学人民医院")));
    }

    #[test]
    fn a_hospital_by_its_affiliate_contraction_and_a_branch_by_its_place() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        let full = c("黔州医科大学第二附属医院");
        assert!(affiliate_order(&full).is_some_and(|v| is_contraction(&c("黔医大附二院"), &v)));
        assert!(is_contraction(&c("黔医大二附院"), &full));
        assert_eq!(affiliate_order(&c("黔州医科大学附属医院")), None);
        assert!(is_place_unit(&c("寻甸分院"), &c("黔州医科大学第二附属医院寻甸分院")));
        assert!(is_contraction(&c("建行四川省分行"), &c("建设银行四川省分行")));
        assert!(!is_place_unit(&c("东院分院"), &c("黔州医科大学第二附属医院东院分院")));
        assert!(!is_place_unit(&c("寻甸分院"), &c("寻甸分院")));
    }

    #[test]
    fn contracted_names_are_the_full_ones() {
        for (short, full) in [
            ("南江区文化旅游委", "南江区文化和旅游发展委员会"),
            ("南江区文旅委", "南江区文化和旅游发展委员会"),
            ("东平县文广旅局", "东平县文化广播电视和旅游局"),
            ("湖州市消委会", "湖州市消费者权益保护委员会"),
            ("凯伦德集团", "凯伦德精密部件集团"),
            ("省发改委", "省发展和改革委员会"),
            ("省农科院", "省农业科学院"),
            ("省科技厅", "省科学技术厅"),
        ] {
            let s: Vec<char> = short.chars().collect();
            let f: Vec<char> = full.chars().collect();
            assert!(is_contraction(&s, &f), "{short} of {full}");
        }
        for (short, full) in [
            ("重庆大学", "重庆交通大学"),
            ("中国银行", "中国农业银行"),
            ("南江区委", "南江区委宣传部"),
            ("北碚区委", "北碚区发展改革委"),
            ("北碚区委", "北碚区文化和旅游发展委员会"),
            ("南江区政府办", "南江区文化和旅游发展委员会"),
            ("发展中心", "南江区发展研究中心"),
        ] {
            let s: Vec<char> = short.chars().collect();
            let f: Vec<char> = full.chars().collect();
            assert!(!is_contraction(&s, &f), "{short} is not {full}");
        }
    }

    #[test]
    fn a_contraction_in_a_text_is_a_mention_of_the_full_name() {
        let text = "南江区文化和旅游发展委员会主任李青山介绍了情况。据南江区文化旅游委统计，今年游客增长两成。\
                    凯伦德精密部件集团在当地投资建厂，凯伦德集团首席执行官出席。\
                    黑龙江省农业科学院与大学共建实验室，省农科院院长出席。";
        let x = hybrid(text);
        let labels: Vec<&str> = x.entities.iter().map(|e| e.label.as_str()).collect();
        assert!(!labels.contains(&"南江区文化旅游委") && !labels.contains(&"凯伦德集团"), "{labels:?}");
        let wl = x.entities.iter().find(|e| e.label == "南江区文化和旅游发展委员会").expect("full name");
        assert!(wl.aliases.contains("南江区文化旅游委"), "{wl:?}");
        assert!(!labels.contains(&"省农科院"), "{labels:?}");
        // the district's department without its city
        let x = hybrid("铁岭市清河区市场监督管理局接到举报。清河区市场监管局副局长林海表示，将严肃查处。");
        let labels: Vec<&str> = x.entities.iter().map(|e| e.label.as_str()).collect();
        assert!(!labels.contains(&"清河区市场监管局"), "{labels:?}");
    }

    #[test]
    fn a_foreign_city_is_not_a_person_elsewhere() {
        let text = "柳江市与葡萄牙布拉加市缔结友好城市关系，柳江市市长与布拉加市市长若昂·席尔瓦签署协议。\
                    布拉加市位于葡萄牙北部。柳江与布拉加同为工业重镇，欢迎企业到布拉加投资。";
        let x = hybrid(text);
        let people: Vec<&str> =
            x.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.label.as_str()).collect();
        assert!(people.iter().all(|p| !p.contains("布拉加")), "{people:?}");
        let braga: Vec<&Entity> = x.entities.iter().filter(|e| e.label.contains("布拉加")).collect();
        assert_eq!(braga.len(), 1, "{braga:?}");
        assert!(braga[0].aliases.contains("布拉加"), "{braga:?}");
    }

    #[test]
    fn a_unit_goes_by_its_own_words_after_its_body_is_named() {
        let text = "宁川大学副校长出席。宁川大学化学化工学院与企业签约，化学化工学院院长主持仪式。";
        let x = hybrid(text);
        let labels: Vec<&str> = x.entities.iter().map(|e| e.label.as_str()).collect();
        let unit = x.entities.iter().find(|e| e.label == "宁川大学化学化工学院").expect("the unit");
        assert!(unit.aliases.contains("化学化工学院"), "{labels:?}");
        assert!(!labels.contains(&"化学化工学院"), "{labels:?}");
    }

    #[test]
    fn bare_zone_name_after_the_full_one() {
        let (_, r) = run("歇马片区纳入重庆高新区。两江新区、高新区、自贸区三区叠加。");
        let hx = r.entities.iter().find(|e| e.label == "重庆高新区").unwrap();
        assert!(hx.aliases.contains("高新区"), "{hx:?}");
        assert_eq!(hx.mentions.len(), 2);
    }

    #[test]
    fn a_place_named_with_its_province_before_it_is_that_area() {
        let text = "四川天府新区与两江新区签约。天府新区将建设协同创新中心。";
        let x = hybrid(text);
        let tianfu: Vec<_> = x.entities.iter().filter(|e| e.label.contains("天府新区")).collect();
        assert_eq!(tianfu.len(), 1, "{tianfu:?}");
        assert!(tianfu[0].aliases.contains("四川天府新区"), "{tianfu:?}");
        assert!(tianfu[0].key.adcode().is_some(), "{tianfu:?}");
    }

    #[test]
    fn a_programme_named_by_slogan_and_head_goes_by_both() {
        let x = hybrid("会议强调，要深入实施“强工业”行动。今年以来，“强工业”成效明显。");
        let found: Vec<_> = x.entities.iter().filter(|e| e.label.contains("强工业")).collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].label, "强工业");
        assert!(found[0].aliases.contains("“强工业”行动"), "{found:?}");
    }

    #[test]
    fn a_time_word_glued_before_a_name_is_cut_off() {
        // the tagger reads 当天镇远 over the word boundary (天镇 is a county's name too)
        for text in ["国庆假期当天镇远古城景区游人如织。", "元旦当天镇远古城迎来游客高峰。"]
        {
            let x = hybrid(text);
            let names: Vec<&str> = x
                .entities
                .iter()
                .flat_map(|e| std::iter::once(&e.label).chain(&e.aliases))
                .map(String::as_str)
                .collect();
            assert!(names.iter().any(|n| n.starts_with("镇远古城")), "{names:?}");
            assert!(names.iter().all(|n| !n.starts_with("当天")), "{names:?}");
        }
    }

    /// Every entity whose label or alias is `name`.
    fn named<'a>(x: &'a crate::extract::Extraction, name: &str) -> Vec<&'a Entity> {
        x.entities.iter().filter(|e| e.label == name || e.aliases.contains(name)).collect()
    }

    #[test]
    fn a_foreign_province_with_its_suffix_is_a_place_not_a_person() {
        let x = hybrid("江门市与泰国春武里府缔结友好城市。春武里府府尹致辞。春武里府代表团参观了工业园。");
        let found = named(&x, "春武里府");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, EntityKind::Place, "{found:?}");
    }

    #[test]
    fn a_court_goes_by_its_place_and_short_word() {
        let x = hybrid(
            "株洲市中级人民法院近日审结一起案件。株洲中院认为，被告应当赔偿。大连市甘井子区人民法院也受理了一起纠纷，甘井子法院依法判决。",
        );
        for (short, full) in [("株洲中院", "株洲市中级人民法院"), ("甘井子法院", "大连市甘井子区人民法院")]
        {
            let found = named(&x, short);
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].label, full, "{found:?}");
        }
    }

    #[test]
    fn one_name_read_as_place_and_as_organization_is_one_entity() {
        let x = hybrid("音乐节在宁陕县秦岭文化园开幕。秦岭文化园由宁陕县文旅公司负责运营，去年接待游客50万人次。");
        let found = named(&x, "秦岭文化园");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_company_short_name_keeps_a_county_name_the_text_never_names_as_its_brand() {
        // 青羊 is a district's short name; the text never names that district
        let x = hybrid("四川青羊茶叶制品有限公司与客商签约。青羊茶叶公司董事长介绍了企业情况。");
        let found = named(&x, "青羊茶叶公司");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].label, "四川青羊茶叶制品有限公司", "{found:?}");
        // where the text names the county, the county is the company's place, not its brand
        let x = hybrid("贵州镇远古城旅游发展有限公司负责运营。镇远县位于黔东南。镇远古城景区游人如织。");
        let company = x.entities.iter().find(|e| e.label == "贵州镇远古城旅游发展有限公司").expect("the company");
        assert!(!company.aliases.contains("镇远古城"), "{company:?}");
        assert!(named(&x, "镇远古城").iter().all(|e| e.kind != EntityKind::Organization), "{:?}", x.entities);
    }

    #[test]
    fn a_short_form_of_a_contracted_name_is_the_full_name() {
        let x =
            hybrid("市民向大连市甘井子区市场监督管理局投诉。记者从甘井子区市场监管局获悉，区市场监管局已立案调查。");
        let found = named(&x, "区市场监管局");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].label, "大连市甘井子区市场监督管理局", "{found:?}");
        assert_eq!(x.entities.iter().filter(|e| e.label.contains("市场监")).count(), 1, "{:?}", x.entities);
    }
}
