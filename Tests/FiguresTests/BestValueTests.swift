import XCTest
@testable import Figures

/// The legend's best value: min for losses, max for scores, none for settings, from the metric's name.
final class BestValueTests: XCTestCase {
    func testGuessesFromTheMetricsWords() {
        let cases: [(String, BestValue)] = [
            ("loss", .min), ("val_loss", .min), ("train_loss_step", .min), ("val/top1_err", .min), ("perplexity", .min),
            ("top1", .max), ("val/top5", .max), ("acc", .max), ("val_accuracy", .max), ("valAcc", .max), ("acc1", .max),
            ("f1", .max), ("auc", .max), ("mIoU", .max), ("bleu", .max), ("eval/map", .max), ("reward", .max),
            ("lr", .none), ("lr-SGD", .none), ("learning_rate", .none), ("val_acc_std", .none), ("grad_norm", .none),
            ("momentum", .none), ("epoch_time", .none),
            ("something", .min),
            // YOLO/COCO, summarisation and VAEs: scores whose words end in digits, and the ELBO.
            ("mAP50", .max), ("metrics/mAP50-95(B)", .max), ("rouge1", .max), ("rougeL", .max), ("elbo", .max),
            ("wer", .min), ("l1_loss", .min),
        ]
        for (name, best) in cases { XCTAssertEqual(BestValue.guess(name), best, name) }
    }

    func testWords() {
        XCTAssertEqual(BestValue.words("val/top1_Acc"), ["val", "top1", "acc"])
        XCTAssertEqual(BestValue.words("valAcc"), ["valacc", "val", "acc"])
        XCTAssertEqual(BestValue.words("mIoU"), ["miou", "m", "io", "u"])
        XCTAssertEqual(BestValue.words("lr-SGD"), ["lr", "sgd"])
    }
}
