/// A map's outside legend is chosen by measuring (`AxisLayout.legendBesideMap`), before the page is laid out;
/// the other form is then laid out too and the one whose maps come out the larger is kept. The plot's
/// area decides, as laid out, so that what the estimate leaves out (titles and labels set later, a
/// colorbar's width) cannot leave a 2:1 map a third smaller than the other form would.
extension FigureRenderer {
    /// `layout`, or the same figure with the map legends that went right of their maps set below them
    /// (and those set below kept right), when that leaves those maps at least 1 % more area.
    func largestMapLayout(_ layout: FigureLayout) throws(VizError) -> FigureLayout {
        let maps = figure.panels.indices.filter { k in
            let a = figure.panels[k].axes
            return a.equalAspect && a.legend == .outsideRight && !a.legendStaysRight && layout.axes[k].legend != nil
                && [.outsideRight, .below].contains(layout.axes[k].legendPlacement)
        }
        guard !maps.isEmpty else { return layout }
        var other = figure
        for k in maps {
            let right = layout.axes[k].legendPlacement == .outsideRight
            other.modifyAxes(k) { a in
                if right { a.legend = .below } else { a.legendStaysRight = true }
            }
        }
        guard let alternative = try? FigureRenderer(figure: other, canvas: canvas, resolution: resolution).arrangedLayout() else { return layout }
        func area(_ l: FigureLayout) -> Double { maps.map { l.axes[$0].plotRect.width * l.axes[$0].plotRect.height }.min() ?? 0 }
        return area(alternative) > area(layout) * 1.01 ? alternative : layout
    }
}
