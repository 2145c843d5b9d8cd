/// A point in device space (points, 1/72 inch; y grows downwards) or in data space.
public struct Point: Sendable, Hashable {
    public var x: Double
    public var y: Double
    @inlinable public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
    @inlinable public init(x: Double, y: Double) { self.x = x; self.y = y }
    /// Both coordinates are finite.
    @inlinable public var isFinite: Bool { x.isFinite && y.isFinite }
    @inlinable public static func + (a: Point, b: Point) -> Point { Point(a.x + b.x, a.y + b.y) }
    @inlinable public static func - (a: Point, b: Point) -> Point { Point(a.x - b.x, a.y - b.y) }
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
    public var width: Double
    public var height: Double
    public init(_ width: Double, _ height: Double) { self.width = width; self.height = height }
    public init(width: Double, height: Double) { self.width = width; self.height = height }
}

/// An axis-aligned rectangle; `y` is the top edge in device space.
public struct Rect: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }
    public var center: Point { Point(midX, midY) }
    /// The rectangle shrunk by `insets` on each side.
    public func inset(by i: Insets) -> Rect {
        Rect(x: x + i.left, y: y + i.top, width: max(0, width - i.left - i.right), height: max(0, height - i.top - i.bottom))
    }
    /// The rectangle grown by `d` on every side.
    public func expanded(by d: Double) -> Rect { Rect(x: x - d, y: y - d, width: width + 2 * d, height: height + 2 * d) }
    public func contains(_ p: Point) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }
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
    public var top: Double
    public var left: Double
    public var bottom: Double
    public var right: Double
    public init(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) {
        self.top = top; self.left = left; self.bottom = bottom; self.right = right
    }
    public static let zero = Insets()
}

/// A closed interval of data values, possibly reversed (`lower > upper` means an inverted axis).
public struct Interval: Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    public init(_ lower: Double, _ upper: Double) { self.lower = lower; self.upper = upper }
    public var span: Double { upper - lower }
    public var isFinite: Bool { lower.isFinite && upper.isFinite }
    /// Covers no value: the identity of `union`, for marks that say nothing about one axis
    /// (a horizontal reference line has no x extent).
    public static let empty = Interval(.infinity, -.infinity)
    /// True for `Interval.empty` (and any interval whose ends are not finite numbers in some order).
    public var isEmpty: Bool { !(lower.isFinite && upper.isFinite) }
    public func contains(_ v: Double) -> Bool { v >= Swift.min(lower, upper) && v <= Swift.max(lower, upper) }
    /// The smallest interval holding both (in increasing order).
    public func union(_ o: Interval) -> Interval {
        Interval(Swift.min(lower, o.lower), Swift.max(upper, o.upper))
    }
}

/// The extent of some data in x and y.
public struct Bounds: Sendable, Hashable {
    public var x: Interval
    public var y: Interval
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
    public func union(_ o: Bounds) -> Bounds { Bounds(x: x.union(o.x), y: y.union(o.y)) }
}
