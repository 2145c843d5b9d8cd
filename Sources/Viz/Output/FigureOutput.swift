extension Figure {
    /// The figure as the bytes of a PNG, SVG or PDF file; `metadata` goes into PNG text chunks and the PDF
    /// Creator (SVG output holds none, so that it stays byte-identical across versions).
    /// - Throws: `VizError.pageTooSmall` when the page has no room for what the figure holds (the `PageNeed` says what);
    ///   `.invalidData` when a panel's marks hold no finite data or a log axis has no positive data; `.invalidValue` for axis
    ///   limits that are not two different finite numbers (positive on a log axis), a font scale outside 0.1…10, a base font size
    ///   outside 1…200 points or a size or dpi outside `Figure.validate`'s limits; `.cairo` when Cairo cannot make its surface
    ///   or finish the document (out of memory); `.png` when libpng cannot encode the image (out of memory).
    public func render(as format: OutputFormat, metadata: FileMetadata = FileMetadata()) throws(VizError) -> [UInt8] {
        let canvas: CairoBackend
        let resolution: Double
        switch format {
        case .png:
            resolution = dpi / 72
            canvas = try CairoBackend(size: size, kind: .raster(pixelsPerPoint: resolution))
        case .svg:
            resolution = 4
            canvas = try CairoBackend(size: size, kind: .svg)
        case .pdf:
            resolution = 4
            canvas = try CairoBackend(size: size, kind: .pdf(creator: metadata.software))
        }
        try FigureRenderer(figure: self, canvas: canvas, resolution: resolution).render()
        // The raster pixels belong to the canvas: keep it alive until they are encoded.
        return try withExtendedLifetime(canvas) { () throws(VizError) -> [UInt8] in
            switch try canvas.finish() {
            case let .raster(argb, w, h, stride):
                return try PNGEncoder.encode(argb: argb, width: w, height: h, stride: stride, transparent: transparent,
                                             dpi: dpi, metadata: metadata)
            case let .document(bytes):
                return format == .svg ? SVGNormalizer.normalize(bytes) : bytes
            }
        }
    }

    /// Renders and writes the figure to `path` atomically; the format comes from the extension unless given.
    /// - Throws: `VizError.missingExtension` or `.invalidValue` when `format` is nil and the extension is not .png, .svg or .pdf;
    ///   what `render(as:metadata:)` throws (`.png` naming `path`); `VizError.io` (naming the path) when a path is empty, its
    ///   directory does not exist, it is a directory, a device, a FIFO, a symbolic link to a missing file, or its name is too
    ///   long, when a path is named twice, or when writing or renaming fails (the temporary files are removed).
    public func write(to path: String, format: OutputFormat? = nil, metadata: FileMetadata = FileMetadata()) throws(VizError) {
        let f: OutputFormat
        if let format { f = format } else { f = try OutputFormat(path: path) }
        let bytes: [UInt8]
        do throws(VizError) { bytes = try render(as: f, metadata: metadata) } catch {
            if case let .png(_, message) = error { throw VizError.png(path: path, message: message) }
            throw error
        }
        try AtomicFile.write(bytes, to: path)
    }
}
