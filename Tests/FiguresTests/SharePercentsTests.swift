import XCTest
@testable import Figures

/// The basins table's shares add up to 100 % as printed (largest remainder), and a share that is not 0 is
/// never printed as 0 (one start of 40 401 once read "0.0 %" beside "diverged 100.0 %").
final class SharePercentsTests: XCTestCase {
    private func sum(_ labels: [String]) -> Double {
        labels.compactMap { Double($0.replacingOccurrences(of: " %", with: "")) }.reduce(0, +)
    }

    func testColumnsAddUpTo100AsShown() {
        // Thirds: 33.3 + 33.3 + 33.3 would be 99.9; the largest remainders take the missing 0.1.
        let thirds = SharePercents.labels([[1.0 / 3, 1.0 / 3, 1.0 / 3]])[0]
        XCTAssertEqual(thirds, ["33.4 %", "33.3 %", "33.3 %"])
        // basins himmelblau gd lr 1e-300: four basins of ≈0.03 % each and 99.9 % not converged summed to 99.9 %.
        let n = 40_401.0
        let column = [12 / n, 13 / n, 11 / n, 12 / n, 0, (n - 48) / n]
        let labels = SharePercents.labels([column])[0]
        XCTAssertEqual(labels, ["0.03 %", "0.03 %", "0.03 %", "0.03 %", "0.00 %", "99.88 %"])
        XCTAssertEqual(sum(labels), 100, accuracy: 1e-9)
        // Several columns: each adds up to 100 %, at the decimals of the finest one.
        let two = SharePercents.labels([[0.257, 0.26, 0.237, 0.246, 0, 0], [0.25, 0.25, 0.25, 0.14, 0, 0.11]])
        XCTAssertEqual(two[0], ["25.7 %", "26.0 %", "23.7 %", "24.6 %", "0.0 %", "0.0 %"])
        XCTAssertEqual(sum(two[1]), 100, accuracy: 1e-9)
    }

    func testOneStartIsNotZero() {
        let n = 40_401.0
        XCTAssertEqual(SharePercents.labels([[1 / n, 0, (n - 1) / n, 0]])[0], ["0.002 %", "0.000 %", "99.998 %", "0.000 %"])
        // Below the finest unit shown (0.0001 %): said as such, not 0.
        let tiny = SharePercents.labels([[1e-7, 1 - 1e-7]])[0]
        XCTAssertEqual(tiny, ["< 0.0001 %", "100.0000 %"])
    }
}
