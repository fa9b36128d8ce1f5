//! Numeric kernels of the tagger: a row-blocked affine map (`out = x·W + b`), the GRU gate update,
//! each with an AVX2+FMA version picked at run time and a portable version for other CPUs.
//!
//! Weights are packed into panels of [`LANES`] outputs ([`Packed`]): a kernel broadcasts one input
//! value and multiplies it into a panel row, with no horizontal sums, and reuses each panel for up
//! to four rows held in registers (the rows are time steps of a sentence, or the current steps of
//! several sentences run in lockstep).

#![allow(unsafe_code)]
// x, w, b, k, n, r, z, h: the names of the formulas they implement
#![allow(clippy::many_single_char_names)]

/// Output widths are padded to a multiple of this.
pub const LANES: usize = 16;

/// Which implementation the CPU allows, decided once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Isa {
    /// AVX2 and FMA (x86-64).
    Avx2Fma,
    /// Plain Rust, vectorised by the compiler as far as the baseline target allows.
    Portable,
}

impl Isa {
    /// The best implementation this CPU supports.
    #[must_use]
    pub fn detect() -> Self {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
                return Self::Avx2Fma;
            }
        }
        Self::Portable
    }
}

/// A weight matrix `[k][n]` stored as column panels of [`LANES`] outputs, each panel `k × LANES`
/// contiguous, so a kernel streams one small panel per block of outputs.
#[derive(Debug, Clone)]
pub struct Packed {
    k: usize,
    n: usize,
    data: Vec<f32>,
}

impl Packed {
    /// Packs an input-major matrix (`w[kk * n + j]`), padding `n` up to a multiple of [`LANES`].
    #[must_use]
    pub fn new(w: &[f32], k: usize, n: usize) -> Self {
        assert_eq!(w.len(), k * n);
        let padded = n.div_ceil(LANES) * LANES;
        let mut data = vec![0.0; k * padded];
        for kk in 0..k {
            for j in 0..n {
                data[(j / LANES) * k * LANES + kk * LANES + j % LANES] = w[kk * n + j];
            }
        }
        Self { k, n: padded, data }
    }

    /// Inputs per row.
    #[must_use]
    pub fn k(&self) -> usize {
        self.k
    }

    /// Outputs per row (padded).
    #[must_use]
    pub fn n(&self) -> usize {
        self.n
    }
}

/// `out[r][j] = b[j] + Σ_k x[r][k] · w[k][j]` for `rows` rows; `x` has row stride `w.k()`, `out`
/// row stride `w.n()`. Every output is accumulated in the same order (bias, then k ascending, one
/// fused multiply-add each) whatever the kernel or blocking, so results are bit-identical across
/// kernels and batch shapes.
pub fn affine(isa: Isa, x: &[f32], rows: usize, w: &Packed, b: &[f32], out: &mut [f32]) {
    let (k, n) = (w.k, w.n);
    assert!(b.len() == n && x.len() >= rows * k && out.len() >= rows * n);
    match isa {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `Avx2Fma` is only constructed after the CPU reported both features, and the
        // assert above keeps every access in bounds.
        Isa::Avx2Fma => unsafe { avx2::affine(x, rows, k, &w.data, b, n, out) },
        _ => portable_affine(x, rows, k, &w.data, b, n, out),
    }
}

fn portable_affine(x: &[f32], rows: usize, k: usize, w: &[f32], b: &[f32], n: usize, out: &mut [f32]) {
    for p in 0..n / LANES {
        let panel = &w[p * k * LANES..(p + 1) * k * LANES];
        for r in 0..rows {
            let o = &mut out[r * n + p * LANES..r * n + (p + 1) * LANES];
            o.copy_from_slice(&b[p * LANES..(p + 1) * LANES]);
            for (kk, &xv) in x[r * k..(r + 1) * k].iter().enumerate() {
                for (oj, wj) in o.iter_mut().zip(&panel[kk * LANES..(kk + 1) * LANES]) {
                    *oj = xv.mul_add(*wj, *oj);
                }
            }
        }
    }
}

/// One GRU step (ONNX semantics, `linear_before_reset = 1`, gates z, r, h):
/// `z = σ(gx_z + gh_z)`, `r = σ(gx_r + gh_r)`, `n = tanh(gx_h + r·gh_h)`, `h = (1−z)·n + z·h`.
pub fn gru_gates(isa: Isa, gx: &[f32], gh: &[f32], h: &mut [f32]) {
    let hs = h.len();
    assert!(gx.len() >= 3 * hs && gh.len() >= 3 * hs);
    match isa {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: as in `affine`; the slices have the lengths asserted above.
        Isa::Avx2Fma => unsafe { avx2::gru_gates(gx, gh, h) },
        _ => gates_scalar(gx, gh, h),
    }
}

#[inline]
fn gates_scalar(gx: &[f32], gh: &[f32], h: &mut [f32]) {
    let hs = h.len();
    for j in 0..hs {
        let z = sigmoid(gx[j] + gh[j]);
        let r = sigmoid(gx[hs + j] + gh[hs + j]);
        let n = tanh(r.mul_add(gh[2 * hs + j], gx[2 * hs + j]));
        h[j] = (1.0 - z).mul_add(n, z * h[j]);
    }
}

/// One step of Viterbi over `dp.len()` tags: for each target tag, the best previous tag and its
/// score (`best[to] = max_from dp[from] + t[from][to]`, ties to the lowest `from`). `transitions`
/// has row stride `stride`, a multiple of 8 ≥ `dp.len()`; `best` and `arg` hold `stride` values
/// (entries past `dp.len()` are scratch).
pub fn viterbi_step(isa: Isa, dp: &[f32], transitions: &[f32], stride: usize, best: &mut [f32], arg: &mut [u32]) {
    assert!(stride.is_multiple_of(8) && stride >= dp.len() && !dp.is_empty());
    assert!(transitions.len() >= dp.len() * stride && best.len() >= stride && arg.len() >= stride);
    match isa {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: as in `affine`, with the bounds asserted above.
        Isa::Avx2Fma => unsafe { avx2::viterbi_step(dp, transitions, stride, best, arg) },
        _ => {
            best[..stride].copy_from_slice(&transitions[..stride]);
            for b in &mut best[..stride] {
                *b += dp[0];
            }
            arg.fill(0);
            for (from, &d) in dp.iter().enumerate().skip(1) {
                let row = &transitions[from * stride..(from + 1) * stride];
                #[allow(clippy::cast_possible_truncation)]
                let from = from as u32;
                for ((b, a), &tr) in best.iter_mut().zip(arg.iter_mut()).zip(row) {
                    let s = d + tr;
                    if s > *b {
                        *b = s;
                        *a = from;
                    }
                }
            }
        }
    }
}

/// `e^x` for |x| ≤ 88 with about 2 ulp error: 2^(x·log2 e) split into an integer power of two and
/// a degree-6 polynomial on [-0.5, 0.5]. Written without branches so loops over it vectorise.
#[inline]
#[must_use]
pub fn exp(x: f32) -> f32 {
    let x = x.clamp(-87.0, 88.0);
    let t = x * std::f32::consts::LOG2_E;
    let n = t.round_ties_even();
    // x - n·ln2 in two parts for accuracy
    let f = n.mul_add(-0.693_145_75, x);
    let f = n.mul_add(-1.428_606_8e-6, f);
    let p = 1.0 / 720.0f32;
    let p = p.mul_add(f, 1.0 / 120.0);
    let p = p.mul_add(f, 1.0 / 24.0);
    let p = p.mul_add(f, 1.0 / 6.0);
    let p = p.mul_add(f, 0.5);
    let p = p.mul_add(f, 1.0);
    let p = p.mul_add(f, 1.0);
    // n is an integer in [-126, 127] after the clamp, so the biased exponent is in 1..=254
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let scale = f32::from_bits(((n as i32 + 127) as u32) << 23);
    p * scale
}

/// The logistic function.
#[inline]
#[must_use]
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + exp(-x))
}

/// Hyperbolic tangent as `1 − 2/(e^{2x} + 1)`.
#[inline]
#[must_use]
pub fn tanh(x: f32) -> f32 {
    1.0 - 2.0 / (exp(2.0 * x) + 1.0)
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::{
        __m256, _CMP_GT_OQ, _MM_FROUND_NO_EXC, _MM_FROUND_TO_NEAREST_INT, _mm256_add_epi32, _mm256_add_ps,
        _mm256_blendv_ps, _mm256_broadcast_ss, _mm256_castps_si256, _mm256_castsi256_ps, _mm256_cmp_ps,
        _mm256_cvtps_epi32, _mm256_div_ps, _mm256_fmadd_ps, _mm256_loadu_ps, _mm256_max_ps, _mm256_min_ps,
        _mm256_mul_ps, _mm256_round_ps, _mm256_set1_epi32, _mm256_set1_ps, _mm256_setzero_ps, _mm256_setzero_si256,
        _mm256_slli_epi32, _mm256_storeu_ps, _mm256_storeu_si256, _mm256_sub_ps, _mm256_xor_ps,
    };

    use super::LANES;

    /// Panel by panel (the panel stays in L1 while every row uses it); rows in blocks of 4, the
    /// rest in a smaller block; a lone row takes four panels at once (eight independent
    /// accumulators hide the FMA latency).
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn affine(x: &[f32], rows: usize, k: usize, w: &[f32], b: &[f32], n: usize, out: &mut [f32]) {
        let panels = n / LANES;
        let (x, w, b, o) = (x.as_ptr(), w.as_ptr(), b.as_ptr(), out.as_mut_ptr());
        let mut p = 0;
        if rows == 1 {
            while p + 4 <= panels {
                // SAFETY: panels p..p+4 exist; one row of k inputs and n outputs.
                unsafe { row4panels(x, k, w.add(p * k * LANES), b.add(p * LANES), o.add(p * LANES)) };
                p += 4;
            }
        }
        while p < panels {
            let (wp, bp) = (w.wrapping_add(p * k * LANES), b.wrapping_add(p * LANES));
            let mut r = 0;
            // SAFETY (all four calls): rows r..r+R exist, panel p exists, outputs have stride n.
            while r + 4 <= rows {
                unsafe { tile::<4>(x.add(r * k), k, wp, bp, n, o.add(r * n + p * LANES)) };
                r += 4;
            }
            match rows - r {
                3 => unsafe { tile::<3>(x.add(r * k), k, wp, bp, n, o.add(r * n + p * LANES)) },
                2 => unsafe { tile::<2>(x.add(r * k), k, wp, bp, n, o.add(r * n + p * LANES)) },
                1 => unsafe { tile::<1>(x.add(r * k), k, wp, bp, n, o.add(r * n + p * LANES)) },
                _ => {}
            }
            p += 1;
        }
    }

    #[target_feature(enable = "avx2,fma")]
    #[inline]
    unsafe fn tile<const R: usize>(x: *const f32, k: usize, w: *const f32, b: *const f32, n: usize, out: *mut f32) {
        // SAFETY: the caller guarantees R rows of k inputs, a panel of k × 16 weights, 16 biases
        // and R rows of 16 outputs with stride n.
        unsafe {
            let b0 = _mm256_loadu_ps(b);
            let b1 = _mm256_loadu_ps(b.add(8));
            let mut acc: [[__m256; 2]; R] = [[b0, b1]; R];
            for kk in 0..k {
                let w0 = _mm256_loadu_ps(w.add(kk * LANES));
                let w1 = _mm256_loadu_ps(w.add(kk * LANES + 8));
                for (r, a) in acc.iter_mut().enumerate() {
                    let xv = _mm256_broadcast_ss(&*x.add(r * k + kk));
                    a[0] = _mm256_fmadd_ps(xv, w0, a[0]);
                    a[1] = _mm256_fmadd_ps(xv, w1, a[1]);
                }
            }
            for (r, a) in acc.iter().enumerate() {
                _mm256_storeu_ps(out.add(r * n), a[0]);
                _mm256_storeu_ps(out.add(r * n + 8), a[1]);
            }
        }
    }

    #[target_feature(enable = "avx2,fma")]
    #[inline]
    unsafe fn row4panels(x: *const f32, k: usize, w: *const f32, b: *const f32, out: *mut f32) {
        // SAFETY: one row of k inputs, four consecutive panels of k × 16 weights, 64 biases and
        // 64 outputs.
        unsafe {
            let mut acc = [_mm256_setzero_ps(); 8];
            for (i, a) in acc.iter_mut().enumerate() {
                *a = _mm256_loadu_ps(b.add(8 * i));
            }
            let stride = k * LANES;
            for kk in 0..k {
                let xv = _mm256_broadcast_ss(&*x.add(kk));
                for (i, a) in acc.iter_mut().enumerate() {
                    let wv = _mm256_loadu_ps(w.add((i / 2) * stride + kk * LANES + (i % 2) * 8));
                    *a = _mm256_fmadd_ps(xv, wv, *a);
                }
            }
            for (i, a) in acc.iter().enumerate() {
                _mm256_storeu_ps(out.add(8 * i), *a);
            }
        }
    }

    /// [`super::exp`] eight lanes wide, the same operations in the same order.
    #[target_feature(enable = "avx2,fma")]
    #[inline]
    fn exp8(x: __m256) -> __m256 {
        let x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-87.0)), _mm256_set1_ps(88.0));
        let t = _mm256_mul_ps(x, _mm256_set1_ps(std::f32::consts::LOG2_E));
        let n = _mm256_round_ps::<{ _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC }>(t);
        let f = _mm256_fmadd_ps(n, _mm256_set1_ps(-0.693_145_75), x);
        let f = _mm256_fmadd_ps(n, _mm256_set1_ps(-1.428_606_8e-6), f);
        let mut p = _mm256_set1_ps(1.0 / 720.0);
        for c in [1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0, 1.0] {
            p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(c));
        }
        let bits = _mm256_slli_epi32::<23>(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)));
        _mm256_mul_ps(p, _mm256_castsi256_ps(bits))
    }

    /// The gate update of [`super::gru_gates`], eight hidden units at a time.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn gru_gates(gx: &[f32], gh: &[f32], h: &mut [f32]) {
        let hs = h.len();
        let one = _mm256_set1_ps(1.0);
        let two = _mm256_set1_ps(2.0);
        let sign = _mm256_set1_ps(-0.0);
        let mut j = 0;
        while j + 8 <= hs {
            // SAFETY: j + 8 <= hs and gx, gh hold 3·hs values (asserted by the caller).
            unsafe {
                let ld = |s: &[f32], i: usize| _mm256_loadu_ps(s.as_ptr().add(i));
                let sig = |v: __m256| _mm256_div_ps(one, _mm256_add_ps(one, exp8(_mm256_xor_ps(v, sign))));
                let z = sig(_mm256_add_ps(ld(gx, j), ld(gh, j)));
                let r = sig(_mm256_add_ps(ld(gx, hs + j), ld(gh, hs + j)));
                let a = _mm256_fmadd_ps(r, ld(gh, 2 * hs + j), ld(gx, 2 * hs + j));
                let n = _mm256_sub_ps(one, _mm256_div_ps(two, _mm256_add_ps(exp8(_mm256_mul_ps(two, a)), one)));
                let hv = ld(h, j);
                let new = _mm256_fmadd_ps(_mm256_sub_ps(one, z), n, _mm256_mul_ps(z, hv));
                _mm256_storeu_ps(h.as_mut_ptr().add(j), new);
            }
            j += 8;
        }
        if j < hs {
            let (gx, gh) = (&gx[j..], &gh[j..]);
            let rest = hs - j;
            // the tail, gathered so the scalar code sees its usual layout
            let gx3: Vec<f32> = (0..3).flat_map(|g| gx[g * hs..g * hs + rest].iter().copied()).collect();
            let gh3: Vec<f32> = (0..3).flat_map(|g| gh[g * hs..g * hs + rest].iter().copied()).collect();
            super::gates_scalar(&gx3, &gh3, &mut h[j..]);
        }
    }

    /// One Viterbi step of [`super::viterbi_step`], eight target tags at a time.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn viterbi_step(dp: &[f32], transitions: &[f32], stride: usize, best: &mut [f32], arg: &mut [u32]) {
        let mut c = 0;
        while c < stride {
            // SAFETY: c + 8 <= stride (a multiple of 8); transitions holds dp.len() rows of stride.
            unsafe {
                let mut b = _mm256_add_ps(_mm256_set1_ps(dp[0]), _mm256_loadu_ps(transitions.as_ptr().add(c)));
                let mut a = _mm256_setzero_si256();
                for (from, &d) in dp.iter().enumerate().skip(1) {
                    let s =
                        _mm256_add_ps(_mm256_set1_ps(d), _mm256_loadu_ps(transitions.as_ptr().add(from * stride + c)));
                    let m = _mm256_cmp_ps::<_CMP_GT_OQ>(s, b);
                    b = _mm256_blendv_ps(b, s, m);
                    #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
                    let f = _mm256_set1_epi32(from as i32);
                    a = _mm256_castps_si256(_mm256_blendv_ps(_mm256_castsi256_ps(a), _mm256_castsi256_ps(f), m));
                }
                _mm256_storeu_ps(best.as_mut_ptr().add(c), b);
                _mm256_storeu_si256(arg.as_mut_ptr().add(c).cast(), a);
            }
            c += 8;
        }
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    #[test]
    fn exp_and_activations_are_accurate() {
        let mut x = -30.0f32;
        while x < 30.0 {
            let e = f64::from(x).exp();
            let rel = ((f64::from(exp(x)) - e) / e).abs();
            assert!(rel < 5e-7, "exp({x}) rel error {rel}");
            assert!((f64::from(sigmoid(x)) - 1.0 / (1.0 + (-f64::from(x)).exp())).abs() < 1e-6);
            assert!((f64::from(tanh(x)) - f64::from(x).tanh()).abs() < 1e-6);
            x += 0.0137;
        }
        assert!(exp(-1000.0) >= 0.0 && exp(1000.0).is_finite());
        assert!(sigmoid(-1000.0) < 1e-30);
        assert_eq!(tanh(1000.0), 1.0);
    }

    #[test]
    fn simd_and_portable_kernels_agree() {
        let (k, n) = (37, 128);
        let w: Vec<f32> = (0..k * n).map(|i| ((i * 7919 % 1000) as f32 - 500.0) / 700.0).collect();
        let packed = Packed::new(&w, k, n);
        let b: Vec<f32> = (0..n).map(|i| i as f32 / 100.0).collect();
        for rows in [1, 2, 3, 4, 9] {
            let x: Vec<f32> = (0..rows * k).map(|i| ((i * 104_729 % 997) as f32 - 498.0) / 400.0).collect();
            let mut a = vec![0.0; rows * n];
            let mut p = vec![0.0; rows * n];
            affine(Isa::detect(), &x, rows, &packed, &b, &mut a);
            affine(Isa::Portable, &x, rows, &packed, &b, &mut p);
            // same accumulation order in every kernel: bit-identical
            assert_eq!(a, p, "rows {rows}");
            if rows > 1 {
                let mut single = vec![0.0; n];
                affine(Isa::detect(), &x[k..2 * k], 1, &packed, &b, &mut single);
                assert_eq!(single, a[n..2 * n]);
            }
            // and both match the definition
            let r = rows - 1;
            let want: f32 = b[5] + (0..k).map(|kk| x[r * k + kk] * w[kk * n + 5]).sum::<f32>();
            assert!((p[r * n + 5] - want).abs() < 1e-4);
        }
        let gx: Vec<f32> = (0..3 * 128).map(|i| (i as f32 - 190.0) / 40.0).collect();
        let gh: Vec<f32> = (0..3 * 128).map(|i| (190.0 - i as f32) / 50.0).collect();
        let mut h1 = vec![0.3f32; 128];
        let mut h2 = h1.clone();
        gru_gates(Isa::detect(), &gx, &gh, &mut h1);
        gates_scalar(&gx, &gh, &mut h2);
        assert_eq!(h1, h2);
    }
}
