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

    /// x^y over [−3, 3]²: for x < 0 it is defined only where y is an integer, so the rows y = ±3 held isolated values
    /// down to (−0.01)^(−3) = −10⁶ that no cell draws; they set a colour bar in units of −10²⁷ (on the wider view
    /// of then) that contradicted the note "colours stop at 170". Colours, limits and claims now come from drawn cells.
    func testIsolatedValuesSetNoColoursOrClaims() throws {
        let s = try typed("x^y")
        let raw = try sample(s)
        XCTAssertLessThan(raw.finiteRange?.lower ?? 0, -1e5)   // the isolated (−0.01)^(−3)
        let view = try SurfaceFieldView(raw: raw, surface: s, logScale: nil, clip: true)
        // The lowest drawn value: x = 3/299 (the first sample right of 0), y = 3.
        XCTAssertEqual(view.raw.finiteRange?.lower ?? -1, pow(3.0 / 299, 3), accuracy: 1e-18)
        XCTAssertNil(view.limits.lower)
        XCTAssertEqual(view.notes(fSymbol: "f", heights: false).last,
                       "f undefined (NaN) for x < 0 apart from isolated points or lines, hatched grey")
        let resolved = try ContourLevels.count(12).resolve(for: view.field)
        XCTAssertGreaterThan(resolved.values.first ?? -1, 0, "no level below 0: every drawn value is positive")
        XCTAssertEqual(view.noMinimumNote(fSymbol: "f", surface: s, view: raw.bounds),
                       "no minimum found inside the view: the lowest sampled f is on its edge, 1.01×10⁻⁶ at (0.01, 3)")
    }

    /// A surface with no minimum in the view says where its lowest value is, on the view's edge (e^{20x} + y² too,
    /// whose samples nearest the edge all round to 10⁻⁴), or where its minimum is when the search beyond the view
    /// found it; a valley floor that reaches the edge ((x − y)² is 0 along x = y) and a bowl say nothing.
    func testNoMinimumInsideTheViewIsSaid() throws {
        for (text, note) in [("x^3+y^2", "no minimum found inside the view: the lowest sampled f is on its edge, −27 at (−3, 0)"),
                             ("x+2*y", "no minimum found inside the view: the lowest sampled f is on its edge, −9 at (−3, −3)"),
                             ("(x-y)^2", nil), ("x^2+y^2", nil), ("(x-5)^2+y^2", "the minimum (5, 0) is outside the view"),
                             ("exp(20*x)+y^2", "no minimum found inside the view: the lowest sampled f is on its edge, 8.76×10⁻²⁷ at (−3, 0)")] as [(String, String?)] {
            let s = try typed(text)
            let raw = try sample(s)
            let view = try SurfaceFieldView(raw: raw, surface: s, logScale: nil, clip: true)
            XCTAssertEqual(view.noMinimumNote(fSymbol: "f", surface: s, view: raw.bounds), note, text)
        }
    }

    /// 1/(x − y) is ±∞ along x = y: each end's extreme (±50 on the grid) was measured from the other's, so neither
    /// was clipped, and the colours ran −45 … 45 with every cell off the line in the two middle bands. Both ends
    /// are now heavy tails around the median and stop at the 2nd and 98th percentiles, said in one sentence.
    func testALineOfPolesWithBothSignsClipsBothEnds() throws {
        let s = try typed("1/(x-y)")
        let view = try SurfaceFieldView(raw: sample(s), surface: s, logScale: nil, clip: true)
        XCTAssertEqual(view.limits.lower, -7.2)
        XCTAssertEqual(view.limits.upper, 7.2)
        XCTAssertEqual(view.field.finiteRange, Interval(-7.2, 7.2))
        let resolved = try ContourLevels.count(12).resolve(for: view.field)
        XCTAssertFalse(resolved.isLog)
        XCTAssertGreaterThanOrEqual(resolved.values.count, 10)
        XCTAssertTrue(view.notes(fSymbol: "f", heights: false).contains(
            "colours stop at −7.2 and 7.2 (hatched beyond); sampled f spans −50 … 50"), "\(view.notes(fSymbol: "f", heights: false))")
        // The 98th percentile by hand, which the limit rounds up to two digits.
        let v = view.raw.z.filter(\.isFinite).sorted()
        let q98 = v[Int((0.98 * Double(v.count - 1)).rounded())]
        XCTAssertEqual(q98, 7.15, accuracy: 0.05)
        // A saddle's tails are light: nothing is clipped.
        let saddle = try typed("x^2-y^2")
        XCTAssertNil(try SurfaceFieldView(raw: sample(saddle), surface: saddle, logScale: nil, clip: true).limits.upper)
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
