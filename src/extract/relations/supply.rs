//! Suppliers and their customers, as company news states them: A进入B、C等企业的供应链(体系),
//! A向B供货, A为B配套, A对B的年供货额, A是B的主要供应商. The supplier cooperates with each customer
//! (`cooperates_with`, labelled with the cue: 供应链, 供货, 配套).

use super::{Cx, Item, Relation, clauses, push};
use crate::extract::{EntityKind, RelationType};
use crate::text::Span;

/// Words after which a supplier's customers are named before a supply-chain word (进入甲的供应链).
const ENTERING_VERBS: [&str; 5] = ["进入", "纳入", "打入", "跻身", "切入"];
/// Supply-chain words that close the customers a supplier entered.
const CHAIN_WORDS: [&str; 4] = ["供应链", "供应体系", "采购体系", "配套体系"];
/// Prepositions that open a customer before a supplying verb (向甲供货, 对甲的供货额).
const TO_WORDS: [char; 4] = ['向', '为', '给', '对'];
/// Supplying verbs after their customer (向甲供货, 为甲配套).
const SUPPLY_VERBS: [&str; 3] = ["供货", "供应", "配套"];

/// Words for a supplier after the customers it serves (是甲的主要供应商).
const SUPPLIER_WORDS: [&str; 3] = ["供应商", "供货商", "配套商"];
/// How far after its preposition a supplying verb, or after 是 a supplier word, may stand (对甲公司
/// 的年供货额, 是甲电驱动系统的主要供应商).
const CUSTOMER_REACH: usize = 24;

/// Words that may stand right before a preposition opening a customer (主要向, 将为, 其中对)
/// besides the supplier's name; any other char makes it part of a word (认为, 方向, 针对).
const BEFORE_TO: &str = "将已还并也要门正能先续期直均中";
/// What a supplying verb may start that says nothing of a customer (配套服务, 供应保障).
const NOT_SUPPLY: [&str; 8] =
    ["配套服务", "配套政策", "配套资金", "配套设施", "供应保障", "供应情况", "供应能力", "供应链"];

/// Finds supplier–customer pairs in one sentence.
pub(super) fn find(cx: &Cx<'_>, sentence: Span, out: &mut Vec<Relation>) {
    let chars = cx.chars;
    let org = |it: &Item| it.entities.iter().all(|&e| cx.kind(e) == EntityKind::Organization);
    let items = cx.items_in(sentence);
    // a cue inside a name is none (华为); a word before it must end where a name does
    let inside_item = |pos: usize| items.iter().any(|it| it.span.start < pos && pos < it.span.end);
    let after_item = |pos: usize| items.iter().any(|it| it.span.end == pos);
    let free_before = |pos: usize, allowed: &str| {
        pos == 0 || !crate::text::is_han(chars[pos - 1]) || after_item(pos) || allowed.contains(chars[pos - 1])
    };
    // the supplier of an earlier clause (…的供应链，其中对甲的供货额…)
    let mut last: Option<Vec<usize>> = None;
    for clause in clauses(chars, sentence) {
        let text: Vec<char> = chars[clause.start..clause.end].to_vec();
        let at = |i: usize, w: &str| w.chars().enumerate().all(|(k, c)| text.get(i + k) == Some(&c));
        let customer_right_after = |pos: usize| items.iter().any(|it| it.span.start == pos && org(it) && !it.reference);
        // the customers' span and the cue that closes it
        let found = (0..text.len()).find_map(|i| {
            let n = ENTERING_VERBS.iter().find(|w| at(i, w))?.chars().count();
            // (引进 + 入驻 is no entering)
            if inside_item(clause.start + i) || i > 0 && text[i - 1] == '引' {
                return None;
            }
            let c = (i + n..text.len()).find(|&c| CHAIN_WORDS.iter().any(|w| at(c, w)))?;
            Some((clause.start + i, Span::new(clause.start + i + n, clause.start + c), "供应链"))
        });
        let found = found.or_else(|| {
            (0..text.len())
                .filter(|&i| TO_WORDS.contains(&text[i]))
                .filter(|&i| !inside_item(clause.start + i) && free_before(clause.start + i, BEFORE_TO))
                .filter(|&i| customer_right_after(clause.start + i + 1))
                .find_map(|i| {
                    let (c, w) = (i + 1..text.len().min(i + CUSTOMER_REACH))
                        .find_map(|c| SUPPLY_VERBS.iter().find(|w| at(c, w)).map(|w| (c, *w)))?;
                    if NOT_SUPPLY.iter().any(|x| at(c, x)) {
                        return None;
                    }
                    Some((clause.start + i, Span::new(clause.start + i + 1, clause.start + c), w))
                })
        });
        // 甲是乙(…)的主要供应商: the customers between 是 and the supplier word (a copula after a
        // name or opening the clause, not 特别是)
        let found = found.or_else(|| {
            let i = (0..text.len()).find(|&i| text[i] == '是' && free_before(clause.start + i, ""))?;
            let c = (i + 1..text.len().min(i + CUSTOMER_REACH)).find(|&c| SUPPLIER_WORDS.iter().any(|w| at(c, w)))?;
            Some((clause.start + i, Span::new(clause.start + i + 1, clause.start + c), "供应商"))
        });
        let Some((opener, customers, label)) = found else { continue };
        let inside: Vec<&Item> = cx.items_in(customers).iter().filter(|it| org(it) && !it.reference).collect();
        if inside.is_empty() {
            continue;
        }
        let Some(supplier) = supplier_before(cx, sentence, clause, opener, &org, last.as_deref()) else { continue };
        // (a government or its department serves, it does not supply)
        let public = |e: usize| {
            let label = &cx.r.entities[e].label;
            label.ends_with("政府") || cx.lex.body_endings.suffix_of(label).is_some()
        };
        if supplier.iter().any(|&e| public(e)) {
            continue;
        }
        last = Some(supplier.clone());
        for it in inside {
            for &b in &it.entities {
                for &a in &supplier {
                    push(out, a, b, RelationType::CooperatesWith, label, sentence);
                }
            }
        }
    }
}

/// The supplier: the organization named first before the customers in their clause (a bare 公司
/// standing for the company counts), else the supplier of an earlier clause (甲已进入乙的供应链，
/// 其中对乙的年供货额…), else the body named first in the sentence, else the company the document
/// is about.
fn supplier_before(
    cx: &Cx<'_>,
    sentence: Span,
    clause: Span,
    opener: usize,
    org: &dyn Fn(&Item) -> bool,
    earlier: Option<&[usize]>,
) -> Option<Vec<usize>> {
    let first_org =
        |from: usize| cx.items_in(Span::new(from, opener)).iter().find(|it| org(it)).map(|it| it.entities.clone());
    first_org(clause.start)
        .or_else(|| earlier.map(<[usize]>::to_vec))
        .or_else(|| first_org(sentence.start))
        .or_else(|| cx.d.company.map(|c| vec![c]))
}
