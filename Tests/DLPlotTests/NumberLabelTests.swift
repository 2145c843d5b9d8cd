import Foundation
import Optim
import XCTest
@testable import Figures
import Viz
@testable import dlplot

/// The numbers on the figures tell values apart, and labels on one axis never overlap (the cases of the
/// issue on ticks and numbers, each with the value it must show), read off the figure's layout report.
final class NumberLabelTests: XCTestCase {
    func surface(_ args: [String]) throws -> Figure { try DLPlot.SurfaceCommand.parse(args).makeFigure().0 }
    func curves(_ args: [String]) throws -> Figure { try DLPlot.CurvesCommand.parse(args).makeFigure().0 }

    /// The plot frame of panel `panel` in the report.
    func frame(_ r: LayoutReport, _ panel: Int) throws -> Rect { try XCTUnwrap(r.frames.first { $0.panel == panel }?.box) }

    /// Panel `panel`'s tick labels under its plot (x) or left of it (y), left to right or bottom to top.
    func ticks(_ r: LayoutReport, panel: Int, x: Bool) throws -> [LayoutReport.Element] {
        let f = try frame(r, panel)
        let labels = r.elements.filter { $0.kind == .tickLabel && $0.panel == panel }
        return x ? labels.filter { $0.box.minY >= f.maxY - 1 }.sorted { $0.box.midX < $1.box.midX }
            : labels.filter { $0.box.maxX <= f.minX + 1 }.sorted { $0.box.midY > $1.box.midY }
    }

    /// The axis title under panel `panel`'s plot.
    func xTitle(_ r: LayoutReport, panel: Int) throws -> String? {
        let f = try frame(r, panel)
        return r.elements.first { $0.kind == .axisLabel && $0.panel == panel && $0.box.minY >= f.maxY && $0.box.width > $0.box.height }?.text
    }

    /// Fails when two neighbouring x tick labels of panel `panel` overlap (their boxes, rotated labels' too).
    func assertXLabelsApart(_ r: LayoutReport, panel: Int, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let xs = try ticks(r, panel: panel, x: true)
        for (a, b) in zip(xs, xs.dropFirst()) {
            let overlap = max(0, min(a.box.maxX, b.box.maxX) - max(a.box.minX, b.box.minX)) * max(0, min(a.box.maxY, b.box.maxY) - max(a.box.minY, b.box.minY))
            XCTAssertEqual(overlap, 0, "\(what): x tick labels '\(a.text)' and '\(b.text)' overlap", file: file, line: line)
        }
    }

    func testZoomedRosenbrockXTicksDoNotRunTogether() throws {
        // Was "−0.50.0": the ticks were chosen for the cell, then the equal-aspect plot came out narrower.
        let r = try surface(["rosenbrock", "--xrange=-0.5:2", "--yrange=-1.5:4", "--optimizers", "gd", "--steps", "5"]).layoutReport()
        try assertXLabelsApart(r, panel: 0, "rosenbrock zoom")
        XCTAssertGreaterThanOrEqual(try ticks(r, panel: 0, x: true).count, 3)
    }

    func testLevelsAndColorbarEntriesReadDifferently() throws {
        let f = try surface(["bowl", "--levels", "200.5,201", "--xrange", "10:10.1", "--yrange", "10:10.1", "--optimizers", "gd",
                             "--lr", "0.1", "--steps", "1"])
        let contours = f.panels[0].axes.marks.compactMap { $0 as? ContourMark }
        XCTAssertFalse(contours.isEmpty)
        for c in contours { XCTAssertEqual(c.levelLabels, ["200.5", "201"]) }
        let bar = try f.layoutReport().elements.filter { $0.kind == .colorbarLabel }.map(\.text)
        XCTAssertEqual(bar.filter { !$0.contains("f(") }, ["200.5", "201"], "\(bar)")
    }

    func testZoomNearAThousandTellsColorbarEntriesAndTheStartApart() throws {
        let f = try surface(["bowl", "--xrange", "999.999:1000.001", "--yrange", "999.999:1000.001", "--start", "1000.0005,1000.0005",
                             "--optimizers", "gd", "--lr", "0.1", "--steps", "3"])
        XCTAssertTrue(f.subtitle?.contains("(1000.0005, 1000.0005)") ?? false, f.subtitle ?? "")
        let r = try f.layoutReport()
        let bar = r.elements.filter { $0.kind == .colorbarLabel }
        let labels = bar.filter { !$0.text.contains("f(") }.map(\.text)
        XCTAssertGreaterThanOrEqual(labels.count, 3, "\(labels)")
        XCTAssertEqual(Set(labels).count, labels.count, "\(labels)")
        XCTAssertFalse(labels.contains { $0.contains("×10⁶") }, "\(labels)")
        XCTAssertEqual(bar.filter { $0.text.contains("f(") }.map(\.text), ["$f(x, y)$ − 2000000"])
        XCTAssertEqual(try xTitle(r, panel: 0), "$x$ − 1000")
        try assertXLabelsApart(r, panel: 0, "zoom near 1000")
    }

    func testMillionStepCurvesReadableTicksAndLabels() throws {
        let f = try curves(["--surface", "ellipse", "--optimizers", "gd,momentum", "--steps", "1000000"])
        let r = try f.layoutReport()
        try assertXLabelsApart(r, panel: 1, "curves 10⁶ steps")
        // The loss gaps reach 10⁻³⁰⁰ by step ~93 000 and the distances (not squared) by ~170 000: the axis
        // ends past the last drawn point, at 2×10⁵, not at 10⁶ (it ended at 10⁵ and cut the distance curves
        // until 892d431).
        XCTAssertEqual(try xTitle(r, panel: 1), "step (×10⁵)")
        let bottom = try frame(r, 1), last = try XCTUnwrap(try ticks(r, panel: 1, x: true).last)
        XCTAssertEqual(Double(last.text), 2, last.text)
        XCTAssertEqual(last.box.midX, bottom.maxX, accuracy: 1, "the axis ends at its last tick, 2×10⁵")
        XCTAssertTrue(f.footnote?.hasPrefix("Curves end by step ") ?? false, f.footnote ?? "")
        // Log y ticks at round decades (not 10⁻¹¹¹, 10⁻²²²).
        let superscripts: [Character: Character] = ["⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-"]
        for panel in 0..<2 {
            for t in try ticks(r, panel: panel, x: false) where t.text.hasPrefix("10") && t.text.count > 2 {
                let exponent = Int(String(t.text.dropFirst(2).compactMap { superscripts[$0] }))
                XCTAssertEqual(exponent.map { $0 % 10 }, 0, "panel \(panel): \(t.text)")
            }
        }
        // The y titles keep at least 80% of the label font; panel titles stay within the page left of the legend.
        let labelSize = f.theme.labelFont.size * f.dpi / 72
        let yTitles = r.elements.filter { $0.kind == .axisLabel && $0.box.height > $0.box.width }
        XCTAssertEqual(yTitles.count, 2)
        for y in yTitles { XCTAssertGreaterThanOrEqual(y.fontSize, labelSize * 0.8 - 1e-6, y.text) }
        let legend = r.elements.first { $0.kind == .legend }?.box.minX ?? r.width
        let titles = r.elements.filter { $0.kind == .panelTitle }
        XCTAssertEqual(titles.count, 2)
        for t in titles { XCTAssertTrue(t.box.minX >= 0 && t.box.maxX <= legend, "\(t.text): \(t.box), legend at \(legend)") }
    }

    func testTenStepCurvesGetSeveralLabelledLogTicks() throws {
        for size in ["1280x720", "640x360", "800x500"] {
            let f = try curves(["--surface", "ellipse", "--optimizers", "gd,momentum", "--steps", "10", "--size", size])
            let r = try f.layoutReport()
            for panel in 0..<2 {
                XCTAssertGreaterThanOrEqual(try ticks(r, panel: panel, x: false).count, 2, "\(size): panel \(panel)")
            }
        }
    }

    func testLearningRateTitlesTellTypedRatesApart() throws {
        // 0.999 and 1.001 both read "α = 1" (with opposite verdicts).
        let f = try DLPlot.LearningRateCommand.parse(["--rates", "1.0,0.5,0.999,1.001"]).makeFigure().0
        XCTAssertEqual(f.panels.compactMap(\.axes.title), ["$\\alpha$ = 1: oscillates", "$\\alpha$ = 0.5: good",
                                                          "$\\alpha$ = 0.999: oscillates", "$\\alpha$ = 1.001: diverges"])
    }

    func testLegendLossCarriesARoundedUpMantissa() throws {
        // RMSprop ends at f = 9.975521966449747e-20: three digits "9.98×10⁻²⁰"; a mantissa that rounds up to 10
        // carries into the exponent: "1×10⁻¹⁹", not "10×10⁻²⁰".
        let f = try surface(["bowl", "--start", "1,2", "--optimizers", "rmsprop"])
        let legend = f.panels.flatMap { $0.axes.marks.flatMap { $0.legendEntries.map(\.label) } }.joined(separator: " ")
        XCTAssertTrue(legend.contains("f = 9.98×10⁻²⁰"), legend)
        XCTAssertFalse(legend.contains("10×10"), legend)
        XCTAssertEqual(SurfaceRun.value(9.9975e-20), "1×10⁻¹⁹")
    }
}
