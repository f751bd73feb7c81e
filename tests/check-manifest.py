#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest asks for what OC3 needs and nothing more.

Files come and go through the document portal and notifications through the
notification portal, so the sandbox holds no filesystem or notification-bus
permissions. Flathub cannot be reached from CI, so the manifest is checked, not built.
"""
import json
import pathlib
import shutil
import subprocess
import sys

top = pathlib.Path(sys.argv[1])
path = top / "com.example.OC3.json"
manifest = json.loads(path.read_text())
errors = []

def expect(condition, message):
    if not condition:
        errors.append(message)

expect(manifest.get("id") == "com.example.OC3", "id must be com.example.OC3")
expect(manifest.get("command") == "oc3", "command must be oc3")
expect(manifest.get("runtime") == "org.gnome.Platform", "runtime must be org.gnome.Platform")
expect(manifest.get("sdk") == "org.gnome.Sdk", "sdk must be org.gnome.Sdk")
version = str(manifest.get("runtime-version", ""))
expect(version.isdigit() and int(version) >= 49,
       f"runtime-version must be a numbered stable GNOME release, 49 or newer (not {version!r})")

args = manifest.get("finish-args", [])
allowed = {"--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}
for arg in ("--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"):
    expect(arg in args, f"finish-args lacks {arg}")
for arg in args:
    expect(arg in allowed, f"finish-args must not ask for {arg}")
expect(not any(a.startswith("--filesystem") for a in args), "no --filesystem: files go through portals")
expect("--talk-name=org.freedesktop.Notifications" not in args,
       "no notification bus name: notifications go through the portal")
expect("--socket=x11" not in args, "X11 only as a fallback")

modules = manifest.get("modules", [])
expect(modules, "the manifest builds no module")
app = modules[-1] if modules else {}
expect(app.get("name") == "oc3" and app.get("buildsystem") == "meson", "the last module is oc3, built with meson")
expect({"type": "dir", "path": "."} in app.get("sources", []), "oc3 is built from the local directory")

builder = shutil.which("flatpak-builder")
if builder:
    result = subprocess.run([builder, "--show-manifest", str(path)], capture_output=True, text=True)
    expect(result.returncode == 0, "flatpak-builder cannot parse the manifest: " + result.stderr.strip())
else:
    print("note: flatpak-builder is not installed; only the policy was checked")

for error in errors:
    print("manifest:", error)
print(f"manifest: {len(args)} finish-args, runtime {manifest.get('runtime')}//{version}")
sys.exit(1 if errors else 0)
