import Optim
import Viz

extension PitfallsFigure {
    /// Names each minimum of `curve` in `view` under its dip when its value lies in the y range shown (`shownY`);
    /// returns the words for those below or above it ("global minimum below the view: f = −0.61 at w = 2.1"),
    /// nil when there are none. (Under a --y-range that left the global minimum out, its label stood beside the
    /// local one, which a reader took for the global one.)
    static func nameMinima(_ curve: Curve1D, view: ClosedRange<Double>, shownY: Interval, on axes: inout Axes, theme: Theme) -> String? {
        let global = curve.globalMinima(view: view)
        var outside: [String] = []
        for m in curve.minima {
            let name = global.contains(m) ? "global minimum" : "local minimum", f = curve.value(m)
            if shownY.contains(f) {
                axes.add(TextMark(name, at: Point(m, f), anchor: TextAnchor(0.5, .top), offset: Point(0, -14), color: theme.muted, font: theme.noteFont))
            } else if view.contains(m), f.isFinite {
                outside.append(name + " " + (f < shownY.lower ? "below" : "above") + " the view: $f$ = "
                               + TickFormat.short(f, significant: 2) + " at $w$ = " + TickFormat.short(m, significant: 2))
            }
        }
        return outside.isEmpty ? nil : outside.joined(separator: "; ")
    }
}
