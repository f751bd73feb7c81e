#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-seed-conversion.sh SOURCE_DIR SEED — the committed programs are exactly
# what build-aux/seed-to-schedule.py makes of the seed today.
set -eu
top=$1
seed=$2
[ -f "$seed" ] || { echo "SKIP: the seed is not beside this checkout ($seed)"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 "$top/build-aux/seed-to-schedule.py" "$seed" "$out"
diff -ru "$top/data/programs" "$out" && echo "data/programs matches the conversion of the seed"
