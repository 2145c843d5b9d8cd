#!/usr/bin/env python3
"""Writes the training-log fixtures under Tests/RunLogsTests/Fixtures (committed; tests never run this).

Every log comes from a real training run: a 64-32-10 tanh MLP with softmax cross-entropy, trained
with numpy on scikit-learn's digits (1797 8x8 images shipped inside scikit-learn; 1437 train, 360
validation), mini-batches of 32.

- tensorboard/digits/{sgd,adam}-seed{0,1,2}/  tensorboardX's SummaryWriter (simple_value, the same
  bytes as torch.utils.tensorboard.SummaryWriter.add_scalar by default): train/loss every 3 steps,
  val/loss and val/accuracy every epoch.
- tensorboard/new-style/   scalars as 0-d tensors, as torch's SummaryWriter writes them with
  add_scalar(..., new_style=True) (DT_FLOAT float_val, plugin "scalars") and with
  double_precision=True (DT_DOUBLE double_val); written through tensorboardX's event writer.
- tensorboard/truncated/   a copy of one event file with its last record cut in half.
- lightning/metrics.csv    byte-compatible with Lightning's CSVLogger (lightning_fabric
  _ExperimentWriter: csv.DictWriter, sorted keys, CRLF rows, floats as Python reprs of the float32
  .item() values), with log_every_n_steps=10: train_loss_step rows, then val_loss/val_acc and
  train_loss_epoch rows at each epoch's last step.
- keras/training.log       byte-compatible with Keras 3's CSVLogger (epoch from 0, sorted keys).
- jsonl/adam.jsonl         json.dumps lines {"step", "loss", "lr"}; jsonl/diverged.jsonl a linear
  least-squares fit of the digit's value by SGD at lr=0.3, which diverges: the loss overflows to inf,
  then NaN (json.dumps writes Infinity and NaN as such).
- csv/diverged.csv         the same diverging run as step,loss (Python writes nan and inf).
- csv/resumed.csv          a run killed at step 100 and resumed from its step-60 checkpoint.

Needs: pip install numpy scikit-learn tensorboardX. Run: python3 make_fixtures.py (from any directory).
"""
import csv, io, json, math, os, shutil, socket, sys
import numpy as np
from sklearn.datasets import load_digits

socket.gethostname = lambda: "fixtures"   # the event file names end in the host name
from tensorboardX import SummaryWriter                     # noqa: E402
from tensorboardX.event_file_writer import EventFileWriter  # noqa: E402
from tensorboardX.proto.event_pb2 import Event              # noqa: E402
from tensorboardX.proto.summary_pb2 import Summary, SummaryMetadata  # noqa: E402
from tensorboardX.proto.tensor_pb2 import TensorProto       # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EPOCHS, BATCH = 15, 32

digits = load_digits()
order = np.random.default_rng(1234).permutation(len(digits.target))
X = digits.data[order] / 16.0
Y = digits.target[order]
Xtr, Ytr, Xva, Yva = X[:1437], Y[:1437], X[1437:], Y[1437:]


class MLP:
    def __init__(self, seed):
        r = np.random.default_rng(seed)
        self.p = {"W1": r.normal(0, 1 / 8, (64, 32)), "b1": np.zeros(32),
                  "W2": r.normal(0, 1 / math.sqrt(32), (32, 10)), "b2": np.zeros(10)}

    def loss_grad(self, x, y):
        p = self.p
        h = np.tanh(x @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        prob = e / e.sum(axis=1, keepdims=True)
        n = len(y)
        loss = -np.mean(np.log(prob[np.arange(n), y]))
        dz = prob.copy(); dz[np.arange(n), y] -= 1; dz /= n
        dh = dz @ p["W2"].T * (1 - h * h)
        g = {"W2": h.T @ dz, "b2": dz.sum(0), "W1": x.T @ dh, "b1": dh.sum(0)}
        acc = float(np.mean(prob.argmax(1) == y))
        return loss, g, acc


class SGD:
    def __init__(self, lr): self.lr = lr
    def step(self, p, g):
        for k in p: p[k] -= self.lr * g[k]


class Adam:
    def __init__(self, lr, b1=0.9, b2=0.999, eps=1e-8):
        self.lr, self.b1, self.b2, self.eps, self.t, self.m, self.v = lr, b1, b2, eps, 0, {}, {}
    def step(self, p, g):
        self.t += 1
        for k in p:
            self.m[k] = self.b1 * self.m.get(k, 0) + (1 - self.b1) * g[k]
            self.v[k] = self.b2 * self.v.get(k, 0) + (1 - self.b2) * g[k] ** 2
            mh = self.m[k] / (1 - self.b1 ** self.t); vh = self.v[k] / (1 - self.b2 ** self.t)
            p[k] -= self.lr * mh / (np.sqrt(vh) + self.eps)


def train(seed, opt, epochs=EPOCHS, on_step=None, on_epoch=None, start=(0, None), shuffle_seed=None):
    """Mini-batch training; on_step(step, loss) after every update, on_epoch(epoch, step, ...) after each epoch."""
    net = MLP(seed)
    step, state = start
    if state is not None: net.p = {k: v.copy() for k, v in state.items()}
    r = np.random.default_rng(seed if shuffle_seed is None else shuffle_seed)
    for epoch in range(epochs):
        perm = r.permutation(len(Ytr))
        losses = []
        for i in range(0, len(perm) - BATCH + 1, BATCH):
            b = perm[i:i + BATCH]
            with np.errstate(all="ignore"):
                loss, g, _ = net.loss_grad(Xtr[b], Ytr[b])
                opt.step(net.p, g)
            losses.append(loss)
            if on_step and on_step(step, float(loss), net) is False: return net
            step += 1
        if on_epoch:
            vl, _, va = net.loss_grad(Xva, Yva)
            on_epoch(epoch, step - 1, float(np.mean(losses)), float(vl), va)
    return net


def f32(v):
    return float(np.float32(v))


def clean(path):
    shutil.rmtree(os.path.join(HERE, path), ignore_errors=True)
    os.makedirs(os.path.join(HERE, path), exist_ok=True)
    return os.path.join(HERE, path)


def tensorboard_digits():
    clean("tensorboard/digits")
    for name, make in (("sgd", lambda: SGD(0.1)), ("adam", lambda: Adam(1e-3))):
        for seed in range(3):
            w = SummaryWriter(os.path.join(HERE, f"tensorboard/digits/{name}-seed{seed}"))
            t0 = 1.7e9 + 3600 * seed
            def on_step(step, loss, net):
                if step % 3 == 0: w.add_scalar("train/loss", loss, step, walltime=t0 + 0.004 * step)
            def on_epoch(epoch, step, train_loss, val_loss, val_acc):
                w.add_scalar("val/loss", val_loss, step, walltime=t0 + 0.004 * step + 0.01)
                w.add_scalar("val/accuracy", val_acc, step, walltime=t0 + 0.004 * step + 0.01)
            train(seed, make(), on_step=on_step, on_epoch=on_epoch)
            w.close()


def new_style_scalar(tag, value, double):
    t = TensorProto(dtype="DT_DOUBLE", double_val=[value]) if double else TensorProto(dtype="DT_FLOAT", float_val=[value])
    meta = SummaryMetadata(plugin_data=SummaryMetadata.PluginData(plugin_name="scalars"))
    return Summary(value=[Summary.Value(tag=tag, tensor=t, metadata=meta)])


def tensorboard_new_style():
    d = clean("tensorboard/new-style")
    w = EventFileWriter(d)
    def on_step(step, loss, net):
        if step % 9 == 0:
            for tag, double in (("loss", False), ("loss_double", True)):
                w.add_event(Event(wall_time=1.7e9 + step, step=step, summary=new_style_scalar(tag, loss, double)))
    train(0, Adam(1e-3), epochs=2, on_step=on_step)
    w.close()


def tensorboard_truncated():
    d = clean("tensorboard/truncated")
    src = os.path.join(HERE, "tensorboard/digits/adam-seed0")
    name = sorted(os.listdir(src))[0]
    data = open(os.path.join(src, name), "rb").read()
    # The last record: find it by walking the framing from the start.
    pos, last = 0, 0
    while pos < len(data):
        n = int.from_bytes(data[pos:pos + 8], "little")
        last, pos = pos, pos + 16 + n
    cut = last + (pos - last) // 2
    open(os.path.join(d, name), "wb").write(data[:cut])


def lightning_csv():
    d = clean("lightning")
    rows = []
    def log(metrics, step): rows.append({**metrics, "step": step})
    state = {"epoch": 0}
    def on_step(step, loss, net):
        if (step + 1) % 10 == 0: log({"train_loss_step": f32(loss), "epoch": state["epoch"]}, step)
    def on_epoch(epoch, step, train_loss, val_loss, val_acc):
        log({"val_loss": f32(val_loss), "val_acc": f32(val_acc), "epoch": epoch}, step)
        log({"train_loss_epoch": f32(train_loss), "epoch": epoch}, step)
        state["epoch"] = epoch + 1
    train(0, Adam(1e-3), epochs=10, on_step=on_step, on_epoch=on_epoch)
    keys = sorted(set().union(*rows))
    with open(os.path.join(d, "metrics.csv"), "w", newline="") as f:
        wr = csv.DictWriter(f, fieldnames=keys)
        wr.writeheader(); wr.writerows(rows)


def keras_csv():
    d = clean("keras")
    rows = []
    def on_epoch(epoch, step, train_loss, val_loss, val_acc):
        rows.append({"epoch": epoch, "loss": f32(train_loss), "val_loss": f32(val_loss), "val_accuracy": f32(val_acc)})
    acc = {"sum": 0.0, "n": 0}
    train(1, Adam(1e-3), epochs=12, on_epoch=on_epoch)
    keys = sorted(k for k in rows[0] if k != "epoch")
    with open(os.path.join(d, "training.log"), "w") as f:   # Keras opens without newline="": rows end in \r\n
        wr = csv.DictWriter(f, fieldnames=["epoch"] + keys, dialect=csv.excel)
        wr.writeheader()
        for r in rows: wr.writerow(r)


def json_lines_and_diverged():
    d = clean("jsonl"); c = clean("csv")
    with open(os.path.join(d, "adam.jsonl"), "w") as f:
        def on_step(step, loss, net):
            if step % 5 == 0: f.write(json.dumps({"step": step, "loss": loss, "lr": 1e-3}) + "\n")
        train(2, Adam(1e-3), epochs=4, on_step=on_step)
    points = diverging_linear_regression()
    with open(os.path.join(d, "diverged.jsonl"), "w") as f:
        for s, l in points: f.write(json.dumps({"step": s, "loss": l}) + "\n")
    with open(os.path.join(c, "diverged.csv"), "w", newline="") as f:
        wr = csv.writer(f, lineterminator="\n"); wr.writerow(["step", "loss"])
        for s, l in points: wr.writerow([s, l])


def diverging_linear_regression(lr=0.3):
    """Least squares y ≈ x·w + b on the digits (y = the digit), SGD on mini-batches; stops 5 steps after NaN."""
    r = np.random.default_rng(0)
    w, b = np.zeros(64), 0.0
    points, step, first_nan = [], 0, None
    while first_nan is None or step < first_nan + 5:
        idx = r.integers(0, len(Ytr), BATCH)
        x, y = Xtr[idx], Ytr[idx].astype(float)
        with np.errstate(all="ignore"):
            err = x @ w + b - y
            loss = float(np.mean(err ** 2))
            w = w - lr * 2 * x.T @ err / BATCH
            b = b - lr * 2 * float(np.mean(err))
        points.append((step, loss))
        if math.isnan(loss) and first_nan is None: first_nan = step
        step += 1
    return points


def resumed_csv():
    c = os.path.join(HERE, "csv")
    points, ckpt = [], {}
    def first(step, loss, net):
        if step == 60: ckpt["p"] = {k: v.copy() for k, v in net.p.items()}
        points.append((step, loss))
        return step < 100
    train(0, SGD(0.1), epochs=5, on_step=first)
    def second(step, loss, net):
        points.append((step, loss))
        return step < 150
    train(0, SGD(0.1), epochs=5, on_step=second, start=(60, ckpt["p"]), shuffle_seed=99)
    with open(os.path.join(c, "resumed.csv"), "w", newline="") as f:
        wr = csv.writer(f, lineterminator="\n"); wr.writerow(["step", "loss"])
        for s, l in points: wr.writerow([s, l])


if __name__ == "__main__":
    tensorboard_digits(); tensorboard_new_style(); tensorboard_truncated()
    lightning_csv(); keras_csv(); json_lines_and_diverged(); resumed_csv()
    print("fixtures written under", HERE)
