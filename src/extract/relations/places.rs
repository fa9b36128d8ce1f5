//! Where things are and what they belong to: containment from the gazetteer, bodies and
//! departments of a place or a university (`part_of`), zones and projects named after their
//! place, 位于/坐落于/落户/在…落地 (`located_in`), 纳入 lists (`part_of`, and the place a list of
//! projects is introduced by), zones inside zones, and a group's subsidiaries.

use super::{Cx, Item, clauses, push};
use crate::extract::discourse::Scope;
use crate::extract::gazetteer::{Gazetteer, Level};
use crate::extract::identity::Key;
use crate::extract::{EntityKind, Relation, RelationType};
use crate::lexicon::Lexicon;
use crate::text::Span;

/// The place entity whose name `s` starts with (longest name), and that name's length.
fn place_prefix(cx: &Cx<'_>, s: &str, not: usize) -> Option<(usize, usize)> {
    let len = s.chars().count();
    cx.place_names.iter().find_map(|(name, i)| {
        let n = name.chars().count();
        (*i != not && n < len && s.starts_with(name.as_str())).then_some((*i, n))
    })
}

/// The sentence of an entity's first mention.
fn first_sentence(cx: &Cx<'_>, e: usize) -> Option<Span> {
    cx.r.entities[e].mentions.first().and_then(|m| cx.sentence_of(m.start))
}

/// The first sentence that names both entities.
fn sentence_naming_both(cx: &Cx<'_>, a: usize, b: usize) -> Option<Span> {
    cx.r.entities[a]
        .mentions
        .iter()
        .filter_map(|m| cx.sentence_of(m.start))
        .find(|s| cx.r.entities[b].mentions.iter().any(|m| s.contains(*m)))
}

/// `part_of` from the gazetteer: an area the document names is part of the nearest of its
/// ancestors the document also names (甘州区 → 张掖市, 张掖市 → 甘肃省) when a sentence names the
/// two together, which is the evidence. Areas only named apart are left unrelated: no sentence
/// would show the analyst the containment (across our annotated sets, 9 of 74 such pairs were
/// stated by the analysts).
pub(super) fn containment(cx: &Cx<'_>, out: &mut Vec<Relation>) {
    let g = Gazetteer::get();
    for (i, e) in cx.r.entities.iter().enumerate() {
        let Some(code) = e.key.adcode() else { continue };
        let parent = g.ancestors(code).skip(1).find_map(|a| {
            let key = Key::Area(a.adcode);
            cx.r.entities.iter().position(|x| x.key == key)
        });
        let Some(parent) = parent else { continue };
        if let Some(ev) = sentence_naming_both(cx, i, parent) {
            push(out, i, parent, RelationType::PartOf, RelationType::PartOf.label_zh(), ev);
        }
    }
}

/// Whether place `inner` lies within place `outer` by the gazetteer, or (for a place it does not
/// list, such as a zone) is not known to lie elsewhere.
fn places_within(cx: &Cx<'_>, inner: usize, outer: usize) -> bool {
    match (cx.r.entities[inner].key.adcode(), cx.r.entities[outer].key.adcode()) {
        (Some(i), Some(o)) => i != o && Gazetteer::get().is_within(i, o),
        (None, _) => cx.kind(inner) == EntityKind::Place,
        (Some(_), None) => false,
    }
}

/// Whether the rest of a body's name after its place is a body of that place.
fn is_body_ending(rest: &str) -> bool {
    rest.chars().count() >= 1 && Lexicon::get().body_endings.suffix_of(rest).is_some()
}

fn is_organ(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['市', '区', '县', '省', '州']);
    rest.is_empty() || Lexicon::get().organ_words.contains(rest)
}

/// The place an organization stands for when it is one of its organs (中共广元市委员会, 广元市
/// 人民政府 → 广元市); other entities stand for themselves.
pub(super) fn principal(cx: &Cx<'_>, e: usize) -> usize {
    if cx.kind(e) != EntityKind::Organization {
        return e;
    }
    let label = &cx.r.entities[e].label;
    let mut bare: String = label.strip_prefix("中共").unwrap_or(label).to_owned();
    // past the places that only qualify the next one (厦门市海沧区委 → 海沧区委), whether the
    // document names them elsewhere or not (湖北省襄阳市委)
    let g = Gazetteer::get();
    loop {
        if let Some((p, n)) = place_prefix(cx, &bare, e) {
            let rest: String = bare.chars().skip(n).collect();
            if is_organ(&rest) {
                return p;
            }
            bare = rest;
            continue;
        }
        let chars: Vec<char> = bare.chars().collect();
        let Some(n) = (2..chars.len().saturating_sub(2)).rev().find(|&n| {
            let head: String = chars[..n].iter().collect();
            g.lookup(&head).next().is_some()
        }) else {
            return e;
        };
        bare = chars[n..].iter().collect();
    }
}

/// Bodies of a place and units of a university: 江津区政府办, 宜宾市人民政府办公室 → the place;
/// 市发展改革委, 区科技局 → the home area of their level; 学校教务处 → the university; an
/// unqualified department listed after a qualified one (江津区政府办、科技局) → the same place.
pub(super) fn bodies_of_places(cx: &Cx<'_>, out: &mut Vec<Relation>) {
    let mut owner_of_item: Vec<Option<usize>> = vec![None; cx.items.len()];
    for (k, item) in cx.items.iter().enumerate() {
        let [e] = item.entities[..] else { continue };
        if item.reference || cx.kind(e) != EntityKind::Organization {
            continue;
        }
        let surface = cx.text(item.span);
        let label = cx.r.entities[e].label.clone();
        // a zone's committee belongs to the zone, by either spelling (包头稀土高新区管委会 →
        // 包头稀土高新技术产业开发区)
        let zone_of_committee = cx
            .lex
            .zone_committee_words
            .suffix_of(&label)
            .and_then(|w| label.trim_start_matches("中共").strip_suffix(w))
            .map(|rest| Key::named(EntityKind::Place, rest))
            .and_then(|key| {
                cx.r.entities.iter().position(|x| {
                    x.kind == EntityKind::Place && (x.key == key || Key::named(EntityKind::Place, &x.label) == key)
                })
            });
        // the place a name (the surface, else the label) starts with, when a body of it follows
        // (after the party's name: 中共会理市委)
        let party =
            |name: &str| name.strip_prefix("中共").or_else(|| name.strip_prefix("政协")).unwrap_or(name).to_owned();
        // the innermost of the document's places the name runs through (南宁市青秀区市场监督管理
        //局 → 青秀区 where the text names 青秀区)
        let place_of = |name: &str| {
            let name = party(name);
            let (mut p, mut n) = place_prefix(cx, &name, e)?;
            while let Some((q, m)) =
                place_prefix(cx, &name.chars().skip(n).collect::<String>(), e).filter(|&(q, _)| places_within(cx, q, p))
            {
                (p, n) = (q, n + m);
            }
            let rest = |s: &str| party(s).chars().skip(n).collect::<String>();
            // a country's mission abroad (某国驻上海总领事馆) is the country's
            let country = matches!(cx.r.entities[p].key, Key::Country(_));
            (is_body_ending(&rest(&surface))
                || is_body_ending(&rest(&label))
                || is_body_ending(&rest(&name))
                || country && crate::extract::names::is_mission(&rest(&label)))
            .then_some(p)
        };
        // a unit named after the body it belongs to (…第一人民医院胸痛中心 → …第一人民医院), when
        // that body is no organ of a place (whose departments belong to the place)
        let n = label.chars().count();
        let unit_of_body = cx
            .r
            .entities
            .iter()
            .enumerate()
            .filter(|&(f, x)| {
                f != e
                    && x.kind == EntityKind::Organization
                    && x.label.chars().count() >= 3
                    && n >= x.label.chars().count() + 2
                    && label.starts_with(x.label.as_str())
                    && cx.lex.organ_words.suffix_of(&x.label).is_none()
            })
            .max_by_key(|(_, x)| x.label.chars().count())
            .map(|(f, _)| f)
            .filter(|&f| {
                // a unit's own ending (…心内科, …民一庭); any centre of a hospital (…胸痛中心), not
                // a centre a body builds (…科学中心, …创新中心)
                let parent = &cx.r.entities[f].label;
                let rest: String = label.chars().skip(parent.chars().count()).collect();
                cx.lex.sub_unit_endings.suffix_of(&rest).is_some() || parent.ends_with("医院") && rest.ends_with("中心")
            });
        let owner = zone_of_committee
            .or(unit_of_body)
            .or_else(|| place_of(&surface))
            .or_else(|| place_of(&label))
            .or_else(|| {
                // a level word before the department: 市发展改革委, 区科技局
                let scope = match surface.chars().next()? {
                    '市' => Scope::City,
                    '区' => Scope::District,
                    '县' => Scope::County,
                    '省' => Scope::Province,
                    _ => return None,
                };
                let rest: String = surface.chars().skip(1).collect();
                (is_body_ending(&rest) && rest.chars().count() >= 2).then(|| cx.d.of(scope)).flatten()
            })
            .or_else(|| {
                // a unit of the university the word before it stands for: 学校教务处
                let before = k.checked_sub(1).map(|j| &cx.items[j])?;
                (before.reference && before.span.end == item.span.start && is_body_ending(&surface))
                    .then(|| before.entities.first().copied())
                    .flatten()
                    .filter(|&u| cx.kind(u) == EntityKind::Organization)
            })
            .or_else(|| {
                // a unit of the university the document is about: a college, an office, a lab
                // with no name of its own (信息工程学院, 教务处, …重点实验室(筹))
                let u = cx.d.university.filter(|&u| u != e)?;
                let units = &cx.lex.university_units;
                let unit = units.suffix_of(&label).is_some()
                    || units.suffix_of(label.trim_end_matches(['）', ')', '筹', '(', '（'])).is_some();
                // named with the university itself (宁夏大学化学化工学院) or with no name of its own
                let of_it = label.starts_with(cx.r.entities[u].label.as_str());
                // (a school named after a place is one of its own: 贵阳学院, 湖南铁道职业技术学院)
                let named = place_prefix(cx, &label, e).is_some()
                    || Gazetteer::get().starts_with_area(&label)
                    || cx.lex.known_org_names.occurs_in(&label)
                    || label.ends_with("大学");
                // a joint platform (…联合实验室, 双方共建的…中心) belongs to no one party
                let before = cx.text(Span::new(item.span.start.saturating_sub(CO_BUILT_REACH), item.span.start));
                let co_built = before
                    .rsplit(['，', ',', '。', '；'])
                    .next()
                    .is_some_and(|c| c.ends_with("共建的") || c.ends_with("共建"));
                (unit && (of_it || !named) && !label.contains("联合") && !co_built).then_some(u)
            })
            .or_else(|| {
                // listed after a qualified body: 江津区政府办、科技局
                let j = k.checked_sub(1)?;
                let gap = cx.text(Span::new(cx.items[j].span.end, item.span.start));
                (gap == "、" && is_body_ending(&surface)).then(|| owner_of_item[j]).flatten()
            });
        if let Some(owner) = owner
            && owner != e
            && let Some(ev) = cx.sentence_of(item.span.start)
        {
            owner_of_item[k] = Some(owner);
            // the organs of a place (人民政府, 市委) and its departments belong to the place (as
            // analysts annotate it), whether or not the text names the government too
            // a local medium (庆元县融媒体中心, 北海日报) is the outlet, not a department; a venue
            // (南阳市民服务中心, 宜宾市博物馆) lies in its place
            if cx.lex.media_endings.suffix_of(&label).is_some() || cx.lex.venue_endings.suffix_of(&label).is_some() {
                continue;
            }
            push(out, e, owner, RelationType::PartOf, "隶属", ev);
            // a department of a place's government (…局, …委员会, …办公室) is part of that
            // government as well, where the text names it
            if let Some(government) = government_of(cx, owner).filter(|&g| g != e && is_department(cx, &label)) {
                push(out, e, government, RelationType::PartOf, "政府工作部门", ev);
            }
        }
    }
}

/// The government of a place (its 人民政府), when the document names it.
fn government_of(cx: &Cx<'_>, place: usize) -> Option<usize> {
    if cx.kind(place) != EntityKind::Place {
        return None;
    }
    cx.r.entities.iter().enumerate().find_map(|(g, x)| {
        (x.kind == EntityKind::Organization && x.label.ends_with("政府") && principal(cx, g) == place).then_some(g)
    })
}

/// Whether a body's name is a government department's: a department ending (局, 委, 办公室 …),
/// not an organ of its own (人大常委会, 政协) nor one of the party committee's (县委办公室, 市纪委,
/// 市委政法委, 县委编办); a court, a procuratorate or a government has no department ending.
fn is_department(cx: &Cx<'_>, label: &str) -> bool {
    let party = ["市委", "县委", "区委", "省委", "州委", "旗委", "纪委", "政法委", "编办", "纪律检查", "中共", "党"];
    cx.lex.department_endings.suffix_of(label).is_some()
        && !label.contains("人大")
        && !label.contains("人民代表大会")
        && !label.contains("政协")
        && !label.contains("政治协商会议")
        && !party.iter().any(|w| label.contains(w))
}

/// The entities the relations found so far already place somewhere (`located_in` or `part_of` a
/// place).
fn placed(cx: &Cx<'_>, out: &[Relation]) -> std::collections::HashSet<usize> {
    out.iter()
        .filter(|x| {
            matches!(x.kind, RelationType::LocatedIn | RelationType::PartOf) && cx.kind(x.target) == EntityKind::Place
        })
        .map(|x| x.source)
        .collect()
}

/// Zones, venues, projects and local companies, hospitals and schools named after their place
/// (北碚歇马拓展园 → 北碚区, 天府新区航空发动机零部件项目 → 天府新区; 重庆两江数字经济产业园 →
/// 两江新区, the most specific of the places it starts with; 陆良县人民医院 → 陆良县), when the
/// text says nothing more precise about where they are. The place is a district, a county or a
/// zone: a city's name starts the names of too many companies in it; a development zone or a
/// venue (南阳市民服务中心) named after its city lies in the city.
pub(super) fn named_after_places(cx: &Cx<'_>, out: &mut Vec<Relation>) {
    let located = placed(cx, out);
    let g = Gazetteer::get();
    let local = |p: usize| match cx.r.entities[p].key.adcode() {
        Some(code) => g.area(code).is_some_and(|a| a.level == Level::County),
        None => true,
    };
    for (i, e) in cx.r.entities.iter().enumerate() {
        let zone = e.kind == EntityKind::Place && !matches!(e.key, Key::Area(_) | Key::Country(_) | Key::City { .. });
        let project = e.kind == EntityKind::Initiative && cx.lex.project_heads.suffix_of(&e.label).is_some()
            || e.kind == EntityKind::Initiative && e.label.ends_with('）') && e.label.contains("项目");
        // a project named after its county lies in it as well as in the town the text puts it in
        if located.contains(&i) && !project {
            continue;
        }
        // a company named after its county (陆良县文化旅游投资开发有限公司); a venue, hospital or
        // school named after its county or city (南阳市民服务中心, 陆良县人民医院)
        let company = e.kind == EntityKind::Organization && cx.lex.company_suffixes.suffix_of(&e.label).is_some();
        let venue = matches!(e.kind, EntityKind::Organization | EntityKind::Place)
            && cx.lex.venue_endings.suffix_of(&e.label).is_some();
        let local_body = company || venue;
        if !zone && !project && !local_body {
            continue;
        }
        let mut found = None;
        // the places a project's name runs through before the most specific one (宣威市 of
        // 宣威市羊场镇…项目)
        let mut outer = Vec::new();
        for name in std::iter::once(&e.label).chain(e.aliases.iter()) {
            let mut rest = name.clone();
            while let Some((p, n)) = place_prefix(cx, &rest, i) {
                outer.extend(found.replace(p));
                rest = rest.chars().skip(n).collect();
            }
            // a park named after a town lies in the town's county (双福工业园 → 江津区); a
            // development zone named after a town may be an area of its own
            let park = cx.lex.park_suffixes.suffix_of(&e.label).is_some();
            if found.is_none() && park {
                found = town_county(cx, &rest);
            }
            if found.is_some() {
                break;
            }
        }
        // a body only by a county's own name (not a zone's, nor a country's); a development
        // zone with its own administration by its city's too (张掖经济技术开发区 → 张掖市)
        let city_zone = zone && cx.lex.administered_zone_suffixes.suffix_of(&e.label).is_some() || venue;
        let city =
            |p: usize| cx.r.entities[p].key.adcode().and_then(|c| g.area(c)).is_some_and(|a| a.level == Level::City);
        let fits =
            |p: usize| (local(p) || city_zone && city(p)) && (!local_body || cx.r.entities[p].key.adcode().is_some());
        if let (Some(place), Some(ev)) = (found.filter(|&p| fits(p)), first_sentence(cx, i)) {
            push(out, i, place, RelationType::LocatedIn, "位于", ev);
            if project {
                for &p in outer.iter().filter(|&&p| fits(p)) {
                    push(out, i, p, RelationType::LocatedIn, "位于", ev);
                }
            }
        }
    }
}

/// The county entity of the document whose town the name starts with.
fn town_county(cx: &Cx<'_>, name: &str) -> Option<usize> {
    let g = Gazetteer::get();
    let chars: Vec<char> = name.chars().collect();
    (2..=4.min(chars.len().saturating_sub(2))).rev().find_map(|n| {
        let core: String = chars[..n].iter().collect();
        g.town_core_counties(&core).iter().find_map(|&code| cx.r.entities.iter().position(|e| e.key == Key::Area(code)))
    })
}

/// Towns and subdistricts (荷地镇, 松源街道) of a county the document names: part of it, by the
/// gazetteer's towns, when the text places them nowhere else and a sentence names the two.
pub(super) fn towns(cx: &Cx<'_>, out: &mut Vec<Relation>) {
    let g = Gazetteer::get();
    let located = placed(cx, out);
    for (i, e) in cx.r.entities.iter().enumerate() {
        if e.kind != EntityKind::Place || e.key.adcode().is_some() || located.contains(&i) {
            continue;
        }
        if !is_town_name(&e.label) {
            continue;
        }
        let Some(core) = ["街道", "镇", "乡"].iter().find_map(|w| e.label.strip_suffix(w)) else { continue };
        if core.chars().count() < 2 {
            continue;
        }
        let county = g
            .town_core_counties(core)
            .iter()
            .find_map(|&code| cx.r.entities.iter().position(|x| x.key == Key::Area(code)));
        let Some(county) = county else { continue };
        if let Some(ev) = sentence_naming_both(cx, i, county) {
            push(out, i, county, RelationType::PartOf, "下辖", ev);
        }
    }
}

/// Whether a place is a town, a township, a subdistrict or a village (by its ending).
fn is_town(cx: &Cx<'_>, e: usize) -> bool {
    cx.kind(e) == EntityKind::Place
        && matches!(cx.r.entities[e].key, Key::Place(_))
        && is_town_name(&cx.r.entities[e].label)
}

/// Whether a name ends like a town, a township, a subdistrict or a village; a sight named a town
/// (…滑雪小镇, …古镇) is none.
fn is_town_name(label: &str) -> bool {
    ["街道", "镇", "乡", "村", "社区"].iter().any(|w| label.ends_with(w))
        && !label.ends_with("小镇")
        && !label.ends_with("古镇")
}

/// What is named right after the area it lies in, the two names written as one: a town of a
/// county (峡江县水边镇) or a village of a town (龙潭镇凤凰村) is part of it; a venue, sight or
/// site (石柱土家族自治县黄水森林公园, 格尔木市盐湖) or a project lies in it.
pub(super) fn named_after_areas(cx: &Cx<'_>, out: &mut Vec<Relation>) {
    for w in cx.r.mentions.windows(2) {
        let (area, site) = (w[0].entity, w[1].entity);
        if w[0].span.end != w[1].span.start || area == site {
            continue;
        }
        let Some(ev) = cx.sentence_of(w[1].span.start) else { continue };
        let level = cx.r.entities[area].key.adcode().and_then(|c| Gazetteer::get().area(c)).map(|a| a.level);
        // (a town lies in a county, not straight in a province or a city)
        let county = level == Some(Level::County);
        if !(level.is_some() || is_town(cx, area)) {
            continue;
        }
        let project = cx.kind(site) == EntityKind::Initiative
            && cx.lex.project_heads.suffix_of(&cx.r.entities[site].label).is_some();
        if is_town(cx, site) {
            // (a village of a town: 龙潭镇凤凰村)
            let village = ["村", "社区"].iter().any(|w| cx.r.entities[site].label.ends_with(w));
            if county || village {
                push(out, site, area, RelationType::PartOf, "下辖", ev);
            }
        } else if project || matches!(cx.r.entities[site].key, Key::Place(_)) {
            push(out, site, area, RelationType::LocatedIn, "位于", ev);
        }
    }
}

/// A paragraph's scene set by its opening place (在綦江区，书记来到…产业园，走进…公司。随后…):
/// the bodies, sites and projects the paragraph names after it lie there, up to the next such
/// opening. Organs of places, media and what lies elsewhere by name (another area) are left.
pub(super) fn scenes(cx: &Cx<'_>, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    let mut scene: Option<(Vec<usize>, usize)> = None; // the place, and where its paragraph ends
    for sentence in &cx.doc.sentences {
        let opening = (sentence.start..sentence.end)
            .find(|&i| !chars[i].is_whitespace() && chars[i] != '\u{3000}')
            .filter(|&i| chars[i] == '在');
        if let Some(at) = opening {
            let items = cx.items_in(*sentence);
            let mut k = items.iter().position(|it| it.span.start == at + 1);
            while let Some(j) = k.filter(|&j| items.get(j + 1).is_some_and(|n| n.span.start == items[j].span.end)) {
                k = Some(j + 1);
            }
            let place = k
                .map(|j| &items[j])
                .filter(|it| is_place(cx, it) && !it.reference && matches!(chars.get(it.span.end), Some('，' | ',')));
            if let Some(place) = place {
                let paragraph_end = (place.span.end..chars.len()).find(|&i| chars[i] == '\n').unwrap_or(chars.len());
                scene = Some((place.entities.clone(), paragraph_end));
            }
        }
        let Some((places, paragraph_end)) = &scene else { continue };
        if sentence.start >= *paragraph_end {
            scene = None;
            continue;
        }
        for item in cx.items_in(*sentence) {
            let [e] = item.entities[..] else { continue };
            // (written right after another area, it lies there: 来到白云区江南果菜批发市场)
            let after_other_area = cx.items.iter().any(|a| {
                a.span.end == item.span.start
                    && a.entities.len() == 1
                    && !places.contains(&a.entities[0])
                    && cx.r.entities[a.entities[0]].key.adcode().is_some()
            });
            if item.reference
                || places.contains(&e)
                || !in_scene(cx, e)
                || named_elsewhere(cx, e, places)
                || after_other_area
            {
                continue;
            }
            for &p in places {
                push(out, e, p, RelationType::LocatedIn, "位于", *sentence);
            }
        }
    }
}

/// Whether a name starts with an area outside the scene's places and not holding them (a
/// 浙江… company met in 綦江区 is from elsewhere).
fn named_elsewhere(cx: &Cx<'_>, e: usize, places: &[usize]) -> bool {
    let g = Gazetteer::get();
    // an area by its key, else by the area its name starts with (宝鸡高新区 → 宝鸡市)
    let area_of = |x: usize| {
        cx.r.entities[x].key.adcode().or_else(|| {
            let chars: Vec<char> = cx.r.entities[x].label.chars().collect();
            (2..=chars.len().saturating_sub(1).min(6))
                .rev()
                .find_map(|n| g.lookup(&chars[..n].iter().collect::<String>()).next().map(|(a, _)| a.adcode))
        })
    };
    let Some(area) = area_of(e) else { return false };
    !places.iter().filter_map(|&p| area_of(p)).any(|p| p == area || g.is_within(p, area) || g.is_within(area, p))
}

/// What a scene locates: a company or institution (no organ or department of a place, no
/// medium), a site (no area, town or country), or a project.
fn in_scene(cx: &Cx<'_>, e: usize) -> bool {
    let entity = &cx.r.entities[e];
    match cx.kind(e) {
        EntityKind::Organization => {
            principal(cx, e) == e
                && !is_body_ending(&entity.label)
                && cx.lex.media_endings.suffix_of(&entity.label).is_none()
                && !entity.label.ends_with('网')
                && Some(e) != cx.d.outlet
        }
        EntityKind::Place => matches!(entity.key, Key::Place(_)) && !is_town(cx, e),
        EntityKind::Initiative => cx.lex.project_heads.suffix_of(&entity.label).is_some(),
        EntityKind::Person => false,
    }
}

/// A zone named right after the zone it lies in: 东部(宁波)科学城江北创新园, 江津双福工业园东区片区.
pub(super) fn adjacent_zones(cx: &Cx<'_>, out: &mut Vec<Relation>) {
    let is_zone = |e: usize| cx.kind(e) == EntityKind::Place && cx.r.entities[e].key.adcode().is_none();
    for w in cx.r.mentions.windows(2) {
        if w[0].span.end == w[1].span.start
            && is_zone(w[0].entity)
            && !is_town(cx, w[0].entity)
            && is_zone(w[1].entity)
            && w[0].entity != w[1].entity
            && let Some(ev) = cx.sentence_of(w[1].span.start)
        {
            push(out, w[1].entity, w[0].entity, RelationType::PartOf, "隶属", ev);
        }
    }
}

/// Whether an item can be located (anything but a person or a pronoun for people).
fn locatable(cx: &Cx<'_>, item: &Item) -> bool {
    item.entities.iter().all(|&e| cx.kind(e) != EntityKind::Person)
}

fn is_place(cx: &Cx<'_>, item: &Item) -> bool {
    item.entities.iter().all(|&e| cx.kind(e) == EntityKind::Place)
}

/// 位于/坐落于/落户 X: what the clause is about lies in X; 位于X的Y: Y lies in X; 在X落地/落户:
/// the subject of the sentence lies in X.
pub(super) fn located_in(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    if super::actions::is_headline(cx, sentence) {
        return;
    }
    let mut previous_subject: Option<Vec<usize>> = None;
    for clause in clauses(chars, sentence) {
        let items = cx.items_in(clause);
        let subject_here = items.iter().find(|it| locatable(cx, it)).map(|it| it.entities.clone());
        for v in clause.start..clause.end {
            let Some(n) = cx.lex.location_verbs.longest_at(chars, v) else {
                // 在X落地
                // (an aside may come between: 在某高新区（以下简称…）揭牌)
                let verb_at = |end: usize| {
                    let after = if matches!(chars.get(end), Some('（' | '(')) {
                        (end..sentence.end).find(|&i| matches!(chars[i], '）' | ')')).map_or(end, |i| i + 1)
                    } else {
                        end
                    };
                    // (a listing is no landing: 在香港挂牌上市)
                    let listing = ["上市", "交易"].iter().any(|w| {
                        cx.lex
                            .landing_verbs
                            .longest_at(chars, after)
                            .is_some_and(|n| crate::lexicon::starts_with_word(chars, after + n, w))
                    });
                    cx.lex.landing_verbs.longest_at(chars, after).filter(|_| !listing).map(|n| (after, n))
                };
                if chars[v] == '在'
                    && let Some(place) = items.iter().find(|it| it.span.start == v + 1 && is_place(cx, it))
                    && let Some((verb_start, verb_len)) = verb_at(place.span.end)
                {
                    let verb = cx.text(Span::new(verb_start, verb_start + verb_len));
                    // what lands there: a body or a project of this clause (not a programme)
                    let lands = |it: &&Item| {
                        it.entities.iter().all(|&e| {
                            cx.kind(e) == EntityKind::Organization
                                || cx.kind(e) == EntityKind::Initiative
                                    && cx.lex.project_heads.suffix_of(&cx.r.entities[e].label).is_some()
                        })
                    };
                    let subject = items.iter().filter(|it| it.span.end <= v).find(lands).map(|it| it.entities.clone());
                    // 是华芯在成都落地的项目: the sentence's subject, not 华芯
                    let subject = sentence_subject(cx, sentence).or(subject);
                    for s in subject.into_iter().flatten() {
                        for &p in &place.entities {
                            push(out, s, p, RelationType::LocatedIn, &verb, sentence);
                        }
                    }
                }
                continue;
            };
            let verb = cx.text(Span::new(v, v + n));
            let Some(mut place) = items.iter().find(|it| it.span.start >= v + n && is_place(cx, it)) else { continue };
            // 位于两江新区鱼复工业园: the most specific of places named one after another
            while let Some(next) = items.iter().find(|it| it.span.start == place.span.end && is_place(cx, it)) {
                place = next;
            }
            // 位于X的Y
            let after = place.span.end;
            let relative = chars.get(after) == Some(&'的');
            let subject = if relative {
                items.iter().find(|it| it.span.start == after + 1 && locatable(cx, it)).map(|it| it.entities.clone())
            } else {
                items
                    .iter()
                    .rfind(|it| it.span.end <= v && locatable(cx, it) && !it.span.contains(place.span))
                    .map(|it| it.entities.clone())
                    .or_else(|| previous_subject.clone())
            };
            for s in subject.into_iter().flatten() {
                // (never a place in something it contains: 位于菏泽市郓城县的菏泽…项目 names 菏泽 first)
                for &p in place
                    .entities
                    .iter()
                    .filter(|&&p| !(cx.r.entities[s].key.adcode().is_some() && places_within(cx, p, s)))
                {
                    push(out, s, p, RelationType::LocatedIn, &verb, sentence);
                }
            }
        }
        if subject_here.is_some() {
            previous_subject = subject_here;
        }
    }
}

/// 园区已引进甲、乙等企业, 北碚区招引丙落户: the organizations a place, zone or park brings in
/// lie there. The place is the nearest one named (or referred to: 园区, 该区) before the verb in
/// the sentence, with no other actor between them; the organizations follow the verb in its
/// clause, and a body of a place (…委, …局) is not brought in.
pub(super) fn attracted(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    if super::actions::is_headline(cx, sentence) {
        return;
    }
    let items = cx.items_in(sentence);
    for clause in clauses(chars, sentence) {
        for v in clause.start..clause.end {
            let Some(n) = cx.lex.attraction_verbs.longest_at(chars, v) else { continue };
            let Some(k) = items.iter().rposition(|it| it.span.end <= v) else { continue };
            let place = &items[k];
            if !is_place(cx, place) {
                continue;
            }
            let verb = cx.text(Span::new(v, v + n));
            for it in cx.items_in(Span::new(v + n, clause.end)) {
                // 吸引了甲公司的关注: not what is brought in
                if it.reference || chars.get(it.span.end) == Some(&'的') {
                    continue;
                }
                for &e in &it.entities {
                    let label = &cx.r.entities[e].label;
                    if cx.kind(e) == EntityKind::Organization && cx.lex.body_endings.suffix_of(label).is_none() {
                        for &p in &place.entities {
                            push(out, e, p, RelationType::LocatedIn, &verb, sentence);
                        }
                    }
                }
            }
        }
    }
}

/// 园区内的嘉汇数智港, 北碚区内的企业: what is named right after "<place>内的" lies in the place.
pub(super) fn inside(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    let items = cx.items_in(sentence);
    for (k, place) in items.iter().enumerate() {
        let mut after = place.span.end;
        // …及区内的Y, …和园区内的Y: the zone named just before
        let back: String = chars[after..chars.len().min(after + 3)].iter().collect();
        if let Some(w) = ["及园区", "和园区", "及区", "和区", "及园", "和园"].iter().find(|w| back.starts_with(**w))
        {
            after += w.chars().count();
        }
        let marked = matches!(chars.get(after), Some('内' | '里')) && chars.get(after + 1) == Some(&'的');
        if !marked || !is_place(cx, place) {
            continue;
        }
        let Some(thing) = items.get(k + 1).filter(|it| it.span.start == after + 2 && locatable(cx, it)) else {
            continue;
        };
        for &t in &thing.entities {
            for &p in &place.entities {
                push(out, t, p, RelationType::LocatedIn, "内", sentence);
            }
        }
    }
}

/// 在X设立Y, 在X投资建设Y: the body or project founded or built lies in X. Y follows the verb in
/// its clause with at most a few words between (了, 一家, 全资子公司).
pub(super) fn founded_in(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    if super::actions::is_headline(cx, sentence) {
        return;
    }
    for clause in clauses(chars, sentence) {
        let items = cx.items_in(clause);
        for k in places_after_zai(cx, items) {
            let place = &items[k];
            let Some(n) = cx.lex.founding_verbs.longest_at(chars, place.span.end) else { continue };
            let verb_end = place.span.end + n;
            let Some(thing) = items.get(k + 1).filter(|it| {
                it.span.start >= verb_end && it.span.start - verb_end <= 5 && !it.reference && !is_place(cx, it)
            }) else {
                continue;
            };
            let gap = cx.text(Span::new(verb_end, thing.span.start));
            if gap.contains(['，', '、', '的']) || !thing.entities.iter().all(|&e| founded_kind(cx, e)) {
                continue;
            }
            let verb = cx.text(Span::new(place.span.end, verb_end));
            for &t in &thing.entities {
                for &p in &place.entities {
                    push(out, t, p, RelationType::LocatedIn, &verb, sentence);
                }
            }
        }
    }
}

/// The items of a clause that are places named right after 在, each as the most specific of the
/// places named one after another there (在湖北省孝感市汉川市…: 汉川市): their indices.
fn places_after_zai(cx: &Cx<'_>, items: &[Item]) -> Vec<usize> {
    let chars = cx.chars;
    let mut out = Vec::new();
    for (k, place) in items.iter().enumerate() {
        if place.span.start == 0 || chars[place.span.start - 1] != '在' || !is_place(cx, place) {
            continue;
        }
        let mut k = k;
        while items.get(k + 1).is_some_and(|n| n.span.start == items[k].span.end && is_place(cx, n)) {
            k += 1;
        }
        out.push(k);
    }
    out
}

/// An event held at a place (…旅游节在…景区开幕, …博览会将于9月在…举行): the event (a name with an
/// event's head) lies there. Only time words stand between it and 在. So does a project or a
/// body whose site ceremony is held there (…项目开工仪式在…开发区举行).
pub(super) fn held_in(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    for clause in clauses(chars, sentence) {
        let items = cx.items_in(clause);
        for k in places_after_zai(cx, items) {
            let place = &items[k];
            // (past a scenic word the name goes without: 镇远古城 + 景区)
            let after = place.span.end + cx.lex.scenic_suffixes.longest_at(chars, place.span.end).unwrap_or(0);
            let Some(n) = cx.lex.holding_verbs.longest_at(chars, after) else { continue };
            // the item right before 在 is the event
            let Some(event) = items.iter().rfind(|it| it.span.end < place.span.start) else { continue };
            let events = event.entities.iter().all(|&e| {
                cx.kind(e) == EntityKind::Initiative && cx.lex.event_heads.suffix_of(&cx.r.entities[e].label).is_some()
            });
            let ceremony = cx.lex.site_ceremonies.longest_at(chars, event.span.end).filter(|&c| {
                event.entities.iter().all(|&e| founded_kind(cx, e))
                    && chars
                        .get(event.span.end + c..place.span.start.saturating_sub(1))
                        .is_some_and(|between| between.iter().all(|&ch| crate::text::is_han(ch)))
            });
            if !(events || ceremony.is_some()) || place.span.start - 1 - event.span.end > 8 + ceremony.unwrap_or(0) {
                continue;
            }
            let verb = match ceremony {
                Some(c) => cx.text(Span::new(event.span.end, event.span.end + c)),
                None => cx.text(Span::new(after, after + n)),
            };
            for &e in &event.entities {
                for &p in &place.entities {
                    push(out, e, p, RelationType::LocatedIn, &verb, sentence);
                }
            }
        }
    }
}

/// A body (not an organ of a place) or a project: what can be founded or built somewhere.
fn founded_kind(cx: &Cx<'_>, e: usize) -> bool {
    let label = &cx.r.entities[e].label;
    match cx.kind(e) {
        EntityKind::Organization => cx.lex.body_endings.suffix_of(label).is_none(),
        EntityKind::Initiative => cx.lex.project_heads.suffix_of(label).is_some(),
        _ => false,
    }
}

/// The first thing (not a person) a sentence names before its first verb-like break, for 是…的
/// sentences: 位于…的华芯研发中心是华芯在成都落地的又一项目.
fn sentence_subject(cx: &Cx<'_>, sentence: Span) -> Option<Vec<usize>> {
    let is_at = (sentence.start..sentence.end).find(|&i| cx.chars[i] == '是')?;
    cx.items_in(Span::new(sentence.start, is_at))
        .iter()
        .rfind(|it| locatable(cx, it) && !is_place(cx, it) && it.span.end == is_at)
        .map(|it| it.entities.clone())
}

/// The lists things are included in (纳入), and the places that introduce lists of projects.
#[derive(Debug, Default)]
pub(super) struct Lists {
    /// The list last named as a target, for 纳入其中 and 纳入…类别.
    focus: Option<usize>,
    /// (member, list, evidence)
    members: Vec<(usize, usize, Span)>,
    /// (list, place): 天府新区共12个项目被纳入…
    owners: Vec<(usize, usize)>,
}

impl Lists {
    /// Projects of a list introduced by a place lie in that place.
    pub(super) fn locate_members(&self, cx: &Cx<'_>, out: &mut Vec<Relation>) {
        for &(member, list, ev) in &self.members {
            if cx.kind(member) != EntityKind::Initiative {
                continue;
            }
            for &(l, place) in &self.owners {
                if l == list {
                    push(out, member, place, RelationType::LocatedIn, "位于", ev);
                }
            }
        }
    }
}

/// How far back (in characters) a list named before 纳入其中 or 入选 is looked for.
const LIST_REACH: usize = 300;

/// The last list (…名单, …清单, …项目库) named before `at`, not too far back.
fn named_list_before(cx: &Cx<'_>, at: usize) -> Option<usize> {
    cx.items_in(Span::new(at.saturating_sub(LIST_REACH), at)).iter().rev().find_map(|it| match it.entities.as_slice() {
        [e] if cx.kind(*e) == EntityKind::Initiative
            && cx.lex.list_names.suffix_of(&cx.r.entities[*e].label).is_some() =>
        {
            Some(*e)
        }
        _ => None,
    })
}

/// "A、B和C被纳入X": each becomes part of X; "纳入其中": the list named last; "P共N个项目纳入X":
/// P takes part in X and the projects of X lie in P.
pub(super) fn inclusion(cx: &Cx<'_>, sentence: Span, lists: &mut Lists, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    for clause in clauses(chars, sentence) {
        let items = cx.items_in(clause);
        for v in clause.start..clause.end {
            let Some(n) = cx.lex.inclusion_words.longest_at(chars, v) else { continue };
            let verb = cx.text(Span::new(v, v + n));
            let target = items.iter().find(|it| it.span.start >= v + n && !it.reference).map(|it| it.entities.clone());
            let target = match target {
                Some(t) if t.len() == 1 => {
                    // a list (…名单, 省级重点项目) stays in focus for 纳入其中 and 入选 later; a
                    // system or plan a project joins (…集群体系) does not
                    if cx.kind(t[0]) == EntityKind::Initiative
                        && cx.lex.list_heads.suffix_of(&cx.r.entities[t[0]].label).is_some()
                    {
                        lists.focus = Some(t[0]);
                    }
                    Some(t[0])
                }
                // 纳入其中, 入选, 榜上有名: the list in focus, or the list named last
                _ => lists.focus.or_else(|| {
                    let named = named_list_before(cx, v);
                    lists.focus = named;
                    named
                }),
            };
            let Some(list) = target else { continue };
            // 甲将乙纳入…: 甲 does the including; the members come after 将/把
            // (将 alone is "will": 该项目将纳入…)
            let from = (clause.start..v)
                .rfind(|&i| matches!(chars[i], '将' | '把'))
                .filter(|&i| items.iter().any(|it| it.span.start > i && it.span.end <= v))
                .map_or(clause.start, |i| i + 1);
            for member in items.iter().filter(|it| it.span.start >= from && it.span.end <= v && !it.reference) {
                for &m in &member.entities {
                    if m == list || cx.kind(m) == EntityKind::Person {
                        continue;
                    }
                    // a place only joins a place, or introduces a list of projects
                    if cx.kind(m) == EntityKind::Place && cx.kind(list) != EntityKind::Place {
                        let between = cx.text(Span::new(member.span.end, v));
                        if between.contains("项目") || between.contains('个') {
                            lists.owners.push((list, m));
                            push(out, m, list, RelationType::PartOf, &format!("项目{verb}"), sentence);
                        }
                        continue;
                    }
                    lists.members.push((m, list, sentence));
                    push(out, m, list, RelationType::PartOf, &verb, sentence);
                }
            }
        }
    }
}

/// How far back the 共建(的) right before a platform's name, in its clause, may start.
const CO_BUILT_REACH: usize = 12;

/// A group's subsidiaries: X旗下(的)Y, X的子公司Y, X旗下全资子公司Y, 公司旗下还有全资子公司A和控
/// 股子公司B, X旗下拥有A、B等子公司, X与所属A、B签订…, Y是X的(全资)子公司, Y是X控股子公司, a later
/// clause's 其下属子公司Y (其: the body named last) or 旗下拥有Y (the sentence's subject); and a
/// company's controlling shareholder or parent (X控股股东Y, X的母公司为Y). The label is the kind
/// of subsidiary the text says (全资子公司, 控股股东), else 旗下.
pub(super) fn subsidiaries(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let items = cx.items_in(sentence);
    let orgs: Vec<&Item> =
        items.iter().filter(|it| it.entities.iter().all(|&e| cx.kind(e) == EntityKind::Organization)).collect();
    for (k, a) in orgs.iter().enumerate() {
        let Some(&b) = orgs.get(k + 1) else { break };
        let between = cx.text(Span::new(a.span.end, b.span.start));
        // …集团成立于2006年，总部位于繁昌区，旗下拥有A、B: a later clause with no subject of its
        // own speaks of the sentence's subject (the body named first), whatever was named between
        // (or its 其: …举行发布会，其下属子公司B)
        let subject = orgs.first().filter(|s| items.first().is_some_and(|it| it.entities == s.entities));
        // (其 stands for the body named last: 甲与乙签署协议，其下属子公司丙 is 乙's)
        let later_clause = || {
            let tail = between.rsplit(['，', ',']).next()?;
            let (tail, its) = tail.strip_prefix('其').map_or((tail, false), |t| (t, true));
            let opens = tail.len() < between.len() && ["旗下", "下属", "所属"].iter().any(|w| tail.starts_with(w));
            let parent = if its { Some(*a) } else { subject.copied() };
            parent.filter(|_| opens).and_then(|p| subsidiary_words(tail).map(|label| (p, label)))
        };
        let found = subsidiary_words(&between).map(|label| (*a, label)).or_else(later_clause);
        let a: &Item = a;
        let (parent, child, label) = if let Some((a, label)) = found {
            // the rest of an enumeration after the first subsidiary (旗下拥有A、B等子公司, 全资子
            // 公司A和控股子公司B)
            let mut end = b.span.end;
            let mut last_label = label.clone();
            for c in &orgs[k + 2..] {
                let gap = cx.text(Span::new(end, c.span.start));
                let Some(more) = continued_subsidiary(&gap) else { break };
                if !more.is_empty() {
                    last_label = more;
                }
                for &x in &c.entities {
                    for &p in &a.entities {
                        push(out, x, p, RelationType::PartOf, &last_label, sentence);
                    }
                }
                end = c.span.end;
            }
            (a, b, label)
        } else if let Some(label) = controlling_holder_words(&between) {
            // 公司控股股东Y, X的控股股东为Y: X belongs to Y
            (b, a, label)
        } else if between.starts_with("是") && between.chars().count() <= 3 {
            // Y是X的(全资)子公司, Y是X在隆昌投资设立的全资子公司
            let after = cx.text(Span::new(b.span.end, (b.span.end + 24).min(sentence.end)));
            let after = after.split(['，', ',', '；', '。']).next().unwrap_or_default();
            // (or without 的: Y是X控股子公司)
            let (direct, rest) = subsidiary_kind(after);
            // (the kind must end the clause: 是甲子公司的供应商 is no subsidiary)
            if direct.is_empty() || !(rest.is_empty() || rest.starts_with("之一")) {
                let Some(at) = after.find('的') else { continue };
                let founded = after.starts_with('在')
                    && cx.lex.founding_verbs.rows().iter().any(|r| after[..at].ends_with(r[0].as_str()));
                let (kind, _) = subsidiary_kind(&after[at + '的'.len_utf8()..]);
                if (at == 0 || founded) && !kind.is_empty() {
                    (b, a, kind)
                } else {
                    continue;
                }
            } else {
                (b, a, direct)
            }
        } else {
            continue;
        };
        for &c in &child.entities {
            for &p in &parent.entities {
                if c != p {
                    push(out, c, p, RelationType::PartOf, &label, sentence);
                }
            }
        }
    }
}

/// A subsidiary of the company the document is about, its parent said by 公司 or 集团 or not at
/// all: 新厂区由集团全资子公司Y负责运营, 设立全资子公司Y, Y将成为公司控股子公司.
pub(super) fn own_subsidiaries(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let Some(parent) = cx.d.of(Scope::Company) else { return };
    let items = cx.items_in(sentence);
    for (k, item) in items.iter().enumerate() {
        let [child] = item.entities[..] else { continue };
        if item.reference || child == parent || cx.kind(child) != EntityKind::Organization {
            continue;
        }
        // a parent named right before is `subsidiaries`' (X集团全资子公司Y)
        let named_parent = k.checked_sub(1).map(|j| &items[j]).is_some_and(|p| {
            !p.reference && subsidiary_words(&cx.text(Span::new(p.span.end, item.span.start))).is_some()
        });
        if named_parent {
            continue;
        }
        // the words before the name (…公司全资子公司), else after it (…将成为公司控股子公司)
        let before = cx.text(Span::new(item.span.start.saturating_sub(8).max(sentence.start), item.span.start));
        let kind_before = SUBSIDIARY_UNITS
            .iter()
            .find_map(|unit| before.strip_suffix(unit).map(|b| (b, *unit)))
            .map(|(b, unit)| {
                let q = SUBSIDIARY_QUALIFIERS.iter().find(|q| b.ends_with(*q)).copied().unwrap_or("");
                (b.strip_suffix(q).unwrap_or(b), format!("{q}{unit}"))
            })
            .filter(|(rest, _)| {
                !rest.ends_with(|c: char| crate::text::is_han(c))
                    || ["公司", "集团", "设立", "由", "旗下"].iter().any(|w| rest.ends_with(w))
            })
            .map(|(_, kind)| kind);
        let after = cx.text(Span::new(item.span.end, (item.span.end + 12).min(sentence.end)));
        let kind_after = ["将成为", "成为"].iter().find_map(|w| after.strip_prefix(w)).and_then(|rest| {
            let rest = ["公司", "集团"].iter().find_map(|w| rest.strip_prefix(w)).unwrap_or(rest);
            let (kind, _) = subsidiary_kind(rest);
            (!kind.is_empty()).then_some(kind)
        });
        if let Some(kind) = kind_before.or(kind_after) {
            push(out, child, parent, RelationType::PartOf, &kind, sentence);
        }
    }
}

/// The words of a subsidiary's kind: how it is held, and what it is.
const SUBSIDIARY_QUALIFIERS: [&str; 4] = ["全资", "控股", "参股", "二级"];
const SUBSIDIARY_UNITS: [&str; 3] = ["子公司", "孙公司", "分公司"];

/// A subsidiary's kind (全资子公司, 分公司), if `rest` starts with one; and what is left.
fn subsidiary_kind(rest: &str) -> (String, &str) {
    let mut rest = rest;
    let mut kind = String::new();
    for q in SUBSIDIARY_QUALIFIERS {
        if let Some(r) = rest.strip_prefix(q) {
            kind.push_str(q);
            rest = r;
            break;
        }
    }
    for unit in SUBSIDIARY_UNITS {
        if let Some(r) = rest.strip_prefix(unit) {
            kind.push_str(unit);
            return (kind, r);
        }
    }
    if kind.is_empty() { (kind, rest) } else { (String::new(), "?") }
}

/// The words between a parent and its first subsidiary (旗下, 的子公司, 旗下还有全资子公司): the
/// label, or `None` when they say something else.
fn subsidiary_words(between: &str) -> Option<String> {
    let mut rest = between.strip_prefix('的').unwrap_or(between);
    for w in ["在华", "在国内", "在中国"] {
        rest = rest.strip_prefix(w).unwrap_or(rest);
    }
    // (a group with the units it owns: 集团与所属A、B签订…)
    if let Some(r) = ["与", "和", "同"].iter().find_map(|w| rest.strip_prefix(w))
        && ["所属", "下属", "旗下"].iter().any(|w| r.starts_with(w))
    {
        rest = r;
    }
    let owner_word = ["旗下", "所属", "下属"].iter().find(|w| rest.starts_with(*w));
    let group = owner_word.is_some();
    rest = owner_word.map_or(rest, |w| &rest[w.len()..]);
    rest = rest.strip_prefix('的').unwrap_or(rest);
    for w in ["还", "另"] {
        rest = rest.strip_prefix(w).unwrap_or(rest);
    }
    for w in ["拥有", "设有", "包括", "有"] {
        if let Some(r) = rest.strip_prefix(w) {
            rest = r;
            break;
        }
    }
    let (kind, rest) = subsidiary_kind(rest);
    let rest = rest.strip_prefix('的').unwrap_or(rest);
    let owner_word = owner_word.copied().unwrap_or("旗下");
    (rest.is_empty() && (group || !kind.is_empty())).then(|| if kind.is_empty() { owner_word.to_owned() } else { kind })
}

/// The words between a company and the one that controls it (控股股东, 的控股股东为): the label.
fn controlling_holder_words(between: &str) -> Option<String> {
    let rest = between.strip_prefix('的').unwrap_or(between);
    let rest = ["为", "是"].iter().fold(rest, |r, w| r.strip_suffix(w).unwrap_or(r));
    ["控股股东", "母公司"].contains(&rest).then(|| rest.to_owned())
}

/// The words between two subsidiaries of one list (、, 和控股子公司): the second one's kind when
/// said (empty when not), or `None` when the list ends.
fn continued_subsidiary(gap: &str) -> Option<String> {
    let rest = ["以及", "、", "和", "及"].iter().find_map(|w| gap.strip_prefix(w))?;
    let (kind, rest) = subsidiary_kind(rest);
    rest.is_empty().then_some(kind)
}

/// A brand (“泓碳”两大产品品牌, 旗下品牌“鸿步”) belongs to the company named last before it in the
/// sentence, or referred to there (公司拥有…), else to the company the document is about.
pub(super) fn brands(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let items = cx.items_in(sentence);
    for (k, it) in items.iter().enumerate() {
        let is_brand = !it.reference && cx.r.mentions.iter().any(|m| m.span == it.span && m.rule == "brand");
        if !is_brand {
            continue;
        }
        let owner = items[..k]
            .iter()
            .rev()
            .filter(|o| o.entities.len() == 1)
            .map(|o| o.entities[0])
            .find(|&e| {
                cx.kind(e) == EntityKind::Organization
                    && cx.lex.company_suffixes.suffix_of(&cx.r.entities[e].label).is_some()
            })
            .or(cx.d.company);
        if let Some(owner) = owner {
            for &b in &it.entities {
                if b != owner {
                    push(out, b, owner, RelationType::PartOf, "旗下品牌", sentence);
                }
            }
        }
    }
}

/// "PLACE 有 A、B 等…": organizations listed after a place that has them; and enterprises
/// enumerated (…等骨干企业) in a sentence about a place.
pub(super) fn have_and_enumerated(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    let ms = cx.mentions_in(sentence);
    for (i, m) in ms.iter().enumerate() {
        let Some(n) = cx.lex.have_words.longest_at(chars, m.span.end) else { continue };
        // PLACE 有 + the bodies it has, right after (北碚有西南大学…; not 有关, 有望)
        let first = ms.get(i + 1).filter(|o| o.span.start <= m.span.end + n + 2);
        if cx.kind(m.entity) != EntityKind::Place || first.is_none() {
            continue;
        }
        let clause_end = (m.span.end..sentence.end)
            .find(|&j| matches!(chars[j], '。' | '；' | ';' | '，' | ','))
            .unwrap_or(sentence.end);
        for o in
            ms[i + 1..].iter().filter(|o| o.span.end <= clause_end && cx.kind(o.entity) == EntityKind::Organization)
        {
            push(out, o.entity, m.entity, RelationType::LocatedIn, "有", sentence);
        }
    }
    // bodies enumerated (…等骨干企业) after a place of the same clause
    for o in ms.iter().filter(|o| cx.kind(o.entity) == EntityKind::Organization && is_enumerated(cx, o.span)) {
        let place = ms.iter().rfind(|m| {
            m.span.end <= o.span.start
                && cx.kind(m.entity) == EntityKind::Place
                && cx.r.entities[m.entity].key.adcode().is_some()
        });
        if let Some(place) = place {
            push(out, o.entity, place.entity, RelationType::LocatedIn, "位于", sentence);
        }
    }
}

/// Whether a mention is an item of an enumeration of organizations ("A、B等骨干企业").
fn is_enumerated(cx: &Cx<'_>, span: Span) -> bool {
    let chars = cx.chars;
    let mut i = span.end;
    while i < chars.len() && i < span.end + 30 && !matches!(chars[i], '，' | ',' | '。' | '；' | ';') {
        if chars[i] == '等' && cx.lex.org_hypernym_at(chars, i + 1) {
            return true;
        }
        i += 1;
    }
    false
}
