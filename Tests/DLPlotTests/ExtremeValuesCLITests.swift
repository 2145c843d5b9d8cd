import Foundation
import XCTest

/// The extreme-but-valid examples, through the command line.
final class ExtremeValuesCLITests: XCTestCase {
    func testAckleyGradientAtATinyPoint() throws {
        let r = try runDLPlot(["eval", "surface", "ackley", "--points", "1e-200:0"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let row = try XCTUnwrap(r.stdout.split(separator: "\n").last).split(separator: ",").map { Double($0) ?? .nan }
        XCTAssertEqual(row[3], 2.8284271247461903, accuracy: 1e-12, "∂f/∂x as at x = 1e-20")
    }

    func testSoftmaxEntropyOfANearOneHotDistribution() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["softmax", "--logits", "1000,1001,1002", "--temperature", "0.01", "-o", "s.png", "--data", "s.csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let csv = try String(contentsOf: dir.appendingPathComponent("s-2.csv"), encoding: .utf8)   // the entropy table
        let line = try XCTUnwrap(csv.split(separator: "\n").first { $0.hasPrefix("0.01,") && $0.split(separator: ",").count == 3 })
        let h = try XCTUnwrap(Double(line.split(separator: ",")[1]))
        XCTAssertEqual(h, 3.757e-42, accuracy: 0.0005e-42)
    }
}
