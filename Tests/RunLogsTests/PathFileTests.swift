import XCTest
@testable import RunLogs

final class PathFileTests: XCTestCase {
    func testSeveralLabelledPathsWithSteps() throws {
        let path = try Fixture.temporary("paths.csv", text: "label,step,x,y,loss\nsgd,0,1,2,5\nadam,0,1,2,5\nsgd,10,0.5,1.5,3\nadam,5,nan,inf,nan\n")
        let paths = try PathFileReader.read(path)
        XCTAssertEqual(paths.map(\.label), ["sgd", "adam"])
        XCTAssertEqual(paths[0].steps, [0, 10])
        XCTAssertEqual(paths[0].x, [1, 0.5])
        XCTAssertEqual(paths[0].y, [2, 1.5])
        XCTAssertTrue(paths[1].x[1].isNaN)
        XCTAssertEqual(paths[1].y[1], .infinity)
    }

    func testUnlabelledPathIsNamedAfterTheFileAndCountsRows() throws {
        let path = try Fixture.temporary("my-run.csv", text: "w,b\n0,0\n0.1,0.2\n")
        let paths = try PathFileReader.read(path)
        XCTAssertEqual(paths, [UserPath(label: "my-run", steps: [0, 1], x: [0, 0.1], y: [0, 0.2])])
    }

    func testBadPathFiles() throws {
        let cases: [(String, String)] = [
            ("a,b,c\n1,2,3\n", "expected x and y"),
            ("x,y\n", "has a header but no points"),
            ("x,y\n1,2\n3,\n", "line 3, column 'y': '' is not a number"),
            ("step,x,y\n0,1,2\n0,1,2\n", "step 0 of path"),
            ("step,x,y\n0.5,1,2\n", "'0.5' is not an integer step"),
            ("", "empty file"),
        ]
        for (text, phrase) in cases {
            let path = try Fixture.temporary("p.csv", text: text)
            XCTAssertThrowsError(try PathFileReader.read(path), text) { error in
                guard let e = error as? RunLogError else { return XCTFail("\(error)") }
                XCTAssertEqual(e.file, path)
                XCTAssertTrue(e.message.contains(phrase), "\(e.message) lacks \(phrase)")
            }
        }
    }
}
