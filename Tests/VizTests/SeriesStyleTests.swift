import Foundation
import XCTest
import Viz

/// The twelve series styles stay apart in colour, under colour-blindness, in greyscale, by dash and by marker,
/// and every colour stands out from its theme's background.
final class SeriesStyleTests: XCTestCase {
    /// sRGB component → linear light.
    func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    func linearRGB(_ c: Color) -> [Double] { [linear(c.r), linear(c.g), linear(c.b)] }
    /// WCAG relative luminance.
    func luminance(_ c: Color) -> Double { let l = linearRGB(c); return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2] }
    func contrast(_ a: Color, _ b: Color) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
    /// CIELAB (D65) of a linear-RGB triple.
    func lab(_ l: [Double]) -> [Double] {
        let v = l.map { min(max($0, 0), 1) }
        let x = (0.4124 * v[0] + 0.3576 * v[1] + 0.1805 * v[2]) / 0.95047
        let y = 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]
        let z = (0.0193 * v[0] + 0.1192 * v[1] + 0.9505 * v[2]) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
    }
    /// Machado, Oliveira & Fernandes (2009) dichromacy matrices (severity 1), applied in linear RGB.
    static let protanopia = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    static let deuteranopia = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    static let normal = [[1.0, 0, 0], [0, 1, 0], [0, 0, 1]]
    func distance(_ a: Color, _ b: Color, _ m: [[Double]]) -> Double {
        func sim(_ c: Color) -> [Double] { let l = linearRGB(c); return m.map { row in zip(row, l).map(*).reduce(0, +) } }
        let p = lab(sim(a)), q = lab(sim(b))
        return sqrt(zip(p, q).map { ($0 - $1) * ($0 - $1) }.reduce(0, +))
    }

    func testTwelveStylesDifferPairwiseInColourDashAndMarkerInEveryTheme() {
        XCTAssertGreaterThanOrEqual(Palette.styleCount, 12)
        for theme in Theme.all {
            let n = Palette.styleCount
            for i in 0..<n {
                for j in (i + 1)..<n {
                    XCTAssertNotEqual(theme.dash(i, width: 1), theme.dash(j, width: 1), "\(theme.name): dash \(i) = dash \(j)")
                    XCTAssertNotEqual(theme.marker(i), theme.marker(j), "\(theme.name): marker \(i) = marker \(j)")
                    for (name, m) in [("normal", Self.normal), ("protanopia", Self.protanopia), ("deuteranopia", Self.deuteranopia)] {
                        let d = distance(theme.color(i), theme.color(j), m)
                        XCTAssertGreaterThanOrEqual(d, 13, "\(theme.name) \(name): colours \(i) and \(j) only ΔE \(d) apart")
                    }
                }
            }
        }
    }

    func testEveryColourHasThreeToOneContrastWithItsBackground() {
        // WCAG 2.1 SC 1.4.11 (graphical objects): 3:1. Okabe–Ito yellow on white is 1.3:1 and fails.
        XCTAssertLessThan(contrast(Palette.okabeIto[6], .white), 1.5)
        for theme in Theme.all {
            for i in 0..<Palette.styleCount {
                let c = contrast(theme.color(i), theme.plotBackground)
                XCTAssertGreaterThanOrEqual(c, 3, "\(theme.name): colour \(i) has contrast \(c)")
            }
        }
    }

    func testPrintThemeSeparatesTheFirstFourSeriesInGreyLevel() {
        // In greyscale (CIELAB L*), the commonest case — up to four series — differs by ≥ 14 L* pairwise.
        let grey = (0..<4).map { lab(linearRGB(Theme.print.color($0)))[0] }
        for i in 0..<4 { for j in (i + 1)..<4 { XCTAssertGreaterThanOrEqual(abs(grey[i] - grey[j]), 14, "\(grey)") } }
    }
}
