import XCTest
import Viz

final class ColormapTests: XCTestCase {
    func testViridisMatchesPublishedTable() {
        let v = Colormap.viridis
        XCTAssertEqual(v.count, 256)
        // matplotlib _cm_listed.py _viridis_data, as quoted in STYLE.md §C.
        let samples: [(Int, String)] = [(0, "#440154"), (64, "#3b528b"), (128, "#21918c"), (192, "#5ec962"), (255, "#fde725")]
        for (i, hex) in samples { XCTAssertEqual(v.entry(i).hexString, hex, "entry \(i)") }
        XCTAssertEqual(v.entry(0).r, 0.267004, accuracy: 0.5 / 255)
        XCTAssertEqual(v.entry(255).b, 0.143936, accuracy: 0.5 / 255)
    }

    func testOtherTablesEndpoints() throws {
        // First and last rows of matplotlib's published tables.
        XCTAssertEqual(Colormap.magma.entry(0).hexString, "#000004")
        XCTAssertEqual(Colormap.magma.entry(255).hexString, "#fcfdbf")
        XCTAssertEqual(Colormap.inferno.entry(255).hexString, "#fcffa4")
        XCTAssertEqual(Colormap.plasma.entry(0).hexString, "#0d0887")
        XCTAssertEqual(Colormap.cividis.entry(0).hexString, "#00224e")
        // RdBu: ColorBrewer's first, middle and last colours (#67001f, #f7f7f7, #053061).
        XCTAssertEqual(Colormap.rdbu.entry(0).hexString, "#67001f")
        XCTAssertEqual(Colormap.rdbu.entry(255).hexString, "#053061")
        for m in Colormap.all { XCTAssertEqual(m.count, 256, m.name) }
        // Diverging = RdBu reversed: blue for negative, near-white in the middle, red for positive.
        let d = Colormap.diverging
        XCTAssertEqual(d.color(at: 0).hexString, "#053061")
        XCTAssertEqual(d.color(at: 1).hexString, "#67001f")
        let mid = d.color(at: 0.5)
        XCTAssertGreaterThan(min(mid.r, mid.g, mid.b), 0.9)
    }

    func testLookupRule() throws {
        let v = Colormap.viridis
        XCTAssertEqual(v.index(0), 0)
        XCTAssertEqual(v.index(1), 255)
        XCTAssertEqual(v.index(0.5), 128)
        XCTAssertEqual(v.index(0.999 / 256), 0)
        XCTAssertEqual(v.index(1.001 / 256), 1)
        XCTAssertNil(v.index(.nan)); XCTAssertNil(v.index(-0.01)); XCTAssertNil(v.index(1.01))
        XCTAssertEqual(v.color(at: .nan).a, 0, "bad colour is transparent")
        XCTAssertEqual(v.color(at: -3), v.entry(0))
        XCTAssertEqual(v.color(at: 7), v.entry(255))
    }

    func testReversedAndNamed() throws {
        let r = try Colormap.named("viridis_r")
        XCTAssertEqual(r.name, "viridis_r")
        XCTAssertEqual(r.entry(0), Colormap.viridis.entry(255))
        XCTAssertEqual(r.reversed().table, Colormap.viridis.table)
        XCTAssertEqual(try Colormap.named("Magma").name, "magma")
        XCTAssertEqual(try Colormap.named("RdBu_r").table, Colormap.diverging.table)
        XCTAssertThrowsError(try Colormap.named("jet")) { e in
            XCTAssertTrue("\(e)".contains("viridis"), "the message lists the choices")
        }
    }

    func testNormalization() throws {
        let lin = try Normalization(.linear, lower: 2, upper: 6)
        XCTAssertEqual(lin(4), 0.5); XCTAssertEqual(lin.value(at: 0.25), 3)
        let log = try Normalization(.log, lower: 1, upper: 1000)
        XCTAssertEqual(log(10), 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(log.value(at: 2.0 / 3), 100, accuracy: 1e-9)
        XCTAssertTrue(log(.nan).isNaN)
        XCTAssertLessThan(log(-5), 0)
        XCTAssertThrowsError(try Normalization(.log, lower: 0, upper: 1))
        XCTAssertThrowsError(try Normalization(.linear, lower: 1, upper: 1))
        let f = try ScalarField(xs: [0, 1], ys: [0, 1], z: [-1, 3, 0, 2])
        let c = Normalization.centered(for: f)
        XCTAssertEqual(c(0), 0.5); XCTAssertEqual(c(3), 1); XCTAssertEqual(c(-3), 0)
    }
}
