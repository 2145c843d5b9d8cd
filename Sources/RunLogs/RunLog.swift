/// One training run read from a log: its scalar metrics, each a series of (step, value) points.
///
/// A run is what one log file holds (CSV, JSON lines, or a TensorBoard event file), or every event
/// file of one TensorBoard run directory read in name order. Points are kept in columns (8 bytes per
/// step, per value and per wall time when the log has one) up to `RunLogBuilder.longSeriesPoints` (2¹⁷)
/// points a series; a longer series keeps every point in a temporary file and in memory only the points a
/// plot needs (`MetricSeries.full`, `StepBuckets`), so memory does not grow with the log.
public struct RunLog: Sendable {
    /// The run's name: the file or directory as given, or the name of the run's directory.
    public var name: String
    /// The path the run was read from.
    public var source: String
    /// What kind of log the run came from.
    public var format: LogFormat
    /// Every scalar metric in the order it first appears in the log (axis columns excluded).
    public var metrics: [MetricSeries]
    /// The epoch at each step, when the log has one (an `epoch` column or tag); nil otherwise.
    /// For a Keras CSV the steps are the epochs themselves and this is nil.
    public var epochs: MetricSeries?
    /// Things the reader skipped or replaced, one sentence each (e.g. a truncated final record).
    public var notes: [String]
    /// What the steps count: "step" (or the log's name for it, e.g. "global_step"), "epoch" when a
    /// Keras log has one row per epoch, "row" when a CSV has no step column.
    public var stepAxis: String = "step"

    public init(name: String, source: String, format: LogFormat, metrics: [MetricSeries],
                epochs: MetricSeries? = nil, notes: [String] = []) {
        self.name = name; self.source = source; self.format = format
        self.metrics = metrics; self.epochs = epochs; self.notes = notes
    }

    /// The metric called `name`, if the log has it.
    public func metric(_ name: String) -> MetricSeries? { metrics.first { $0.name == name } }
}

/// The kinds of training log dlplot reads, recognised by their content.
public enum LogFormat: String, Sendable, CaseIterable {
    /// A CSV file with a header row; the step is the `step` column (or `global_step`, `iteration`,
    /// `iter`, `_step`), else the `epoch` column, else the row number.
    case csv
    /// Lightning's `CSVLogger` (`metrics.csv`): sorted header with `epoch` and `step`, sparse rows.
    case lightningCSV = "lightning-csv"
    /// Keras' `CSVLogger`: first column `epoch`, one row per epoch.
    case kerasCSV = "keras-csv"
    /// TensorBoard's "Download CSV" of one tag: `Wall time,Step,Value`.
    case tensorBoardCSV = "tensorboard-csv"
    /// One JSON object per line (or a JSON array of such objects).
    case jsonLines = "jsonl"
    /// Hugging Face's `trainer_state.json`: the records of its `log_history`.
    case trainerState = "trainer-state"
    /// TensorBoard event files (`events.out.tfevents.*`): TFRecord framing of `Event` protobufs.
    case tensorBoard = "tensorboard"

    /// A phrase for messages: "a Lightning CSV log".
    public var phrase: String {
        switch self {
        case .csv: "a CSV log"
        case .lightningCSV: "a Lightning CSVLogger log"
        case .kerasCSV: "a Keras CSVLogger log"
        case .tensorBoardCSV: "a TensorBoard CSV export"
        case .jsonLines: "a JSON lines log"
        case .trainerState: "a Hugging Face trainer_state.json"
        case .tensorBoard: "a TensorBoard event file"
        }
    }
}

/// The precision a value was logged with: TensorBoard's `simple_value` and `DT_FLOAT` tensors are
/// float32, text logs and `DT_DOUBLE` tensors float64. Values are stored as Double either way
/// (exactly); the precision tells how to print them so that they read back as logged.
public enum LoggedPrecision: Sendable {
    case float32, float64
}
