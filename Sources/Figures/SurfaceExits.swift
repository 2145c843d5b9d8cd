import Viz

/// Where paths leave the view or diverge: said on the map, next to the place, while that stays readable
/// (two notes at most); with more, the map keeps no text (eleven notes on one map ran over each other and
/// over the paths) and one footnote says it instead, unless each run's legend rows already do.
extension SurfaceFigure {
    /// The most exit notes drawn on one map.
    public static let exitNotesOnMap = 2

    /// (name, step it first leaves the view, its times outside, step it diverges) of every run and path with an
    /// exit, in legend order.
    public var exits: [(name: String, leaves: Int?, away: ViewExcursions, diverges: Int?)] {
        let named = runs.map { run in
            (runs.filter { $0.config.name == run.config.name }.count > 1 ? run.config.displayLabel : run.config.name, run.leavesView,
             run.excursions, run.diverged)
        } + userPaths.map { ($0.label, $0.leavesView, $0.excursions, $0.diverged) }
        return named.filter { $0.1 != nil || $0.3 != nil }.map { (name: $0.0, leaves: $0.1, away: $0.2, diverges: $0.3) }
    }

    /// True when exits are noted on the map itself (no more than `exitNotesOnMap` of them).
    public var notesExitsOnMap: Bool { exits.count <= Self.exitNotesOnMap }

    /// The footnote for exits not noted on the map: names grouped by what happened, e.g. "Paths leaving the
    /// view: radam, lion and gd at step 1; adam at step 3, diverging at step 9; momentum at step 4, returning at
    /// step 7". nil when they are on the map.
    public var exitFootnote: String? {
        guard !notesExitsOnMap else { return nil }
        var groups: [(what: String, names: [String])] = []
        for e in exits {
            let what = e.leaves.map { k in "at step \(k)" + Self.returns(e.away) + (e.diverges.map { ", diverging at step \($0)" } ?? "") }
                ?? e.diverges.map { "diverging at step \($0) in the view" } ?? ""
            if let g = groups.firstIndex(where: { $0.what == what }) { groups[g].names.append(e.name) } else { groups.append((what, [e.name])) }
        }
        let said = groups.map { g in
            (g.names.count == 1 ? g.names[0] : g.names.dropLast().joined(separator: ", ") + " and " + (g.names.last ?? "")) + " " + g.what
        }
        return "Paths leaving the view: " + said.joined(separator: "; ")
    }

    /// ", returning at step 7", ", back in the view 3 times, the last at step 20", ", out again at step 15": what
    /// follows the first exit (empty when the path never comes back).
    static func returns(_ away: ViewExcursions) -> String {
        let back = away.list.compactMap(\.back)
        guard let last = back.last else { return "" }
        let said = back.count == 1 ? ", returning at step \(last)" : ", back in the view \(back.count) times, the last at step \(last)"
        return said + (away.endsOutside ? ", out again at step \(away.list.last?.out ?? 0)" : "")
    }
}
