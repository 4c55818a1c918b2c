#!/usr/bin/python3
"""The peer: what a researcher's notebook does to get the NIAH heatmap, as one script.

    /usr/bin/python3 bench/peer/notebook.py <folder|csv|jsonl|v2> <input> <out.png>

Reads a gkamradt v1 results folder (one JSON object per file, like gkamradt's viz notebook),
a tidy CSV, a generic JSONL or a gkamradt v2 JSONL with pandas; scales the 1..10 judge score to
0..1 (score / 10, gkamradt folders only: the other inputs are already 0..1); averages the cells
with pivot_table(index='depth_percent', columns='context_length', values='score',
aggfunc='mean'); draws seaborn's heatmap with the classic NIAH colour map
(LinearSegmentedColormap from #F0496E, #EBB839, #0CD79F) and saves a PNG.

Prints one line of JSON: seconds spent importing, reading, pivoting, plotting and saving, the
process's CPU time up to the PNG saved, and
`png_written_epoch` (time.time() once the PNG is closed) so the bench can time the whole
process from its start.
"""

import time

T0 = time.perf_counter()
CPU0 = time.process_time()

import glob  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib.colors import LinearSegmentedColormap  # noqa: E402

T_IMPORTED = time.perf_counter()


def read_folder(folder):
    """gkamradt's viz notebook: every *.json of the folder, one result object each."""
    data = []
    for path in glob.glob(f"{folder}/*.json"):
        with open(path, "r") as f:
            json_data = json.load(f)
            data.append(
                {
                    "depth_percent": json_data.get("depth_percent", None),
                    "context_length": json_data.get("context_length", None),
                    "score": json_data.get("score", None),
                }
            )
    df = pd.DataFrame(data)
    df["score"] = df["score"] / 10
    return df


def read_v2(path):
    """gkamradt v2 rows: scored calls only, score.value, target depth as the depth."""
    df = pd.read_json(path, lines=True)
    df = df[df["status"] == "ok"]
    df = df.assign(
        score=df["score"].map(lambda s: s["value"]),
        depth_percent=df["target_depth_percent"],
    )
    return df


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: notebook.py <folder|csv|jsonl|v2> <input> <out.png>\n")
        return 2
    kind, source, out = argv[1], argv[2], argv[3]

    if kind == "folder":
        df = read_folder(source)
    elif kind == "csv":
        df = pd.read_csv(source)
    elif kind == "jsonl":
        df = pd.read_json(source, lines=True)
        if "depth_percent" not in df.columns:
            df = df.rename(columns={"depth": "depth_percent"})
    elif kind == "v2":
        df = read_v2(source)
    else:
        sys.stderr.write(f"unknown input kind {kind}\n")
        return 2
    t_read = time.perf_counter()

    pivot_table = pd.pivot_table(
        df, values="score", index=["depth_percent"], columns=["context_length"], aggfunc="mean"
    )
    t_pivot = time.perf_counter()

    cmap = LinearSegmentedColormap.from_list("custom_cmap", ["#F0496E", "#EBB839", "#0CD79F"])
    plt.figure(figsize=(17.5, 8))
    sns.heatmap(pivot_table, fmt="g", cmap=cmap, cbar_kws={"label": "Score"}, vmin=0, vmax=1)
    plt.title("Pressure Testing: Fact Retrieval Across Context Lengths")
    plt.xlabel("Token Limit")
    plt.ylabel("Depth Percent")
    plt.xticks(rotation=45)
    plt.yticks(rotation=0)
    plt.tight_layout()
    t_plot = time.perf_counter()

    plt.savefig(out)
    plt.close("all")
    t_saved = time.perf_counter()
    png_written_epoch = time.time()

    print(
        json.dumps(
            {
                "rows": int(len(df)),
                "cells": int(pivot_table.count().sum()),
                "png_bytes": os.path.getsize(out),
                "import_s": T_IMPORTED - T0,
                "read_s": t_read - T_IMPORTED,
                "pivot_s": t_pivot - t_read,
                "plot_s": t_plot - t_pivot,
                "save_s": t_saved - t_plot,
                "in_script_s": t_saved - T0,
                "cpu_s": time.process_time() - CPU0,
                "png_written_epoch": png_written_epoch,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
