/// The columns (CSV) or keys (JSON lines) that name the run a row belongs to, so that one file can hold
/// several runs, as a table made with `pd.concat` of runs, a W&B or MLflow export, TensorBoard's
/// `ExperimentFromDev.get_scalars()` (`run,tag,step,value`) or dlplot's own `--data` table does.
///
/// By default (`automatic`) a column named (any case, a space as `_`) `run`, `run_name`, `run_id`,
/// `name`, `model`, `experiment`, `exp_name`, `trial`, `job` or `seed` splits the rows into runs named by
/// its values (`adam`, `sgd`; a number in a `seed` column as `seed0`, so `--group 'seed[0-9]+'` groups
/// them); several such columns join their values with a space (`adam seed0`). A column named by the user
/// (`--run-column COLUMN`) replaces the list; `none` splits nothing.
///
/// A long ("tidy") table, with a text column `metric`, `tag` or `key` naming the metric of each row and a
/// column `value` holding it, has its metrics named by that column (`RunColumns.metricNames`).
public struct RunColumns: Sendable, Equatable {
    /// The column names that split runs, lower-case, a space as `_`.
    public var names: [String]
    /// Whether the user named them: a named column missing from a text log is an error.
    public var explicit: Bool

    public init(names: [String], explicit: Bool) {
        self.names = names.map(Self.normalized)
        self.explicit = explicit
    }

    /// The columns recognised without being named.
    public static let recognised = ["run", "run_name", "run_id", "name", "model", "experiment", "exp_name", "trial", "job", "seed"]
    public static let automatic = RunColumns(names: recognised, explicit: false)
    /// The columns of a long table that name each row's metric (its value is in `value`).
    public static let metricNames = ["metric", "tag", "key"]

    /// A column name as matched: lower-case, spaces as underscores.
    static func normalized(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
    }

    /// The part of a run name one cell gives: the text, or `seed0` for a number in a `seed` column.
    static func part(column: String, cell: Substring) -> String {
        let text = String(cell)
        if normalized(column) == "seed", Double(text) != nil {
            return "seed" + (Int64(text).map(String.init) ?? text)
        }
        return text
    }
}

/// The runs one text log splits into (see `RunColumns`): a builder per run, in order of first appearance.
struct RunParts<Extra> {
    private(set) var keys: [String] = []
    var builders: [RunLogBuilder] = []
    /// Per-run state of the reader (e.g. each column's series in that run's builder).
    var extras: [Extra] = []
    private var index: [String: Int] = [:]
    private let recordsTime: Bool
    private let makeExtra: () -> Extra

    init(recordsTime: Bool, extra: @escaping () -> Extra) {
        self.recordsTime = recordsTime
        makeExtra = extra
    }

    /// The most runs one file may split into.
    static var maximum: Int { 1000 }

    /// Each run's run-column cells, one per run column ("" where missing), when the reader gives them.
    private(set) var cells: [[String]] = []

    /// The index of the run `key` ("" for a log without run columns), added if new; `cells` are its
    /// run-column cells (see `shortenNames`).
    mutating func part(_ key: String, cells runCells: [String] = []) -> Int {
        if keys.count == 1, keys[0] == key { return 0 }
        if let k = index[key] { return k }
        index[key] = keys.count
        keys.append(key)
        cells.append(runCells)
        builders.append(RunLogBuilder(recordsTime: recordsTime))
        extras.append(makeExtra())
        return keys.count - 1
    }

    var isEmpty: Bool { builders.allSatisfy(\.isEmpty) }

    /// Leaves out of the run names a column that only repeats what the others say, when a seed column is
    /// among them: W&B's `Name` (`resnet18-s0`) beside `model` (`resnet18`) and `seed` (`0`) names the run
    /// `resnet18 seed0`, so that `--group 'seed[0-9]+'` groups the seeds. A column repeats the others when
    /// its values and the others' together match one to one over the runs.
    /// - Parameter columns: the run columns' names, in the order of each run's cells.
    mutating func shortenNames(columns: [String]) {
        let n = columns.count
        guard n >= 2, cells.count == keys.count, cells.allSatisfy({ $0.count == n }),
              let seed = columns.firstIndex(where: { RunColumns.normalized($0) == "seed" }) else { return }
        let distinct = Set(cells).count
        for c in 0..<n where c != seed {
            let rest = cells.map { row in row.indices.filter { $0 != c }.map { row[$0] } }
            guard Set(cells.map { $0[c] }).count == distinct, Set(rest).count == distinct,
                  rest.allSatisfy({ !$0.contains("") }) else { continue }
            keys = rest.map { $0.joined(separator: " ") }
            return
        }
    }

    /// The runs: one named `name` when the log has no run columns, else one per key, named by the key
    /// (`label/key` when the user labelled the file). Runs without a point are left out.
    /// A file whose rows all name one run keeps the file's name; runs told apart by seeds only keep it too
    /// (`adam seed0`), as do all runs of a labelled file (`label/adam`).
    func build(name: String, labelled: Bool, seedsOnly: Bool, source: String, format: LogFormat, notes: [String],
               stepAxis: String) -> [RunLog] {
        var runs: [RunLog] = []
        let named = keys.filter { !$0.isEmpty }.count
        for (k, key) in keys.enumerated() where !builders[k].isEmpty {
            // One run named throughout keeps the table's own name for it (a `run` column), not a seed's.
            let runName = key.isEmpty || (named < 2 && (seedsOnly || labelled)) ? name
                : labelled ? name + "/" + key : seedsOnly ? name + " " + key : key
            var run = builders[k].build(name: runName, source: source, format: format, notes: runs.isEmpty ? notes : [])
            run.stepAxis = stepAxis
            runs.append(run)
        }
        return runs
    }
}
