import Foundation
import Viz
import XCTest
@testable import dlplot

/// Paths over a surface (computed and from files) are data: notes and point labels keep off them, and
/// the layout report counts them under text.
final class UserPathLayoutTests: XCTestCase {
    private func file(_ name: String, _ text: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Two runs of gradient descent on Rosenbrock from (−1.5, 2), as a user's script logs them.
    private func gradientDescent() -> String {
        var text = "label,step,x,y\n"
        for lr in [0.001, 0.002] {
            var (x, y) = (-1.5, 2.0)
            for k in 0...300 {
                text += "my gd \(lr),\(k),\(x),\(y)\n"
                let gx = -2 * (1 - x) - 400 * x * (y - x * x), gy = 200 * (y - x * x)
                (x, y) = (x - lr * gx, y - lr * gy)
            }
        }
        return text
    }

    private func assertTextOffPaths(_ r: LayoutReport, _ what: String) {
        XCTAssertEqual(LayoutChecks.problems(r), [], what)
        // The minimum's label may sit on the paths that converge there; the start's and the notes may not.
        for e in r.elements where e.kind == .annotation || e.kind == .pointLabel && e.text == "start" {
            XCTAssertEqual(e.covers, 0, "\(what): \(e.kind.rawValue) '\(e.text)' at \(e.box)")
        }
    }

    func testNotesAndLabelsKeepOffThePaths() throws {
        let dir = try makeTemporaryDirectory()
        let mine = try file("mypaths.csv", gradientDescent(), in: dir)
        let leave = try file("leave.csv", "x,y\n-1,1\n0,0.5\n3,5\n4,6\n0.5,0.5\n1,1\n5,5\n6,6\n", in: dir)
        let nan = try file("nanpath.jsonl", "{\"step\": 0, \"x\": -1, \"y\": 1}\n{\"step\": 1, \"x\": -0.5, \"y\": 0.5}\n"
            + "{\"step\": 2, \"x\": 0, \"y\": 0.2}\n{\"step\": 3, \"x\": NaN, \"y\": 0}\n", in: dir)
        let paths = ["--path", mine, "--path", leave, "--path", nan, "--optimizers", "adam"]
        for extra in [["--size", "1600x1600", "--legend", "none"], ["--size", "1920x1080"], []] {
            let r = try LayoutSweepTests.report(["surface", "rosenbrock"] + paths + extra)
            assertTextOffPaths(r, extra.joined(separator: " "))
        }
        let sep = try file("sep.csv", """
            x1,x2,label
            -1.472,-0.794,0\n1.792,-0.690,1\n-1.133,-0.197,0\n2.836,0.601,1\n-2.530,-0.556,0\n2.073,-0.447,1
            -1.345,-0.788,0\n1.429,0.855,1\n-2.658,0.613,0\n2.601,-0.613,1\n-1.620,0.254,0\n2.464,0.709,1
            -2.760,-0.827,0\n2.212,0.343,1\n-2.012,-0.644,0\n1.947,-0.821,1\n-2.869,0.731,0\n2.095,-0.400,1
            -2.818,0.145,0\n2.765,0.696,1\n-2.017,-0.172,0\n2.198,-0.138,1\n-1.323,-0.390,0\n2.625,-0.914,1
            -1.093,0.253,0\n1.561,0.069,1\n-1.942,-0.314,0\n2.995,-0.609,1\n-1.826,-0.595,0\n2.265,-0.447,1

            """, in: dir)
        assertTextOffPaths(try LayoutSweepTests.report(["surface", "logreg_bce", "--dataset", sep, "--optimizers", "gd,adam"]), "logreg_bce")
    }
}
