"""Writes the example data sets for `dlplot surface linreg_mse|logreg_bce --dataset FILE.csv`.

anscombe1.csv: set I of Anscombe's quartet (F. J. Anscombe, "Graphs in Statistical Analysis",
The American Statistician 27(1), 1973), eleven (x, y) pairs whose least-squares line is y = 3.00 + 0.500 x.

two-classes.csv: 40 examples of two overlapping classes in the plane (x1, x2, label), drawn from two
Gaussians with Python's own `random` (seed 7, no other package), centred so that a model without
a bias, sigmoid(w1 x1 + w2 x2), fits them; rounded to two decimals. The classes overlap, so the
mean BCE has a finite minimum.

Run: python3 make_datasets.py (from this directory).
"""
import random

ANSCOMBE_X = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]
ANSCOMBE_Y1 = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]

with open("anscombe1.csv", "w") as f:
    f.write("x,y\n")
    for x, y in zip(ANSCOMBE_X, ANSCOMBE_Y1):
        f.write(f"{x},{y}\n")

rng = random.Random(7)
rows = []
for label, (cx, cy) in ((0, (-0.8, 0.5)), (1, (0.9, -0.4))):
    for _ in range(20):
        rows.append((round(rng.gauss(cx, 0.9), 2), round(rng.gauss(cy, 0.9), 2), label))
rng.shuffle(rows)
with open("two-classes.csv", "w") as f:
    f.write("x1,x2,label\n")
    for x1, x2, label in rows:
        f.write(f"{x1},{x2},{label}\n")
