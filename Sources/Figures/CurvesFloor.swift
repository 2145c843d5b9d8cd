import Foundation
import Optim
import Viz

/// A curve that reaches 0 on a log panel (gd at lr 0.5 on the bowl lands on the minimum at step 1): its values
/// from there on are below any log scale, so the curve stopped after its first point without a word (Y14-22).
/// It gets a ▼ on the panel's bottom edge at the step it reached 0, mirroring the divergence cross on the top
/// edge, and a footnote saying so.
extension CurvesFigure {
    /// The index from which every value of `values` minus `offset` is 0 or below 10⁻³⁰⁰ (finite, so not a
    /// divergence) to the end; nil when the last value is drawn on a log scale.
    static func floorIndex(_ values: [Double], offset: Double = 0) -> Int? {
        func below(_ v: Double) -> Bool { (v - offset).isFinite && v - offset < 1e-300 }
        var k = values.count
        while k > 0, below(values[k - 1]) { k -= 1 }
        return k < values.count ? k : nil
    }

    /// The ▼ at `step` on the bottom edge of a log panel, in `color`, appearing at that step.
    static func markFloor(at step: Int, color: Color, animated: Bool, theme: Theme, in ax: inout Axes) {
        var mark = ScatterMark(points: [Point(Double(step), -.infinity)], shape: .triangleDown, size: theme.markerSize * 1.2, color: color)
        mark.pinsNonFiniteY = true
        mark.clipsToPlot = false
        ax.add(mark, animated: animated, as: .appearing(mark, at: Double(step)))
    }

    /// For each run whose loss gap reaches 0 (or below 10⁻³⁰⁰) and stays there: "gd lr=0.5 reaches the minimum
    /// exactly: the loss gap is 0 from step 1 (the distance from step 1), below any log scale: ▼ on the bottom edge."
    /// None when `saidByExtent` (the footnote already says the curves end at 0, see `CurvesExtent.saysZero`).
    static func floorNotes(runs: [SurfaceRun], surface: Surface, offset: Double, saidByExtent: Bool) -> [String] {
        guard !saidByExtent else { return [] }
        return runs.compactMap { run in
            guard let k = floorIndex(run.trajectory.valueHistory, offset: offset) else { return nil }
            let steps = run.trajectory.steps
            let distances = zip(steps, run.points).map { distanceToMinimum($1, surface: surface) }
            let distance = surface.minima.isEmpty ? nil : floorIndex(distances).map { steps[$0] }
            return "\(run.config.displayLabel) reaches the minimum exactly: the loss gap is 0 from step \(k)"
                + (distance.map { " (the distance from step \($0))" } ?? "") + ", below any log scale: ▼ on the bottom edge."
        }
    }
}
