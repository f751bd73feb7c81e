#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The .ui templates use no widget newer than the minimums (GTK 4.14, libadwaita 1.5).

The compiler's version macros cannot see inside .ui files, so the classes added
after those releases are listed here and refused.
"""
import pathlib
import re
import sys

NEWER = {
    # libadwaita 1.6
    "AdwBottomSheet": "1.6", "AdwButtonRow": "1.6", "AdwMultiLayoutView": "1.6",
    "AdwLayout": "1.6", "AdwLayoutSlot": "1.6", "AdwSpinner": "1.6", "AdwSpinnerPaintable": "1.6",
    # libadwaita 1.7
    "AdwInlineViewSwitcher": "1.7", "AdwToggleGroup": "1.7", "AdwToggle": "1.7",
    "AdwWrapBox": "1.7", "AdwWrapLayout": "1.7",
    # libadwaita 1.8
    "AdwShortcutsDialog": "1.8", "AdwShortcutsSection": "1.8", "AdwShortcutsItem": "1.8",
    "AdwShortcutLabel": "1.8",
    # GTK 4.16 and later
    "GtkPopoverBin": "4.20", "GtkSvg": "4.22",
}

top = pathlib.Path(sys.argv[1])
errors = []
files = sorted((top / "data" / "ui").glob("*.ui"))
for path in files:
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r'(?:class|parent)="([A-Za-z]+)"', text):
        name = match.group(1)
        if name in NEWER:
            line = text.count("\n", 0, match.start()) + 1
            errors.append(f"{path.relative_to(top)}:{line}: {name} needs {NEWER[name]}, newer than the minimum")
for error in errors:
    print(error)
print(f"{len(files)} templates checked")
sys.exit(1 if errors else 0)
