//! Extraction: a cleaned [`Document`] → entities with their mentions, and typed relations with
//! evidence spans.
//!
//! Everything sits behind the [`Extractor`] trait. [`HybridExtractor`], which the window and the
//! command line use, runs the [`lac`] tagger and turns its words into candidates ([`tagged`]);
//! [`rules`] proposes candidates of its own (gazetteer places and countries, zones, organizations
//! by suffix, lexicon and enumeration, quoted and suffixed initiatives, people after titles),
//! checked against the tagger's word boundaries; [`resolve`] picks non-overlapping mentions and
//! groups them into entities (saying why names merged), and [`relations`] finds typed relations
//! and sentence co-occurrence. [`RuleExtractor`] is the rules alone.

pub mod appointees;
pub mod batches;
pub mod discourse;
pub mod gazetteer;
pub mod identity;
pub mod lac;
pub use crate::lexicon;
pub mod names;
pub mod relations;
pub mod resolve;
pub mod rules;
pub mod tagged;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::ingest::Document;
use crate::text::Span;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
    Initiative,
}

impl EntityKind {
    pub const ALL: [Self; 4] = [Self::Person, Self::Place, Self::Organization, Self::Initiative];

    /// The machine word used in JSON (`person`, `place`, …).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Place => "place",
            Self::Organization => "organization",
            Self::Initiative => "initiative",
        }
    }

    /// The Chinese name shown in the window.
    #[must_use]
    pub const fn label_zh(self) -> &'static str {
        match self {
            Self::Person => "人物",
            Self::Place => "地点",
            Self::Organization => "机构",
            Self::Initiative => "倡议",
        }
    }
}

/// The relation vocabulary of the graph JSON (`type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationType {
    SisterCity,
    HoldsPosition,
    WorksFor,
    LocatedIn,
    PartOf,
    CooperatesWith,
    Promotes,
    /// A body belongs to a group as a member (an alliance, an association, a medical consortium).
    /// Drawn by analysts in the window; the extractor writes memberships as `PartOf` with their
    /// label, in the shared vocabulary analysts annotate with.
    MemberOf,
    /// A relation the text states that fits no other type; the label holds the predicate (投诉).
    Related,
    CoOccurs,
}

impl RelationType {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::SisterCity => "sister_city",
            Self::HoldsPosition => "holds_position",
            Self::WorksFor => "works_for",
            Self::LocatedIn => "located_in",
            Self::PartOf => "part_of",
            Self::CooperatesWith => "cooperates_with",
            Self::Promotes => "promotes",
            Self::MemberOf => "member_of",
            Self::Related => "related",
            Self::CoOccurs => "co_occurs",
        }
    }

    /// The human wording stored as the edge's `label`.
    #[must_use]
    pub const fn label_zh(self) -> &'static str {
        match self {
            Self::SisterCity => "友好城市",
            Self::HoldsPosition => "任职",
            Self::WorksFor => "供职于",
            Self::LocatedIn => "位于",
            Self::PartOf => "隶属",
            Self::CooperatesWith => "合作",
            Self::Promotes => "推动",
            Self::MemberOf => "成员",
            Self::Related => "相关",
            Self::CoOccurs => "同句出现",
        }
    }

    /// Whether the relation reads the same both ways.
    #[must_use]
    pub const fn is_symmetric(self) -> bool {
        matches!(self, Self::SisterCity | Self::CooperatesWith | Self::CoOccurs)
    }

    /// Parses the machine word.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
    }
}

/// One entity of one document: every mention of it, the names it went by, and attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Identity across documents ([`identity::Key`]).
    pub key: identity::Key,
    pub label: String,
    pub kind: EntityKind,
    /// Other surface forms seen in the text (北碚 for 北碚区).
    pub aliases: BTreeSet<String>,
    /// Attributes such as `adcode`, `path`, `lon`, `lat`, `role`.
    pub attrs: BTreeMap<String, String>,
    /// Mention spans (char offsets into the document text), sorted.
    pub mentions: Vec<Span>,
}

/// A relation between two entities of the same document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// Index into [`Extraction::entities`].
    pub source: usize,
    pub target: usize,
    pub kind: RelationType,
    /// The wording the text uses (a title such as 副区长, a predicate such as 投诉), or the
    /// type's own label.
    pub label: String,
    /// The text that says so (char offsets into the document text).
    pub evidence: Span,
}

/// What extraction found in one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
}

/// A flat entity span, as `zhitu tag` reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaggedSpan {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub text: String,
}

/// Turns documents into entities and relations.
pub trait Extractor: Send + Sync {
    /// Entities and relations of one document.
    fn extract(&self, doc: &Document) -> Extraction;

    /// [`Extractor::tag`] of many lines at once (an implementation may share work between
    /// them); one result per line, in order.
    fn tag_many(&self, texts: &[&str]) -> Vec<Vec<TaggedSpan>> {
        texts.iter().map(|t| self.tag(t)).collect()
    }

    /// Flat, non-overlapping entity spans of one line of text, in order.
    fn tag(&self, text: &str) -> Vec<TaggedSpan> {
        let doc = Document::new(String::new(), String::new(), text.to_owned());
        let extraction = self.extract(&doc);
        let chars: Vec<char> = text.chars().collect();
        let mut spans: Vec<TaggedSpan> = extraction
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions.iter().map(|m| TaggedSpan {
                    start: m.start,
                    end: m.end,
                    kind: e.kind,
                    text: crate::text::slice(&chars, *m),
                })
            })
            .collect();
        spans.sort_by_key(|s| (s.start, s.end));
        spans
    }
}

/// The rule-based extractor: gazetteer, lexicons and patterns.
#[derive(Debug, Default, Clone, Copy)]
pub struct RuleExtractor;

impl Extractor for RuleExtractor {
    fn extract(&self, doc: &Document) -> Extraction {
        let chars: Vec<char> = doc.text.chars().collect();
        let mut candidates = rules::candidates(&chars);
        graph_only(&chars, &mut candidates);
        let mut resolved = resolve::resolve(&chars, candidates);
        names::nested(&chars, &mut resolved, false);
        let relations = relations::find(doc, &chars, &resolved);
        let mut entities = resolved.entities;
        anchor_units(&mut entities, &relations);
        anchor_people(&mut entities, &relations);
        Extraction { entities, relations }
    }
}

/// Names a body the text writes without its owner (市发展改革委, 区科技局, 科技局 after 江津区政府办、,
/// 教务处 of a university, 经开区党工委 of the zone) by its owner as well: its label becomes the
/// owner's name and its own (绵阳市发展改革委; the level word 市 goes when the owner is a place of
/// that level), the written form stays an alias, and its key follows the full name. So two cities'
/// 市发展改革委 in one corpus stay two bodies, and one city's is one body whether an article writes
/// it in full or not.
fn anchor_units(entities: &mut [Entity], relations: &[Relation]) {
    let g = gazetteer::Gazetteer::get();
    for i in 0..entities.len() {
        let bare = ["中国共产党", "中共", "政协"]
            .iter()
            .find_map(|p| entities[i].label.strip_prefix(p))
            .unwrap_or(&entities[i].label);
        let lex = crate::lexicon::Lexicon::get();
        let own = &entities[i].label;
        // a zone's committee by the zone's kind alone (经开区党工委, 高新区管委会)
        let zone_word =
            lex.zone_suffixes.prefix_of(own).filter(|w| lex.zone_committee_words.suffix_of(&own[w.len()..]).is_some());
        if entities[i].kind != EntityKind::Organization || zone_word.is_none() && g.starts_with_area(bare) {
            continue;
        }
        // the owner the text makes it a unit of: a Chinese area first, else a body
        let owners = relations.iter().filter(|r| r.source == i && r.kind == RelationType::PartOf && r.label == "隶属");
        let owner = owners
            .map(|r| r.target)
            .filter(|&o| o != i)
            .min_by_key(|&o| (entities[o].key.adcode().is_none(), o))
            .filter(|&o| {
                entities[o].key.adcode().is_some()
                    || entities[o].kind == EntityKind::Organization
                    || zone_word.is_some() && entities[o].kind == EntityKind::Place
            });
        let Some(owner) = owner else { continue };
        let owner_label = &entities[owner].label;
        // (the owner is that zone, in either spelling: 滁州经济技术开发区 for 经开区…)
        if let Some(word) = zone_word.filter(|w| identity::Key::org(owner_label).to_string().ends_with(*w)) {
            let full = format!("{owner_label}{}", &own[word.len()..]);
            name_in_full(&mut entities[i], full);
            continue;
        }
        // named with its owner already (中共泸溪县委 of 泸溪县); a unit of a body is a short word
        // (教务处, 信息工程学院), not a school of its own the rules took for one
        let names_owner = std::iter::once(owner_label)
            .chain(&entities[owner].aliases)
            .any(|n| n.chars().count() >= 2 && own.contains(n.as_str()));
        if names_owner || entities[owner].kind == EntityKind::Organization && own.chars().count() > 8 {
            continue;
        }
        // a level word of the owner's level goes (区科技局 of 江津区, 自治区发展改革委 of 宁夏回族自治区);
        // one of another level says the text means another place; 市场监管局 and 区域… start with no
        // level word
        let level = ["自治区", "自治州", "自治县", "自治旗", "市", "区", "县", "省", "州", "旗"]
            .into_iter()
            .find(|w| own.starts_with(w) && !own.starts_with("市场") && !own.starts_with("区域"));
        let rest = match level {
            Some(w) if entities[owner].kind == EntityKind::Place => {
                if !owner_label.ends_with(w) {
                    continue;
                }
                &own[w.len()..]
            }
            _ => own.as_str(),
        };
        let full = format!("{owner_label}{rest}");
        name_in_full(&mut entities[i], full);
    }
}

/// A body's full name as its label and identity; the written form stays an alias.
fn name_in_full(body: &mut Entity, full: String) {
    let written = std::mem::replace(&mut body.label, full);
    body.key = identity::Key::org(&body.label);
    body.aliases.insert(written);
}

/// Pins each person's identity to the body they hold a post in or work for (the first such
/// relation), else to their role text; a person the text says nothing more about stays one per
/// document. Two 王伟 in unrelated articles stay two; 区委书记周旭 in two articles is one.
fn anchor_people(entities: &mut [Entity], relations: &[Relation]) {
    for i in 0..entities.len() {
        if entities[i].kind != EntityKind::Person {
            continue;
        }
        let body = relations
            .iter()
            .find(|r| r.source == i && matches!(r.kind, RelationType::HoldsPosition | RelationType::WorksFor))
            .map(|r| entities[r.target].key.to_string());
        // a role names a body only when it says more than a title (记者 alone pins no one)
        let lex = crate::lexicon::Lexicon::get();
        let role = entities[i].attrs.get("role").filter(|r| {
            let r = r.trim_matches(|c: char| c.is_whitespace() || "、，,·:：".contains(c));
            !(lex.titles.contains(r) || lex.credit_labels.contains(r) || lex.honorifics.contains(r))
        });
        let anchor = body.or_else(|| role.cloned()).map_or(identity::Anchor::Document(None), identity::Anchor::Body);
        if let identity::Key::Person { name, .. } = &entities[i].key {
            entities[i].key = identity::Key::Person { name: name.clone(), anchor };
        }
    }
}

/// The tagger (LAC) under the rule layers: tagger words become candidates through
/// [`tagged`], the pattern rules of [`rules`] add theirs, and [`resolve`] chooses among all.
#[derive(Debug, Default, Clone, Copy)]
pub struct HybridExtractor;

impl HybridExtractor {
    fn candidates(chars: &[char]) -> Vec<rules::Candidate> {
        thread_local! {
            static SCRATCH: std::cell::RefCell<lac::Scratch> = std::cell::RefCell::default();
        }
        let tokens = SCRATCH.with_borrow_mut(|s| lac::Lac::get().tokens(chars, s));
        Self::candidates_with(chars, &tokens)
    }

    fn candidates_with(chars: &[char], tokens: &[lac::Token<'_>]) -> Vec<rules::Candidate> {
        let mut out = tagged::vet(chars, tokens, rules::candidates(chars));
        out.extend(tagged::candidates(chars, tokens));
        out.extend(names::candidates(chars, tokens));
        out.extend(appointees::candidates(chars));
        out.extend(batches::candidates(chars));
        party_groups_in_titles(chars, &mut out);
        sites_after_areas(chars, &mut out);
        subzones_of_zones(chars, &mut out);
        tagged::drop_short_names_of_longer(&mut out);
        drop_described_bodies(chars, &mut out);
        trim_glued_openers(chars, &mut out);
        out
    }

    fn spans(chars: &[char], candidates: Vec<rules::Candidate>) -> Vec<TaggedSpan> {
        let resolved = resolve::resolve(chars, candidates);
        resolved
            .mentions
            .iter()
            .map(|m| TaggedSpan {
                start: m.span.start,
                end: m.span.end,
                kind: resolved.entities[m.entity].kind,
                text: crate::text::slice(chars, m.span),
            })
            .collect()
    }
}

/// Cuts a word glued before a body's name (上述 + 中储粮黑龙江分公司, 来源 + 阅文集团): a reference or
/// a credit's label is no part of a name.
fn trim_glued_openers(chars: &[char], out: &mut [rules::Candidate]) {
    for c in out.iter_mut().filter(|c| c.kind == EntityKind::Organization) {
        let Some(n) = lexicon::Lexicon::get().glued_openers.longest_at(chars, c.span.start) else { continue };
        if c.span.len() >= n + 3 {
            *c = rules::Candidate::new(chars, Span::new(c.span.start + n, c.span.end), c.kind, c.rule, c.priority);
        }
    }
}

/// Drops the bodies an indefinite article describes up to the phrase's end (是一家上交所主板上市
/// 公司，): a description, not a name, unless it ends in a legal name's form (设立一家全资子公司甲
/// 有限公司).
fn drop_described_bodies(chars: &[char], out: &mut Vec<rules::Candidate>) {
    let described: Vec<(usize, usize)> = (0..chars.len().saturating_sub(1))
        .filter(|&i| chars[i] == '一' && matches!(chars[i + 1], '家' | '所' | '个' | '座'))
        .map(|i| {
            let end = (i + 2..chars.len()).find(|&j| !crate::text::is_han(chars[j])).unwrap_or(chars.len());
            (i + 2, end)
        })
        .collect();
    out.retain(|c| {
        c.kind != EntityKind::Organization
            || lexicon::ends_in_legal_form(&c.label)
            || !described.iter().any(|&(from, end)| c.span.start >= from && c.span.end == end)
    });
}

/// A zone's sub-zone written right after it (中国（辽宁）自由贸易试验区 + 沈阳片区): one place, the
/// sub-zone, named in full; the sub-zone's own words are its short name ([`resolve`]).
fn subzones_of_zones(chars: &[char], out: &mut Vec<rules::Candidate>) {
    let lex = crate::lexicon::Lexicon::get();
    let mut merged = Vec::new();
    let joins = |zone: &str, sub: &str| lex.zone_of_sub_zone(&format!("{zone}{sub}")) == Some(zone);
    for zone in out.iter().filter(|c| c.kind == EntityKind::Place) {
        let sub = out.iter().find(|c| {
            c.kind == EntityKind::Place
                && c.span.start == zone.span.end
                && c.label.chars().count() >= 4
                && joins(&zone.label, &c.label)
        });
        if let Some(sub) = sub {
            merged.push(rules::Candidate::new(
                chars,
                Span::new(zone.span.start, sub.span.end),
                EntityKind::Place,
                "sub-zone of a zone",
                4,
            ));
        }
    }
    out.extend(merged);
}

/// How many characters of its own name a site written after its area may have.
const SITE_NAME_REACH: usize = 8;

/// A site with a name of its own written right after the area it lies in (石柱土家族自治县黄水森林
/// 公园, 龙潭镇桃花溪景区): from the area's end to the first site ending with at least two
/// characters of the site's own before it, when no verb comes first (北碚区建设文化广场 is no
/// site's name).
fn sites_after_areas(chars: &[char], out: &mut Vec<rules::Candidate>) {
    let lex = crate::lexicon::Lexicon::get();
    let mut starts: Vec<usize> = out.iter().filter(|c| c.kind == EntityKind::Place).map(|c| c.span.end).collect();
    starts.sort_unstable();
    starts.dedup();
    for start in starts {
        if lex.boundary_words.starts_at(chars, start) || lex.project_verbs.starts_at(chars, start) {
            continue;
        }
        let run = chars[start..]
            .iter()
            .take(SITE_NAME_REACH + 4)
            .take_while(|&&c| crate::text::is_han(c) && !lex.stop_chars.has_char(c))
            .count();
        // (the site's own name holds no verb: 凤凰县持续推进景区…)
        let verb_at = |i: usize| {
            lex.boundary_words.starts_at(chars, i)
                || lex.project_verbs.starts_at(chars, i)
                || lex.action_verbs.starts_at(chars, i)
        };
        let run = (start..start + run).find(|&i| verb_at(i)).map_or(run, |i| i - start);
        // (a name of its own, not a kind of site: 旅游景区)
        let end = (start + 4..=start + run).find(|&e| {
            lex.site_endings
                .longest_ending_at(chars, e)
                .is_some_and(|n| e - n >= start + 2 && !crate::lexicon::is_generic(&chars[start..e - n]))
        });
        if let Some(end) = end
            && !out.iter().any(|c| c.span.start == start && c.span.end >= end)
        {
            out.push(rules::Candidate::new(chars, Span::new(start, end), EntityKind::Place, "site after its area", 3));
        }
    }
}

/// A body's party group or committee named in a title (市交通运输局 + 党组书记, 区教育委员会 + 党委
/// 委员, 某某高级人民法院 + 党组成员, 某某大学 + 党委书记) is part of the title: the body is the department,
/// court or university; a town's (某某镇 + 党委书记) is the town. Last, no organization is named by a
/// kind's word alone (集团 of 集团党委书记, 人大常委会): such candidates are dropped, whatever
/// rule proposed them.
fn party_groups_in_titles(chars: &[char], out: &mut Vec<rules::Candidate>) {
    let lex = crate::lexicon::Lexicon::get();
    for c in out.iter_mut() {
        if c.kind != EntityKind::Organization || c.span.len() < 4 {
            continue;
        }
        let group = c.span.end - 2;
        let party = matches!(crate::text::slice(chars, Span::new(group, c.span.end)).as_str(), "党组" | "党委");
        let body_before = lex.department_endings.ends_at(chars, group) || lex.org_suffixes.ends_at(chars, group);
        // (a town's committee in its secretary's title is the town's: 某某镇 + 党委书记)
        let town_before = crate::text::slice(chars, Span::new(c.span.start, group)).ends_with(['镇', '乡'])
            && group >= c.span.start + 3;
        if party && lex.titles.starts_at(chars, group) && (body_before || town_before) {
            let kind = if town_before { EntityKind::Place } else { EntityKind::Organization };
            *c = rules::Candidate::new(chars, Span::new(c.span.start, group), kind, c.rule, c.priority);
        }
    }
    // an organization named by its kind's word alone is none (what is left of 集团党委; 人大常委会
    // of 市人大常委会要…): the word speaks of a body named elsewhere
    out.retain(|c| !(c.kind == EntityKind::Organization && lex.org_suffixes.contains(&c.label)));
}

/// What the graph leaves out or reads otherwise than `zhitu tag` (whose NER sets annotate them):
/// a committee in a party title, a city written before a company's provincial name, China's broad
/// regions (华北市场), a country's name inside a set phrase (中国式现代化).
fn graph_only(chars: &[char], out: &mut Vec<rules::Candidate>) {
    let lex = crate::lexicon::Lexicon::get();
    committees_in_titles(chars, out);
    // a body's word inside a title is the title's (党支部 of 村党支部书记, 村委会 of 村委会主任)
    let titles: Vec<Span> =
        (0..chars.len()).filter_map(|i| lex.titles.longest_at(chars, i).map(|n| Span::new(i, i + n))).collect();
    out.retain(|c| {
        c.kind != EntityKind::Organization || !titles.iter().any(|t| t.start <= c.span.start && c.span.end <= t.end)
    });
    place_before_provincial_names(chars, out);
    let idioms: Vec<Span> =
        (0..chars.len()).filter_map(|i| lex.place_idioms.longest_at(chars, i).map(|n| Span::new(i, i + n))).collect();
    out.retain(|c| {
        c.kind != EntityKind::Place
            || !lex.generic_regions.contains(&c.label)
                && !idioms.iter().any(|s| s.start <= c.span.start && c.span.end <= s.end)
                && !home_country_as_modifier(chars, c)
    });
}

/// 中国 qualifying the noun after it (中国企业, 中国重要的工业城市, 中国游客) or inside a short
/// quoted phrase (“中国饭碗”): the home country described, not a party of the story.
fn home_country_as_modifier(chars: &[char], c: &rules::Candidate) -> bool {
    if c.label != "中国" || crate::text::slice(chars, c.span) != "中国" {
        return false;
    }
    let lex = crate::lexicon::Lexicon::get();
    let before = &chars[c.span.start.saturating_sub(6)..c.span.start];
    let opens = before.iter().rposition(|&ch| ch == '“').is_some_and(|q| !before[q..].contains(&'”'));
    let closes = chars[c.span.end..(c.span.end + 8).min(chars.len())].contains(&'”');
    (opens && closes) || lex.country_qualified_heads.starts_at(chars, c.span.end)
}

/// A company's name starts with its province (福建鸿达鞋业有限公司): a city written right before
/// it (晋江 + 福建…, "the 晋江 company") is not part of the name.
fn place_before_provincial_names(chars: &[char], out: &mut [rules::Candidate]) {
    let g = gazetteer::Gazetteer::get();
    for c in out.iter_mut().filter(|c| c.kind == EntityKind::Organization && c.span.len() >= 8) {
        let name = &chars[c.span.start..c.span.end];
        let cut = (2..=4).find(|&n| {
            let head: String = name[..n].iter().collect();
            // (the city lies in that province: 深圳市湖南商会 keeps its city)
            let province = |m: usize| {
                let next: String = name[n..n + m].iter().collect();
                g.lookup(&next).filter(|(a, _)| a.level == gazetteer::Level::Province).any(|(p, _)| {
                    g.lookup(&head)
                        .any(|(a, _)| a.level != gazetteer::Level::Province && g.is_within(a.adcode, p.adcode))
                })
            };
            (2..=3).any(province)
        });
        if let Some(n) = cut {
            *c = rules::Candidate::new(chars, Span::new(c.span.start + n, c.span.end), c.kind, c.rule, c.priority);
        }
    }
}

/// A place's party committee glued to a party title (黑河市委书记, 陇南市委常委) is the title of a
/// post in that place, as analysts annotate it (北碚区委书记周旭 → 北碚区), not a body the text
/// names: the place stays and the committee goes. A committee named as a body (中共黑河市委,
/// 黑河市委员会, 黑河市委、市政府) stays one. Only for the graph: `zhitu tag` keeps the
/// committee as the organization NER sets annotate.
fn committees_in_titles(chars: &[char], out: &mut Vec<rules::Candidate>) {
    let lex = crate::lexicon::Lexicon::get();
    let titled = |c: &rules::Candidate| {
        let (start, end) = (c.span.start, c.span.end);
        // (the tagger may read one as a place: 恩施州委)
        matches!(c.kind, EntityKind::Organization | EntityKind::Place)
            && c.span.len() >= 2
            && chars[end - 1] == '委'
            && !(start >= 2 && chars[start - 2..start] == ['中', '共'])
            && !chars[start..end].starts_with(&['中', '共'])
            && lex.titles.starts_at(chars, end)
            && committee_of_area(&chars[start..end - 1])
    };
    let flags: Vec<bool> = out.iter().map(titled).collect();
    let areas: Vec<Span> =
        out.iter().zip(&flags).filter(|(_, f)| **f).map(|(c, _)| Span::new(c.span.start, c.span.end - 1)).collect();
    let mut flag = flags.iter();
    out.retain(|_| !flag.next().is_some_and(|f| *f));
    for mut span in areas {
        // (the party's 党 is no part of the place: 广西壮族自治区党委书记)
        if chars[span.end - 1] == '党' {
            span.end -= 1;
        }
        let bare = lex.party_levels.contains(&crate::text::slice(chars, span));
        if !bare
            && !out.iter().any(|c| c.kind == EntityKind::Place && span.start <= c.span.start && c.span.end <= span.end)
        {
            out.push(rules::Candidate::new(chars, span, EntityKind::Place, "place of a party title", 3));
        }
    }
}

/// Whether the words before a committee's 委 name an area: a place's full name, perhaps after its
/// province and city (福建省泉州市晋江市), a short one with its level (海西州, 达茂旗), the level said twice
/// (巴马瑶族自治县县), or a level alone (自治区党, 县); the party's 党 may close them.
fn committee_of_area(words: &[char]) -> bool {
    let g = gazetteer::Gazetteer::get();
    let lex = crate::lexicon::Lexicon::get();
    let words = words.strip_suffix(&['党']).unwrap_or(words);
    let text: String = words.iter().collect();
    if lex.party_levels.contains(&text) {
        return true;
    }
    let level = |c: char| matches!(c, '省' | '市' | '县' | '区' | '州' | '旗');
    (0..words.len().saturating_sub(1)).any(|from| {
        let tail: String = words[from..].iter().collect();
        let full = g.lookup(&tail).any(|(_, form)| form == gazetteer::NameForm::Full || tail.ends_with(level));
        let with_level = words.last().is_some_and(|&c| level(c))
            && words.len() - from >= 3
            && g.lookup(&words[from..words.len() - 1].iter().collect::<String>()).next().is_some();
        full || with_level
    })
}

impl Extractor for HybridExtractor {
    fn extract(&self, doc: &Document) -> Extraction {
        let chars: Vec<char> = doc.text.chars().collect();
        let mut candidates = Self::candidates(&chars);
        graph_only(&chars, &mut candidates);
        let mut resolved = resolve::resolve(&chars, candidates);
        names::nested(&chars, &mut resolved, true);
        let relations = relations::find(doc, &chars, &resolved);
        let mut entities = resolved.entities;
        anchor_units(&mut entities, &relations);
        anchor_people(&mut entities, &relations);
        Extraction { entities, relations }
    }

    fn tag(&self, text: &str) -> Vec<TaggedSpan> {
        let chars: Vec<char> = text.chars().collect();
        Self::spans(&chars, Self::candidates(&chars))
    }

    /// The tagger runs over the sentences of all lines together (similar lengths step in
    /// lockstep), on the calling thread; the rules then run line by line.
    fn tag_many(&self, texts: &[&str]) -> Vec<Vec<TaggedSpan>> {
        let chars: Vec<Vec<char>> = texts.iter().map(|t| t.chars().collect()).collect();
        let refs: Vec<&[char]> = chars.iter().map(Vec::as_slice).collect();
        let tokens = lac::Lac::get().tag_batch_with(&refs, 1);
        chars.iter().zip(&tokens).map(|(c, t)| Self::spans(c, Self::candidates_with(c, t))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the hybrid extractor makes of one text.
    fn extract(text: &str) -> Extraction {
        HybridExtractor.extract(&crate::ingest::Document::new("t.txt".into(), "t".into(), text.to_owned()))
    }

    /// The labels of the entities of an extraction.
    fn labels(x: &Extraction) -> Vec<&str> {
        x.entities.iter().map(|e| e.label.as_str()).collect()
    }

    #[test]
    fn relation_words_round_trip() {
        for t in [RelationType::SisterCity, RelationType::CoOccurs, RelationType::HoldsPosition] {
            assert_eq!(RelationType::parse(t.as_str()), Some(t));
        }
        assert_eq!(RelationType::parse("nope"), None);
    }

    #[test]
    fn a_departments_party_group_in_a_title_is_the_department() {
        let x = extract(
            "会上，区发展和改革局党组书记、局长谭慧敏表示，将加快推进项目建设。市交通运输局党组成员、副局长李卫东出席。",
        );
        let names = labels(&x);
        assert!(names.contains(&"区发展和改革局") && names.contains(&"市交通运输局"), "{names:?}");
        assert!(!names.iter().any(|n| n.ends_with("党组")), "{names:?}");
        // a party committee that is a body of its own stays one
        let spans = HybridExtractor.tag("北碚区委书记周旭主持会议。");
        assert!(spans.iter().any(|s| s.text == "北碚区委"), "{spans:?}");
    }

    #[test]
    fn a_body_written_without_its_place_is_named_and_keyed_by_it() {
        let a = extract("绵阳市召开重点项目推进会。市发展改革委、市科技局有关负责人参加会议。");
        let b = extract("宜宾市召开重点项目推进会。市发展改革委有关负责人参加会议。");
        let body = |x: &Extraction, written: &str| {
            x.entities.iter().find(|e| e.aliases.contains(written)).cloned().unwrap_or_else(|| panic!("{x:?}"))
        };
        let (ma, mb) = (body(&a, "市发展改革委"), body(&b, "市发展改革委"));
        assert_eq!(ma.label, "绵阳市发展改革委");
        assert_eq!(mb.label, "宜宾市发展改革委");
        assert_ne!(ma.key, mb.key);
        assert_eq!(body(&a, "市科技局").label, "绵阳市科技局");
        // written in full in another article, it is the same body
        let c = extract("绵阳市发展改革委发布通知。");
        assert!(c.entities.iter().any(|e| e.key == ma.key), "{c:?}");
        // 市场监管局 after a district's body starts with no level word
        let d = extract("江津区召开会议，区政府办、市场监管局负责人参加。");
        assert!(d.entities.iter().any(|e| e.label == "江津区市场监管局"), "{:?}", labels(&d));
    }

    #[test]
    fn a_zones_committee_by_the_zones_kind_is_named_by_the_zone() {
        let x = extract("滁州经济技术开发区举行开工仪式。市委常委、经开区党工委书记甘立致辞。");
        let committee = x.entities.iter().find(|e| e.aliases.contains("经开区党工委")).expect("the committee");
        assert_eq!(committee.label, "滁州经济技术开发区党工委");
    }

    #[test]
    fn broad_regions_and_a_country_in_a_set_phrase_make_no_node() {
        let x = extract(
            "公司将拓展华北市场，打造东北地区最大的基地。会议强调，奋力谱写中国式现代化新篇章。中国与泰国签署协议。",
        );
        let names = labels(&x);
        assert!(!names.contains(&"华北") && !names.contains(&"东北"), "{names:?}");
        let china = x.entities.iter().find(|e| e.label == "中国").expect("中国 named on its own");
        assert_eq!(china.mentions.len(), 1, "{china:?}");
        // NER still reports them
        let spans = HybridExtractor.tag("公司将拓展华北市场。");
        assert!(spans.iter().any(|s| s.text == "华北"), "{spans:?}");
    }

    #[test]
    fn a_site_written_after_its_area_is_a_place_of_its_own() {
        let spans = HybridExtractor.tag("音乐节在石柱土家族自治县黄水森林公园开幕。赤水市持续推进景区提质。");
        let got: Vec<&str> = spans.iter().map(|s| s.text.as_str()).collect();
        assert!(got.contains(&"石柱土家族自治县") && got.contains(&"黄水森林公园"), "{got:?}");
        assert!(!got.iter().any(|s| s.contains("推进")), "{got:?}");
    }

    #[test]
    fn a_festival_keeps_its_year_and_a_county_loses_a_glued_char() {
        let x = extract(
            "以“锦绣山川·醉美成县”为主题的2025中国·成县第三届民俗文化节在甘肃省陇南市开幕。主办方推介徽县美食。",
        );
        let festival = x.entities.iter().find(|e| e.label.ends_with("民俗文化节")).expect("the festival");
        assert!(festival.aliases.contains("2025中国·成县第三届民俗文化节"), "{festival:?}");
        let places: Vec<&str> =
            x.entities.iter().filter(|e| e.kind == EntityKind::Place).map(|e| e.label.as_str()).collect();
        // (the tagger reads 美成县 and 介徽县)
        assert!(places.contains(&"成县") && places.contains(&"徽县"), "{places:?}");
        assert!(!places.iter().any(|p| p.chars().count() == 3 && p.ends_with('县')), "{places:?}");
    }

    #[test]
    fn names_that_only_look_like_what_the_graph_rules_want() {
        let x = extract("深圳市湖南商会举行年会。凤凰县旅游景区接待游客增长。全市打造“金名片”。");
        let names = labels(&x);
        // a city outside the province keeps its place in the name; a kind of site or a metaphor
        // after 打造 is no name
        assert!(names.contains(&"深圳市湖南商会"), "{names:?}");
        assert!(!names.contains(&"旅游景区") && !names.contains(&"金名片"), "{names:?}");
    }

    #[test]
    fn tag_reports_flat_spans() {
        let spans = RuleExtractor.tag("北碚区委书记周旭表示,北碚与绵阳将深化合作。");
        let got: Vec<(&str, EntityKind)> = spans.iter().map(|s| (s.text.as_str(), s.kind)).collect();
        assert!(got.contains(&("周旭", EntityKind::Person)), "{got:?}");
        assert!(got.contains(&("北碚", EntityKind::Place)), "{got:?}");
        assert!(got.contains(&("绵阳", EntityKind::Place)), "{got:?}");
        for w in spans.windows(2) {
            assert!(w[0].end <= w[1].start, "overlap in {spans:?}");
        }
    }
}
