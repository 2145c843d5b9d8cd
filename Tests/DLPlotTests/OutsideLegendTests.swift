import Viz
import XCTest
@testable import dlplot

/// A legend right of the plot stays below the figure's title and subtitle and on the page, however
/// tall it is (large font scales, many series): it moves below the plot, shrinks, or the page is
/// refused as too small, but it never runs over the titles.
final class OutsideLegendTests: XCTestCase {
    func testTallOutsideLegendsNeverMeetTheTitles() throws {
        let commands: [[String]] = [
            ["surface", "rosenbrock", "--view", "3d", "--font-scale", "1.5"],
            ["surface", "rosenbrock", "--view", "3d", "--font-scale", "1.6", "--size", "800x450"],
            ["surface", "himmelblau", "--view", "3d", "--optimizers", "gd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,nadam,radam,adamax,lion"],
            ["surface", "rosenbrock", "--optimizers", "gd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,nadam,radam,adamax,lion",
             "--font-scale", "1.3"],
            ["curves", "--surface", "ellipse", "--optimizers", "gd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw", "--font-scale", "1.4"],
        ]
        var checked = 0
        for args in commands {
            let report: LayoutReport
            do { report = try LayoutSweepTests.report(args) } catch let e as VizError {
                // Refused as too small a page is allowed; anything else is a failure.
                guard case .pageTooSmall = e else { XCTFail("\(args): \(e)"); continue }
                continue
            }
            checked += 1
            let titles = report.elements.filter { $0.kind == .title || $0.kind == .subtitle }.map(\.box)
            let legends = report.elements.filter { $0.kind == .legend }.map(\.box)
            XCTAssertFalse(legends.isEmpty, "\(args)")
            for legend in legends {
                for title in titles {
                    XCTAssertEqual(legend.overlapArea(title), 0, "\(args): legend \(legend) meets title \(title)")
                }
                XCTAssertGreaterThanOrEqual(legend.minY, 0)
                XCTAssertLessThanOrEqual(legend.maxY, report.height + 0.5, "\(args)")
                XCTAssertLessThanOrEqual(legend.maxX, report.width + 0.5, "\(args)")
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 3, "most of these commands draw")
    }
}
