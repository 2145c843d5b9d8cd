import Foundation
import XCTest
import Viz

/// Fixed tick labels (categories, recipe-chosen ticks), bar value labels and reference-line labels keep
/// the layout rules: no two text boxes meet, and labels move off the curves.
final class FixedTickLayoutTests: XCTestCase {
    private func texts(_ r: LayoutReport, _ kind: FigureElement.Kind) -> [LayoutReport.Element] { r.elements.filter { $0.kind == kind } }

    private func assertNoneMeet(_ els: [LayoutReport.Element], file: StaticString = #filePath, line: UInt = #line) {
        for (i, a) in els.enumerated() {
            for b in els[(i + 1)...] {
                let w = min(a.box.maxX, b.box.maxX) - max(a.box.minX, b.box.minX), h = min(a.box.maxY, b.box.maxY) - max(a.box.minY, b.box.minY)
                XCTAssertFalse(w > 1 && h > 1, "'\(a.text)' meets '\(b.text)'", file: file, line: line)
            }
        }
    }

    private func bars(width: Double, categories: [String], series: Int, values: (Int, Int) -> Double) throws -> Figure {
        var fig = try Figure(width: width, height: 400, dpi: 72)
        var a = Axes(xLabel: "class", yLabel: "p")
        var b = BarMark(categories: categories, series: (0..<series).map { j in .init(label: "s\(j)", values: categories.indices.map { values($0, j) }) })
        b.valueLabelDecimals = 3
        a.addBars(b)
        a.legend = .none
        fig.add(a)
        return fig
    }

    func testCategoryLabelsThatCollideGoOnTwoLinesSplitAlike() throws {
        let names = (1...5).map { "$z_{\($0)}$ = −0.\($0)234" }
        let fig = try bars(width: 480, categories: names, series: 1) { i, _ in 0.1 * Double(i + 1) }
        let ticks = texts(try fig.layoutReport(), .tickLabel).filter { $0.text.hasPrefix("z") }
        XCTAssertEqual(ticks.count, 5, "every category keeps its label")
        assertNoneMeet(ticks)
        // Two lines each: taller than one line of the tick font, all alike.
        let report = try fig.layoutReport()
        let oneLine = try XCTUnwrap(texts(report, .tickLabel).first { $0.box.maxX < report.frames[0].box.minX }, "a y tick label")
        for t in ticks { XCTAssertGreaterThan(t.box.height, oneLine.box.height * 1.5, t.text) }
        // On a wide page they stay on one line.
        let wide = try bars(width: 1600, categories: names, series: 1) { i, _ in 0.1 * Double(i + 1) }
        let one = texts(try wide.layoutReport(), .tickLabel).filter { $0.text.hasPrefix("z") }
        XCTAssertEqual(one.count, 5)
        for t in one { XCTAssertLessThan(t.box.height, oneLine.box.height * 1.3, t.text) }
    }

    func testCategoryLabelsFallBackToTheirFirstWordThenEveryKth() throws {
        let names = (1...12).map { "$z_{\($0)}$ = −0.\($0)2345" }
        let fig = try bars(width: 300, categories: names, series: 1) { i, _ in 0.05 * Double(i + 1) }
        let ticks = texts(try fig.layoutReport(), .tickLabel).filter { $0.text.hasPrefix("z") }
        XCTAssertFalse(ticks.isEmpty)
        assertNoneMeet(ticks)
        // No label keeps its value: the first words only ("z1", …).
        XCTAssertTrue(ticks.allSatisfy { !$0.text.contains("=") }, ticks.map(\.text).description)
    }

    func testFixedYTicksAreThinnedWhenTheirLabelsWouldMeet() throws {
        var fig = try Figure(width: 400, height: 120, dpi: 72)
        var a = Axes()
        a.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: Color(hex: 0x1F77B4), width: 2)))
        a.yLimits = Interval(0, 1)
        a.yTickLabels = stride(from: 0.0, through: 1.0001, by: 0.1).map { ($0, TickFormat.short($0)) }
        fig.add(a)
        let report = try fig.layoutReport()
        let ys = texts(report, .tickLabel).filter { $0.box.maxX < report.frames[0].box.minX }
        XCTAssertLessThan(ys.count, 11)
        XCTAssertEqual(ys.first { $0.text == "0" }.map { _ in true }, true, "the first tick keeps its label")
        assertNoneMeet(ys)
    }

    func testBarValueLabelsAreLevelUprightOrLeftOutByBarWidth() throws {
        let cats = ["a", "b", "c"]
        // Wide bars: level labels, three decimals; a tiny value reads "<0.001".
        let wide = try bars(width: 900, categories: cats, series: 1) { i, _ in [0.5, 0.0001, 0.25][i] }
        let level = texts(try wide.layoutReport(), .pointLabel)
        XCTAssertEqual(level.map(\.text).sorted(), ["0.250", "0.500", "<0.001"])
        XCTAssertTrue(level.allSatisfy { $0.box.width > $0.box.height })
        // Narrow bars (3 categories × 8 series on 480 points): upright, none meeting.
        let narrow = try bars(width: 480, categories: cats, series: 8) { i, j in 0.05 + 0.1 * Double((i + j) % 8) }
        let upright = texts(try narrow.layoutReport(), .pointLabel)
        XCTAssertFalse(upright.isEmpty)
        XCTAssertTrue(upright.allSatisfy { $0.box.height > $0.box.width })
        assertNoneMeet(upright)
        // Too narrow for either: no value labels at all.
        let crowded = try bars(width: 300, categories: (0..<12).map { "c\($0)" }, series: 6) { i, j in 0.1 + 0.01 * Double(i + j) }
        XCTAssertEqual(texts(try crowded.layoutReport(), .pointLabel).count, 0)
    }

    func testReferenceLineLabelMovesAlongItsLineOffTheCurve() throws {
        // A curve that rises to the line at the right end, where the label goes by default.
        var fig = try Figure(width: 300, height: 240, dpi: 72)
        var a = Axes()
        let xs = (0...200).map { Double($0) / 200 }
        a.add(LineMark(x: xs, y: xs.map { 1 - Foundation.exp(-6 * $0) }, style: StrokeStyle(color: Color(hex: 0x1F77B4), width: 2)))
        a.add(ReferenceLineMark.horizontal(y: 1, text: "ceiling y = 1.000"))
        a.yLimits = Interval(0, 1.15)
        fig.add(a)
        let label = try XCTUnwrap(texts(try fig.layoutReport(), .annotation).first)
        XCTAssertEqual(label.covers, 0, "the label sits on the line where the curve is not")
        // It stays next to the line (y = 1 maps between the label's box and a line height of it).
        let plot = try fig.layoutReport().frames[0].box
        let lineY = plot.minY + plot.height * (1.15 - 1) / 1.15
        XCTAssertLessThan(min(abs(label.box.minY - lineY), abs(label.box.maxY - lineY)), label.box.height)
    }

    func testReferenceLineUsesItsShortTextWhenTheFullOneIsWiderThanThePlot() throws {
        var fig = try Figure(width: 160, height: 200, dpi: 72)
        var a = Axes()
        a.add(LineMark(x: [0, 1], y: [0, 0.2], style: StrokeStyle(color: Color(hex: 0x1F77B4), width: 2)))
        var line = ReferenceLineMark.horizontal(y: 1, text: "maximum entropy log 12 = 2.485")
        line.shortText = "log 12"
        a.add(line)
        a.yLimits = Interval(0, 1.2)
        fig.add(a)
        XCTAssertEqual(texts(try fig.layoutReport(), .annotation).map(\.text), ["log 12"])
    }
}

/// Aligned frames share their tick and title room; plots side by side keep one height.
final class OutsideLegendAlignmentTests: XCTestCase {
    func testPlotsBesideALegendBelowOneOfThemKeepOneHeight() throws {
        var fig = try Figure(width: 800, height: 500, dpi: 72, rows: 1, columns: 2)
        let style = StrokeStyle(color: Color(hex: 0x1F77B4), width: 2)
        var a = Axes(), b = Axes()
        a.add(LineMark(x: [0, 1], y: [0, 1], style: style))
        for k in 0..<6 { b.add(LineMark(x: [0, 1], y: [Double(k), Double(k) + 1], style: style, label: "a rather long series label \(k)")) }
        b.legend = .below
        fig.add(a, row: 0, column: 0)
        fig.add(b, row: 0, column: 1)
        let r = try fig.layoutReport()
        let legend = try XCTUnwrap(r.elements.first { $0.kind == .legend })
        XCTAssertGreaterThan(legend.box.minY, r.frames[1].box.maxY)
        // Side by side, two plot heights read as two figures: the plot without a legend is as tall as the
        // one above the legend (it reached down past where the legend begins).
        XCTAssertEqual(r.frames[0].box.height, r.frames[1].box.height, accuracy: 0.5)
        XCTAssertEqual(r.frames[0].box.minY, r.frames[1].box.minY, accuracy: 0.5, "tops still aligned")
    }
}
