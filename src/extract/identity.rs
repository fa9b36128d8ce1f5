//! Identity: the typed key under which mentions become one entity within a document and nodes
//! become one node across documents and files.
//!
//! A key is derived in one place ([`Key::derive`] for what a saved file says, the constructors for
//! what extraction finds) and written into the graph JSON as `scheme:value` (`DESIGN.md`):
//! `area:500109` (a Chinese administrative area by adcode), `country:美国`, `city:美国:纽约` (a
//! foreign city), `place:歇马片区` (a zone or venue no gazetteer lists), `org:西南大学`,
//! `initiative:成渝地区双城经济圈`, and `person:周旭@area:500109` (a person by name and the body
//! they hold a post in), `person:王淳@重庆晨报·上游新闻记者` (by name and role text) or
//! `person:王伟#d3` (a person the text gives nothing more about: one per document).

use std::collections::BTreeMap;
use std::fmt;

use super::EntityKind;
use super::lexicon::normalize_key;

/// What pins a person's identity beyond the name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Anchor {
    /// The body the person holds a post in (its key, written out), or the role text.
    Body(String),
    /// Only the document: `None` while extracting (the document has no id yet), the document's
    /// id once the entity is in a graph.
    Document(Option<String>),
}

/// The identity of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// A Chinese administrative area, by adcode.
    Area(u32),
    /// A country, by its usual name.
    Country(String),
    /// A foreign city, with its country.
    City {
        country: String,
        name: String,
    },
    /// Any other place (zones, parks, venues), by normalised name.
    Place(String),
    Org(String),
    Initiative(String),
    Person {
        name: String,
        anchor: Anchor,
    },
}

/// A name with its long zone words in their short forms (滁州经济技术开发区 → 滁州经开区), so
/// both spellings key one zone.
fn zone_short_forms(name: &str) -> String {
    let mut out = name.to_owned();
    // longest first, so 高新技术产业开发区 is not cut by a shorter word inside it
    let mut rows: Vec<&Vec<String>> = super::lexicon::Lexicon::get().zone_abbreviations.rows().iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r[0].chars().count()));
    for row in rows {
        if let (Some(long), Some(short)) = (row.first(), row.get(1))
            && out.contains(long.as_str())
        {
            out = out.replace(long.as_str(), short);
        }
    }
    out
}

/// A sight's name without the word that makes it a scenic area (镇远古城景区 → 镇远古城), so
/// the sight and its scenic area key one place.
fn without_scenic_suffix(name: &str) -> String {
    match super::lexicon::Lexicon::get().scenic_suffixes.suffix_of(name) {
        Some(s) if name.chars().count() >= s.chars().count() + 2 => name[..name.len() - s.len()].to_owned(),
        _ => name.to_owned(),
    }
}

/// A committee's name without its term (第十五届, 第15届) before 委员会.
fn without_term(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let Some(at) = chars.iter().rposition(|&c| c == '第') else { return name.to_owned() };
    let end = (at + 1..chars.len()).find(|&i| !(crate::text::is_cn_numeral(chars[i]) || chars[i].is_ascii_digit()));
    match end {
        Some(e) if e > at + 1 && chars[e] == '届' && chars[e + 1..].iter().collect::<String>() == "委员会" => {
            chars[..at].iter().chain(&chars[e + 1..]).collect()
        }
        _ => name.to_owned(),
    }
}

impl Key {
    /// The key of a name of a given kind, with nothing else known (organizations and
    /// initiatives by normalised name, places by name, people per document).
    #[must_use]
    pub fn named(kind: EntityKind, name: &str) -> Self {
        match kind {
            EntityKind::Place => Self::Place(zone_short_forms(&without_scenic_suffix(&normalize_key(name)))),
            EntityKind::Organization => Self::org(name),
            EntityKind::Initiative => Self::Initiative(normalize_key(name)),
            EntityKind::Person => Self::Person { name: normalize_key(name), anchor: Anchor::Document(None) },
        }
    }

    /// An organization by name. A national body named with the country it belongs to in Chinese
    /// news (中国外交部, 中华人民共和国商务部) is the body without it (外交部), so both spellings
    /// in one wire story, or in two, are one body; 中国科学院 and 中国移动 keep their names.
    #[must_use]
    pub fn org(name: &str) -> Self {
        let n = zone_short_forms(&normalize_key(name));
        // a place's government with or without 人民, by any name of the place: 宜宾市政府 =
        // 宜宾政府 = 宜宾市人民政府
        let g = super::gazetteer::Gazetteer::get();
        if let Some(area) = n.strip_suffix("人民政府").or_else(|| n.strip_suffix("政府"))
            && let Some((a, _)) = g.lookup(area).next()
        {
            return Self::Org(format!("{}人民政府", a.name));
        }
        // a place's party committee however it is written: 中共广元市委员会 = 广元市委 = 中共广元市委
        // = 中国共产党广元市第八届委员会
        let bare = n.strip_prefix("中国共产党").or_else(|| n.strip_prefix("中共")).unwrap_or(&n);
        let bare = without_term(bare);
        let area = bare.strip_suffix("委员会").or_else(|| bare.strip_suffix('委'));
        if let Some(area) = area
            && let Some((a, _)) = g.lookup(area).next()
        {
            return Self::Org(format!("{}委", a.name));
        }
        // a place's people's congress standing committee, with or without its term: 鄂尔多斯市第五届
        // 人民代表大会常务委员会 = 鄂尔多斯市人大常委会 = 鄂尔多斯人大常委会
        let congress = n
            .strip_suffix("人民代表大会常务委员会")
            .map(|area| without_term(&format!("{area}委员会")))
            .and_then(|a| a.strip_suffix("委员会").map(str::to_owned))
            .or_else(|| n.strip_suffix("人大常委会").map(str::to_owned));
        if let Some(area) = congress
            && let Some((a, _)) = g.lookup(&area).next()
        {
            return Self::Org(format!("{}人大常委会", a.name));
        }
        // a committee by its short head: 某省卫生健康委员会 = 某省卫生健康委
        if let Some(stem) = n.strip_suffix("委员会")
            && stem.chars().count() >= 4
            && g.lookup(stem).next().is_none()
        {
            return Self::Org(format!("{stem}委"));
        }
        for country in ["中华人民共和国", "中国"] {
            if let Some(rest) = n.strip_prefix(country)
                && rest.chars().count() >= 3
                && super::lexicon::Lexicon::get().national_body_endings.suffix_of(rest).is_some()
            {
                return Self::Org(rest.to_owned());
            }
        }
        Self::Org(n)
    }

    /// The scheme word of the written form.
    #[must_use]
    pub const fn scheme(&self) -> &'static str {
        match self {
            Self::Area(_) => "area",
            Self::Country(_) => "country",
            Self::City { .. } => "city",
            Self::Place(_) => "place",
            Self::Org(_) => "org",
            Self::Initiative(_) => "initiative",
            Self::Person { .. } => "person",
        }
    }

    /// Whether this is a Chinese administrative area.
    #[must_use]
    pub const fn adcode(&self) -> Option<u32> {
        if let Self::Area(code) = self { Some(*code) } else { None }
    }

    /// Parses the written form; `None` for a string that is no key.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let (scheme, value) = s.split_once(':')?;
        if value.is_empty() {
            return None;
        }
        Some(match scheme {
            "area" => Self::Area(value.parse().ok()?),
            "country" => Self::Country(value.to_owned()),
            "city" => {
                let (country, name) = value.split_once(':')?;
                Self::City { country: country.to_owned(), name: name.to_owned() }
            }
            // files written before zone words were shortened in keys read the same
            "place" => Self::Place(zone_short_forms(value)),
            "org" => Self::Org(zone_short_forms(value)),
            "initiative" => Self::Initiative(value.to_owned()),
            "person" => {
                if let Some((name, body)) = value.split_once('@') {
                    Self::Person { name: name.to_owned(), anchor: Anchor::Body(body.to_owned()) }
                } else if let Some((name, doc)) = value.split_once('#') {
                    Self::Person { name: name.to_owned(), anchor: Anchor::Document(Some(doc.to_owned())) }
                } else {
                    return None;
                }
            }
            _ => return None,
        })
    }

    /// The key a saved node stands for when its file has none (files from before keys were
    /// written): from its kind, label and attributes, the way extraction would have keyed it.
    /// `doc` is the id of the document of its first mention.
    #[must_use]
    pub fn derive(kind: EntityKind, label: &str, attrs: &BTreeMap<String, serde_json::Value>, doc: &str) -> Self {
        let attr = |name: &str| attrs.get(name).and_then(|v| v.as_str()).filter(|s| !s.is_empty());
        match kind {
            EntityKind::Place => {
                if let Some(code) = attr("adcode").and_then(|c| c.parse().ok()) {
                    Self::Area(code)
                } else if let Some(country) = attr("country") {
                    Self::City { country: country.to_owned(), name: normalize_key(label) }
                } else if attr("official_name").is_some() || attr("continent").is_some() {
                    Self::Country(label.to_owned())
                } else {
                    Self::named(kind, label)
                }
            }
            EntityKind::Person => {
                let anchor = attr("role")
                    .map_or_else(|| Anchor::Document(Some(doc.to_owned())), |role| Anchor::Body(role.to_owned()));
                Self::Person { name: normalize_key(label), anchor }
            }
            _ => Self::named(kind, label),
        }
    }

    /// This key with a person's document anchor set to `doc` (other keys unchanged).
    #[must_use]
    pub fn in_document(self, doc: &str) -> Self {
        match self {
            Self::Person { name, anchor: Anchor::Document(_) } => {
                Self::Person { name, anchor: Anchor::Document(Some(doc.to_owned())) }
            }
            other => other,
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = self.scheme();
        match self {
            Self::Area(code) => write!(f, "{scheme}:{code}"),
            Self::Country(v) | Self::Place(v) | Self::Org(v) | Self::Initiative(v) => write!(f, "{scheme}:{v}"),
            Self::City { country, name } => write!(f, "{scheme}:{country}:{name}"),
            Self::Person { name, anchor: Anchor::Body(b) } => write!(f, "{scheme}:{name}@{b}"),
            Self::Person { name, anchor: Anchor::Document(d) } => {
                write!(f, "{scheme}:{name}#{}", d.as_deref().unwrap_or("?"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_forms_round_trip() {
        let keys = [
            Key::Area(500_109),
            Key::Country("美国".into()),
            Key::City { country: "美国".into(), name: "纽约".into() },
            Key::Place("歇马片区".into()),
            Key::Org("西南大学".into()),
            Key::Initiative("一区两群".into()),
            Key::Person { name: "周旭".into(), anchor: Anchor::Body("area:500109".into()) },
            Key::Person { name: "王伟".into(), anchor: Anchor::Document(Some("d3".into())) },
        ];
        for k in keys {
            let s = k.to_string();
            assert_eq!(Key::parse(&s), Some(k), "{s}");
        }
        assert_eq!(Key::Area(500_109).to_string(), "area:500109");
        assert_eq!(Key::parse("nonsense"), None);
        assert_eq!(Key::parse("area:abc"), None);
        assert_eq!(Key::parse("person:无锚"), None);
    }

    #[test]
    fn a_sight_and_its_scenic_area_are_one_place() {
        assert_eq!(Key::named(EntityKind::Place, "青岩古镇景区"), Key::named(EntityKind::Place, "青岩古镇"));
        assert_eq!(Key::named(EntityKind::Place, "梵净山风景名胜区"), Key::Place("梵净山".into()));
        assert_eq!(Key::named(EntityKind::Place, "景区"), Key::Place("景区".into()));
    }

    #[test]
    fn a_zone_and_its_committee_key_the_same_under_both_spellings() {
        assert_eq!(Key::named(EntityKind::Place, "宿迁经济技术开发区"), Key::named(EntityKind::Place, "宿迁经开区"));
        assert_eq!(Key::named(EntityKind::Place, "宝鸡高新技术产业开发区"), Key::Place("宝鸡高新区".into()));
        assert_eq!(Key::org("宝鸡高新技术产业开发区管委会"), Key::org("宝鸡高新区管委会"));
        assert_eq!(Key::parse("place:宿迁经济技术开发区"), Some(Key::Place("宿迁经开区".into())));
        assert_ne!(Key::named(EntityKind::Place, "宿迁经开区"), Key::named(EntityKind::Place, "宿迁高新区"));
    }

    #[test]
    fn national_bodies_drop_their_country() {
        assert_eq!(Key::org("中国外交部"), Key::org("外交部"));
        assert_eq!(Key::org("中华人民共和国商务部"), Key::Org("商务部".into()));
        assert_eq!(Key::org("中国科学院"), Key::Org("中国科学院".into()));
        assert_eq!(Key::org("中国移动"), Key::Org("中国移动".into()));
        assert_eq!(Key::org("美国国务院"), Key::Org("美国国务院".into()));
        assert_eq!(Key::org("中共广元市委员会"), Key::org("广元市委"));
        assert_eq!(Key::org("中国共产党广元市第八届委员会"), Key::org("广元市委"));
        assert_eq!(Key::org("中国共产党庆元县第15届委员会"), Key::org("中共庆元县委"));
        assert_eq!(Key::org("中共广元市委"), Key::Org("广元市委".into()));
        assert_eq!(Key::org("宜宾市政府"), Key::org("宜宾市人民政府"));
        assert_eq!(Key::org("宜宾政府"), Key::org("宜宾市人民政府"));
        assert_eq!(Key::org("包头市第十六届人民代表大会常务委员会"), Key::org("包头市人大常委会"));
        assert_eq!(Key::org("包头人大常委会"), Key::Org("包头市人大常委会".into()));
        assert_eq!(Key::org("包头市人民代表大会常务委员会"), Key::org("包头市人大常委会"));
        assert_eq!(Key::org("四川省卫生健康委员会"), Key::org("四川省卫生健康委"));
        assert_eq!(Key::org("包头市发展和改革委员会"), Key::org("包头市发展和改革委"));
    }

    #[test]
    fn keys_of_files_without_them_are_derived_as_extraction_keys_them() {
        let mut attrs = BTreeMap::new();
        attrs.insert("adcode".to_owned(), serde_json::json!("500109"));
        assert_eq!(Key::derive(EntityKind::Place, "北碚区", &attrs, "d1"), Key::Area(500_109));
        let mut attrs = BTreeMap::new();
        attrs.insert("continent".to_owned(), serde_json::json!("北美洲"));
        attrs.insert("official_name".to_owned(), serde_json::json!("美利坚合众国"));
        assert_eq!(Key::derive(EntityKind::Place, "美国", &attrs, "d1"), Key::Country("美国".into()));
        let none = BTreeMap::new();
        assert_eq!(
            Key::derive(EntityKind::Person, "王伟", &none, "d2"),
            Key::Person { name: "王伟".into(), anchor: Anchor::Document(Some("d2".into())) }
        );
        assert_eq!(Key::derive(EntityKind::Organization, "中国外交部", &none, "d1"), Key::Org("外交部".into()));
    }
}
