import CCairo

/// The font families text can be set in: those fontconfig finds in the directories `FontDirectories`
/// names (or the system's configuration when `FONTCONFIG_FILE`/`FONTCONFIG_PATH` is set).
public enum FontCatalog {
    /// Every installed family name, sorted, each once (a font with several names, such as
    /// "Latin Modern Roman" and "LM Roman 10", lists all of them).
    public static func families() -> [String] {
        _ = FontDirectories.installed
        guard let pattern = FcPatternCreate() else { return [] }
        defer { FcPatternDestroy(pattern) }
        guard let objects = FcObjectSetCreate() else { return [] }
        defer { FcObjectSetDestroy(objects) }
        _ = FcObjectSetAdd(objects, FC_FAMILY)
        guard let list = FcFontList(nil, pattern, objects) else { return [] }
        defer { FcFontSetDestroy(list) }
        var names = Set<String>()
        for i in 0..<Int(list.pointee.nfont) {
            guard let font = list.pointee.fonts[i] else { continue }
            var k: Int32 = 0
            var value: UnsafeMutablePointer<FcChar8>?
            while FcPatternGetString(font, FC_FAMILY, k, &value) == FcResultMatch, let v = value {
                names.insert(String(cString: v))
                k += 1
            }
        }
        return names.sorted()
    }

    /// Whether fontconfig has a font of the family `name` (fontconfig compares families without
    /// regard to case); a cheap query of one family, unlike `families()`.
    public static func isInstalled(_ name: String) -> Bool {
        _ = FontDirectories.installed
        guard let pattern = FcPatternCreate() else { return false }
        defer { FcPatternDestroy(pattern) }
        let added = name.withCString { c in c.withMemoryRebound(to: FcChar8.self, capacity: 1) { FcPatternAddString(pattern, FC_FAMILY, $0) } }
        guard added != 0, let objects = FcObjectSetCreate() else { return false }
        defer { FcObjectSetDestroy(objects) }
        _ = FcObjectSetAdd(objects, FC_FAMILY)
        guard let list = FcFontList(nil, pattern, objects) else { return false }
        defer { FcFontSetDestroy(list) }
        return list.pointee.nfont > 0
    }

    /// The installed family called `name` (compared without regard to case), or nil.
    public static func family(named name: String) -> String? {
        let wanted = name.lowercased()
        return families().first { $0.lowercased() == wanted }
    }

    /// A few installed families for an error message: the regular faces first (no "Bold", "Mono …"
    /// variants), at most `limit`.
    public static func sample(limit: Int = 6) -> [String] {
        let all = families()
        let plain = all.filter { f in !["Bold", "Oblique", "Italic", "Condensed", "Light", "Caps", " Cond", "Demi", "Slanted",
                                        "Unslanted", "Dunhill", "Quotation", "Prop", "LM "].contains { f.contains($0) } }
        return Array((plain.isEmpty ? all : plain).prefix(limit))
    }
}
