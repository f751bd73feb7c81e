#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end through the accessibility tree: the real oc3 in a headless GNOME
session, driven as a screen-reader user would: find a talk in the timeline by
its accessible name (title, time and room), activate it, and read the talk
page's title."""
import json
import os
import pathlib
import subprocess
import sys

top = pathlib.Path(sys.argv[1])
oc3 = sys.argv[2]
sys.path.insert(0, str(pathlib.Path(__file__).parent))
try:
    import atspi_tree as tree
except (ImportError, ValueError) as error:
    print(f"SKIP: no AT-SPI bindings ({error})")
    sys.exit(77)

program = json.loads((top / "data/programs/oc3-2024.json").read_text())
day = program["schedule"]["conference"]["days"][0]
room, events = next((r, e) for r, e in day["rooms"].items() if r == "Room C")
talk = events[0]

env = dict(os.environ, GSETTINGS_BACKEND="memory", OC3_NOW="2024-03-13T08:00:00+01:00")
for name in ("G_DEBUG", "GTK_A11Y", "NO_AT_BRIDGE"):
    env.pop(name, None)
app_process = subprocess.Popen([oc3, "--window-width", "1280", "--window-height", "800", "--view", "schedule"], env=env)


def fail(message):
    app_process.kill()
    print("FAIL:", message)
    sys.exit(1)


app = tree.find_app("oc3")
if app is None:
    fail("oc3 is not in the accessibility tree")

# The block's accessible name carries title, time and room.
block = tree.find(app, lambda n: tree.role(n) == "button" and talk["title"] in (n.get_name() or "")
                  and room in (n.get_name() or "") and talk["start"] in (n.get_name() or ""))
if block is None:
    fail(f"no button named after “{talk['title']}”, {talk['start']}, {room}")
print("found:", block.get_name())
tree.activate(block)

heading = tree.find(app, lambda n: tree.showing(n) and tree.role(n) in ("label", "heading")
                    and (n.get_name() == talk["title"] or tree.text_of(n) == talk["title"])
                    and n is not block)
if heading is None:
    fail("the talk page did not show the talk's title")
print("talk page title:", talk["title"])
app_process.terminate()
app_process.wait(timeout=10)
