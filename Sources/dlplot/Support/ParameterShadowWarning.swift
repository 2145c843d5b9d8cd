import Optim
import Synchronization

extension FunctionArguments {
    /// The warnings already given (a family or a page-fit redraw parses the same formula again).
    private static let warned = Mutex(Set<String>())

    /// Says, once per process, when one `--param` applies to several of the functions given: `'x*sigmoid(beta*x)'
    /// softplus --param beta=0.5,2` re-parametrises the built-in softplus too (torch's beta), which a user who meant
    /// the formula's β could not tell.
    static func noteSharedParameters(_ families: [(name: String, values: [Double])], takers: [String: [String]]) {
        for f in families {
            guard let texts = takers[f.name], texts.count > 1 else { continue }
            let list = texts.dropLast().joined(separator: ", ") + " and " + (texts.last ?? "")
            let message = "note: --param \(f.name) applies to every function that has it: \(list)\n"
            let isNew = warned.withLock { $0.insert(message).inserted }
            if isNew { writeStandardError(message) }
        }
    }

    /// Warns, once per process, when a `--param` of a formula has the name of a parameter of a
    /// built-in activation the formula calls: `elu(x) + alpha` with `--param alpha=0.5` adds 0.5 while
    /// `elu` keeps alpha = 1 (a student writing `elu(x)*alpha` to "scale elu by its alpha" got no hint).
    static func warnAboutBuiltInParameters(_ e: MathExpression) {
        for name in e.parameters.keys.sorted() {
            for a in e.calledActivations {
                guard let own = a.parameters[name] else { continue }
                let message = "warning: --param \(name) is a parameter of the formula only; \(a.name)(…) inside it keeps its default "
                    + "\(name) = \(TypedText.shortest(own)) (to set it, use the name: dlplot activation \(a.name) --param \(name)=…)\n"
                let isNew = warned.withLock { $0.insert(message).inserted }
                if isNew { writeStandardError(message) }
            }
        }
    }
}
