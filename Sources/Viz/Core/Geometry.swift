// Core: geometry, paths, maths and the errors every other folder of Viz uses.

/// A point in device space (points, 1/72 inch; y grows downwards) or in data space.
public struct Point: Sendable, Hashable {
    /// Horizontal coordinate: points from the left edge in device space, or a data value.
    public var x: Double
    /// Vertical coordinate: points from the top edge in device space (y down), or a data value (y up).
    public var y: Double
    /// The point (`x`, `y`).
    @inlinable public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
    /// The point (`x`, `y`), with labels.
    @inlinable public init(x: Double, y: Double) { self.x = x; self.y = y }
    /// Both coordinates are finite.
    @inlinable public var isFinite: Bool { x.isFinite && y.isFinite }
    /// The sum, coordinate by coordinate (a point moved by a vector).
    @inlinable public static func + (a: Point, b: Point) -> Point { Point(a.x + b.x, a.y + b.y) }
    /// The difference, coordinate by coordinate (the vector from `b` to `a`).
    @inlinable public static func - (a: Point, b: Point) -> Point { Point(a.x - b.x, a.y - b.y) }
    /// Both coordinates times `s`.
    @inlinable public static func * (a: Point, s: Double) -> Point { Point(a.x * s, a.y * s) }
    /// Euclidean length of the vector from the origin, without overflow or underflow of the squares
    /// (as `hypot`): (10³⁰⁰, 10³⁰⁰) has length 1.41×10³⁰⁰, not ∞.
    @inlinable public var length: Double {
        let s = x * x + y * y
        if s.isFinite && s >= 1e-290 { return s.squareRoot() }
        if x.isNaN || y.isNaN { return .nan }
        let m = max(abs(x), abs(y))
        guard m > 0, m.isFinite else { return m }
        let a = x / m, b = y / m
        return m * (a * a + b * b).squareRoot()
    }
}

/// A width and a height.
public struct Size: Sendable, Hashable {
    /// Horizontal extent, in the units of its space (points in device space).
    public var width: Double
    /// Vertical extent, in the units of its space (points in device space).
    public var height: Double
    /// A size of `width` × `height`.
    public init(_ width: Double, _ height: Double) { self.width = width; self.height = height }
    /// A size of `width` × `height`, with labels.
    public init(width: Double, height: Double) { self.width = width; self.height = height }
}

/// An axis-aligned rectangle; `y` is the top edge in device space.
public struct Rect: Sendable, Hashable {
    /// The left edge.
    public var x: Double
    /// The top edge in device space (the bottom edge when used with data, y up).
    public var y: Double
    /// Horizontal extent (≥ 0 for a well-formed rectangle).
    public var width: Double
    /// Vertical extent (≥ 0 for a well-formed rectangle).
    public var height: Double
    /// The rectangle with its top-left corner at (`x`, `y`).
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    /// The left edge, `x`.
    public var minX: Double { x }
    /// The top edge, `y`.
    public var minY: Double { y }
    /// The right edge, `x + width`.
    public var maxX: Double { x + width }
    /// The bottom edge, `y + height`.
    public var maxY: Double { y + height }
    /// The horizontal centre.
    public var midX: Double { x + width / 2 }
    /// The vertical centre.
    public var midY: Double { y + height / 2 }
    /// The centre point.
    public var center: Point { Point(midX, midY) }
    /// The rectangle shrunk by `insets` on each side.
    public func inset(by i: Insets) -> Rect {
        Rect(x: x + i.left, y: y + i.top, width: max(0, width - i.left - i.right), height: max(0, height - i.top - i.bottom))
    }
    /// The rectangle grown by `d` on every side.
    public func expanded(by d: Double) -> Rect { Rect(x: x - d, y: y - d, width: width + 2 * d, height: height + 2 * d) }
    /// Whether `p` is inside or on the edge.
    public func contains(_ p: Point) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }
    /// Whether the two overlap with positive area (touching edges do not count).
    public func intersects(_ r: Rect) -> Bool { minX < r.maxX && r.minX < maxX && minY < r.maxY && r.minY < maxY }
    /// The area shared with `r` (zero when they do not overlap).
    public func overlapArea(_ r: Rect) -> Double {
        let w = min(maxX, r.maxX) - max(minX, r.minX)
        let h = min(maxY, r.maxY) - max(minY, r.minY)
        return w > 0 && h > 0 ? w * h : 0
    }
    /// The smallest rectangle holding both.
    public func union(_ r: Rect) -> Rect {
        let x0 = min(minX, r.minX), y0 = min(minY, r.minY)
        return Rect(x: x0, y: y0, width: max(maxX, r.maxX) - x0, height: max(maxY, r.maxY) - y0)
    }
}

/// Distances from the four edges of a rectangle.
public struct Insets: Sendable, Hashable {
    /// Distance from the top edge, in points.
    public var top: Double
    /// Distance from the left edge, in points.
    public var left: Double
    /// Distance from the bottom edge, in points.
    public var bottom: Double
    /// Distance from the right edge, in points.
    public var right: Double
    /// Insets of the given distances (0 where not given).
    public init(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) {
        self.top = top; self.left = left; self.bottom = bottom; self.right = right
    }
    /// No inset on any side.
    public static let zero = Insets()
}

/// A closed interval of data values, possibly reversed (`lower > upper` means an inverted axis).
public struct Interval: Sendable, Hashable {
    /// The end the axis starts at (the smaller value unless the axis is inverted).
    public var lower: Double
    /// The end the axis stops at.
    public var upper: Double
    /// The interval from `lower` to `upper` (either order).
    public init(_ lower: Double, _ upper: Double) { self.lower = lower; self.upper = upper }
    /// `upper - lower` (negative for an inverted interval).
    public var span: Double { upper - lower }
    /// Both ends are finite.
    public var isFinite: Bool { lower.isFinite && upper.isFinite }
    /// Covers no value: the identity of `union`, for marks that say nothing about one axis
    /// (a horizontal reference line has no x extent).
    public static let empty = Interval(.infinity, -.infinity)
    /// True for `Interval.empty` (and any interval whose ends are not finite numbers in some order).
    public var isEmpty: Bool { !(lower.isFinite && upper.isFinite) }
    /// Whether `v` lies between the ends (inclusive, in either order).
    public func contains(_ v: Double) -> Bool { v >= Swift.min(lower, upper) && v <= Swift.max(lower, upper) }
    /// The smallest interval holding both (in increasing order).
    public func union(_ o: Interval) -> Interval {
        Interval(Swift.min(lower, o.lower), Swift.max(upper, o.upper))
    }
}

/// The extent of some data in x and y.
public struct Bounds: Sendable, Hashable {
    /// The extent along x.
    public var x: Interval
    /// The extent along y.
    public var y: Interval
    /// Bounds of the two extents.
    public init(x: Interval, y: Interval) { self.x = x; self.y = y }
    /// The bounds of the finite points among `points`, or nil when none is finite.
    public init?(points: some Sequence<Point>) {
        var x0 = Double.infinity, x1 = -Double.infinity, y0 = Double.infinity, y1 = -Double.infinity
        for p in points where p.isFinite {
            x0 = Swift.min(x0, p.x); x1 = Swift.max(x1, p.x); y0 = Swift.min(y0, p.y); y1 = Swift.max(y1, p.y)
        }
        guard x0 <= x1, y0 <= y1 else { return nil }
        x = Interval(x0, x1); y = Interval(y0, y1)
    }
    /// The smallest bounds holding both.
    public func union(_ o: Bounds) -> Bounds { Bounds(x: x.union(o.x), y: y.union(o.y)) }
}
