# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading a running app through the accessibility tree (AT-SPI), as a screen reader does."""
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402


def find_app(name, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == name:
                return app
        time.sleep(0.3)
    return None


def walk(node, depth=0, max_depth=60):
    if node is None or depth > max_depth:
        return
    yield node
    try:
        count = node.get_child_count()
    except Exception:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, max_depth)


def role(node):
    try:
        return node.get_role_name()
    except Exception:
        return ""


def text_of(node):
    try:
        iface = node.get_text_iface()
        if iface is not None:
            return Atspi.Text.get_text(iface, 0, Atspi.Text.get_character_count(iface))
    except Exception:
        pass
    return ""


def find(app, predicate, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for node in walk(app):
            try:
                if predicate(node):
                    return node
            except Exception:
                continue
        time.sleep(0.3)
    return None


def showing(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.SHOWING)
    except Exception:
        return False


def activate(node):
    action = node.get_action_iface()
    if action is None or Atspi.Action.get_n_actions(action) == 0:
        raise RuntimeError(f"{role(node)} {node.get_name()!r} has no action")
    return Atspi.Action.do_action(action, 0)
