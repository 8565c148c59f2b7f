"""The reference of bench/logistic-pipeline.bench.ts: scikit-learn's whole pipeline on a table with
categorical columns, Pipeline(ColumnTransformer(StandardScaler, OneHotEncoder), LogisticRegression)
with LogisticRegression's defaults (lbfgs, C=1, tol=1e-4, max_iter=100), as our node's defaults.

Usage: /usr/bin/python3 bench/logistic-pipeline-sklearn.py TASK.csv TRAIN_ROWS REPEATS
First line: versions and BLAS threads; then one JSON line per repeat. Only Pipeline.fit is timed.
"""
import json
import sys
import time

import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

path, train_rows, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
frame = pd.read_csv(path)
numeric = [c for c in frame.columns if c.startswith("x")]
categorical = [c for c in frame.columns if c.startswith("c")]
X, y = frame[numeric + categorical], frame["y"]
X_train, y_train, X_test, y_test = X[:train_rows], y[:train_rows], X[train_rows:], y[train_rows:]
try:
    from threadpoolctl import threadpool_info

    blas = "; ".join(f"{p['internal_api']} {p['version']}, {p['num_threads']} threads" for p in threadpool_info() if p["user_api"] == "blas")
except ImportError:
    blas = "threadpoolctl missing"
print(json.dumps({"version": sklearn.__version__, "blas": blas}), flush=True)

for repeat in range(repeats):
    pipeline = Pipeline(
        [
            ("columns", ColumnTransformer([("scale", StandardScaler(), numeric), ("one_hot", OneHotEncoder(handle_unknown="ignore"), categorical)])),
            ("model", LogisticRegression()),
        ]
    )
    started = time.perf_counter()
    pipeline.fit(X_train, y_train)
    seconds = time.perf_counter() - started
    line = {"repeat": repeat, "fitSeconds": seconds, "iterations": int(pipeline["model"].n_iter_[0]), "accuracy": pipeline.score(X_test, y_test)}
    print(json.dumps(line), flush=True)
