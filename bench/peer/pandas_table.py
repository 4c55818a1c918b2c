#!/usr/bin/python3
"""The table peer: pandas reads a tidy CSV and pivots it to the heatmap's cells, nothing more.

    /usr/bin/python3 bench/peer/pandas_table.py <input.csv>

`pd.read_csv`, then pivot_table(index='depth_percent', columns='context_length', values='score',
aggfunc='mean'): what a notebook does before it draws, without the drawing (bench/peer/notebook.py
draws). Prints one line of JSON: seconds spent importing, reading and pivoting, the CPU time, and
`done_epoch` (time.time() once the pivot table exists) so the bench can time the process from
its start.
"""

import time

T0 = time.perf_counter()
CPU0 = time.process_time()

import json  # noqa: E402
import sys  # noqa: E402

import pandas as pd  # noqa: E402

T_IMPORTED = time.perf_counter()


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: pandas_table.py <input.csv>\n")
        return 2
    df = pd.read_csv(argv[1])
    t_read = time.perf_counter()
    pivot_table = pd.pivot_table(
        df, values="score", index=["depth_percent"], columns=["context_length"], aggfunc="mean"
    )
    t_pivot = time.perf_counter()
    done_epoch = time.time()
    print(
        json.dumps(
            {
                "rows": int(len(df)),
                "cells": int(pivot_table.count().sum()),
                "import_s": T_IMPORTED - T0,
                "read_s": t_read - T_IMPORTED,
                "pivot_s": t_pivot - t_read,
                "in_script_s": t_pivot - T0,
                "cpu_s": time.process_time() - CPU0,
                "done_epoch": done_epoch,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
