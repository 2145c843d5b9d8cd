import Foundation

/// Reads the scalars of TensorBoard event files (`events.out.tfevents.*`).
///
/// Every record is an `Event` (tensorflow/core/util/event.proto); its `summary` values give a tag and
/// either a `simple_value` (float32: TensorFlow 1, tensorboardX, torch's `SummaryWriter` by default) or
/// a 0-d `tensor` (TensorFlow 2, torch's `SummaryWriter(new_style=True)`). Values of tags whose
/// metadata names another plugin than "scalars" (histograms, images, text, hparams) are skipped, as are
/// tensors with more than one element. Steps and wall times come from the `Event`.
enum EventFileReader {
    /// Reads `files` in order into one run (several files of one run directory continue each other).
    static func read(files: [String], name: String, source: String) throws(RunLogError) -> RunLog {
        var builder = RunLogBuilder(recordsTime: true)
        var notes: [String] = []
        var records = 0
        for file in files {
            var reader = try TFRecordReader(path: file)
            var plugins: [String: String] = [:]
            while let data = try reader.next() {
                let event: Tensorboard_Event
                do { event = try Tensorboard_Event(serializedBytes: data) } catch {
                    throw RunLogError(file: file, "record \(reader.count) at byte \(reader.offset - data.count - 16) "
                        + "is not an Event protobuf; expected a TensorBoard event file")
                }
                records += 1
                guard case .summary(let summary)? = event.what else { continue }
                for value in summary.value {
                    if value.hasMetadata, value.metadata.hasPluginData {
                        plugins[value.tag] = value.metadata.pluginData.pluginName
                    }
                    if let plugin = plugins[value.tag], !plugin.isEmpty, plugin != "scalars" { continue }
                    let scalar: (Double, LoggedPrecision)?
                    switch value.value {
                    case .simpleValue(let v)?: scalar = (Double(v), .float32)
                    case .tensor(let t)?: scalar = ScalarTensor.value(of: t)
                    default: scalar = nil
                    }
                    guard let (v, precision) = scalar else { continue }
                    builder.append(value.tag, step: event.step, value: v, time: event.wallTime,
                                   precision: precision)
                }
            }
            if let cut = reader.truncation { notes.append("\(file): \(cut)") }
            if reader.count == 0 && reader.truncation == nil {
                throw RunLogError(file: file, "empty file; expected a TensorBoard event file")
            }
        }
        if builder.isEmpty {
            throw RunLogError(file: source, "holds \(records) event(s) but no scalar summaries; "
                + "expected scalars logged with add_scalar or tf.summary.scalar")
        }
        return builder.build(name: name, source: source, format: .tensorBoard, notes: notes)
    }
}
