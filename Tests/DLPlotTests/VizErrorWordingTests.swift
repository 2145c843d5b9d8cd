import Foundation
import XCTest
import Viz
@testable import dlplot

/// Viz's errors name values only; `dlplot` words them with its options, as it always has.
final class VizErrorWordingTests: XCTestCase {
    func testPageAndExtensionErrorsNameTheOptions() {
        XCTAssertEqual(VizError.pageTooSmall(width: 480, height: 270, needs: .plots(count: 4)).commandLineMessage,
                       "invalid figure size '480x270': expected enough room for 4 plot(s) with their labels (try a larger --size or a smaller --font-scale)")
        XCTAssertEqual(VizError.pageTooSmall(width: 480, height: 270, needs: .titleAndAxes).commandLineMessage,
                       "invalid figure size '480x270': expected a page large enough for its title and axes")
        XCTAssertEqual(VizError.missingExtension(path: "out").commandLineMessage,
                       "invalid output file extension 'out': expected a file name ending in .png, .svg or .pdf (or give --format)")
        let other = VizError.invalidValue(what: "theme", value: "neon", allowed: "light, dark, print")
        XCTAssertEqual(other.commandLineMessage, other.description)
    }

    func testPDFCreatorIsTheProgramAndVersion() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("viz-wording-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["activation", "relu", "--size", "480x270", "-o", "relu.pdf"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let pdf = try Data(contentsOf: dir.appendingPathComponent("relu.pdf"))
        XCTAssertTrue(String(decoding: pdf, as: UTF8.self).contains("/Creator (dlplot \(DLPlotVersion.string))"))
    }
}
