import Foundation
import XCTest

/// Y14-9 (issue 17 §4): a --path file whose first row is NaN drew nothing and said "diverged at step 0" (exit 0),
/// silently dropping the finite rows after it. A path must start at a point: refused, naming the file and line.
final class PathFirstPointTests: XCTestCase {
    func testAPathWhoseFirstPointIsNotFiniteIsRefused() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, String, String)] = [
            ("nan.csv", "x,y\nnan,1\n2,2\n", "line 2: the first point of path 'nan' is (nan, 1), not finite"),
            ("far.csv", "x,y\n0.5,-inf\n", "line 2: the first point of path 'far' is (0.5, -inf), not finite"),
            ("two.csv", "label,x,y\na,0,0\nb,inf,0\nb,1,1\n", "line 3: the first point of path 'b' is (inf, 0), not finite"),
        ]
        for (name, text, reason) in cases {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
            let r = try runDLPlot(["surface", "bowl", "--path", name, "-o", "p.png"], in: dir)
            XCTAssertEqual(r.status, 64, name)
            XCTAssertEqual(r.stderr, "Error: invalid --path '\(name)': \(reason); expected a path that starts at a finite point\n")
        }
        XCTAssertEqual(listing(dir).sorted(), ["far.csv", "nan.csv", "two.csv"])
        // NaN after a finite start is still a gap or a divergence, drawn.
        try "x,y\n1,1\nnan,1\n".write(to: dir.appendingPathComponent("later.csv"), atomically: true, encoding: .utf8)
        let later = try runDLPlot(["surface", "bowl", "--path", "later.csv", "--size", "640x480", "-o", "p.png"], in: dir)
        XCTAssertEqual(later.status, 0, later.stderr)
    }
}
