import Optim
import Viz
import XCTest
@testable import dlplot

/// Figures stay right under every valid option: commands generated from a fixed seed across every
/// figure command and its options, each rendered (in process, through the recording backend) and its
/// layout report checked by `LayoutChecks`. `make test` runs the first `defaultCount`; `DLPLOT_SWEEP_COUNT`
/// sets how many (the full sweep is 2,000+), `DLPLOT_SWEEP_SEED` the seed, `DLPLOT_SWEEP_LOG` a file for
/// every failure, `DLPLOT_SWEEP_BINARY` a built `dlplot` to run each command with instead (a release build
/// runs the full count in minutes: `swift build -c release --product dlplot`, then
/// `DLPLOT_SWEEP_BINARY=.build/release/dlplot DLPLOT_SWEEP_COUNT=2000`).
final class LayoutSweepTests: XCTestCase {
    /// Commands checked when `DLPLOT_SWEEP_COUNT` is not set (a couple of minutes on a quiet machine).
    static let defaultCount = 25

    func testGeneratedCommandsKeepTheLayoutRules() throws {
        let env = ProcessInfo.processInfo.environment
        let count = env["DLPLOT_SWEEP_COUNT"].flatMap(Int.init) ?? Self.defaultCount
        var gen = SweepGenerator(seed: env["DLPLOT_SWEEP_SEED"].flatMap(UInt64.init) ?? 20_261_129)
        let binary = env["DLPLOT_SWEEP_BINARY"]
        var kinds: [String: Int] = [:]
        var failures: [String] = [], refused: [String] = [], tooSmall = 0
        for _ in 0..<count {
            let args = gen.next()
            let line = "dlplot " + args.joined(separator: " ")
            do {
                let report = try binary.map { try SweepBinary.report(args, binary: $0) } ?? Self.report(args)
                // A legend put in a corner the user named stays there, over data if need be (README): only
                // the placements the layout chooses must keep off the data.
                let corner = zip(args, args.dropFirst()).contains { $0 == "--legend" && Self.corners.contains($1) }
                let problems = LayoutChecks.problems(report).filter { !(corner && $0.hasPrefix("legend ") && $0.contains(" covers ")) }
                for p in problems { kinds[Self.kind(of: p), default: 0] += 1 }
                if !problems.isEmpty { failures.append(line + "\n    " + problems.prefix(4).joined(separator: "\n    ")) }
            } catch let e as SweepBinary.Refusal {
                if e.tooSmall { tooSmall += 1 } else { refused.append(line + "\n    " + e.description) }
            } catch let e as VizError {
                // A page too small for its content is refused (exit 64) by design; count, do not fail.
                if case .pageTooSmall = e { tooSmall += 1 } else { refused.append(line + "\n    " + e.description) }
            } catch {
                refused.append(line + "\n    " + String(describing: error))
            }
        }
        if let dir = env["DLPLOT_SWEEP_LOG"] {
            try (failures + ["--- refused"] + refused).joined(separator: "\n").write(toFile: dir, atomically: true, encoding: .utf8)
        }
        print("layout sweep: \(count) commands, \(failures.count) break a rule, \(refused.count) refused, \(tooSmall) refused as too small a page; "
              + "broken rules by kind: \(kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        XCTAssertEqual(refused, [], "valid commands refused")
        XCTAssertEqual(failures.count, 0, "\(failures.count) of \(count) commands break the layout rules:\n" + failures.prefix(30).joined(separator: "\n"))
    }

    /// The rule a `LayoutChecks` problem line breaks: intersect, off the page, cut off, or covers data.
    static func kind(of problem: String) -> String {
        for k in ["intersect", "leaves the page", "is cut off", "covers"] where problem.contains(k) { return k }
        return "other"
    }

    /// The `--legend` values that put the legend in a fixed corner.
    static let corners: Set<String> = ["upper-right", "upper-left", "lower-left", "lower-right"]

    /// The layout report of a command line, as `--layout-report` writes it.
    static func report(_ args: [String]) throws -> LayoutReport {
        let parsed = try DLPlot.parseAsRoot(args)
        guard let command = parsed as? any FigureCommand else { throw FigureError("not a figure command") }
        var (figure, _) = try command.makeFigure()
        try command.figureOptions.layout.apply(to: &figure, yAxis: !command.drawsItsOwnYAxis)
        // As the command does: on its default page, a figure that does not fit grows the page.
        figure = command.figureOptions.grownToFit(figure, format: .png)
        return try figure.layoutReport()
    }
}

/// Valid command lines drawn from a seeded generator (SplitMix64), covering sizes 480×270…3840×2160 in
/// pixels, inches and centimetres, font scales 0.7–2, every theme, 1–12 series, narrow to very wide
/// ranges and ranges far from the origin, divergent learning rates, starts on and outside the view's
/// edges, and softmax at its limits (12 logits, 6 temperatures).
struct SweepGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    private mutating func nextRaw() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D1_0491_33F6_49BB
        return z ^ (z >> 31)
    }
    private mutating func int(_ n: Int) -> Int { Int(nextRaw() % UInt64(n)) }
    private mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * Double(nextRaw() >> 11) / Double(1 << 53) }
    private mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
    private mutating func some(_ xs: [String], _ n: Int) -> [String] {
        var pool = xs, out: [String] = []
        for _ in 0..<min(n, xs.count) { out.append(pool.remove(at: int(pool.count))) }
        return out
    }
    /// Enough digits that a narrow range far from the origin keeps its two ends apart (six gave
    /// "10001:10001" for 10001 ± 0.05, an empty range refused by design).
    private func f(_ v: Double) -> String {
        String(format: "%.10g", v)
    }

    mutating func next() -> [String] {
        var args: [String]
        switch int(11) {
        case 0: args = activation()
        case 1: args = ["activations", "--names", some(Activation.allNames, 1 + int(12)).joined(separator: ",")]
        case 2, 3: args = surface()
        case 4: args = curves()
        case 5: args = lr()
        case 6: args = loss()
        case 7: args = softmax()
        case 8: args = ["steps", "--optimizer", pick(["gd", "momentum", "adam", "rmsprop", "nesterov"]), "--surface", pick(["ellipse", "rosenbrock", "bowl"])]
            + (int(2) == 0 ? ["--panels", "\(1 + int(8))"] : [])
        case 9: args = ["vanishing", "--depth", "\(5 + int(46))", "--width", "\(pick([32, 64, 128, 256]))"]
        default: args = int(2) == 0 ? ["xor", "--epochs", "\(50 + int(600))", "--seed", "\(int(9))"] : ["pitfalls"]
        }
        return args + common()
    }

    private mutating func common() -> [String] {
        var out: [String] = []
        switch int(4) {
        case 0: out += ["--size", "\(480 + int(3361))x\(270 + int(1891))"]
        case 1: out += ["--size", pick(["480x270", "3840x2160", "1920x1080", "640x480", "1024x768", "800x800"])]
        case 2: out += ["--size", pick(["8x4.5in", "6x4in", "10x5.625in", "20x12cm", "16x9cm", "30x20cm"])]
        default: break
        }
        if int(2) == 0 { out += ["--font-scale", f(uniform(0.7, 2))] }
        out += ["--theme", pick(["light", "dark", "print"])]
        if int(6) == 0 { out += ["--legend", pick(["best", "outside", "below", "upper-left", "lower-right"])] }
        return out
    }

    private mutating func range(center: Double) -> String {
        let half = pick([0.05, 0.5, 2, 6, 40, 1000])
        let c = int(3) == 0 ? center + pick([100, -1000, 1e4]) : center
        return "\(f(c - half)):\(f(c + half))"
    }

    private mutating func activation() -> [String] {
        var a = ["activation"] + some(Activation.allNames, int(3) == 0 ? 1 + int(12) : 1)
        if int(3) == 0 { a += ["--range=" + range(center: 0)] }
        if int(5) == 0 { a += [pick(["--no-derivative", "--derivative-only", "--no-zones"])] }
        return a
    }

    private mutating func surface() -> [String] {
        let s = pick(["rosenbrock", "beale", "himmelblau", "saddle", "six_hump_camel", "booth", "ellipse", "bowl", "rastrigin", "monkey_saddle"])
        var a = ["surface", s, "--optimizers", some(OptimizerConfig.allNames.filter { $0 != "sgd" }, 1 + int(12)).joined(separator: ",")]
        a += ["--steps", "\(pick([1, 10, 50, 200, 1000]))"]
        if int(3) == 0 { a += ["--lr", f(pick([0.001, 0.01, 0.1, 0.5, 2, 10]))] }
        switch int(5) {
        case 0: a += ["--xrange=-4:4", "--yrange=-4:4", "--start=" + pick(["4,0", "-4,4", "0,-4", "5,5", "-6,1"])]
        case 1: a += ["--xrange=" + range(center: 1), "--yrange=" + range(center: 1)]
        default: break
        }
        switch int(6) {
        case 0: a += ["--style", "heatmap"]
        case 1: a += ["--view", "3d", "--elevation", "\(10 + int(80))"]
        case 2: a += ["--with-curves"]
        default: break
        }
        return a
    }

    private mutating func curves() -> [String] {
        ["curves", "--surface", pick(["rosenbrock", "ellipse", "beale", "booth"]),
         "--optimizers", some(OptimizerConfig.allNames.filter { $0 != "sgd" }, 1 + int(12)).joined(separator: ","),
         "--steps", "\(pick([10, 100, 1000, 100_000]))"] + (int(3) == 0 ? ["--lr", f(pick([0.001, 0.1, 5]))] : [])
    }

    private mutating func lr() -> [String] {
        let rates = (0..<(1 + int(6))).map { _ in pick([0.01, 0.05, 0.2, 0.5, 0.9, 1.0, 1.1, 1.5]) }
        var a = ["lr", "--function", pick(["square", "double_well"]), "--rates", Array(Set(rates)).sorted().map { f($0) }.joined(separator: ",")]
        if int(3) == 0 { a += ["--start=" + f(pick([-2, 0.5, 1.7, 3]))] }
        return a
    }

    private mutating func loss() -> [String] {
        var a = ["loss"]
        if int(2) == 0 { a += ["--delta", f(pick([0.1, 0.3, 1, 3]))] }
        if int(2) == 0 { a += ["--error-range=" + pick(["-10:10", "-1:1", "-3:3", "-100:100"])] }
        if int(2) == 0 { a += ["--probabilities", pick(["0.01,0.2,0.5,0.8,0.99", "0.5", "0.1,0.9"])] }
        if int(3) == 0 { a += ["--gradients"] }
        return a
    }

    private mutating func softmax() -> [String] {
        let n = int(2) == 0 ? 12 : 2 + int(10)
        let logits = (0..<n).map { _ in f(uniform(-3, 3)) }
        let temps = int(2) == 0 ? ["0.25", "0.5", "1", "2", "4", "8"] : Array(["0.5", "1", "2"].prefix(1 + int(3)))
        return ["softmax", "--logits=" + logits.joined(separator: ","), "--temperature", temps.joined(separator: ",")]
            + (int(2) == 0 ? ["--group-by", "temperature"] : [])
    }
}
