//! The articles on a time axis: their publication dates binned by day, week, month or year —
//! whichever keeps the axis to a readable number of bars — with every bin between the first
//! and the last date present (empty ones too, so gaps show as gaps), and the articles a range
//! of bins leaves out. Headless: the window's timeline draws it, tests check it.

use std::collections::BTreeSet;

use crate::date::{civil_from_days, day_number};
use crate::graph::KnowledgeGraph;

/// How wide one bin of the axis is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Day,
    /// Weeks from Monday.
    Week,
    Month,
    Year,
}

/// Spans (in days) up to which each finer step is used.
const DAYS_UP_TO: i64 = 92;
const WEEKS_UP_TO: i64 = 2 * 366;
const MONTHS_UP_TO: i64 = 15 * 366;

/// One bar of the axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bin {
    /// The bin's start as the axis names it: `2021-03-02`, `2021-03-01` (a week's Monday),
    /// `2021-03` or `2021`.
    pub label: String,
    /// The documents (indexes into the graph's documents) published in it.
    pub documents: Vec<usize>,
}

/// The dated articles of a graph on a time axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub step: Step,
    pub bins: Vec<Bin>,
}

impl Timeline {
    /// The axis of `g`'s articles; articles without a readable date are on none of it.
    #[must_use]
    pub fn of(g: &KnowledgeGraph) -> Self {
        let dated: Vec<(usize, i64)> = g
            .documents()
            .iter()
            .enumerate()
            .filter_map(|(k, d)| d.record.published.as_deref().and_then(day_number).map(|day| (k, day)))
            .collect();
        Self::from_days(&dated)
    }

    /// The axis of documents given as (index, day number since 1970-01-01).
    #[must_use]
    pub fn from_days(dated: &[(usize, i64)]) -> Self {
        let (Some(first), Some(last)) = (dated.iter().map(|d| d.1).min(), dated.iter().map(|d| d.1).max()) else {
            return Self { step: Step::Day, bins: Vec::new() };
        };
        let span = last - first;
        let step = if span <= DAYS_UP_TO {
            Step::Day
        } else if span <= WEEKS_UP_TO {
            Step::Week
        } else if span <= MONTHS_UP_TO {
            Step::Month
        } else {
            Step::Year
        };
        let start = bin_number(step, first);
        let count = usize::try_from(bin_number(step, last) - start + 1).unwrap_or(0);
        let mut bins: Vec<Bin> =
            (start..).take(count).map(|b| Bin { label: label(step, b), documents: Vec::new() }).collect();
        for &(doc, day) in dated {
            let i = usize::try_from(bin_number(step, day) - start).unwrap_or(0);
            bins[i].documents.push(doc);
        }
        for b in &mut bins {
            b.documents.sort_unstable();
        }
        Self { step, bins }
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.bins.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.bins.is_empty()
    }

    /// The documents a range of bins (inclusive) hides: the dated ones outside it.
    #[must_use]
    pub fn hidden(&self, range: Option<(usize, usize)>) -> BTreeSet<usize> {
        let Some((from, to)) = range else { return BTreeSet::new() };
        self.bins
            .iter()
            .enumerate()
            .filter(|(k, _)| *k < from || *k > to)
            .flat_map(|(_, b)| b.documents.iter().copied())
            .collect()
    }

    /// The bin a day falls in, if the axis covers it.
    #[must_use]
    pub fn bin_of(&self, day: i64) -> Option<usize> {
        let first = self.bins.first().and_then(|b| day_number(&b.label))?;
        let at = usize::try_from(bin_number(self.step, day) - bin_number(self.step, first)).ok()?;
        (at < self.len()).then_some(at)
    }

    /// A range of this axis's bins on another axis of the same articles and more (the step may
    /// have changed): the bins holding the days the range starts and ends on.
    #[must_use]
    pub fn carry(&self, range: (usize, usize), to: &Self) -> Option<(usize, usize)> {
        let day = |k: usize| self.bins.get(k).and_then(|b| day_number(&b.label));
        let from = to.bin_of(day(range.0)?)?;
        // the last day of the range: the day before the next bin starts, or the end of the axis
        let end = day(range.1 + 1).map_or_else(|| to.len() - 1, |next| to.bin_of(next - 1).unwrap_or(to.len() - 1));
        Some((from, end.max(from)))
    }

    /// Documents in bins `from..=to`.
    #[must_use]
    pub fn count(&self, from: usize, to: usize) -> usize {
        self.bins
            .get(from..=to.min(self.len().saturating_sub(1)))
            .map_or(0, |b| b.iter().map(|b| b.documents.len()).sum())
    }
}

/// The bin a day falls in: its day, its week (numbered by the Monday), month or year number.
fn bin_number(step: Step, day: i64) -> i64 {
    match step {
        Step::Day => day,
        // 1970-01-01 was a Thursday: Monday-based weeks start 3 days before it
        Step::Week => (day + 3).div_euclid(7),
        Step::Month => {
            let (y, m, _) = civil_from_days(day);
            y * 12 + m - 1
        }
        Step::Year => civil_from_days(day).0,
    }
}

fn label(step: Step, bin: i64) -> String {
    match step {
        Step::Day => {
            let (y, m, d) = civil_from_days(bin);
            format!("{y:04}-{m:02}-{d:02}")
        }
        Step::Week => {
            let (y, m, d) = civil_from_days(bin * 7 - 3);
            format!("{y:04}-{m:02}-{d:02}")
        }
        Step::Month => format!("{:04}-{:02}", bin.div_euclid(12), bin.rem_euclid(12) + 1),
        Step::Year => format!("{bin:04}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn axis(written: &[&str]) -> Timeline {
        let dated: Vec<(usize, i64)> = written.iter().enumerate().map(|(k, d)| (k, day_number(d).unwrap())).collect();
        Timeline::from_days(&dated)
    }

    #[test]
    fn the_step_follows_the_span_and_empty_bins_stay() {
        let days = axis(&["2021-03-02", "2021-03-05", "2021-03-05"]);
        assert_eq!(days.step, Step::Day);
        let labels: Vec<&str> = days.bins.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["2021-03-02", "2021-03-03", "2021-03-04", "2021-03-05"]);
        assert_eq!(days.bins[3].documents, [1, 2]);
        assert!(days.bins[1].documents.is_empty());

        // 2021-03-03 is a Wednesday: its week starts on Monday 2021-03-01
        let weeks = axis(&["2021-03-03", "2021-09-30"]);
        assert_eq!(weeks.step, Step::Week);
        assert_eq!(weeks.bins[0].label, "2021-03-01");
        assert!(
            weeks.bins.windows(2).all(|w| day_number(&w[1].label).unwrap() - day_number(&w[0].label).unwrap() == 7)
        );

        let months = axis(&["2018-11-20", "2021-02-01"]);
        assert_eq!(months.step, Step::Month);
        assert_eq!(months.len(), 28);
        assert_eq!((months.bins[0].label.as_str(), months.bins[27].label.as_str()), ("2018-11", "2021-02"));

        let years = axis(&["1990-05-01", "2021-02-01"]);
        assert_eq!(years.step, Step::Year);
        assert_eq!(years.len(), 32);
    }

    #[test]
    fn a_range_hides_the_dated_articles_outside_it() {
        let t = axis(&["2021-03-02", "2021-03-03", "2021-03-04"]);
        assert!(t.hidden(None).is_empty());
        assert_eq!(t.hidden(Some((1, 2))), BTreeSet::from([0]));
        assert_eq!(t.count(1, 2), 2);
        assert!(Timeline::from_days(&[]).is_empty());
    }

    #[test]
    fn a_range_keeps_its_dates_when_the_axis_changes_its_step() {
        let days = axis(&["2021-03-02", "2021-03-05", "2021-03-20"]);
        // 3 to 5 March, then an article from the autumn turns the axis into weeks
        let range = (1, 3);
        let weeks = axis(&["2021-03-02", "2021-03-05", "2021-03-20", "2021-10-01"]);
        assert_eq!(weeks.step, Step::Week);
        let carried = days.carry(range, &weeks).unwrap();
        // the week of Monday 1 March holds them all
        assert_eq!(carried, (0, 0));
        assert_eq!(weeks.bins[carried.0].label, "2021-03-01");
        // and on the same axis a range stays itself
        assert_eq!(days.carry(range, &days), Some(range));
    }
}
