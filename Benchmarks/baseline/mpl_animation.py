"""The benchmark's matplotlib side for animations: the animated GIF a careful instructor would write by
hand with FuncAnimation and PillowWriter, to compare with

    dlplot surface beale --optimizers gd,momentum,adam,rmsprop --animate --frames 100 --size 800x500 -o OUT.gif

Beale's function on the same view (x and y in [-4.5, 4.5], log-spaced filled contours with labelled
level lines and a colorbar), the same start (1, 1.5), 300 steps and the learning rates dlplot chooses
for this figure (gd 0.01, momentum 0.002, adam 0.5, rmsprop 0.05; torch's update rules, from
mpl_figures.run). The four paths grow over 100 frames at 20 fps (steps spread evenly over the frames),
each with a marker at its head; the legend gives every run's current loss and the title the step.

    python3 mpl_animation.py WIDTHxHEIGHT FRAMES OUT.gif
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.animation import FuncAnimation, PillowWriter  # noqa: E402
from matplotlib.colors import LogNorm  # noqa: E402

from mpl_figures import DPI, SURFACES, run  # noqa: E402

OPTIMIZERS = [("gd", 0.01), ("momentum", 0.002), ("adam", 0.5), ("rmsprop", 0.05)]
STEPS = 300
FPS = 20


def main():
    size, frames, out = sys.argv[1:4]
    w, h = (int(v) for v in size.split("x"))
    frames = int(frames)
    f, xr, yr, start, _ = SURFACES["beale"]

    fig, ax = plt.subplots(figsize=(w / DPI, h / DPI), dpi=DPI)
    x = np.linspace(*xr, 300)
    y = np.linspace(*yr, 300)
    X, Y = np.meshgrid(x, y)
    Z = f(X, Y)
    levels = np.logspace(-1, 5, 13)
    filled = ax.contourf(X, Y, Z, levels=levels, cmap="viridis", norm=LogNorm(), extend="both")
    lines = ax.contour(X, Y, Z, levels=levels[::2], colors="k", linewidths=0.5, alpha=0.45)
    ax.clabel(lines, fontsize=7, fmt="%g")
    fig.colorbar(filled, ax=ax, label="f(x, y)", ticks=levels[::2], format="%g")
    ax.plot(*start, "wo", ms=8, mec="k")
    ax.plot(3, 0.5, "w*", ms=14, mec="k")
    ax.set_xlim(*xr)
    ax.set_ylim(*yr)
    ax.set_xlabel("x")
    ax.set_ylabel("y")

    paths = [run(f, name, start, lr, STEPS) for name, lr in OPTIMIZERS]
    trails, heads = [], []
    for name, lr in OPTIMIZERS:
        (trail,) = ax.plot([], [], "-", lw=2, label=f"{name} lr={lr}")
        (head,) = ax.plot([], [], "o", ms=6, color=trail.get_color(), mec="k")
        trails.append(trail)
        heads.append(head)
    legend = ax.legend(loc="lower left", fontsize=8, framealpha=0.9)
    ax.set_title(f"Beale, step 0 of {STEPS}")
    fig.tight_layout()

    def update(frame):
        step = round(frame * STEPS / (frames - 1))
        for (name, lr), path, trail, head, text in zip(OPTIMIZERS, paths, trails, heads, legend.get_texts()):
            k = min(step, len(path) - 1)
            trail.set_data(path[: k + 1, 0], path[: k + 1, 1])
            head.set_data([path[k, 0]], [path[k, 1]])
            text.set_text(f"{name} lr={lr}  f = {f(*path[k]):.3g}")
        ax.set_title(f"Beale, step {step} of {STEPS}")
        return trails + heads

    animation = FuncAnimation(fig, update, frames=frames, interval=1000 / FPS)
    animation.save(out, writer=PillowWriter(fps=FPS))


if __name__ == "__main__":
    main()
