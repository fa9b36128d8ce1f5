//! Posts: a person named after a title holds a post in the body the title names (游仙区委书记 →
//! 游仙区委; 市发展改革委主任 → 市发展改革委), else in the place it names (北碚区副区长 →
//! 北碚区), else — a bare title — in the home area or focus body of the title's scope (市长 →
//! the city the document is about; 副校长 → its university; 记者, 编辑 → its outlet).

use super::{Cx, push};
use crate::extract::discourse::Scope;
use crate::extract::{EntityKind, RelationType};
use crate::text::Span;

/// Titles of a company's officers and of a university's heads, for bare titles.
const COMPANY_TITLES: &[&str] =
    &["董事长", "副董事长", "总经理", "副总经理", "总裁", "副总裁", "首席执行官", "董事", "监事长", "总监", "创始人"];
const UNIVERSITY_TITLES: &[&str] = &["校长", "副校长", "校党委书记", "校党委副书记"];

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
        let label = cx.text(role).trim_matches(|c: char| c.is_whitespace() || "、，,·:：".contains(c)).to_owned();
        if label.is_empty() {
            continue;
        }
        let evidence = Span::new(role.start.min(m.span.start), role.end.max(m.span.end));
        if let Some((body, kind)) = body_of(cx, role, &label) {
            push(out, m.entity, body, kind, &label, evidence);
        }
    }
}

/// Where a title phrase holds its post, and whether that is a post (`holds_position`) or
/// employment (`works_for`, for companies and media).
fn body_of(cx: &Cx<'_>, role: Span, label: &str) -> Option<(usize, RelationType)> {
    let inside = cx.mentions_in(role);
    // the body the title names: the first organization (重庆晨报 of 重庆晨报·上游新闻记者)
    if let Some(org) = inside.iter().find(|o| cx.kind(o.entity) == EntityKind::Organization) {
        return Some((org.entity, employment(cx, org.entity)));
    }
    if let Some(place) = inside.iter().rev().find(|o| cx.kind(o.entity) == EntityKind::Place) {
        return Some((place.entity, RelationType::HoldsPosition));
    }
    let scope = scope_of_title(cx, label)?;
    let body = cx.d.of(scope)?;
    Some((body, employment(cx, body)))
}

/// Companies and media employ; public bodies and places have posts.
fn employment(cx: &Cx<'_>, body: usize) -> RelationType {
    let label = &cx.r.entities[body].label;
    let media = cx.lex.media_title_endings.suffix_of(label).is_some() || label.ends_with('网') || label.ends_with("社");
    let company = ["公司", "集团", "企业"].iter().any(|s| label.ends_with(s));
    if cx.kind(body) == EntityKind::Organization && (media || company || Some(body) == cx.d.outlet) {
        RelationType::WorksFor
    } else {
        RelationType::HoldsPosition
    }
}

/// The scope a bare title speaks of: the level its first char names (市委书记, 区长, 县领导),
/// a university's or a company's titles, or a credit (记者, 编辑).
fn scope_of_title(cx: &Cx<'_>, label: &str) -> Option<Scope> {
    if cx.lex.credit_labels.contains(label) || cx.lex.credit_labels.iter().any(|l| label.ends_with(l)) {
        return Some(Scope::Outlet);
    }
    if UNIVERSITY_TITLES.iter().any(|t| label.starts_with(t)) || label.starts_with("校") {
        return Some(Scope::University);
    }
    if COMPANY_TITLES.iter().any(|t| label.starts_with(t)) {
        return Some(Scope::Company);
    }
    match label.chars().next()? {
        '市' | '州' => Some(Scope::City),
        '区' => Some(Scope::District),
        '县' => Some(Scope::County),
        '省' => Some(Scope::Province),
        _ => None,
    }
}
