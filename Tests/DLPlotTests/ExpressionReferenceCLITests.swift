import Foundation
import XCTest

/// expressions.json through the numbers contract of the command line (`dlplot eval activation EXPR
/// [--param k=v]... --x LIST` and `dlplot eval surface EXPR --points x:y,...`), as the acceptance checks
/// use it: every case and point, in JSON and in CSV, the expression after `--` (several start with '-').
final class ExpressionReferenceCLITests: XCTestCase {
    private func params(_ entry: [String: Any]) -> [String] {
        (entry["params"] as? [String: Any] ?? [:]).sorted { $0.key < $1.key }.flatMap { key, value -> [String] in
            ["--param", "\(key)=\(arg((value as? NSNumber)?.doubleValue ?? .nan))"]
        }
    }

    /// Torch's value or the exact one, within 1e-12 relative + 1e-15 absolute.
    private func matches(_ got: Double, _ p: [String: Any], _ key: String) -> Bool {
        [p[key], p[key + "_exact"]].compactMap { ($0 as? NSNumber)?.doubleValue }.contains { close(got, $0) }
    }

    /// The columns of a CSV table printed by eval, by header name.
    private func csvColumns(_ text: String) -> [String: [Double]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        guard let header = lines.first else { return [:] }
        var out: [String: [Double]] = [:]
        for (i, name) in header.enumerated() { out[name] = lines.dropFirst().map { Double($0[i]) ?? .nan } }
        return out
    }

    func testEveryOneDimensionalCaseThroughEvalActivation() throws {
        let cases = try XCTUnwrap(try referenceJSON("expressions")["one_d"] as? [[String: Any]])
        XCTAssertEqual(cases.count, 16)
        var checked = 0
        for entry in cases {
            let source = try XCTUnwrap(entry["expression"] as? String)
            let points = try XCTUnwrap(entry["points"] as? [[String: Any]])
            let xs = points.compactMap { ($0["x"] as? NSNumber)?.doubleValue }
            let base = ["eval", "activation", "--x", xs.map(arg).joined(separator: ",")] + params(entry)
            let json = try runDLPlot(base + ["--format", "json", "--", source])
            XCTAssertEqual(json.status, 0, "\(source): \(json.stderr)")
            let object = try parseJSON(json.stdout)
            let csv = try runDLPlot(base + ["--", source])
            XCTAssertEqual(csv.status, 0, "\(source): \(csv.stderr)")
            let table = csvColumns(csv.stdout)
            XCTAssertEqual(numbers(object["x"]), xs, source)
            XCTAssertEqual(table["x"], xs, source)
            for (name, printed) in [("JSON", (numbers(object["y"]), numbers(object["dy"]))), ("CSV", (table["y"] ?? [], table["dy"] ?? []))] {
                XCTAssertEqual(printed.0.count, points.count, "\(source) \(name)")
                for (i, p) in points.enumerated() where i < printed.0.count && i < printed.1.count {
                    XCTAssertTrue(matches(printed.0[i], p, "y"), "\(source) at x = \(xs[i]) (\(name)): y = \(printed.0[i])")
                    XCTAssertTrue(matches(printed.1[i], p, "dy"), "\(source) at x = \(xs[i]) (\(name)): dy = \(printed.1[i])")
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, 2 * 91)
    }

    func testEveryTwoDimensionalCaseThroughEvalSurface() throws {
        let cases = try XCTUnwrap(try referenceJSON("expressions")["two_d"] as? [[String: Any]])
        XCTAssertEqual(cases.count, 8)
        var checked = 0
        for entry in cases {
            let source = try XCTUnwrap(entry["expression"] as? String)
            let points = try XCTUnwrap(entry["points"] as? [[String: Any]])
            let xy = points.compactMap { p -> (Double, Double)? in
                guard let x = (p["x"] as? NSNumber)?.doubleValue, let y = (p["y"] as? NSNumber)?.doubleValue else { return nil }
                return (x, y)
            }
            let base = ["eval", "surface", "--points", xy.map { "\(arg($0.0)):\(arg($0.1))" }.joined(separator: ",")] + params(entry)
            let json = try runDLPlot(base + ["--format", "json", "--", source])
            XCTAssertEqual(json.status, 0, "\(source): \(json.stderr)")
            let object = try parseJSON(json.stdout)
            let csv = try runDLPlot(base + ["--", source])
            XCTAssertEqual(csv.status, 0, "\(source): \(csv.stderr)")
            let table = csvColumns(csv.stdout)
            XCTAssertEqual(csv.stdout.split(separator: "\n").first, "x,y,f,dfdx,dfdy")
            for (name, column) in [("JSON", { (key: String) in numbers(object[key]) }), ("CSV", { (key: String) in table[key] ?? [] })] {
                XCTAssertEqual(column("x"), xy.map(\.0), "\(source) \(name)")
                XCTAssertEqual(column("y"), xy.map(\.1), "\(source) \(name)")
                let (f, gx, gy) = (column("f"), column("dfdx"), column("dfdy"))
                XCTAssertEqual(f.count, points.count, "\(source) \(name)")
                for (i, p) in points.enumerated() where i < f.count && i < gx.count && i < gy.count {
                    let at = "\(source) at (\(xy[i].0), \(xy[i].1)) (\(name))"
                    XCTAssertTrue(matches(f[i], p, "f"), "\(at): f = \(f[i])")
                    XCTAssertTrue(matches(gx[i], p, "dfdx"), "\(at): df/dx = \(gx[i])")
                    XCTAssertTrue(matches(gy[i], p, "dfdy"), "\(at): df/dy = \(gy[i])")
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, 2 * 27)
    }
}
