import XCTest
@testable import Optim

final class StabilityMapTests: XCTestCase {
    /// Momentum on `bowl` (λ = 2): each row's first diverged lr is within one grid cell of
    /// lr·λ = 2(1 + β), the heavy-ball stability boundary.
    func testMomentumBoundaryOnBowl() throws {
        let lrs = (0..<81).map { 0.025 * Double($0 + 1) }   // 0.025 ... 2.025
        let betas = (0..<10).map { 0.1 * Double($0) }      // 0 ... 0.9
        let map = try StabilityMap(surface: try Surface(named: "bowl"), optimizer: "sgd",
                                   x: ("lr", lrs), y: ("momentum", betas), start: Point2(1.5, -1), steps: 600)
        XCTAssertEqual(try XCTUnwrap(StabilityMap.curvatures(of: try Surface(named: "bowl"))), [2, 2])
        for (j, beta) in betas.enumerated() {
            let row = Array(map.diverged[(j * lrs.count)..<((j + 1) * lrs.count)])
            let boundary = try XCTUnwrap(StabilityMap.largestStableLR(surface: try Surface(named: "bowl"), momentum: beta, nesterov: false))
            XCTAssertEqual(boundary, 1 + beta, accuracy: 1e-9)
            let first = try XCTUnwrap(row.firstIndex(of: true), "β = \(beta): nothing diverged")
            XCTAssertFalse(row[..<first].contains(true))
            XCTAssertTrue(row[first...].allSatisfy { $0 }, "β = \(beta): stable again past the boundary")
            XCTAssertLessThanOrEqual(abs(lrs[first] - boundary), 0.025 + 1e-12, "β = \(beta): first diverged lr \(lrs[first])")
        }
    }

    func testStepsToToleranceAndErrors() throws {
        let map = try StabilityMap(surface: try Surface(named: "bowl"), optimizer: "sgd",
                                   x: ("lr", [0.25, 0.5]), y: ("momentum", [0]), start: Point2(1, 0), steps: 100,
                                   measure: .stepsToTolerance(1e-6))
        // lr 0.5 on x² + y²: one step to the minimum; lr 0.25 halves x per step: f = 4^-k ≤ 1e-6 at k = 10.
        XCTAssertEqual(map.values, [10, 1])
        // Heavy ball lr 0.1, β 0.9 from (1, 0): x² first dips under 10⁻² at step 3, climbs out again and stays
        // under it from step 42 on (by hand: b₁ = g₁, b_k = 0.9·b_{k−1} + g_k, x ← x − 0.1·b); β 0.5: step 5 both.
        let ringing = try StabilityMap(surface: try Surface(named: "bowl"), optimizer: "sgd", x: ("lr", [0.1]),
                                       y: ("momentum", [0.9, 0.5]), start: Point2(1, 0), steps: 100, measure: .stepsToTolerance(1e-2))
        XCTAssertEqual(ringing.values, [42, 5])
        XCTAssertThrowsError(try StabilityMap(surface: try Surface(named: "bowl"), optimizer: "adam", x: ("lr", [0.1]),
                                              y: ("rho", [0.9]), start: Point2(1, 1), steps: 10))
        XCTAssertNil(StabilityMap.curvatures(of: try Surface(named: "himmelblau")))
        XCTAssertEqual(try XCTUnwrap(StabilityMap.curvatures(of: try Surface(named: "ellipse"))), [0.2, 4])
    }

    /// A typed surface runs each chunk of cells side by side through one tape pass a step: the same
    /// numbers, cell for cell, as running each cell on its own (`cell`, the path built-ins take), for
    /// both measures, with diverging and oscillating cells among them.
    func testTypedSurfaceCellsSideBySideEqualCellsOneByOne() throws {
        let surface = Surface(expression: try MathExpression("x^4 - 2*x^2 + 0.5*y^2 + 0.1*x*y", dimension: 2))
        let lrs = [0.001, 0.01, 0.05, 0.1, 0.3, 0.6, 1.2], betas = [0, 0.5, 0.9]
        for measure in [StabilityMap.Measure.finalLoss, .stepsToTolerance(1e-3)] {
            for name in ["sgd", "adam"] {
                let y = name == "sgd" ? ("momentum", betas) : ("beta1", betas)
                let map = try StabilityMap(surface: surface, optimizer: name, x: ("lr", lrs), y: y, start: Point2(1.7, -1.3),
                                           steps: 150, measure: measure)
                var k = 0
                for b in betas {
                    for lr in lrs {
                        let config = try OptimizerConfig(name: name, settings: ["lr": .number(lr), y.0: .number(b)])
                        let (v, bad) = StabilityMap.cell(surface: surface, config: config, start: Point2(1.7, -1.3), steps: 150,
                                                         offset: surface.minimumValue ?? 0, measure: measure)
                        XCTAssertEqual(map.diverged[k], bad, "\(name) lr \(lr) \(y.0) \(b)")
                        XCTAssertTrue(map.values[k] == v || (map.values[k].isNaN && v.isNaN), "\(name) lr \(lr): \(map.values[k]) vs \(v)")
                        k += 1
                    }
                }
                if name == "sgd" { XCTAssertTrue(map.diverged.contains(true) && map.diverged.contains(false), "the grid has both kinds") }
            }
        }
    }
}
