import Optim
import Viz
import XCTest
@testable import Figures

/// Surfaces that a few extreme cells would take over: clipped to a robust range, undefined and off-scale
/// cells hatched, an isolated pole marked, each said in a note.
final class SurfaceFieldViewTests: XCTestCase {
    func sample(_ s: Surface, _ lo: Double = -3, _ hi: Double = 3, n: Int = 300) throws -> ScalarField {
        try FieldSampler.sample(x: Interval(lo, hi), y: Interval(lo, hi), nx: n, ny: n) { x, y in s.value(x, y) }
    }

    func typed(_ text: String) throws -> Surface { Surface(expression: try MathExpression(text, dimension: 2)) }

    func testPoleHeightsClipAtItsNinetyNinthPercentileAndThePoleIsFoundAtTheOrigin() throws {
        let s = try typed("1/(x^2+y^2)")
        let raw = try sample(s)
        let view = try SurfaceFieldView(raw: raw, surface: s, logScale: false, clip: true)
        // The 99th percentile of 1/r² over [−3, 3]²: r² = 0.01·36/π, f ≈ 8.7 (the grid's largest is ≈ 5000).
        let upper = try XCTUnwrap(view.limits.upper)
        XCTAssertEqual(upper, 8.8)   // 8.73 rounded up to two digits
        XCTAssertNil(view.limits.lower)
        XCTAssertEqual(view.field.finiteRange?.upper, upper)
        XCTAssertGreaterThan(raw.finiteRange?.upper ?? 0, 4000)
        let pole = try XCTUnwrap(view.pole)
        XCTAssertTrue(pole.positive)
        XCTAssertEqual(pole.point.x, 0, accuracy: 1e-5); XCTAssertEqual(pole.point.y, 0, accuracy: 1e-5)
        let notes = view.notes(fSymbol: "f", heights: true)
        XCTAssertEqual(notes.first, "f → ∞ at (0, 0)")
        XCTAssertTrue(notes[1].hasPrefix("heights above 8.8 cut flat (pale faces); the largest sampled f is "), notes[1])
        // On log-spaced colours the rings already show the pole: nothing is clipped, the pole still marked.
        let logView = try SurfaceFieldView(raw: raw, surface: s, logScale: nil, clip: true)
        XCTAssertNil(logView.limits.upper)
        XCTAssertEqual(logView.notes(fSymbol: "f", heights: false), ["f → ∞ at (0, 0)"])
    }

    func testNegativePoleAndALineOfPoles() throws {
        let neg = try typed("-1/((x-1)^2+y^2)")
        let v = try XCTUnwrap(try SurfaceFieldView(raw: sample(neg), surface: neg, logScale: false, clip: true).pole)
        XCTAssertFalse(v.positive)
        XCTAssertEqual(v.point.x, 1, accuracy: 1e-5)
        // 1/x is infinite along the line x = 0, not at a point: no point is claimed.
        let line = try typed("1/x + y^2")
        XCTAssertNil(try SurfaceFieldView(raw: sample(line), surface: line, logScale: false, clip: true).pole)
        // A smooth bump's largest value is not a pole.
        let bump = try typed("exp(-(x^2+y^2))")
        XCTAssertNil(try SurfaceFieldView(raw: sample(bump), surface: bump, logScale: false, clip: true).pole)
    }

    func testDoubleExponentialColoursSpanSevenDecadesAboveTheFloor() throws {
        let s = try typed("exp(exp(x+y))")
        let view = try SurfaceFieldView(raw: sample(s), surface: s, logScale: nil, clip: true)
        // The 1st percentile of f is ≈ e^(e^−4.8) ≈ 1.008; the colours stop 10⁷ above it.
        XCTAssertEqual(try XCTUnwrap(view.limits.upper), 1.1e7)   // 1.008 · 10⁷ rounded up
        let resolved = try ContourLevels.count(12).resolve(for: view.field)
        XCTAssertTrue(resolved.isLog)
        XCTAssertGreaterThanOrEqual(resolved.values.count, 7)
        XCTAssertEqual(view.notes(fSymbol: "f", heights: false),
                       ["colours stop at 1.1×10⁷ (hatched above); the largest sampled f is 1.6×10¹⁷⁵"])
        let marks = view.marks(theme: .light, fSymbol: "f", bounds: Bounds(x: Interval(-3, 3), y: Interval(-3, 3)))
        XCTAssertEqual(marks.count, 1)
        XCTAssertTrue(marks.flatMap(\.legendEntries).isEmpty, "the footnote names the hatching, not the legend")
    }

    func testUndefinedHalfPlaneIsNamedAndHatched() throws {
        let s = try typed("sqrt(x)+y^2")
        let view = try SurfaceFieldView(raw: sample(s), surface: s, logScale: nil, clip: true)
        XCTAssertEqual(view.undefinedSide, "x < 0")
        XCTAssertEqual(view.undefinedFraction, 0.5, accuracy: 1e-12)
        XCTAssertEqual(view.notes(fSymbol: "f", heights: false), ["f undefined (NaN) for x < 0, hatched grey"])
        let marks = view.marks(theme: .light, fSymbol: "f", bounds: Bounds(x: Interval(-3, 3), y: Interval(-3, 3)))
        let hatch = try XCTUnwrap(marks.first as? HatchedRegionMark)
        XCTAssertTrue(hatch.legendEntries.isEmpty)
        // The hatched area is the left half: the view minus the domain (x ≥ 0.01).
        let region = try XCTUnwrap(Bounds(points: hatch.rings.flatMap { $0 }))
        XCTAssertEqual(region.x.lower, -3); XCTAssertEqual(region.x.upper, 3)
        XCTAssertEqual(try SurfaceFieldView(raw: sample(try typed("sqrt(-y)+x")), surface: try typed("sqrt(-y)+x"),
                                            logScale: nil, clip: true).undefinedSide, "y > 0")
        // Not a half-plane but two quadrants: named as such (it was nil, and the note said only "50 % of the view").
        XCTAssertEqual(try SurfaceFieldView(raw: sample(try typed("sqrt(x*y)")), surface: try typed("sqrt(x*y)"),
                                            logScale: nil, clip: true).undefinedSide, "x·y < 0")
        XCTAssertNil(try SurfaceFieldView(raw: sample(try typed("sqrt(x^2+y^2-4)")), surface: try typed("sqrt(x^2+y^2-4)"),
                                          logScale: nil, clip: true).undefinedSide)
    }

    func testNoBuiltInSurfaceIsClippedInThePlaneOrIn3D() throws {
        for name in Surface.allNames {
            let s = try Surface(named: name)
            let b = s.viewBox
            let raw = try FieldSampler.sample(x: Interval(b.xmin, b.xmax), y: Interval(b.ymin, b.ymax), nx: 200, ny: 200) { x, y in s.value(x, y) }
            for log in [nil, false] as [Bool?] {
                let view = try SurfaceFieldView(raw: raw, surface: s, logScale: log, clip: true)
                XCTAssertNil(view.limits.upper, "\(name) log \(String(describing: log))")
                XCTAssertNil(view.limits.lower, "\(name) log \(String(describing: log))")
                XCTAssertTrue(view.notes(fSymbol: "f", heights: log == false).isEmpty, name)
            }
        }
    }

    func testGivenLevelsAreNeverClipped() throws {
        let s = try typed("1/(x^2+y^2)")
        let view = try SurfaceFieldView(raw: sample(s), surface: s, logScale: false, clip: false)
        XCTAssertNil(view.limits.upper)
    }

    func testLimitsRoundOutwardsToTwoDigits() {
        XCTAssertEqual(SurfaceFieldView.roundedUp(6211.3), 6300)
        XCTAssertEqual(SurfaceFieldView.roundedUp(8.73), 8.8)
        XCTAssertEqual(SurfaceFieldView.roundedUp(-8.73), -8.7)
        XCTAssertEqual(SurfaceFieldView.roundedUp(1.0e7), 1.0e7)
    }

    func testSimplestNumberBetweenSamples() {
        XCTAssertEqual(SurfaceFieldView.simplest(-0.01, 0.01), "0")
        XCTAssertEqual(SurfaceFieldView.simplest(0.98, 1.02), "1")
        XCTAssertEqual(SurfaceFieldView.simplest(1.21, 1.34), "1.3")
    }
}
