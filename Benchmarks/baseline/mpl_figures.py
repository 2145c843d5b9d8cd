"""The benchmark's matplotlib side: the figures of the paired comparison, written the way a careful
instructor would write them by hand (matplotlib default style, numpy for the numbers).

One figure per process, like `dlplot`:

    python3 mpl_figures.py KIND NAME WIDTHxHEIGHT OUT.png

KIND is one of activation (NAME = an activation), grid (NAME = comma-separated activations, 4x4),
softmax, loss, loss-gradients, vanishing, surface (NAME = a surface; 7 optimizers on a 400x400 grid),
contour (Rosenbrock, 400x400, 20 levels, one GD path), curves (NAME = a surface), lr, saddle3d.
The pixel size is given so that both tools draw the same number of pixels.
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from math import erf, sqrt  # noqa: E402

DPI = 100
ERF = np.vectorize(erf)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softplus(x):
    return np.where(x > 20, x, np.log1p(np.exp(np.minimum(x, 20))))


ACTIVATIONS = {
    "sigmoid": sigmoid,
    "tanh": np.tanh,
    "relu": lambda x: np.maximum(0, x),
    "leaky_relu": lambda x: np.where(x > 0, x, 0.01 * x),
    "prelu": lambda x: np.where(x > 0, x, 0.25 * x),
    "elu": lambda x: np.where(x > 0, x, np.expm1(np.minimum(x, 0))),
    "selu": lambda x: 1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772 * np.expm1(np.minimum(x, 0))),
    "celu": lambda x: np.maximum(0, x) + np.minimum(0, np.expm1(np.minimum(x, 0))),
    "gelu": lambda x: 0.5 * x * (1 + ERF(x / sqrt(2))),
    "silu": lambda x: x * sigmoid(x),
    "mish": lambda x: x * np.tanh(softplus(x)),
    "softplus": softplus,
    "softsign": lambda x: x / (1 + np.abs(x)),
    "hardtanh": lambda x: np.clip(x, -1, 1),
    "hardsigmoid": lambda x: np.clip(x + 3, 0, 6) / 6,
    "hardswish": lambda x: x * np.clip(x + 3, 0, 6) / 6,
}

SURFACES = {
    "rosenbrock": (lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2, (-2, 2), (-1, 3), (-1.5, 2.0), True),
    "beale": (lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
              (-4.5, 4.5), (-4.5, 4.5), (1.0, 1.5), True),
    "himmelblau": (lambda x, y: (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2, (-5, 5), (-5, 5), (-0.5, 0.5), True),
    "six_hump_camel": (lambda x, y: (4 - 2.1 * x * x + x ** 4 / 3) * x * x + x * y + (-4 + 4 * y * y) * y * y,
                       (-2, 2), (-1, 1), (-1.5, 1.0), False),
    "booth": (lambda x, y: (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2, (-10, 10), (-10, 10), (-8.0, 8.0), True),
    "ellipse": (lambda x, y: 0.5 * (x * x + 10 * y * y), (-3, 3), (-2, 2), (-2.5, 1.5), False),
}


def gradient(f, x, y, h=1e-6):
    return ((f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h))


def run(f, name, start, lr, steps):
    """One optimizer run as torch.optim's update rules would make it (scalars, two parameters)."""
    p = np.array(start, dtype=float)
    m = np.zeros(2); v = np.zeros(2); buf = None; acc = np.zeros(2); delta = np.zeros(2)
    path = [p.copy()]
    for t in range(1, steps + 1):
        g = np.array(gradient(f, p[0], p[1]))
        if not np.all(np.isfinite(g)):
            break
        if name == "gd":
            p = p - lr * g
        elif name in ("momentum", "nesterov"):
            buf = g if buf is None else 0.9 * buf + g
            p = p - lr * (g + 0.9 * buf if name == "nesterov" else buf)
        elif name == "adagrad":
            acc += g * g
            p = p - lr * g / (np.sqrt(acc) + 1e-10)
        elif name == "rmsprop":
            acc = 0.99 * acc + 0.01 * g * g
            p = p - lr * g / (np.sqrt(acc) + 1e-8)
        elif name == "adadelta":
            acc = 0.9 * acc + 0.1 * g * g
            d = np.sqrt(delta + 1e-6) / np.sqrt(acc + 1e-6) * g
            delta = 0.9 * delta + 0.1 * d * d
            p = p - lr * d
        elif name in ("adam", "nadam"):
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            mh = m / (1 - 0.9 ** t); vh = v / (1 - 0.999 ** t)
            if name == "nadam":
                mh = 0.9 * mh + 0.1 * g / (1 - 0.9 ** t)
            p = p - lr * mh / (np.sqrt(vh) + 1e-8)
        path.append(p.copy())
    return np.array(path)


OPTIMIZERS = [("gd", 0.002), ("momentum", 0.002), ("nesterov", 0.001), ("adagrad", 1.0), ("rmsprop", 0.1),
              ("adadelta", 20.0), ("adam", 0.5)]


def activation(ax, name, x):
    f = ACTIVATIONS[name]
    y = f(x)
    dy = np.gradient(y, x)
    ax.plot(x, y, label="f(x)")
    ax.plot(x, dy, "--", label="f′(x)")
    sat = np.abs(dy) < 0.05
    ax.fill_between(x, 0, 1, where=sat, color="0.85", transform=ax.get_xaxis_transform(), label="saturated")
    ax.axhline(0, color="0.5", lw=0.6)
    ax.set_title(name)


def surface(ax, fig, name, n=400, levels=20, optimizers=OPTIMIZERS, steps=300):
    f, xr, yr, start, log = SURFACES[name]
    x = np.linspace(*xr, n); y = np.linspace(*yr, n)
    X, Y = np.meshgrid(x, y)
    Z = f(X, Y)
    if log:
        zmin = Z.min()
        lev = np.geomspace(max(zmin, 1e-3) + 1e-3, Z.max(), levels)
    else:
        lev = np.linspace(Z.min(), Z.max(), levels)
    cs = ax.contourf(X, Y, Z, levels=lev, cmap="viridis", norm=matplotlib.colors.LogNorm() if log else None)
    lines = ax.contour(X, Y, Z, levels=lev, colors="k", linewidths=0.5, alpha=0.45)
    ax.clabel(lines, fontsize=8, fmt="%.3g")
    fig.colorbar(cs, ax=ax, label="f(x, y)")
    for opt, lr in optimizers:
        p = run(f, opt, start, lr, steps)
        ax.plot(p[:, 0], p[:, 1], "-o", ms=3, markevery=50, label=f"{opt} lr={lr}")
    ax.set_xlim(*xr); ax.set_ylim(*yr)
    ax.set_xlabel("x"); ax.set_ylabel("y")
    ax.legend(loc="upper left", bbox_to_anchor=(1.25, 1), fontsize=8)
    ax.set_title(name)


def main():
    kind, name, size, out = sys.argv[1:5]
    w, h = (int(v) for v in size.split("x"))
    fig = plt.figure(figsize=(w / DPI, h / DPI), dpi=DPI)
    x = np.linspace(-6, 6, 1200)
    if kind == "activation":
        ax = fig.add_subplot()
        activation(ax, name, x)
        ax.legend()
        ax.set_xlabel("x")
    elif kind == "grid":
        names = name.split(",")
        axes = fig.subplots(4, 4, sharex=True, sharey=True)
        for ax, n in zip(axes.flat, names):
            activation(ax, n, np.linspace(-4, 4, 800))
        fig.suptitle("Activation functions")
    elif kind == "softmax":
        z = np.array([2.0, 1.0, 0.1])
        ax = fig.add_subplot()
        for k, t in enumerate([0.5, 1, 2]):
            p = np.exp(z / t) / np.exp(z / t).sum()
            ax.bar(np.arange(3) + 0.25 * k, p, width=0.25, label=f"T = {t}")
        ax.set_xticks(np.arange(3) + 0.25, ["z=2", "z=1", "z=0.1"])
        ax.legend(); ax.set_title("softmax")
    elif kind in ("loss", "loss-gradients"):
        p = np.linspace(0.001, 0.999, 999)
        r = np.linspace(-3, 3, 601)
        axes = fig.subplots(1, 2)
        axes[0].plot(p, -np.log(p), label="BCE, y = 1"); axes[0].plot(p, -np.log(1 - p), label="BCE, y = 0")
        huber = np.where(np.abs(r) < 1, 0.5 * r * r, np.abs(r) - 0.5)
        axes[1].plot(r, r * r, label="MSE"); axes[1].plot(r, np.abs(r), label="MAE"); axes[1].plot(r, huber, label="Huber")
        if kind == "loss-gradients":
            axes[0].plot(p, -1 / p, "--", label="∂/∂p, y = 1")
            axes[1].plot(r, 2 * r, "--", label="∂MSE"); axes[1].plot(r, np.sign(r), "--", label="∂MAE")
            axes[1].plot(r, np.clip(r, -1, 1), "--", label="∂Huber")
            axes[0].set_ylim(-10, 7)
        for ax in axes:
            ax.legend()
    elif kind == "vanishing":
        rng = np.random.default_rng(0)
        ax = fig.add_subplot()
        acts = {"sigmoid": (sigmoid, lambda a: a * (1 - a)), "tanh": (np.tanh, lambda a: 1 - a * a),
                "relu": (lambda z: np.maximum(z, 0), lambda a: (a > 0).astype(float)),
                "gelu": (ACTIVATIONS["gelu"], None)}
        for label, (fn, d) in acts.items():
            ws = [rng.normal(0, 1 / 8, (64, 64)) for _ in range(20)]
            a = [rng.normal(size=64)]
            zs = []
            for w in ws:
                zs.append(w @ a[-1]); a.append(fn(zs[-1]))
            g = np.ones(64)
            norms = []
            for k in range(19, -1, -1):
                deriv = d(a[k + 1]) if d else (fn(zs[k] + 1e-6) - fn(zs[k] - 1e-6)) / 2e-6
                g = g * deriv
                norms.append(np.linalg.norm(np.outer(g, a[k])))
                g = ws[k].T @ g
            ax.semilogy(range(20, 0, -1), norms, "-o", label=label)
        ax.set_xlabel("layer"); ax.set_ylabel("|∂L/∂W|"); ax.legend(); ax.set_title("vanishing gradients")
    elif kind in ("surface", "contour"):
        ax = fig.add_subplot()
        if kind == "contour":
            surface(ax, fig, "rosenbrock", levels=20, optimizers=[("gd", 0.002)])
        else:
            surface(ax, fig, name)
    elif kind == "curves":
        f, _, _, start, _ = SURFACES[name]
        axes = fig.subplots(1, 2)
        for opt, lr in [("gd", 1e-3), ("momentum", 1e-3), ("nesterov", 1e-3), ("rmsprop", 1e-2), ("adam", 1e-2), ("nadam", 1e-2)]:
            p = run(f, opt, start, lr, 5000)
            vals = f(p[:, 0], p[:, 1])
            axes[0].semilogy(vals, label=opt)
            axes[1].plot(p[:, 0], p[:, 1], label=opt)
        axes[0].legend(); axes[0].set_xlabel("step")
    elif kind == "lr":
        f = SURFACES["ellipse"][0]
        axes = fig.subplots(1, 3, sharey=True)
        for ax, lr in zip(axes, [0.05, 0.2, 1.1]):
            p = run(f, "gd", (-2.5, 1.5), lr, 40)
            ax.semilogy(f(p[:, 0], p[:, 1]), "-o", ms=3)
            ax.set_title(f"lr = {lr}")
    elif kind == "saddle3d":
        ax = fig.add_subplot(projection="3d")
        s = np.linspace(-2, 2, 60)
        X, Y = np.meshgrid(s, s)
        ax.plot_surface(X, Y, X * X - Y * Y, cmap="viridis", alpha=0.85)
        p = run(lambda x, y: x * x - y * y, "gd", (1.8, 0.01), 0.1, 40)
        p = p[np.all(np.abs(p) <= 2, axis=1)]
        ax.plot(p[:, 0], p[:, 1], p[:, 0] ** 2 - p[:, 1] ** 2, "r-o", ms=3)
        ax.set_title("saddle")
    else:
        sys.exit(f"unknown kind {kind}")
    fig.savefig(out, dpi=DPI)


if __name__ == "__main__":
    main()
