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
        XCTAssertEqual(zones.columns, ["kind", "x_from", "x_to", "member"])
        // β = 0.5 has no tail with |f′| < 0.05 on [−6, 6] (its f′ bottoms out near −0.1 at x ≈ −4.8);
        // β = 1 and β = 2 saturate on the left, from the view's edge.
        XCTAssertEqual(zones.rows.map { $0[3] }, [1, 2])
        for row in zones.rows {
            XCTAssertEqual(row[0], 1, "saturated, not dead")
            XCTAssertEqual(row[1], -6)
            let beta = [0.5, 1, 2][Int(row[3])]
            // The edge is where |f′| = τ = 0.05.
            XCTAssertEqual(abs(members[Int(row[3])].derivative(row[2])), 0.05, accuracy: 1e-6, "edge for β = \(beta)")
        }
        // f′_β(x) = g′(βx): the zone edge scales as 1/β, so β = 2 saturates from half the distance.
        XCTAssertEqual(zones.rows[1][2] * 2, zones.rows[0][2], accuracy: 1e-6)
        XCTAssertEqual(zones.rows[0][2], -4.0826, accuracy: 1e-3)

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
