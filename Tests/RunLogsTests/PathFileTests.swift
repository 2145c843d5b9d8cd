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

    func testWholeNumberStepsWrittenAsFloatsAreSteps() throws {
        let path = try Fixture.temporary("floatstep.csv", text: "step,x,y\n1.0,0,0\n2.0,1,1\n1e3,2,2\n")
        XCTAssertEqual(try PathFileReader.read(path).first?.steps, [1, 2, 1000])
        let half = try Fixture.temporary("halfstep.csv", text: "step,x,y\n1.5,0,0\n")
        XCTAssertThrowsError(try PathFileReader.read(half)) { error in
            XCTAssertEqual((error as? RunLogError)?.message, "line 2, column 'step': '1.5' is not an integer step")
        }
    }

    func testUnlabelledPathIsNamedAfterTheFileAndCountsRows() throws {
        let path = try Fixture.temporary("my-run.csv", text: "w,b\n0,0\n0.1,0.2\n")
        let paths = try PathFileReader.read(path)
        var expected = UserPath(label: "my-run", steps: [0, 1], x: [0, 0.1], y: [0, 0.2])
        expected.axes = ["w", "b"]
        XCTAssertEqual(paths, [expected])
    }

    func testJSONLinesPathsWithLossAndNonFiniteNumbers() throws {
        let path = try Fixture.temporary("run.jsonl", text: "{\"step\": 0, \"x\": 1, \"y\": 2, \"loss\": 5, \"label\": \"a\"}\n\n"
            + "{\"step\": 3, \"x\": NaN, \"y\": \"inf\", \"loss\": Infinity, \"label\": \"a\"}\n")
        let paths = try PathFileReader.read(path)
        XCTAssertEqual(paths.count, 1)
        XCTAssertEqual(paths[0].label, "a")
        XCTAssertTrue(paths[0].labelled)
        XCTAssertEqual(paths[0].steps, [0, 3])
        XCTAssertTrue(paths[0].x[1].isNaN)
        XCTAssertEqual(paths[0].y[1], .infinity)
        XCTAssertEqual(paths[0].loss, [5, .infinity])
    }

    func testBadPathFiles() throws {
        let cases: [(String, String)] = [
            ("a,b,c\n1,2,3\n", "line 1: columns 'a,b,c'; expected a header row with columns x,y"),
            ("x,y\n", "line 2: a header but no points"),
            ("x,y\n1,2\n3,\n", "line 3, column 'y': '' is not a number"),
            ("step,x,y\n0,1,2\n0,1,2\n", "step 0 of path"),
            ("step,x,y\n0.5,1,2\n", "'0.5' is not an integer step"),
            ("", "line 1: empty file"),
            ("x,y,loss\n1,2,\n", "line 2, column 'loss': '' is not a number"),
            ("{\"x\": 1, \"y\": 2, \"loss\": 1}\n{\"x\": 1, \"y\": 3}\n", "line 2: no 'loss' field"),
            ("{\"step\": 1.5, \"x\": 1, \"y\": 2}\n", "line 1, field 'step': '1.5' is not an integer step"),
            // A column named twice: which x is the path's cannot be guessed (it kept the first with "column(s) x ignored").
            ("x,y,x\n1,2,3\n", "line 1: column 'x' appears twice in 'x,y,x'; expected each column once"),
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
