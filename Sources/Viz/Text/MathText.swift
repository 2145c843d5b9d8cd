/// Checks label text before it is drawn, so a command can warn about math it cannot set.
public enum MathText {
    /// Why some math in `label` cannot be set (an unpaired `$`, malformed math, nesting deeper than
    /// 32 levels), in which case the whole label is drawn as its literal text; nil when it parses.
    public static func problem(in label: String) -> String? {
        MathParser.parseReporting(label).problem
    }
}
