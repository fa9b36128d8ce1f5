//! Resolution: from overlapping candidates to non-overlapping mentions, and from mentions to the
//! entities of one document.
//!
//! Longer candidates win over the ones inside them (中国科学院大学重庆学院 over 重庆), then higher
//! rule priority, then the earlier one. Mentions sharing an identity key are one entity, so 北碚
//! and 北碚区 (same adcode) or 中科院… and 中国科学院… (same expanded key) merge; the names they
//! went by become aliases. A zone or organization named "place + rest" also claims later bare uses
//! of the rest (重庆高新区 … 高新区) when that is unambiguous.

use std::collections::{BTreeMap, HashMap};

use super::gazetteer::Gazetteer;
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

/// The mentions and entities of one document.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub entities: Vec<Entity>,
    /// Sorted by position.
    pub mentions: Vec<Mention>,
}

/// Chooses mentions among candidates and groups them into entities.
#[must_use]
pub fn resolve(chars: &[char], mut candidates: Vec<Candidate>) -> Resolved {
    candidates.sort_by(|a, b| {
        b.span.len().cmp(&a.span.len()).then(b.priority.cmp(&a.priority)).then(a.span.start.cmp(&b.span.start))
    });
    let mut taken = vec![false; chars.len()];
    let mut chosen: Vec<Candidate> = Vec::new();
    for c in candidates {
        if c.span.is_empty() || c.span.end > chars.len() || taken[c.span.start..c.span.end].iter().any(|t| *t) {
            continue;
        }
        taken[c.span.start..c.span.end].iter_mut().for_each(|t| *t = true);
        chosen.push(c);
    }
    chosen.extend(short_forms(chars, &chosen, &mut taken));
    chosen.sort_by_key(|c| c.span);

    let mut entities: Vec<Entity> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
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
        if surface != e.label && !e.aliases.contains(&surface) {
            e.attrs.entry("merged_because".into()).or_insert_with(|| merge_reason(&c));
            e.aliases.insert(surface);
        }
        for (k, v) in &c.attrs {
            e.attrs.entry(k.clone()).or_insert_with(|| v.clone());
        }
        e.mentions.push(c.span);
        mentions.push(Mention { span: c.span, entity: idx, role: c.role, rule: c.rule });
    }
    Resolved { entities, mentions }
}

/// Why mentions under another name joined this entity, for the analyst reading the node.
fn merge_reason(c: &Candidate) -> String {
    let key = c.key.as_str();
    if let Some(code) = c.attrs.get("adcode") {
        format!("same area in the gazetteer (adcode {code})")
    } else if let Some(country) = key.strip_prefix("place:world:") {
        format!("same place in the world gazetteer ({country})")
    } else if c.rule == "place abbreviation" {
        format!("one-char name of {}", c.label)
    } else if c.rule == "lexicon" {
        format!("known organization and its other names ({})", c.label)
    } else if c.rule == "short form" {
        "short form of a name in the same document".to_owned()
    } else {
        format!("same name once normalised ({} via {})", c.label, c.rule)
    }
}

/// Legal forms an organization is often named without (longest first).
const CORPORATE_FORMS: &[&str] = &[
    "集团股份有限公司",
    "集团有限公司",
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "控股集团",
    "集团公司",
    "集团",
    "公司",
];

/// Bare uses of the part after a place name (重庆高新区 → 高新区) and of an organization's name
/// without its legal form (中国四联集团 → 中国四联, 四联), when only one entity could be meant.
fn short_forms(chars: &[char], chosen: &[Candidate], taken: &mut [bool]) -> Vec<Candidate> {
    let g = Gazetteer::get();
    let mut rests: HashMap<Vec<char>, Option<&Candidate>> = HashMap::new();
    for c in chosen {
        if !matches!(c.kind, EntityKind::Place | EntityKind::Organization)
            || c.key.starts_with("place:") && c.attrs.contains_key("adcode")
        {
            continue;
        }
        let surface: Vec<char> = chars[c.span.start..c.span.end].to_vec();
        let mut forms: Vec<Vec<char>> = Vec::new();
        for cut in 2..surface.len().saturating_sub(2) {
            let head: String = surface[..cut].iter().collect();
            if g.lookup(&head).next().is_some() || g.world(&head).is_some() || head == "中国" {
                forms.push(surface[cut..].to_vec());
            }
        }
        // an organization without its legal form: 中国四联集团 → 中国四联, 四联
        // only for names that start with a place, so a bare common word (保险 of 保险公司) is
        // never claimed
        if c.kind == EntityKind::Organization && !forms.is_empty() {
            for form in forms.clone().into_iter().chain([surface.clone()]) {
                let s: String = form.iter().collect();
                if let Some(core) = CORPORATE_FORMS.iter().find_map(|f| s.strip_suffix(f)) {
                    let core: Vec<char> = core.chars().collect();
                    if core.len() >= 2 && !super::lexicon::is_generic(&core) {
                        forms.push(core);
                    }
                }
            }
        }
        for form in forms {
            let entry = rests.entry(form).or_insert(Some(c));
            if entry.is_some_and(|e| e.key != c.key) {
                *entry = None; // two entities share the form: ambiguous
            }
        }
    }
    let mut out = Vec::new();
    for (rest, owner) in rests {
        let Some(owner) = owner else { continue };
        let n = rest.len();
        for s in 0..chars.len().saturating_sub(n - 1) {
            let span = Span::new(s, s + n);
            if chars[s..s + n] != rest[..] || taken[s..s + n].iter().any(|t| *t) {
                continue;
            }
            // not the tail of a longer unrecognised name
            if s > 0
                && is_han(chars[s - 1])
                && !super::lexicon::STOP_CHARS.contains(chars[s - 1])
                && !ends_boundary(chars, s)
            {
                continue;
            }
            taken[s..s + n].iter_mut().for_each(|t| *t = true);
            let mut c = owner.clone();
            c.span = span;
            c.role = None;
            c.rule = "short form";
            out.push(c);
        }
    }
    out
}

fn ends_boundary(chars: &[char], i: usize) -> bool {
    super::lexicon::BOUNDARY_WORDS.iter().any(|w| super::lexicon::ends_with_word(chars, i, w))
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
    fn full_width_names_are_the_same_organization() {
        let chars: Vec<char> = "ＢＯＥ与京东方签约，BOE表示满意。".chars().collect();
        let r = resolve(&chars, candidates(&chars));
        let boe: Vec<_> = r.entities.iter().filter(|e| e.label == "京东方").collect();
        assert_eq!(boe.len(), 1);
        assert!(boe[0].aliases.contains("ＢＯＥ") && boe[0].aliases.contains("BOE"), "{boe:?}");
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
    fn bare_zone_name_after_the_full_one() {
        let (_, r) = run("歇马片区纳入重庆高新区。两江新区、高新区、自贸区三区叠加。");
        let hx = r.entities.iter().find(|e| e.label == "重庆高新区").unwrap();
        assert!(hx.aliases.contains("高新区"), "{hx:?}");
        assert_eq!(hx.mentions.len(), 2);
    }
}
