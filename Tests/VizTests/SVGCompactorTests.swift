import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
// Unit-tests the internal SVG compaction (SVGCompactor, SVGNormalizer).
@testable import Viz

/// Every SVG is shortened (`SVGCompactor`, the last step of `SVGNormalizer`) without changing what it draws.
final class SVGCompactorTests: XCTestCase {
    func testStylesLoseInitialValuesAndWriteColoursInHex() {
        let cairo = "fill-rule:nonzero;fill:rgb(27.632157%,74.069532%,42.215795%);fill-opacity:1;stroke-width:0.6;"
            + "stroke-linecap:butt;stroke-linejoin:round;stroke:rgb(100%,0%,0%);stroke-opacity:1;stroke-miterlimit:10;"
        XCTAssertEqual(String(decoding: SVGCompactor.compactStyle(Array(cairo.utf8)), as: UTF8.self),
                       "fill:#46bd6c;stroke-width:0.6;stroke-linejoin:round;stroke:#ff0000;")
        // A miter join keeps its limit; translucency, caps, dashes and the even-odd rule stay.
        let miter = "fill-rule:evenodd;fill:none;stroke-width:2;stroke-linecap:round;stroke-linejoin:miter;stroke:rgb(0%,44.705882%,69.803922%);"
            + "stroke-opacity:0.25;stroke-dasharray:6,4;stroke-miterlimit:10;"
        XCTAssertEqual(String(decoding: SVGCompactor.compactStyle(Array(miter.utf8)), as: UTF8.self),
                       "fill-rule:evenodd;fill:none;stroke-width:2;stroke-linecap:round;stroke-linejoin:miter;stroke:#0072b2;stroke-opacity:0.25;"
                       + "stroke-dasharray:6,4;stroke-miterlimit:10;")
        // Cairo's filled bands start with a space.
        let band = " stroke:none;fill-rule:nonzero;fill:rgb(100%,100%,100%);fill-opacity:0.78;"
        XCTAssertEqual(String(decoding: SVGCompactor.compactStyle(Array(band.utf8)), as: UTF8.self), "stroke:none;fill:#ffffff;fill-opacity:0.78;")
    }

    func testDocumentKeepsItsShapeAndDropsTheMoveAfterAClose() {
        let doc = """
            <svg><path style="fill-rule:nonzero;fill:rgb(0%,0%,100%);fill-opacity:1;" d="M 1 2 L 3 4 L 5 6 Z M 1 2 "/>\
            <path style="fill:none;stroke-width:1;stroke-linecap:butt;stroke-linejoin:round;stroke:rgb(0%,0%,0%);stroke-opacity:1;stroke-miterlimit:10;" d="M 0 0 L 9 9 "/>\
            <g style="fill:rgb(0%,0%,0%);fill-opacity:1;"><use xlink:href="#id1" x="3" y="4"/></g></svg>
            """
        let out = String(decoding: SVGCompactor.compact(Array(doc.utf8)), as: UTF8.self)
        XCTAssertEqual(out, """
            <svg><path style="fill:#0000ff;" d="M 1 2 L 3 4 L 5 6 Z"/>\
            <path style="fill:none;stroke-width:1;stroke-linejoin:round;stroke:#000000;" d="M 0 0 L 9 9 "/>\
            <g style="fill:#000000;"><use xlink:href="#id1" x="3" y="4"/></g></svg>
            """)
        // Two subpaths: the second move-to starts a shape and stays.
        let two = #"<path style="fill:none;" d="M 1 2 L 3 4 Z M 5 6 L 7 8 Z M 5 6 "/>"#
        XCTAssertEqual(String(decoding: SVGCompactor.compact(Array(two.utf8)), as: UTF8.self),
                       #"<path style="fill:none;" d="M 1 2 L 3 4 Z M 5 6 L 7 8 Z"/>"#)
    }

    /// A figure with text, filled and stroked, dashed, translucent and clipped marks: Cairo's document and the
    /// compacted one hold the same elements with the same geometry and the same computed style (SVG's initial
    /// values filled in, colours at the 8 bits a renderer resolves), and the compacted one is smaller (glyph outlines, most of a small figure, keep their size).
    func testAFigureDrawsTheSameElements() throws {
        var ax = Axes(title: "$\\sigma(x)$ and a band", xLabel: "x", yLabel: "y")
        let xs = stride(from: -4.0, through: 4.0, by: 0.05).map { $0 }
        ax.add(LineMark(points: xs.map { Point($0, 1 / (1 + exp(-$0))) }, style: StrokeStyle(color: Color(hex: 0x0072B2), width: 2), label: "σ"))
        ax.add(LineMark(points: xs.map { Point($0, 0.5 + 0.1 * $0) },
                        style: StrokeStyle(color: Color(hex: 0xD55E00).withAlpha(0.6), width: 1.5, dash: [6, 3], cap: .round, join: .miter), label: "line"))
        ax.add(AreaMark(x: xs, y: xs.map { 0.2 + 0.05 * sin($0) }, baseline: 0, color: Color(hex: 0x009E73).withAlpha(0.3)))
        var fig = try Figure(width: 640, height: 400)
        fig.add(ax)
        let canvas = try CairoBackend(size: fig.size, kind: .svg)
        try FigureRenderer(figure: fig, canvas: canvas, resolution: 4).render()
        guard case let .document(raw) = try canvas.finish() else { return XCTFail("not a document") }
        let cairo = SVGNormalizer.renumbered(raw)
        let compact = SVGNormalizer.normalize(raw)
        XCTAssertLessThan(Double(compact.count), 0.95 * Double(cairo.count), "\(compact.count) against \(cairo.count) bytes")
        let a = try elements(cairo), b = try elements(compact)
        XCTAssertGreaterThan(a.count, 20)
        XCTAssertEqual(a.count, b.count)
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y) }
    }

    /// Each element as its name, its attributes other than `style`, its computed style and its path without a
    /// trailing lone move-to.
    private func elements(_ svg: [UInt8]) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var items: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                var attrs = attributes
                let style = attrs.removeValue(forKey: "style").map(Self.computed) ?? ""
                if var d = attrs["d"], let z = d.lastIndex(of: "Z"), d[d.index(after: z)...].filter({ $0 == "M" }).count == 1 {
                    d = String(d[...z]); attrs["d"] = d
                }
                if var d = attrs["d"] { while d.hasSuffix(" ") { d.removeLast() }; attrs["d"] = d }
                items.append(name + " " + attrs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + " {" + style + "}")
            }
            static func computed(_ style: String) -> String {
                var p: [String: String] = ["fill-rule": "nonzero", "fill-opacity": "1", "stroke-opacity": "1", "stroke-linecap": "butt"]
                for d in style.split(separator: ";") {
                    let kv = d.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    if kv.count == 2 { p[kv[0]] = color(kv[1]) }
                }
                if p["stroke-linejoin"] != "miter" { p["stroke-miterlimit"] = nil }
                return p.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ";")
            }
            static func color(_ v: String) -> String {
                if v.hasPrefix("#"), v.count == 7, let n = Int(v.dropFirst(), radix: 16) { return "\(n >> 16),\((n >> 8) & 255),\(n & 255)" }
                guard v.hasPrefix("rgb("), v.hasSuffix(")") else { return v }
                let c = v.dropFirst(4).dropLast().split(separator: ",").compactMap { Double($0.dropLast()) }.map { Int(($0 / 100 * 255).rounded()) }
                return c.map(String.init).joined(separator: ",")
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(svg))
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), String(describing: parser.parserError))
        return collector.items
    }
}
