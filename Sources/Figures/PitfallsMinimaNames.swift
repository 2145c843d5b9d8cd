import Optim
import Viz

extension PitfallsFigure {
    /// Names each minimum of `curve` in `view` under its dip, joined to it by a leader, when its value lies in the
    /// y range shown (`shownY`);
    /// returns the words for those below or above it ("global minimum below the view: f = −0.61 at w = 2.1"),
    /// nil when there are none. (Under a --y-range that left the global minimum out, its label stood beside the
    /// local one, which a reader took for the global one.)
    static func nameMinima(_ curve: Curve1D, view: ClosedRange<Double>, shownY: Interval, on axes: inout Axes, theme: Theme) -> String? {
        let global = curve.globalMinima(view: view)
        var outside: [String] = []
        for m in curve.minima {
            let name = global.contains(m) ? "global minimum" : "local minimum", f = curve.value(m)
            if shownY.contains(f) {
                // A leader joins the name to its dip wherever the layout moves it off the runs: on a 4K slide the
                // names were pushed 1.4 units along w, under a plateau and above the other dip.
                axes.add(AnnotationMark(name, at: Point(m, f), offset: Point(0, -14), color: theme.muted, font: theme.noteFont,
                                        showsDot: false, zOrder: 4.5))
            } else if view.contains(m), f.isFinite {
                outside.append(name + " " + (f < shownY.lower ? "below" : "above") + " the view: $f$ = "
                               + TickFormat.short(f, significant: 2) + " at $w$ = " + TickFormat.short(m, significant: 2))
            }
        }
        return outside.isEmpty ? nil : outside.joined(separator: "; ")
    }
}
