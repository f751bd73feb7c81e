#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The oc3 command as a user types it: `oc3 --check` reads a program (and
# fails on a broken one) through oc3-check, and the launcher itself links
# nothing but the C library, since it runs at every start of the app.
# Usage: check-launcher.sh OC3 SOURCE_DIR
set -u
oc3=$1 source=$2
fail () { echo "FAIL: $*"; exit 1; }

out=$("$oc3" --check "$source/tests/core/data/model.json") || fail "oc3 --check model.json exited $?"
echo "$out" | grep -q "^Title: Model test$" || fail "no title in: $out"

broken=$(mktemp)
trap 'rm -f "$broken"' EXIT
printf '{"schedule": {"conference": ' >"$broken"
"$oc3" --check="$broken" >/dev/null 2>&1 && fail "a cut-off program was accepted"

"$oc3" --check "$source/tests/core/data/model.json" --json | grep -q '"talks"' || fail "--json prints no talks"

# (The sanitizers' runtimes come with a sanitized build.)
needed=$(LC_ALL=C readelf -d "$oc3" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | grep -v '^lib[a-z]*san\.so' | tr '\n' ' ')
case "$needed" in
  "libc.so.6 ") ;;
  *) fail "the launcher links more than the C library: $needed" ;;
esac
echo "ok: --check, --check=, --json; the launcher needs only: $needed"
