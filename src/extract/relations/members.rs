//! Members of groups (`part_of`, labelled with the member word or the verb: the vocabulary of the
//! shared design has no membership type, and analysts annotate a member as part of its group):
//! "某医联体首批成员单位包括甲、乙和丙" and "甲、乙加入某产业联盟";
//! the projects of a batch (`part_of`): 某高新区2024年第一批重点项目 … 其中，甲项目…；乙项目…; and the
//! sub-zones of a zone named with it (`part_of`): 中国（黑龙江）自由贸易试验区哈尔滨片区; and
//! companies listed on an exchange (`related`, 上市): 甲在上海证券交易所科创板上市; and the
//! founders of a group (某联盟由甲牵头，联合乙、丙共同发起成立).
//! The group is the body named before the member word in its clause (某联盟成员单位), else the
//! group (a body whose name ends like an alliance, an association or a consortium: 联盟, 医联体,
//! 商会) named last in the sentence or the one before; after a joining verb it is the body named
//! right after the verb, and the members are the bodies listed right before it.

use super::{Cx, Item, Relation, clauses, parts, push};
use crate::extract::{EntityKind, RelationType};
use crate::text::Span;

/// How many chars may stand between a member word and the word that opens its list (成员单位
/// 包括, 首批成员单位主要有).
const LIST_OPENER_REACH: usize = 3;

pub(super) fn find(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    listed_members(cx, sentence, out);
    joiners(cx, sentence, out);
    listed_companies(cx, sentence, out);
    founders(cx, sentence, out);
}

/// Verbs of founding a group together: its founders are its first members.
const FOUNDING_TOGETHER: [&str; 5] = ["共同发起成立", "共同发起设立", "共同发起组建", "联合发起成立", "联合发起设立"];

/// "<group>由A牵头，联合B、C等…共同发起成立", "A、B共同发起成立<group>": the bodies named
/// with the verb are members (label 共同发起); a body that only guides or hosts (在甲指导下) is
/// none.
fn founders(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let text: Vec<char> = cx.chars[sentence.start..sentence.end].to_vec();
    let Some((v, verb_len)) = (0..text.len()).find_map(|i| {
        FOUNDING_TOGETHER
            .iter()
            .find(|w| w.chars().enumerate().all(|(k, c)| text.get(i + k) == Some(&c)))
            .map(|w| (i, w.chars().count()))
    }) else {
        return;
    };
    let verb_at = sentence.start + v;
    let items = cx.items_in(Span::new(sentence.start, verb_at));
    // the group named right after the verb (共同发起成立某联盟), else the one named first before it
    // that is no guide or host of the founding (在某协会指导下)
    let guides = |it: &Item| {
        let after = cx.text(Span::new(it.span.end, (it.span.end + 3).min(verb_at)));
        ["指导", "的指导", "主办", "支持"].iter().any(|w| after.starts_with(w))
    };
    let group_of = |it: &Item| it.entities.iter().copied().find(|&e| is_group(cx, e));
    let named_after =
        cx.items_in(sentence).iter().find(|it| it.span.start == verb_at + verb_len && !it.reference).and_then(group_of);
    let before = items.iter().position(|it| !it.reference && !guides(it) && group_of(it).is_some());
    let (group, from) = match (named_after, before) {
        (Some(g), _) => (g, 0),
        (None, Some(k)) => (group_of(&items[k]).unwrap_or_default(), k + 1),
        (None, None) => return,
    };
    for it in items[from..].iter().filter(|it| !it.reference) {
        let after = cx.text(Span::new(it.span.end, (it.span.end + 4).min(verb_at)));
        if after.starts_with("指导") || after.starts_with("的指导") {
            continue;
        }
        for &m in it.entities.iter().filter(|&&m| m != group && cx.kind(m) == EntityKind::Organization) {
            push(out, m, group, RelationType::PartOf, "共同发起", sentence);
        }
    }
}

/// How far after an exchange's name its 上市 may stand (在上海证券交易所科创板上市).
const LISTING_REACH: usize = 8;
/// How far before the exchange the listed company may be named (甲于2021年在).
const LISTING_GAP: usize = 10;

/// "A(于2021年)在某证券交易所(科创板)上市": the company is listed on the exchange (`related`, label
/// 上市). The company is the body named right before 在, else, for a clause that opens with 在 or a
/// date (…成立于2008年，2020年在…上市), the company the document is about. Not a delisting
/// (终止上市), nor companies counted (在…上市的企业).
fn listed_companies(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let items = cx.items_in(sentence);
    for (k, it) in items.iter().enumerate() {
        let [exchange] = it.entities[..] else { continue };
        let label = &cx.r.entities[exchange].label;
        if it.reference
            || cx.kind(exchange) != EntityKind::Organization
            || !(label.ends_with("交易所") || label.ends_with("交所"))
        {
            continue;
        }
        let after = cx.text(Span::new(it.span.end, (it.span.end + LISTING_REACH).min(sentence.end)));
        let Some(at) = after.find("上市") else { continue };
        let between = &after[..at];
        let rest = &after[at + "上市".len()..];
        // (not a delisting, nor companies counted: 在某交易所上市的企业达58家)
        if between.contains(['，', ',', '。', '；'])
            || ["终止", "暂停", "退市"].iter().any(|w| between.ends_with(w))
            || rest.starts_with('的')
        {
            continue;
        }
        // the company right before 在 (甲于2021年在…), else the company the document is about
        let company = k.checked_sub(1).map(|j| &items[j]).filter(|c| {
            let gap = cx.text(Span::new(c.span.end, it.span.start));
            gap.ends_with('在')
                && gap.chars().count() <= LISTING_GAP
                && !gap.contains(['，', ',', '。', '；'])
                && c.entities.iter().all(|&e| cx.kind(e) == EntityKind::Organization)
        });
        let company = company.map(|c| c.entities.clone()).or_else(|| {
            let opens =
                cx.text(Span::new(sentence.start.max(it.span.start.saturating_sub(LISTING_GAP)), it.span.start));
            let clause_opening =
                opens.rsplit(['，', ',']).next().is_some_and(|g| g.ends_with('在') && !g.contains("的"));
            clause_opening.then(|| cx.d.company.map(|c| vec![c])).flatten()
        });
        for c in company.unwrap_or_default() {
            push(out, c, exchange, RelationType::Related, "上市", sentence);
        }
    }
}

/// Whether an entity can have members: an organization or a named programme whose name ends
/// like a group's.
fn is_group(cx: &Cx<'_>, e: usize) -> bool {
    matches!(cx.kind(e), EntityKind::Organization | EntityKind::Initiative)
        && cx.lex.group_heads.suffix_of(&cx.r.entities[e].label).is_some()
}

/// Whether an entity can be a listed member: a body or a place (cities of an alliance).
fn can_join(cx: &Cx<'_>, e: usize) -> bool {
    matches!(cx.kind(e), EntityKind::Organization | EntityKind::Place)
}

/// The bodies listed right before `span` ends (甲、乙等5家医疗机构 before 作为成员单位): members of
/// `group`. The list ends with its last body, or with 等 or a count of a few words after it.
fn list_before(cx: &Cx<'_>, span: Span, group: usize, label: &str, sentence: Span, out: &mut Vec<Relation>) {
    let mut end = span.end;
    for it in cx.items_in(span).iter().rev().filter(|it| !it.reference) {
        let gap = cx.text(Span::new(it.span.end, end));
        let joined = if end == span.end {
            gap.is_empty() || gap.chars().count() <= COUNT_REACH && gap.contains('家')
        } else {
            matches!(gap.as_str(), "、" | "和" | "及" | "以及")
        };
        if !joined {
            break;
        }
        for &m in it.entities.iter().filter(|&&m| m != group && can_join(cx, m)) {
            push(out, m, group, RelationType::PartOf, label, sentence);
        }
        end = it.span.start;
    }
}

/// How long the count closing a list of members may be (等5家医疗机构).
const COUNT_REACH: usize = 10;

/// "<group>(首批)成员单位包括A、B和C", "A、B等5家单位作为成员单位加入": each listed body is a
/// member.
fn listed_members(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    for part in parts(chars, sentence, &['；', ';']) {
        let Some((at, n)) =
            (part.start..part.end).find_map(|i| cx.lex.member_words.longest_at(chars, i).map(|n| (i, n)))
        else {
            continue;
        };
        // inside a name, no member word (某某成员单位联席会议 is a name's)
        if cx.items_in(part).iter().any(|it| it.span.start < at && at < it.span.end) {
            continue;
        }
        let opener = (at + n..(at + n + LIST_OPENER_REACH + 1).min(part.end))
            .find(|&i| matches!(chars[i], '包' | '有' | '为' | '是' | '：' | ':'))
            .map(|i| if chars[i] == '包' && chars.get(i + 1) == Some(&'括') { i + 2 } else { i + 1 });
        // (or the list before it: 甲、乙等5家医疗机构作为成员单位加入)
        let before = opener.is_none() && at >= 2 && cx.text(Span::new(at - 2, at)) == "作为";
        let Some(list_start) = opener.or(before.then_some(part.start)) else { continue };
        let clause_start =
            clauses(chars, part).into_iter().find(|c| c.start <= at && at < c.end).map_or(part.start, |c| c.start);
        let named_here = cx
            .items_in(Span::new(clause_start, at))
            .iter()
            .rev()
            .find(|it| !it.reference && it.entities.len() == 1 && is_group(cx, it.entities[0]))
            .map(|it| it.entities[0]);
        // (else the group named in this sentence or the one before)
        let from = cx
            .doc
            .sentence_at(sentence.start)
            .and_then(|k| k.checked_sub(1))
            .map_or(sentence.start, |k| cx.doc.sentences[k].start);
        let group = named_here.or_else(|| {
            cx.r.mentions
                .iter()
                .rev()
                .filter(|m| m.span.end <= at && m.span.start >= from)
                .map(|m| m.entity)
                .find(|&e| is_group(cx, e))
        });
        let Some(group) = group else { continue };
        let label = cx.text(Span::new(at, at + n));
        if before {
            list_before(cx, Span::new(clause_start, at - 2), group, &label, sentence, out);
            continue;
        }
        // the list: items joined by 、和及 from its start
        let listed = cx.items_in(Span::new(list_start, part.end));
        let mut end = list_start;
        for it in listed.iter().filter(|it| !it.reference) {
            let gap = cx.text(Span::new(end, it.span.start));
            if end > list_start && !matches!(gap.as_str(), "、" | "和" | "及" | "以及" | "、和")
                || end == list_start && !gap.trim_matches(['：', ':', ' ']).is_empty()
            {
                break;
            }
            for &m in it.entities.iter().filter(|&&m| m != group && can_join(cx, m)) {
                push(out, m, group, RelationType::PartOf, &label, sentence);
            }
            end = it.span.end;
        }
    }
}

/// "A、B(等)加入<group>": each body of the list that ends right before the verb joins the group
/// after it.
fn joiners(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    for clause in clauses(chars, sentence) {
        let items = cx.items_in(clause);
        for v in clause.start..clause.end {
            let Some(n) = cx.lex.joining_verbs.longest_at(chars, v) else { continue };
            let Some(group) = items
                .iter()
                .find(|it| it.span.start >= v + n && it.span.start <= v + n + 1 && !it.reference)
                .and_then(|it| it.entities.first().copied())
                .filter(|&g| is_group(cx, g))
            else {
                continue;
            };
            let verb = cx.text(Span::new(v, v + n));
            // the bodies listed right before the verb (甲、乙等(…)加入): not a place that counts its
            // members (某市12家企业加入)
            let mut end = v;
            for it in items.iter().rev().filter(|it| it.span.end <= v && !it.reference) {
                let gap = cx.text(Span::new(it.span.end, end));
                let joined = if end == v {
                    gap.is_empty() || gap.starts_with('等') && gap.chars().count() <= 6
                } else {
                    matches!(gap.as_str(), "、" | "和" | "及" | "以及")
                };
                if !joined {
                    break;
                }
                for &m in it.entities.iter().filter(|&&m| m != group && cx.kind(m) == EntityKind::Organization) {
                    push(out, m, group, RelationType::PartOf, &verb, sentence);
                }
                end = it.span.start;
            }
        }
    }
}

/// How far before a listed project its batch may be named (outside the title).
const BATCH_REACH: usize = 400;

/// Words that introduce the projects of a batch in a sentence (本批开工项目中, 其中, 包括).
const BATCH_LISTING: [&str; 6] = ["其中", "包括", "本批", "这批", "该批", "此次"];

/// Whether an entity is a batch of projects (…第一批重点项目).
fn is_batch(cx: &Cx<'_>, e: usize) -> bool {
    let label = &cx.r.entities[e].label;
    cx.kind(e) == EntityKind::Initiative
        && label.find('第').is_some_and(|at| label[at..].contains('批'))
        && cx.lex.project_heads.suffix_of(label).is_some()
}

/// The projects a sentence lists after a batch is named (its listing words, two projects or more,
/// or an item of a dashed list): parts of the batch named last before them.
pub(super) fn batch_parts(cx: &Cx<'_>, out: &mut Vec<Relation>) {
    for sentence in &cx.doc.sentences {
        let items = cx.items_in(*sentence);
        let projects: Vec<(Span, usize)> = items
            .iter()
            .filter(|it| !it.reference && it.entities.len() == 1)
            .map(|it| (it.span, it.entities[0]))
            .filter(|&(_, e)| {
                cx.kind(e) == EntityKind::Initiative
                    && !is_batch(cx, e)
                    && cx.lex.project_heads.suffix_of(&cx.r.entities[e].label).is_some()
            })
            .collect();
        let text = cx.text(*sentence);
        // (or an item of a dashed list: ——甲项目，位于…)
        let item = text.trim_start().starts_with(['—', '-']);
        let listed = projects.len() >= 2 || item || BATCH_LISTING.iter().any(|w| text.contains(w));
        if projects.is_empty() || !listed {
            continue;
        }
        for (span, p) in projects {
            // the batch named last, within reach or in the document's title line
            let title_end = cx.chars.iter().position(|&c| c == '\n').unwrap_or(0);
            let batch = cx
                .r
                .mentions
                .iter()
                .rev()
                .filter(|m| {
                    m.span.end <= span.start && (m.span.start + BATCH_REACH >= span.start || m.span.end <= title_end)
                })
                .find(|m| is_batch(cx, m.entity));
            if let Some(batch) = batch {
                push(out, p, batch.entity, RelationType::PartOf, "本批项目", *sentence);
            }
        }
    }
}

/// A sub-zone named with its zone (中国（黑龙江）自由贸易试验区哈尔滨片区) is part of the zone, where
/// the document names the zone too.
pub(super) fn sub_zones(cx: &Cx<'_>, out: &mut Vec<Relation>) {
    for (sub, e) in cx.r.entities.iter().enumerate() {
        if cx.kind(sub) != EntityKind::Place {
            continue;
        }
        let Some(zone) = cx.lex.zone_of_sub_zone(&e.label) else { continue };
        let whole = (0..cx.r.entities.len())
            .find(|&z| z != sub && cx.kind(z) == EntityKind::Place && cx.r.entities[z].label == zone);
        if let (Some(whole), Some(first)) = (whole, e.mentions.first()) {
            let evidence = cx.sentence_of(first.start).unwrap_or(*first);
            push(out, sub, whole, RelationType::PartOf, RelationType::PartOf.label_zh(), evidence);
        }
    }
}
