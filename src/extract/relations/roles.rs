//! Posts: a person named after a title holds a post in the body the title names (游仙区委书记 →
//! 游仙区委; 市发展改革委主任 → 市发展改革委), else in the place it names (江津区副区长 →
//! 江津区), else — a bare title — in the home area or focus body of the title's scope (市长 →
//! the city the document is about; 副校长 → its university; 记者, 编辑 → its outlet). A run of
//! titles (宜宾市委副书记、市长) gives one post per title; a bare title in a run is held where the
//! title before it is (the 市长 of 宜宾市委副书记、市长 is 宜宾市's).

use super::{Cx, push};
use crate::extract::discourse::Scope;
use crate::extract::gazetteer::{Gazetteer, Level};
use crate::extract::{EntityKind, RelationType};
use crate::text::Span;

pub(super) fn find(cx: &Cx<'_>, out: &mut Vec<super::Relation>) {
    for m in &cx.r.mentions {
        let Some(mut role) = m.role else { continue };
        if cx.kind(m.entity) != EntityKind::Person {
            continue;
        }
        // the title phrase covers the whole body it names (市发展改革委主任, not 改革委主任)
        while let Some(body) = cx.r.mentions.iter().find(|o| o.span.start < role.start && role.start < o.span.end) {
            role.start = body.span.start;
        }
        let evidence = Span::new(role.start.min(m.span.start), role.end.max(m.span.end));
        let mut previous: Option<usize> = None;
        let listed = listed_after_body(cx, role, out);
        for (n, segment) in segments(cx, role).into_iter().enumerate() {
            let label = cx.text(segment);
            let label = label.trim_matches(|c: char| c.is_whitespace() || "、，,·:：".contains(c));
            if label.is_empty() {
                continue;
            }
            // a title no body or level names, listed after another person's post in a body: held
            // in that body (某医院党委书记甲、院长乙)
            // (an honour is no post: 校长甲、院士乙)
            let honour = cx.lex.honorifics.contains(label);
            if writes_for_outlet_only(cx, label) && cx.mentions_in(segment).is_empty() {
                continue;
            }
            let body = body_of(cx, segment, label, previous)
                .or_else(|| listed.filter(|_| n == 0 && !honour && scope_of_title(cx, label).is_none()))
                .or_else(|| deputy_of_head_before(cx, segment, label, out));
            if let Some((body, kind)) = body {
                // two titles held in one body are one post with both (宜宾市委副书记、市长)
                match out.last_mut() {
                    Some(last) if previous == Some(body) && last.source == m.entity && last.target == body => {
                        last.label = format!("{}、{label}", last.label);
                    }
                    _ => push(out, m.entity, body, kind, label, evidence),
                }
                previous = Some(body);
            }
        }
    }
}

/// A bare deputy's title after the head's post in the same sentence (某委员会主任甲主持会议，副主任乙、
/// 丙出席): the deputy holds the post in the head's body.
fn deputy_of_head_before(
    cx: &Cx<'_>,
    segment: Span,
    label: &str,
    out: &[super::Relation],
) -> Option<(usize, RelationType)> {
    let head = label.strip_prefix('副')?;
    if head.chars().count() < 2 || scope_of_title(cx, label).is_some() {
        return None;
    }
    let sentence = cx.sentence_of(segment.start)?;
    out.iter()
        .rev()
        .filter(|r| sentence.contains(r.evidence) && r.evidence.end <= segment.start)
        .filter(|r| matches!(r.kind, RelationType::HoldsPosition | RelationType::WorksFor))
        .find(|r| r.label.rsplit('、').next().is_some_and(|t| t.ends_with(head) && !t.ends_with(label)))
        .map(|r| (r.target, r.kind))
}

/// The organization (and how it employs) of the post just found for the person listed right before
/// a title (…党委书记甲、院长乙: 甲's body, for 乙's 院长).
fn listed_after_body(cx: &Cx<'_>, role: Span, out: &[super::Relation]) -> Option<(usize, RelationType)> {
    if role.start == 0 || cx.chars[role.start - 1] != '、' {
        return None;
    }
    let before = cx.r.mentions.iter().rfind(|o| o.span.end == role.start - 1)?;
    if cx.kind(before.entity) != EntityKind::Person {
        return None;
    }
    // (the post given right there, not one from an earlier sentence)
    out.iter()
        .rev()
        .find(|r| {
            r.source == before.entity
                && r.evidence.end == before.span.end
                && matches!(r.kind, RelationType::HoldsPosition | RelationType::WorksFor)
                && cx.kind(r.target) == EntityKind::Organization
        })
        .map(|r| (r.target, r.kind))
}

/// How far back the village or town of a local title (村党支部书记, 镇长) is looked for.
const VILLAGE_REACH: usize = 200;

/// How far back the court, procuratorate or hospital of a bare post (审判员) is looked for: a story
/// names its court at the top.
const INSTITUTE_REACH: usize = 1200;

/// How far back a body named by the words before a title (实验室主任 → the …实验室) is looked for.
const BODY_REACH: usize = 400;

/// "<body word><title>由<person>担任" (实验室主任由副院长陶一鸣担任, 中心主任由李明出任): the person
/// holds the title in the body those words name — the last entity named before whose name ends
/// with them (…联合实验室). A title without such words is left alone: which body it belongs to
/// is not said.
pub(super) fn assigned(cx: &Cx<'_>, sentence: Span, out: &mut Vec<super::Relation>) {
    let chars = cx.chars;
    for by in (sentence.start + 1..sentence.end).filter(|&i| chars[i] == '由') {
        let Some(n) = cx.lex.titles.longest_ending_at(chars, by) else { continue };
        let title = Span::new(by - n, by);
        let Some(person) = cx
            .items_in(Span::new(by + 1, sentence.end))
            .iter()
            .find(|it| it.entities.len() == 1 && cx.kind(it.entities[0]) == EntityKind::Person)
        else {
            continue;
        };
        // 担任 right after the person (or after an honorific: 方振华教授担任)
        let verb_at = (person.span.end..(person.span.end + 4).min(sentence.end))
            .find(|&i| cx.lex.assignment_verbs.longest_at(chars, i).is_some());
        let Some(verb_at) = verb_at else { continue };
        if !cx.items_in(Span::new(person.span.end, verb_at)).is_empty() {
            continue;
        }
        // the body words right before the title, longest first
        let body = (2..=4).rev().filter(|&k| title.start >= k + sentence.start.min(title.start)).find_map(|k| {
            let words = cx.text(Span::new(title.start - k, title.start));
            cx.r.mentions
                .iter()
                .rev()
                .filter(|m| m.span.end <= title.start && m.span.start + BODY_REACH >= title.start)
                .find(|m| {
                    cx.kind(m.entity) != EntityKind::Person && cx.r.entities[m.entity].label.ends_with(words.as_str())
                })
                .map(|m| m.entity)
        });
        if let Some(body) = body {
            let label = cx.text(Span::new(title.start, title.end));
            push(out, person.entities[0], body, employment(cx, body), &label, sentence);
        }
    }
}

/// How far back the word of an appointment (任命：) is looked for from an appointed person.
const APPOINTMENT_REACH: usize = 300;

/// Posts given or taken by a personnel decision, with the title after the person: "任命甲为某市
/// 教育局局长", a notice's list under 决定任命：(乙为某局局长；), "免去丙的某院副检察长职务",
/// and "丁担任某公司总经理". The post runs to the body the words after the person start with, and
/// the words must end in a title.
pub(super) fn appointed(cx: &Cx<'_>, out: &mut Vec<super::Relation>) {
    // the word after the person, and whether it needs an appointment word before the person
    const LINKS: [(&str, bool); 8] = [
        ("被任命为", false),
        ("任命为", false),
        ("当选为", false),
        ("担任", false),
        ("出任", false),
        ("兼任", false),
        ("为", true),
        ("的", true),
    ];
    let chars = cx.chars;
    for (k, it) in cx.items.iter().enumerate() {
        let [person] = it.entities[..] else { continue };
        if it.reference || cx.kind(person) != EntityKind::Person {
            continue;
        }
        let after: String = chars[it.span.end..(it.span.end + 4).min(chars.len())].iter().collect();
        let Some(&(link, needs_word)) = LINKS.iter().find(|(w, _)| after.starts_with(w)) else { continue };
        let start = it.span.end + link.chars().count();
        // the appointment reaches to the clause's end
        let end = (start..chars.len())
            .find(|&i| matches!(chars[i], '；' | ';' | '。' | '\n' | '，' | ',' | '：'))
            .unwrap_or(chars.len());
        let Some(body_item) = cx.items.get(k + 1).filter(|b| b.span.start == start && b.span.end < end) else {
            continue;
        };
        let [body] = body_item.entities[..] else { continue };
        if !matches!(cx.kind(body), EntityKind::Organization | EntityKind::Place) {
            continue;
        }
        let removal = link == "的";
        let posts_end = if removal {
            match cx.text(Span::new(body_item.span.end, end)).strip_suffix("职务") {
                Some(rest) => body_item.span.end + rest.chars().count(),
                None => continue,
            }
        } else {
            end
        };
        // every part after the body is a title (副院长、审判委员会委员)
        let posts = Span::new(body_item.span.end, posts_end);
        let titled = parts_of(chars, posts).iter().all(|p| cx.lex.titles.longest_ending_at(chars, p.end).is_some());
        if posts.is_empty() || !titled {
            continue;
        }
        if needs_word {
            let floor = chars[..it.span.start].iter().rposition(|&c| c == '。').map_or(0, |p| p + 1);
            let from = it.span.start.saturating_sub(APPOINTMENT_REACH).max(floor);
            if !(from..it.span.start).any(|i| cx.lex.appointment_words.starts_at(chars, i)) {
                continue;
            }
        }
        let label = cx.text(posts);
        let sentence = cx.sentence_of(it.span.start).unwrap_or(Span::new(it.span.start, posts_end));
        push(out, person, body, employment(cx, body), &label, sentence);
    }
}

/// The parts of a span between its 、.
fn parts_of(chars: &[char], span: Span) -> Vec<Span> {
    super::parts(chars, span, &['、'])
}

/// The titles of a run, each with the body words before it: 宜宾市委副书记 | 市长.
fn segments(cx: &Cx<'_>, role: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = role.start;
    for i in role.start..role.end {
        if matches!(cx.chars[i], '、' | '，' | ',') && !cx.items.iter().any(|it| it.span.start < i && i < it.span.end)
        {
            out.push(Span::new(start, i));
            start = i + 1;
        }
    }
    out.push(Span::new(start, role.end));
    out
}

/// Where a title holds its post, and whether that is a post (`holds_position`) or employment
/// (`works_for`, for companies and media). `previous` is where the title before it in the run
/// is held.
fn body_of(cx: &Cx<'_>, segment: Span, label: &str, previous: Option<usize>) -> Option<(usize, RelationType)> {
    let inside = cx.mentions_in(segment);
    // the body the title names: the first organization (重庆日报 of 重庆日报·上游新闻记者)
    if let Some(org) = inside.iter().find(|o| cx.kind(o.entity) == EntityKind::Organization) {
        // a numbered unit after the word for its body (该院第二检察部检察官): the body (学校科学技术处
        // 处长 holds the post in the office)
        // (the title phrase may start inside the word: 院第二检察部检察官 of 该院…)
        let numbered =
            |gap: &[char]| gap.len() >= 2 && gap[0] == '第' && gap[1..].iter().all(|&c| crate::text::is_cn_numeral(c));
        let unit_of_reference = cx.d.references.iter().find(|r| {
            r.entities.len() == 1
                && r.span.end > segment.start.saturating_sub(1)
                && r.span.end <= org.span.start
                && numbered(&cx.chars[r.span.end..org.span.start])
                && cx.r.entities[org.entity].label.chars().count() <= 5
        });
        if let Some(reference) = unit_of_reference {
            return Some((reference.entities[0], employment(cx, reference.entities[0])));
        }
        return Some((org.entity, employment(cx, org.entity)));
    }
    if let Some(place) = inside.iter().rev().find(|o| cx.kind(o.entity) == EntityKind::Place) {
        let committee = (cx.chars.get(place.span.end) == Some(&'委')).then(|| committee_of(cx, place.entity));
        return Some((committee.flatten().unwrap_or(place.entity), RelationType::HoldsPosition));
    }
    // 我校副校长, 该区区长: the body the word stands for
    // (the title phrase may start inside the word: 院检察长 of 该院检察长)
    if let Some(reference) =
        cx.d.references
            .iter()
            .find(|r| r.span.end > segment.start && r.span.end <= segment.end && r.span.start + 2 >= segment.start)
        && let [e] = reference.entities[..]
    {
        return Some((e, employment(cx, e)));
    }
    // a court's, a procuratorate's or a hospital's post (审判员, 办案检察官): held in the one of its
    // kind named last before it
    if let Some(ending) =
        cx.lex.institute_titles.rows().iter().find(|r| label.ends_with(r[0].as_str())).and_then(|r| r.get(1))
    {
        let of_kind = |e: usize| {
            let entity = &cx.r.entities[e];
            // (a court goes by 中院 and 高院 too)
            let court = |n: &str| ending == "法院" && (n.ends_with("中院") || n.ends_with("高院"));
            cx.kind(e) == EntityKind::Organization
                && std::iter::once(&entity.label)
                    .chain(&entity.aliases)
                    .any(|n| n.ends_with(ending.as_str()) || court(n))
        };
        if let Some(m) =
            cx.r.mentions
                .iter()
                .rev()
                .filter(|m| m.span.end <= segment.start && m.span.end + INSTITUTE_REACH >= segment.start)
                .find(|m| of_kind(m.entity))
        {
            return Some((m.entity, RelationType::HoldsPosition));
        }
    }
    // a title after the word of its body's kind (实验室主任, 中心副主任): held in the last body
    // named before whose name ends in that word
    if let Some(body) = body_by_its_kind(cx, segment, label) {
        return Some((body, employment(cx, body)));
    }
    // a village's or a town's title (村党支部书记, 镇党委书记, 乡长) is held in the one named last
    // before it, else in the one its sentence names after it (镇党委书记甲介绍，某镇…)
    // (乡镇干部 names no town)
    let local = match level_word(label).filter(|_| !label.contains("乡镇")) {
        Some('村') => Some(&["村"][..]),
        Some('镇' | '乡') => Some(&["镇", "乡"][..]),
        _ => None,
    };
    if let Some(endings) = local {
        let of_level = |m: &&crate::extract::resolve::Mention| {
            cx.kind(m.entity) == EntityKind::Place && endings.iter().any(|w| cx.r.entities[m.entity].label.ends_with(w))
        };
        let before =
            cx.r.mentions
                .iter()
                .rev()
                .filter(|m| m.span.end <= segment.start && m.span.end + VILLAGE_REACH >= segment.start)
                .find(of_level);
        let sentence = cx.sentence_of(segment.start);
        let after = || {
            cx.r.mentions
                .iter()
                .filter(|m| m.span.start >= segment.end && sentence.is_some_and(|s| s.contains(m.span)))
                .find(of_level)
        };
        return before.or_else(after).map(|m| (m.entity, RelationType::HoldsPosition));
    }
    let scope = scope_of_title(cx, label)?;
    // a bare title after a named one: held in the same place (宜宾市委副书记、市长), or in the
    // same zone for a zone committee's title (万盛经开区党工委副书记、管委会主任): the committee
    // when the document names it (万盛经开区管委会), else the zone
    if let Some(p) = previous.map(|p| super::places::principal(cx, p)) {
        // (a county-level city has a 市长 too: 晋江市委副书记、市长)
        if scope_matches(cx, p, scope) || scope == Scope::City && county_level_city(cx, p) {
            return Some((p, RelationType::HoldsPosition));
        }
        let zone = &cx.r.entities[p];
        if let Some(word) = cx.lex.zone_committee_words.iter().find(|w| label.contains(w))
            && zone.kind == EntityKind::Place
            && zone.key.adcode().is_none()
        {
            let committee = (0..cx.r.entities.len()).find(|&e| {
                let org = &cx.r.entities[e];
                org.kind == EntityKind::Organization
                    && org.label.ends_with(word)
                    && std::iter::once(&zone.label).chain(&zone.aliases).any(|n| org.label.starts_with(n.as_str()))
            });
            return Some((committee.unwrap_or(p), RelationType::HoldsPosition));
        }
    }
    // the body of a zone's committees, when the document names it (管委会副主任)
    for word in cx.lex.zone_committee_words.iter() {
        if label.contains(word) {
            let named: Vec<usize> = (0..cx.r.entities.len())
                .filter(|&e| cx.kind(e) == EntityKind::Organization && cx.r.entities[e].label.ends_with(word))
                .collect();
            if let [e] = named[..] {
                return Some((e, RelationType::HoldsPosition));
            }
        }
    }
    // a place of the title's level named before it in the sentence (湖北省襄阳市委书记黄振东，市委
    // 副书记、市长刘思远), else the document's home area of that level
    let near = cx.sentence_of(segment.start).and_then(|sentence| {
        cx.r.mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= segment.start && m.span.start >= sentence.start)
            .map(|m| super::places::principal(cx, m.entity))
            .find(|&p| scope_matches_title(cx, p, scope, label))
    });
    // a prefecture's title (州长, 州委书记) is held in a prefecture (…自治州), never in a city of
    // another name (杭州市): the one named last before it, else the first the document names
    let body = if level_word(label) == Some('州') {
        let prefecture = |p: usize| {
            scope_matches(cx, p, Scope::City)
                && cx.r.entities[p]
                    .key
                    .adcode()
                    .and_then(|c| Gazetteer::get().area(c))
                    .is_some_and(|a| a.name.ends_with('州'))
        };
        let before =
            cx.r.mentions
                .iter()
                .rev()
                .filter(|m| m.span.end <= segment.start)
                .map(|m| m.entity)
                .find(|&p| prefecture(p));
        before.or_else(|| (0..cx.r.entities.len()).find(|&p| prefecture(p)))?
    } else {
        near.or_else(|| cx.d.of(scope))?
    };
    // 县委书记: the county's committee when the text names it as a body, else the county; 市政协
    // 主席, 市中级人民法院院长: that organ of the city when the text names it in full
    let body = if party_title(label) { committee_of(cx, body).unwrap_or(body) } else { body };
    let body = organ_named(cx, body, label).unwrap_or(body);
    Some((body, employment(cx, body)))
}

/// The body a title names by its kind's word before it (实验室主任 → the …实验室 named last,
/// within reach), when that word ends like an organization's name and names no level (市委, 县政府
/// are the places').
fn body_by_its_kind(cx: &Cx<'_>, segment: Span, label: &str) -> Option<usize> {
    let title = cx.lex.titles.suffix_of(label)?;
    let words = label.strip_suffix(title)?;
    let n = words.chars().count();
    if !(2..=4).contains(&n)
        || words.starts_with(['市', '县', '区', '省', '州', '镇', '乡', '村', '旗', '副', '党'])
        || cx.lex.org_suffixes.suffix_of(words).is_none()
    {
        return None;
    }
    cx.r.mentions
        .iter()
        .rev()
        .filter(|m| m.span.end <= segment.start && m.span.start + BODY_REACH >= segment.start)
        .find(|m| {
            let e = &cx.r.entities[m.entity];
            cx.kind(m.entity) == EntityKind::Organization
                && std::iter::once(&e.label).chain(&e.aliases).any(|n| n.ends_with(words))
        })
        .map(|m| m.entity)
}

/// The organ of `place` that a bare title's words name (市政协 of 市政协主席), when the document
/// names that organ with the place's name.
fn organ_named(cx: &Cx<'_>, place: usize, label: &str) -> Option<usize> {
    let words = label.strip_prefix(['市', '县', '区', '州', '省'])?;
    let organ = cx.lex.place_organs.prefix_of(words)?;
    let place = &cx.r.entities[place];
    // the organ's full names: the place's name and the organ (营口市中级人民法院), or 政协 around
    // the place's name (政协营口市委员会)
    let full: Vec<String> = std::iter::once(&place.label)
        .chain(&place.aliases)
        .filter(|n| n.chars().count() >= 2)
        .map(|n| if organ == "政协" { format!("政协{n}委员会") } else { format!("{n}{organ}") })
        .collect();
    // (or by identity: 某市第五届人民代表大会常务委员会 is 某市人大常委会)
    let keys: Vec<crate::extract::identity::Key> = full.iter().map(|n| crate::extract::identity::Key::org(n)).collect();
    (0..cx.r.entities.len()).find(|&e| {
        let org = &cx.r.entities[e];
        cx.kind(e) == EntityKind::Organization
            && (std::iter::once(&org.label).chain(&org.aliases).any(|n| full.contains(n)) || keys.contains(&org.key))
    })
}

/// The level word a bare title's body words start with, after 副/常务 (州 of 州委副书记, 市 of 常务副
/// 市长).
fn level_word(label: &str) -> Option<char> {
    let body = ["驻", "常务", "第一", "执行", "副", "党组"].iter().fold(label, |l, p| l.strip_prefix(p).unwrap_or(l));
    let body = body.strip_prefix("副").unwrap_or(body);
    // an autonomous area's titles name its level after 自治 (自治区副主席: a province's)
    match body.strip_prefix("自治").and_then(|rest| rest.chars().next()) {
        Some('区') => Some('省'),
        Some(c @ ('州' | '县' | '旗')) => Some(c),
        _ => body.chars().next(),
    }
}

/// Whether a bare title is a post in a party committee of its level (县委书记, 市委常委).
fn party_title(label: &str) -> bool {
    let mut chars = label.chars();
    matches!(chars.next(), Some('省' | '市' | '州' | '区' | '县' | '旗')) && chars.next() == Some('委')
}

/// The party committee of a place, when the document names it as a body (中共巫溪县委; 巫溪县委、
/// 县政府): analysts carry a committee title there; without it, to the place.
fn committee_of(cx: &Cx<'_>, place: usize) -> Option<usize> {
    let key = crate::extract::identity::Key::org(&format!("{}委", cx.r.entities[place].label));
    (0..cx.r.entities.len()).find(|&e| cx.kind(e) == EntityKind::Organization && cx.r.entities[e].key == key)
}

/// Whether an entity is the body of a scope (a city for 市长).
fn scope_matches(cx: &Cx<'_>, e: usize, scope: Scope) -> bool {
    scope_matches_title(cx, e, scope, "")
}

/// Whether an entity is the body of a scope for a title: an autonomous region's title (自治区副主席)
/// is held in an autonomous region only.
fn scope_matches_title(cx: &Cx<'_>, e: usize, scope: Scope, label: &str) -> bool {
    let Some(area) = cx.r.entities[e].key.adcode().and_then(|c| Gazetteer::get().area(c)) else {
        return false;
    };
    if label.contains("自治区") && !area.name.ends_with("自治区") {
        return false;
    }
    match scope {
        Scope::Province => area.level == Level::Province,
        Scope::City => area.level == Level::City,
        Scope::District => area.level == Level::County && area.name.ends_with('区'),
        Scope::County => area.level == Level::County,
        _ => false,
    }
}

/// Whether an entity is a county-level city (晋江市).
fn county_level_city(cx: &Cx<'_>, e: usize) -> bool {
    let area = cx.r.entities[e].key.adcode().and_then(|c| Gazetteer::get().area(c));
    area.is_some_and(|a| a.level == Level::County && a.name.ends_with('市'))
}

/// Whether an organization is a news medium by its name (日报, 电视台, 某某网, 新华社).
fn is_news_medium(cx: &Cx<'_>, e: usize) -> bool {
    let label = &cx.r.entities[e].label;
    cx.lex.media_title_endings.suffix_of(label).is_some()
        || cx.lex.media_endings.suffix_of(label).is_some()
        || label.ends_with('网')
        || label.ends_with('社')
}

/// A correspondent (通讯员) credited by a news medium, or with no outlet named: a contributor from
/// the body reported on, not the medium's staff, so a bare credit says nothing of whom they work
/// for. On a body's own site (来源：科学技术处) the correspondent is the body's; one named with a
/// body (县公安局通讯员) is that body's.
fn writes_for_outlet_only(cx: &Cx<'_>, label: &str) -> bool {
    const CORRESPONDENT: [&str; 2] = ["通讯员", "通訊員"];
    CORRESPONDENT.iter().any(|w| label.ends_with(w)) && cx.d.outlet.is_none_or(|o| is_news_medium(cx, o))
}

/// Companies and media employ; public bodies and places have posts.
fn employment(cx: &Cx<'_>, body: usize) -> RelationType {
    let label = &cx.r.entities[body].label;
    let media = is_news_medium(cx, body);
    let company = ["公司", "集团", "企业"].iter().any(|s| label.ends_with(s));
    if cx.kind(body) == EntityKind::Organization && (media || company || Some(body) == cx.d.outlet) {
        RelationType::WorksFor
    } else {
        RelationType::HoldsPosition
    }
}

/// The scope a bare title speaks of: a credit (记者, 编辑), a university's or a company's titles,
/// or the level its body words name (市委书记, 副区长, 县领导, 州长).
fn scope_of_title(cx: &Cx<'_>, label: &str) -> Option<Scope> {
    let names_people = |r: &Vec<String>| r.get(2).is_some_and(|w| w == "person" || w == "either");
    if cx.lex.credit_labels.rows().iter().filter(|r| names_people(r)).any(|r| label.ends_with(r[0].as_str())) {
        return Some(Scope::Outlet);
    }
    if cx.lex.university_titles.suffix_of(label).is_some() || label.starts_with('校') {
        return Some(Scope::University);
    }
    if let Some(title) = cx.lex.company_titles.suffix_of(label) {
        // (a company the text describes but does not name is not the one it is about: 合资公司
        // 总经理, 子公司董事长)
        let words = label.strip_suffix(title).unwrap_or_default();
        let other = words
            .strip_suffix("公司")
            .is_some_and(|w| ["合资", "子", "分", "项目", "参股", "联营"].iter().any(|q| w.ends_with(q)));
        return (!other).then_some(Scope::Company);
    }
    if cx.lex.zone_committee_words.iter().any(|w| label.contains(w)) {
        return Some(Scope::District);
    }
    // the level the title's body words start with, after 副/常务 (副区长, 常务副市长; not 社区主任)
    match level_word(label)? {
        '市' | '州' => Some(Scope::City),
        '区' => Some(Scope::District),
        // a banner (旗) is a county of Inner Mongolia
        '县' | '旗' => Some(Scope::County),
        '省' => Some(Scope::Province),
        _ => None,
    }
}
