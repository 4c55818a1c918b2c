#!/usr/bin/python3
"""Reference cell means of a gkamradt v1 results folder, computed with pandas.

    /usr/bin/python3 scripts/pandas_pivot.py <dir> <out.csv>

Reads every *.json in <dir> (one result object per file; a file holding a JSON array adds all
of its objects), normalises the 1..10 judge score to 0..1 (score / 10), averages each
(depth_percent, context_length) cell over its repeats with pandas' pivot_table, and writes a
tidy CSV `context_length,depth_percent,mean_score,n` sorted by length then depth, floats at
full precision (Python repr). This is the independent reference the app's loader is checked
against (e2e/fixtures/*.expected.csv).

Needs pandas: Debian's python3-pandas, hence /usr/bin/python3 (a pyenv `python3` on PATH may
lack it).
"""

import csv
import json
import sys
from pathlib import Path

import pandas as pd


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: pandas_pivot.py <dir> <out.csv>\n")
        return 2
    folder, out = Path(argv[1]), Path(argv[2])

    records = []
    for path in sorted(folder.glob("*.json")):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        records.extend(data if isinstance(data, list) else [data])
    if not records:
        sys.stderr.write(f"no *.json results in {folder}\n")
        return 1

    df = pd.DataFrame(records)
    df["score"] = df["score"] / 10
    means = df.pivot_table(
        index="depth_percent", columns="context_length", values="score", aggfunc="mean"
    )
    counts = df.pivot_table(
        index="depth_percent", columns="context_length", values="score", aggfunc="count"
    )

    rows = 0
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["context_length", "depth_percent", "mean_score", "n"])
        for length in sorted(means.columns):
            for depth in sorted(means.index):
                mean = means.at[depth, length]
                if pd.isna(mean):
                    continue
                writer.writerow(
                    [int(length), repr(float(depth)), repr(float(mean)), int(counts.at[depth, length])]
                )
                rows += 1
    sys.stdout.write(f"{len(records)} trials, {rows} cells -> {out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
