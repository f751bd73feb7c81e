#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the bundled OC3 programs (data/programs/*.json).

Usage: check-programs.py SCHEMA PROGRAM_DIR

SCHEMA is the schedule.json v1 JSON Schema (draft-06). Exits 0 when all
checks pass, 1 on failure, and 77 (meson's "skip") when the jsonschema
module or the schema file is not available.
"""

import datetime
import json
import os
import re
import sys

SKIP = 77

# Talks per edition, by file name.
EXPECTED_TALKS = {"oc3-2022.json": 20, "oc3-2024.json": 30}

# Talks for which the source pages carry no text at all.
NO_TEXT_ON_PAGES = {"Journey towards the Confidential Cloud"}

SENTENCE_GLUE_RE = re.compile(r"[a-z]\.[A-Z][a-z]")


class Checker:
    def __init__(self):
        self.errors = []

    def fail(self, where, message):
        self.errors.append("%s: %s" % (where, message))

    def strings(self, where, value, path="$"):
        """No NBSP, doubled spaces or leading/trailing spaces anywhere."""
        if isinstance(value, dict):
            for key, item in value.items():
                self.strings(where, item, "%s.%s" % (path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.strings(where, item, "%s[%d]" % (path, index))
        elif isinstance(value, str):
            if "\u00a0" in value:
                self.fail(where, "%s contains a no-break space" % path)
            if "  " in value:
                self.fail(where, "%s contains doubled spaces" % path)
            if value != value.strip() or any(line != line.strip()
                                             for line in value.split("\n")):
                self.fail(where, "%s has leading or trailing spaces" % path)


def events_of(data):
    for day in data["schedule"]["conference"].get("days", []):
        for room, events in day["rooms"].items():
            for event in events:
                yield room, event


def check_file(checker, validator, path, people):
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        data = json.load(f)

    for error in validator.iter_errors(data):
        location = "/".join(str(p) for p in error.absolute_path)
        checker.fail(name, "schema: %s at /%s" % (error.message, location))
    checker.strings(name, data)

    events = list(events_of(data))
    expected = EXPECTED_TALKS.get(name)
    if expected is not None and len(events) != expected:
        checker.fail(name, "%d talks, expected %d" % (len(events), expected))

    titles, guids = set(), set()
    for room, event in events:
        title = event.get("title") or ""
        where = "%s: %s" % (name, title or event.get("guid"))
        if not title:
            checker.fail(where, "no title")
        elif title in titles:
            checker.fail(where, "title appears twice")
        titles.add(title)
        if event.get("guid") in guids:
            checker.fail(where, "guid appears twice")
        guids.add(event.get("guid"))
        if event.get("room") != room:
            checker.fail(where, "filed under room %r but says %r" % (room, event.get("room")))
        if not event.get("track"):
            checker.fail(where, "no track")
        text = "\n\n".join(filter(None, (event.get("abstract"), event.get("description"))))
        if not text and title not in NO_TEXT_ON_PAGES:
            checker.fail(where, "neither abstract nor description")
        if SENTENCE_GLUE_RE.search(text):
            checker.fail(where, "glued sentences: %s" % SENTENCE_GLUE_RE.search(text).group(0))
        try:
            start = datetime.datetime.fromisoformat(event.get("date", ""))
            if start.utcoffset() is None:
                checker.fail(where, "date has no UTC offset")
            elif start.strftime("%H:%M") != event.get("start"):
                checker.fail(where, "start disagrees with date")
        except ValueError:
            checker.fail(where, "date is not ISO 8601: %r" % event.get("date"))
        persons = event.get("persons") or []
        if not persons:
            checker.fail(where, "no speaker")
        for person in persons:
            public_name = person.get("public_name")
            if not public_name:
                checker.fail(where, "a speaker without public_name")
                continue
            identity = (person.get("id"), person.get("guid"))
            if people.setdefault(public_name, identity) != identity:
                checker.fail(where, "%s has id/guid %r, elsewhere %r"
                             % (public_name, identity, people[public_name]))
    return len(events)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: %s SCHEMA PROGRAM_DIR\n" % os.path.basename(argv[0]))
        return 2
    schema_path, program_dir = argv[1], argv[2]
    try:
        import jsonschema
    except ImportError:
        print("SKIP: the Python module jsonschema is not installed "
              "(Debian: apt-get install python3-jsonschema)")
        return SKIP
    if not os.path.isfile(schema_path):
        print("SKIP: schema file %s does not exist" % schema_path)
        return SKIP

    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema.Draft6Validator(json.load(f))

    checker = Checker()
    files = sorted(f for f in os.listdir(program_dir) if f.endswith(".json"))
    for missing in sorted(set(EXPECTED_TALKS) - set(files)):
        checker.fail(missing, "missing from %s" % program_dir)
    people = {}
    counts = []
    for name in files:
        talks = check_file(checker, validator, os.path.join(program_dir, name), people)
        counts.append("%s %d talks" % (name, talks))

    for error in checker.errors:
        print("FAIL " + error)
    print("%s: %s; %d speakers; %d problems"
          % ("FAIL" if checker.errors else "OK", ", ".join(counts) or "no programs",
             len(people), len(checker.errors)))
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
