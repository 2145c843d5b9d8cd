import Viz
import XCTest
@testable import dlplot

/// Commands from the layout sweep that once broke a layout rule, each checked on its layout report
/// (no two text boxes meet, none leaves the page or is cut off, no legend, note or annotation inside a
/// plot covers data), with the geometry that was wrong asserted directly.
final class LayoutRegressionTests: XCTestCase {
    private func report(_ line: String) throws -> LayoutReport {
        try LayoutSweepTests.report(line.split(separator: " ").map(String.init))
    }

    private func assertClean(_ line: String, file: StaticString = #filePath, _ lineNo: UInt = #line) throws {
        let problems = LayoutChecks.problems(try report(line))
        XCTAssertEqual(problems, [], line, file: file, line: lineNo)
    }

    func testSoftmaxClassLabelsBarLabelsAndTheEntropyCeilingKeepClear() throws {
        try assertClean("softmax --logits=2.81307,-0.109801,-1.45169,-1.74134,0.295165 --temperature 0.5,1,2 --theme light")
        try assertClean("softmax --logits=1.73506,-0.294242,-2.36567,-1.99801,-0.774655,-2.26138,2.76021 --temperature 0.25,0.5,1,2,4,8 --font-scale 1.09964 --theme dark")
        try assertClean("softmax --logits=2.33641,0.0514677,1.15071,1.38356,1.13175 --temperature 0.25,0.5,1,2,4,8 --group-by temperature --size 1920x1080 --theme print")
        // Every class keeps a label on the default page, on two lines ("z₁" over "= 2.813").
        let r = try report("softmax --logits=2.81307,-0.109801,-1.45169,-1.74134,0.295165 --temperature 0.5,1,2")
        let classes = r.elements.filter { $0.kind == .tickLabel && $0.text.hasPrefix("z") }
        XCTAssertEqual(classes.count, 5, classes.map(\.text).description)
        XCTAssertTrue(classes.allSatisfy { $0.text.contains("=") }, "each keeps its logit")
        let yTick = try XCTUnwrap(r.elements.first { $0.kind == .tickLabel && $0.text == "0.2" })
        XCTAssertTrue(classes.allSatisfy { $0.box.height > yTick.box.height * 1.6 })
    }

    func testSoftmaxOnAPortraitPageStacksItsPanels() throws {
        let r = try report("softmax --logits=-0.920633,2.13702,-1.28573 --temperature 0.5,1 --size 1629x1810 --theme print")
        XCTAssertEqual(LayoutChecks.problems(r), [])
        XCTAssertEqual(r.frames.count, 2)
        // The entropy plot is below the bars, not squeezed beside them.
        XCTAssertGreaterThan(r.frames[1].box.minY, r.frames[0].box.maxY)
        XCTAssertGreaterThan(r.frames[1].box.width, r.width * 0.3)
    }

    func testPointLabelsAndContourLabelsNeverMeet() throws {
        try assertClean("surface bowl --optimizers adamw,adam,nesterov --steps 50 --size 16x9cm --theme print")
        try assertClean("surface monkey_saddle --optimizers lion,nadam,lbfgs --steps 10 --style heatmap --size 640x480 --theme print")
        // Lion's 4-step cycle adds a legend line and a footnote line (S16-10), so 2651x1319 is now refused for
        // want of tick room; the size the refusal names is drawn, and its labels must still keep apart.
        try assertClean("surface six_hump_camel --optimizers rmsprop,momentum,lion,gd --steps 1000 --with-curves --size 2690x1513 --dpi 331 --theme light")
    }

    func testALegendBesideAnEqualAspectMapRunsOverNoAxisText() throws {
        // Nine optimizers on a square page: wherever the legend goes, it never runs over the x tick
        // labels or the x axis title (it was clamped up over them).
        let r = try report("surface six_hump_camel --optimizers lion,nadam,adagrad,lbfgs,adamw,momentum,asgd,adadelta,gd --steps 50 --xrange=-4:4 --yrange=-4:4 --start=5,5 --size 1505x1501 --font-scale 0.892987 --theme light")
        XCTAssertEqual(LayoutChecks.problems(r).filter { $0.contains("intersect") }, [])
    }

    func testAnOutsideLegendBesideAStackClearsTheLowerPanelsLabels() throws {
        // Twelve optimizers: the legend right of the loss plot reaches down beside the distance plot,
        // past its last x tick label ("1000" ran under it).
        try assertClean("curves --surface rosenbrock --optimizers adam,adagrad,radam,rmsprop,lbfgs,asgd,nadam,adamax,adafactor,rprop,nesterov,adadelta --steps 1000 --theme dark")
    }

    func testALegendTooWideForTheRightDoesNotCrushThePlotAboveIt() throws {
        // --legend outside on a square page: below the loss plot at a smaller font, the plot keeps its height
        // (it was 15 pixels tall, its two tick labels on top of each other).
        let r = try report("curves --surface ellipse --optimizers adamax,nadam,lbfgs,adagrad --steps 10 --size 800x800 --theme dark --legend outside")
        XCTAssertEqual(LayoutChecks.problems(r).filter { $0.contains("intersect") }, [])
        // (Below at 80 % of its font, the legend leaves the loss plot about a seventh of the page: six tick labels.)
        XCTAssertGreaterThan(r.frames[0].box.height, r.height * 0.14)
    }

    func testPlotsStackedOnOneStepAxisKeepTheSameWidth() throws {
        // A short legend right of the loss plot: the distance plot below keeps the same x extent, so
        // step k is at the same place in both (the loss plot has no step labels of its own).
        let r = try report("curves --surface ellipse --optimizers gd,momentum --steps 100")
        XCTAssertEqual(r.frames.count, 2)
        XCTAssertEqual(r.frames[0].box.minX, r.frames[1].box.minX, accuracy: 0.5)
        XCTAssertEqual(r.frames[0].box.width, r.frames[1].box.width, accuracy: 0.5)
    }

    func testNumericTickLabelsNeverMeetOnSmallPlots() throws {
        // Steps strips at large font scales and a log axis on a short plot: y labels were stacked on top
        // of each other ("0.0" over "0.2"), and two x labels ran together ("−4.0−3.5").
        var drawn = 0
        for line in ["steps --optimizer gd --surface ellipse --font-scale 1.75 --theme print",
                     "steps --optimizer nesterov --surface bowl --size 2237x1440 --theme print",
                     "steps --optimizer gd --surface bowl --panels 3 --size 640x480 --font-scale 1.6 --theme print",
                     "curves --surface beale --optimizers adam,nadam,lbfgs --steps 1000 --font-scale 1.35147 --theme print"] {
            // Drawn with labelled ticks that never meet, or (a plot under five tick labels) refused as too small.
            let r: LayoutReport
            do { r = try report(line) } catch VizError.pageTooSmall { continue }
            drawn += 1
            XCTAssertEqual(LayoutChecks.problems(r).filter { $0.contains("tick-label") }, [], line)
            let ticks = r.elements.filter { $0.kind == .tickLabel }
            XCTAssertGreaterThanOrEqual(ticks.count, 2 * r.frames.count, line + ": every plot keeps labelled ticks")
        }
        XCTAssertGreaterThanOrEqual(drawn, 3, "the default-page and large-page figures are drawn")
    }

    func testAPlotTooShortForTwoTickLabelsMakesThePageTooSmall() throws {
        // A map beside its curves on a 480×270 page at --font-scale 1.75 was 30 pixels high.
        XCTAssertThrowsError(try report("surface six_hump_camel --optimizers asgd,lbfgs,radam --steps 10 --with-curves --size 480x270 --font-scale 1.75")) { e in
            guard case VizError.pageTooSmall = e else { return XCTFail("\(e)") }
        }
    }

    func testManyPathsLeavingTheMapAreSaidOnceInAFootnote() throws {
        // Eleven optimizers at lr 10 beside their curves: eleven "leaves the view" notes ran over each other
        // and the paths of a short map. Now the map has none, and the footnote groups them.
        let r = try report("surface six_hump_camel --optimizers radam,adafactor,adadelta,lion,momentum,lbfgs,nadam,rmsprop,adam,gd,rprop --steps 50 --lr 10 --with-curves --theme light")
        XCTAssertEqual(r.elements.filter { $0.kind == .annotation }.map(\.text), [])
        // The footnote's lines (the runs' end points are said there too: eleven are too many for the curves' legend).
        let foot = r.elements.filter { $0.kind == .footnote }.map(\.text).joined(separator: "\n")
        XCTAssertTrue(foot.contains("Paths leaving the view: "), foot)
        XCTAssertTrue(foot.contains("Where each run ended and its final f: --data, or the legend of the map without --with-curves"), foot)
        XCTAssertTrue(foot.contains("at step 1"), foot)
        XCTAssertEqual(LayoutChecks.problems(r).filter { $0.contains("annotation") }, [])
        // One path leaving: its own note, next to the place, or (this small map has no spot free of its labels
        // and markers) the footnote's line; said once, not grouped.
        let one = try report("surface six_hump_camel --optimizers gd --steps 50 --lr 10 --with-curves --theme light")
        let said = one.elements.filter { [.annotation, .footnote].contains($0.kind) && $0.text.hasPrefix("gd: leaves the view at") }
        XCTAssertEqual(said.count, 1, "\(one.elements.map(\.text))")
        XCTAssertFalse(one.elements.contains { $0.kind == .footnote && $0.text.contains("Paths leaving") })
    }

    func testPanelTitlesOfEqualUnitMapsKeepALegibleSize() throws {
        // XOR at --font-scale 1.7: the maps are narrow, and their titles shrank to a few pixels
        // ("trained by backpropagation (seed 7)"); they may use their cell's width instead.
        // (At 31x21cm, where they would need less than the tick labels' size, the page is too small.)
        let r = try report("xor --epochs 254 --seed 7 --size 32.4x22cm --font-scale 1.70211 --theme light")
        let titles = r.elements.filter { $0.kind == .panelTitle }
        XCTAssertEqual(titles.count, 6)
        // A title line at the full title size is 1.12 / 0.9 of a tick label's height: none below 0.8 of one.
        let tick = try XCTUnwrap(r.elements.filter { $0.kind == .tickLabel && $0.text == "1" }.map(\.box.height).min())
        for t in titles { XCTAssertGreaterThan(t.box.height, tick * 0.8, t.text) }
        XCTAssertEqual(LayoutChecks.problems(r).filter { $0.contains("panel-title") }, [])
        XCTAssertTrue(titles.allSatisfy { $0.box.minX >= 0 && $0.box.maxX <= r.width })
    }

    func testTheLayoutReportKeepsItsPublishedKinds() throws {
        // A course's CI reads these names: the band label ("dead: f′ = 0") is a "band-label".
        let r = try report("activation relu")
        XCTAssertTrue(r.elements.contains { $0.kind.rawValue == "band-label" && $0.text.hasPrefix("dead") }, "\(r.elements.map(\.kind.rawValue))")
        let kinds = Set(FigureElement.Kind.allCases.map(\.rawValue))
        for k in ["title", "subtitle", "panel-title", "axis-label", "tick-label", "legend", "note", "annotation", "band-label",
                  "point-label", "contour-label", "colorbar-label", "table-cell", "footnote"] {
            XCTAssertTrue(kinds.contains(k), k)
        }
    }
}
