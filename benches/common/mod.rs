//! Synthetic big graphs for the benchmarks: preferential attachment (a few hubs, many small
//! nodes, like a news corpus's entities), deterministic for a seed.

#![allow(dead_code)] // each benchmark uses part of this

/// `SplitMix64`, so the graph repeats without a dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `nodes` nodes and about `edges` edges: each new node links to `edges / nodes` earlier ones,
/// picked in proportion to their degree half of the time and uniformly otherwise. Returns the
/// edges (without duplicates or loops) with weights 1–5.
pub fn power_law(nodes: usize, edges: usize, seed: u64) -> Vec<(usize, usize, u32)> {
    let mut rng = Rng(seed);
    let per = (edges / nodes).max(1);
    let mut ends: Vec<usize> = Vec::with_capacity(edges * 2);
    let mut linked = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(edges);
    for i in 1..nodes {
        for _ in 0..per.min(i) {
            let j = if ends.is_empty() || rng.below(2) == 0 { rng.below(i) } else { ends[rng.below(ends.len())] };
            if j != i && linked.insert((j.min(i), j.max(i))) {
                out.push((j, i, 1 + (rng.below(100) * rng.below(100) / 2000) as u32));
                ends.push(i);
                ends.push(j);
            }
        }
    }
    out
}
