import Viz

/// The paths on the 3-D view cut by the one clipping rule (`ClippedPath`): every piece in the view, each
/// exit ending in an arrowhead on the box's edge and each entry starting with a hollow one there.
extension SurfaceFigure {
    /// The view as a rectangle in data units.
    var viewRect: Rect { Rect(x: plan.x.lower, y: plan.y.lower, width: plan.x.upper - plan.x.lower, height: plan.y.upper - plan.y.lower) }

    /// The pieces of `points` in the view: their points, whether the piece goes on beyond the view (`open`)
    /// and whether it comes in from beyond it (`entering`).
    func viewPieces(_ points: [Point]) -> [(points: [Point], open: Bool, entering: Bool)] {
        ClippedPath(points, in: viewRect).pieces.map { ($0.points, $0.exit != nil, $0.entry != nil) }
    }

    /// Every run's path up to its point `upTo[i]`, then the user's paths, cut into pieces in the view and lifted
    /// onto `field`: the paths of a `SurfaceMark`, the indices of those that leave and that come in, and each
    /// path's end marker (its series' legend marker, so ends are told apart in greyscale).
    func paths3D(on field: ScalarField, upTo: [Int], theme: Theme)
        -> (paths: [(points: [Point3], style: StrokeStyle)], open: Set<Int>, entering: Set<Int>, ends: [Int: MarkerShape]) {
        var out: [(points: [Point3], style: StrokeStyle)] = []
        var open: Set<Int> = [], entering: Set<Int> = []
        var ends: [Int: MarkerShape] = [:]
        func add(_ points: [Point], _ look: TrajectoryStyle) {
            var joinable = false
            for piece in viewPieces(points) {
                // A piece after a gap (non-finite points logged in the middle) continues the piece before it as
                // one path with a NaN between, so only the path's own start and end are marked.
                if joinable, !piece.entering, let last = out.indices.last {
                    out[last].points += [Point3(.nan, .nan, .nan)] + SurfaceMark.lift(piece.points, on: field)
                    if piece.open { open.insert(last) }
                    joinable = !piece.open
                    continue
                }
                joinable = !piece.open
                if piece.open { open.insert(out.count) }
                if piece.entering { entering.insert(out.count) }
                ends[out.count] = look.marker
                out.append((SurfaceMark.lift(piece.points, on: field), look.stroke))
            }
        }
        for (run, last) in zip(runs, upTo) {
            add(Array(run.points.prefix(max(0, last) + 1)), TrajectoryStyle(index: run.styleIndex(theme), theme: theme, width: 2.2))
        }
        for p in userPaths {
            add(p.drawnPoints(), TrajectoryStyle(index: p.styleIndex(theme), theme: theme, width: 2.2))
        }
        return (out, open, entering, ends)
    }
}
