//! Uniform grids: one over world positions (which nodes are in a rectangle, which node is under
//! the pointer), one over the screen (which placed labels a new label would cover).

/// An axis-aligned rectangle: `[min_x, min_y, max_x, max_y]`.
pub type Rect = [f32; 4];

/// Whether two rectangles overlap (touching edges do not).
#[must_use]
pub fn overlaps(a: Rect, b: Rect) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Points bucketed into square cells over their bounding box, about four to a cell.
#[derive(Debug, Clone, Default)]
pub struct PointGrid {
    origin: [f32; 2],
    cell: f32,
    cols: usize,
    rows: usize,
    /// Cell `k`'s points are `items[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl PointGrid {
    /// A grid over the finite points of `pos` (by their index).
    #[must_use]
    pub fn build(pos: &[[f32; 2]]) -> Self {
        let finite = || pos.iter().enumerate().filter(|(_, p)| p[0].is_finite() && p[1].is_finite());
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        let mut count = 0usize;
        for (_, p) in finite() {
            count += 1;
            for k in 0..2 {
                lo[k] = lo[k].min(p[k]);
                hi[k] = hi[k].max(p[k]);
            }
        }
        if count == 0 {
            return Self::default();
        }
        let (w, h) = ((hi[0] - lo[0]).max(1.0), (hi[1] - lo[1]).max(1.0));
        let cells = (count / 4).clamp(1, 1 << 20) as f32;
        let cell = (w * h / cells).sqrt().max(1e-3);
        let cols = ((w / cell) as usize + 1).min(4096);
        let rows = ((h / cell) as usize + 1).min(4096);
        let mut grid = Self { origin: lo, cell, cols, rows, starts: vec![0; cols * rows + 1], items: vec![0; count] };
        // counting sort: sizes, prefix sums, then fill
        for (_, p) in finite() {
            let k = grid.cell_of(*p);
            grid.starts[k + 1] += 1;
        }
        for k in 0..cols * rows {
            grid.starts[k + 1] += grid.starts[k];
        }
        let mut next: Vec<u32> = grid.starts[..cols * rows].to_vec();
        for (i, p) in finite() {
            let k = grid.cell_of(*p);
            grid.items[next[k] as usize] = i as u32;
            next[k] += 1;
        }
        grid
    }

    fn col_row(&self, p: [f32; 2]) -> (usize, usize) {
        let c = ((p[0] - self.origin[0]) / self.cell).max(0.0) as usize;
        let r = ((p[1] - self.origin[1]) / self.cell).max(0.0) as usize;
        (c.min(self.cols - 1), r.min(self.rows - 1))
    }

    fn cell_of(&self, p: [f32; 2]) -> usize {
        let (c, r) = self.col_row(p);
        r * self.cols + c
    }

    /// Every point in cells that overlap `rect` (a superset of the points inside it), cell by
    /// cell.
    pub fn query(&self, rect: Rect, mut visit: impl FnMut(u32)) {
        if self.cols == 0 || rect[0] > rect[2] || rect[1] > rect[3] {
            return;
        }
        let (c0, r0) = self.col_row([rect[0], rect[1]]);
        let (c1, r1) = self.col_row([rect[2], rect[3]]);
        for r in r0..=r1 {
            let (a, b) = (self.starts[r * self.cols + c0] as usize, self.starts[r * self.cols + c1 + 1] as usize);
            for &i in &self.items[a..b] {
                visit(i);
            }
        }
    }
}

/// Placed label rectangles on the screen, bucketed into cells, for collision tests.
#[derive(Debug, Clone)]
pub struct LabelGrid {
    cell: f32,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    rects: Vec<Rect>,
    /// The first rectangles are reserved areas, not labels.
    reserved: usize,
}

impl LabelGrid {
    /// An empty grid over a screen of `size` pixels.
    #[must_use]
    pub fn new(size: [f32; 2], cell: f32) -> Self {
        let cols = (size[0].max(1.0) / cell) as usize + 1;
        let rows = (size[1].max(1.0) / cell) as usize + 1;
        Self { cell, cols, rows, cells: vec![Vec::new(); cols * rows], rects: Vec::new(), reserved: 0 }
    }

    fn span(&self, r: Rect) -> (usize, usize, usize, usize) {
        let c = |x: f32, n: usize| ((x / self.cell).max(0.0) as usize).min(n - 1);
        (c(r[0], self.cols), c(r[1], self.rows), c(r[2], self.cols), c(r[3], self.rows))
    }

    /// Whether `r` overlaps a rectangle already placed.
    #[must_use]
    pub fn collides(&self, r: Rect) -> bool {
        let (c0, r0, c1, r1) = self.span(r);
        (r0..=r1).any(|row| {
            (c0..=c1).any(|col| self.cells[row * self.cols + col].iter().any(|&k| overlaps(self.rects[k as usize], r)))
        })
    }

    /// Places `r` if it overlaps nothing placed; returns whether it did.
    pub fn try_place(&mut self, r: Rect) -> bool {
        if self.collides(r) {
            return false;
        }
        let k = self.rects.len() as u32;
        let (c0, r0, c1, r1) = self.span(r);
        for row in r0..=r1 {
            for col in c0..=c1 {
                self.cells[row * self.cols + col].push(k);
            }
        }
        self.rects.push(r);
        true
    }

    /// Keeps `r` clear of labels (it is not one of the placed labels).
    pub fn reserve(&mut self, r: Rect) {
        if self.try_place(r) {
            self.reserved += 1;
        }
    }

    /// The label rectangles placed so far.
    #[must_use]
    pub fn placed(&self) -> &[Rect] {
        &self.rects[self.reserved..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn point_query_finds_exactly_the_points_in_cells_it_covers() {
        let pos: Vec<[f32; 2]> = (0..1000).map(|i| [(i * 37 % 1000) as f32, (i * 91 % 777) as f32]).collect();
        let grid = PointGrid::build(&pos);
        let rect = [100.0, 200.0, 300.0, 260.0];
        let mut found = Vec::new();
        grid.query(rect, |i| found.push(i));
        found.sort_unstable();
        found.dedup();
        for (i, p) in pos.iter().enumerate() {
            let inside = p[0] >= rect[0] && p[0] <= rect[2] && p[1] >= rect[1] && p[1] <= rect[3];
            if inside {
                assert!(found.binary_search(&(i as u32)).is_ok(), "missed {i} at {p:?}");
            }
        }
        assert!(found.len() < pos.len() / 4, "the query should not visit everything: {}", found.len());
    }

    #[test]
    fn points_that_are_not_finite_are_left_out() {
        let grid = PointGrid::build(&[[f32::NAN, 0.0], [1.0, 1.0]]);
        let mut found = Vec::new();
        grid.query([-1e9, -1e9, 1e9, 1e9], |i| found.push(i));
        assert_eq!(found, [1]);
        let empty = PointGrid::build(&[]);
        empty.query([0.0, 0.0, 1.0, 1.0], |_| panic!("nothing to find"));
    }

    #[test]
    fn labels_never_overlap() {
        let mut grid = LabelGrid::new([400.0, 300.0], 32.0);
        assert!(grid.try_place([10.0, 10.0, 110.0, 30.0]));
        assert!(!grid.try_place([100.0, 25.0, 150.0, 45.0]));
        assert!(grid.try_place([110.0, 10.0, 150.0, 30.0]), "touching is not overlapping");
        assert!(!grid.try_place([0.0, 0.0, 400.0, 300.0]));
        assert_eq!(grid.placed().len(), 2);
        let mut grid = LabelGrid::new([400.0, 300.0], 32.0);
        grid.reserve([0.0, 200.0, 150.0, 300.0]);
        assert!(!grid.try_place([100.0, 250.0, 180.0, 270.0]), "a reserved area takes no label");
        assert!(grid.placed().is_empty());
    }
}
