import Foundation
import Viz
import XCTest
@testable import dlplot

/// A refusal names a --size or a --font-scale that fits, and following it renders. On the default page the
/// font scale named is the largest that renders on the grown page (--font-scale 2.9 was told 1.34 while 2.8
/// rendered).
final class RefusalAdviceTests: XCTestCase {
    /// The ways out a refusal names: each as the options that replace the typed ones.
    private func advice(_ message: String) -> [[String]] {
        var out: [[String]] = []
        func first(_ pattern: String) -> [String]? {
            guard let re = try? NSRegularExpression(pattern: pattern),
                  let m = re.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) else { return nil }
            return (1..<m.numberOfRanges).compactMap { Range(m.range(at: $0), in: message).map { String(message[$0]) } }
        }
        if let g = first("'([0-9.]+x[0-9.]+(?:in|cm)?)' with --dpi ([0-9]+) fits") { out.append(["--size", g[0], "--dpi", g[1]]) }
        else if let g = first("'([0-9.]+x[0-9.]+(?:in|cm)?)' fits") { out.append(["--size", g[0]]) }
        if let g = first("--font-scale ([0-9.]+)(?: fits|$|,| or)") { out.append(["--font-scale", g[0]]) }
        return out
    }

    /// `args` with the options in `replacing` set to their new values (added when absent).
    private func replaced(_ args: [String], _ replacing: [String]) -> [String] {
        var out = args
        for k in stride(from: 0, to: replacing.count, by: 2) {
            if let i = out.firstIndex(of: replacing[k]) { out[i + 1] = replacing[k + 1] } else { out += [replacing[k], replacing[k + 1]] }
        }
        return out
    }

    private func assertAdviceRenders(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) throws -> [[String]] {
        let args = line.split(separator: " ").map(String.init)
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let refused = try runDLPlot(args + ["-o", "r.png"], in: dir)
        XCTAssertEqual(refused.status, 64, "\(line): \(refused.stderr)", file: file, line: lineNumber)
        let ways = advice(refused.stderr)
        XCTAssertFalse(ways.isEmpty, "\(line): no advice in \(refused.stderr)", file: file, line: lineNumber)
        for way in ways {
            let followed = replaced(args, way)
            // It renders (exit 0 on the command line: the layout fits).
            XCTAssertNoThrow(try LayoutSweepTests.report(followed), "\(followed)", file: file, line: lineNumber)
        }
        return ways
    }

    func testTheFontScaleNamedOnTheDefaultPageIsTheLargestThatRenders() throws {
        let ways = try assertAdviceRenders("curves --surface rosenbrock --optimizers gd,adam --font-scale 3.2")
        let scale = try XCTUnwrap(ways.first { $0.first == "--font-scale" }.flatMap { Double($0[1]) })
        // Two hundredths more does not render (the value named is the largest that does, to two decimals).
        XCTAssertThrowsError(try LayoutSweepTests.report("curves --surface rosenbrock --optimizers gd,adam --font-scale".split(separator: " ").map(String.init)
                                                          + [String(format: "%.2f", scale + 0.02)]))
        XCTAssertGreaterThan(scale, 2)
    }
}
