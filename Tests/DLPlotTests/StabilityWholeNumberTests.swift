import Foundation
import XCTest

/// Y14-26 (issue 17 §4): sweeping a whole-number setting (lbfgs's max_iter, history_size) failed with exit 1 on
/// a grid value the user never typed ("lbfgs: max_iter = 1.04 is not allowed"); a swept setting's range that
/// torch refuses was named in Optim's words ("rprop: etaminus = 2.0 is not allowed"), not as typed.
final class StabilityWholeNumberTests: XCTestCase {
    /// The distinct values of `column` in the CSV `text`, in order of first appearance.
    private func column(_ name: String, of text: String) throws -> [String] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let k = try XCTUnwrap(lines.first?.firstIndex(of: name), "\(lines.first ?? [])")
        var seen: [String] = []
        for row in lines.dropFirst() where !seen.contains(row[k]) { seen.append(row[k]) }
        return seen
    }

    func testAWholeNumberSettingIsSweptOnWholeNumbers() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["stability", "bowl", "--optimizer", "lbfgs", "--x", "lr", "--y", "max_iter", "--y-range", "1:5",
                               "--grid", "11", "--steps", "5", "--size", "640x480", "-o", "s.png", "--data", "-"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try column("max_iter", of: r.stdout), ["1.0", "2.0", "3.0", "4.0", "5.0"])
        XCTAssertEqual(try column("lr", of: r.stdout).count, 11)
        // More whole numbers than --grid: every k-th, evenly; the default range is 1:20.
        let wide = try runDLPlot(["stability", "bowl", "--optimizer", "lbfgs", "--x", "lr", "--y", "history_size", "--y-range", "1:20",
                                  "--grid", "5", "--steps", "3", "--size", "640x480", "-o", "h.png", "--data", "-"], in: dir)
        XCTAssertEqual(wide.status, 0, wide.stderr)
        XCTAssertEqual(try column("history_size", of: wide.stdout), ["1.0", "6.0", "11.0", "16.0"])
        let byDefault = try runDLPlot(["stability", "bowl", "--optimizer", "lbfgs", "--y", "max_iter", "--grid", "30", "--steps", "3",
                                       "--size", "640x480", "-o", "d.png", "--data", "-"], in: dir)
        XCTAssertEqual(byDefault.status, 0, byDefault.stderr)
        XCTAssertEqual(try column("max_iter", of: byDefault.stdout), (1...20).map { "\(Double($0))" })
    }

    func testRangesThatCannotBeSweptAreRefusedAsTyped() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], String)] = [
            (["--optimizer", "lbfgs", "--y", "max_iter", "--y-range", "1.2:1.8"],
             "Error: invalid --y-range '1.2:1.8': max_iter takes whole numbers and this range holds none; give one holding two or more, e.g. 1:5\n"),
            (["--optimizer", "lbfgs", "--y", "history_size", "--y-range", "2:2.5"],
             "Error: invalid --y-range '2:2.5': history_size takes whole numbers and this range holds only one; give one holding two or more, e.g. 1:5\n"),
            (["--optimizer", "lbfgs", "--y", "max_iter", "--y-range", "1:100", "--log-y"],
             "Error: invalid --log-y: max_iter takes whole numbers, swept evenly; drop --log-y\n"),
            (["--optimizer", "rprop", "--y", "etaminus", "--y-range", "0.1:2"],
             "Error: invalid --y-range '0.1:2': rprop's etaminus cannot be 2; expected 0 < etaminus < 1\n"),
        ]
        for (arguments, message) in cases {
            let r = try runDLPlot(["stability", "bowl", "--x", "lr"] + arguments + ["-o", "x.png"], in: dir)
            XCTAssertEqual(r.status, 64, "\(arguments)")
            XCTAssertEqual(r.stderr, message, "\(arguments)")
        }
        XCTAssertEqual(listing(dir), [])
    }
}
