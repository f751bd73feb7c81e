#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: a reminder arrives once, on time, with the window closed.

The real oc3 runs in a headless GNOME session with a real notification server
(dunst, started by build-aux/headless-session --notifications). The clock is
moved with OC3_NOW to 12 seconds before a starred talk's reminder is due (the
only thing faked: the date). The window is then closed through the app's own
D-Bus actions; the app must stay alive for the reminder, deliver it once with
the right title, body and buttons, and open the talk when its default action
is activated through org.freedesktop.Application.
"""
import datetime
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

APP_ID = "com.example.OC3"
OBJECT_PATH = "/com/example/OC3"
top = pathlib.Path(sys.argv[1])
oc3 = sys.argv[2]

for tool in ("dunstctl", "dbus-monitor", "gdbus"):
    if shutil.which(tool) is None:
        print(f"SKIP: {tool} is not installed (build-aux/dev provides it)")
        sys.exit(77)
if "OC3_DUNST_DISPLAY" not in os.environ:
    print("SKIP: no notification server; run under build-aux/headless-session --notifications")
    sys.exit(77)

program = json.loads((top / "data/programs/oc3-2024.json").read_text())
day = program["schedule"]["conference"]["days"][0]
room, events = next((r, e) for r, e in day["rooms"].items() if r == "Room B")
talk = events[0]
start = datetime.datetime.fromisoformat(talk["date"])
hours, minutes = (int(x) for x in talk["duration"].split(":"))
end = start + datetime.timedelta(hours=hours, minutes=minutes)
now = start - datetime.timedelta(minutes=10, seconds=12)

work = pathlib.Path(tempfile.mkdtemp())
store = work / "data/oc3/oc3-2024/user.json"
store.parent.mkdir(parents=True)
store.write_text(json.dumps({"format": 2, "talks": {talk["guid"]: {"starred": True, "reminder": True}}}))

env = dict(os.environ, OC3_NOW=now.isoformat(), XDG_DATA_HOME=str(work / "data"),
           XDG_CACHE_HOME=str(work / "cache"), XDG_CONFIG_HOME=str(work / "config"),
           GSETTINGS_BACKEND="memory")
for name in ("G_DEBUG", "GTK_A11Y", "NO_AT_BRIDGE"):
    env.pop(name, None)

monitor = subprocess.Popen(["dbus-monitor", "--session",
                            "interface='org.freedesktop.Notifications',member='Notify'"],
                           stdout=subprocess.PIPE, text=True)
app = subprocess.Popen([oc3], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def gdbus(*args):
    return subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID, "--object-path", OBJECT_PATH, *args],
                          capture_output=True, text=True, timeout=10)


def fail(message):
    app.kill()
    monitor.kill()
    print("FAIL:", message)
    print("oc3 said:", app.stdout.read() if app.stdout else "")
    sys.exit(1)


def app_on_bus():
    # Asked of the bus, not of the app: a call to the app's name would start
    # a second instance through D-Bus activation.
    result = subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus", "--object-path",
                             "/org/freedesktop/DBus", "--method", "org.freedesktop.DBus.NameHasOwner", APP_ID],
                            capture_output=True, text=True)
    return "true" in result.stdout


# Wait for the app on the bus, then close its window: it must keep running.
deadline = time.monotonic() + 20
while not app_on_bus():
    if time.monotonic() > deadline or app.poll() is not None:
        fail("oc3 did not appear on the session bus")
    time.sleep(0.2)
gdbus("--method", "org.gtk.Actions.Activate", "quit", "[]", "{}")
time.sleep(1)
if app.poll() is not None:
    fail("oc3 quit when its window closed, with a reminder pending")

# The reminder, once.
history = []
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    out = subprocess.run(["dunstctl", "history"], capture_output=True, text=True,
                         env=dict(os.environ, DISPLAY=os.environ["OC3_DUNST_DISPLAY"])).stdout
    shown = subprocess.run(["dunstctl", "count", "displayed"], capture_output=True, text=True,
                           env=dict(os.environ, DISPLAY=os.environ["OC3_DUNST_DISPLAY"])).stdout.strip()
    if shown not in ("", "0"):
        break
    time.sleep(0.5)
else:
    fail("no notification arrived within 30 s of the due time")

time.sleep(3)  # a duplicate would arrive now
monitor.terminate()
calls = monitor.communicate(timeout=5)[0]
notify_calls = calls.count("member=Notify")
expected_title = f"In 10 min: {talk['title']}"
expected_body = f"{room} · {start:%H:%M}–{end:%H:%M}"
problems = []
if notify_calls != 1:
    problems.append(f"{notify_calls} notifications instead of 1")
if expected_title not in calls:
    problems.append(f"title {expected_title!r} not sent")
if expected_body not in calls:
    problems.append(f"body {expected_body!r} not sent")
for button in ("Snooze 5 min", "Unstar"):
    if f'"{button}"' not in calls:
        problems.append(f"no {button!r} button")
if problems:
    print(calls)
    fail("; ".join(problems))

# With nothing left to remind of, the app is done: it quits.
try:
    app.wait(timeout=10)
except subprocess.TimeoutExpired:
    fail("oc3 kept running after its last reminder")

# "Open" (the default action) starts it again through D-Bus activation, as
# GNOME Shell does, and shows the talk.
activation_env = ",".join(f"'{k}': '{v}'" for k, v in env.items()
                          if k in ("OC3_NOW", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME",
                                   "GSETTINGS_BACKEND", "GSETTINGS_SCHEMA_DIR", "WAYLAND_DISPLAY",
                                   "XDG_RUNTIME_DIR", "LANG", "TZ"))
subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus", "--object-path",
                "/org/freedesktop/DBus", "--method", "org.freedesktop.DBus.UpdateActivationEnvironment",
                "{" + activation_env + "}"], check=True, capture_output=True)
result = subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID, "--object-path", OBJECT_PATH,
                         "--method", "org.freedesktop.Application.ActivateAction",
                         "open-talk", f"[<'{talk['guid']}'>]", "{}"], capture_output=True, text=True)
if result.returncode != 0:
    fail("ActivateAction failed: " + result.stderr)
# Read what the window shows through the accessibility tree.
sys.path.insert(0, str(pathlib.Path(__file__).parent))
import atspi_tree as tree  # noqa: E402

accessible_app = tree.find_app("oc3")
if accessible_app is None:
    fail("no window came back")
title = tree.find(accessible_app, lambda n: tree.showing(n) and tree.role(n) in ("label", "heading")
                  and (n.get_name() == talk["title"] or tree.text_of(n) == talk["title"]))
if title is None:
    fail("the talk page of the reminded talk is not shown")

gdbus("--method", "org.gtk.Actions.Activate", "quit", "[]", "{}")
shutil.rmtree(work, ignore_errors=True)
print(f"one notification: {expected_title!r} / {expected_body!r} with Snooze and Unstar; "
      "the app quit after it; Open started it again on the talk's page")
