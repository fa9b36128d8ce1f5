//! Batches of projects started or signed together (西安高新区2024年第一批重点项目, 某市2024年度第二批
//! 重大项目): the batch is an initiative of its own, named by its place or zone, its year and its
//! ordinal; the projects listed for it are its parts ([`super::relations`]).

use crate::extract::EntityKind;
use crate::extract::rules::Candidate;
use crate::lexicon::Lexicon;
use crate::text::{Span, is_cn_numeral, is_han};

/// The longest a batch's name may run before its ordinal (a zone's name and a year).
const BATCH_NAME_REACH: usize = 14;

/// Batch names: "<place>(<year>年(度))第<n>批(<qualifiers>)项目".
#[must_use]
pub fn candidates(chars: &[char]) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    for i in 0..chars.len() {
        // 第 + numeral + 批
        if chars[i] != '第' {
            continue;
        }
        let digits = chars[i + 1..].iter().take_while(|&&c| is_cn_numeral(c) || c.is_ascii_digit()).count();
        if digits == 0 || chars.get(i + 1 + digits) != Some(&'批') {
            continue;
        }
        // qualifiers, then the head: 重点项目, 重大项目, 省级重点建设项目
        let mut end = i + 2 + digits;
        while let Some(n) =
            lex.project_qualifiers.longest_at(chars, end).filter(|_| !lex.project_heads.starts_at(chars, end))
        {
            end += n;
        }
        let Some(head) = lex.project_heads.longest_at(chars, end) else { continue };
        end += head;
        // back over a year (2024年, 2024年度) to the name of the place or zone before it
        let mut start = i;
        let year = chars[..start].iter().rev().take_while(|&&c| c == '年' || c == '度').count();
        if year > 0 {
            let d = chars[..start - year].iter().rev().take_while(|c| c.is_ascii_digit()).count();
            if d == 4 {
                start -= year + d;
            }
        }
        let run_start = (start.saturating_sub(BATCH_NAME_REACH)..start)
            .rev()
            .take_while(|&k| is_han(chars[k]) && !"的和与及在是了将把对从为由".contains(chars[k]))
            .last();
        let Some(run_start) = run_start else { continue };
        // the owner is a zone's name (西安高新区), or a whole place of the gazetteer (宜宾市, not 宜宾市
        // 举行), the longest that ends the run
        let g = crate::extract::gazetteer::Gazetteer::get();
        let whole_place = (run_start..start.saturating_sub(1))
            .find(|&k| g.lookup(&chars[k..start].iter().collect::<String>()).next().is_some());
        let run: String = chars[run_start..start].iter().collect();
        let zone = lex.zone_suffixes.suffix_of(&run).is_some()
            || lex.zone_abbreviations.rows().iter().any(|r| r.get(1).is_some_and(|s| run.ends_with(s.as_str())));
        // (a zone's name starts with its place: 会上 | 西安高新区)
        let zone_start = || {
            (run_start..start.saturating_sub(2))
                .find(|&k| {
                    (2..=4).any(|n| {
                        k + n <= start && g.lookup(&chars[k..k + n].iter().collect::<String>()).next().is_some()
                    })
                })
                .or(Some(run_start))
        };
        let name_start = if zone { zone_start() } else { whole_place };
        let placed = name_start.is_some();
        let name_start = name_start.unwrap_or(run_start);
        if placed {
            out.push(Candidate::new(chars, Span::new(name_start, end), EntityKind::Initiative, "project batch", 4));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::candidates;

    fn names(text: &str) -> Vec<String> {
        crate::extract::rules::labels_of(text, candidates)
    }

    #[test]
    fn a_batch_goes_by_its_place_year_and_ordinal() {
        assert_eq!(names("3月8日，成都高新区2024年第二批重点项目集中开工。"), ["成都高新区2024年第二批重点项目"]);
        assert_eq!(names("绵阳市2023年度第一批重大项目签约。"), ["绵阳市2023年度第一批重大项目"]);
        // no place, no batch of a name
        assert!(names("今年第一批项目已开工。").is_empty());
        assert_eq!(names("宜宾市举行2024年第一批重大项目集中开工仪式。"), Vec::<String>::new());
    }
}
