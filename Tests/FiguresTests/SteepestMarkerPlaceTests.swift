import Optim
import Viz
import XCTest
@testable import Figures

/// X13-38: at a kink the ◆ of "max |f′| = 1 for x > 0" sat on the jump's open end, (0, 1), where f′(0) = 0.55
/// (torch's tie value): a reader saw f′ take 1 at the kink. The ◆ goes inside the interval it describes.
final class SteepestMarkerPlaceTests: XCTestCase {
    private func diamonds(_ formula: String, range: ClosedRange<Double> = -6...6) throws -> [Point] {
        let a = try Activation(expression: MathExpression(formula))
        var figure = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: [a], range: range).build(into: &figure)
        let marks = try XCTUnwrap(figure.panels.first).axes.marks
        return marks.compactMap { $0 as? ScatterMark }.filter { $0.shape == .diamond }.flatMap(\.points)
    }

    func testTheDiamondOfAnIntervalIsInsideIt() throws {
        let leaky = try diamonds("max(x, 0.1*x)")
        XCTAssertEqual(leaky.count, 1)
        let p = try XCTUnwrap(leaky.first)
        XCTAssertGreaterThan(p.x, 0.1, "right of the kink at 0, inside x > 0")
        XCTAssertLessThan(p.x, 1)
        XCTAssertEqual(p.y, 1, accuracy: 1e-12, "on f′ = 1, where f′ takes that value")
        let kinks = try diamonds("abs(x) + relu(x - 1)", range: -2...3)
        let q = try XCTUnwrap(kinks.first)
        XCTAssertGreaterThan(q.x, 1.05, "right of the kink at 1")
        XCTAssertEqual(q.y, 2, accuracy: 1e-12)
        // A maximum at a point (tanh at 0) stays where it is.
        XCTAssertEqual(try diamonds("tanh(x)").first?.x ?? .nan, 0, accuracy: 1e-9)
    }
}
