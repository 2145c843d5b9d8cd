/// The dots that mark the ends of a jump in a step function: a closed (filled) dot where the function
/// takes its value, an open (hollow) dot where it does not — e.g. for the binary step, closed at (0, 1)
/// and open at (0, 0). Draw the curve itself as a `LineMark` with a NaN break at the jump.
public struct JumpDotsMark: Mark {
    /// One dot: a data point and whether the function attains its value there.
    public struct Dot: Sendable, Hashable {
        /// The dot's data point.
        public var point: Point
        /// True where the function takes this value (closed dot), false where it does not (open dot).
        public var filled: Bool
        /// A dot at `point`, closed when `filled`.
        public init(_ point: Point, filled: Bool) { self.point = point; self.filled = filled }
    }
    /// The dots.
    public var dots: [Dot]
    /// Fill of closed dots and outline of open ones.
    public var color: Color
    /// Dot diameter in points.
    public var size: Double
    /// Outline width of the open dots, in points.
    public var lineWidth: Double
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// `Mark`: True when what the mark draws is data ink (curves, paths, markers, bars) that legends, notes and
    /// annotations must not cover; false for backgrounds (fields, bands, grids of arrows).
    public var isDataInk: Bool { true }

    /// Dots of `size` points in `color`.
    public init(_ dots: [Dot], color: Color, size: Double = 7, lineWidth: Double = 1.5, zOrder: Double = 2.5) {
        self.dots = dots; self.color = color; self.size = max(0, size); self.lineWidth = max(0, lineWidth); self.zOrder = zOrder
    }

    /// Closed dots at `closed`, open dots at `open`.
    public init(closed: [Point], open: [Point], color: Color, size: Double = 7) {
        self.init(closed.map { Dot($0, filled: true) } + open.map { Dot($0, filled: false) }, color: color, size: size)
    }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? { Bounds(points: dots.map(\.point)) }
    /// `Mark`: Data points the legend should avoid covering.
    public func occupiedPoints() -> [Point] { dots.map(\.point) }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        for dot in dots where dot.point.isFinite {
            let c = ctx.point(dot.point)
            guard c.isFinite else { continue }
            let circle = Path(circleAt: c, radius: size / 2)
            if dot.filled {
                ctx.fill(circle, color)
            } else {
                // Hollow: the background shows through, so the line under it is hidden.
                ctx.fill(circle, ctx.theme.plotBackground)
                ctx.stroke(Path(circleAt: c, radius: (size - lineWidth) / 2), StrokeStyle(color: color, width: lineWidth))
            }
        }
    }
}

extension LineMark {
    /// Jump dots in this line's colour: closed at `closed`, open at `open`.
    public func jumpDots(closed: [Point], open: [Point], size: Double = 7) -> JumpDotsMark {
        JumpDotsMark(closed: closed, open: open, color: style.color, size: size)
    }
}
