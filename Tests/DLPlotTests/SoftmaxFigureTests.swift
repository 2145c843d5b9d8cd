import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

final class SoftmaxFigureTests: XCTestCase {
    /// The bars in the --data CSV are Optim's probabilities and each temperature's sum to 1; the
    /// textbook case softmax(2, 1, 0.1) = (0.659, 0.242, 0.099) is among them.
    func testBarHeightsAreSoftmaxProbabilities() throws {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["softmax", "--logits", "2,1,0.1", "--temperature", "0.5,1,2", "-o", "s.png", "--data", "s.csv"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let tables = try readDataCSV(dir.appendingPathComponent("s.csv"))
        let rows = try XCTUnwrap(tables["temperature,class,logit,probability"])
        XCTAssertEqual(rows.count, 9)
        for t in [0.5, 1, 2] {
            let mine = rows.filter { $0[0] == t }.sorted { $0[1] < $1[1] }.map { $0[3] }
            let expected = Softmax.probabilities([2, 1, 0.1], temperature: t)
            XCTAssertEqual(mine, expected)
            XCTAssertEqual(mine.reduce(0, +), 1, accuracy: 1e-12)
        }
        let t1 = rows.filter { $0[0] == 1 }.map { $0[3] }
        // exp(2)/(exp(2)+exp(1)+exp(0.1)) by hand.
        XCTAssertEqual(t1[0], 7.389056 / (7.389056 + 2.718282 + 1.105171), accuracy: 1e-6)
        let entropy = try XCTUnwrap(tables["temperature,entropy_nats,max_entropy_nats"])
        XCTAssertEqual(entropy.map { $0[2] }, [Double](repeating: Foundation.log(3), count: 3))
        // Higher temperature, higher entropy, below log 3.
        XCTAssertTrue(zip(entropy, entropy.dropFirst()).allSatisfy { $0[1] < $1[1] && $1[1] < Foundation.log(3) })
    }

    func testGroupingPutsOneBarPerTemperatureInEachClass() throws {
        let cmd = try DLPlot.SoftmaxCommand.parse(["--logits", "1,2,3,4", "--temperature", "1,3"])
        let (figure, _) = try cmd.makeFigure()
        let bars = try XCTUnwrap(figure.panels.first?.axes.marks.compactMap { $0 as? BarMark }.first)
        XCTAssertEqual(bars.categories.count, 4)
        XCTAssertEqual(bars.series.count, 2)
        let byTemperature = try DLPlot.SoftmaxCommand.parse(["--logits", "1,2,3,4", "--temperature", "1,3", "--group-by", "temperature"])
        let other = try XCTUnwrap(try byTemperature.makeFigure().0.panels.first?.axes.marks.compactMap { $0 as? BarMark }.first)
        XCTAssertEqual(other.categories.count, 2)
        XCTAssertEqual(other.series.count, 4)
    }
}
