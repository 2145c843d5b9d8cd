/// An animation's frames as vector documents (SVG or PDF), laid out as the last frame on the document's own
/// canvas, as a still SVG or PDF of the last frame would be: the whole of frame k (a PDF a frame, for LaTeX's
/// animate package), or the two layers apart (the background once and each frame's overlay, stacked in one
/// animated SVG).
public struct AnimationDocuments: Sendable {
    /// The animation drawn.
    public let animation: Animation
    private let final: Figure
    private let movingFrom: [Int]
    private let texts: FrameTexts
    /// Vector output simplifies lines at 4 units a point, as a still SVG or PDF does.
    private let resolution = 4.0

    /// The documents of `animation`.
    public init(_ given: Animation) {
        let animation = given.withLastFrameLegends()
        self.animation = animation
        final = animation.lastFrame
        movingFrom = animation.still.panels.map(\.axes.marks.count)
        // Measured once, as a still SVG lays the last frame out (a figure that cannot be laid out fails in
        // `document`, with the reason).
        let (final, resolution) = (final, resolution)
        texts = (try? { () throws(VizError) -> FrameTexts in
            let canvas = try CairoBackend(size: final.size, kind: .measuring(pixelsPerPoint: 1))
            return FrameTexts(animation, layout: try FigureRenderer(figure: final, canvas: canvas, resolution: resolution).layout(), canvas: canvas)
        }()) ?? .none
    }

    /// What a document holds.
    public enum Part: Sendable {
        /// Frame k whole: the background and its moving layer.
        case frame(Int)
        /// The background alone (the page, texts, axes and the still marks under the moving ones).
        case background
        /// Frame k's moving layer alone, on a transparent page.
        case overlay(Int)
    }

    /// `part` as a document of `format` (.svg or .pdf; .png draws a raster page at the figure's dpi), with
    /// `metadata` in a PNG's text chunks and a PDF's Creator.
    /// SVG ids are numbered from 1 in each document (see `SVGNormalizer`).
    /// - Throws: `VizError` when the figure cannot be laid out or drawn.
    public func document(_ part: Part, as format: OutputFormat, metadata: FileMetadata = FileMetadata()) throws(VizError) -> [UInt8] {
        let kind: CairoBackend.Kind = switch format {
        case .svg: .svg
        case .pdf: .pdf(creator: metadata.software)
        case .png: .raster(pixelsPerPoint: final.dpi / 72)
        }
        let canvas = try CairoBackend(size: final.size, kind: kind)
        let layout = try FigureRenderer(figure: final, canvas: canvas, resolution: resolution).layout()
        let below = animation.stillBelow
        switch part {
        case .background:
            PanelDrawing(figure: final, canvas: canvas, resolution: resolution, layers: .background(below: below), titlesMove: animation.titlesMove).draw(texts.background(layout))
        case let .overlay(k), let .frame(k):
            if case .frame = part {
                PanelDrawing(figure: final, canvas: canvas, resolution: resolution, layers: .background(below: below), titlesMove: animation.titlesMove).draw(texts.background(layout))
            }
            let l = AnimationRenderer.frameLayout(animation, final: final, layout: layout, frame: k, canvas: canvas, texts: texts)
            PanelDrawing(figure: final, canvas: canvas, resolution: resolution,
                         layers: .overlay(from: below, movingFrom: movingFrom), titlesMove: animation.titlesMove).draw(l)
        }
        return try withExtendedLifetime(canvas) { () throws(VizError) -> [UInt8] in
            switch try canvas.finish() {
            case let .raster(argb, w, h, stride):
                return try PNGEncoder.encode(argb: argb, width: w, height: h, stride: stride, transparent: false, dpi: final.dpi, metadata: metadata)
            case let .document(bytes):
                return format == .svg ? SVGNormalizer.normalize(bytes) : bytes
            }
        }
    }
}
