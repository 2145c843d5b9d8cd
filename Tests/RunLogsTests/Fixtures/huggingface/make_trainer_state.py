#!/usr/bin/env python3
"""Writes huggingface/checkpoint-120/trainer_state.json (committed; tests never run this).

A real training run, logged as Hugging Face's Trainer logs it: a 2-16-2 tanh MLP classifying two
interleaved spirals (400 points, 320 train, 80 eval, generated from seed 0), trained with AdamW
(lr 3e-3, weight decay 0.01, betas 0.9/0.999) on mini-batches of 16 for 6 epochs (20 steps per epoch,
120 steps) with the linear learning-rate schedule, gradients clipped to norm 1.0. As the Trainer does
with logging_steps=10: every 10 steps a record {"epoch", "grad_norm", "learning_rate", "loss", "step"}
(loss the mean over the 10 steps, rounded to 4 decimals; learning_rate the one used for the next step;
epoch = step / steps per epoch); after each epoch an eval record {"epoch", "eval_accuracy",
"eval_loss", "eval_runtime", "eval_samples_per_second", "eval_steps_per_second", "step"}; at the end the
summary record {"epoch", "step", "total_flos", "train_loss", "train_runtime", …}. Runtimes are fixed
numbers (the file must not change from run to run). The file is written the way
transformers.TrainerState.save_to_json writes it: json.dumps(asdict(state), indent=2, sort_keys=True) + "\\n".

Needs: numpy. Run: python3 make_trainer_state.py (from any directory).
"""
import json, math, os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(0)
n = 200
t = np.sqrt(rng.random(n)) * 3 * np.pi
a = np.c_[np.cos(t) * t, np.sin(t) * t] / (3 * np.pi) + rng.normal(0, 0.03, (n, 2))
X = np.r_[a, -a]
Y = np.r_[np.zeros(n, int), np.ones(n, int)]
order = rng.permutation(2 * n)
X, Y = X[order], Y[order]
Xtr, Ytr, Xev, Yev = X[:320], Y[:320], X[320:], Y[320:]

p = {"w1": rng.normal(0, 1, (2, 16)), "b1": np.zeros(16), "w2": rng.normal(0, 0.5, (16, 2)), "b2": np.zeros(2)}
m = {k: np.zeros_like(v) for k, v in p.items()}
v2 = {k: np.zeros_like(v) for k, v in p.items()}


def forward(x, y):
    h = np.tanh(x @ p["w1"] + p["b1"])
    z = h @ p["w2"] + p["b2"]
    z = z - z.max(1, keepdims=True)
    prob = np.exp(z) / np.exp(z).sum(1, keepdims=True)
    loss = -np.mean(np.log(prob[np.arange(len(y)), y]))
    return h, prob, loss


def grads(x, y):
    h, prob, loss = forward(x, y)
    d = prob.copy(); d[np.arange(len(y)), y] -= 1; d /= len(y)
    g = {"w2": h.T @ d, "b2": d.sum(0)}
    dh = d @ p["w2"].T * (1 - h ** 2)
    g["w1"] = x.T @ dh; g["b1"] = dh.sum(0)
    return g, loss


EPOCHS, BATCH, LR, WD = 6, 16, 3e-3, 0.01
per_epoch = len(Ytr) // BATCH
total = EPOCHS * per_epoch
log, step, window = [], 0, []
for epoch in range(EPOCHS):
    perm = np.random.default_rng(100 + epoch).permutation(len(Ytr))
    for b in range(per_epoch):
        idx = perm[b * BATCH:(b + 1) * BATCH]
        g, loss = grads(Xtr[idx], Ytr[idx])
        norm = math.sqrt(sum(float((gi ** 2).sum()) for gi in g.values()))
        scale = min(1.0, 1.0 / (norm + 1e-6))
        lr = LR * (1 - step / total)
        step += 1
        for k in p:
            gk = g[k] * scale
            m[k] = 0.9 * m[k] + 0.1 * gk
            v2[k] = 0.999 * v2[k] + 0.001 * gk ** 2
            mh, vh = m[k] / (1 - 0.9 ** step), v2[k] / (1 - 0.999 ** step)
            p[k] = p[k] * (1 - lr * WD) - lr * mh / (np.sqrt(vh) + 1e-8)
        window.append(loss)
        if step % 10 == 0:
            log.append({"epoch": step / per_epoch, "grad_norm": norm, "learning_rate": LR * (1 - step / total),
                        "loss": round(float(np.mean(window)), 4), "step": step})
            window = []
    _, prob, eval_loss = forward(Xev, Yev)
    acc = float(np.mean(prob.argmax(1) == Yev))
    log.append({"epoch": float(epoch + 1), "eval_accuracy": acc, "eval_loss": float(eval_loss), "eval_runtime": 0.0123,
                "eval_samples_per_second": 6504.07, "eval_steps_per_second": 813.01, "step": step})
train_loss = float(np.mean([r["loss"] for r in log if "loss" in r]))
log.append({"epoch": float(EPOCHS), "step": step, "total_flos": 1234.0, "train_loss": train_loss, "train_runtime": 0.8765,
            "train_samples_per_second": 2190.53, "train_steps_per_second": 136.91})
state = {"best_metric": None, "best_model_checkpoint": None, "epoch": float(EPOCHS), "eval_steps": 500, "global_step": step,
         "is_hyper_param_search": False, "is_local_process_zero": True, "is_world_process_zero": True, "log_history": log,
         "logging_steps": 10, "max_steps": total, "num_input_tokens_seen": 0, "num_train_epochs": EPOCHS, "save_steps": 500,
         "stateful_callbacks": {"TrainerControl": {"args": {"should_epoch_stop": False, "should_evaluate": False,
                                                            "should_log": False, "should_save": True,
                                                            "should_training_stop": True}, "attributes": {}}},
         "total_flos": 1234.0, "train_batch_size": BATCH, "trial_name": None, "trial_params": None}
out = os.path.join(HERE, "checkpoint-120")
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "trainer_state.json"), "w", encoding="utf-8") as f:
    f.write(json.dumps(state, indent=2, sort_keys=True) + "\n")
print("wrote", os.path.join(out, "trainer_state.json"))
