import Viz
import XCTest
@testable import dlplot

/// The breaks a 100-command layout sweep found, each checked on the layout report's geometry.
final class SweepBreakTests: XCTestCase {
    private func report(_ line: String) throws -> LayoutReport {
        try LayoutSweepTests.report(line.split(separator: " ").map(String.init))
    }

    /// `loss --legend outside`: the legend asked for names MSE, MAE and Huber, so the names written beside
    /// the curves go (the "Huber" name was pushed onto the data, covers 1–8, and every curve was named twice).
    func testALegendAskedForReplacesTheNamesBesideTheCurves() throws {
        for line in ["loss --legend outside", "loss --legend outside --delta 0.3 --error-range=-10:10", "loss --legend below --gradients"] {
            let r = try report(line)
            let names = r.elements.filter { $0.kind == .note && ["MSE", "MAE", "Huber"].contains($0.text) }
            XCTAssertEqual(names.map(\.text), [], line)
            let legend = try XCTUnwrap(r.elements.first { $0.kind == .legend && $0.text.hasPrefix("MSE") }, line)
            XCTAssertTrue(legend.text.contains("MAE") && legend.text.contains("Huber"), legend.text)
            XCTAssertEqual(r.elements.filter { [.note, .annotation, .legend].contains($0.kind) && $0.covers > 0 }.map(\.text), [], line)
            XCTAssertEqual(LayoutChecks.problems(r), [], line)
        }
        // Without --legend the names stay beside their curves (no legend in that panel).
        let plain = try report("loss")
        XCTAssertEqual(plain.elements.filter { $0.kind == .note && ["MSE", "MAE", "Huber"].contains($0.text) }.count, 3)
    }

    /// `surface six_hump_camel --with-curves` with twelve runs that leave the view: the footnote wraps onto
    /// more lines (left-aligned, on the page, under the plots) instead of being cut after two; each of its
    /// parts starts a line of its own (no "not drawn.; Paths leaving").
    func testALongFootnoteWrapsInsteadOfBeingCut() throws {
        let twelve = "gd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,nadam,radam,adamax,lion"
        let r = try report("surface six_hump_camel --optimizers \(twelve) --with-curves --lr 10")
        let feet = r.elements.filter { $0.kind == .footnote }
        XCTAssertGreaterThanOrEqual(feet.count, 2)
        XCTAssertEqual(feet.filter(\.truncated).map(\.text), [])
        XCTAssertFalse(feet.contains { $0.text.contains(".;") })
        let exits = try XCTUnwrap(feet.first { $0.text.hasPrefix("Paths leaving the view") })
        XCTAssertTrue(exits.text.hasSuffix("the last at step 300"), exits.text)
        // Three or four lines of note text (its box is taller than two lines would be).
        let line = try XCTUnwrap(feet.first { !$0.text.hasPrefix("Paths") }).box.height
        XCTAssertGreaterThan(exits.box.height, 1.8 * line)
        let lowest = try XCTUnwrap(r.frames.map(\.box.maxY).max())
        for f in feet {
            XCTAssertGreaterThanOrEqual(f.box.minY, lowest, "footnote under the plots")
            XCTAssertLessThanOrEqual(f.box.maxX, r.width)
        }
        XCTAssertEqual(LayoutChecks.problems(r).filter { $0.contains("cut off") || $0.contains("leaves the page") }, [])
    }

    /// A 2:1 equal-unit map beside its curves at `--size 3840x2160` (the default page at three times the
    /// detail) renders, its map keeping its data's shape and at least a quarter of its share of the page.
    func testAWideEqualUnitMapIsNotRefusedForItsShape() throws {
        let r = try report("surface six_hump_camel --optimizers gd --with-curves --size 3840x2160")
        let map = try XCTUnwrap(r.frames.first { $0.panel == 0 }).box
        XCTAssertEqual(map.width / map.height, 2, accuracy: 0.05)
        XCTAssertGreaterThanOrEqual(map.width, 0.25 * min(r.width / 2, r.height))
    }
}
