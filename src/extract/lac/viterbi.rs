//! CRF decoding: the highest-scoring tag path given per-char emission scores and tag-to-tag
//! transition scores. Ties go to the lowest tag id, as the reference's `argmax` does.

use super::kernels::{Isa, viterbi_step};

/// Best path for `len` steps of `emissions` (row stride `stride`, first `n` columns used) and
/// `transitions[from][to]` with row stride `t_stride` (a multiple of 8). `back` is scratch.
#[allow(clippy::too_many_arguments)]
pub fn decode(
    isa: Isa,
    emissions: &[f32],
    len: usize,
    stride: usize,
    transitions: &[f32],
    n: usize,
    t_stride: usize,
    back: &mut Vec<u8>,
    out: &mut Vec<u8>,
) {
    out.clear();
    if len == 0 {
        return;
    }
    debug_assert!(n <= 256 && transitions.len() == n * t_stride && emissions.len() >= (len - 1) * stride + n);
    let mut dp: Vec<f32> = emissions[..n].to_vec();
    let mut best = vec![0f32; t_stride];
    let mut arg = vec![0u32; t_stride];
    back.clear();
    back.resize(len * n, 0);
    for t in 1..len {
        viterbi_step(isa, &dp, transitions, t_stride, &mut best, &mut arg);
        let e = &emissions[t * stride..t * stride + n];
        for to in 0..n {
            dp[to] = best[to] + e[to];
            #[allow(clippy::cast_possible_truncation)]
            {
                back[t * n + to] = arg[to] as u8;
            }
        }
    }
    let mut tag = 0;
    for i in 1..n {
        if dp[i] > dp[tag] {
            tag = i;
        }
    }
    out.resize(len, 0);
    for t in (0..len).rev() {
        #[allow(clippy::cast_possible_truncation)]
        {
            out[t] = tag as u8;
        }
        if t > 0 {
            tag = usize::from(back[t * n + tag]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Exhaustive search over all paths of a small problem.
    fn brute(em: &[f32], len: usize, tr: &[f32], n: usize) -> Vec<u8> {
        let mut best = (f32::NEG_INFINITY, vec![]);
        let total = n.pow(u32::try_from(len).unwrap());
        for code in 0..total {
            let path: Vec<usize> = (0..len).map(|t| code / n.pow(u32::try_from(t).unwrap()) % n).collect();
            let mut s = em[path[0]];
            for t in 1..len {
                s += tr[path[t - 1] * n + path[t]] + em[t * n + path[t]];
            }
            if s > best.0 {
                best = (s, path.iter().map(|&p| u8::try_from(p).unwrap()).collect());
            }
        }
        best.1
    }

    #[test]
    fn finds_the_best_path() {
        let n = 3;
        let tr3 = [0.5, -1.0, 0.2, 0.1, 0.3, -0.7, -0.2, 0.9, 0.0];
        // rows padded to 8 columns for the step kernel
        let tr: Vec<f32> = tr3.chunks(3).flat_map(|r| r.iter().copied().chain([0.0; 5])).collect();
        let em: Vec<f32> = (0..5 * n).map(|i| ((i * 37 % 11) as f32 - 5.0) / 3.0).collect();
        let (mut back, mut out) = (vec![], vec![]);
        for isa in [Isa::detect(), Isa::Portable] {
            for len in 1..=5 {
                decode(isa, &em, len, n, &tr, n, 8, &mut back, &mut out);
                assert_eq!(out, brute(&em, len, &tr3, n), "len {len}");
            }
        }
        decode(Isa::Portable, &em, 0, n, &tr, n, 8, &mut back, &mut out);
        assert!(out.is_empty());
    }
}
