import Optim
import Viz

/// Shares written as percentages that add up to 100 % as shown, and never hide a share that is not 0.
///
/// Each column (one map's outcomes) is rounded by the largest-remainder method (Hamilton's): every share
/// is cut down to the decimals shown, and the units still missing from 100 % go to the shares that lost
/// the most. The decimals are the fewest (one to four) at which every non-zero share has at least one
/// unit, so one start of 40 401 reads "0.002 %" and the rest "99.998 %" — not "0.0 %" and "100.0 %".
/// A share that is still below the last unit is written "< 0.0001 %" (and the column then sums as shown
/// to within it).
enum SharePercents {
    /// `shares[column][row]`, each column summing to 1; the labels in the same layout ("25.7 %").
    static func labels(_ shares: [[Double]]) -> [[String]] {
        let nonzero = shares.flatMap { $0 }.filter { $0 > 0 }
        let digits = (1...4).first { d in nonzero.allSatisfy { $0 * 100 * Double.powerOfTen(d) >= 1 } } ?? 4
        return shares.map { column in
            rounded(column, digits: digits).enumerated().map { i, units in
                units == 0 && column[i] > 0 ? "< " + TickFormat.fixed(1 / Double.powerOfTen(digits), digits) + " %"
                    : TickFormat.fixed(Double(units) / Double.powerOfTen(digits), digits) + " %"
            }
        }
    }

    /// The column in whole units of 10^−digits percent, summing to exactly 100 % (largest remainder).
    static func rounded(_ column: [Double], digits: Int) -> [Int] {
        let scale = 100 * Double.powerOfTen(digits)
        let total = column.reduce(0, +)
        guard total > 0 else { return column.map { _ in 0 } }
        let exact = column.map { $0 / total * scale }
        var units = exact.map { Int($0.rounded(.down)) }
        let missing = Int(scale.rounded()) - units.reduce(0, +)
        let order = exact.indices.sorted { a, b in
            let ra = exact[a] - Double(units[a]), rb = exact[b] - Double(units[b])
            return ra != rb ? ra > rb : a < b
        }
        for k in order.prefix(max(0, missing)) { units[k] += 1 }
        return units
    }
}
