# The CSV benchmark's reference: pandas.read_csv on the generated file, timed inside Python, and
# this process's peak resident memory. Prints one JSON line. Run with Debian's /usr/bin/python3.
import json
import resource
import sys
import time

import pandas as pd

start = time.perf_counter()
frame = pd.read_csv(sys.argv[1])
seconds = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"rows": len(frame), "seconds": seconds, "peakMb": peak_kb / 1024, "version": pd.__version__}))
