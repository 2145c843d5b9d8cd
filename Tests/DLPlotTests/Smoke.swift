import XCTest
@testable import Figures
@testable import dlplot
final class DLPlotSmokeTests: XCTestCase { func testModule() { XCTAssertFalse(DLPlotVersion.string.isEmpty) } }
