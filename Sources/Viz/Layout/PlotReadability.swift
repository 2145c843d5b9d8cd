/// How small a plot may get: a page that leaves any plot smaller is too small (refused, or grown when it
/// is the command's default page).
extension FigureRenderer {
    /// The shortest side a plot with axes may have, in tick-label font sizes (five: room for three
    /// labelled ticks with space between them); a page that leaves any plot smaller is too small.
    static let minimumPlotSide = 5.0

    /// Refuses a page whose plots are too small to read (see `minimumPlotSide`).
    func checkReadable(_ placed: [Rect], _ panels: [Figure.Panel]) throws(VizError) {
        let theme = figure.theme
        // A page's one map, drawn to equal units, that its labels, colorbar and legend squeeze to a few tick
        // labels' height (86 px of a 1920×1080 page at --font-scale 2) is not a figure: the page is too small.
        // (Small multiples, such as a strip of steps, are small by design.)
        let smallest = 4 * theme.tickFont.size
        for k in panels.indices where panels.count == 1 && panels[k].axes.equalAspect && min(placed[k].width, placed[k].height) < smallest {
            throw VizError.pageTooSmall(width: figure.pixelSize.width, height: figure.pixelSize.height, needs: .equalUnitPlot)
        }
        // Any plot with axes narrower or shorter than five tick labels' height has no room for three readable
        // ticks (a 30-pixel map beside its curves on a 480×270 page at --font-scale 1.75; 90-pixel strips of
        // loss curves at --font-scale 1.5): the page is too small.
        for k in panels.indices where panels[k].axes.showAxes
            && min(placed[k].width, placed[k].height) < (panels[k].axes.isStrip ? 2.5 : Self.minimumPlotSide) * theme.tickFont.size {
            throw VizError.pageTooSmall(width: figure.pixelSize.width, height: figure.pixelSize.height, needs: .readablePlots)
        }
    }
}
