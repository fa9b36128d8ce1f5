//! Barnes-Hut quadtree: approximate n-body repulsion in O(n log n). Cells far enough away (size
//! over distance below `theta`) act as one body at their centre of mass. The force between two
//! bodies is `strength · mass / distance`, pointing away.

/// A quadtree over points with masses.
#[derive(Debug)]
pub struct QuadTree {
    cells: Vec<Cell>,
}

#[derive(Debug, Clone)]
struct Cell {
    centre: [f32; 2],
    half: f32,
    mass: f32,
    mass_centre: [f32; 2],
    /// Index of the first of four children, or `None` for a leaf.
    children: Option<usize>,
    /// The body in a leaf (position), if any.
    body: Option<[f32; 2]>,
}

const MAX_DEPTH: u32 = 24;

impl QuadTree {
    /// Builds the tree over `points` weighted by `mass`.
    #[must_use]
    pub fn build(points: &[[f32; 2]], mass: &[f32]) -> Self {
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in points {
            for k in 0..2 {
                lo[k] = lo[k].min(p[k]);
                hi[k] = hi[k].max(p[k]);
            }
        }
        let centre =
            if points.is_empty() { [0.0, 0.0] } else { [f32::midpoint(lo[0], hi[0]), f32::midpoint(lo[1], hi[1])] };
        let half = if points.is_empty() { 1.0 } else { ((hi[0] - lo[0]).max(hi[1] - lo[1]) / 2.0).max(1.0) + 1.0 };
        let mut tree = Self { cells: vec![Cell::empty(centre, half)] };
        for (i, &p) in points.iter().enumerate() {
            tree.insert(0, p, mass.get(i).copied().unwrap_or(1.0), 0);
        }
        tree
    }

    fn insert(&mut self, cell: usize, p: [f32; 2], m: f32, depth: u32) {
        let c = &mut self.cells[cell];
        let total = c.mass + m;
        c.mass_centre =
            [(c.mass_centre[0] * c.mass + p[0] * m) / total, (c.mass_centre[1] * c.mass + p[1] * m) / total];
        c.mass = total;
        if let Some(first) = c.children {
            let q = Self::quadrant(&self.cells[cell], p);
            self.insert(first + q, p, m, depth + 1);
            return;
        }
        match c.body {
            None => c.body = Some(p),
            Some(existing) if depth < MAX_DEPTH => {
                // split: move the existing body down, then insert the new one
                let (centre, half) = (c.centre, c.half / 2.0);
                let existing_mass = c.mass - m;
                c.body = None;
                let first = self.cells.len();
                self.cells[cell].children = Some(first);
                for q in 0..4 {
                    let dx = if q & 1 == 0 { -half } else { half };
                    let dy = if q & 2 == 0 { -half } else { half };
                    self.cells.push(Cell::empty([centre[0] + dx, centre[1] + dy], half));
                }
                let qe = Self::quadrant(&self.cells[cell], existing);
                self.insert(first + qe, existing, existing_mass, depth + 1);
                let qn = Self::quadrant(&self.cells[cell], p);
                self.insert(first + qn, p, m, depth + 1);
            }
            Some(_) => {} // coincident points at full depth share the leaf's mass
        }
    }

    fn quadrant(c: &Cell, p: [f32; 2]) -> usize {
        usize::from(p[0] >= c.centre[0]) | (usize::from(p[1] >= c.centre[1]) << 1)
    }

    /// The repulsive force on a body at `p` (the body's own contribution is skipped).
    #[must_use]
    pub fn repulsion(&self, p: [f32; 2], theta: f32, strength: f32) -> [f32; 2] {
        let mut f = [0.0f32; 2];
        // depth-first with a fixed stack: at most three siblings wait per level, and the depth is
        // bounded, so this never overflows (and costs no allocation per body)
        let mut stack = [0usize; 4 * MAX_DEPTH as usize + 4];
        let mut top = 1;
        while top > 0 {
            top -= 1;
            let i = stack[top];
            let c = &self.cells[i];
            if c.mass == 0.0 {
                continue;
            }
            let d = [p[0] - c.mass_centre[0], p[1] - c.mass_centre[1]];
            let dist2 = d[0] * d[0] + d[1] * d[1];
            match c.children {
                Some(first) if (2.0 * c.half) * (2.0 * c.half) >= theta * theta * dist2 => {
                    stack[top..top + 4].copy_from_slice(&[first, first + 1, first + 2, first + 3]);
                    top += 4;
                }
                _ => {
                    if dist2 < 1e-6 {
                        continue; // the body itself (or one on top of it)
                    }
                    // magnitude strength·mass/distance: along d, divided by distance twice
                    let k = strength * c.mass / dist2.max(1.0);
                    f[0] += d[0] * k;
                    f[1] += d[1] * k;
                }
            }
        }
        f
    }
}

impl Cell {
    const fn empty(centre: [f32; 2], half: f32) -> Self {
        Self { centre, half, mass: 0.0, mass_centre: [0.0, 0.0], children: None, body: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(points: &[[f32; 2]], p: [f32; 2], strength: f32) -> [f32; 2] {
        let mut f = [0.0f32; 2];
        for q in points {
            let d = [p[0] - q[0], p[1] - q[1]];
            let dist2 = d[0] * d[0] + d[1] * d[1];
            if dist2 < 1e-6 {
                continue;
            }
            // magnitude strength / distance
            f[0] += d[0] * strength / dist2.max(1.0);
            f[1] += d[1] * strength / dist2.max(1.0);
        }
        f
    }

    #[test]
    fn matches_exact_sum_when_theta_is_zero() {
        #[allow(clippy::cast_precision_loss)]
        let pts: Vec<[f32; 2]> = (0..50).map(|i| [(i * 37 % 101) as f32, (i * 53 % 89) as f32]).collect();
        let tree = QuadTree::build(&pts, &vec![1.0; pts.len()]);
        for p in &pts {
            let a = tree.repulsion(*p, 0.0, 100.0);
            let b = exact(&pts, *p, 100.0);
            assert!((a[0] - b[0]).abs() < 1e-3 && (a[1] - b[1]).abs() < 1e-3, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn approximation_is_close() {
        #[allow(clippy::cast_precision_loss)]
        let pts: Vec<[f32; 2]> = (0..400).map(|i| [(i * 37 % 211) as f32 * 3.0, (i * 53 % 197) as f32 * 3.0]).collect();
        let tree = QuadTree::build(&pts, &vec![1.0; pts.len()]);
        let p = pts[7];
        let a = tree.repulsion(p, 0.5, 100.0);
        let b = exact(&pts, p, 100.0);
        let err = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
        let norm = (b[0] * b[0] + b[1] * b[1]).sqrt();
        assert!(err <= 0.1 * norm + 1e-3, "{err} vs {norm}");
    }

    #[test]
    fn coincident_points_terminate() {
        let pts = vec![[1.0, 1.0]; 100];
        let tree = QuadTree::build(&pts, &vec![1.0; 100]);
        let f = tree.repulsion([1.0, 1.0], 0.8, 1.0);
        assert!(f[0].is_finite());
    }
}
