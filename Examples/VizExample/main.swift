// VizExample: the example of Sources/Viz/README.md as a program; the tests build it, run it and decode its PNG.
import Foundation
import Viz

// A damped wave and its envelope on one axes, written as a 1280×720 PNG (the file named first).
let output = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "waves.png"
let t = (0...400).map { Double($0) * 0.025 }
let theme = Theme.light
var axes = Axes(title: "A damped wave", xLabel: "time t (s)", yLabel: "displacement (cm)")
axes.add(BandMark.vertical(from: 0, to: 1, color: theme.bandColors[2], text: "release"))
axes.add(LineMark(x: t, y: t.map { exp(-0.3 * $0) * sin(4 * $0) }, style: StrokeStyle(color: theme.color(0), width: 2),
                  label: "x(t) = e^(−0.3t) sin 4t"))
axes.add(LineMark(x: t, y: t.map { exp(-0.3 * $0) }, style: StrokeStyle(color: theme.color(1), width: 1.5, dash: [6, 3]),
                  label: "envelope e^(−0.3t)"))
do {
    var figure = try Figure(width: 1280, height: 720, dpi: 160, theme: theme)
    figure.add(axes)
    try figure.write(to: output, metadata: FileMetadata(software: "viz-example 1.0"))
} catch {
    FileHandle.standardError.write(Data("viz-example: \(error)\n".utf8))
    exit(1)
}
