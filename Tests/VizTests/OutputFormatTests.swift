import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import XCTest
import Viz

/// The three file formats are well formed, carry their metadata, and are byte-for-byte reproducible.
final class OutputFormatTests: XCTestCase {
    private func sampleFigure(rows: Int = 1, columns: Int = 1) throws -> Figure {
        // 640×400 pixels at 144 dpi per panel column/row (a 2×2 grid on 640×400 leaves each plot under
        // two tick labels high: refused as too small a page).
        var f = try Figure(width: 640 * Double(columns), height: 400 * Double(rows), dpi: 144, rows: rows, columns: columns)
        f.title = "Adam on $f(x) = x^2$"
        for k in 0..<(rows * columns) {
            var a = Axes(title: "panel \(k)", xLabel: "$t$", yLabel: "$\\theta_t$")
            let xs = (0..<50).map(Double.init)
            a.add(LineMark(x: xs, y: xs.map { sin($0 / 5) }, style: StrokeStyle(color: Palette.okabeIto[0], width: 2), label: "θ"))
            f.add(a, row: k / columns, column: k % columns)
        }
        return f
    }

    func testSVGParsesAsXMLAndContainsTheLine() throws {
        let svg = try sampleFigure().render(as: .svg)
        final class Collector: NSObject, XMLParserDelegate {
            var root: String?
            var paths: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if root == nil { root = name }
                if name == "path", let d = attributes["d"] { paths.append(d) }
            }
        }
        let parser = XMLParser(data: Data(svg))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "SVG is well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertEqual(collector.root, "svg")
        // The 50-point line is one path with at least 40 line-to commands (simplification may merge a few).
        let longest = collector.paths.map { $0.filter { $0 == "L" }.count }.max() ?? 0
        XCTAssertGreaterThanOrEqual(longest, 40)
    }

    func testPDFHasOnePagePerFigure() throws {
        for (rows, cols) in [(1, 1), (2, 2)] {
            let pdf = try sampleFigure(rows: rows, columns: cols).render(as: .pdf)
            XCTAssertEqual(Array(pdf.prefix(5)), Array("%PDF-".utf8))
            let text = String(decoding: pdf, as: UTF8.self)
            let pages = text.components(separatedBy: "/Type /Page").dropFirst().filter { !$0.hasPrefix("s") }.count
            XCTAssertEqual(pages, 1, "a figure is one page, whatever its panels")
            XCTAssertTrue(text.contains("%%EOF"))
        }
    }

    func testPNGCarriesResolutionAndSoftware() throws {
        for dpi in [72.0, 144, 300] {
            var f = try sampleFigure()
            f.dpi = dpi
            let png = try DecodedPNG(f.render(as: .png, metadata: FileMetadata(software: "dlplot 0.1", command: "dlplot surface rosenbrock")))
            let ppm = UInt32((dpi / 0.0254).rounded())
            XCTAssertEqual(png.pixelsPerMetre?.0, ppm); XCTAssertEqual(png.pixelsPerMetre?.1, ppm)
            XCTAssertEqual(png.text["Software"], "dlplot 0.1")
            XCTAssertEqual(png.text["Comment"], "dlplot surface rosenbrock")
            XCTAssertEqual(png.width, Int((f.size.width * dpi / 72).rounded()))
        }
    }

    func testRendersAreByteIdentical() throws {
        let f = try VisualReviewTests.everyMarkFigure(theme: .light)
        for format in OutputFormat.allCases {
            let a = try f.render(as: format)
            _ = try sampleFigure().render(as: format) // something else in between must not matter
            let b = try f.render(as: format)
            XCTAssertEqual(a, b, "\(format) differs between two renders")
        }
    }

    func testWriteChoosesFormatFromExtensionAndLeavesNoTemporary() throws {
        let dir = try TemporaryDirectory()
        let f = try sampleFigure()
        for ext in ["png", "SVG", "pdf"] {
            try f.write(to: dir.path + "/out." + ext)
        }
        XCTAssertEqual(try dir.contents().sorted(), ["out.SVG", "out.pdf", "out.png"])
        let head = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir.path + "/out.png")).prefix(4))
        XCTAssertEqual(head, [0x89, 0x50, 0x4E, 0x47])
    }
}
