import ArgumentParser
import Optim
import Viz

/// What shell completion offers for dlplot's names: the built-in activations, surfaces, losses,
/// optimizers, lr scheduler classes, 1-D curves and landscape tasks (typed expressions and torch calls are accepted too, but
/// cannot be listed), the themes, and file names by extension. Every option whose values are a closed
/// list completes them. The scripts come from `dlplot --generate-completion-script bash|zsh|fish`.
extension CompletionKind {
    static var activationNames: CompletionKind { .list(Activation.allNames) }
    static var surfaceNames: CompletionKind { .list(Surface.allNames) }
    static var lossNames: CompletionKind { .list(Loss.allNames) }
    static var optimizerNames: CompletionKind { .list(OptimizerConfig.allNames) }
    /// The lr scheduler classes `--schedule` takes (their arguments are typed after the name).
    static var scheduleClasses: CompletionKind { .list(LRSchedule.classNames) }
    static var curveNames: CompletionKind { .list(Curve1D.allNames) }
    static var taskNames: CompletionKind { .list(LandscapeTask.allCases.map(\.rawValue)) }
    static var themeNames: CompletionKind { .list(Theme.all.map(\.name)) }
    static var views: CompletionKind { .list(["plane", "3d"]) }
    static var figureFormats: CompletionKind { .list(["png", "svg", "pdf"]) }
    static var legendPlaces: CompletionKind {
        .list(["best", "outside", "below", "none", "upper-right", "upper-left", "lower-left", "lower-right"])
    }
    static var figureFiles: CompletionKind { .file(extensions: ["png", "svg", "pdf", "gif", "webp", "mp4"]) }
    static var csvFiles: CompletionKind { .file(extensions: ["csv"]) }
}
