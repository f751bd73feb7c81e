#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Times `oc3 --check FILE` as a whole process (start-up, reading, parsing,
# building the model, printing) against Python reading the same file with
# json.load, in the same run: the median of RUNS runs of each, in ms.
#
#   bench/bench-check-vs-python.sh [OC3] [FILE]
#
# OC3 defaults to _build/src/oc3, FILE to the 39C3 schedule in the shared
# fixtures. Inside the dev environment: build-aux/dev exec bench/bench-check-vs-python.sh
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
oc3=${1:-$top/_build/src/oc3}
file=${2:-${OC3_FIXTURES:-$top/../shared/fixtures/schedules}/c3voc-39C3_everything.schedule.json}
runs=${RUNS:-9}

[ -x "$oc3" ] || { echo "bench-check-vs-python: no oc3 at $oc3" >&2; exit 1; }
[ -r "$file" ] || { echo "bench-check-vs-python: cannot read $file" >&2; exit 1; }
command -v python3 >/dev/null || { echo "bench-check-vs-python: needs python3" >&2; exit 1; }

# Fails early, with its message, if this oc3 cannot check a file yet.
"$oc3" --check "$file" >/dev/null

# Wall-clock time of running "$@" once, in microseconds.
time_us () {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000 ))
}

median_ms () {
  printf '%s\n' "$@" | sort -n |
    awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] / 1000 }'
}

# Interleaved, so that both see the same machine load.
oc3_us=()
python_us=()
for _ in $(seq "$runs"); do
  oc3_us+=("$(time_us "$oc3" --check "$file")")
  python_us+=("$(time_us python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$file")")
done

printf 'file: %s (%d bytes); median of %d runs each, interleaved\n' \
  "$(basename "$file")" "$(wc -c <"$file")" "$runs"
printf '%-56s %8s ms\n' "oc3 --check FILE" "$(median_ms "${oc3_us[@]}")"
printf '%-56s %8s ms\n' "python3 -c 'import json,sys; json.load(open(FILE))'" \
  "$(median_ms "${python_us[@]}")"
