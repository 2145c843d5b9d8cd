import XCTest
@testable import dlplot
final class DLPlotSmokeTests: XCTestCase { func testModule() { XCTAssertFalse(DLPlotVersion.string.isEmpty) } }
