//! What actors do: become sister cities and cooperate (the parties named with 与/和, or
//! referred back to with 两地/双方/三方), sign, issue, build, launch and carry out initiatives
//! (`promotes`, the subject taken from the clause, the clause before, or the agent after 由),
//! bodies and companies named inside a document's or a project's name (the issuer of 《X关于…的
//! 通知》, the company of 江北康达玻璃基板项目), and relations the text states that fit no type
//! (`related`: 投诉, 认定, 收购 …).

use super::{Cx, Item, Relation, clauses, parts, push};
use crate::extract::gazetteer::Gazetteer;
use crate::extract::lexicon::starts_with_word;
use crate::extract::{EntityKind, RelationType};
use crate::text::Span;

fn is_actor(cx: &Cx<'_>, e: usize) -> bool {
    matches!(cx.kind(e), EntityKind::Place | EntityKind::Organization)
}

/// 四川省绵阳市: a place directly followed by a place inside it stands for the inner one (the
/// index of the item that names it).
fn most_specific_at(cx: &Cx<'_>, items: &[Item], k: usize) -> usize {
    let g = Gazetteer::get();
    let code = |e: usize| cx.r.entities[e].key.adcode();
    let mut cur = k;
    while let Some(next) = items.iter().position(|n| n.span.start == items[cur].span.end) {
        // 匈牙利杰尔市: a country only qualifies the place named right after it
        let country = matches!(cx.r.entities[items[cur].entities[0]].key, crate::extract::identity::Key::Country(_));
        let place_next = items[next].entities.len() == 1 && cx.kind(items[next].entities[0]) == EntityKind::Place;
        // 印度尼西亚中爪哇省三宝垄市: so does a region abroad before a place (no Chinese area, no
        // zone) named right after it
        let abroad = matches!(cx.r.entities[items[cur].entities[0]].key, crate::extract::identity::Key::City { .. });
        let inner = items[next].entities[0];
        let plain_place =
            code(inner).is_none() && cx.lex.zone_suffixes.suffix_of(&cx.r.entities[inner].label).is_none();
        if place_next && (country || abroad && plain_place) {
            cur = next;
            continue;
        }
        match (code(items[cur].entities[0]), code(items[next].entities[0])) {
            (Some(outer), Some(inner)) if inner != outer && g.is_within(inner, outer) => cur = next,
            _ => break,
        }
    }
    cur
}

/// The parties a sentence speaks of: those a 两地/双方/三方 stands for (each with each), or "A与B"
/// between two actors, where B may be a list (A与B、C等地: A with each of them; `true`).
fn parties_of(cx: &Cx<'_>, sentence: Span) -> Option<(Vec<usize>, bool)> {
    pairs_of(cx, sentence, 0).map(|(parties, from_first, _)| (parties, from_first))
}

/// The first pair of parties (see [`parties_of`]) from item `from` of the span on, with the
/// index of the item after its last party.
fn pairs_of(cx: &Cx<'_>, sentence: Span, from: usize) -> Option<(Vec<usize>, bool, usize)> {
    let items = cx.items_in(sentence);
    let items = items.get(from..)?;
    if let Some(r) = items.iter().find(|it| it.reference && it.entities.len() >= 2) {
        // 两地/两市 speak of the places (a government named before stands for its place); 双方 and
        // 三方 of the parties as the text named them
        let places = !cx.text(r.span).contains('方');
        let mut parties: Vec<usize> =
            r.entities.iter().map(|&e| if places { super::places::principal(cx, e) } else { e }).collect();
        parties.dedup();
        return (parties.len() >= 2).then_some((parties, false, items.len() + from));
    }
    for (k, w) in items.windows(2).enumerate() {
        let gap = cx.text(Span::new(w[0].span.end, w[1].span.start));
        let single = w[0].entities.len() == 1 && w[1].entities.len() == 1;
        // (an adverb may come first: 泉州已与…)
        let gap = cx.lex.coordinator_adverbs.prefix_of(&gap).map_or(gap.as_str(), |a| &gap[a.len()..]);
        // (a list acting jointly: 甲、乙、丙近日联合印发…; after the list's last name)
        let jointly = gap == "、" && {
            let mut last = k + 1;
            while items.get(last + 1).is_some_and(|n| cx.text(Span::new(items[last].span.end, n.span.start)) == "、") {
                last += 1;
            }
            let end = items[last].span.end;
            let after = cx.text(Span::new(end, (end + 5).min(sentence.end)));
            let word = ["联合", "共同"].iter().find_map(|w| after.find(w));
            // (not a name's: 联合国)
            word.is_some_and(|at| !items.iter().any(|it| it.span.start == end + after[..at].chars().count()))
        };
        if jointly && single {
            let parties: Vec<usize> = items[k..]
                .iter()
                .take_while(|it| it.entities.len() == 1 && is_actor(cx, it.entities[0]))
                .scan(None, |prev: &mut Option<Span>, it| {
                    let joined = prev.is_none_or(|p| cx.text(Span::new(p.end, it.span.start)) == "、");
                    *prev = Some(it.span);
                    joined.then_some(it.entities[0])
                })
                .collect();
            if parties.len() >= 2 {
                let n = parties.len();
                return Some((parties, false, from + k + n));
            }
        }
        if single
            && gap != "、"
            && cx.lex.coordinators.contains(gap)
            && is_actor(cx, w[0].entities[0])
            && is_actor(cx, w[1].entities[0])
            && w[0].entities != w[1].entities
        {
            let a = w[0].entities[0];
            let mut at = most_specific_at(cx, items, k + 1);
            let mut parties = vec![a, items[at].entities[0]];
            // the rest of a list of partners (马来西亚马六甲州、菲律宾宿务市)
            while let Some(next) = items.get(at + 1) {
                let gap = cx.text(Span::new(items[at].span.end, next.span.start));
                // (a second 与 starts another pair: 甲与乙、丙与丁)
                // (nor does one that pairs with the next: 甲与乙、丙与丁)
                let pairs_on = items.get(at + 2).is_some_and(|after| {
                    let gap = cx.text(Span::new(next.span.end, after.span.start));
                    cx.lex.coordinators.contains(&gap) && gap != "、" && gap != "和" && gap != "及"
                });
                if !matches!(gap.as_str(), "、" | "和" | "及" | "、和" | "以及")
                    || next.entities.len() != 1
                    || !is_actor(cx, next.entities[0])
                    || pairs_on
                {
                    break;
                }
                at = most_specific_at(cx, items, at + 1);
                parties.push(items[at].entities[0]);
            }
            parties.dedup();
            return (parties[1..].iter().all(|&b| b != a)).then_some((parties, true, from + at + 1));
        }
    }
    None
}

/// Sister cities and cooperation between the parties of a sentence.
pub(super) fn parties(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    let Some((parties, from_first, groups_end)) = pairs_of(cx, sentence, 0) else { return };
    let find = |words: &crate::extract::lexicon::WordList| {
        (sentence.start..sentence.end).find_map(|i| words.longest_at(chars, i).map(|n| cx.text(Span::new(i, i + n))))
    };
    let sister = find(&cx.lex.sister_words);
    let cooperation = find(&cx.lex.cooperation_words).or_else(|| {
        (sentence.start..sentence.end)
            .find_map(|i| cx.lex.sign_words.longest_at(chars, i).map(|n| cx.text(Span::new(i, i + n))))
    });
    // what they sign or publish together: the initiatives after the verb (《…协议》, …清单)
    if let Some(v) = (sentence.start..sentence.end).find(|&i| cx.lex.sign_words.longest_at(chars, i).is_some()) {
        let n = cx.lex.sign_words.longest_at(chars, v).unwrap_or(2);
        let verb = cx.text(Span::new(v, v + n));
        // what is built together is promoted too (共建…研究中心)
        let builds = verb.contains('建');
        // (up to a clause with a subject of its own: 甲与乙签署《A》，丙与丁签署《B》)
        let clause_end = clauses(chars, sentence)
            .into_iter()
            .filter(|c| c.end > v)
            .take_while(|c| {
                c.start <= v
                    || !cx
                        .items_in(*c)
                        .first()
                        .is_some_and(|it| it.span.start == c.start && it.entities.iter().all(|&e| is_actor(cx, e)))
                        // (nor one with a partner of its own: …，与丙共建B)
                        && joint_clause(cx, *c).is_none()
            })
            .last()
            .map_or(sentence.end, |c| c.end);
        let signed = cx
            .items_in(Span::new(v + n, clause_end))
            .iter()
            .filter(|it| !it.reference)
            .flat_map(|it| it.entities.iter().copied())
            .filter(|&e| {
                cx.kind(e) == EntityKind::Initiative
                    || builds && cx.kind(e) == EntityKind::Organization && !parties.contains(&e)
            })
            .collect::<Vec<_>>();
        // 甲与乙、丙分别签署《A》和《B》: each partner signs its own, in order
        let respectively = from_first
            && parties.len() - 1 == signed.len()
            && signed.len() >= 2
            && respectively_before(cx, v, sentence.start);
        for (k, &doc) in signed.iter().enumerate() {
            for (i, &p) in parties.iter().enumerate() {
                if !respectively || i == 0 || i == k + 1 {
                    push(out, p, doc, RelationType::Promotes, &verb, sentence);
                }
            }
        }
    }
    // the pairs named after the first (甲与乙签署…，丙与丁、戊与己分别签署…) cooperate too
    let mut groups = vec![(parties, from_first)];
    let mut next = groups_end;
    while let Some((more, first, end)) = pairs_of(cx, sentence, next) {
        groups.push((more, first));
        next = end;
    }
    for (parties, from_first) in &groups {
        pair_up(cx, parties, *from_first, sister.as_deref(), cooperation.as_deref(), sentence, out);
    }
}

/// A later clause of a sentence whose parties act together on what follows their verb (甲将与乙
/// 共建A，与丙共建B; …，双方将共建C): with a partner of its own after 与/同, acting with the
/// subject of the nearest clause before that opens with an actor; opened by 双方/两地; or naming
/// both (甲将与乙共同组建D).
pub(super) fn joint_clauses(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let items = cx.items_in(sentence);
    for clause in clauses(cx.chars, sentence).into_iter().skip(1) {
        let Some((parties, with_lead, v, n)) = joint_clause(cx, clause) else { continue };
        let mut parties = parties;
        if with_lead {
            // the subject of the nearest clause before that opens with an actor (甲将…，与乙共建;
            // not 记者从甲获悉，…)
            let Some(lead) =
                clauses(cx.chars, sentence).into_iter().filter(|c| c.end <= clause.start).rev().find_map(|c| {
                    let at = past_adverbs(cx, c);
                    items.iter().find(|it| {
                        it.span.start == at && !it.reference && it.entities.len() == 1 && is_actor(cx, it.entities[0])
                    })
                })
            else {
                continue;
            };
            if parties.contains(&lead.entities[0]) {
                continue;
            }
            parties.insert(0, lead.entities[0]);
        }
        let verb = cx.text(Span::new(v, v + n));
        let builds = verb.contains('建');
        let objects: Vec<usize> = cx
            .items_in(Span::new(v + n, clause.end))
            .iter()
            .filter(|it| !it.reference)
            .flat_map(|it| it.entities.iter().copied())
            .filter(|&e| {
                !parties.contains(&e)
                    && (cx.kind(e) == EntityKind::Initiative || builds && cx.kind(e) == EntityKind::Organization)
            })
            .collect();
        for &o in &objects {
            for &p in &parties {
                push(out, p, o, RelationType::Promotes, &verb, sentence);
            }
        }
        if parties.len() == 2 {
            push(out, parties[0], parties[1], RelationType::CooperatesWith, &verb, sentence);
        }
    }
}

/// A clause opened (past adverbs) by 与/同 + a partner, or by 双方/两地/三方, and then a verb of
/// signing or building together: the parties it names, whether a lead before it acts with them,
/// and the verb's place and length.
fn joint_clause(cx: &Cx<'_>, clause: Span) -> Option<(Vec<usize>, bool, usize, usize)> {
    let chars = cx.chars;
    let at = past_adverbs(cx, clause);
    let items = cx.items_in(clause);
    let (parties, with_lead, after) = if matches!(chars.get(at), Some('与' | '同')) {
        let k = items.iter().position(|it| it.span.start == at + 1)?;
        let k = most_specific_at(cx, items, k);
        let partner = &items[k];
        if partner.reference || partner.entities.len() != 1 || !is_actor(cx, partner.entities[0]) {
            return None;
        }
        (partner.entities.clone(), true, partner.span.end)
    } else if let Some(r) = items.iter().find(|it| it.span.start == at && it.reference && it.entities.len() >= 2) {
        (r.entities.clone(), false, r.span.end)
    } else {
        // 甲将与乙…: both named in the clause
        let k = items.iter().position(|it| it.span.start == at)?;
        let (a, b) = (&items[k], items.get(k + 1)?);
        let gap = cx.text(Span::new(a.span.end, b.span.start));
        let gap = cx.lex.coordinator_adverbs.prefix_of(&gap).map_or(gap.as_str(), |a| &gap[a.len()..]);
        let single_actor = |it: &Item| !it.reference && it.entities.len() == 1 && is_actor(cx, it.entities[0]);
        if !matches!(gap, "与" | "同") || !single_actor(a) || !single_actor(b) || a.entities == b.entities {
            return None;
        }
        let b = &items[most_specific_at(cx, items, k + 1)];
        (vec![a.entities[0], b.entities[0]], false, b.span.end)
    };
    let mut v = after;
    while v < clause.end && "将共同联合一起".contains(chars[v]) {
        v += 1;
    }
    // (共同 and 联合 may begin the verb itself: 共同发布; after them a verb of founding is joint
    // too: 共同组建)
    let jointly = cx.text(Span::new(after, v)).contains(['共', '联']);
    let verb_at = |i: usize| {
        cx.lex
            .sign_words
            .longest_at(chars, i)
            .or_else(|| cx.lex.founding_verbs.longest_at(chars, i).filter(|_| jointly))
    };
    let v = (after..=v).find(|&i| verb_at(i).is_some())?;
    Some((parties, with_lead, v, verb_at(v)?))
}

/// Where a clause's words start past the adverbs that open it (将, 还, 则 …).
fn past_adverbs(cx: &Cx<'_>, clause: Span) -> usize {
    let mut at = clause.start;
    while let Some(n) = cx.lex.coordinator_adverbs.longest_at(cx.chars, at).filter(|n| at + n < clause.end) {
        at += n;
    }
    at
}

/// Sister cities and cooperation between the parties of one group.
fn pair_up(
    cx: &Cx<'_>,
    parties: &[usize],
    from_first: bool,
    sister: Option<&str>,
    cooperation: Option<&str>,
    sentence: Span,
    out: &mut Vec<Relation>,
) {
    for (i, &a) in parties.iter().enumerate().take(if from_first { 1 } else { parties.len() }) {
        for &b in &parties[i + 1..] {
            // (a country is no sister city: 双方 may have picked up the partner's country)
            // (nor a port or a park: an area, a city abroad, or a place named as one)
            let city = |e: usize| {
                let entity = &cx.r.entities[e];
                cx.kind(e) == EntityKind::Place
                    && match &entity.key {
                        crate::extract::identity::Key::Area(_) | crate::extract::identity::Key::City { .. } => true,
                        crate::extract::identity::Key::Country(_) => false,
                        _ => {
                            entity.label.ends_with(['市', '州', '县', '区', '省', '府', '郡', '道'])
                                && cx.lex.zone_suffixes.suffix_of(&entity.label).is_none()
                                && !entity.label.ends_with("街道")
                        }
                    }
            };
            let places = city(a) && city(b);
            if let Some(word) = sister
                && places
            {
                push(out, a, b, RelationType::SisterCity, word, sentence);
            }
            if let Some(word) = cooperation {
                push(out, a, b, RelationType::CooperatesWith, word, sentence);
            }
        }
    }
}

/// Whether 分别 comes right before the verb at `v` (甲与乙、丙分别签署…), not before `floor`.
fn respectively_before(cx: &Cx<'_>, v: usize, floor: usize) -> bool {
    cx.text(Span::new(v.saturating_sub(3).max(floor), v)).contains("分别")
}

/// The verb (and its length) at `i`, if an action verb starts there.
fn verb_at(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let lexicon = cx.lex.promote_verbs.longest_at(cx.chars, i);
    let more = cx.lex.action_verbs.longest_at(cx.chars, i);
    lexicon.max(more)
}

/// Whether an item is inside the title phrase of a person item of the same clause (北碚区 in
/// 江津区副区长刘建平): a modifier of the person, not the subject.
fn inside_a_role(items: &[Item], it: &Item) -> bool {
    items.iter().any(|p| p.role.is_some_and(|r| r.contains(it.span)))
}

/// The subject of a clause before position `v`: a person named there (the head of "江津区副区长
/// 刘建平一行"), else the first actor, else an initiative.
fn subject_before(cx: &Cx<'_>, items: &[Item], v: usize, people: bool) -> Option<Vec<usize>> {
    let before: Vec<&Item> = items.iter().filter(|it| it.span.end <= v).collect();
    let actor = |it: &&&Item| !inside_a_role(items, it) && it.entities.iter().all(|&e| is_actor(cx, e));
    // the actor right before the verb, with those joined to it (…旗下全资子公司A投资建设的X项目,
    // A与B共建): its subject in the clause
    // (not a place where it happens: 在…天府国际会议中心签署)
    let locative = |it: &Item| {
        let from = clause_start(cx, it.span.start).max(it.span.start.saturating_sub(12));
        (from..it.span.start).any(|i| cx.chars[i] == '在')
    };
    if let Some(k) =
        before.iter().rposition(|it| it.span.end == v).filter(|&k| actor(&&before[k]) && !locative(before[k]))
    {
        let mut subject = before[k].entities.clone();
        let mut start = before[k].span.start;
        for prev in before[..k].iter().rev() {
            let gap = cx.text(Span::new(prev.span.end, start));
            // (an adverb may come first: 甲将与乙共同组建…)
            let gap = cx.lex.coordinator_adverbs.prefix_of(&gap).map_or(gap.as_str(), |a| &gap[a.len()..]);
            if !cx.lex.coordinators.contains(gap) || !actor(&prev) {
                break;
            }
            subject.splice(0..0, prev.entities.iter().copied());
            start = prev.span.start;
        }
        // the lead that acts with them (区科技局将联合A、B共建…, 学院将与A共建…)
        if let Some(lead) =
            lead_before(cx, &before, start).or_else(|| partner_lead(cx, &before, start, before[k].span.end))
        {
            subject.splice(0..0, lead.entities.iter().copied());
        }
        return Some(subject);
    }
    if people
        && let Some(p) = before.iter().rev().find(|it| it.entities.iter().all(|&e| cx.kind(e) == EntityKind::Person))
    {
        return Some(p.entities.clone());
    }
    // "A与B共建…": both are the subject (not the place where it happens: 在湖北省…投资建设)
    if let Some(k) = before.iter().position(|it| actor(&it) && !locative(it)) {
        let mut subject = before[k].entities.clone();
        let mut end = before[k].span.end;
        for next in &before[k + 1..] {
            let gap = cx.text(Span::new(end, next.span.start));
            if !["与", "和", "同", "及", "、"].contains(&gap.as_str()) || !actor(&next) {
                break;
            }
            subject.extend(next.entities.iter().copied());
            end = next.span.end;
        }
        return Some(subject);
    }
    before
        .iter()
        .find(|it| !inside_a_role(items, it) && it.entities.iter().all(|&e| is_actor(cx, e)) && !locative(it))
        // an initiative is the subject only as the topic of its clause (…项目被纳入…，将建设…)
        .or_else(|| {
            before.iter().find(|it| {
                it.entities.iter().all(|&e| cx.kind(e) == EntityKind::Initiative)
                    && items.first().is_some_and(|f| f.span == it.span)
                    && it.span.start <= clause_start(cx, it.span.start) + 2
            })
        })
        .map(|it| it.entities.clone())
}

/// The actor before the bodies named from `start` on and the word that joins it to them, past
/// adverbs (甲将联合乙…, 甲还与乙…).
fn lead_and_word<'a>(cx: &Cx<'_>, before: &[&'a Item], start: usize) -> Option<(&'a Item, String)> {
    let lead = before.iter().rev().find(|it| it.span.end < start)?;
    let gap = cx.text(Span::new(lead.span.end, start));
    let word = gap.trim_start_matches(['将', '还', '也', '并', '已', '再', '要']).to_owned();
    lead.entities.iter().all(|&e| is_actor(cx, e)).then_some((*lead, word))
}

/// The actor that leads the bodies named from `start` on, when an accompanying word joins them
/// (甲将联合乙、丙…, 甲携手乙…).
fn lead_before<'a>(cx: &Cx<'_>, before: &[&'a Item], start: usize) -> Option<&'a Item> {
    lead_and_word(cx, before, start).filter(|(_, word)| cx.lex.accompany_words.contains(word)).map(|(lead, _)| lead)
}

/// The actor before 与/同 that the bodies from `start` to `group_end` act with, when a verb of
/// cooperation follows them (公司将与甲、乙合作推出…, 研究院与甲签署…); a plain 甲与乙的… is no act.
fn partner_lead<'a>(cx: &Cx<'_>, before: &[&'a Item], start: usize, group_end: usize) -> Option<&'a Item> {
    let after: Vec<char> = cx.chars[group_end..(group_end + 6).min(cx.chars.len())].to_vec();
    let acts = [0, 1, 2].iter().any(|&skip| {
        let lead_in: String = after.iter().take(skip).collect();
        matches!(lead_in.as_str(), "" | "将" | "共同")
            && (cx.lex.cooperation_words.starts_at(&after, skip) || cx.lex.sign_words.starts_at(&after, skip))
    });
    lead_and_word(cx, before, start)
        .filter(|(_, word)| acts && matches!(word.as_str(), "与" | "同"))
        .map(|(lead, _)| lead)
}

/// 甲联合乙、丙…, 甲将与乙、丙合作…: the lead cooperates with each body it acts together with.
pub(super) fn alongside(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let items = cx.items_in(sentence);
    let all: Vec<&Item> = items.iter().collect();
    for (k, it) in items.iter().enumerate() {
        if !it.entities.iter().all(|&e| is_actor(cx, e)) {
            continue;
        }
        // the bodies joined to the first one (乙、丙)
        let mut group = vec![it];
        for next in &items[k + 1..] {
            let gap = cx.text(Span::new(group[group.len() - 1].span.end, next.span.start));
            if !cx.lex.coordinators.contains(&gap) || !next.entities.iter().all(|&e| is_actor(cx, e)) {
                break;
            }
            group.push(next);
        }
        let group_end = group[group.len() - 1].span.end;
        let Some((lead, word)) = lead_and_word(cx, &all[..k], it.span.start) else { continue };
        let accompany = cx.lex.accompany_words.contains(&word);
        if !accompany && partner_lead(cx, &all[..k], it.span.start, group_end).is_none() {
            continue;
        }
        let label = if accompany { word.as_str() } else { "合作" };
        for g in group {
            for &a in &lead.entities {
                for &b in &g.entities {
                    push(out, a, b, RelationType::CooperatesWith, label, sentence);
                }
            }
        }
    }
}

/// Where the clause around `pos` starts.
fn clause_start(cx: &Cx<'_>, pos: usize) -> usize {
    (0..pos)
        .rev()
        .find(|&i| matches!(cx.chars[i], '，' | ',' | '；' | ';' | '：' | ':' | '。' | '\n'))
        .map_or(0, |i| i + 1)
}

/// Whether a sentence is a headline or a caption (no closing punctuation, short): what it says
/// is said again in the article, with its subject.
pub(super) fn is_headline(cx: &Cx<'_>, sentence: Span) -> bool {
    sentence.len() <= 40 && !cx.chars[sentence.start..sentence.end].iter().any(|&c| crate::text::is_sentence_end(c))
}

/// Who promotes what: "SUBJECT … VERB … INITIATIVE" within a clause (the subject from the
/// clause, else the clause before in the sentence); "推动A、B、C建设" also promotes bodies being
/// built; "由A设计…的B" and "B…由A建造" make A the agent.
pub(super) fn promotes(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    if is_headline(cx, sentence) {
        return;
    }
    let mut carried: Option<Vec<usize>> = None;
    for clause in clauses(chars, sentence) {
        let items = cx.items_in(clause);
        let mut subject_here: Option<Vec<usize>> = None;
        // the agent of a passive 由
        let agent = (clause.start..clause.end)
            .find(|&i| chars[i] == '由')
            .and_then(|i| items.iter().find(|it| it.span.start == i + 1))
            .filter(|it| it.entities.iter().all(|&e| is_actor(cx, e)));
        let mut v = clause.start;
        while v < clause.end {
            // a verb inside a name is no verb (开发 of …经济开发区)
            if let Some(it) = items.iter().find(|it| it.span.start < v && v < it.span.end) {
                v = it.span.end;
                continue;
            }
            let Some(n) = verb_at(cx, v) else {
                v += 1;
                continue;
            };
            let verb = cx.text(Span::new(v, v + n));
            let objects = objects_after(cx, items, v + n, verb.contains('建'));
            if objects.is_empty() {
                v += n;
                continue;
            }
            // bodies sign as the text names them (and the people who sign for them, below)
            let signing = matches!(verb.as_str(), "签署" | "签订" | "签约");
            let subject = if let Some(a) = agent.filter(|a| a.span.end <= v) {
                Some(a.entities.clone())
            } else {
                subject_before(cx, items, v, !signing).or_else(|| carried.clone())
            };
            let subject = subject.map(|mut s| {
                s.dedup();
                s
            });
            // (partners signing respectively, 甲与乙、丙分别签署《A》和《B》, are paired by
            // `parties`)
            let respectively = signing && respectively_before(cx, v, clause.start) && {
                let part = parts(chars, sentence, &['；', ';'])
                    .into_iter()
                    .find(|p| p.start <= v && v < p.end)
                    .unwrap_or(sentence);
                parties_of(cx, part).is_some_and(|(p, from_first)| from_first && p.len() >= 3)
            };
            let subject = subject.filter(|_| !respectively);
            if let Some(s) = &subject {
                for &a in s {
                    for &o in &objects {
                        push(out, a, o, RelationType::Promotes, &verb, sentence);
                    }
                }
                subject_here.get_or_insert_with(|| s.clone());
            }
            // the people who sign for the bodies sign too (A与B分别代表两地签署…)
            if signing {
                let signers: Vec<usize> = items
                    .iter()
                    .filter(|it| it.span.end <= v && !it.reference)
                    .filter(|it| it.entities.iter().all(|&e| cx.kind(e) == EntityKind::Person))
                    .flat_map(|it| it.entities.iter().copied())
                    .collect();
                // …and the bodies they sign for: the one named after 代表 (苏某代表某市人民政府，…签署),
                // else the body of the post they hold in this sentence (管委会主任杨某与…公司总经理
                // 赵某签署)
                // (within the signing's own ；-part: a body represented in an earlier signing of
                // the list signs nothing later)
                let part = parts(cx.chars, sentence, &['；', ';'])
                    .into_iter()
                    .rfind(|p| p.start <= v)
                    .map_or(sentence.start, |p| p.start);
                let all = cx.items_in(Span::new(part, v));
                let represented: Vec<usize> = all
                    .iter()
                    .filter(|it| {
                        it.span.start >= 2
                            && cx.text(Span::new(it.span.start - 2, it.span.start)) == "代表"
                            && it.entities.iter().all(|&e| is_actor(cx, e) && cx.kind(e) != EntityKind::Person)
                    })
                    .flat_map(|it| it.entities.iter().copied())
                    .collect();
                let posts: Vec<usize> = if represented.is_empty() {
                    out.iter()
                        .filter(|r| {
                            signers.contains(&r.source)
                                && matches!(r.kind, RelationType::HoldsPosition | RelationType::WorksFor)
                                && sentence.contains(r.evidence)
                                && cx.kind(r.target) == EntityKind::Organization
                        })
                        .map(|r| r.target)
                        .collect()
                } else {
                    represented
                };
                for a in signers.into_iter().chain(posts.iter().copied()) {
                    for &o in &objects {
                        push(out, a, o, RelationType::Promotes, &verb, sentence);
                    }
                }
                for (i, &a) in posts.iter().enumerate() {
                    for &b in &posts[i + 1..] {
                        if a != b {
                            push(out, a, b, RelationType::CooperatesWith, &verb, sentence);
                        }
                    }
                }
            }
            v += n;
        }
        // "B…由A建造": the agent promotes what the sentence is about
        if let Some(a) = agent
            && let Some(about) = carried.clone()
        {
            let verb_end = (a.span.end..clause.end).find(|&i| verb_at(cx, i).is_some());
            if let Some(vi) = verb_end {
                let verb = cx.text(Span::new(vi, vi + verb_at(cx, vi).unwrap_or(0)));
                for &s in &a.entities {
                    for &o in about.iter().filter(|&&o| cx.kind(o) == EntityKind::Initiative) {
                        push(out, s, o, RelationType::Promotes, &verb, sentence);
                    }
                }
            }
        }
        // what the clause is about: named before its first verb
        let first_verb = (clause.start..clause.end).find(|&i| verb_at(cx, i).is_some()).unwrap_or(clause.end);
        let here = subject_here.or_else(|| subject_before(cx, items, first_verb, true));
        if here.is_some() {
            carried = here;
        }
    }
}

/// How many chars may stand between the agents of a passive 由 and their verb (共同, 联合, 牵头).
const AGENT_VERB_REACH: usize = 3;

/// "X由A、B和C共同组建" (X由甲牵头, X由乙承建): each agent promotes X, the body or initiative the
/// clause is about — named right before 由, or by its kind's word (该实验室 → the …实验室 named
/// last; 推介会), else the project or non-company body the clause before was about.
pub(super) fn built_by(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    let mut previous_subject: Option<usize> = None;
    for clause in clauses(chars, sentence) {
        let items = cx.items_in(clause);
        let subject = items
            .first()
            .filter(|it| !it.reference && it.entities.len() == 1)
            .map(|it| it.entities[0])
            .filter(|&e| cx.kind(e) != EntityKind::Person);
        let bys = (clause.start..clause.end)
            .filter(|&i| chars[i] == '由' && !items.iter().any(|it| it.span.start < i && i < it.span.end));
        for by in bys {
            let Some(first) = items.iter().position(|it| it.span.start == by + 1) else { continue };
            // the agents: a run of actors joined by 、和与及
            let mut agents = vec![&items[first]];
            while let Some(next) = items.get(first + agents.len()) {
                let gap = cx.text(Span::new(agents[agents.len() - 1].span.end, next.span.start));
                if !cx.lex.coordinators.contains(&gap) && gap != "、" {
                    break;
                }
                agents.push(next);
            }
            let after = agents[agents.len() - 1].span.end;
            let verb = (after..(after + AGENT_VERB_REACH + 1).min(clause.end)).find_map(|i| {
                [&cx.lex.action_verbs, &cx.lex.lead_verbs, &cx.lex.founding_verbs]
                    .iter()
                    .find_map(|w| w.longest_at(chars, i))
                    .map(|n| cx.text(Span::new(i, i + n)))
            });
            // what is built: named right before 由 (甲项目由乙承建) or by its kind's word (该实验室由…),
            // else the project or body (not a company) the clause before was about (某中心位于…，由
            // 乙牵头组建)
            let about = items
                .iter()
                .rfind(|it| it.span.end == by && !it.reference && it.entities.len() == 1)
                .map(|it| it.entities[0])
                .filter(|&e| matches!(cx.kind(e), EntityKind::Organization | EntityKind::Initiative))
                .or_else(|| kind_word_reference(cx, Span::new(clause.start, by)))
                .or_else(|| {
                    // (a company is not what a later 由 builds: 甲公司新厂区开工，由乙承建)
                    previous_subject.filter(|&e| {
                        by == clause.start
                            && (cx.kind(e) == EntityKind::Initiative
                                || cx.lex.company_suffixes.suffix_of(&cx.r.entities[e].label).is_none())
                    })
                });
            let actors =
                agents.iter().all(|a| a.entities.iter().all(|&e| is_actor(cx, e) && cx.kind(e) != EntityKind::Person));
            if let (Some(verb), Some(about), true) = (verb, about, actors)
                && matches!(cx.kind(about), EntityKind::Organization | EntityKind::Initiative)
            {
                for a in &agents {
                    for &e in a.entities.iter().filter(|&&e| e != about) {
                        push(out, e, about, RelationType::Promotes, &verb, sentence);
                    }
                }
            }
        }
        if subject.is_some() {
            previous_subject = subject;
        }
    }
}

/// The body or event a kind word that makes up a span stands for (该实验室, 推介会, 本届博览会): the
/// last organization or initiative named before whose name ends in the word.
fn kind_word_reference(cx: &Cx<'_>, span: Span) -> Option<usize> {
    let text = cx.text(span);
    let text = text.trim();
    let word = ["该", "本届", "此次", "本次"].iter().find_map(|d| text.strip_prefix(d)).unwrap_or(text);
    let kind_word = |list: &crate::extract::lexicon::WordList| list.suffix_of(word) == Some(word);
    if word.chars().count() < 2
        || !(kind_word(&cx.lex.org_suffixes) || kind_word(&cx.lex.event_heads) || kind_word(&cx.lex.project_heads))
    {
        return None;
    }
    cx.r.mentions
        .iter()
        .rev()
        .filter(|m| m.span.end <= span.start)
        .find(|m| {
            matches!(cx.kind(m.entity), EntityKind::Organization | EntityKind::Initiative)
                && cx.r.entities[m.entity].label.ends_with(word)
        })
        .map(|m| m.entity)
}

/// The initiatives a verb acts on: those after it in the clause, each reached over nothing but
/// separators and other objects; bodies and zones too when the run ends in 建设 (推动A、B建设).
fn objects_after(cx: &Cx<'_>, items: &[Item], from: usize, building: bool) -> Vec<usize> {
    let chars = cx.chars;
    let mut out = Vec::new();
    let mut pos = from;
    let mut run: Vec<&Item> = Vec::new();
    for it in items.iter().filter(|it| it.span.start >= from) {
        let gap = cx.text(Span::new(pos, it.span.start));
        let first = run.is_empty();
        // the first object may follow a short stretch of modifiers (推动“…”, 共同制定); later
        // ones only separators
        let ok = if first {
            gap.chars().count() <= 8 && !gap.contains(['，', '。', '；'])
        } else {
            // (and the quotes of quoted names: “园区攻坚战”和“招商引资”行动)
            gap.chars().all(|c| "、和及与 “”\"".contains(c))
        };
        if !ok || it.reference {
            break;
        }
        run.push(it);
        pos = it.span.end;
    }
    let built = starts_with_word(chars, pos, "建设") || starts_with_word(chars, pos, "的建设");
    for it in run {
        for &e in &it.entities {
            let kind = cx.kind(e);
            let zone = kind == EntityKind::Place && cx.r.entities[e].key.adcode().is_none();
            // a platform is what a verb of building (建设, 共建, 组建) makes
            let platform = building
                && kind == EntityKind::Organization
                && cx.lex.platform_heads.suffix_of(&cx.r.entities[e].label).is_some();
            if kind == EntityKind::Initiative || platform || built && (kind == EntityKind::Organization || zone) {
                out.push(e);
            }
        }
    }
    out
}

/// "由A、B牵头/负责…": the bodies after 由, up to a verb of charge, promote what the clause is
/// about: the initiative named before 由 in it or in the clause before, else the one the
/// sentence before names when that is a short item of a list (一是“链主引领”工程。由市工信局牵
/// 头，…).
pub(super) fn in_charge(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    let items = cx.items_in(sentence);
    // the bodies from `from` on, joined by 、和及与, and where they end
    let bodies_from = |from: usize| {
        let mut agents: Vec<usize> = Vec::new();
        let mut pos = from;
        for it in items.iter().filter(|it| it.span.start >= from) {
            let gap = cx.text(Span::new(pos, it.span.start));
            let joined = if agents.is_empty() { gap.is_empty() } else { cx.lex.coordinators.contains(&gap) };
            if !joined || !it.entities.iter().all(|&e| is_actor(cx, e) && cx.kind(e) != EntityKind::Person) {
                break;
            }
            agents.extend(it.entities.iter().copied());
            pos = it.span.end;
        }
        (agents, pos)
    };
    // 由 + bodies, and bodies that open a clause (…，市工信局牵头…)
    let openers = clauses(chars, sentence).into_iter().map(|c| c.start).filter(|&c| chars[c] != '由').map(|c| (c, c));
    let starts: Vec<(usize, usize)> =
        (sentence.start..sentence.end).filter(|&i| chars[i] == '由').map(|by| (by, by + 1)).chain(openers).collect();
    for (by, from) in starts {
        let (mut agents, mut pos) = bodies_from(from);
        // the bodies a lead brings with it (由A联合B、C…): in charge with it
        let mut accompanied = None;
        if !agents.is_empty()
            && let Some(a) = cx.lex.accompany_words.longest_at(chars, pos)
        {
            let (more, at) = bodies_from(pos + a);
            if !more.is_empty() {
                accompanied = Some(cx.text(Span::new(pos, pos + a)));
                agents.extend(more);
                pos = at;
            }
        }
        // past a note in brackets after the last body (（以下简称“恒澜智能”）)
        if matches!(chars.get(pos), Some('（' | '('))
            && let Some(close) = (pos..sentence.end.min(pos + 30)).find(|&j| matches!(chars[j], '）' | ')'))
        {
            pos = close + 1;
        }
        if agents.is_empty() {
            continue;
        }
        // a guide first (由A指导，B主办，…): the bodies in charge follow it
        let guide = cx.lex.guide_verbs.longest_at(chars, pos);
        let lead = cx.lex.lead_verbs.longest_at(chars, pos);
        // a clause's own bodies must be followed by a verb of charge that takes no object of its
        // own (市工信局牵头…, not 公司投资…)
        let charge_only = lead.is_some_and(|n| {
            let verb = cx.text(Span::new(pos, pos + n));
            ["牵头", "负责", "统筹", "主办", "承办", "协办"].iter().any(|w| verb.contains(w))
        });
        if from == by && !charge_only {
            continue;
        }
        let Some(n) = lead.or(guide).or(accompanied.as_ref().map(|_| 0)) else { continue };
        let verb = if n == 0 { accompanied.clone().unwrap_or_default() } else { cx.text(Span::new(pos, pos + n)) };
        // more bodies in charge in the clauses after (由A主办，B、C承办)
        let mut charges = if lead.is_none() && guide.is_some() { Vec::new() } else { vec![(agents, verb)] };
        let mut end = pos + n;
        while end < sentence.end && matches!(chars[end], '，' | '；' | ',') {
            let (more, at) = bodies_from(end + 1);
            let Some(m) = cx.lex.lead_verbs.longest_at(chars, at).filter(|_| !more.is_empty()) else { break };
            charges.push((more, cx.text(Span::new(at, at + m))));
            end = at + m;
        }
        let initiative = |it: &&Item| it.entities.iter().all(|&e| cx.kind(e) == EntityKind::Initiative);
        // the initiative of the clause (X项目由A投资建设), else of the clause before it (X项目，由A
        // 负责建设)
        let clause = clause_start(cx, by);
        let before = clause_start(cx, clause.saturating_sub(1)).max(sentence.start);
        let named_in = |from: usize, to: usize| -> Vec<usize> {
            items
                .iter()
                .filter(|it| it.span.start >= from && it.span.end <= to)
                .filter(initiative)
                .flat_map(|it| it.entities.clone())
                .collect()
        };
        // what the bodies built, right after the verb (由A投资建设的X项目)
        let mut here = if chars.get(pos + n) == Some(&'的') {
            items
                .iter()
                .find(|it| it.span.start == pos + n + 1)
                .filter(initiative)
                .map(|it| it.entities.clone())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        if here.is_empty() {
            here = named_in(clause.max(sentence.start), by);
        }
        if here.is_empty() && clause > sentence.start {
            here = named_in(before, clause);
        }
        let topic = if here.is_empty() {
            // the item before: a short sentence naming one initiative
            let previous = cx.doc.sentence_at(sentence.start.saturating_sub(1)).map(|i| cx.doc.sentences[i]);
            previous
                .filter(|p| p.end <= sentence.start && p.len() <= 24)
                .map(|p| {
                    cx.items_in(p).iter().filter(initiative).flat_map(|it| it.entities.clone()).collect::<Vec<_>>()
                })
                .filter(|t| t.len() == 1)
                .unwrap_or_default()
        } else {
            here
        };
        for (agents, verb) in &charges {
            for &a in agents {
                for &t in &topic {
                    push(out, a, t, RelationType::Promotes, verb, sentence);
                }
            }
        }
    }
}

/// A stated relation that fits no type: "A 投诉 B", "A 被 B 认定为 …", labelled with the verb.
pub(super) fn related(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    for clause in clauses(chars, sentence) {
        let items = cx.items_in(clause);
        for v in clause.start..clause.end {
            let Some(n) = cx.lex.related_verbs.longest_at(chars, v) else { continue };
            let verb = cx.text(Span::new(v, v + n));
            let before: Vec<&Item> = items.iter().filter(|it| it.span.end <= v).collect();
            let after = items.iter().find(|it| it.span.start >= v + n);
            // A被B认定: B acts on A
            let passive =
                before.last().filter(|b| cx.text(Span::new(b.span.start.saturating_sub(1), b.span.start)) == "被");
            // A向B提起公诉, A对B作出处罚: B, named after 向/对 before the verb, is acted on
            let toward = before.len() >= 2
                && before.last().is_some_and(|b| {
                    let at = b.span.start.saturating_sub(1);
                    matches!(chars[at], '向' | '对')
                        && cx.text(Span::new(b.span.end, v)).chars().all(crate::text::is_han)
                });
            let (subject, object) = match passive {
                Some(agent) => (Some(*agent), before.iter().rev().nth(1).copied()),
                None if toward => (before.first().copied(), before.last().copied()),
                None => (before.first().copied(), after),
            };
            if let (Some(s), Some(o)) = (subject, object) {
                for &a in &s.entities {
                    for &b in &o.entities {
                        push(out, a, b, RelationType::Related, &verb, sentence);
                    }
                }
            }
        }
    }
}

/// A plan that sets out its programmes in a list (《行动计划》明确实施六大工程：\n一是“链主引领”工
/// 程。…\n二是…): the plan promotes the programme each item opens with. The plan is the document
/// the sentence before the colon names first (its topic: 《行动计划》是落实《…方案》的举措，明确…);
/// the items start a paragraph or a clause (after 。
/// or ；) with an ordinal, and the list ends at the first paragraph that does not.
pub(super) fn programme_lists(cx: &Cx<'_>, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    for sentence in &cx.doc.sentences {
        let text = cx.text(*sentence);
        // the list follows a colon, or starts the next paragraph (…提出了四项重点工程。\n一是…)
        let next_paragraph = (sentence.end..chars.len().min(sentence.end + 4))
            .find(|&j| !chars[j].is_whitespace())
            .filter(|&j| j > 0 && chars[j - 1] == '\n' && crate::text::ordinal_at(chars, j).is_some());
        let Some(colon) = text
            .trim_end()
            .strip_suffix(['：', ':'])
            .map(|t| sentence.start + t.chars().count())
            .or_else(|| next_paragraph.map(|j| j - 1))
            // or runs on in the sentence (提出实施“六大工程”：一是…工程，…；二是…)
            .or_else(|| {
                (sentence.start..sentence.end)
                    .find(|&j| matches!(chars[j], '：' | ':') && crate::text::ordinal_at(chars, j + 1).is_some())
            })
        else {
            continue;
        };
        // a document (…行动方案（2024—2026年）, with its years in brackets)
        let document = |e: usize| {
            let label = &cx.r.entities[e].label;
            let bare = label
                .rfind(['（', '('])
                .filter(|_| label.ends_with(['）', ')']))
                .map_or(label.as_str(), |b| &label[..b]);
            cx.kind(e) == EntityKind::Initiative && cx.lex.document_words.suffix_of(bare).is_some()
        };
        let Some(plan) = cx
            .items_in(Span::new(sentence.start, colon))
            .iter()
            .find_map(|it| it.entities.iter().copied().find(|&e| document(e)))
        else {
            continue;
        };
        let mut items = 0;
        let mut i = colon + 1;
        let limit = (colon + 4000).min(chars.len());
        while i < limit {
            let opens = i > 0 && matches!(chars[i - 1], '\n' | '：' | '。' | '；');
            if !opens || chars[i].is_whitespace() {
                i += 1;
                continue;
            }
            let Some(n) = crate::text::ordinal_at(chars, i) else {
                // a paragraph without an ordinal ends the list
                if chars[i - 1] == '\n' && items > 0 {
                    break;
                }
                i += 1;
                continue;
            };
            items += 1;
            let end = (i + n..chars.len()).find(|&j| matches!(chars[j], '。' | '；' | '\n')).unwrap_or(chars.len());
            let item_span = Span::new(i + n, end.min(i + n + 30));
            let opened = cx.items_in(item_span).iter().find(|it| !it.reference).map(|it| it.entities.clone());
            if let (Some(entities), Some(ev)) = (opened, cx.sentence_of(i)) {
                for e in entities.into_iter().filter(|&e| cx.kind(e) == EntityKind::Initiative) {
                    push(out, plan, e, RelationType::Promotes, "实施", ev);
                }
            }
            i += n;
        }
    }
}

/// Bodies named inside another name: the issuer of a document (《宜宾市人民政府办公室关于…的
/// 通知》), the parties named in an agreement's title (they sign it) and the company of a project
/// (江北康达玻璃基板项目) promote it.
pub(super) fn inside_names(cx: &Cx<'_>, out: &mut Vec<Relation>) {
    for n in &cx.r.nested {
        let host = &cx.r.mentions[n.host];
        let label = if n.mention.rule == "signatory" {
            "签署"
        } else if cx.kind(n.mention.entity) != EntityKind::Organization {
            continue;
        } else if cx.r.entities[host.entity].label.contains("关于") {
            "发布"
        } else {
            "项目方"
        };
        if let Some(ev) = cx.sentence_of(host.span.start) {
            push(out, n.mention.entity, host.entity, RelationType::Promotes, label, ev);
        }
    }
}
