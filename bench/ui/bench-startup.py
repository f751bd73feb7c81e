#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up benchmark: a fresh process to the first frame that shows the program.

Runs inside a headless GNOME session. Compares, in the same run (the cases
taking turns), the smallest libadwaita window (the baseline) with OC3 showing its bundled program and OC3
showing the 39C3 program (2.6 MB, 895 talks). Prints median wall time over
several runs and the peak RSS of each process (from wait4).

Targets: bundled ≤ 1.3× baseline; 39C3 ≤ 2× baseline and peak RSS ≤ baseline + 60 MB.
"""
import os
import statistics
import subprocess
import sys
import time

RUNS = int(os.environ.get("OC3_BENCH_RUNS", "15"))
baseline_exe, oc3_exe, fixture = sys.argv[1], sys.argv[2], sys.argv[3]


def run_once(argv):
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{argv[0]} failed: {process.stderr.read().decode()}")
    return elapsed * 1000, usage.ru_maxrss / 1024


cases = [("baseline: minimal libadwaita window", [baseline_exe])]
cases.append(("OC3, bundled program", [oc3_exe, "--quit-after-first-frame"]))
if os.path.exists(fixture):
    cases.append(("OC3, 39C3 program", [oc3_exe, "--quit-after-first-frame", fixture]))
else:
    print(f"note: {fixture} is missing; the 39C3 case is skipped")

# One untimed run each, so that every case starts with warm file caches.
for _, argv in cases:
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

# The cases take turns, so that the machine's ups and downs (it is shared)
# fall on all of them alike rather than on whichever ran during a busy spell.
samples = {name: [] for name, _ in cases}
for _ in range(RUNS):
    for name, argv in cases:
        samples[name].append(run_once(argv))
results = [(name, statistics.median(ms for ms, _ in samples[name]), max(rss for _, rss in samples[name]))
           for name, _ in cases]
base_ms, base_rss = results[0][1], results[0][2]
print(f"{'case':40} {'median ms':>10} {'× baseline':>11} {'peak RSS MB':>12} {'Δ RSS MB':>9}")
for name, ms, rss in results:
    print(f"{name:40} {ms:10.1f} {ms / base_ms:11.2f} {rss:12.1f} {rss - base_rss:9.1f}")

failed = []
if len(results) > 1 and results[1][1] > 1.3 * base_ms:
    failed.append("bundled program over 1.3× baseline")
if len(results) > 2 and results[2][1] > 2 * base_ms:
    failed.append("39C3 over 2× baseline")
if len(results) > 2 and results[2][2] > base_rss + 60:
    failed.append("39C3 peak RSS over baseline + 60 MB")
print("targets: " + ("met" if not failed else "MISSED: " + "; ".join(failed)))
