import Figures
import XCTest

/// One table type for figures' `--data` and the number commands: CSV and column-wise JSON from the
/// same cells.
final class DataTableJSONTests: XCTestCase {
    /// Columns become arrays, list cells nested arrays (`;`-joined in CSV), fields follow the columns;
    /// non-finite numbers are strings in JSON and words in CSV.
    func testJSONAndCSVOfTheSameTable() {
        let table = DataTable(name: "loss", columns: [
            ("i", [DataCell](integers: [0, 1])),
            ("loss", [DataCell](reals: [0.5, .infinity])),
            ("grad", [.reals([1, -0.25]), .reals([.nan, 2])]),
        ])
        XCTAssertEqual(table.csv, "i,loss,grad\n0,0.5,1.0;-0.25\n1,inf,nan;2.0\n")
        XCTAssertEqual(table.json(fields: [("stop", .text("max_steps")), ("m", .list([.reals([1]), .reals([2, 3])]))]),
                       #"{"i":[0,1],"loss":[0.5,"inf"],"grad":[[1.0,-0.25],["nan",2.0]],"stop":"max_steps","m":[[1.0],[2.0,3.0]]}"#
                           + "\n")
    }

    /// Generated rows are read once and printed in order; an empty table is empty arrays.
    func testGeneratedRowsAndEmptyTables() {
        var t = DataTable(name: "trace", columns: ["step", "x"], cells: [])
        XCTAssertEqual(t.json(), #"{"step":[],"x":[]}"# + "\n")
        t.appendRows(count: 3) { r in [.integer(Int64(r)), .real(Double(r) / 2)] }
        XCTAssertEqual(t.json(fields: [("stop_step", .integer(2))]), #"{"step":[0,1,2],"x":[0.0,0.5,1.0],"stop_step":2}"# + "\n")
        XCTAssertTrue(DataCell.list([]).number.isNaN)
    }
}
