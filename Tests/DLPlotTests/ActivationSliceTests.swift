import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// The first vertical slice: `dlplot activation sigmoid -o FILE` end to end, in all three formats.
final class ActivationSliceTests: XCTestCase {
    func testPNGHasSizeDPIAndTheCurveWhereSigmoidMapsIt() throws {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["activation", "sigmoid", "--size", "800x500", "--dpi", "120", "-o", "sigmoid.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let png = try DecodedPNG(Array(Data(contentsOf: dir.appendingPathComponent("sigmoid.png"))))
        XCTAssertEqual(png.width, 800)
        XCTAssertEqual(png.height, 500)
        let ppm = try XCTUnwrap(png.pixelsPerMetre)
        XCTAssertEqual(Double(ppm.0), 120 / 0.0254, accuracy: 1)
        XCTAssertEqual(ppm.0, ppm.1)
        XCTAssertTrue(png.text["Software"]?.hasPrefix("dlplot") ?? false)

        // Not blank: a good share of the pixels carry ink.
        var ink = 0
        for y in stride(from: 0, to: png.height, by: 2) { for x in stride(from: 0, to: png.width, by: 2) where png.isInk(x, y) { ink += 1 } }
        XCTAssertGreaterThan(ink, 2000)

        // The same figure laid out in-process gives the plot rectangle; at x = 0 the sigmoid (the first
        // palette colour) must cross half the plot height, within 2 px.
        let command = try DLPlot.ActivationCommand.parse(["sigmoid", "--size", "800x500", "--dpi", "120"])
        let (figure, _) = try command.makeFigure()
        let rect = try XCTUnwrap(figure.layoutPlotRects().first)
        let s = 120.0 / 72
        let yLimits = try XCTUnwrap(figure.panels.first).axes
        _ = yLimits
        let column = Int((rect.midX * s).rounded(.down))
        let blue = Palette.okabeIto[0]
        var rows: [Int] = []
        for y in Int(rect.minY * s)..<Int(rect.maxY * s) {
            for x in (column - 1)...(column + 1) {
                let p = png.pixel(x, y)
                let d = abs(Double(p.r) / 255 - blue.r) + abs(Double(p.g) / 255 - blue.g) + abs(Double(p.b) / 255 - blue.b)
                if d < 0.12 { rows.append(y) }
            }
        }
        XCTAssertFalse(rows.isEmpty, "no curve pixels at x = 0")
        let mean = Double(rows.reduce(0, +)) / Double(rows.count) + 0.5
        XCTAssertEqual(mean, rect.midY * s, accuracy: 2)
    }

    func testSVGIsXMLWithTheCurvePath() throws {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["activation", "sigmoid", "-o", "sigmoid.svg"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let data = try Data(contentsOf: dir.appendingPathComponent("sigmoid.svg"))
        let parser = XMLParser(data: data)
        let collector = PathCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "SVG does not parse: \(String(describing: parser.parserError))")
        // The curve is stroked in #0072B2 (Cairo's rgb(0%,44.7%,69.8%), written in hex by SVGCompactor).
        let curves = collector.paths.filter { $0.style.contains("stroke:#0072b2") }
        XCTAssertFalse(curves.isEmpty, "no path stroked in the curve colour")
        XCTAssertTrue(curves.contains { $0.d.split(separator: "L").count > 50 }, "the curve path has too few segments")
    }

    func testPDFHasOnePage() throws {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["activation", "sigmoid", "-o", "sigmoid.pdf"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let bytes = try Data(contentsOf: dir.appendingPathComponent("sigmoid.pdf"))
        XCTAssertEqual(String(decoding: bytes.prefix(5), as: UTF8.self), "%PDF-")
        XCTAssertEqual(pdfPageCount(bytes), 1)
    }

    func testRendersAreByteIdentical() throws {
        let dir = try makeTemporaryDirectory()
        for ext in ["png", "svg", "pdf"] {
            XCTAssertEqual(try runDLPlot(["activation", "sigmoid", "-o", "a.\(ext)"], in: dir).status, 0)
            XCTAssertEqual(try runDLPlot(["activation", "sigmoid", "-o", "b.\(ext)"], in: dir).status, 0)
            let a = try Data(contentsOf: dir.appendingPathComponent("a.\(ext)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("b.\(ext)"))
            // The PNG records its command line (which names the output file): compare the pixels and
            // the rest of the file separately.
            if ext == "png" {
                XCTAssertEqual(try DecodedPNG(Array(a)).rgba, try DecodedPNG(Array(b)).rgba)
            } else {
                XCTAssertEqual(a, b, ext)
            }
        }
        XCTAssertEqual(try runDLPlot(["activation", "sigmoid", "-o", "a.png"], in: dir).status, 0)
        let first = try Data(contentsOf: dir.appendingPathComponent("a.png"))
        XCTAssertEqual(try runDLPlot(["activation", "sigmoid", "-o", "a.png"], in: dir).status, 0)
        XCTAssertEqual(first, try Data(contentsOf: dir.appendingPathComponent("a.png")))
    }

    func testMissingDirectoryIsAClearErrorAndWritesNothing() throws {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["activation", "sigmoid", "-o", "no/such/dir/s.png"], in: dir)
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("no/such/dir/s.png"), run.stderr)
        XCTAssertEqual(listing(dir), [])
    }

    func testUnwritableDirectoryIsAClearErrorAndWritesNothing() throws {
        let dir = try makeTemporaryDirectory()
        _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("afile").path, contents: Data("x".utf8))
        let run = try runDLPlot(["activation", "sigmoid", "-o", "afile/s.svg"], in: dir)
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("afile/s.svg"), run.stderr)
        XCTAssertEqual(listing(dir), ["afile"])
    }

    func testUnknownExtensionIsAUsageError() throws {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["activation", "sigmoid", "-o", "s.jpeg"], in: dir)
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains(".jpeg"), run.stderr)
        XCTAssertTrue(run.stderr.contains(".png"), run.stderr)
        XCTAssertEqual(listing(dir), [])
    }

    func testFormatFlagOverridesTheExtension() throws {
        let dir = try makeTemporaryDirectory()
        XCTAssertEqual(try runDLPlot(["activation", "sigmoid", "--format", "svg", "-o", "figure.out"], in: dir).status, 0)
        let head = try String(decoding: Data(contentsOf: dir.appendingPathComponent("figure.out")).prefix(5), as: UTF8.self)
        XCTAssertEqual(head, "<?xml")
    }
}

/// Collects every `<path>` element's `d` and `style`.
final class PathCollector: NSObject, XMLParserDelegate {
    struct SVGPath { var d: String; var style: String }
    var paths: [SVGPath] = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "path" { paths.append(SVGPath(d: attributes["d"] ?? "", style: attributes["style"] ?? "")) }
    }
}

/// The number of page objects in a PDF (`/Type /Page`, not `/Pages`).
func pdfPageCount(_ data: Data) -> Int {
    let text = String(decoding: data, as: UTF8.self)
    var count = 0
    var rest = text[...]
    while let r = rest.range(of: "/Type /Page") {
        let after = rest[r.upperBound...]
        if !after.hasPrefix("s") { count += 1 }
        rest = after
    }
    return count
}
