import Optim
import XCTest
@testable import Figures
// Unit-tests the internal tick labels of the laid-out figure (laidOut, AxisLayout.labels).
@testable import Viz
@testable import dlplot

/// The numbers on the figures tell values apart, and labels on one axis never overlap (the cases of the
/// issue on ticks and numbers, each with the value it must show).
final class NumberLabelTests: XCTestCase {
    func surface(_ args: [String]) throws -> Figure { try DLPlot.SurfaceCommand.parse(args).makeFigure().0 }
    func curves(_ args: [String]) throws -> Figure { try DLPlot.CurvesCommand.parse(args).makeFigure().0 }

    /// Fails when two neighbouring x tick labels of `l` overlap (upright: their widths; rotated: their slanted bands).
    func assertXLabelsApart(_ l: AxisLayout, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let r = l.plotRect
        let xs = l.xTicks.map { r.minX + r.width * l.xScale.normalize($0) }
        for k in xs.indices.dropFirst() where k < l.xLabels.count {
            let gap = abs(xs[k] - xs[k - 1])
            let need = l.xLabelsRotated ? max(l.xLabels[k].height, l.xLabels[k - 1].height) / 0.7071
                : (l.xLabels[k].width + l.xLabels[k - 1].width) / 2
            XCTAssertGreaterThan(gap, need, "\(what): x tick labels \(k - 1) and \(k) overlap", file: file, line: line)
        }
    }

    func testZoomedRosenbrockXTicksDoNotRunTogether() throws {
        // Was "−0.50.0": the ticks were chosen for the cell, then the equal-aspect plot came out narrower.
        let layout = try surface(["rosenbrock", "--xrange=-0.5:2", "--yrange=-1.5:4", "--optimizers", "gd", "--steps", "5"]).laidOut()
        assertXLabelsApart(layout.axes[0], "rosenbrock zoom")
        XCTAssertGreaterThanOrEqual(layout.axes[0].xTicks.count, 3)
    }

    func testLevelsAndColorbarEntriesReadDifferently() throws {
        let f = try surface(["bowl", "--levels", "200.5,201", "--xrange", "10:10.1", "--yrange", "10:10.1", "--optimizers", "gd",
                             "--lr", "0.1", "--steps", "1"])
        let contours = f.panels[0].axes.marks.compactMap { $0 as? ContourMark }
        XCTAssertFalse(contours.isEmpty)
        for c in contours { XCTAssertEqual(c.levelLabels, ["200.5", "201"]) }
        let bar = try XCTUnwrap(f.panels[0].axes.sideGuides.first as? Colorbar)
        XCTAssertEqual(bar.labels(bar.tickValues()), ["200.5", "201"])
    }

    func testZoomNearAThousandTellsColorbarEntriesAndTheStartApart() throws {
        let f = try surface(["bowl", "--xrange", "999.999:1000.001", "--yrange", "999.999:1000.001", "--start", "1000.0005,1000.0005",
                             "--optimizers", "gd", "--lr", "0.1", "--steps", "3"])
        XCTAssertTrue(f.subtitle?.contains("(1000.0005, 1000.0005)") ?? false, f.subtitle ?? "")
        let bar = try XCTUnwrap(f.panels[0].axes.sideGuides.first as? Colorbar)
        let labels = bar.labels(bar.tickValues())
        XCTAssertEqual(Set(labels).count, labels.count, "\(labels)")
        XCTAssertFalse(labels.contains { $0.contains("×10⁶") }, "\(labels)")
        XCTAssertEqual(bar.title(), "$f(x, y)$ − 2000000")
        let layout = try f.laidOut()
        XCTAssertEqual(layout.axes[0].xTitle, "$x$ − 1000")
        assertXLabelsApart(layout.axes[0], "zoom near 1000")
    }

    func testMillionStepCurvesReadableTicksAndLabels() throws {
        let f = try curves(["--surface", "ellipse", "--optimizers", "gd,momentum", "--steps", "1000000"])
        let layout = try f.laidOut()
        let bottom = layout.axes[1]
        assertXLabelsApart(bottom, "curves 10⁶ steps")
        // The loss gaps reach 10⁻³⁰⁰ by step ~93 000 and the distances (not squared) by ~170 000: the axis
        // ends past the last drawn point, at 2×10⁵, not at 10⁶ (it ended at 10⁵ and cut the distance curves
        // until 892d431).
        XCTAssertEqual(bottom.xTitle, "step (×10⁵)")
        XCTAssertEqual(bottom.xScale.domain.upper, 200_000)
        XCTAssertTrue(f.footnote?.hasPrefix("Curves end by step ") ?? false, f.footnote ?? "")
        // Log y ticks at round decades (not 10⁻¹¹¹, 10⁻²²²).
        for l in layout.axes {
            for t in l.yTicks { XCTAssertEqual(Int(Math.log10(t).rounded()) % 10, 0, "\(l.yTicks)") }
        }
        // The lower y title keeps at least 80% of the label font; panel titles stay within their panel (the
        // plot and its labels).
        let labelSize = f.theme.labelFont.size
        for l in layout.axes {
            let y = try XCTUnwrap(l.yTitleLayout)
            for case let .text(_, font, _) in y.items { XCTAssertGreaterThanOrEqual(font.size, labelSize * 0.8 - 1e-9) }
            let title = try XCTUnwrap(l.titleLayout)
            XCTAssertLessThanOrEqual(title.width, l.plotRect.width + l.insets.left + l.insets.right + 1e-9)
        }
    }

    func testTenStepCurvesGetSeveralLabelledLogTicks() throws {
        for size in ["1280x720", "640x360", "800x500"] {
            let f = try curves(["--surface", "ellipse", "--optimizers", "gd,momentum", "--steps", "10", "--size", size])
            for l in try f.laidOut().axes {
                XCTAssertGreaterThanOrEqual(l.yLabels.count, 2, "\(size): y ticks \(l.yTicks)")
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
