import XCTest
import Viz

/// A drawing backend written outside Viz, with its public API only (no `@testable`), receives the whole
/// figure through `Figure.draw(into:)`: the seam a second output format (PGF/TikZ, say) plugs into.
final class CallerBackendTests: XCTestCase {
    /// Counts what it is asked to draw (visible strokes and fills, as the recording keeps them) and measures
    /// text with a `RecordingBackend`, as a TikZ writer might measure with Cairo.
    final class CountingBackend: DrawingBackend {
        let size: Size
        let measurer: RecordingBackend
        var strokes = 0, fills = 0, texts: [String] = [], depth = 0, deepest = 0
        init(size: Size) throws { self.size = size; measurer = try RecordingBackend(size: size) }
        func save() { depth += 1; deepest = max(deepest, depth) }
        func restore() { depth -= 1 }
        func translate(_ dx: Double, _ dy: Double) {}
        func rotate(_ radians: Double) {}
        func clip(_ rect: Rect) {}
        func paint(_ color: Color) {}
        func stroke(_ path: Path, _ style: StrokeStyle) { if !path.isEmpty, style.width > 0, style.color.a > 0 { strokes += 1 } }
        func fill(_ path: Path, _ color: Color, evenOdd: Bool) { if !path.isEmpty, color.a > 0 { fills += 1 } }
        func drawImage(rgba: [UInt8], width: Int, height: Int, in rect: Rect, smooth: Bool) {}
        func measure(_ text: String, font: Font) -> TextMetrics { measurer.measure(text, font: font) }
        func drawText(_ text: String, font: Font, color: Color, at origin: Point) { texts.append(text) }
    }

    private func figure() throws -> Figure {
        var a = Axes()
        a.title = "Parabola"
        a.xLabel = "x"
        a.add(LineMark(x: [-2, -1, 0, 1, 2], y: [4, 1, 0, 1, 4], style: StrokeStyle(color: .black), label: "x²"))
        return try Figure.single(a)
    }

    func testACallersBackendGetsWhatTheRecordingGets() throws {
        let fig = try figure()
        let mine = try CountingBackend(size: fig.size)
        try fig.draw(into: mine)
        let recorded = try fig.record().records.map(\.primitive)
        var strokes = 0, fills = 0, texts: [String] = []
        for p in recorded {
            switch p {
            case .stroke: strokes += 1
            case .fill: fills += 1
            case let .text(t, _, _, _): texts.append(t)
            default: break
            }
        }
        XCTAssertEqual(mine.strokes, strokes)
        XCTAssertEqual(mine.fills, fills)
        XCTAssertEqual(mine.texts, texts)
        XCTAssertTrue(mine.texts.contains("Parabola") && mine.texts.contains("x²"), "\(mine.texts)")
        XCTAssertGreaterThan(mine.strokes, 5, "frame, ticks and the line")
        XCTAssertEqual(mine.depth, 0, "every save is restored")
        XCTAssertGreaterThan(mine.deepest, 0)
    }
}
