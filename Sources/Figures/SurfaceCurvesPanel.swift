import Optim
import Viz

extension SurfaceFigure {
    /// The most runs whose end point and final loss the legend beside the loss panel (`withCurves`) says: four
    /// entries of three lines leave the panel about half the page's height at 1280x720; five squeeze it to a strip.
    static let curvesLegendOutcomes = 4

    /// The loss panel beside the map (`withCurves`), and the figure's footnote: the panel's own notes, then where
    /// paths left the map, then the map's `notes`, one a line. The legend says what the map's legend says alone,
    /// each run's end point and final loss (each claim on a line of its own), for up to `curvesLegendOutcomes` runs;
    /// with more, the footnote says where to read them. Beale's help example said neither (Y9-10).
    func curvesPanel(theme: Theme, notes: [String]) -> (Axes, String) {
        let outcomes = runs.count + userPaths.count <= Self.curvesLegendOutcomes
        var (curves, note) = CurvesFigure.lossAxes(runs: runs, surface: surface, fromHistory: false, outcomes: outcomes, outcomeLines: true,
                                                   theme: theme)
        var notes = notes
        if !outcomes, !runs.isEmpty {
            notes.append("Where each run ended and its final \(isDataset ? "L" : "f"): --data, or the legend of the map without --with-curves")
        }
        addUserCurves(to: &curves, theme: theme)
        let away = CurvesFigure.keepRunawaysOut(&curves, animated: false, theme: theme).flatMap { CurvesFigure.runawayNote([$0]) }
        curves.legend = .outsideRight
        // The map cannot always say where paths left it: the footnote does.
        // One line each (the curves' note ends in a full stop; "; " gave "not drawn.; Paths leaving…").
        return (curves, ([note, away, exitFootnote].compactMap { $0 } + notes).joined(separator: "\n"))
    }
}
