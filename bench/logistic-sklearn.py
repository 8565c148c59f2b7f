"""The reference of bench/logistic.bench.ts: scikit-learn's LogisticRegression on the generated task.

Usage: /usr/bin/python3 bench/logistic-sklearn.py TASK.csv TRAIN_ROWS REPEATS
Prints one JSON line per repeat, naming numpy's BLAS and its threads. Only fit() is timed: "fitSeconds" is LogisticRegression() (lbfgs,
C=1, tol=1e-4) on the raw features, "pipelineSeconds" is StandardScaler + LogisticRegression.
"""
import json
import sys
import time

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

path, train_rows, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
try:
    import pandas as pd

    data = pd.read_csv(path).to_numpy(dtype=np.float64)
except ImportError:
    data = np.loadtxt(path, delimiter=",", skiprows=1)
X, y = data[:, :-1], data[:, -1].astype(int)
X_train, y_train, X_test, y_test = X[:train_rows], y[:train_rows], X[train_rows:], y[train_rows:]
try:
    from threadpoolctl import threadpool_info

    blas = "; ".join(f"{p['internal_api']} {p['version']}, {p['num_threads']} threads" for p in threadpool_info() if p["user_api"] == "blas")
except ImportError:
    blas = "threadpoolctl missing"

for repeat in range(repeats):
    model = LogisticRegression()
    started = time.perf_counter()
    model.fit(X_train, y_train)
    fit_seconds = time.perf_counter() - started
    pipeline = make_pipeline(StandardScaler(), LogisticRegression())
    started = time.perf_counter()
    pipeline.fit(X_train, y_train)
    pipeline_seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "repeat": repeat,
                "blas": blas,
                "fitSeconds": fit_seconds,
                "pipelineSeconds": pipeline_seconds,
                "iterations": int(model.n_iter_[0]),
                "accuracy": model.score(X_test, y_test),
                "coef": model.coef_[0].tolist() + [float(model.intercept_[0])],
            }
        ),
        flush=True,
    )
