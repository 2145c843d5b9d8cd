import XCTest
@testable import Viz
final class VizSmokeTests: XCTestCase { func testModule() { XCTAssertNotNil(Viz.self) } }
