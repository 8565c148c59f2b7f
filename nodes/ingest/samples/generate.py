#!/usr/bin/python3
"""Writes the bundled sample CSVs from Debian's scikit-learn package (python3-sklearn 1.2.1).

Run from this folder with the system Python: `/usr/bin/python3 generate.py`.
Output is byte-stable: floats use Python's shortest round-trip repr, integral
values are written without ".0", lines end in "\n", there is no index column.
After regenerating, update sha256 and rows in manifest.ts (manifest.test.ts checks them).

seattle-weather.csv is not written here: it is copied byte for byte from the npm package
vega-datasets 3.2.1 (BSD-3-Clause code; the data are NOAA GHCN-Daily observations, a public-domain
U.S. government work), without adding the package as a dependency:

    cd /tmp && npm pack vega-datasets@3.2.1 && tar xzf vega-datasets-3.2.1.tgz package/data/seattle-weather.csv
    cp package/data/seattle-weather.csv <this folder>/seattle-weather.csv   # sha256 0845078a...af23be

vega-datasets made it with its scripts/weather.py from GHCN-Daily (tenths converted to mm, degrees C
and m/s; the "weather" label derived from the WTxx weather-type flags).

The synthetic samples (customer-churn, house-prices, store-demand) are not written here either:
generate_synthetic.py makes them, with NumPy and no third-party data.
"""
import csv
import re

from sklearn import datasets


def snake(name):
    name = re.sub(r"\(([^)]*)\)", r"\1", name)  # "sepal length (cm)" -> "sepal length cm"
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def cell(value):
    if isinstance(value, str):
        return value
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def write(path, header, rows):
    with open(path, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        for row in rows:
            out.writerow([cell(v) for v in row])


def main():
    # Breast cancer: sklearn target 0 = malignant, 1 = benign (target_names order).
    bc = datasets.load_breast_cancer()
    assert list(bc.target_names) == ["malignant", "benign"]
    write(
        "breast-cancer.csv",
        [snake(n) for n in bc.feature_names] + ["diagnosis"],
        (list(x) + [bc.target_names[y]] for x, y in zip(bc.data, bc.target)),
    )

    iris = datasets.load_iris()
    write(
        "iris.csv",
        [snake(n) for n in iris.feature_names] + ["species"],
        (list(x) + [iris.target_names[y]] for x, y in zip(iris.data, iris.target)),
    )

    # Unscaled original values (age in years, sex coded 1/2, ...), not the mean-centred default.
    diabetes = datasets.load_diabetes(scaled=False)
    write(
        "diabetes.csv",
        [snake(n) for n in diabetes.feature_names] + ["progression"],
        (list(x) + [y] for x, y in zip(diabetes.data, diabetes.target)),
    )


if __name__ == "__main__":
    main()
