import ArgumentParser
import Optim

/// What shell completion offers for dlplot's names: the built-in activations, surfaces, losses and
/// optimizers (typed expressions and torch calls are accepted too, but cannot be listed), the themes,
/// and file names by extension. The scripts come from `dlplot --generate-completion-script bash|zsh|fish`.
extension CompletionKind {
    static var activationNames: CompletionKind { .list(Activation.allNames) }
    static var surfaceNames: CompletionKind { .list(Surface.allNames) }
    static var lossNames: CompletionKind { .list(Loss.allNames) }
    static var optimizerNames: CompletionKind { .list(OptimizerConfig.allNames) }
    static var themeNames: CompletionKind { .list(["light", "dark", "print"]) }
    static var views: CompletionKind { .list(["plane", "3d"]) }
    static var figureFormats: CompletionKind { .list(["png", "svg", "pdf"]) }
    static var legendPlaces: CompletionKind {
        .list(["best", "outside", "below", "none", "upper-right", "upper-left", "lower-left", "lower-right"])
    }
    static var figureFiles: CompletionKind { .file(extensions: ["png", "svg", "pdf", "gif", "webp", "mp4"]) }
    static var csvFiles: CompletionKind { .file(extensions: ["csv"]) }
}
