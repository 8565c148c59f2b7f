"""The reference of bench/mlp.bench.ts: scikit-learn's MLPClassifier on the generated task.

Usage: /usr/bin/python3 bench/mlp-sklearn.py TASK.csv TRAIN_ROWS JOB_JSON
JOB_JSON is either
  {"mode": "fit", "batch": 512, "lr": 0.01, "epochs": 3, "seeds": 5}: fit() with those settings
    (alpha 0 like our l2 0, early stopping off), one JSON line per seed;
  {"mode": "grid", "batches": [...], "lrs": [...], "maxEpochs": 5, "seeds": 3}: per batch size and
    learning rate, partial_fit one epoch at a time (only the epochs are timed), one JSON line per
    seed and epoch with the time so far and the holdout accuracy.
The first line names the BLAS threads numpy uses. Only training is timed.
"""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

path, train_rows, job = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
try:
    import pandas as pd

    data = pd.read_csv(path).to_numpy(dtype=np.float64)
except ImportError:
    data = np.loadtxt(path, delimiter=",", skiprows=1)
X, y = data[:, :-1], data[:, -1].astype(int)
X_train, y_train, X_test, y_test = X[:train_rows], y[:train_rows], X[train_rows:], y[train_rows:]

try:
    from threadpoolctl import threadpool_info

    blas = [f"{p['internal_api']} {p['version']}, {p['num_threads']} threads" for p in threadpool_info() if p["user_api"] == "blas"]
except ImportError:
    blas = ["threadpoolctl missing"]
import sklearn

print(json.dumps({"blas": "; ".join(blas) or "none found", "version": sklearn.__version__}), flush=True)


def model(batch, lr, epochs, seed):
    return MLPClassifier(
        hidden_layer_sizes=(64, 32),
        activation="relu",
        solver="adam",
        alpha=0.0,
        batch_size=batch,
        learning_rate_init=lr,
        max_iter=epochs,
        early_stopping=False,
        shuffle=True,
        random_state=seed,
    )


warnings.filterwarnings("ignore", category=ConvergenceWarning)  # a few epochs never "converge"
if job["mode"] == "fit":
    for seed in range(job["seeds"]):
        m = model(job["batch"], job["lr"], job["epochs"], seed)
        started = time.perf_counter()
        m.fit(X_train, y_train)
        seconds = time.perf_counter() - started
        print(json.dumps({"seed": seed, "fitSeconds": seconds, "accuracy": m.score(X_test, y_test)}), flush=True)
else:
    classes = np.unique(y_train)
    for batch in job["batches"]:
        for lr in job["lrs"]:
            for seed in range(job["seeds"]):
                m = model(batch, lr, 1, seed)
                spent = 0.0
                for epoch in range(1, job["maxEpochs"] + 1):
                    started = time.perf_counter()
                    m.partial_fit(X_train, y_train, classes=classes)
                    spent += time.perf_counter() - started
                    line = {"batch": batch, "lr": lr, "seed": seed, "epochs": epoch, "fitSeconds": spent, "accuracy": m.score(X_test, y_test)}
                    print(json.dumps(line), flush=True)
