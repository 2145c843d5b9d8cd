import ArgumentParser
import Optim

/// A `--param` value outside its parameter's domain, refused in the one form before Optim refuses it in
/// its own words (which showed the value as -1.0, not as typed): the option, the item as typed, then the rule, e.g.
/// `invalid --param 'alpha=-1': elu's alpha must be a finite number >= 0`.
enum ParameterDomainRefusal {
    /// Throws for the first value of `families` that `specs`, the parameters of `owner` (a built-in
    /// activation or loss), do not accept; `params` are the `--param` items as typed.
    static func check(_ families: [(name: String, values: [Double])], specs: [ParameterSpec], owner: String,
                      params: [String], option: String = "--param") throws {
        for family in families {
            guard let spec = specs.first(where: { $0.name == family.name }) else { continue }
            for value in family.values where !spec.domain.contains(value) {
                let item = FunctionArguments.typed(family.name, in: params)
                var reason = "\(owner)'s \(family.name) must be \(spec.domain.text)"
                if family.values.count > 1 {
                    let list = String(item.drop { $0 != "=" }.dropFirst())
                    reason += " ('\(TypedText.item(of: list, value))' is not)"
                }
                throw ArgumentRefusal.invalid(option, item, reason)
            }
        }
    }
}
