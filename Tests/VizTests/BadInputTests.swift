import Foundation
import XCTest
import Viz

/// Bad input gives a thrown `VizError` with a message that names the problem, and leaves no file
/// (and no temporary file) behind.
final class BadInputTests: XCTestCase {
    private func line() -> LineMark { LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black)) }

    /// Asserts `body` throws a VizError whose message contains every one of `words`.
    private func assertVizError(_ words: [String], file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) {
        do {
            try body()
            XCTFail("expected an error mentioning \(words)", file: file, line: line)
        } catch let e as VizError {
            for w in words { XCTAssertTrue(e.description.contains(w), "'\(e.description)' lacks '\(w)'", file: file, line: line) }
        } catch {
            XCTFail("not a VizError: \(error)", file: file, line: line)
        }
    }

    /// Writing `figure` to `name` in a fresh directory fails with `words` and leaves the directory empty.
    private func assertWriteFails(_ figure: Figure, name: String = "out.png", _ words: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = try TemporaryDirectory()
        assertVizError(words, file: file, line: line) { try figure.write(to: dir.path + "/" + name) }
        XCTAssertEqual(try dir.contents(), [], "nothing left behind", file: file, line: line)
    }

    func testEmptyAndAllNaNDataThrowInvalidData() throws {
        for marks in [[LineMark(x: [], y: [], style: StrokeStyle(color: .black))] as [any Mark],
                      [LineMark(x: [.nan, .nan], y: [1, 2], style: StrokeStyle(color: .black))],
                      [ScatterMark(x: [.infinity], y: [1], color: .black)]] {
            var a = Axes(title: "loss")
            a.add(contentsOf: marks)
            let fig = try Figure.single(a)
            try assertWriteFails(fig, ["panel 1", "'loss'", "no finite data"])
            do { _ = try fig.render(as: .png); XCTFail("should throw") } catch {
                guard case .invalidData = error else { return XCTFail("\(error)") }
            }
        }
    }

    func testNoMarksOrFixedLimitsRenderAnEmptyPlot() throws {
        XCTAssertNoThrow(try Figure.single(Axes()).render(as: .png), "an axes without marks is an empty plot")
        var a = Axes()
        a.add(LineMark(x: [.nan], y: [.nan], style: StrokeStyle(color: .black)))
        a.xLimits = Interval(0, 1); a.yLimits = Interval(0, 1)
        XCTAssertNoThrow(try Figure.single(a).render(as: .png), "with both limits set the user asked for the empty plot")
    }

    func testBadSizes() throws {
        for (w, h) in [(0.0, 100.0), (-5, 100), (100, 0), (20_001, 100), (100, 1e9), (.nan, 100), (.infinity, 100)] {
            assertVizError(["figure", "1 to 20000 pixels"]) { _ = try Figure(width: w, height: h) }
        }
        assertVizError(["dpi"]) { _ = try Figure(width: 100, height: 100, dpi: 0) }
        XCTAssertNoThrow(try Figure(width: 20_000, height: 1))
        // A figure whose size was changed after creation is checked again when rendered.
        var f = try Figure.single(Axes())
        f.size = Size(0, 100)
        try assertWriteFails(f, ["figure width"])
        f.size = Size(100, 100)
        f.theme.fontScale = 0
        try assertWriteFails(f, ["font scale"])
    }

    func testLogScaleWithNonPositiveLimits() throws {
        var a = Axes()
        a.add(line())
        a.xScale = .log
        a.xLimits = Interval(0, 10)
        try assertWriteFails(try Figure.single(a), ["log scale", "positive"])
        var b = Axes()
        b.yScale = .log
        b.add(LineMark(x: [0, 1], y: [-3, 0], style: StrokeStyle(color: .black)))
        try assertWriteFails(try Figure.single(b), ["log scale", "no positive data"])
        var c = Axes()
        c.add(line())
        c.xLimits = Interval(1, 1)
        try assertWriteFails(try Figure.single(c), ["x limits", "two different finite numbers"])
    }

    func testUnknownThemeAndColour() {
        assertVizError(["theme", "neon", "light, dark, print"]) { _ = try Theme.named("neon") }
        XCTAssertEqual(try Theme.named("DARK").name, "dark")
        for bad in ["#12", "#gggggg", "notacolour", "", "#1234567"] {
            assertVizError(["colour", "#rrggbb"]) { _ = try Color(parsing: bad) }
        }
        XCTAssertEqual(try Color(parsing: "#f00"), Color(hex: 0xFF0000))
        XCTAssertEqual(try Color(parsing: "#0072B2"), Palette.okabeIto[0])
    }

    func testMalformedMathIsNotAnError() throws {
        var a = Axes(title: "$\\frac{a$", xLabel: "$x^$", yLabel: "$$$")
        a.add(line())
        XCTAssertNoThrow(try Figure.single(a).render(as: .svg))
    }

    func testUnwritablePaths() throws {
        let f = try Figure.single({ var a = Axes(); a.add(line()); return a }())
        let dir = try TemporaryDirectory()
        // A regular file used as a directory.
        let plain = dir.path + "/plain"
        XCTAssertTrue(FileManager.default.createFile(atPath: plain, contents: Data([1])))
        assertVizError(["not a directory"]) { try f.write(to: plain + "/x.png") }
        // A directory that does not exist.
        assertVizError(["does not exist"]) { try f.write(to: dir.path + "/missing/x.png") }
        // The target is a directory.
        try FileManager.default.createDirectory(atPath: dir.path + "/sub.png", withIntermediateDirectories: false)
        assertVizError(["is a directory"]) { try f.write(to: dir.path + "/sub.png") }
        XCTAssertEqual(try dir.contents().sorted(), ["plain", "sub.png"], "no output and no temporary files")
        // /proc refuses new files even for root.
        assertVizError(["cannot write"]) { try f.write(to: "/proc/dlplot-test.png") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/proc/dlplot-test.png"))
    }

    func testUnknownExtension() throws {
        let f = try Figure.single(Axes())
        try assertWriteFails(f, name: "out.jpg", ["extension", ".jpg", ".png, .svg or .pdf"])
        try assertWriteFails(f, name: "noextension", ["extension"])
        assertVizError(["format", "gif"]) { _ = try OutputFormat(name: "gif") }
    }
}
