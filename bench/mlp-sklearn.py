"""The reference of bench/mlp.bench.ts: scikit-learn's MLPClassifier on the generated task.

Usage: /usr/bin/python3 bench/mlp-sklearn.py TASK.csv TRAIN_ROWS REPEATS
Prints one JSON line per repeat: {"seed", "fitSeconds", "accuracy"}. Only fit() is timed.
"""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

path, train_rows, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
try:
    import pandas as pd

    data = pd.read_csv(path).to_numpy(dtype=np.float64)
except ImportError:
    data = np.loadtxt(path, delimiter=",", skiprows=1)
X, y = data[:, :-1], data[:, -1].astype(int)
X_train, y_train, X_test, y_test = X[:train_rows], y[:train_rows], X[train_rows:], y[train_rows:]

warnings.filterwarnings("ignore", category=ConvergenceWarning)  # 5 epochs never "converge"
for seed in range(repeats):
    model = MLPClassifier(hidden_layer_sizes=(64, 32), max_iter=5, batch_size=256, random_state=seed)
    started = time.perf_counter()
    model.fit(X_train, y_train)
    seconds = time.perf_counter() - started
    print(json.dumps({"seed": seed, "fitSeconds": seconds, "accuracy": model.score(X_test, y_test)}), flush=True)
