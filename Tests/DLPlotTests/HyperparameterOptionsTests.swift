import ArgumentParser
import Optim
import XCTest
@testable import dlplot

/// `trace`'s hyper-parameter options come from the table: one declaration per key, named and
/// explained by its entry, read back by key.
final class HyperparameterOptionsTests: XCTestCase {
    /// Every key of the table has exactly one declared option, and every declared option is a key.
    func testOneDeclarationPerKey() throws {
        let declared = try HyperparameterOptions.parse([]).declared
        XCTAssertEqual(declared.count, HyperparameterKey.allCases.count)
        XCTAssertEqual(Set(declared.compactMap(\.key)), Set(HyperparameterKey.allCases))
        XCTAssertFalse(declared.contains { $0.key == nil }, "a declaration whose property name is no key")
    }

    /// Options typed come back as settings by torch's key, in table order, with the option as typed for messages.
    func testGivenSettingsByKey() throws {
        let options = try HyperparameterOptions.parse(["--weight-decay", "0.5", "--amsgrad", "--beta2", "0.9",
                                                       "--line-search-fn", "strong_wolfe"])
        let given = try options.given()
        XCTAssertEqual(given.map(\.key), ["beta2", "weight_decay", "amsgrad", "line_search_fn"])
        XCTAssertEqual(given.map(\.option), ["--beta2", "--weight-decay", "--amsgrad", "--line-search-fn"])
        XCTAssertEqual(given.map(\.value), [.number(0.9), .number(0.5), .flag(true), .flag(true)])
        XCTAssertThrowsError(try HyperparameterOptions.parse(["--line-search-fn", "armijo"]).given()) { error in
            XCTAssertEqual("\(error)", "invalid --line-search-fn 'armijo': expected strong_wolfe (torch's only line search)")
        }
    }

    /// The help of an option is its entry's help, range and per-optimizer defaults.
    func testHelpFromTheTable() {
        XCTAssertEqual(ArgumentHelp.setting(.momentum).abstract,
                       "Momentum factor (sgd, rmsprop); momentum >= 0 (default: 0; 0.9 for momentum, nesterov).")
        XCTAssertEqual(ArgumentHelp.setting(.amsgrad).abstract, "adam, adamw: keep the running maximum of v (AMSGrad) (default: off).")
    }
}
