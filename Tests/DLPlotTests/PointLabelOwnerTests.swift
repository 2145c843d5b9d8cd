import Foundation
import TestSupport
import XCTest

/// Y9-1 and F-3: on six-hump camel the start circle went unlabelled, and at 1920×1080, --font-scale 1.3 a
/// "saddle" label sat 51 px from its diamond and 71 px from a local minimum's triangle, stacked over another
/// "saddle": a reader could not tell which marker a label named. Every marker is labelled or keyed, and
/// each label is clearly nearer its own marker than any other.
final class PointLabelOwnerTests: XCTestCase {
    /// The camel's marked points: global minima, saddles, local minima and the default start.
    static let markers: [(kind: String, x: Double, y: Double)] =
        [("min", 0.0898420131, -0.7126564030), ("min", -0.0898420131, 0.7126564030), ("start", -1.5, -0.8)]
        + [(0, 0), (1.1092053368, -0.7682680925), (-1.1092053368, 0.7682680925), (1.2960702672, 0.6050843880),
           (-1.2960702672, -0.6050843880), (1.6380679842, 0.2286740690), (-1.6380679842, -0.2286740690)].map { ("saddle", $0.0, $0.1) }
        + [(-1.7036067150, 0.7960835687), (1.7036067150, -0.7960835687), (1.6071047529, 0.5686514549),
           (-1.6071047529, -0.5686514549)].map { ("local min", $0.0, $0.1) }

    private func elements(_ dir: URL) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("c.json")))
        return (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
    }

    private static func box(_ e: [String: Any]) -> [Double] { (e["box"] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue } }

    /// The distance from (x, y) to the nearest point of box [x, y, w, h] (0 inside).
    private static func distance(_ b: [Double], _ x: Double, _ y: Double) -> Double {
        let dx = max(b[0] - x, 0, x - b[0] - b[2]), dy = max(b[1] - y, 0, y - b[1] - b[3])
        return (dx * dx + dy * dy).squareRoot()
    }

    func testEveryCamelLabelIsClearlyItsOwnMarkers() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for extra in [[], ["--optimizers", "gd,adam,rmsprop,momentum", "--size", "1920x1080", "--font-scale", "1.3", "--theme", "dark"]] {
            let r = try runDLPlot(["surface", "six_hump_camel", "-o", "c.png", "--layout-report", "c.json"] + extra, in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let all = try elements(dir)
            // Data to pixels from the tick labels' centres (x −1 and 1, y 0.0 and 0.5).
            func centre(_ text: String, _ axis: Int) throws -> Double {
                let e = try XCTUnwrap(all.first { $0["kind"] as? String == "tick-label" && $0["text"] as? String == text }, text)
                let b = Self.box(e)
                return axis == 0 ? b[0] + b[2] / 2 : b[1] + b[3] / 2
            }
            let (xa, xb, ya, yb) = (try centre("−1", 0), try centre("1", 0), try centre("0.0", 1), try centre("0.5", 1))
            let device = Self.markers.map { m in (m.kind, xa + (m.x + 1) / 2 * (xb - xa), ya + m.y / 0.5 * (yb - ya)) }
            let labels = all.filter { $0["kind"] as? String == "point-label" }
            // The start circle and the local minima's triangles are labelled or keyed (before: neither for the start).
            let legend = all.filter { $0["kind"] as? String == "legend" }.compactMap { $0["text"] as? String }.joined(separator: "; ")
            let rows = legend.components(separatedBy: "; ")
            XCTAssertTrue(rows.contains("local min") || labels.contains { $0["text"] as? String == "local min" }, legend)
            if extra.isEmpty { XCTAssertTrue(labels.contains { $0["text"] as? String == "start" }, legend) }
            var owners: [Int] = []
            for label in labels {
                let text = label["text"] as? String ?? "", b = Self.box(label)
                let d = device.map { Self.distance(b, $0.1, $0.2) }
                let order = d.indices.sorted { d[$0] < d[$1] }
                XCTAssertEqual(device[order[0]].0, text, "\(extra): '\(text)' at \(b) is nearest a \(device[order[0]].0)")
                // Clearly nearer its own: the next marker at least 1.1 times as far (slack for the tick mapping).
                XCTAssertGreaterThan(d[order[1]], 1.1 * d[order[0]], "\(extra): '\(text)' at \(b): \(d[order[0]]) px from its marker, \(d[order[1]]) px from a \(device[order[1]].0)")
                owners.append(order[0])
            }
            XCTAssertEqual(Set(owners).count, owners.count, "\(extra): two labels for one marker: \(owners)")
        }
    }
}

/// Y9-2: `surface saddle --optimizers gd --lr 0.1 --start=2,3`: the start lies on the top edge and step 1
/// leaves through it; the exit arrowhead lay under the start circle, an orange chip beside it. One arrow
/// now shows, from the circle outward over the frame, in the run's colour.
final class StartExitArrowTests: XCTestCase {
    func testAnExitFromAStartOnTheEdgeIsSeen() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["surface", "saddle", "--optimizers", "gd", "--lr", "0.1", "--start=2,3", "-o", "t.png",
                               "--layout-report", "t.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("t.json")))
        let all = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
        func centre(_ text: String, _ axis: Int) throws -> Double {
            // "2" and "3" label both axes: the x axis's lies lowest, the y axis's leftmost.
            let boxes = all.filter { $0["kind"] as? String == "tick-label" && $0["text"] as? String == text }
                .map { e in (e["box"] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue } }
            let b = try XCTUnwrap(axis == 0 ? boxes.max { $0[1] < $1[1] } : boxes.min { $0[0] < $1[0] }, text)
            return axis == 0 ? b[0] + b[2] / 2 : b[1] + b[3] / 2
        }
        // The start (2, 3): x at the tick "2", y at the tick "3" (the frame's top).
        let (sx, top) = (try centre("2", 0), try centre("3", 1))
        let png = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("t.png"))))
        // The run's orange above the frame, up and to the left of the start (step 1 goes to (1.6, 3.6)).
        var orange = 0
        for y in Int(top) - 34..<Int(top) - 6 {
            for x in Int(sx) - 40..<Int(sx) + 4 {
                let p = png.pixel(x, y)
                if Int(p.r) - Int(p.b) > 100 && p.g > 60 { orange += 1 }
            }
        }
        // Before: none (the head lay on the frame's edge under the circle).
        XCTAssertGreaterThan(orange, 25, "the exit arrow is not seen above the start")
    }
}
