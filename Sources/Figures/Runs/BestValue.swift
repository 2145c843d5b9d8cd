// Runs: the recipe for training logs (`dlplot runs`): curves per run and group, their limits, legends and tables.

/// Which value of a metric is its best, for the legend's "min … at step k" or "max … at step k".
///
/// Guessed from the metric's name, split into words at `/`, `_`, `-`, `.`, spaces, digits-to-letters
/// and lower-to-upper case (`val/top1_acc` → val, top1, acc; `valAcc` → val, acc):
/// - **none** when a word names a setting or a spread, not a result: `lr`, `learning_rate`,
///   `momentum`, `wd`/`weight_decay`, `std`/`sd`/`var`, `grad_norm`/`norm`, `time`, `throughput`,
///   `batch_size`: the legend gives the final value only (Lightning's `train_loss_step` is a loss);
/// - **min** when a word names an error: `loss`, `err`/`error`, `mse`, `mae`, `rmse`, `nll`, `ce`,
///   `perplexity`/`ppl`, `wer`, `cer`, `fid` (so `top1_err` is min);
/// - **max** when a word names a score: `acc`/`accuracy`, `top1`, `top5` (`topk`), `auc`/`auroc`,
///   `f1`, `precision`, `recall`, `iou`/`miou`, `bleu`, `rouge`, `map`, `ap`, `dice`, `r2`, `psnr`,
///   `ssim`, `score`, `reward`, `return`, `correct`, `elbo` (a word ending in digits also counts without
///   them: `mAP50`, `mAP50-95`, `rouge1`, `rougeL` are scores);
/// - else **min** (most logged metrics are losses). `--best GLOB=min|max|none` overrides the guess.
public enum BestValue: String, Sendable, CaseIterable {
    case min, max, none

    static let settings: Set<String> = ["lr", "learning", "momentum", "wd", "decay", "std", "sd", "stddev", "var",
                                        "variance", "norm", "grad", "time", "throughput", "batch"]
    static let errors: Set<String> = ["loss", "err", "error", "errors", "mse", "mae", "rmse", "nll", "ce", "perplexity",
                                      "ppl", "wer", "cer", "fid"]
    static let scores: Set<String> = ["acc", "accuracy", "top1", "top5", "topk", "auc", "auroc", "roc", "f1", "precision",
                                      "prec", "recall", "iou", "miou", "bleu", "rouge", "map", "ap", "dice", "r2", "psnr",
                                      "ssim", "score", "reward", "return", "correct", "elbo"]

    /// The guess for `metric` (see the type's rules).
    public static func guess(_ metric: String) -> BestValue {
        // A word ending in digits also counts without them: mAP50 → map, rouge1 → rouge.
        let words = Self.words(metric).flatMap { w in
            let stem = String(w.reversed().drop { $0.isNumber }.reversed())
            return stem.isEmpty || stem == w ? [w] : [w, stem]
        }
        if words.contains(where: { settings.contains($0) }) { return .none }
        if words.contains(where: { errors.contains($0) }) { return .min }
        if words.contains(where: { scores.contains($0) || $0.hasPrefix("acc") || $0.hasPrefix("top") }) { return .max }
        return .min
    }

    /// `metric` in lower-case words, split at separators, then also at lower-to-upper case changes:
    /// "val/top1_Acc" → ["val", "top1", "acc"], "valAcc" → ["valacc", "val", "acc"], "mIoU" → ["miou", …].
    static func words(_ metric: String) -> [String] {
        let plain = metric.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        var out = plain
        for w in camelWords(metric) where !out.contains(w) { out.append(w) }
        return out
    }

    private static func camelWords(_ metric: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for c in metric {
            if !(c.isLetter || c.isNumber) {
                if !current.isEmpty { words.append(current) }
                current = ""; previous = nil; continue
            }
            if let p = previous, c.isUppercase && p.isLowercase {
                words.append(current); current = ""
            }
            current.append(contentsOf: c.lowercased())
            previous = c
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
