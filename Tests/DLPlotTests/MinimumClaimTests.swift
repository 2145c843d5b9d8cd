import Foundation
import XCTest

/// What a surface figure says of its minimum is true wherever the view is (tried as a new user would: over
/// ±10⁶ Rosenbrock's minimum read "min (0, 0)"; a zoom on one dip of a wavy typed bowl starred it "min";
/// e^{10x} + y², which has no minimum, got its view stretched to x = −11 and a star on the edge there).
final class MinimumClaimTests: XCTestCase {
    private func texts(_ arguments: [String], in dir: URL) throws -> (labels: [String], all: String, xTicks: [String]) {
        let options = ["-o", "f.png", "--layout-report", "f.json"]
        let r = try runDLPlot(Array(arguments.prefix(1)) + options + arguments.dropFirst(), in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json")))
        let elements = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
        let labels = elements.filter { $0["kind"] as? String == "point-label" }.map { $0["text"] as? String ?? "" }
        let ticks = elements.filter { $0["kind"] as? String == "tick-label" && ($0["axis"] as? String ?? "x") == "x" }
            .compactMap { $0["text"] as? String }
        return (labels, elements.compactMap { $0["text"] as? String }.joined(separator: "\n"), ticks)
    }

    func testAMinimumInAWideViewKeepsItsCoordinates() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wide = ["--optimizers", "gd", "--lr", "5", "--xrange", "-1e6:1e6", "--yrange", "-1e6:1e6", "--steps", "50"]
        XCTAssertEqual(try texts(["surface", "rosenbrock"] + wide, in: dir).labels.filter { $0.hasPrefix("min") }, ["min (1, 1)"])
        XCTAssertEqual(try texts(["surface", "beale"] + wide, in: dir).labels.filter { $0.hasPrefix("min") }, ["min (3, 0.5)"])
        // Round-off is still dropped: the typed bowl's minimum (−1.31, 0) is no "(−1.31, −3.12×10⁻²⁰)".
        let sc = try texts(["surface", "sin(x)*cos(y) + 0.1*(x^2 + y^2)", "--optimizers", "gd"], in: dir)
        XCTAssertTrue(sc.labels.contains("min (−1.31, 0)"), "\(sc.labels)")
    }

    func testAZoomOnALocalMinimumSaysTheMinimumIsOutside() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let zoom = try texts(["surface", "sin(3*x)*cos(3*y) + 0.1*(x^2+y^2)", "--optimizers", "gd", "--lr", "0.05",
                              "--xrange", "1:2", "--yrange", "1.5:2.5"], in: dir)
        XCTAssertFalse(zoom.labels.contains { $0.hasPrefix("min") }, "\(zoom.labels)")
        XCTAssertTrue(zoom.labels.contains("local min"), "\(zoom.labels)")
        XCTAssertTrue(zoom.all.contains("the minimum (−0.512, 0) is outside the view"), zoom.all)
        // A zoom that holds the minimum still stars it.
        let around = try texts(["surface", "sin(3*x)*cos(3*y) + 0.1*(x^2+y^2)", "--optimizers", "gd", "--lr", "0.05",
                                "--xrange", "-1:0", "--yrange", "-0.5:0.5"], in: dir)
        XCTAssertEqual(around.labels.filter { $0.hasPrefix("min") }, ["min (−0.512, 0)"])
    }

    func testASurfaceWithoutAMinimumGetsNoStarAndKeepsItsView() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for formula in ["exp(10*x)+y^2", "exp(20*x)+y^2", "exp(3*x)+y^2"] {
            let t = try texts(["surface", formula, "--optimizers", "gd,adam"], in: dir)
            XCTAssertFalse(t.labels.contains { $0.hasPrefix("min") }, "\(formula): \(t.labels)")
            XCTAssertTrue(t.all.contains("no minimum found inside the view"), "\(formula): \(t.all)")
            XCTAssertEqual(t.xTicks.first, "−3", "\(formula): \(t.xTicks)")
        }
        // A degenerate minimum is still found, and at its place.
        let quartic = try texts(["surface", "x^4 + y^6", "--optimizers", "gd"], in: dir)
        XCTAssertEqual(quartic.labels.filter { $0.hasPrefix("min") }, ["min (0, 0)"])
    }

    /// A ring of minima is one curve, drawn once and said in the footnote, not 24 stars; the learning rate is
    /// chosen by f, so the default runs reach the ring (gd was given 10⁻⁴ and ended at f = 1.76).
    func testACurveOfMinimaIsDrawnOnceAndTheRunsReachIt() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ring = try texts(["surface", "(x^2+y^2-4)^2", "--optimizers", "gd,adam"], in: dir)
        XCTAssertFalse(ring.labels.contains { $0.hasPrefix("min") }, "\(ring.labels)")
        XCTAssertTrue(ring.all.contains("the minimum is no point but a curve: f = 0 along the white line"), ring.all)
        // Each run's end "→ (1.42, 1.42)" lies on the ring r = 2.
        let ends = ring.all.components(separatedBy: "→ (").dropFirst().map { $0.prefix { $0 != ")" }.split(separator: ",") }
            .map { $0.compactMap { Double($0.trimmingCharacters(in: .whitespaces)) } }
        XCTAssertEqual(ends.count, 2, ring.all)
        for e in ends where e.count == 2 { XCTAssertEqual((e[0] * e[0] + e[1] * e[1]).squareRoot(), 2, accuracy: 0.05, ring.all) }
        // Circles of sin(x² + y²): no count of sampled points, no star cut by the frame; the origin is a local minimum.
        let circles = try texts(["surface", "sin(x^2+y^2)", "--optimizers", "adam", "--lr", "0.1", "--xrange", "-4:4", "--yrange", "-4:4"], in: dir)
        XCTAssertEqual(circles.labels.filter { $0.hasPrefix("min") || $0.contains("local") }, ["local min"])
        XCTAssertTrue(circles.all.contains("the minima are no points but curves: f = −1 along the white lines"), circles.all)
        XCTAssertFalse(circles.all.contains("more minima"), circles.all)
        // A line of minima (x² is 0 on x = 0) is a curve too; x⁴ + y², flat only to second order, is a point.
        XCTAssertTrue(try texts(["surface", "x^2", "--optimizers", "gd"], in: dir).all.contains("no point but a curve"))
        XCTAssertEqual(try texts(["surface", "x^4 + y^2", "--optimizers", "gd"], in: dir).labels.filter { $0.hasPrefix("min") }, ["min (0, 0)"])
        // curves: no "distance to the nearest of 28 minima", and a title that knows there is a minimum.
        let c = try texts(["curves", "--surface", "(x^2+y^2-4)^2", "--optimizers", "gd,adam"], in: dir)
        XCTAssertFalse(c.all.contains("nearest of"), c.all)
        XCTAssertTrue(c.all.contains("convergence of 2 optimizers"), c.all)
    }
}
