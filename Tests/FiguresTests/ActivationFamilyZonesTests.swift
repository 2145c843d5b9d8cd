import Optim
import TestSupport
import Viz
import XCTest
@testable import Figures

/// A family of one typed expression (`x*sigmoid(beta*x)`, β = 0.5, 1, 2) shades each member's zones.
final class ActivationFamilyZonesTests: XCTestCase {
    func testFamilyShadesEachMembersSaturatedTail() throws {
        let members = try [0.5, 1, 2].map { beta in
            try Activation(expression: MathExpression("x*sigmoid(beta*x)", dimension: 1, parameters: ["beta": beta]))
        }
        let recipe = ActivationFigure(activations: members)
        var figure = try Figure(width: 1280, height: 720)
        let tables = recipe.build(into: &figure)
        let zones = try XCTUnwrap(tables.first { $0.name.hasPrefix("zones") })
        XCTAssertEqual(zones.columns, ["activation", "zone", "x_from", "x_to"])
        // β = 0.5 has no tail with |f′| < 0.05 on [−6, 6] (its f′ bottoms out near −0.1 at x ≈ −4.8);
        // β = 1 and β = 2 saturate on the left, from the view's edge.
        XCTAssertEqual(zones.cells.map { $0[0] }, [.text("x*sigmoid(beta*x) beta=1.0"), .text("x*sigmoid(beta*x) beta=2.0")])
        let rows = zones.rows
        for (k, cells) in zones.cells.enumerated() {
            XCTAssertEqual(cells[1], .text("saturated"), "saturated, not dead")
            XCTAssertEqual(rows[k][2], -6)
            // The edge is where |f′| = τ = 0.05.
            XCTAssertEqual(abs(members[k + 1].derivative(rows[k][3])), 0.05, accuracy: 1e-6, "edge for β = \([1.0, 2][k])")
        }
        // f′_β(x) = g′(βx): the zone edge scales as 1/β, so β = 2 saturates from half the distance.
        XCTAssertEqual(rows[1][3] * 2, rows[0][3], accuracy: 1e-6)
        XCTAssertEqual(rows[0][3], -4.0826, accuracy: 1e-3)

        // The figure with its bands renders to a PNG that decodes.
        let png = try DecodedPNG(try figure.render(as: .png))
        XCTAssertEqual(png.width, 1280)
    }

    func testNoZonesWhenTurnedOff() throws {
        let members = try [1.0, 2].map { try Activation(expression: MathExpression("x*sigmoid(beta*x)", dimension: 1, parameters: ["beta": $0])) }
        var figure = try Figure(width: 640, height: 360)
        let tables = ActivationFigure(activations: members, zones: false).build(into: &figure)
        XCTAssertNil(tables.first { $0.name.hasPrefix("zones") })
    }
}
