import Foundation
import XCTest
@testable import dlplot

/// Crowded figures either draw with every legend clear of the data, or are refused in one line whose
/// advice works when followed (tried as a new user would: the font scale a refusal offered gave 18-pixel
/// plots in 6-pixel type, and a legend shrunk to fit was laid over the curves it names).
final class RefusalAdviceTests: XCTestCase {
    static let twelve = "gd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,nadam,radam,adamax,lion"

    /// Runs `arguments` with a layout report; returns the exit status, standard error and the report.
    private func run(_ arguments: [String], in dir: URL) throws -> (status: Int32, stderr: String, report: [String: Any]?) {
        let r = try runDLPlot(arguments + ["-o", "f.png", "--layout-report", "f.json"], in: dir)
        let data = try? Data(contentsOf: dir.appendingPathComponent("f.json"))
        try? FileManager.default.removeItem(at: dir.appendingPathComponent("f.json"))
        return (r.status, r.stderr, try data.flatMap { try JSONSerialization.jsonObject(with: $0) as? [String: Any] })
    }

    /// The legends that cover data, and the shortest plot side in tick-label heights.
    private func check(_ report: [String: Any], _ line: String) {
        let elements = report["elements"] as? [[String: Any]] ?? []
        for e in elements where e["kind"] as? String == "legend" {
            XCTAssertEqual(e["covers"] as? Int, 0, "\(line): the legend covers data")
        }
        let ticks = elements.filter { $0["kind"] as? String == "tick-label" }.compactMap { $0["box"] as? [Double] }
        let tick = ticks.map { $0[3] }.min() ?? 0
        for f in report["frames"] as? [[String: Any]] ?? [] {
            guard let b = f["box"] as? [Double] else { continue }
            // A plot with axes: tick labels left of it or below it (a panel that only holds a legend has none).
            let hasAxes = ticks.contains { t in
                let cx = t[0] + t[2] / 2, cy = t[1] + t[3] / 2
                return (cy >= b[1] && cy <= b[1] + b[3] && cx < b[0]) || (cx >= b[0] - 5 && cx <= b[0] + b[2] + 5 && cy > b[1] + b[3] && cy < b[1] + b[3] + 3 * tick)
            }
            guard hasAxes else { continue }
            XCTAssertGreaterThanOrEqual(min(b[2], b[3]), 3 * tick, "\(line): a plot of \(b[2])x\(b[3]) pixels")
        }
    }

    func testCrowdedFiguresDrawCleanOrSayWhatFits() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = [
            "pitfalls --font-scale 2 --theme dark --size 1280x720",
            "vanishing --activations sigmoid,tanh,relu,gelu,elu,selu,silu --font-scale 1.5 --size 1280x720",
            "loss --gradients --font-scale 1.5 --size 1280x720",
            "xor --font-scale 2 --size 1280x720",
            "steps --optimizer adam --surface beale --font-scale 2 --size 1280x720",
            "surface rosenbrock --optimizers \(Self.twelve) --size 640x480 --font-scale 1.5",
            "surface himmelblau --view 3d --font-scale 2 --size 1920x1080",
            "xor --size 3x2in",
            "activation sigmoid --size 100x60",
        ]
        var followed = 0
        for line in lines {
            let args = line.split(separator: " ").map(String.init)
            let first = try run(args, in: dir)
            if first.status == 0 {
                if let report = first.report { check(report, line) } else { XCTFail("\(line): no report") }
                continue
            }
            XCTAssertEqual(first.status, 64, line + ": " + first.stderr)
            XCTAssertEqual(first.stderr.split(separator: "\n").count, 1, line + ": one line: " + first.stderr)
            // Each way out it names: a size (with the resolution that keeps the text's size) or a font scale.
            let message = first.stderr
            var ways: [[String]] = []
            if let m = message.firstMatch(of: /'([0-9.]+x[0-9.]+(?:in|cm)?)'(?: with --dpi ([0-9]+))? fits/) {
                var way = ["--size", String(m.1)]
                if let dpi = m.2 { way += ["--dpi", String(dpi)] }
                ways.append(way)
            }
            if let m = message.firstMatch(of: /--font-scale ([0-9.]+)(?: fits| or more|$)/) { ways.append(["--font-scale", String(m.1)]) }
            XCTAssertFalse(ways.isEmpty, line + ": the refusal names what fits: " + message)
            for way in ways {
                var retry = args
                for k in stride(from: 0, to: way.count, by: 2) {
                    if let i = retry.firstIndex(of: way[k]) { retry.removeSubrange(i...(i + 1)) }
                    retry += [way[k], way[k + 1]]
                }
                let again = try run(retry, in: dir)
                XCTAssertEqual(again.status, 0, "following '\(message)': \(retry.joined(separator: " ")): \(again.stderr)")
                if let report = again.report { check(report, retry.joined(separator: " ")) }
                followed += 1
            }
        }
        XCTAssertGreaterThan(followed, 6, "most of these are refused and their advice followed")
    }

    func testOnTheDefaultPageACrowdedFigureGrowsThePage() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The legend used to cover three quarters of the plot.
        let r = try run(["pitfalls", "--font-scale", "2"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("does not fit the default 1280x720 page at --font-scale 2; drawn on "), r.stderr)
        let report = try XCTUnwrap(r.report)
        XCTAssertGreaterThan(report["width"] as? Double ?? 0, 1280)
        XCTAssertLessThanOrEqual(report["width"] as? Double ?? .infinity, 2560)
        // The grown page shrinks the text on a screen of the same size: the note says how large it still is.
        let relative = try XCTUnwrap(r.stderr.firstMatch(of: /drawn on (\d+)x\d+, where its text is ([0-9.]+) times the default's size for the page/))
        XCTAssertEqual(try XCTUnwrap(Double(relative.2)), 2 * 1280 / (report["width"] as? Double ?? 1), accuracy: 0.006)
        check(report, "pitfalls --font-scale 2")
    }

    func testTextTooSmallToReadIsRefusedWithTheLeastLegibleScale() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["xor", "--size", "3x2in", "--font-scale", "0.31"], in: dir)
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderr, "Error: invalid --font-scale '0.31': the smallest text would be 6.2 pixels high at 160 dpi; give --font-scale 0.40 or more\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("f.png").path))
        // A pixel size is drawn at 96 dpi or more: 480×270 keeps 8-pixel text rather than 5-pixel text.
        let small = try run(["activation", "relu", "--size", "480x270", "--no-subtitle"], in: dir)
        if small.status == 0, let report = small.report {
            let ticks = (report["elements"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "tick-label" }
            let heights = ticks.compactMap { ($0["box"] as? [Double])?[3] }
            XCTAssertGreaterThanOrEqual(heights.min() ?? 0, 12, "tick labels at 96 dpi")
        } else {
            XCTAssertEqual(small.status, 64, small.stderr)
        }
    }

    // On the default page the font scale named is the largest that renders on the grown page (--font-scale
    // 2.9 was told 1.34 while 2.8 rendered).
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
