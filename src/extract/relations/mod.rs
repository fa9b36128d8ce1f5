//! Relations between the entities of one document, each with the text that says so and the
//! wording the text uses as its label.
//!
//! The patterns work on clauses (a sentence cut at ，；：) over *items*: the mentions of
//! entities and the pronoun-like words that stand for them ([`super::discourse`]: 两地, 双方,
//! 该区, 学校 …), so "两地签署《…协议》" relates the two places named before.
//!
//! - [`roles`]: a person's post (`holds_position`, `works_for`) in the body their title names, or
//!   for a bare title in the home area or focus body of its scope; credit lines to the outlet.
//! - [`places`]: containment from the gazetteer, departments and units (`part_of`), zones and
//!   projects named after their place, 位于/坐落于/落户 (`located_in`), 纳入 lists, subsidiaries.
//! - [`actions`]: sister cities and cooperation between the parties named or referred back to,
//!   who signs, issues, builds or launches what (`promotes`, with the subject taken from the
//!   clause, the previous clause or the passive 由), and stated relations that fit no type
//!   (`related`, labelled with the predicate).
//! - [`members`]: members and founders of alliances, associations and consortia, the projects of a
//!   batch and the sub-zones of a free trade zone (`part_of`); listings on an exchange (`related`).
//! - [`supply`]: suppliers and their customers (进入…供应链, 向…供货; `cooperates_with`).
//!
//! Every other pair of entities in one sentence gets the weak `co_occurs` edge.

mod actions;
mod members;
mod places;
mod roles;
mod supply;

use std::collections::{BTreeSet, HashSet};

use super::discourse::{self, Discourse};
use super::lexicon::Lexicon;
use super::resolve::{Mention, Resolved};
use super::{EntityKind, Relation, RelationType};
use crate::ingest::Document;
use crate::text::Span;

/// A mention of an entity, or a word standing for one or more entities.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Item {
    span: Span,
    entities: Vec<usize>,
    /// For a person named after a title: the title phrase.
    role: Option<Span>,
    /// Whether this is a pronoun-like word rather than a name.
    reference: bool,
}

/// What the patterns of one document share.
struct Cx<'a> {
    doc: &'a Document,
    chars: &'a [char],
    r: &'a Resolved,
    d: Discourse,
    lex: &'static Lexicon,
    /// Every item, sorted by position.
    items: Vec<Item>,
    /// The names of the document's places, longest first ([`super::resolve::place_names`]).
    place_names: Vec<(String, usize)>,
}

impl Cx<'_> {
    fn kind(&self, e: usize) -> EntityKind {
        self.r.entities[e].kind
    }

    fn text(&self, span: Span) -> String {
        crate::text::slice(self.chars, span)
    }

    /// The items inside a span.
    fn items_in(&self, span: Span) -> &[Item] {
        let from = self.items.partition_point(|m| m.span.start < span.start);
        let to = self.items.partition_point(|m| m.span.start < span.end).max(from);
        let slice = &self.items[from..to];
        let keep = slice.iter().take_while(|m| m.span.end <= span.end).count();
        &slice[..keep]
    }

    /// The mentions inside a span (mentions are sorted and do not overlap).
    fn mentions_in(&self, span: Span) -> &[Mention] {
        let ms = &self.r.mentions;
        let from = ms.partition_point(|m| m.span.start < span.start);
        let to = ms.partition_point(|m| m.span.start < span.end).max(from);
        let slice = &ms[from..to];
        let keep = slice.iter().take_while(|m| m.span.end <= span.end).count();
        &slice[..keep]
    }

    /// The sentence around a position.
    fn sentence_of(&self, pos: usize) -> Option<Span> {
        self.doc.sentence_at(pos).map(|i| self.doc.sentences[i])
    }
}

fn push(out: &mut Vec<Relation>, source: usize, target: usize, kind: RelationType, label: &str, evidence: Span) {
    if source != target {
        out.push(Relation { source, target, kind, label: label.to_owned(), evidence });
    }
}

/// The clauses of a sentence: cut at commas, semicolons and colons.
fn clauses(chars: &[char], sentence: Span) -> Vec<Span> {
    parts(chars, sentence, &['，', ',', '；', ';', '：', ':'])
}

/// The non-empty parts of a span between its marks (each part without them).
fn parts(chars: &[char], span: Span, marks: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    for (i, c) in chars.iter().enumerate().take(span.end).skip(span.start) {
        if marks.contains(c) {
            if i > start {
                out.push(Span::new(start, i));
            }
            start = i + 1;
        }
    }
    if span.end > start {
        out.push(Span::new(start, span.end));
    }
    out
}

/// The outlet of the document: the body the cleaner read from its source line (来源), else the
/// body of its 来源 credit line, else a medium in a byline.
fn outlet(doc: &Document, r: &Resolved, chars: &[char]) -> Option<usize> {
    // the outlet the cleaner read from the page's source line
    if let Some(source) = doc.source.as_deref() {
        let named = |e: &super::Entity| e.label == source || e.aliases.contains(source);
        if let Some(e) = r.entities.iter().position(|e| e.kind == EntityKind::Organization && named(e)) {
            return Some(e);
        }
    }
    let credit = r.mentions.iter().find(|m| {
        m.rule == "credit line" && r.entities[m.entity].kind == EntityKind::Organization && {
            let before: String = chars[m.span.start.saturating_sub(4)..m.span.start].iter().collect();
            before.contains("来源") || before.contains("稿源")
        }
    });
    credit.map(|m| m.entity).or_else(|| {
        let media = Lexicon::get();
        r.mentions
            .iter()
            .find(|m| {
                r.entities[m.entity].kind == EntityKind::Organization
                    && (media.media_title_endings.suffix_of(&r.entities[m.entity].label).is_some()
                        || r.entities[m.entity].label.ends_with(['网', '社']))
                    && reporter_follows(chars, m.span.end)
            })
            .map(|m| m.entity)
    })
}

/// Whether a reporter's label follows a medium's name: 记者, or 记者 after a word of a few chars
/// (全媒体记者, 首席记者), or after the dateline of a wire (新华社北京8月21日电（记者 …）).
fn reporter_follows(chars: &[char], at: usize) -> bool {
    let near = (at..(at + 4).min(chars.len().saturating_sub(1)))
        .find(|&i| chars[i] == '记' && chars[i + 1] == '者')
        .is_some_and(|i| chars[at..i].iter().all(|&c| crate::text::is_han(c)));
    // (or after a wire's dateline: 新华社北京8月21日电（记者 …）)
    let dateline = (at..(at + DATELINE_REACH).min(chars.len()))
        .find(|&i| chars[i] == '电')
        .filter(|&i| {
            chars[at..i].iter().all(|&c| crate::text::is_han(c) || c.is_ascii_digit()) && chars[at..i].contains(&'日')
        })
        .is_some_and(|i| {
            let after = &chars[i + 1..];
            let after = after.strip_prefix(&['（']).or_else(|| after.strip_prefix(&['('])).unwrap_or(after);
            after.starts_with(&['记', '者'])
        });
    near || dateline
}

/// How far after a wire's name its dateline's 电 may stand (新华社乌鲁木齐12月31日电).
const DATELINE_REACH: usize = 16;

/// Finds the relations of one document.
#[must_use]
pub fn find(doc: &Document, chars: &[char], r: &Resolved) -> Vec<Relation> {
    let d = discourse::analyse(chars, r, outlet(doc, r, chars));
    let mut items: Vec<Item> = r
        .mentions
        .iter()
        .map(|m| Item { span: m.span, entities: vec![m.entity], role: m.role, reference: false })
        .collect();
    items.extend(d.references.iter().map(|x| Item {
        span: x.span,
        entities: x.entities.clone(),
        role: None,
        reference: true,
    }));
    items.sort_by_key(|i| (i.span.start, i.span.end));
    let place_names = super::resolve::place_names(&r.entities);
    let cx = Cx { doc, chars, r, d, lex: Lexicon::get(), items, place_names };
    let mut out: Vec<Relation> = Vec::new();
    roles::find(&cx, &mut out);
    roles::appointed(&cx, &mut out);
    places::containment(&cx, &mut out);
    places::bodies_of_places(&cx, &mut out);
    places::adjacent_zones(&cx, &mut out);
    places::named_after_areas(&cx, &mut out);
    places::scenes(&cx, &mut out);
    let mut lists = places::Lists::default();
    for sentence in &doc.sentences {
        places::have_and_enumerated(&cx, *sentence, &mut out);
        places::located_in(&cx, *sentence, &mut out);
        places::attracted(&cx, *sentence, &mut out);
        roles::assigned(&cx, *sentence, &mut out);
        places::inside(&cx, *sentence, &mut out);
        places::founded_in(&cx, *sentence, &mut out);
        places::held_in(&cx, *sentence, &mut out);
        places::inclusion(&cx, *sentence, &mut lists, &mut out);
        places::subsidiaries(&cx, *sentence, &mut out);
        places::own_subsidiaries(&cx, *sentence, &mut out);
        places::brands(&cx, *sentence, &mut out);
        // each clause of a list of signings (甲与乙签约A项目；丙与丁签约B项目) has its own parties
        for clause in parts(cx.chars, *sentence, &['；']) {
            actions::parties(&cx, clause, &mut out);
        }
        actions::joint_clauses(&cx, *sentence, &mut out);
        actions::promotes(&cx, *sentence, &mut out);
        actions::built_by(&cx, *sentence, &mut out);
        actions::in_charge(&cx, *sentence, &mut out);
        actions::alongside(&cx, *sentence, &mut out);
        actions::related(&cx, *sentence, &mut out);
        members::find(&cx, *sentence, &mut out);
        supply::find(&cx, *sentence, &mut out);
    }
    lists.locate_members(&cx, &mut out);
    members::batch_parts(&cx, &mut out);
    members::sub_zones(&cx, &mut out);
    // last: only what the text located nowhere more precisely
    places::named_after_places(&cx, &mut out);
    places::towns(&cx, &mut out);
    actions::inside_names(&cx, &mut out);
    actions::programme_lists(&cx, &mut out);
    co_occurrence(&cx, &mut out);
    dedup(out)
}

/// How far apart (in chars) two mentions of an overlong sentence may be to co-occur.
const CO_OCCURRENCE_WINDOW: usize = 150;

/// Every pair of entities in one sentence with no typed relation between them.
fn co_occurrence(cx: &Cx<'_>, out: &mut Vec<Relation>) {
    let typed: HashSet<(usize, usize)> =
        out.iter().flat_map(|x| [(x.source, x.target), (x.target, x.source)]).collect();
    for sentence in &cx.doc.sentences {
        let ms = cx.mentions_in(*sentence);
        // in a sentence longer than a paragraph (text without punctuation), only mentions near
        // each other count: a pair per window, not every pair of the whole text
        let window = if sentence.len() <= CO_OCCURRENCE_WINDOW * 2 { usize::MAX } else { CO_OCCURRENCE_WINDOW };
        let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
        for (i, a) in ms.iter().enumerate() {
            for b in ms[i + 1..].iter().take_while(|b| b.span.start - a.span.start <= window) {
                let pair = (a.entity.min(b.entity), a.entity.max(b.entity));
                if pair.0 != pair.1 && !typed.contains(&pair) {
                    pairs.insert(pair);
                }
            }
        }
        for (a, b) in pairs {
            push(out, a, b, RelationType::CoOccurs, RelationType::CoOccurs.label_zh(), *sentence);
        }
    }
}

/// One relation per (pair, type, evidence); of the typed relations between one pair, a more
/// specific type wins over `related`, and the first label is kept.
fn dedup(mut rels: Vec<Relation>) -> Vec<Relation> {
    let mut seen = HashSet::new();
    rels.retain(|x| {
        let (a, b) =
            if x.kind.is_symmetric() && x.target < x.source { (x.target, x.source) } else { (x.source, x.target) };
        seen.insert((a, b, x.kind, x.evidence))
    });
    let typed: HashSet<(usize, usize)> = rels
        .iter()
        .filter(|x| !matches!(x.kind, RelationType::Related | RelationType::CoOccurs))
        .flat_map(|x| [(x.source, x.target), (x.target, x.source)])
        .collect();
    rels.retain(|x| x.kind != RelationType::Related || !typed.contains(&(x.source, x.target)));
    rels
}

#[cfg(test)]
mod tests;
