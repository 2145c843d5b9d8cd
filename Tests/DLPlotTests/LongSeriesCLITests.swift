import Foundation
import XCTest

/// A series made long (`DLPLOT_LONG_SERIES_POINTS`: kept in a temporary file, with only the points a plot
/// needs in memory) gives the same `--data` bytes, the same legend and footnote texts and the same notes as
/// the same log held whole, with smoothing, an epoch or time axis, a transient NaN, a divergence and a
/// resumed run.
final class LongSeriesCLITests: XCTestCase {
    /// A 6 000-row log: steps 0–3 999, then resumed at 2 500 up to 5 499; an epoch every 500 steps, a wall time,
    /// a noisy loss with a NaN at step 777 and an inf run at 1 200–1 202, and a gradient norm that diverges at 5 000.
    private func writeLog(_ url: URL) throws {
        var lines = ["step,epoch,wall_time,loss,grad_norm"]
        var state: UInt64 = 3
        for s in Array(0..<4000) + Array(2500..<5500) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let noise = Double(state >> 11) / Double(1 << 53)
            var loss = 2 / (1 + Double(s) / 300) + 0.05 * noise
            if s == 777 { loss = .nan } else if (1200...1202).contains(s) { loss = .infinity }
            let norm = s >= 5000 ? "nan" : "\(1 + noise)"
            lines.append("\(s),\(s / 500),\(1.7e9 + Double(s) * 0.25),\(loss),\(norm)")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    /// The texts of the layout report (kind and text of every element, boxes left out: the drawn vertices differ).
    private func texts(_ url: URL) throws -> [String] {
        let json = try parseJSON(try String(contentsOf: url, encoding: .utf8))
        let elements = json["elements"] as? [[String: Any]] ?? []
        return elements.map { "\($0["kind"] ?? "") \($0["text"] ?? "")" }
    }

    func testALongSeriesReportsWhatTheWholeSeriesReports() throws {
        let dir = try makeTemporaryDirectory()
        let log = dir.appendingPathComponent("log.csv")
        try writeLog(log)
        for options in [["--y", "*"], ["--y", "*", "--smooth", "0.9", "--x", "epoch"], ["--y", "loss", "--x", "time", "--smooth", "0.6"]] {
            var outputs: [(data: String, texts: [String], notes: String)] = []
            for (k, environment) in [[:], ["DLPLOT_LONG_SERIES_POINTS": "300"]].enumerated() {
                let (data, report) = (dir.appendingPathComponent("d\(k).csv"), dir.appendingPathComponent("r\(k).json"))
                let r = try runDLPlot(["runs", log.path] + options + ["-o", dir.appendingPathComponent("f\(k).png").path,
                                       "--data", data.path, "--layout-report", report.path], environment: environment)
                XCTAssertEqual(r.status, 0, r.stderr)
                let notes = r.stderr.split(separator: "\n").filter { $0.hasPrefix("note:") }.joined(separator: "\n")
                outputs.append((try String(contentsOf: data, encoding: .utf8), try texts(report), notes))
            }
            // Each metric: 4 000 steps, 1 500 of them replaced by the resumed run's 3 000.
            XCTAssertEqual(outputs[0].data.split(separator: "\n").count, 1 + 5500 * (options[1] == "*" ? 2 : 1),
                           "\(options): one row per logged point")
            XCTAssertTrue(outputs[0].data == outputs[1].data, "\(options): --data differs for a long series")
            XCTAssertEqual(outputs[0].texts, outputs[1].texts, "\(options)")
            XCTAssertEqual(outputs[0].notes, outputs[1].notes, "\(options)")
            XCTAssertTrue(outputs[1].texts.contains { $0.contains("3 non-finite points from") || $0.contains("4 non-finite points from") },
                          "\(options): the transient counted over every point: \(outputs[1].texts)")
        }
    }

    func testAGroupOfLongSeriesSaysItsStatisticsUseTheKeptPoints() throws {
        let dir = try makeTemporaryDirectory()
        for seed in 0..<2 {
            let rows = (0..<2000).map { "\($0),\(1 / Double($0 + 1 + seed))" }
            try ("step,loss\n" + rows.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("a-seed\(seed).csv"),
                                                                           atomically: true, encoding: .utf8)
        }
        let r = try runDLPlot(["runs", dir.appendingPathComponent("a-seed0.csv").path, dir.appendingPathComponent("a-seed1.csv").path,
                               "--group", "seed[0-9]+", "-o", dir.appendingPathComponent("g.png").path],
                              environment: ["DLPLOT_LONG_SERIES_POINTS": "300"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("note: a-seed0 logs 2000 points of loss (and 1 more long series); group statistics use the "),
                      r.stderr)
    }

    /// A TMPDIR naming a missing directory (a stale CI setting) made a long log spin at full CPU: the series
    /// tried again, and copied whole, at every point. The temporary file now goes to /tmp instead, silently,
    /// and the figure and its data are those of an ordinary TMPDIR.
    func testAMissingTMPDIRFallsBackToTmp() throws {
        let dir = try makeTemporaryDirectory()
        let log = dir.appendingPathComponent("long.csv")
        try ("step,loss\n" + (0..<20000).map { "\($0),\(1 / (1 + Double($0) / 1000))" }.joined(separator: "\n") + "\n")
            .write(to: log, atomically: true, encoding: .utf8)
        var tables: [String] = []
        for (k, tmp) in [NSTemporaryDirectory(), "/nonexistent-dlplot-tmp"].enumerated() {
            let data = dir.appendingPathComponent("d\(k).csv")
            let r = try runDLPlot(["runs", log.path, "-o", dir.appendingPathComponent("f\(k).png").path, "--data", data.path],
                                  environment: ["DLPLOT_LONG_SERIES_POINTS": "300", "TMPDIR": tmp])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stderr, "", "no note: /tmp holds the points")
            tables.append(try String(contentsOf: data, encoding: .utf8))
        }
        XCTAssertEqual(tables[0].split(separator: "\n").count, 20001)
        XCTAssertEqual(tables[0], tables[1])
    }
}
