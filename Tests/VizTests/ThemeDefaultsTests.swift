import Foundation
import XCTest
import Viz

/// Colours a mark is not given come from the figure's theme, the 3-D box included, and the library
/// writes no program name of its own into files.
final class ThemeDefaultsTests: XCTestCase {
    private func bowl() throws -> ScalarField {
        try FieldSampler.sample(x: Interval(-1, 1), y: Interval(-1, 1), nx: 21, ny: 21) { x, y in x * x + y * y }
    }

    private func record(_ axes: Axes, theme: Theme) throws -> [RecordingBackend.Record] {
        var fig = try Figure(width: 640, height: 400, dpi: 72, theme: theme)
        fig.add(axes)
        return try fig.record().records
    }

    private func fillColors(_ records: [RecordingBackend.Record]) -> [Color] {
        records.compactMap { if case let .fill(_, c) = $0.primitive { c } else { nil } }
    }

    private func strokeColors(_ records: [RecordingBackend.Record]) -> [Color] {
        records.compactMap { if case let .stroke(_, s) = $0.primitive { s.color } else { nil } }
    }

    func testThreeDPanesFollowTheTheme() throws {
        for theme in Theme.all {
            var ax = Axes.surface3D()
            ax.add(try SurfaceMark(field: try bowl()))
            let fills = fillColors(try record(ax, theme: theme))
            // The three back panes are the first fills after the page and plot backgrounds.
            XCTAssertEqual(fills.filter { $0 == theme.paneColor }.count, 3, theme.name)
            let strokes = strokeColors(try record(ax, theme: theme))
            XCTAssertTrue(strokes.contains(theme.paneGridColor), theme.name)
            XCTAssertTrue(strokes.contains(theme.paneEdgeColor), theme.name)
            // The wire (the outline colour at 25 %) is drawn as each face's hairline, in the colour it makes over the face.
            let wire = theme.outlineColor.withAlpha(0.25)
            XCTAssertTrue(fills.contains { strokes.contains($0.mixed(with: wire.withAlpha(1), wire.a)) }, "wireframe, \(theme.name)")
            XCTAssertFalse(strokes.contains(wire), "no separate wire strokes, \(theme.name)")
        }
        XCTAssertLessThan(Theme.dark.paneColor.luminance, 0.05, "a dark theme has dark panes")
        XCTAssertGreaterThan(Theme.light.paneColor.luminance, 0.8)
    }

    /// The arrowheads where a 3-D path leaves the box (and the hollow ones where it comes in) are edged
    /// in the theme's outline ink; the edge was a fixed #1A1A1A whatever the theme.
    func testThreeDExitArrowheadsAreEdgedInTheThemesOutline() throws {
        var theme = Theme.dark
        theme.outlineColor = Color(hex: 0xCC0000)
        let field = try bowl()
        var mark = try SurfaceMark(field: field)
        let path = SurfaceMark.lift([Point(-1, 0.2), Point(-0.2, 0.1), Point(0.4, -0.3), Point(1, -0.5)], on: field)
        mark.extraPaths = [(points: path, style: StrokeStyle(color: theme.color(0), width: 2.2))]
        mark.openEnds = [0]
        mark.openStarts = [0]
        var ax = Axes.surface3D()
        ax.add(mark)
        let edges = try record(ax, theme: theme).filter {
            if case let .stroke(_, s) = $0.primitive { s.width == 0.8 } else { false }
        }
        XCTAssertEqual(edges.count, 2, "one edge for the exit, one for the entry")
        for edge in edges {
            guard case let .stroke(_, style) = edge.primitive else { continue }
            XCTAssertEqual(style.color.withAlpha(1), theme.outlineColor)
        }
    }

    func testLinesOverAFieldDefaultToTheForeground() throws {
        for theme in [Theme.light, .dark] {
            var ax = Axes()
            ax.add(try ContourMark(field: try bowl(), levels: .count(4)))
            ax.add(try VectorFieldMark.gradient(of: { x, y in x * x + y * y }, x: Interval(-1, 1), y: Interval(-1, 1), nx: 5, ny: 5))
            ax.add(try StreamlineMark(x: Interval(-1, 1), y: Interval(-1, 1), density: 6) { x, y in Point(-y, x) })
            let strokes = strokeColors(try record(ax, theme: theme))
            XCTAssertTrue(strokes.contains(theme.foreground.withAlpha(0.75)), "contour lines, \(theme.name)")
            XCTAssertTrue(strokes.contains(theme.foreground.withAlpha(0.85)), "arrows, \(theme.name)")
            XCTAssertTrue(strokes.contains(theme.foreground.withAlpha(0.7)), "streamlines, \(theme.name)")
        }
        // A colour given is kept whatever the theme.
        let red = Color(hex: 0xCC0000)
        var ax = Axes()
        ax.add(try ContourMark(field: try bowl(), levels: .count(4), color: red, label: "level"))
        XCTAssertTrue(strokeColors(try record(ax, theme: .dark)).contains(red))
        guard case let .line(style, _)? = ax.marks[0].legendEntries(theme: .dark).first?.sample else { return XCTFail("legend entry") }
        XCTAssertEqual(style.color, red)
        var plain = Axes()
        plain.add(try ContourMark(field: try bowl(), levels: .count(4), label: "level"))
        guard case let .line(dark, _)? = plain.marks[0].legendEntries(theme: .dark).first?.sample else { return XCTFail("legend entry") }
        XCTAssertEqual(dark.color, Theme.dark.foreground.withAlpha(0.75), "the legend sample is drawn as the lines are")
    }

    func testBarsAndReferenceLinesDefaultToTheTheme() throws {
        for theme in Theme.all {
            var ax = Axes()
            ax.add(BarMark(categories: ["a", "b"], series: [.init(label: "s1", values: [1, 2]), .init(label: "s2", values: [2, 1])],
                           valueLabels: false))
            ax.add(ReferenceLineMark.horizontal(y: 1.5, label: "level"))
            let records = try record(ax, theme: theme)
            let fills = fillColors(records)
            XCTAssertTrue(fills.contains(theme.color(0)) && fills.contains(theme.color(1)), "bars in the palette, \(theme.name)")
            XCTAssertTrue(strokeColors(records).contains(ReferenceLineMark.defaultStyle(for: theme).color), theme.name)
            XCTAssertEqual(ReferenceLineMark.defaultStyle(for: theme).color, theme.muted)
        }
    }

    func testMarkedPointsFillFromTheTheme() throws {
        var green = Theme.dark
        green.markerFillColor = Color(hex: 0x00AA00)
        for theme in Theme.all + [green] {
            var plain = Axes()
            plain.add(try ContourMark(field: try bowl(), levels: .count(4)))
            var ax = plain
            ax.add(PointLabelMark.minima([Point(0, 0)]))
            ax.add(PointLabelMark.saddles([Point(0.5, 0.5)]))
            ax.add(PointLabelMark([.init(Point(-0.5, 0.5), shape: .marker(.circle))]))
            // The page or plot background may have the same colour: count the fills the points add.
            let before = fillColors(try record(plain, theme: theme)).filter { $0 == theme.markerFillColor }.count
            let after = fillColors(try record(ax, theme: theme)).filter { $0 == theme.markerFillColor }.count
            XCTAssertEqual(after - before, 3, "star, saddle and marker, \(theme.name)")
        }
        XCTAssertEqual(Theme.dark.markerFillColor, .white, "stars over a colormap stay white in the dark theme")
        // A fill given is kept whatever the theme.
        var ax = Axes()
        ax.add(try ContourMark(field: try bowl(), levels: .count(4)))
        ax.add(PointLabelMark([.init(Point(0, 0), color: Color(hex: 0xCC0000))]))
        let fills = fillColors(try record(ax, theme: green))
        XCTAssertTrue(fills.contains(Color(hex: 0xCC0000)))
        XCTAssertFalse(fills.contains(green.markerFillColor))
    }

    func testFilesNameTheProgramTheCallerGives() throws {
        var fig = try Figure(width: 320, height: 200, dpi: 72)
        var ax = Axes()
        ax.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black)))
        fig.add(ax)
        let plainPDF = String(decoding: try fig.render(as: .pdf), as: UTF8.self)
        let namedPDF = String(decoding: try fig.render(as: .pdf, metadata: FileMetadata(software: "plotter 2.1")), as: UTF8.self)
        XCTAssertFalse(plainPDF.contains("plotter"))
        XCTAssertTrue(namedPDF.contains("/Creator (plotter 2.1)"), "the caller's creator string is the PDF's Creator")
        let plainPNG = try fig.render(as: .png), namedPNG = try fig.render(as: .png, metadata: FileMetadata(software: "plotter 2.1"))
        XCTAssertNil(Self.range(of: Array("Software".utf8), in: plainPNG), "no Software chunk unless the caller names one")
        XCTAssertNotNil(Self.range(of: Array("Software\0plotter 2.1".utf8), in: namedPNG))
    }

    func testErrorsNameValuesNotCommandLineOptions() throws {
        XCTAssertThrowsError(try OutputFormat(path: "figure")) { error in
            XCTAssertEqual(error as? VizError, .missingExtension(path: "figure"))
            XCTAssertFalse("\(error)".contains("--"), "\(error)")
        }
        let tooSmall = VizError.pageTooSmall(width: 40, height: 30, needs: .plots(count: 2))
        XCTAssertEqual(tooSmall.description, "invalid figure size '40x30': expected enough room for 2 plot(s) with their labels")
    }

    /// Viz is a plotting library: its sources (and the C modules only it uses) speak of plots, never of
    /// the program built on it or of what that program plots.
    func testVizSourcesSpeakOnlyOfPlotting() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let folders = ["Viz", "CCairo", "CCodecs", "CPNG", "Platform"]
        let words = try NSRegularExpression(pattern: "activation|optimi[sz]er|saturation|dlplot|zone colou?r|dead zone", options: [.caseInsensitive])
        var found: [String] = [], scanned = 0
        for folder in folders {
            let root = sources.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(atPath: root.path) else { return XCTFail("no \(root.path)") }
            for case let name as String in files where [".swift", ".c", ".h", ".modulemap", ".md"].contains(where: name.hasSuffix) {
                let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
                scanned += 1
                for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let s = String(line)
                    if words.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil { found.append("\(folder)/\(name):\(k + 1): \(s)") }
                }
            }
        }
        XCTAssertGreaterThan(scanned, 100, "the sources were found")
        XCTAssertEqual(found, [], found.joined(separator: "\n"))
    }

    private static func range(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        return (0...(bytes.count - needle.count)).first { i in bytes[i..<(i + needle.count)].elementsEqual(needle) }
    }
}
