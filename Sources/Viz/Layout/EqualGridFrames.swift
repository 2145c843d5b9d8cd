/// Small multiples drawn at one scale: in a grid whose panels each take one cell, the page's width and
/// height are shared out so that every plot has the same width and the same height, the columns and rows
/// whose labels need more room (the first column's y labels, the bottom row's x labels) getting wider or
/// taller cells (as matplotlib's `subplots` with `constrained_layout` keeps axes of one size). Cells of equal
/// size gave the first of three panels of a strip a narrower plot (it alone carries the y labels), and the
/// bottom row of a grid two thirds of the others' height, so the same view read at two scales.
enum EqualGridFrames {
    /// The frames, or nil when some panel spans several cells or a row or column has no panel (the cells are
    /// then used as they are).
    static func frames(panels: [Figure.Panel], cells: [Rect], insets: [Insets], rows: Int, columns: Int, gap: Double) -> [Rect]? {
        guard panels.count > 1, panels.allSatisfy({ $0.rowSpan == 1 && $0.columnSpan == 1 }) else { return nil }
        var left = [Double](repeating: 0, count: columns), right = left
        var top = [Double](repeating: 0, count: rows), bottom = top
        var seenColumn = [Bool](repeating: false, count: columns), seenRow = [Bool](repeating: false, count: rows)
        for (k, p) in panels.enumerated() {
            left[p.column] = max(left[p.column], insets[k].left); right[p.column] = max(right[p.column], insets[k].right)
            top[p.row] = max(top[p.row], insets[k].top); bottom[p.row] = max(bottom[p.row], insets[k].bottom)
            seenColumn[p.column] = true; seenRow[p.row] = true
        }
        guard !seenColumn.contains(false), !seenRow.contains(false),
              let x0 = cells.map(\.minX).min(), let x1 = cells.map(\.maxX).max(),
              let y0 = cells.map(\.minY).min(), let y1 = cells.map(\.maxY).max() else { return nil }
        let plotWidth = (x1 - x0 - Double(columns - 1) * gap - left.reduce(0, +) - right.reduce(0, +)) / Double(columns)
        let plotHeight = (y1 - y0 - Double(rows - 1) * gap - top.reduce(0, +) - bottom.reduce(0, +)) / Double(rows)
        guard plotWidth > 0, plotHeight > 0 else { return nil }
        var xs: [Double] = [], x = x0
        for c in 0..<columns { xs.append(x + left[c]); x += left[c] + plotWidth + right[c] + gap }
        var ys: [Double] = [], y = y0
        for r in 0..<rows { ys.append(y + top[r]); y += top[r] + plotHeight + bottom[r] + gap }
        return panels.map { Rect(x: xs[$0.column], y: ys[$0.row], width: plotWidth, height: plotHeight) }
    }
}
