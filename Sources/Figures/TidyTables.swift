import Optim

/// Tidy tables shared by several figures, so the same quantity has the same columns in every command.
public enum TidyTables {
    /// One dead or saturated zone of an activation.
    public struct Zone: Sendable {
        public var activation: String
        public var dead: Bool
        public var lower: Double
        public var upper: Double

        public init(activation: String, dead: Bool, lower: Double, upper: Double) {
            self.activation = activation; self.dead = dead; self.lower = lower; self.upper = upper
        }
    }

    /// `activation,zone,x_from,x_to`: zone is `dead` (f′ = 0) or `saturated` (|f′| below the threshold).
    public static func zones(_ zones: [Zone]) -> DataTable {
        var t = DataTable(name: "zones", columns: ["activation", "zone", "x_from", "x_to"], cells: [])
        t.cells = zones.map { [.text($0.activation), .text($0.dead ? "dead" : "saturated"), .real($0.lower), .real($0.upper)] }
        return t
    }

    /// `activation,x,f,df` from one `x,f,df` table per activation (named by the activation).
    public static func curves(_ tables: [DataTable]) -> DataTable {
        DataTable.long(name: "curves", key: "activation", tables, columns: ["x", "f", "df"])
    }
}

extension Activation {
    /// The activation's name in data tables: its catalogue name or typed expression, with its parameter
    /// values (`x*sigmoid(beta*x) beta=0.5`) so members of a family stay apart.
    public var tableName: String {
        guard !parameters.isEmpty else { return name }
        return name + " " + parameters.keys.sorted().map { "\($0)=" + NumberText.shortest(parameters[$0] ?? .nan) }.joined(separator: " ")
    }
}
