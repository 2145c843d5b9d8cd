extension PointLabelMark {
    /// Device points binned in square cells of `cell` pixels: how many cells with ink a rectangle holds, in
    /// time proportional to the rectangle's area, however long the paths (10⁵ steps). The cells are a bitmap
    /// over the points' bounding box (a frame of an animation lays its labels out anew, so this runs for every
    /// frame); ink spread over more than 2²² cells (a point far outside the plot) is kept as a set instead.
    struct InkGrid {
        let cell: Double
        /// The bitmap's first column and row, and its width and height in cells.
        private var i0 = 0, j0 = 0, width = 0, height = 0
        private var bits: [Bool] = []
        private var sparse: Set<Int64> = []

        init(_ points: [Point], cell: Double) {
            self.cell = cell
            var ij: [(Int, Int)] = []
            ij.reserveCapacity(points.count)
            for p in points where p.isFinite && abs(p.x) < 1e9 && abs(p.y) < 1e9 {
                ij.append((Int((p.x / cell).rounded(.down)), Int((p.y / cell).rounded(.down))))
            }
            guard let first = ij.first else { return }
            var (a0, a1, b0, b1) = (first.0, first.0, first.1, first.1)
            for (i, j) in ij { a0 = min(a0, i); a1 = max(a1, i); b0 = min(b0, j); b1 = max(b1, j) }
            let (w, h) = (a1 - a0 + 1, b1 - b0 + 1)
            guard w <= 1 << 22, h <= 1 << 22, w * h <= 1 << 22 else {
                sparse = Set(ij.map { Self.key($0.0, $0.1) })
                return
            }
            (i0, j0, width, height) = (a0, b0, w, h)
            bits = [Bool](repeating: false, count: w * h)
            for (i, j) in ij { bits[(j - b0) * w + (i - a0)] = true }
        }

        private static func key(_ i: Int, _ j: Int) -> Int64 { (Int64(i) + (1 << 30)) << 32 | (Int64(j) + (1 << 30)) }

        /// The number of inked cells whose centre lies in `r`.
        func count(in r: Rect) -> Int {
            guard !bits.isEmpty || !sparse.isEmpty, r.minX.isFinite, r.maxX.isFinite, r.minY.isFinite, r.maxY.isFinite,
                  abs(r.minX) < 1e12, abs(r.maxX) < 1e12, abs(r.minY) < 1e12, abs(r.maxY) < 1e12 else { return 0 }
            var (a, b) = (Int((r.minX / cell - 0.5).rounded(.up)), Int((r.maxX / cell - 0.5).rounded(.down)))
            var (c, d) = (Int((r.minY / cell - 0.5).rounded(.up)), Int((r.maxY / cell - 0.5).rounded(.down)))
            guard a <= b, c <= d else { return 0 }
            var n = 0
            if bits.isEmpty {
                for i in a...b { for j in c...d where sparse.contains(Self.key(i, j)) { n += 1 } }
                return n
            }
            (a, b) = (max(a, i0), min(b, i0 + width - 1))
            (c, d) = (max(c, j0), min(d, j0 + height - 1))
            guard a <= b, c <= d else { return 0 }
            bits.withUnsafeBufferPointer { p in
                for j in c...d {
                    let row = (j - j0) * width - i0
                    for i in a...b where p[row + i] { n += 1 }
                }
            }
            return n
        }
    }
}
