import XCTest
@testable import RunLogs

/// `--x epoch` on per-step logs: steps become the fractional epochs completed, each in (e, e + 1] of the
/// epoch e the log gives it.
final class EpochMapTests: XCTestCase {
    private func series(_ pairs: [(Int64, Double)]) -> MetricSeries {
        MetricSeries(name: "epoch", steps: pairs.map(\.0), values: pairs.map(\.1))
    }

    func testLightningFixtureStepsSpreadThroughTheirEpochs() throws {
        let run = try XCTUnwrap(try LogReader.read(try Fixture.path("lightning/metrics.csv")).first)
        let epochs = try XCTUnwrap(run.epochs)
        let map = EpochMap(epochs)
        // 44 steps an epoch: epoch 0 is steps 0…43 (its last logged step, where validation ran), epoch 1 44…87.
        XCTAssertEqual(map.epoch(at: 9), 10.0 / 44, accuracy: 1e-15, "10 of epoch 0's 44 steps done")
        XCTAssertEqual(map.epoch(at: 43), 1, accuracy: 1e-15, "validation at the epoch's last step: one epoch completed")
        XCTAssertEqual(map.epoch(at: 44), 1 + 1.0 / 44, accuracy: 1e-15)
        XCTAssertEqual(map.epoch(at: 49), 1 + 6.0 / 44, accuracy: 1e-15)
        // Every logged point lies in (e, e + 1] of the epoch its row gives.
        for (s, e) in zip(epochs.steps, epochs.values) {
            let x = map.epoch(at: s)
            XCTAssertTrue(x > e && x <= e + 1, "step \(s): \(x) outside epoch \(e)")
        }
        let train = try XCTUnwrap(run.metric("train_loss_step")).steps.map(map.epoch(at:))
        XCTAssertEqual(train, train.sorted(), "increasing with the step")
    }

    func testEpochsLoggedOnlyAtEpochEnds() {
        // {"step": 99, "epoch": 0, "val_loss": …} after every 100 steps; per-step losses carry no epoch.
        let map = EpochMap(series([(99, 0), (199, 1), (299, 2)]))
        XCTAssertEqual(map.epoch(at: 0), 0.01)
        XCTAssertEqual(map.epoch(at: 49), 0.5)
        XCTAssertEqual(map.epoch(at: 149), 1.5)
        XCTAssertEqual(map.epoch(at: 299), 3)
        XCTAssertEqual(map.epoch(at: 349), 3.5, accuracy: 1e-12, "after the last logged epoch: the same rate")
    }

    func testOneRowPerEpochIsAtItsEndAndAShortLastEpochIsNotStretched() {
        // One row per epoch, as Keras logs at each epoch's end: epoch e is e + 1 epochs completed.
        XCTAssertEqual(EpochMap(series([(0, 0), (1, 1), (2, 2)])).epoch(at: 1), 2)
        // Stopped 10 steps into epoch 2 of 100-step epochs.
        let map = EpochMap(series([(0, 0), (99, 0), (100, 1), (199, 1), (200, 2), (209, 2)]))
        XCTAssertEqual(map.epoch(at: 209), 2.1, accuracy: 1e-12)
    }

    func testFractionalEpochsAreUsedAsLoggedAndInterpolated() {
        let map = EpochMap(series([(10, 0.25), (20, 0.5), (40, 1.0)]))
        XCTAssertEqual(map.epoch(at: 20), 0.5)
        XCTAssertEqual(map.epoch(at: 30), 0.75)
        XCTAssertEqual(map.epoch(at: 5), 0.25)
    }

    func testDecreasingEpochsAreUsedAsLogged() {
        let map = EpochMap(series([(0, 3), (10, 1), (20, 2)]))
        XCTAssertEqual(map.epoch(at: 15), 1)
        XCTAssertTrue(EpochMap(series([])).epoch(at: 1).isNaN)
    }
}
