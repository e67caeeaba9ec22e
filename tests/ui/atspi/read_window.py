# SPDX-License-Identifier: GPL-3.0-or-later
"""What a screen reader is told about Halo Explorer's window, read over AT-SPI (pyatspi):
combo boxes report their contract names, named values expose their text, and choosing a
site in the list the way assistive technology does shows its status in readable values."""
import re
import sys
import time

import pyatspi

DEADLINE_S = 90  # a sanitizer build starts slowly


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def wait_for(what, probe, timeout=DEADLINE_S):
    end = time.time() + timeout
    while time.time() < end:
        found = probe()
        if found:
            return found
        time.sleep(0.5)
    fail("timed out waiting for " + what)


def application():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and "halo" in (app.name or "").lower():
            return app
    return None


def nodes(root, predicate):
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        try:
            if predicate(node):
                found.append(node)
            stack.extend(node.getChildAtIndex(i) for i in range(node.childCount))
        except Exception:  # a node that went away while walking
            continue
    return found


def named(root, name, role):
    found = nodes(root, lambda n: n.name == name and n.getRoleName() == role)
    return found[0] if found else None


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


app = wait_for("the application on the accessibility bus", application)
wait_for("the site list", lambda: named(app, "Site list", "tree"))

# Combo boxes: the contract name, never the current text.
for name in ("Environment", "Execution mode", "Catalogue", "FHIR resource type"):
    if named(app, name, "combo box") is None:
        combos = [c.name for c in nodes(app, lambda n: n.getRoleName() == "combo box")]
        fail("no combo box named %r; combo boxes: %r" % (name, combos))
for name in ("Add site", "Verify sites", "Save report"):
    if named(app, name, "push button") is None:
        fail("no button named %r" % name)
# The site list's controls, by the names the issue gives them.
for name in ("Remove site", "Site label", "Site notes", "Site tags", "Needs attention",
             "Filter sites", "Site list"):
    if not nodes(app, lambda n, name=name: n.name == name):
        fail("nothing named %r" % name)
# A checkable tool button: Qt reports it as a check box (some bridges say toggle button).
if not any(named(app, "Privacy mode", role) for role in ("check box", "toggle button")):
    fail("no toggle named 'Privacy mode'")

# Choose a site the way assistive technology does: select its row in the list.
site_list = named(app, "Site list", "tree")
table = site_list.queryTable()


def online_site_row():
    # 1-based, so that row 0 is not taken for "not found yet"
    for r in range(table.nRows):
        name = table.getAccessibleAt(r, 0).name or ""
        if name.startswith("Harbourside") and "Not authoritative" not in name:
            return r + 1
    return None


row = wait_for("a saved site in the list", online_site_row) - 1
if not table.addRowSelection(row):
    fail("the site list refused the row selection")

# The status panel's values: each carries its name, and its text says the value.
availability = wait_for("the Availability value",
                        lambda: named(app, "Availability", "label"))
wait_for("Availability to say Online", lambda: "Online" in text_of(availability))
guid = named(app, "Halo GUID", "label")
if guid is None or not re.fullmatch(r"[0-9a-f-]{36}", text_of(guid)):
    fail("the Halo GUID value reads %r" % (text_of(guid) if guid else None))
for name in ("Status", "PMS ID", "PMS type", "Practice name"):
    value = named(app, name, "label")
    if value is None or not text_of(value).strip():
        fail("the %r value reads nothing" % name)
    # reachable with the keys, to select and copy it
    if not value.getState().contains(pyatspi.STATE_FOCUSABLE):
        fail("the %r value cannot be reached with the keyboard" % name)
print("PASS: combo boxes by contract name; status values read as text after an AT selection")
