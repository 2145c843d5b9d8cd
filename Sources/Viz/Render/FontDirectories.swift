import CCairo
import Platform

/// The fonts Pango sees: every font in the standard font directories (and TeX's OpenType fonts, where
/// Debian's fonts-lmodern puts Latin Modern), read through fontconfig's caches, without the system's
/// fontconfig rule files.
///
/// Loading those rules (fifty-odd XML files on a typical Linux system) costs about 4 ms at the start of
/// every process, more than drawing a simple figure; and the rules are desktop preferences (hinting,
/// sub-pixel order, family substitutions) that figures must not depend on. When `FONTCONFIG_FILE` or
/// `FONTCONFIG_PATH` is set, or the directories hold no font, the system configuration is used as is.
enum FontDirectories {
    /// The configuration given to fontconfig: the directories and caches of a stock installation, and
    /// the generic families mapped to DejaVu (the theme's default family).
    static let configuration = """
        <?xml version="1.0"?>
        <fontconfig>
          <dir>/usr/share/fonts</dir>
          <dir>/usr/local/share/fonts</dir>
          <dir>/usr/share/texmf/fonts/opentype</dir>
          <dir prefix="xdg">fonts</dir>
          <dir>~/.fonts</dir>
          <cachedir>/var/cache/fontconfig</cachedir>
          <cachedir prefix="xdg">fontconfig</cachedir>
          <alias><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>
          <alias><family>serif</family><prefer><family>DejaVu Serif</family></prefer></alias>
          <alias><family>monospace</family><prefer><family>DejaVu Sans Mono</family></prefer></alias>
        </fontconfig>
        """

    /// Installs the configuration once per process, before Pango's font map first asks fontconfig for
    /// anything; true when it is in use.
    static let installed: Bool = {
        if getenv("FONTCONFIG_FILE") != nil || getenv("FONTCONFIG_PATH") != nil { return false }
        guard let config = FcConfigCreate() else { return false }
        let loaded = configuration.withCString { xml in
            xml.withMemoryRebound(to: FcChar8.self, capacity: 1) { FcConfigParseAndLoadFromMemory(config, $0, 0) }
        }
        guard loaded != 0, FcConfigBuildFonts(config) != 0,
              let fonts = FcConfigGetFonts(config, FcSetSystem), fonts.pointee.nfont > 0,
              FcConfigSetCurrent(config) != 0 else {
            FcConfigDestroy(config)
            return false
        }
        // Kept for the life of the process (fontconfig before 2.13 did not take its own reference).
        return true
    }()
}
