import ArgumentParser
import Optim

/// Every hyper-parameter of the table (`HyperparameterKey`) as a command-line option of its own
/// (`weight_decay` → `--weight-decay <v>`, flags as `--amsgrad`). Each declaration takes its name and
/// help from the table entry of the property's key (`.setting(.weightDecay)`); `given()` reads them all
/// by reflection, so adding a hyper-parameter is its table entry plus one declaration here (a test checks
/// that every key has exactly one).
struct HyperparameterOptions: ParsableArguments {
    @Option(name: .setting(.lr), parsing: .unconditional, help: .setting(.lr)) var lr: String?
    @Option(name: .setting(.lrDecay), parsing: .unconditional, help: .setting(.lrDecay)) var lrDecay: String?
    @Option(name: .setting(.rho), parsing: .unconditional, help: .setting(.rho)) var rho: String?
    @Option(name: .setting(.lambd), parsing: .unconditional, help: .setting(.lambd)) var lambd: String?
    @Option(name: .setting(.alpha), parsing: .unconditional, help: .setting(.alpha)) var alpha: String?
    @Option(name: .setting(.t0), parsing: .unconditional, help: .setting(.t0)) var t0: String?
    @Option(name: .setting(.beta2Decay), parsing: .unconditional, help: .setting(.beta2Decay)) var beta2Decay: String?
    @Option(name: .setting(.beta1), parsing: .unconditional, help: .setting(.beta1)) var beta1: String?
    @Option(name: .setting(.beta2), parsing: .unconditional, help: .setting(.beta2)) var beta2: String?
    @Option(name: .setting(.etaminus), parsing: .unconditional, help: .setting(.etaminus)) var etaminus: String?
    @Option(name: .setting(.etaplus), parsing: .unconditional, help: .setting(.etaplus)) var etaplus: String?
    @Option(name: .setting(.stepSizeMin), parsing: .unconditional, help: .setting(.stepSizeMin)) var stepSizeMin: String?
    @Option(name: .setting(.stepSizeMax), parsing: .unconditional, help: .setting(.stepSizeMax)) var stepSizeMax: String?
    @Option(name: .setting(.eps), parsing: .unconditional, help: .setting(.eps)) var eps: String?
    @Option(name: .setting(.eps1), parsing: .unconditional, help: .setting(.eps1)) var eps1: String?
    @Option(name: .setting(.eps2), parsing: .unconditional, help: .setting(.eps2)) var eps2: String?
    @Option(name: .setting(.d), parsing: .unconditional, help: .setting(.d)) var d: String?
    @Option(name: .setting(.momentum), parsing: .unconditional, help: .setting(.momentum)) var momentum: String?
    @Option(name: .setting(.dampening), parsing: .unconditional, help: .setting(.dampening)) var dampening: String?
    @Option(name: .setting(.weightDecay), parsing: .unconditional, help: .setting(.weightDecay)) var weightDecay: String?
    @Option(name: .setting(.initialAccumulatorValue), parsing: .unconditional, help: .setting(.initialAccumulatorValue))
    var initialAccumulatorValue: String?
    @Option(name: .setting(.momentumDecay), parsing: .unconditional, help: .setting(.momentumDecay)) var momentumDecay: String?
    @Option(name: .setting(.maxIter), parsing: .unconditional, help: .setting(.maxIter)) var maxIter: String?
    @Option(name: .setting(.maxEval), parsing: .unconditional, help: .setting(.maxEval)) var maxEval: String?
    @Option(name: .setting(.toleranceGrad), parsing: .unconditional, help: .setting(.toleranceGrad)) var toleranceGrad: String?
    @Option(name: .setting(.toleranceChange), parsing: .unconditional, help: .setting(.toleranceChange)) var toleranceChange: String?
    @Option(name: .setting(.historySize), parsing: .unconditional, help: .setting(.historySize)) var historySize: String?
    @Flag(name: .setting(.nesterov), help: .setting(.nesterov)) var nesterov = false
    @Flag(name: .setting(.centered), help: .setting(.centered)) var centered = false
    @Flag(name: .setting(.amsgrad), help: .setting(.amsgrad)) var amsgrad = false
    @Flag(name: .setting(.decoupledWeightDecay), help: .setting(.decoupledWeightDecay)) var decoupledWeightDecay = false
    /// torch's `line_search_fn` is a string: the option takes its one value, strong_wolfe.
    @Option(name: .setting(.lineSearchFn), parsing: .unconditional, help: .setting(.lineSearchFn)) var lineSearchFn: String?
    @Flag(name: .setting(.maximize), help: .setting(.maximize)) var maximize = false

    /// Each declared option as (its table key, the text typed or nil; flags as "true" when given), in
    /// declaration order, read by reflection: the property `weightDecay` is the key `.weightDecay`.
    var declared: [(key: HyperparameterKey?, text: String?)] {
        Mirror(reflecting: self).children.map { child in
            let label = String((child.label ?? "").drop { $0 == "_" })
            let key = HyperparameterKey.allCases.first { "\($0)" == label }
            if let option = child.value as? Option<String?> { return (key, option.wrappedValue) }
            if let flag = child.value as? Flag<Bool> { return (key, flag.wrappedValue ? "true" : nil) }
            return (key, nil)
        }
    }

    /// The settings given, in table order, each with the option it came from (for messages). Numbers are
    /// checked as finite decimals; `--line-search-fn` takes only strong_wolfe.
    func given() throws -> [OptimizerSettings.Given] {
        let texts = Dictionary(declared.compactMap { d in d.key.map { ($0, d.text) } }, uniquingKeysWith: { a, _ in a })
        var given: [OptimizerSettings.Given] = []
        for key in HyperparameterKey.allCases {
            guard let text = texts[key] ?? nil else { continue }
            let option = key.entry.optionName
            if key == .lineSearchFn, text != "strong_wolfe" {
                throw ArgumentRefusal.invalid(option, text, "expected strong_wolfe (torch's only line search)")
            }
            let value: OptimizerSetting = key.isFlag ? .flag(true) : .number(try NumberArguments.finite(text, option: option))
            given.append(.init(option: option, key: key.name, value: value, typed: key.isFlag ? nil : text))
        }
        return given
    }
}
