/// A figure that moves: a still part drawn once, and marks that change from frame to frame.
///
/// Frame `k` (0 ..< `frameCount`) is the still figure with `moving(k)` added to its panels (one array a
/// panel, in panel order), and the last frame is the finished figure: it is drawn exactly as the still figure
/// with the last frame's marks would be as a static image. Every frame is laid out as that last frame (the
/// same plot rectangles, ticks and legend position), so nothing but the moving marks and the legend's text
/// changes between frames. The legends are laid out as the last frame's (`withLastFrameLegends()`), so the
/// last frame is the still figure to the pixel; a frame whose rows are wider widens its legend box into the
/// room the page leaves (`reservingLegendRoom()` instead lays the legends out for every frame's rows, and the
/// last frame's box and plot then differ from the still figure's).
///
/// Speed: the page, its texts, the axes, the side guides and every still mark whose z order is below
/// `stillBelow` are drawn once into a background image; each frame copies that image and draws only the
/// still marks at or above `stillBelow` (labels that must stay on top), the moving marks, the plot frames
/// and the legends. Moving marks are meant to lie at or above `stillBelow`; one below it (a legend-only
/// mark that draws nothing) is still drawn, over the background. With `stillBelow = -.infinity` every mark is
/// redrawn in each frame (a view that turns, say).
public struct Animation: Sendable {
    /// The figure without its moving marks.
    public var still: Figure
    /// How many frames (at least 1).
    public var frameCount: Int
    /// Still marks with a z order below this are drawn once, under every frame.
    public var stillBelow: Double
    /// The moving marks of frame `k`: one array a panel of `still`, in the order the panels were added.
    public var moving: @Sendable (Int) -> [[any Mark]]
    /// The panel titles of frame `k`, one a panel (nil: no title), when they change from frame to frame;
    /// they are then drawn with the moving layer. The last frame's are the still figure's. Nil: the still
    /// figure's titles, drawn once.
    public var panelTitles: (@Sendable (Int) -> [String?])?
    /// Whether the legends' room is settled (`reservingLegendRoom()` or `withLastFrameLegends()`).
    var legendRoomReserved = false

    /// An animation of `frameCount` frames (at least 1).
    public init(still: Figure, frameCount: Int, stillBelow: Double, moving: @escaping @Sendable (Int) -> [[any Mark]]) {
        self.still = still
        self.frameCount = max(1, frameCount)
        self.stillBelow = stillBelow
        self.moving = moving
    }

    /// The figure of frame `k`: the still figure with that frame's moving marks added.
    public func figure(at k: Int) -> Figure {
        var f = still
        let marks = moving(k)
        for (p, m) in marks.enumerated() where p < f.panels.count { f.modifyAxes(p) { $0.add(contentsOf: m) } }
        return f
    }

    /// Whether the panel titles change from frame to frame (and are drawn with the moving layer).
    var titlesMove: Bool { panelTitles != nil }

    /// The last frame as a still figure (what a PNG of the same command shows).
    public var lastFrame: Figure { figure(at: frameCount - 1) }
}

/// Which step of a run each frame shows.
public enum FrameTiming: String, Sendable, CaseIterable {
    /// Steps spread evenly over the frames.
    case even
    /// Steps spread evenly in log(1 + step): the first steps, where most happens, get more frames.
    case log

    /// The step shown in each of `frames` frames for a run of `steps` steps (0 = the start): non-decreasing,
    /// starting at 0 (or at the first step when there is one frame per step or fewer) and ending at `steps`.
    /// With `log`, consecutive frames show different steps wherever there are enough steps (log time alone
    /// would round the first frames to the same step).
    public func steps(frames: Int, steps: Int) -> [Int] {
        let n = max(1, frames), total = max(0, steps)
        guard n > 1 else { return [total] }
        let raw = (0..<n).map { k -> Int in
            let t = Double(k) / Double(n - 1)
            switch self {
            case .even: return min(total, Int((t * Double(total)).rounded()))
            case .log:
                let s = (Math.exp(t * Math.log(Double(total) + 1)) - 1).rounded()
                return min(total, max(0, Int(s)))
            }
        }
        guard self == .log, total >= n - 1 else { return raw }
        return FrameTiming.spread(raw.map(Double.init), gap: 1, upper: Double(total)).map { Int($0) }
    }

    /// `times` (non-decreasing, ending at `upper`) moved apart to at least `gap` between neighbours, each as
    /// little as possible: pushed later where they crowd, and kept early enough for the frames after them.
    static func spread(_ times: [Double], gap: Double, upper: Double) -> [Double] {
        var out = times
        for k in out.indices.dropFirst() { out[k] = max(out[k], out[k - 1] + gap) }
        let n = out.count
        for k in out.indices { out[k] = min(out[k], upper - Double(n - 1 - k) * gap) }
        return out
    }

    /// `times` (non-decreasing) moved onto `moments` (ascending): each to the latest moment at or before it,
    /// then on to later moments where two frames would show the same one (as `spread` does, when there are
    /// at least as many moments as times). The last time is kept: the last frame is the finished figure.
    static func snapped(_ times: [Double], to moments: [Double]) -> [Double] {
        let n = times.count
        guard n > 1, !moments.isEmpty else { return times }
        let index = times.map { t -> Double in
            var lo = 0, hi = moments.count   // the first moment after t
            while lo < hi { let mid = (lo + hi) / 2; if moments[mid] <= t { lo = mid + 1 } else { hi = mid } }
            return Double(max(0, lo - 1))
        }
        let apart = moments.count >= n ? spread(index, gap: 1, upper: Double(moments.count - 1)) : index
        var out = apart.map { moments[Int($0)] }
        out[n - 1] = times[n - 1]
        return out
    }

    /// `frames` times from `span.lowerBound` to `span.upperBound` (non-decreasing, the first and the last
    /// included): evenly spread, or evenly in log(1 + t − lower).
    public func times(frames: Int, over span: ClosedRange<Double>) -> [Double] {
        let n = max(1, frames), lo = span.lowerBound, width = span.upperBound - span.lowerBound
        guard n > 1 else { return [span.upperBound] }
        let raw = (0..<n).map { k -> Double in
            if k == n - 1 { return span.upperBound }
            let t = Double(k) / Double(n - 1)
            switch self {
            case .even: return lo + t * width
            case .log: return min(span.upperBound, lo + Math.exp(t * Math.log(width + 1)) - 1)
            }
        }
        // Log time: frames at least one time unit apart (one step) where there is room. With fewer units than
        // frames (12 steps in 100 frames), half the even spacing: a gap of the whole even spacing made log time
        // even time, frame for frame; half keeps twice as many frames on the first steps as even time has.
        let even = width / Double(n - 1)
        return self == .log ? FrameTiming.spread(raw, gap: even >= 1 ? 1 : even / 2, upper: span.upperBound) : raw
    }
}
