//! Zhitu (知图): Chinese news articles → a knowledge graph of people, places, organizations and
//! initiatives, with the exact source sentences behind every node and edge.
//!
//! The pipeline runs one way (see `DESIGN.md`):
//! [`ingest`] (bytes → cleaned [`ingest::Document`]) → [`extract`] (mentions and relations) →
//! [`graph`] ([`graph::KnowledgeGraph`]) → [`layout`] (positions) and [`export`] (JSON). The word
//! lists both ingest and extraction read are data, in [`lexicon`].
//! The desktop window lives in the binary and depends on this library, never the reverse.

pub mod analyze;
pub mod atomic;
pub mod corpus_gen;
pub mod curate;
pub mod date;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod layout;
pub mod lexicon;
pub mod par;
pub mod pipeline;
pub(crate) mod rng;
pub mod scene;
pub mod tag;
pub mod text;

/// The generator string written into exported files.
pub const GENERATOR: &str = concat!("zhitu ", env!("CARGO_PKG_VERSION"));

/// The sample article bundled with the binary (byte-identical to the corpus copy).
pub const SAMPLE_ARTICLE: &[u8] = include_bytes!("../assets/samples/beibei-2020-05-14.txt");

/// The file name the bundled sample is shown under.
pub const SAMPLE_NAME: &str = "beibei-2020-05-14.txt";
