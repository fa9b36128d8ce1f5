//! Word lists as data. Every list the rule layers use (surnames, titles, boundary verbs, generic
//! modifiers, name suffixes per kind, well-known organizations …) lives in its own file under
//! `assets/lexicon/`, one entry a line (columns separated by tabs), with a `#` header saying what
//! it is and where it comes from. The files are embedded in the binary and parsed once into the
//! [`Lexicon`], which the rules reach through [`Lexicon::get`] as they reach the gazetteer.
//!
//! A [`WordList`] answers membership and longest-match questions through a character trie in
//! each direction, so scanning a text for any of a list's words costs the length of the longest
//! word per position, not the size of the list.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A character trie: longest and all matches from a position.
#[derive(Debug, Default, Clone)]
struct Trie {
    /// Node 0 is the root; each node's edges are sorted by char.
    nodes: Vec<TrieNode>,
}

#[derive(Debug, Default, Clone)]
struct TrieNode {
    next: Vec<(char, u32)>,
    terminal: bool,
}

impl Trie {
    fn new() -> Self {
        Self { nodes: vec![TrieNode::default()] }
    }

    fn insert(&mut self, word: impl Iterator<Item = char>) {
        let mut at = 0usize;
        for c in word {
            let edges = &self.nodes[at].next;
            at = match edges.binary_search_by_key(&c, |e| e.0) {
                Ok(i) => edges[i].1 as usize,
                Err(i) => {
                    let id = self.nodes.len();
                    self.nodes.push(TrieNode::default());
                    self.nodes[at].next.insert(i, (c, u32::try_from(id).unwrap_or(u32::MAX)));
                    id
                }
            };
        }
        self.nodes[at].terminal = true;
    }

    fn step(&self, at: usize, c: char) -> Option<usize> {
        let edges = &self.nodes[at].next;
        edges.binary_search_by_key(&c, |e| e.0).ok().map(|i| edges[i].1 as usize)
    }

    /// Lengths of every word read by `chars`, shortest first.
    fn matches(&self, chars: impl Iterator<Item = char>) -> impl Iterator<Item = usize> {
        let mut at = Some(0usize);
        chars
            .enumerate()
            .map_while(move |(i, c)| {
                let next = self.step(at?, c)?;
                at = Some(next);
                Some((i + 1, self.nodes[next].terminal))
            })
            .filter_map(|(n, terminal)| terminal.then_some(n))
    }
}

/// One list of the lexicon: its entries in file order (each a row of tab-separated columns), the
/// words of its first column, and tries for fast matching.
#[derive(Debug, Clone)]
pub struct WordList {
    rows: Vec<Vec<String>>,
    set: HashSet<String>,
    forward: Trie,
    backward: Trie,
}

impl WordList {
    /// Parses a list file: `#` lines and blank lines are skipped, columns split at tabs.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let rows: Vec<Vec<String>> = text
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.split('\t').map(|c| c.trim().to_owned()).collect())
            .collect();
        Self::from_rows(rows)
    }

    fn from_rows(rows: Vec<Vec<String>>) -> Self {
        let mut forward = Trie::new();
        let mut backward = Trie::new();
        let mut set = HashSet::new();
        for w in rows.iter().filter_map(|r| r.first()).filter(|w| !w.is_empty()) {
            forward.insert(w.chars());
            backward.insert(w.chars().rev());
            set.insert(w.clone());
        }
        Self { rows, set, forward, backward }
    }

    /// The words (first column), in file order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.rows.iter().filter_map(|r| r.first()).map(String::as_str)
    }

    /// The rows, in file order.
    #[must_use]
    pub fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Whether `word` is in the list.
    #[must_use]
    pub fn contains(&self, word: &str) -> bool {
        self.set.contains(word)
    }

    /// Whether the one-char word `c` is in the list (for lists of characters).
    #[must_use]
    pub fn has_char(&self, c: char) -> bool {
        self.forward.step(0, c).is_some_and(|n| self.forward.nodes[n].terminal)
    }

    /// The length (in chars) of the longest word starting at `chars[start]`.
    #[must_use]
    pub fn longest_at(&self, chars: &[char], start: usize) -> Option<usize> {
        self.forward.matches(chars.get(start..)?.iter().copied()).last()
    }

    /// The lengths of every word starting at `chars[start]`, shortest first.
    pub fn all_at<'a>(&'a self, chars: &'a [char], start: usize) -> impl Iterator<Item = usize> + 'a {
        self.forward.matches(chars.get(start..).unwrap_or(&[]).iter().copied())
    }

    /// The lengths of every word ending just before `chars[end]`, shortest first.
    pub fn all_ending_at<'a>(&'a self, chars: &'a [char], end: usize) -> impl Iterator<Item = usize> + 'a {
        self.backward.matches(chars.get(..end).unwrap_or(&[]).iter().rev().copied())
    }

    /// The length of the longest word ending just before `chars[end]`.
    #[must_use]
    pub fn longest_ending_at(&self, chars: &[char], end: usize) -> Option<usize> {
        self.backward.matches(chars.get(..end)?.iter().rev().copied()).last()
    }

    /// Whether a word of the list starts at `chars[start]`.
    #[must_use]
    pub fn starts_at(&self, chars: &[char], start: usize) -> bool {
        self.longest_at(chars, start).is_some()
    }

    /// Whether a word of the list ends just before `chars[end]`.
    #[must_use]
    pub fn ends_at(&self, chars: &[char], end: usize) -> bool {
        self.longest_ending_at(chars, end).is_some()
    }

    /// The longest word `s` ends with.
    #[must_use]
    pub fn suffix_of<'a>(&'a self, s: &str) -> Option<&'a str> {
        let n = self.backward.matches(s.chars().rev()).last()?;
        let tail: String = s.chars().rev().take(n).collect::<Vec<_>>().into_iter().rev().collect();
        self.set.get(&tail).map(String::as_str)
    }

    /// The longest word `s` starts with.
    #[must_use]
    pub fn prefix_of<'a>(&'a self, s: &str) -> Option<&'a str> {
        let n = self.forward.matches(s.chars()).last()?;
        let head: String = s.chars().take(n).collect();
        self.set.get(&head).map(String::as_str)
    }

    /// Whether any word of the list occurs in `s`.
    #[must_use]
    pub fn occurs_in(&self, s: &str) -> bool {
        let chars: Vec<char> = s.chars().collect();
        (0..chars.len()).any(|i| self.starts_at(&chars, i))
    }

    /// The first column's words that occur more than once (a data error the tests catch).
    #[must_use]
    pub fn duplicates(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        self.iter().filter(|w| !seen.insert(*w)).collect()
    }
}

macro_rules! lexicon_files {
    ($($field:ident),* $(,)?) => {
        /// Every word list, by the name of its file under `assets/lexicon/`.
        #[derive(Debug)]
        pub struct Lexicon {
            $(#[doc = concat!("`assets/lexicon/", stringify!($field), ".txt`")] pub $field: WordList,)*
            /// Every name of a well-known organization (canonical and other names) → canonical.
            known_org_canonical: HashMap<String, String>,
            /// All those names, for scanning.
            pub known_org_names: WordList,
        }

        /// The embedded files: (name, text).
        pub const FILES: &[(&str, &str)] = &[
            $((stringify!($field), include_str!(concat!("../assets/lexicon/", stringify!($field), ".txt"))),)*
        ];

        impl Lexicon {
            fn load() -> Self {
                let mut lex = Self {
                    $($field: WordList::parse(include_str!(concat!("../assets/lexicon/", stringify!($field), ".txt"))),)*
                    known_org_canonical: HashMap::new(),
                    known_org_names: WordList::from_rows(Vec::new()),
                };
                lex.index_known_orgs();
                lex
            }
        }
    };
}

lexicon_files!(
    surnames,
    compound_surnames,
    titles,
    honorifics,
    after_name,
    stop_chars,
    boundary_words,
    generic_words,
    country_abbreviations,
    unsplit_abbreviations,
    ambiguous_alone,
    place_abbreviations,
    weather_words,
    generic_policy_words,
    media_title_endings,
    geo_names,
    area_parts,
    team_words,
    org_suffixes,
    zone_suffixes,
    initiative_suffixes,
    weak_initiative_suffixes,
    initiative_cues,
    initiative_stoplist,
    org_hypernyms,
    regions,
    known_orgs,
    org_abbreviations,
    both_parties,
    sister_words,
    cooperation_words,
    promote_verbs,
    have_words,
    inclusion_words,
    corporate_forms,
    common_word_shorts,
    unit_chars,
    not_units,
    pair_words,
    travel_verbs,
    travel_places,
    descriptive_suffixes,
    project_heads,
    document_words,
    project_qualifiers,
    credit_labels,
    project_verbs,
    capacity_units,
    programme_tail_heads,
    site_ceremonies,
    programme_verbs,
    glued_openers,
    host_verbs,
    page_footer_starts,
    page_footer_marks,
    chrome_words,
    chrome_starts,
    breadcrumb_starts,
    counter_words,
    credit_not_names,
    unit_endings,
    html_furniture_words,
    html_body_words,
    html_date_metas,
    referring_nouns,
    list_heads,
    short_name_words,
    sign_words,
    action_verbs,
    related_verbs,
    body_endings,
    location_verbs,
    landing_verbs,
    organ_words,
    company_titles,
    university_titles,
    party_words,
    pronoun_words,
    app_promo_words,
    app_promo_verbs,
    industry_fields,
    national_body_endings,
    whole_area_words,
    whole_area_followers,
    name_verb_nouns,
    department_endings,
    designation_heads,
    brand_words,
    administered_zone_suffixes,
    university_suffixes,
    company_suffixes,
    editor_labels,
    zone_committee_words,
    university_units,
    park_suffixes,
    plural_markers,
    attraction_verbs,
    list_names,
    mission_words,
    zone_abbreviations,
    assignment_verbs,
    field_unit_suffixes,
    lead_verbs,
    media_endings,
    coordinators,
    event_heads,
    demonstratives,
    platform_heads,
    scenic_suffixes,
    venue_endings,
    quoted_programme_heads,
    project_predicates,
    accompany_words,
    time_words,
    seat_words,
    central_organs,
    founding_verbs,
    guide_verbs,
    sub_unit_endings,
    holding_verbs,
    generic_regions,
    place_idioms,
    party_levels,
    site_endings,
    carry_out_verbs,
    place_organs,
    body_abbreviations,
    country_qualified_heads,
    coordinator_adverbs,
    tibetan_name_parts,
    institute_titles,
    appointment_words,
    member_words,
    group_heads,
    joining_verbs,
    sub_zone_words,
);

impl Lexicon {
    /// Whether a name ends in a referring noun of three or more characters (全资子公司, 该公司):
    /// it describes a body without naming it.
    #[must_use]
    pub fn is_referring_description(&self, name: &str) -> bool {
        self.referring_nouns.suffix_of(name).is_some_and(|s| s.chars().count() >= 3)
    }

    fn index_known_orgs(&mut self) {
        for row in self.known_orgs.rows() {
            for name in row {
                self.known_org_canonical.entry(name.clone()).or_insert_with(|| row[0].clone());
            }
        }
        let mut names: Vec<&String> = self.known_org_canonical.keys().collect();
        names.sort();
        self.known_org_names = WordList::from_rows(names.into_iter().map(|k| vec![k.clone()]).collect());
    }

    /// The lexicon embedded in the binary, parsed once.
    pub fn get() -> &'static Self {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(Self::load)
    }

    /// The canonical name of a well-known organization called `name`.
    #[must_use]
    pub fn known_org(&self, name: &str) -> Option<&str> {
        self.known_org_canonical.get(name).map(String::as_str)
    }

    /// Whether the head of an enumeration of organizations starts at `i`: a hypernym, maybe
    /// after generic modifiers (等高校, 等骨干企业, 等重点龙头企业).
    #[must_use]
    pub fn org_hypernym_at(&self, chars: &[char], i: usize) -> bool {
        let mut at = i;
        for _ in 0..3 {
            if self.org_hypernyms.starts_at(chars, at) {
                return true;
            }
            match self.generic_words.longest_at(chars, at) {
                Some(n) if n >= 2 => at += n,
                _ => return false,
            }
        }
        false
    }

    /// The credit label that starts at `chars[start]` (the longest), with the document field it
    /// fills and what names follow it (`credit_labels`).
    #[must_use]
    pub fn credit_label_at<'a>(&'a self, chars: &[char], start: usize) -> Option<(&'a str, &'a str, &'a str)> {
        let n = self.credit_labels.longest_at(chars, start)?;
        let label: String = chars[start..start + n].iter().collect();
        let row = self.credit_labels.rows().iter().find(|r| r[0] == label)?;
        Some((row[0].as_str(), row.get(1)?.as_str(), row.get(2)?.as_str()))
    }

    /// The zone a sub-zone's full name starts with (中国（辽宁）自由贸易试验区 of 中国（辽宁）自由贸易试验区
    /// 沈阳片区), when the name is a zone of `sub_zone_words` and a sub-zone of its own words after it
    /// (at least one char before the sub-zone's word).
    #[must_use]
    pub fn zone_of_sub_zone<'a>(&self, name: &'a str) -> Option<&'a str> {
        self.sub_zone_words.rows().iter().find_map(|r| {
            let word = r.get(1).filter(|w| name.ends_with(w.as_str()))?;
            let at = name.rfind(r[0].as_str())? + r[0].len();
            (name[at..].chars().count() > word.chars().count()).then(|| &name[..at])
        })
    }

    /// The place a one-char abbreviation stands for (京 → 北京市).
    #[must_use]
    pub fn place_abbreviation(&self, c: char) -> Option<&str> {
        let mut buf = [0u8; 4];
        let key: &str = c.encode_utf8(&mut buf);
        self.place_abbreviations.rows().iter().find(|r| r[0] == key).and_then(|r| r.get(1)).map(String::as_str)
    }
}

/// Whether a body's name ends in the form of a registered legal name (…有限公司, …股份公司).
#[must_use]
pub fn ends_in_legal_form(name: &str) -> bool {
    ["有限公司", "有限责任公司", "股份公司"].iter().any(|f| name.ends_with(f))
}

/// The length of the surname `s` starts with: a compound surname (欧阳) when two more chars
/// follow, else a common one-char surname.
#[must_use]
pub fn surname_len(s: &[char]) -> Option<usize> {
    let lex = Lexicon::get();
    if s.len() >= 3 && lex.compound_surnames.longest_at(s, 0) == Some(2) {
        return Some(2);
    }
    s.first().filter(|c| lex.surnames.has_char(**c)).map(|_| 1)
}

/// Whether `name` can be segmented entirely into generic words (digits count as generic).
#[must_use]
pub fn is_generic(name: &[char]) -> bool {
    if name.is_empty() {
        return true;
    }
    let generic = &Lexicon::get().generic_words;
    // dynamic programming over prefixes: reachable[i] = name[..i] is all generic words
    let mut reachable = vec![false; name.len() + 1];
    reachable[0] = true;
    for i in 0..name.len() {
        if !reachable[i] {
            continue;
        }
        for n in generic.all_at(name, i) {
            reachable[i + n] = true;
        }
        if name[i].is_ascii_digit() {
            reachable[i + 1] = true;
        }
    }
    reachable[name.len()]
}

/// Whether `chars[..end]` ends with the word `w`.
#[must_use]
pub fn ends_with_word(chars: &[char], end: usize, w: &str) -> bool {
    // compare from the last char so most calls stop after one
    let mut i = end.min(chars.len());
    if i != end {
        return false;
    }
    for c in w.chars().rev() {
        if i == 0 || chars[i - 1] != c {
            return false;
        }
        i -= 1;
    }
    true
}

/// Whether `chars[start..]` starts with the word `w`.
#[must_use]
pub fn starts_with_word(chars: &[char], start: usize, w: &str) -> bool {
    (start..).zip(w.chars()).all(|(i, c)| chars.get(i) == Some(&c))
}

/// Expands known abbreviations and folds full-width ASCII so variants share one identity key.
#[must_use]
pub fn normalize_key(name: &str) -> String {
    let folded: String = name
        .chars()
        .filter_map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
            '\u{3000}' | ' ' | '“' | '”' | '"' | '‘' | '’' | '·' | '•' => None,
            _ => Some(c),
        })
        .collect();
    for row in Lexicon::get().org_abbreviations.rows() {
        if let (Some(short), Some(full)) = (row.first(), row.get(1))
            && let Some(rest) = folded.strip_prefix(short.as_str())
        {
            return format!("{full}{rest}");
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn generic_descriptions_are_detected() {
        assert!(is_generic(&chars("国家级工程技术")));
        assert!(is_generic(&chars("重点")));
        assert!(is_generic(&chars("")));
        // direction words are generic on their own; regions anchor names through `regions`
        assert!(is_generic(&chars("西南")));
        assert!(!is_generic(&chars("蔡家智慧")));
        assert!(!is_generic(&chars("歇马")));
    }

    #[test]
    fn surnames() {
        assert_eq!(surname_len(&chars("周旭")), Some(1));
        assert_eq!(surname_len(&chars("欧阳修")), Some(2));
        assert_eq!(surname_len(&chars("的人")), None);
    }

    #[test]
    fn keys_fold_variants() {
        assert_eq!(normalize_key("中科院重庆绿色智能技术研究院"), "中国科学院重庆绿色智能技术研究院");
        assert_eq!(normalize_key("ＢＯＥ"), "BOE");
        assert_eq!(normalize_key("“四地一枢纽”"), "四地一枢纽");
    }

    #[test]
    fn word_lists_match_longest_and_all() {
        let list = WordList::parse("# a header\n研究\n研究院\n\n院\n");
        let text = chars("某研究院的");
        assert_eq!(list.longest_at(&text, 1), Some(3));
        assert_eq!(list.all_at(&text, 1).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(list.longest_ending_at(&text, 4), Some(3));
        assert!(list.ends_at(&text, 4) && !list.ends_at(&text, 5));
        assert_eq!(list.suffix_of("某研究院"), Some("研究院"));
        assert_eq!(list.prefix_of("研究所"), Some("研究"));
        assert!(list.contains("院") && !list.contains("某"));
        assert!(list.occurs_in("中研究") && !list.occurs_in("中心"));
        assert_eq!(list.len(), 3);
    }

    /// Every file has a header saying what it is and where it comes from, no empty entries and no
    /// duplicates.
    #[test]
    fn every_list_is_documented_and_has_no_duplicates() {
        for (name, text) in FILES {
            let mut lines = text.lines();
            assert!(lines.next().is_some_and(|l| l.starts_with("# ")), "{name}: first line must say what it is");
            assert!(
                text.lines().take_while(|l| l.starts_with('#')).any(|l| l.starts_with("# Source:")),
                "{name}: the header must name its source"
            );
            let list = WordList::parse(text);
            assert!(!list.is_empty(), "{name} is empty");
            assert!(list.duplicates().is_empty(), "{name} repeats {:?}", list.duplicates());
            for row in list.rows() {
                assert!(row.iter().all(|c| !c.is_empty()), "{name}: empty column in {row:?}");
            }
        }
        let lex = Lexicon::get();
        for row in lex.place_abbreviations.rows() {
            assert!(row.len() == 2 && row[0].chars().count() == 1, "place_abbreviations: {row:?}");
        }
        for row in lex.org_abbreviations.rows() {
            assert_eq!(row.len(), 2, "org_abbreviations: {row:?}");
        }
        for list in [&lex.surnames, &lex.stop_chars, &lex.unit_chars, &lex.travel_verbs, &lex.travel_places] {
            assert!(list.iter().all(|w| w.chars().count() == 1), "a list of characters holds a longer entry");
        }
    }

    /// An entry that occurs in the sample article must also occur in the independent test
    /// articles or the general news corpus of `tests/data/support` (all written without sight of
    /// the lexicon): a word that only the sample uses is a word fitted to the sample.
    #[test]
    fn no_entry_is_supported_by_the_sample_alone() {
        let sample = crate::ingest::decode::decode(crate::SAMPLE_ARTICLE, None).map(|d| d.text).unwrap_or_default();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let mut others = String::new();
        let mut paths = Vec::new();
        for dir in ["articles", "support"] {
            paths
                .extend(std::fs::read_dir(root.join(dir)).expect("test data folder").map(|e| e.expect("entry").path()));
        }
        for path in paths {
            if path.to_string_lossy().ends_with(".gold.json") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("readable article");
            others.push_str(&crate::ingest::decode::decode(&bytes, None).map(|d| d.text).unwrap_or_default());
        }
        assert!(others.chars().count() > 5_000, "the independent articles are missing");
        let mut sample_only = Vec::new();
        for (name, text) in FILES {
            for row in WordList::parse(text).rows() {
                for w in row.iter().filter(|w| w.chars().count() >= 2) {
                    if sample.contains(w.as_str()) && !others.contains(w.as_str()) {
                        sample_only.push(format!("{name}: {w}"));
                    }
                }
            }
        }
        assert!(sample_only.is_empty(), "entries only the sample supports: {sample_only:?}");
    }
}
