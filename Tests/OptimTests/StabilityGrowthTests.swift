import XCTest
@testable import Optim

/// `stability --steps 10` painted heavy-ball cells with momentum 0.99 "diverged" far inside the stable region:
/// their decaying oscillation happens to end above the start's loss at step 10. A cell diverges when it
/// ends above the start and its loss is growing (the second half of the run peaks above twice the first).
final class StabilityGrowthTests: XCTestCase {
    func testADecayingOscillationThatEndsAboveTheStartIsNotDiverged() throws {
        let bowl = try Surface(named: "bowl")
        // lr 0.366956, β 0.99 (stable: lr < 1 + β) ends at 11.17 > 10.25 after 10 steps; lr 2.5, β 0 (unstable) grows ×16 a step.
        for expression in [false, true] {
            let surface = expression ? Surface(expression: try MathExpression("x^2 + y^2", dimension: 2)) : bowl
            let map = try StabilityMap(surface: surface, optimizer: "sgd", x: ("lr", [0.366956, 2.5]), y: ("momentum", [0.99, 0]),
                                       start: Point2(2.5, 2), steps: 10)
            XCTAssertEqual(map.diverged, [false, true, false, true], "expression: \(expression)")
            XCTAssertEqual(map.values[0], 11.17, accuracy: 0.01)
        }
        XCTAssertFalse(StabilityMap.grew(final: 11, start: 10, peaks: (early: 10, late: 11), steps: 10))
        XCTAssertTrue(StabilityMap.grew(final: 30, start: 10, peaks: (early: 10, late: 30), steps: 10))
        XCTAssertTrue(StabilityMap.grew(final: 11, start: 10, peaks: (early: 10, late: 11), steps: 3))
        XCTAssertFalse(StabilityMap.grew(final: 9, start: 10, peaks: (early: 10, late: 90), steps: 10))
    }
}
