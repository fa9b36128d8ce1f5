//! Relation patterns on short texts written for them.

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
    // the body the title names: the district's party committee; a medium employs
    let rs = rels("北碚区委书记周旭表示,北碚要发展。\n重庆日报·上游新闻记者 王淳");
    assert!(has(&rs, "周旭", "北碚区委", RelationType::HoldsPosition), "{rs:?}");
    assert!(has(&rs, "王淳", "重庆日报", RelationType::WorksFor), "{rs:?}");
    // a place named in the title: the post is in that place
    let rs = rels("江津区副区长刘建平出席活动。");
    assert!(has(&rs, "刘建平", "江津区", RelationType::HoldsPosition), "{rs:?}");
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
