import Figures
import Foundation
import XCTest
@testable import dlplot

/// Every figure command's `--data` is tidy: one header per table, every row as wide as its header, no
/// column twice, counts as integers, names as names, yes/no as booleans; and the files are written as
/// NAME.csv, NAME-2.csv, … with nothing else in them.
final class TidyDataTests: XCTestCase {
    static let commands: [[String]] = [
        ["activation", "relu"], ["activations", "--names", "sigmoid,relu"], ["activations", "--table", "--names", "tanh,relu"],
        ["basins", "himmelblau", "--grid", "11", "--steps", "30"], ["curves", "--steps", "30"], ["landscape", "--steps", "30"],
        ["lr"], ["loss"], ["pitfalls"], ["softmax"], ["stability", "bowl", "--grid", "11", "--steps", "20"], ["steps"],
        ["surface", "rosenbrock", "--steps", "20"], ["vanishing", "--depth", "6"], ["xor", "--epochs", "20"],
    ]
    static let integerColumns: Set<String> = ["step", "layer", "layers", "epoch", "class", "errors", "label"]
    static let nameColumns: Set<String> = ["run", "activation", "zone", "outcome", "problem", "saturates"]

    func testEveryFigureCommandWritesTypedTidyTables() throws {
        for args in Self.commands {
            let command = try XCTUnwrap(try DLPlot.parseAsRoot(args) as? any FigureCommand, "\(args)")
            let (_, tables) = try command.makeFigure()
            XCTAssertFalse(tables.isEmpty, "\(args)")
            for t in tables {
                let what = "\(args.joined(separator: " ")): \(t.columns)"
                XCTAssertEqual(Set(t.columns).count, t.columns.count, "a column twice in \(what)")
                XCTAssertFalse(t.cells.isEmpty, what)
                for row in t.cells {
                    XCTAssertEqual(row.count, t.columns.count, what)
                    for (name, cell) in zip(t.columns, row) {
                        if Self.integerColumns.contains(name) {
                            guard case .integer = cell else { XCTFail("\(name) = \(cell.csv) is not an integer in \(what)"); break }
                        }
                        if Self.nameColumns.contains(name) {
                            guard case .text = cell else { XCTFail("\(name) = \(cell.csv) is not a name in \(what)"); break }
                        }
                        if name == "diverged" || name == "monotonic" {
                            guard case .bool = cell else { XCTFail("\(name) = \(cell.csv) is not true/false in \(what)"); break }
                        }
                    }
                }
            }
        }
    }

    func testSeveralTablesGoToNumberedFilesAllOrNothing() throws {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["xor", "--epochs", "20", "-o", "x.png", "--data", "x.csv"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(listing(dir), ["x-2.csv", "x-3.csv", "x.csv", "x.png"])
        XCTAssertEqual(try TidyTable(dir.appendingPathComponent("x-2.csv")).column("problem"), ["AND", "OR", "XOR"])
        XCTAssertEqual(try TidyTable(dir.appendingPathComponent("x-3.csv")).column("epoch").prefix(3), ["0", "1", "2"])
        // A numbered file that cannot be written (a directory in the way): nothing is written.
        let other = try makeTemporaryDirectory()
        try FileManager.default.createDirectory(at: other.appendingPathComponent("x-2.csv"), withIntermediateDirectories: true)
        let refused = try runDLPlot(["xor", "--epochs", "20", "-o", "x.png", "--data", "x.csv"], in: other)
        XCTAssertEqual(refused.status, 64, refused.stderr)
        XCTAssertEqual(listing(other), ["x-2.csv"])
    }
}
