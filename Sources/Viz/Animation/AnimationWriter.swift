/// The animated file formats.
public enum AnimationFormat: String, Sendable, CaseIterable {
    case gif, webp, mp4, svg

    /// The format named by a file's extension (case-insensitive), or nil when it names none.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(rawValue: String(name[name.index(after: dot)...]).lowercased())
    }

    /// The highest frame rate the format plays faithfully (GIF delays are whole hundredths of a second,
    /// and browsers slow down delays under 2/100 s).
    public var maxFPS: Double { self == .gif ? 50 : 60 }

    /// Whether the frames are drawn as vectors (an SVG that plays with CSS) rather than pixels.
    public var isVector: Bool { self == .svg }

    /// The longest side the format's codec takes, in pixels (GIF's 16-bit sizes, libwebp's 14 bits, H.264
    /// level 6.2's 8192).
    public var maxSide: Int {
        switch self {
        case .gif: 65_535
        case .webp: 16_383
        case .mp4: 8192
        case .svg: 100_000
        }
    }
}

/// How frames are played: frames per second, how long the last frame stays, and whether the file repeats.
public struct AnimationTiming: Sendable {
    /// Frames per second.
    public var fps: Double
    /// Seconds the last frame is held, on top of its own 1/fps.
    public var hold: Double
    /// Play again from the start after the last frame.
    public var loop: Bool

    /// Timing with these fields; see each field.
    public init(fps: Double = 20, hold: Double = 0, loop: Bool = false) {
        self.fps = fps; self.hold = hold; self.loop = loop
    }

    /// The delay of each of `count` frames in units of 1/`unit` s (hundredths for GIF), rounded so the
    /// running total stays on the exact times k/fps; the last one includes the hold.
    public func delays(count: Int, unit: Double) -> [Int] {
        (0..<count).map { k in
            let d = Int((Double(k + 1) * unit / fps).rounded()) - Int((Double(k) * unit / fps).rounded())
            return k == count - 1 ? d + Int((hold * unit).rounded()) : d
        }
    }
}

/// Encodes an animation's frames, drawn on `jobs` threads, into one file's bytes.
public enum AnimationWriter {
    /// The bytes of the animation as `format`. `progress` is called after each frame is drawn.
    /// - Throws: `VizError` when a frame cannot be drawn or the encoder fails (a size the codec refuses).
    public static func encode(_ renderer: AnimationRenderer, as format: AnimationFormat, timing: AnimationTiming,
                              jobs: Int, progress: (@Sendable () -> Void)? = nil) throws(VizError) -> [UInt8] {
        switch format {
        case .gif: return try gif(renderer, timing: timing, jobs: jobs, progress: progress)
        case .webp: return try webp(renderer, timing: timing, jobs: jobs, progress: progress)
        case .mp4: return try mp4(renderer, timing: timing, jobs: jobs, progress: progress)
        case .svg: return try svg(AnimationDocuments(renderer.animation), timing: timing, jobs: jobs, progress: progress)
        }
    }

    /// One SVG that plays the frames with CSS (see `AnimatedSVG`): the background once, each moving element
    /// once, shown in its frames (growing paths revealed by their dash).
    /// - Throws: What `AnimationDocuments.document(_:as:metadata:)` throws: `VizError.pageTooSmall` when the page has no room for
    ///   what the figure holds (the `PageNeed` says what); `.invalidData` when a panel's marks hold no finite data or a log axis
    ///   has no positive data; `.invalidValue` for axis limits that are not two different finite numbers (positive on a log
    ///   axis), a font scale outside 0.1…10, a base font size outside 1…200 points or a size or dpi outside `Figure.validate`'s
    ///   limits; `.cairo` when Cairo cannot make its surface (out of memory).
    public static func svg(_ documents: AnimationDocuments, timing: AnimationTiming, jobs: Int,
                           progress: (@Sendable () -> Void)? = nil) throws(VizError) -> [UInt8] {
        let background = String(decoding: try documents.document(.background, as: .svg), as: UTF8.self)
        var frames: [String] = []
        try FramePipeline.run(count: documents.animation.frameCount, jobs: jobs, progress: progress, work: { (k) throws(VizError) -> String in
            String(decoding: try documents.document(.overlay(k), as: .svg), as: UTF8.self)
        }, consume: { (_, svg) throws(VizError) in frames.append(svg) })
        return AnimatedSVG.combine(background: background, frames: frames, timing: timing)
    }

    static func mp4(_ renderer: AnimationRenderer, timing: AnimationTiming, jobs: Int,
                    progress: (@Sendable () -> Void)?) throws(VizError) -> [UInt8] {
        let n = renderer.animation.frameCount
        let encoder = try MP4Encoder(width: renderer.width, height: renderer.height, fps: timing.fps)
        // A constant frame rate: the hold is the last frame repeated.
        let held = Int((timing.hold * timing.fps).rounded())
        try FramePipeline.run(count: n, jobs: jobs, frameBytes: renderer.width * renderer.height * 4, progress: progress,
                              work: { (k) throws(VizError) -> [UInt8] in
            try renderer.frame(k)
        }, consume: { (k, pixels) throws(VizError) in
            try encoder.add(pixels, frameWidth: renderer.width, repeat: k == n - 1 ? 1 + held : 1)
        })
        return try encoder.finish()
    }

    /// Every frame as a PNG file's bytes (at the figure's resolution, `metadata` in each), in frame order.
    /// - Throws: `VizError.cairo` when a frame cannot be drawn; `.png` when libpng cannot encode one (out of memory).
    public static func pngFrames(_ renderer: AnimationRenderer, jobs: Int, metadata: FileMetadata = FileMetadata(),
                                 progress: (@Sendable () -> Void)? = nil) throws(VizError) -> [[UInt8]] {
        var out: [[UInt8]] = []
        let dpi = renderer.animation.still.dpi
        let w = renderer.width, h = renderer.height
        try FramePipeline.run(count: renderer.animation.frameCount, jobs: jobs, frameBytes: w * h, progress: progress,
                              work: { (k) throws(VizError) -> [UInt8] in
            let pixels = try renderer.frame(k)
            return try pixels.withUnsafeBufferPointer { (buf) throws(VizError) -> [UInt8] in
                try PNGEncoder.encode(argb: buf, width: w, height: h, stride: w * 4, transparent: false, dpi: dpi, metadata: metadata)
            }
        }, consume: { (_, png) throws(VizError) in out.append(png) })
        return out
    }

    /// Every frame as a vector document of `format` (.pdf or .svg: background and moving layer on one page;
    /// .png at the figure's dpi), in frame order, each with `metadata`.
    /// - Throws: What `AnimationDocuments.document(_:as:metadata:)` throws: `VizError.pageTooSmall` when the page has no room for
    ///   what the figure holds (the `PageNeed` says what); `.invalidData` when a panel's marks hold no finite data or a log axis
    ///   has no positive data; `.invalidValue` for axis limits that are not two different finite numbers (positive on a log
    ///   axis), a font scale outside 0.1…10, a base font size outside 1…200 points or a size or dpi outside `Figure.validate`'s
    ///   limits; `.cairo` when Cairo cannot make its surface (out of memory).
    public static func documentFrames(_ documents: AnimationDocuments, as format: OutputFormat, jobs: Int,
                                      metadata: FileMetadata = FileMetadata(),
                                      progress: (@Sendable () -> Void)? = nil) throws(VizError) -> [[UInt8]] {
        var out: [[UInt8]] = []
        try FramePipeline.run(count: documents.animation.frameCount, jobs: jobs, progress: progress, work: { (k) throws(VizError) -> [UInt8] in
            try documents.document(.frame(k), as: format, metadata: metadata)
        }, consume: { (_, bytes) throws(VizError) in out.append(bytes) })
        return out
    }

    static func webp(_ renderer: AnimationRenderer, timing: AnimationTiming, jobs: Int,
                     progress: (@Sendable () -> Void)?) throws(VizError) -> [UInt8] {
        let n = renderer.animation.frameCount
        let encoder = try WebPEncoder(width: renderer.width, height: renderer.height, loop: timing.loop)
        let delays = timing.delays(count: n, unit: 1000)
        var time = 0
        try FramePipeline.run(count: n, jobs: jobs, frameBytes: renderer.width * renderer.height * 4, progress: progress,
                              work: { (k) throws(VizError) -> [UInt8] in
            try renderer.frame(k)
        }, consume: { (k, pixels) throws(VizError) in
            try encoder.add(pixels, timestamp: time)
            time += delays[k]
        })
        return try encoder.finish(end: time)
    }

    static func gif(_ renderer: AnimationRenderer, timing: AnimationTiming, jobs: Int,
                    progress: (@Sendable () -> Void)?) throws(VizError) -> [UInt8] {
        let n = renderer.animation.frameCount
        // The palette comes from the first, middle and last frames (all a path's colours, fading or not).
        let samples = try Set([0, n / 2, n - 1]).sorted().map { (k) throws(VizError) in try renderer.frameWords(k) }
        let palette = IndexedPalette(samples: samples)
        let first = samples[0], firstIndices = palette.indices(of: first)
        let encoder = try GIFEncoder(width: renderer.width, height: renderer.height, palette: palette, loop: timing.loop)
        let delays = timing.delays(count: n, unit: 100)
        try FramePipeline.run(count: n, jobs: jobs, frameBytes: renderer.width * renderer.height, progress: progress,
                              work: { (k) throws(VizError) -> [UInt8] in
            k == 0 ? firstIndices : try renderer.frameIndices(k, palette: palette, reference: first, referenceIndices: firstIndices)
        }, consume: { (k, indices) throws(VizError) in
            try encoder.add(indices, delay: delays[k])
        })
        return try encoder.finish()
    }
}
