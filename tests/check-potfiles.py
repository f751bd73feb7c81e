#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES.in lists every file with translatable strings, sorted, and nothing else."""
import pathlib
import re
import sys

top = pathlib.Path(sys.argv[1])
listed = [line.strip() for line in (top / "po" / "POTFILES.in").read_text().splitlines()
          if line.strip() and not line.startswith("#")]

translatable = re.compile(r'(?<![A-Za-z0-9_])N?_\(\s*"|C_\(\s*"|g_dngettext|ngettext\(|translatable="yes"|<_?name>|<summary>|<p>|<li>|^Name=|^Comment=', re.M)
candidates = []
for pattern in ("src/**/*.c", "data/ui/*.ui", "data/*.desktop.in", "data/*.metainfo.xml.in", "data/*.gschema.xml"):
    for path in sorted(top.glob(pattern)):
        if translatable.search(path.read_text(encoding="utf-8")):
            candidates.append(str(path.relative_to(top)))

errors = []
missing = sorted(set(candidates) - set(listed))
stale = sorted(f for f in listed if not (top / f).exists())
if missing:
    errors.append("missing from po/POTFILES.in: " + ", ".join(missing))
if stale:
    errors.append("listed in po/POTFILES.in but gone: " + ", ".join(stale))
if listed != sorted(listed):
    errors.append("po/POTFILES.in is not sorted")
if len(set(listed)) != len(listed):
    errors.append("po/POTFILES.in lists a file twice")

for error in errors:
    print(error)
print(f"{len(listed)} files listed, {len(candidates)} with translatable strings")
sys.exit(1 if errors else 0)
