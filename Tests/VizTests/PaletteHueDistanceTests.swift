import Foundation
import XCTest
import Viz

/// Every two series colours of a theme are told apart by hue or lightness as a reader sees them:
/// CIEDE2000 ≥ 18 in normal vision. Tried as a new user would: twelve optimizers on one surface drew
/// four blues (#0072b2, #5a96c3, #1e3cb4, #3c87ff, down to 7.9 apart) and three magentas, which the
/// CIE76 rule (≥ 13, still checked in SeriesStyleTests) let through because it over-counts chroma.
final class PaletteHueDistanceTests: XCTestCase {
    func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }

    /// CIELAB (D65) of an sRGB colour.
    func lab(_ c: Color) -> (l: Double, a: Double, b: Double) {
        let v = [linear(c.r), linear(c.g), linear(c.b)]
        let x = (0.4124 * v[0] + 0.3576 * v[1] + 0.1805 * v[2]) / 0.95047
        let y = 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]
        let z = (0.0193 * v[0] + 0.1192 * v[1] + 0.9505 * v[2]) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    /// CIEDE2000 (Sharma, Wu & Dalal 2005), kL = kC = kH = 1.
    func deltaE2000(_ p: Color, _ q: Color) -> Double {
        let (l1, a1, b1) = lab(p), (l2, a2, b2) = lab(q)
        let cBar = (hypot(a1, b1) + hypot(a2, b2)) / 2
        let g = 0.5 * (1 - sqrt(pow(cBar, 7) / (pow(cBar, 7) + pow(25, 7))))
        let a1p = (1 + g) * a1, a2p = (1 + g) * a2
        let c1 = hypot(a1p, b1), c2 = hypot(a2p, b2)
        func hue(_ b: Double, _ a: Double) -> Double { let h = atan2(b, a) * 180 / .pi; return h < 0 ? h + 360 : h }
        let h1 = hue(b1, a1p), h2 = hue(b2, a2p)
        var dh = h2 - h1
        if dh > 180 { dh -= 360 } else if dh < -180 { dh += 360 }
        if c1 * c2 == 0 { dh = 0 }
        let dL = l2 - l1, dC = c2 - c1, dH = 2 * sqrt(c1 * c2) * sin(dh / 2 * .pi / 180)
        let lBar = (l1 + l2) / 2, cBarP = (c1 + c2) / 2
        var hBar = h1 + h2
        if c1 * c2 != 0 { hBar = abs(h1 - h2) <= 180 ? hBar / 2 : (hBar < 360 ? (hBar + 360) / 2 : (hBar - 360) / 2) }
        func cosd(_ d: Double) -> Double { cos(d * .pi / 180) }
        let t = 1 - 0.17 * cosd(hBar - 30) + 0.24 * cosd(2 * hBar) + 0.32 * cosd(3 * hBar + 6) - 0.20 * cosd(4 * hBar - 63)
        let sL = 1 + 0.015 * (lBar - 50) * (lBar - 50) / sqrt(20 + (lBar - 50) * (lBar - 50))
        let sC = 1 + 0.045 * cBarP, sH = 1 + 0.015 * cBarP * t
        let rC = 2 * sqrt(pow(cBarP, 7) / (pow(cBarP, 7) + pow(25, 7)))
        let rT = -sin(2 * 30 * exp(-pow((hBar - 275) / 25, 2)) * .pi / 180) * rC
        return sqrt(pow(dL / sL, 2) + pow(dC / sC, 2) + pow(dH / sH, 2) + rT * (dC / sC) * (dH / sH))
    }

    func testTheFormulaMatchesAnIndependentImplementation() {
        // Values from a separate NumPy implementation of the same formula (D65, sRGB), for the old palette's
        // two closest blues, the new orange and brick red, and white against black.
        XCTAssertEqual(deltaE2000(Color(hex: 0x5A96C3), Color(hex: 0x3C87FF)), 7.9, accuracy: 0.1)
        XCTAssertEqual(deltaE2000(Color(hex: 0xCC8400), Color(hex: 0x901800)), 36.5, accuracy: 0.1)
        XCTAssertEqual(deltaE2000(.white, .black), 100, accuracy: 0.1)
    }

    func testEveryTwoSeriesColoursDifferByAtLeast18InEveryTheme() {
        for theme in Theme.all {
            for i in 0..<Palette.styleCount {
                for j in (i + 1)..<Palette.styleCount {
                    let d = deltaE2000(theme.color(i), theme.color(j))
                    XCTAssertGreaterThanOrEqual(d, 18, "\(theme.name): colours \(i) \(theme.color(i).hexString) and \(j) \(theme.color(j).hexString) only ΔE00 \(d) apart")
                }
            }
        }
    }

    func testTheOptimizersOfTheDefaultSurfaceFigureAreFarApart() {
        // gd, momentum, adam, rmsprop take styles 1, 2, 7, 5: gd's orange and rmsprop's vermilion
        // (#cc8400 / #a33c00, 26.8; dark #e69f00 / #d55e00, 22.2) were told apart with difficulty.
        for theme in Theme.all {
            let styles = [1, 2, 7, 5]
            for (k, i) in styles.enumerated() {
                for j in styles[(k + 1)...] {
                    XCTAssertGreaterThanOrEqual(deltaE2000(theme.color(i), theme.color(j)), 30, "\(theme.name): \(i), \(j)")
                }
            }
        }
    }
}
