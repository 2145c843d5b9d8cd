import Optim
import Viz

/// XOR and the limits of a single line: the best line for AND, OR and XOR (only XOR leaves a point
/// misclassified), then the decision regions of a 2-2-1 sigmoid network — hand-set and trained by
/// backpropagation — with their hidden units' lines and the 0.5 contour, and the training loss.
public struct XORFigure: FigureRecipe {
    public var seed: UInt64 = 1
    public var learningRate = 2.0
    public var epochs = 5000

    /// A recipe (or value) with these fields; see each field.
    public init(seed: UInt64 = 1, learningRate: Double = 2.0, epochs: Int = 5000) {
        self.seed = seed
        self.learningRate = learningRate
        self.epochs = epochs
    }
    /// The view of every panel.
    public static let view = Interval(-0.5, 1.5)
    /// The four inputs.
    public static let inputs: [(Double, Double)] = XOR.inputs.map { ($0[0], $0[1]) }

    /// A line w·x = c classifying "1" where w·x > c, with its errors on four labelled points and its
    /// margin (the smallest distance of a point to it).
    public struct Line: Equatable {
        public var w: (Double, Double)
        public var c: Double
        public var errors: Int
        public var margin: Double
        public static func == (a: Line, b: Line) -> Bool { a.w == b.w && a.c == b.c && a.errors == b.errors && a.margin == b.margin }
        public func predicts(_ p: (Double, Double)) -> Bool { w.0 * p.0 + w.1 * p.1 > c }
    }

    /// The best single line for `labels` among `directions` unit normals (every threshold between
    /// consecutive projections is tried): fewest errors, then widest margin. For AND and OR it makes
    /// no error; for XOR every line misclassifies at least one point.
    public static func bestLine(labels: [Bool], directions: Int = 720) -> Line {
        var best = Line(w: (1, 0), c: 0, errors: Int.max, margin: -1)
        for k in 0..<directions {
            let t = Double(k) / Double(directions) * 2 * Double.pi
            let w = (Double.cos(t), Double.sin(t))
            let proj = inputs.map { w.0 * $0.0 + w.1 * $0.1 }
            let sorted = proj.sorted()
            var cuts = [sorted[0] - 0.5, sorted[3] + 0.5]
            for i in 0..<3 where sorted[i + 1] - sorted[i] > 1e-12 { cuts.append((sorted[i] + sorted[i + 1]) / 2) }
            for c in cuts {
                let errors = zip(proj, labels).filter { ($0 > c) != $1 }.count
                let margin = proj.map { abs($0 - c) }.min() ?? 0
                if errors < best.errors || (errors == best.errors && margin > best.margin + 1e-12) {
                    best = Line(w: w, c: c, errors: errors, margin: margin)
                }
            }
        }
        return best
    }

    /// The hand-set network: h₁ = σ(20x₁ + 20x₂ − 10) (OR), h₂ = σ(−20x₁ − 20x₂ + 30) (NAND),
    /// y = σ(20h₁ + 20h₂ − 30) (AND of the two).
    public static func handSetNetwork() throws -> MLP {
        let sigmoid = try Activation(name: "sigmoid")
        var net = try MLP(widths: [2, 2, 1], activations: [sigmoid, sigmoid], initialization: .glorotUniform, seed: 0)
        net.layers[0].weights = [20, 20, -20, -20]
        net.layers[0].biases = [-10, 30]
        net.layers[1].weights = [20, 20]
        net.layers[1].biases = [-30]
        return net
    }

    /// Pale blue (output 0) to amber (output 1): light to mid in greyscale, so the classes stay apart.
    public static let regionColormap: Colormap = {
        let a = Color(hex: 0xD4E6F5), b = Color(hex: 0xE09A3A)
        let table: [UInt32] = (0..<256).map { k in
            let c = a.mixed(with: b, Double(k) / 255)
            func byte(_ v: Double) -> UInt32 { UInt32((min(max(v, 0), 1) * 255).rounded()) }
            return byte(c.r) << 16 | byte(c.g) << 8 | byte(c.b)
        }
        return (try? Colormap(name: "xor-regions", table: table)) ?? .cividis
    }()

    /// Two far points of the line w·x = c, around the view's centre (the plot clips them).
    public static func segment(w: (Double, Double), c: Double) -> [Point] {
        let n = (w.0 * w.0 + w.1 * w.1).squareRoot()
        guard n > 0 else { return [] }
        let u = (w.0 / n, w.1 / n), d = c / n
        // The foot of the perpendicular from the view's centre (0.5, 0.5), then ±4 along the line.
        let s = 0.5 * u.0 + 0.5 * u.1 - d
        let base = Point(0.5 - s * u.0, 0.5 - s * u.1)
        return [-4.0, 4.0].map { t in Point(base.x - t * u.1, base.y + t * u.0) }
    }

    /// The four points, class 0 as open circles and class 1 as filled squares.
    public static func pointMarks(labels: [Bool], theme: Theme) -> [any Mark] {
        let pts = inputs.map { Point($0.0, $0.1) }
        let size = theme.markerSize * 1.9
        return [
            ScatterMark(points: zip(pts, labels).filter { !$1 }.map(\.0), shape: .circle, size: size, color: .white,
                        edge: .black, edgeWidth: 1.8, label: "class 0", zOrder: 6),
            ScatterMark(points: zip(pts, labels).filter { $1 }.map(\.0), shape: .square, size: size, color: .black,
                        edge: .white, edgeWidth: 1.2, label: "class 1", zOrder: 6),
        ]
    }

    public func baseAxes(_ title: String, theme: Theme) -> Axes {
        var a = Axes(title: title, xLabel: "$x_{1}$", yLabel: "$x_{2}$")
        a.xLimits = Self.view
        a.yLimits = Self.view
        a.equalAspect = true
        a.zeroLines = false
        a.legend = .none
        a.xTickLabels = [(0, "0"), (1, "1")]
        a.yTickLabels = [(0, "0"), (1, "1")]
        return a
    }

    public func build(into figure: inout Figure) throws -> [DataTable] {
        let theme = figure.theme
        figure.title = "XOR: one line is not enough, two hidden units are"
        figure.subtitle = "○ class 0, ■ class 1;  top: the best single line (widest margin among 720 directions);"
            + "  bottom: a 2-2-1 sigmoid network, shaded by its output, the 0.5 contour black, its hidden units' lines dashed white"
        var lineRows: [[Double]] = []
        let problems: [(String, [Bool])] = [("AND", [false, false, false, true]), ("OR", [false, true, true, true]),
                                            ("XOR", [false, true, true, false])]
        for (k, (name, labels)) in problems.enumerated() {
            let line = Self.bestLine(labels: labels)
            let verdict = line.errors == 0 ? "one line separates" : "best line misclassifies \(line.errors) of 4"
            var axes = baseAxes(name + ": " + verdict, theme: theme)
            axes.add(LineMark(points: Self.segment(w: line.w, c: line.c), style: StrokeStyle(color: theme.color(0), width: theme.lineWidth * 1.2), zOrder: 3))
            axes.add(contentsOf: Self.pointMarks(labels: labels, theme: theme))
            let wrong = zip(Self.inputs, labels).filter { line.predicts($0) != $1 }.map { Point($0.0.0, $0.0.1) }
            if !wrong.isEmpty {
                axes.add(ScatterMark(points: wrong, shape: .circle, size: theme.markerSize * 3.6, color: .clear,
                                     edge: theme.color(5), edgeWidth: 2.5, zOrder: 7))
                // Said on the side of the ring away from the plot's nearer edge: between the two rows of
                // inputs, where no other input is (above a point on the top row it had no room, and was
                // pushed down over the inputs beside it).
                // A plot too small for the words beside the ring says them in the footnote.
                for p in wrong {
                    let onTop = p.y > 0.5
                    var note = TextMark("wrong side", at: p, anchor: TextAnchor(0.5, onTop ? .top : .bottom),
                                        offset: Point(0, (onTop ? -1 : 1) * theme.markerSize * 2.2),
                                        color: theme.foreground, font: theme.noteFont, zOrder: 7)
                    note.footnote = "\(name): the best line puts the ringed input (\(Int(p.x)), \(Int(p.y))) on the wrong side."
                    axes.add(note)
                }
            }
            figure.add(axes, row: 0, column: k)
            lineRows.append([Double(k), line.w.0, line.w.1, line.c, Double(line.errors), line.margin])
        }

        let xorLabels = [false, true, true, false]
        let hand = try Self.handSetNetwork()
        let training = try XOR.train(seed: seed, learningRate: learningRate, epochs: epochs)
        let trainedWrong = zip(training.outputs, xorLabels).filter { ($0 > 0.5) != $1 }.count
        let nets: [(String, MLP)] = [
            ("hand-set: $\\sigma$(20$h_{1}$ + 20$h_{2}$ − 30)", hand),
            ("trained by backpropagation (seed \(seed))" + (trainedWrong == 0 ? "" : ": \(trainedWrong) wrong"), training.network),
        ]
        var pointRows: [[Double]] = Self.inputs.enumerated().map { [$0.element.0, $0.element.1, xorLabels[$0.offset] ? 1 : 0] }
        for (k, (title, net)) in nets.enumerated() {
            var axes = baseAxes(title, theme: theme)
            let copy = net
            let field = try FieldSampler.sample(x: Self.view, y: Self.view, nx: 241, ny: 241) { copy.evaluate($0, $1) }
            let heat = HeatmapMark(field: field, colormap: Self.regionColormap, normalization: try Normalization(.linear, lower: 0, upper: 1),
                                   interpolation: .bilinear)
            axes.add(heat)
            axes.add(try ContourMark(field: field, levels: .values([0.5]), color: theme.foreground, lineWidth: theme.lineWidth * 1.1, zOrder: 3))
            let hidden = net.layers[0]
            for o in 0..<hidden.outputs {
                axes.add(LineMark(points: Self.segment(w: (hidden.weight(o, 0), hidden.weight(o, 1)), c: -hidden.biases[o]),
                                  style: StrokeStyle(color: theme.background, width: 1.4, dash: [5, 4]), zOrder: 3.5))
            }
            axes.add(contentsOf: Self.pointMarks(labels: xorLabels, theme: theme))
            if k == 1 { axes.sideGuides = [Colorbar(for: heat, label: "network output")] }
            figure.add(axes, row: 1, column: k)
            for i in pointRows.indices { pointRows[i].append(net.evaluate(pointRows[i][0], pointRows[i][1])) }
        }

        var loss = Axes(title: "training loss (BCE, full batch, lr " + TickFormat.short(learningRate) + ")", xLabel: "epoch", yLabel: "loss (log scale)")
        loss.yScale = .log
        loss.legend = .none
        loss.add(LineMark(points: training.losses.enumerated().map { Point(Double($0.offset), $0.element) },
                          style: StrokeStyle(color: theme.color(0), width: theme.lineWidth), zOrder: 3))
        figure.add(loss, row: 1, column: 2)

        return [
            DataTable(name: "points", columns: ["x1", "x2", "label", "hand_set_output", "trained_output"], rows: pointRows,
                      integerColumns: ["label"]),
            DataTable(name: "best single lines w·x = c", columns: ["problem", "w1", "w2", "c", "errors", "margin"],
                      cells: DataTable(name: "", columns: ["problem", "w1", "w2", "c", "errors", "margin"], rows: lineRows).cells.map { row in
                          [.text(["AND", "OR", "XOR"][min(2, max(0, Int(row[0].number)))])] + row.dropFirst()
                      }),
            DataTable(name: "training loss", columns: ["epoch", "loss"], rows: training.losses.enumerated().map { [Double($0.offset), $0.element] }),
        ]
    }
}
