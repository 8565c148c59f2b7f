"""The reference of bench/drift.bench.ts: scipy's ks_2samp plus numpy's histogram per feature.

Usage: /usr/bin/python3 bench/drift-scipy.py REFERENCE.f64 CURRENT.f64 PROFILE.json REF_ROWS ROWS REPEATS
Reads the same float64 files as our check. Per feature and repeat it drops the missing values,
runs ks_2samp(reference, current) (method auto: asymptotic at these sizes) and np.histogram of the
current values over the stored PSI edges. Prints one JSON line with the seconds of every repeat,
the KS results of the last, and the process's peak RSS.
"""
import json
import resource
import sys
import time

import numpy as np
from scipy.stats import ks_2samp

ref_path, cur_path, profile_path = sys.argv[1:4]
ref_rows, rows, repeats = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
reference = np.fromfile(ref_path, dtype=np.float64).reshape(-1, ref_rows)
current = np.fromfile(cur_path, dtype=np.float64).reshape(-1, rows)
with open(profile_path) as f:
    edges = [np.array([-np.inf] + feature['psiEdges'] + [np.inf]) for feature in json.load(f)['features']]
baseline_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

seconds = []
results = []
for repeat in range(repeats + 1):  # the first is a warm-up, as on our side
    started = time.perf_counter()
    results = []
    for f in range(current.shape[0]):
        cur = current[f][~np.isnan(current[f])]
        ks = ks_2samp(reference[f], cur)
        counts, _ = np.histogram(cur, bins=edges[f])
        results.append({'statistic': float(ks.statistic), 'pvalue': float(ks.pvalue), 'counts': counts.tolist()})
    if repeat > 0:
        seconds.append(time.perf_counter() - started)

print(json.dumps({
    'seconds': seconds,
    'baselineRssMb': baseline_rss,
    'peakRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    'results': results,
}))
