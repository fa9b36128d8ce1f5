//! Relations between the entities of one document, each with the text that says so.
//!
//! Typed patterns first: a person's title phrase (`holds_position`, `works_for`), the gazetteer's
//! containment (`part_of`), "PLACE 有 … 等" and enterprises enumerated in a place's sentence
//! (`located_in`), 缔结友好城市 (`sister_city`), 合作 between two parties (`cooperates_with`), and
//! 打造/推进/制定 + an initiative (promotes). 两地/双方 resolve to the two places named last.
//! Every other pair of entities in one sentence gets the weak `co_occurs` edge.

use std::collections::HashSet;

use super::gazetteer::Gazetteer;
use super::resolve::{Mention, Resolved};
use super::{EntityKind, Relation, RelationType};
use crate::ingest::Document;
use crate::text::Span;

/// Words that refer back to the two places just named.
const BOTH_PARTIES: &[&str] = &["两地", "双方", "两市", "两区", "两县", "两省"];
const SISTER_WORDS: &[&str] = &["友好城市", "姊妹城市", "友城", "友好城区", "友好县"];
const COOPERATION_WORDS: &[&str] = &["合作", "携手", "共建", "联手", "协作"];
const PROMOTE_VERBS: &[&str] =
    &["打造", "推进", "推动", "建设", "制定", "实施", "创建", "落实", "启动", "融入", "争创", "共建"];
const HAVE_WORDS: &[&str] = &["拥有", "有"];
/// "A … 纳入 B": A becomes part of B.
const INCLUSION_WORDS: &[&str] = &["纳入", "划入", "并入", "划归", "隶属于", "隶属"];

/// Finds the relations of one document.
#[must_use]
pub fn find(doc: &Document, chars: &[char], r: &Resolved) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::new();
    roles(chars, r, &mut out);
    containment(doc, r, &mut out);
    // the two most recent distinct places before the current sentence (for 两地/双方)
    let mut before: Vec<usize> = Vec::new();
    for sentence in &doc.sentences {
        let ms: Vec<&Mention> = mentions_in(r, *sentence).iter().collect();
        located_in(chars, *sentence, &ms, r, &mut out);
        inclusion(chars, *sentence, &ms, r, &mut out);
        sister_and_cooperation(chars, *sentence, &ms, r, &before, &mut out);
        promotes(chars, *sentence, &ms, r, &before, &mut out);
        for m in &ms {
            if kind(r, m) == EntityKind::Place && r.entities[m.entity].attrs.contains_key("adcode") {
                before.retain(|&e| e != m.entity);
                before.insert(0, m.entity);
                before.truncate(2);
            }
        }
    }
    co_occurrence(doc, r, &mut out);
    dedup(out)
}

/// The mentions inside a span (mentions are sorted and do not overlap).
fn mentions_in(r: &Resolved, span: Span) -> &[Mention] {
    let from = r.mentions.partition_point(|m| m.span.start < span.start);
    let to = r.mentions.partition_point(|m| m.span.start < span.end);
    let slice = &r.mentions[from..to.max(from)];
    let keep = slice.iter().take_while(|m| m.span.end <= span.end).count();
    &slice[..keep]
}

fn kind(r: &Resolved, m: &Mention) -> EntityKind {
    r.entities[m.entity].kind
}

fn push(out: &mut Vec<Relation>, source: usize, target: usize, kind: RelationType, evidence: Span) {
    if source != target {
        out.push(Relation { source, target, kind, evidence });
    }
}

fn contains_word(chars: &[char], span: Span, words: &[&str]) -> Option<usize> {
    (span.start..span.end).find(|&i| words.iter().any(|w| super::lexicon::starts_with_word(chars, i, w)))
}

/// `holds_position` / `works_for` from a person's title phrase: an organization in it is an employer,
/// a place (or a place's party committee or government) is where the position is held.
fn roles(chars: &[char], r: &Resolved, out: &mut Vec<Relation>) {
    let g = Gazetteer::get();
    for m in &r.mentions {
        let Some(role) = m.role else { continue };
        let evidence = Span::new(role.start, m.span.end);
        let mut linked = false;
        for inner in mentions_in(r, role) {
            let e = &r.entities[inner.entity];
            match e.kind {
                EntityKind::Organization if !is_place_government(chars, inner.span) => {
                    push(out, m.entity, inner.entity, RelationType::WorksFor, evidence);
                    linked = true;
                }
                EntityKind::Organization | EntityKind::Place => {
                    // 北碚区委 → the position is in 北碚区
                    if let Some(place) = place_entity_in(chars, inner.span, r, g) {
                        push(out, m.entity, place, RelationType::HoldsPosition, evidence);
                        linked = true;
                    }
                }
                _ => {}
            }
        }
        if !linked {
            // the place is not an entity of its own here: the position is in the body that holds it
            let body = place_entity_in(chars, role, r, g).or_else(|| {
                mentions_in(r, role).iter().find(|o| kind(r, o) == EntityKind::Organization).map(|o| o.entity)
            });
            if let Some(body) = body {
                push(out, m.entity, body, RelationType::HoldsPosition, evidence);
            }
        }
    }
}

/// Whether an organization mention is a place's party committee, government or congress.
fn is_place_government(chars: &[char], span: Span) -> bool {
    let s: String = chars[span.start..span.end].iter().collect();
    ["区委", "市委", "县委", "省委", "州委", "党委", "政府", "人大", "政协"].iter().any(|w| s.ends_with(w))
        && Gazetteer::get()
            .lookup(&s.chars().take(s.chars().count().saturating_sub(2)).collect::<String>())
            .next()
            .is_some()
}

/// The entity of the longest gazetteer place named inside `span`, if the document has it.
fn place_entity_in(chars: &[char], span: Span, r: &Resolved, g: &Gazetteer) -> Option<usize> {
    for len in (2..=span.len()).rev() {
        for s in span.start..=span.end - len {
            let name: String = chars[s..s + len].iter().collect();
            for (area, _) in g.lookup(&name) {
                let key = format!("place:{}", area.adcode);
                if let Some(i) = r.entities.iter().position(|e| e.key == key) {
                    return Some(i);
                }
            }
        }
    }
    None
}

/// `part_of` from the gazetteer: a place and the nearest of its ancestors the document names.
fn containment(doc: &Document, r: &Resolved, out: &mut Vec<Relation>) {
    let g = Gazetteer::get();
    for (i, e) in r.entities.iter().enumerate() {
        let Some(code) = e.attrs.get("adcode").and_then(|a| a.parse::<u32>().ok()) else { continue };
        let parent = g.ancestors(code).skip(1).find_map(|a| {
            let key = format!("place:{}", a.adcode);
            r.entities.iter().position(|x| x.key == key)
        });
        let Some(parent) = parent else { continue };
        // evidence: a sentence naming both, else the child's first mention's sentence
        let sentence_of = |span: Span| doc.sentence_at(span.start).map(|s| doc.sentences[s]);
        let both = e
            .mentions
            .iter()
            .filter_map(|m| sentence_of(*m))
            .find(|s| r.entities[parent].mentions.iter().any(|pm| s.contains(*pm)));
        let evidence = both.or_else(|| e.mentions.first().and_then(|m| sentence_of(*m)));
        if let Some(ev) = evidence {
            push(out, i, parent, RelationType::PartOf, ev);
        }
    }
}

/// The place a sentence is about: the first county- or city-level place it names.
fn topic_place(ms: &[&Mention], r: &Resolved) -> Option<usize> {
    ms.iter()
        .find(|m| kind(r, m) == EntityKind::Place && r.entities[m.entity].attrs.contains_key("adcode"))
        .map(|m| m.entity)
}

/// "PLACE 有 A、B 等…": organizations listed after a place that has them; and enterprises
/// enumerated (…等骨干企业) in a sentence about a place.
fn located_in(chars: &[char], sentence: Span, ms: &[&Mention], r: &Resolved, out: &mut Vec<Relation>) {
    for (i, m) in ms.iter().enumerate() {
        if kind(r, m) != EntityKind::Place {
            continue;
        }
        let after = m.span.end;
        if !HAVE_WORDS.iter().any(|w| super::lexicon::starts_with_word(chars, after, w)) {
            continue;
        }
        let clause_end = (after..sentence.end).find(|&j| matches!(chars[j], '。' | '；' | ';')).unwrap_or(sentence.end);
        for o in ms[i + 1..].iter().filter(|o| o.span.end <= clause_end && kind(r, o) == EntityKind::Organization) {
            push(out, o.entity, m.entity, RelationType::LocatedIn, sentence);
        }
    }
    if let Some(place) = topic_place(ms, r) {
        for o in ms.iter().filter(|o| kind(r, o) == EntityKind::Organization && is_enumerated(chars, o.span)) {
            push(out, o.entity, place, RelationType::LocatedIn, sentence);
        }
    }
}

/// Whether a mention is an item of an enumeration of organizations ("A、B等骨干企业").
fn is_enumerated(chars: &[char], span: Span) -> bool {
    let mut i = span.end;
    while i < chars.len() && i < span.end + 30 && !matches!(chars[i], '，' | ',' | '。' | '；' | ';') {
        if chars[i] == '等'
            && super::lexicon::ORG_HYPERNYMS.iter().any(|h| super::lexicon::starts_with_word(chars, i + 1, h))
        {
            return true;
        }
        i += 1;
    }
    false
}

/// "歇马片区…纳入重庆高新区": the nearest place before the verb becomes part of the first place
/// after it, within one clause.
fn inclusion(chars: &[char], sentence: Span, ms: &[&Mention], r: &Resolved, out: &mut Vec<Relation>) {
    let is_place = |m: &&&Mention| kind(r, m) == EntityKind::Place;
    for v in sentence.start..sentence.end {
        if !INCLUSION_WORDS.iter().any(|w| super::lexicon::starts_with_word(chars, v, w)) {
            continue;
        }
        let clause_break = |a: usize, b: usize| chars[a..b].iter().any(|c| matches!(c, '，' | ',' | '。' | '；' | ';'));
        let part = ms.iter().filter(is_place).rfind(|m| m.span.end <= v && !clause_break(m.span.end, v));
        let whole = ms.iter().filter(is_place).find(|m| m.span.start > v && !clause_break(v, m.span.start));
        if let (Some(a), Some(b)) = (part, whole) {
            push(out, a.entity, b.entity, RelationType::PartOf, sentence);
        }
    }
}

/// The two parties a sentence speaks of: "A与B", "A和B" between places or organizations, or
/// 两地/双方 for the two places named last.
fn parties(chars: &[char], ms: &[&Mention], r: &Resolved, before: &[usize]) -> Option<(usize, usize)> {
    for w in ms.windows(2) {
        let gap: String = chars[w[0].span.end..w[1].span.start].iter().collect();
        let both_actors =
            [w[0], w[1]].iter().all(|m| matches!(kind(r, m), EntityKind::Place | EntityKind::Organization));
        if both_actors && ["与", "和", "同", "及"].contains(&gap.as_str()) && w[0].entity != w[1].entity {
            return Some((w[0].entity, most_specific(ms, w[1], r)));
        }
    }
    (before.len() == 2).then(|| (before[1], before[0]))
}

/// 四川省绵阳市: a place directly followed by a place inside it stands for the inner one.
fn most_specific(ms: &[&Mention], m: &Mention, r: &Resolved) -> usize {
    let g = Gazetteer::get();
    let code = |e: usize| r.entities[e].attrs.get("adcode").and_then(|a| a.parse::<u32>().ok());
    let mut cur = m;
    while let Some(next) = ms.iter().find(|n| n.span.start == cur.span.end) {
        match (code(cur.entity), code(next.entity)) {
            (Some(outer), Some(inner)) if inner != outer && g.is_within(inner, outer) => cur = next,
            _ => break,
        }
    }
    cur.entity
}

fn sister_and_cooperation(
    chars: &[char],
    sentence: Span,
    ms: &[&Mention],
    r: &Resolved,
    before: &[usize],
    out: &mut Vec<Relation>,
) {
    let refers_back = contains_word(chars, sentence, BOTH_PARTIES).is_some();
    let pair = parties(chars, ms, r, before).filter(|_| refers_back || ms.len() >= 2);
    let pair = if refers_back {
        (before.len() == 2).then(|| (before[1], before[0])).or(pair)
    } else {
        pair.filter(|(a, b)| ms.iter().any(|m| m.entity == *a) && ms.iter().any(|m| m.entity == *b))
    };
    let Some((a, b)) = pair else { return };
    if contains_word(chars, sentence, SISTER_WORDS).is_some() {
        push(out, a, b, RelationType::SisterCity, sentence);
    }
    if contains_word(chars, sentence, COOPERATION_WORDS).is_some() {
        push(out, a, b, RelationType::CooperatesWith, sentence);
    }
}

/// An actor that 打造/推进/制定 an initiative: the parties referred back to, or the sentence's
/// place.
fn promotes(chars: &[char], sentence: Span, ms: &[&Mention], r: &Resolved, before: &[usize], out: &mut Vec<Relation>) {
    let initiatives: Vec<&&Mention> = ms
        .iter()
        .filter(|m| kind(r, m) == EntityKind::Initiative)
        .filter(|m| {
            // a promoting verb shortly before the initiative (allowing an opening quote and adverbs)
            let from = m.span.start.saturating_sub(6).max(sentence.start);
            contains_word(chars, Span::new(from, m.span.start), PROMOTE_VERBS).is_some()
        })
        .collect();
    if initiatives.is_empty() {
        return;
    }
    let both = contains_word(chars, sentence, BOTH_PARTIES).is_some() && before.len() == 2;
    for i in initiatives {
        // the actor is named before the initiative: the parties referred back to, or the place the
        // sentence opens with
        let actors: Vec<usize> = if both {
            before.to_vec()
        } else {
            let earlier: Vec<&Mention> = ms.iter().copied().filter(|m| m.span.end <= i.span.start).collect();
            topic_place(&earlier, r).into_iter().collect()
        };
        for a in actors {
            push(out, a, i.entity, RelationType::Promotes, sentence);
        }
    }
}

/// Every pair of entities in one sentence with no typed relation between them.
fn co_occurrence(doc: &Document, r: &Resolved, out: &mut Vec<Relation>) {
    let typed: HashSet<(usize, usize)> =
        out.iter().flat_map(|x| [(x.source, x.target), (x.target, x.source)]).collect();
    for sentence in &doc.sentences {
        let mut ents: Vec<usize> = mentions_in(r, *sentence).iter().map(|m| m.entity).collect();
        ents.sort_unstable();
        ents.dedup();
        for (i, &a) in ents.iter().enumerate() {
            for &b in &ents[i + 1..] {
                if !typed.contains(&(a, b)) {
                    push(out, a, b, RelationType::CoOccurs, *sentence);
                }
            }
        }
    }
}

fn dedup(mut rels: Vec<Relation>) -> Vec<Relation> {
    let mut seen = HashSet::new();
    rels.retain(|x| {
        let (a, b) =
            if x.kind.is_symmetric() && x.target < x.source { (x.target, x.source) } else { (x.source, x.target) };
        seen.insert((a, b, x.kind, x.evidence))
    });
    rels
}

#[cfg(test)]
mod tests {
    use crate::extract::{Extractor, RelationType, RuleExtractor};
    use crate::ingest::Document;

    fn rels(text: &str) -> Vec<(String, String, RelationType)> {
        let doc = Document::new("t".into(), "t".into(), text.to_owned());
        let x = RuleExtractor.extract(&doc);
        x.relations
            .iter()
            .map(|r| (x.entities[r.source].label.clone(), x.entities[r.target].label.clone(), r.kind))
            .collect()
    }

    fn has(rs: &[(String, String, RelationType)], a: &str, b: &str, t: RelationType) -> bool {
        rs.iter().any(|(x, y, k)| *k == t && (x == a && y == b || t.is_symmetric() && x == b && y == a))
    }

    #[test]
    fn title_gives_position_and_employer() {
        let rs = rels("北碚区委书记周旭表示,北碚要发展。\n重庆晨报·上游新闻记者 王淳");
        assert!(has(&rs, "周旭", "北碚区", RelationType::HoldsPosition), "{rs:?}");
        assert!(has(&rs, "王淳", "重庆晨报", RelationType::WorksFor), "{rs:?}");
    }

    #[test]
    fn inclusion_and_enumerated_enterprises() {
        let rs = rels("歇马片区约58平方公里全域纳入重庆高新区。北碚区将发挥京东方等骨干企业引领作用。");
        assert!(has(&rs, "歇马片区", "重庆高新区", RelationType::PartOf), "{rs:?}");
        assert!(has(&rs, "京东方", "北碚区", RelationType::LocatedIn), "{rs:?}");
    }

    #[test]
    fn containment_and_located_in() {
        let rs = rels("北碚区与四川省绵阳市开展合作。北碚有西南大学、长江师范学院等高校。");
        assert!(has(&rs, "绵阳市", "四川省", RelationType::PartOf), "{rs:?}");
        assert!(has(&rs, "北碚区", "绵阳市", RelationType::CooperatesWith), "{rs:?}");
        assert!(has(&rs, "西南大学", "北碚区", RelationType::LocatedIn), "{rs:?}");
    }

    #[test]
    fn both_parties_refer_back() {
        let rs = rels("江津区与宜宾市交流频繁。一个月里,两地缔结了友好城市,共同制定“三年行动计划”。");
        assert!(has(&rs, "江津区", "宜宾市", RelationType::SisterCity), "{rs:?}");
        assert!(has(&rs, "江津区", "三年行动计划", RelationType::Promotes), "{rs:?}");
        assert!(has(&rs, "宜宾市", "三年行动计划", RelationType::Promotes), "{rs:?}");
    }

    #[test]
    fn co_occurrence_is_the_fallback_within_one_sentence() {
        let rs = rels("西南大学与重庆大学的学者在绵阳交流。北京大学很远。");
        assert!(has(&rs, "西南大学", "绵阳市", RelationType::CoOccurs), "{rs:?}");
        assert!(has(&rs, "西南大学", "重庆大学", RelationType::CoOccurs), "{rs:?}");
        assert!(!rs.iter().any(|(a, b, _)| a == "北京大学" || b == "北京大学"), "{rs:?}");
    }
}
