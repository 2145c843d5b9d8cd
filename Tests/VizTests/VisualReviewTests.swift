import Foundation
import TestSupport
import XCTest
import Viz

/// Renders the review figures (every mark; dark and print themes; a 3×3 shared grid). Each must render
/// with ink in every panel; with DLPLOT_REVIEW_DIR set, the PNGs are also written there to look at.
final class VisualReviewTests: XCTestCase {
    static func everyMarkFigure(theme: Theme) throws -> Figure {
        var fig = try Figure(width: 1280, height: 720, dpi: 160, theme: theme, rows: 1, columns: 2)
        fig.title = "Every mark: $\\sigma(x) = \\frac{1}{1+e^{-x}}$"
        var a = Axes(title: "sigmoid, zones and asymptotes", xLabel: "$x$", yLabel: "$\\sigma(x)$")
        let xs = stride(from: -8.0, through: 8.0, by: 0.05).map { $0 }
        let sig = xs.map { 1 / (1 + exp(-$0)) }
        a.add(BandMark.vertical(from: -.infinity, to: -5, color: theme.bandColors[0], text: "saturated", label: "saturation"))
        a.add(BandMark.vertical(from: 5, to: .infinity, color: theme.bandColors[0]))
        a.add(AreaMark(x: xs, y1: sig.map { $0 - 0.08 }, y2: sig.map { $0 + 0.08 }, color: theme.color(0).withAlpha(0.2), label: "±0.08"))
        a.add(LineMark(x: xs, y: sig, style: StrokeStyle(color: theme.color(0), width: theme.lineWidth), label: "$\\sigma(x)$"))
        a.add(ReferenceLineMark.horizontal(y: 1, text: "$y = 1$"))
        a.add(ReferenceLineMark.horizontal(y: 0, text: "$y = 0$"))
        a.add(ScatterMark(x: [-2, 0, 2], y: [1 / (1 + exp(2)), 0.5, 1 / (1 + exp(-2))], shape: .diamond, size: 9,
                          color: theme.color(1), edge: theme.background, label: "samples"))
        a.add(ArrowMark(from: Point(3.5, 0.3), to: Point(0.3, 0.48), color: theme.color(2), text: "steepest"))
        a.add(AnnotationMark("$\\sigma'(0) = \\frac{1}{4}$", at: Point(0, 0.5), offset: Point(-40, 30)))
        a.add(TextMark("$\\tanh(x) = 2\\sigma(2x) - 1$", at: Point(-7.5, 0.35), anchor: TextAnchor(0, .middle)))
        fig.add(a)
        var b = Axes(title: "binary step", xLabel: "$x$", yLabel: "$H(x)$")
        b.zeroLines = false
        let step = LineMark(x: [-1.5, 0, .nan, 0, 1.5], y: [0, 0, .nan, 1, 1], style: StrokeStyle(color: theme.color(3), width: theme.lineWidth), label: "step")
        b.add(step)
        b.add(step.jumpDots(closed: [Point(0, 1)], open: [Point(0, 0)]))
        fig.add(b, row: 0, column: 1)
        return fig
    }

    static func barFigure(theme: Theme) throws -> Figure {
        var fig = try Figure(width: 960, height: 600, dpi: 160, theme: theme)
        var a = Axes(title: "Test accuracy by optimizer", yLabel: "accuracy (%)")
        a.addBars(BarMark(categories: ["SGD", "Momentum", "RMSProp", "Adam"],
                          series: [.init(label: "MNIST", values: [97.1, 98.4, 98.2, 98.6]),
                                   .init(label: "CIFAR-10", values: [71.3, 80.2, 78.9, 81.5])]))
        a.add(ReferenceLineMark.horizontal(y: 50, text: "chance ×5"))
        fig.add(a)
        return fig
    }

    static func gridFigure() throws -> Figure {
        var fig = try Figure(width: 1280, height: 960, dpi: 160, rows: 3, columns: 3)
        fig.shareX = true; fig.shareY = true
        fig.title = "Learning rate × momentum"
        for r in 0..<3 {
            for c in 0..<3 {
                var a = Axes(title: "η = \(TickFormat.short(0.001 * pow(10, Double(c)))), β = \(TickFormat.short(0.5 + 0.2 * Double(r)))",
                             xLabel: "step", yLabel: "loss")
                let xs = (0..<200).map(Double.init)
                a.add(LineMark(x: xs, y: xs.map { exp(-$0 * 0.005 * Double(c + 1) * Double(r + 1)) }, style: StrokeStyle(color: fig.theme.color(c), width: 1.6)))
                fig.add(a, row: r, column: c)
            }
        }
        return fig
    }

    func testReviewFiguresRenderInkInEveryPanel() throws {
        let figures: [(String, Figure)] = [
            ("every-mark-light", try Self.everyMarkFigure(theme: .light)),
            ("every-mark-dark", try Self.everyMarkFigure(theme: .dark)),
            ("every-mark-print", try Self.everyMarkFigure(theme: .print)),
            ("bars", try Self.barFigure(theme: .light)),
            ("grid-3x3", try Self.gridFigure()),
        ]
        let dir = ProcessInfo.processInfo.environment["DLPLOT_REVIEW_DIR"]
        for (name, fig) in figures {
            if let dir { try fig.write(to: dir + "/" + name + ".png") }
            let r = try fig.renderPNG()
            for plot in r.plots {
                let bg = fig.theme.plotBackground
                let ink = r.png.count(xs: Int(plot.minX + 2)..<Int(plot.maxX - 2), ys: Int(plot.minY + 2)..<Int(plot.maxY - 2)) { x, y in
                    r.png.distance(x, y, to: bg) > 60
                }
                XCTAssertGreaterThan(ink, 100, "\(name): a panel has no data ink")
            }
        }
    }
}
