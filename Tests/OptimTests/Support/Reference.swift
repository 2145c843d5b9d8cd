import Foundation
import XCTest

/// Loads the PyTorch reference files from the test bundle (`Reference/*.json`).
enum Reference {
    static func load(_ name: String) throws -> [String: Any] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Reference") else {
            throw NSError(domain: "Reference", code: 1, userInfo: [NSLocalizedDescriptionKey: "missing Reference/\(name).json"])
        }
        let data = try Data(contentsOf: url)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw NSError(domain: "Reference", code: 2, userInfo: [NSLocalizedDescriptionKey: "\(name).json is not an object"])
        }
        return object
    }
}

extension Dictionary where Key == String, Value == Any {
    func double(_ key: String) -> Double? { (self[key] as? NSNumber)?.doubleValue }
    func doubles(_ key: String) -> [Double]? { (self[key] as? [NSNumber])?.map(\.doubleValue) }
    func matrix(_ key: String) -> [[Double]]? { (self[key] as? [[NSNumber]])?.map { $0.map(\.doubleValue) } }
    func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
    func objects(_ key: String) -> [[String: Any]]? { self[key] as? [[String: Any]] }
    func bool(_ key: String) -> Bool { (self[key] as? Bool) ?? false }
}

/// |got − ref| ≤ rel·|ref| + abs (the README's tolerances).
func close(_ got: Double, _ ref: Double, rel: Double = 1e-12, abs absTol: Double = 1e-15) -> Bool {
    if got.isNaN || ref.isNaN { return got.isNaN && ref.isNaN }
    if got.isInfinite || ref.isInfinite { return got == ref }
    return Swift.abs(got - ref) <= rel * Swift.abs(ref) + absTol
}

/// Central finite difference of `f` at x with step h.
func centralDifference(_ f: (Double) -> Double, at x: Double, h: Double = 1e-6) -> Double {
    (f(x + h) - f(x - h)) / (2 * h)
}
