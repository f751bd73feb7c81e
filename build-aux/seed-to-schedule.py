#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Convert the scraped OC3 "Speakers & Talks" pages into schedule.json v1 files.

Usage: seed-to-schedule.py SEED_FILE OUTPUT_DIR

The seed is plain text copied from the conference's Speakers & Talks pages:
one block per talk, starting with a track line ("KEYNOTE", "Cloud-Native",
"Foundations", ...), then the title, an optional teaser paragraph, the long
text after a "Description" (first edition) or "See abstract" (2024 edition)
line, and finally the speakers, each a name (sometimes repeated as a photo
caption) followed by role and organization lines. The first 20 talks are the
first edition, the last 30 the 2024 edition.

The pages carry no schedule, so this script lays each edition out as an
illustrative one-day program. The output is deterministic: running the
script twice gives byte-identical files.

Standard library only.
"""

import datetime
import json
import os
import re
import sys
import unicodedata
import uuid

GENERATOR_VERSION = "1.0"

# Namespace for every UUID v5 this script derives (events, persons, rooms).
OC3_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:x-oc3:seed-to-schedule")

# Track lines of the seed (case-insensitive) and their canonical spelling.
TRACK_NAMES = {
    "keynote": "Keynote",
    "cloud-native": "Cloud-Native",
    "apps & solutions": "Apps & Solutions",
    "low-level magic": "low-level magic",
    "foundations": "Foundations",
    "ai": "AI",
    "cloud native": "Cloud Native",
    "attestation": "Attestation",
    "sponsored talk": "Sponsored Talk",
    "panel": "Panel",
}

# Page boilerplate: fake time placeholders, empty-list notices, page heading.
BOILERPLATE_RE = re.compile(
    r"^(?:\d{1,2} ?[ap]m - \d{1,2} ?[ap]m(?:, .*)?|No items found\.|Speakers & Talks)$")

# Lines that introduce the long text.
LONG_TEXT_MARKERS = ("Description", "See abstract")

# A speaker listed with exactly this affiliation next to the real speakers
# is the session host (see HOST_NOTE); that listing is not a speaker.
HOSTS = {("Shubhra Sinha", "Microsoft, USA")}

HOST_NOTE = (
    "Shubhra Sinha (Microsoft, USA) is listed on the source pages beside the "
    "speakers of three sessions (the two keynotes “Welcome Session and "
    "Introduction to Confidential Computing” and “Journey towards the "
    "Confidential Cloud”, and “Confidential Computing in German E-Prescription "
    "Service”). The texts show that others present these sessions (for example, "
    "the welcome session closes with an announcement from Edgeless Systems, "
    "whose speaker is listed after the host), so this file treats that listing "
    "as the session host and does not list Shubhra Sinha as a speaker there. "
    "Shubhra Sinha is listed as the speaker of “Using Secure Ledger Technology "
    "to Tackle Compliance and Auditing”, where the pages name no other speaker.")

# Exact fixes of scrape damage, applied to every text line (after NBSP and
# space cleanup) before the generic rules below.
EXACT_FIXES = [
    # The "PODfidential" teaser on the pages ends with a copy of the teaser
    # of "Using Secure Ledger Technology to Tackle Compliance and Auditing".
    ("protected virtualisation.Secure ledger technology is enabling customers "
     "who have a need for maintaining a source of truth where even the operator "
     "is outside the trusted computing base. Top examples: recordkeeping for "
     "compliance purposes, and enable trusted data.",
     "protected virtualisation."),
    # Headings of a numbered list glued to their paragraph.
    ("with a Focus on DORA Participants will", "with a Focus on DORA\nParticipants will"),
    ("Facilitates data security This segment", "Facilitates data security\nThis segment"),
    ("Implementation StrategiesThe final", "Implementation Strategies\nThe final"),
    # A heading glued to the end of the paragraph before it.
    ("used for ADAS development. Contributions", "used for ADAS development.\n\nContributions"),
    # Glue that involves digits, acronyms or capitalized words.
    ("50million", "50 million"),
    ("micro-VMscan", "micro-VMs can"),
    ("Kubernetespod", "Kubernetes pod"),
    ("Slave-FreeAlliance", "Slave-Free Alliance"),
    # The links are gone (see URL_RE).
    ("Confidential Compute' (links below).", "Confidential Compute' (listed below)."),
]

# A host name in running text is dropped too ("our Learning Paths on
# HOST, which" -> "our Learning Paths, which").
HOST_IN_TEXT_RE = re.compile(r" on (?:[a-z0-9-]+\.)+(?:com|org|net|dev|io)\b")

# Lines dropped from the texts: link captions whose link the scrape lost.
DROPPED_LINES = {"Download the accompanying paper here."}

# Web addresses are removed from the texts (the link text stays): the
# program names no host other than the conference's own.
URL_RE = re.compile(r":?\s*\bhttps?://\S+")

# All-lowercase words glued together by the scrape, found by checking every
# word of the texts against a dictionary and reviewing the misses by hand.
GLUED_WORDS = {
    "afterits": "after its",
    "areunder": "are under",
    "beerased": "be erased",
    "canensure": "can ensure",
    "cloudprovider": "cloud provider",
    "codeinside": "code inside",
    "currentconfidential": "current confidential",
    "dataowners": "data owners",
    "detailsare": "details are",
    "integratesthe": "integrates the",
    "ontop": "on top",
    "orprovide": "or provide",
    "owntrusted": "own trusted",
    "showhow": "show how",
    "softwarearchitecture": "software architecture",
    "someof": "some of",
    "tobuild": "to build",
    "viewfrom": "view from",
    "worldwhere": "world where",
}
GLUED_WORDS_RE = re.compile(r"\b(" + "|".join(sorted(GLUED_WORDS)) + r")\b")

# Words with a lowercase letter followed by an uppercase one that are
# spelled that way on purpose; any other such word is split at the join
# ("theKubernetes" -> "the Kubernetes").
CAMEL_CASE_ALLOWLIST = {
    "CoCo", "DevOps", "EdgelessDB", "GitHub", "GmbH", "IaaS", "KubeVirt",
    "MarbleRun", "OpenShift", "PaaS", "PoBF", "PyTorch", "SaaS", "SmartNIC",
    "SoC", "TensorFlow", "TrustZone", "UseCase", "UseCases", "WebAssembly",
    "atteStatiON", "eBPF", "iOS", "macOS", "vTPM",
    # "Project Veraison (VERificAtIon of atteStatiON)" spells out the name.
    "VERificAtIon",
}
CAMEL_WORD_RE = re.compile(r"[A-Za-z]*[a-z][A-Z][A-Za-z]*")
CAMEL_JOIN_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")

# A sentence glued to the next one ("applications.The"), and a comma or
# colon without the space after it ("However,as", "TDX,AMD", "unanswered:How").
SENTENCE_GLUE_RE = re.compile(r"(?<=[a-z0-9)])\.(?=[A-Z][a-z])")
PUNCT_GLUE_RE = re.compile(r"(?<=[A-Za-z])([,;])(?=[A-Za-z])|(?<=[a-z])(:)(?=[A-Za-z])")


class Edition:
    def __init__(self, acronym, title, date, first_talk, last_talk,
                 tracks, rooms, layout, summary):
        self.acronym = acronym          # the schema forbids "-" before the year
        self.file_stem = acronym.replace("_", "-")
        self.title = title
        self.date = date
        self.first_talk = first_talk    # index into the seed's talks
        self.last_talk = last_talk      # exclusive
        self.tracks = tracks            # [(name, color)]
        self.rooms = rooms              # [name]
        self.layout = layout            # {room: [track, ...]} after the keynotes
        self.summary = summary


EDITIONS = [
    Edition(
        acronym="oc3_2022",
        title="OC3 2022 — Open Confidential Computing Conference",
        date=datetime.date(2022, 3, 17),
        first_talk=0, last_talk=20,
        tracks=[
            ("Keynote", "#e01b24"),
            ("Cloud-Native", "#2190a4"),
            ("Apps & Solutions", "#2ec27e"),
            ("low-level magic", "#ff7800"),
        ],
        rooms=["Main Stage", "Room B"],
        layout={
            "Main Stage": ["Apps & Solutions"] * 9,
            "Room B": ["Cloud-Native"] * 4 + ["low-level magic"] * 3 + ["Apps & Solutions"] * 2,
        },
        summary=(
            "Talks of OC3 2022, the Open Confidential Computing Conference: two "
            "keynotes and talks in the tracks Cloud-Native, Apps & Solutions and "
            "low-level magic. The pages do not name the year of this edition; "
            "it is the edition before the 2024 one, and its talks (Proof of "
            "Being Forgotten, the German e-prescription service, the Azure "
            "keynote) were given at OC3 2022."),
    ),
    Edition(
        acronym="oc3_2024",
        title="OC3 2024 — Open Confidential Computing Conference",
        date=datetime.date(2024, 3, 13),
        first_talk=20, last_talk=50,
        tracks=[
            ("Keynote", "#e01b24"),
            ("Foundations", "#3584e4"),
            ("AI", "#9141ac"),
            ("Cloud Native", "#2190a4"),
            ("Attestation", "#e5a50a"),
            ("Sponsored Talk", "#986a44"),
            ("Panel", "#d56199"),
            ("Apps & Solutions", "#2ec27e"),
        ],
        rooms=["Main Stage", "Room B", "Room C"],
        layout={
            "Main Stage": ["Sponsored Talk"] * 6 + ["AI"] * 3 + ["Panel"],
            "Room B": ["Foundations"] * 8 + ["Cloud Native"] * 2,
            "Room C": ["Attestation"] * 4 + ["Apps & Solutions"] * 4,
        },
        summary=(
            "Talks of OC3 2024, the Open Confidential Computing Conference: two "
            "keynotes, a panel on Confidential AI and talks in the tracks "
            "Foundations, AI, Cloud Native, Attestation, Apps & Solutions and "
            "sponsored talks. The pages give no short teaser for these talks, so "
            "each talk's text is in its description."),
    ),
]

# The illustrative day: keynotes from 09:00 in the main room with nothing in
# parallel, then the parallel blocks, separated by a coffee break, lunch
# and a second coffee break (breaks are gaps, not events).
OPENING = ("09:00", "10:30")
BLOCKS = [("11:00", "12:30"), ("13:30", "15:00"), ("15:30", "18:00")]
BERLIN_WINTER = datetime.timezone(datetime.timedelta(hours=1))


def duration_for(track):
    return 45 if track in ("Keynote", "Panel") else 30


def event_type(track):
    return {"Keynote": "Keynote", "Panel": "Panel"}.get(track, "Talk")


# --- cleaning ---------------------------------------------------------------

def clean_spaces(text):
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"[ \t]+", " ", text).strip()


def split_camel(match):
    word = match.group(0)
    if word in CAMEL_CASE_ALLOWLIST:
        return word
    return CAMEL_JOIN_RE.sub(" ", word)


def clean_text(text):
    text = clean_spaces(text)
    for old, new in EXACT_FIXES:
        text = text.replace(old, new)
    text = URL_RE.sub("", text)
    text = HOST_IN_TEXT_RE.sub("", text)
    text = GLUED_WORDS_RE.sub(lambda m: GLUED_WORDS[m.group(1)], text)
    text = CAMEL_WORD_RE.sub(split_camel, text)
    text = SENTENCE_GLUE_RE.sub(". ", text)
    text = PUNCT_GLUE_RE.sub(lambda m: m.group(0) + " ", text)
    return "\n".join(clean_spaces(line) for line in text.split("\n"))


def paragraphs(lines):
    """Join text lines into paragraphs separated by "\\n\\n".

    Blank lines separate paragraphs; so does a line break inside a block,
    except before a list item ("- ..."), which stays on its own line.
    """
    paras = []
    for line in lines:
        if not line or line in DROPPED_LINES:
            continue
        line = clean_text(line)
        if not line:
            continue
        if line.startswith("- ") and paras:
            paras[-1] += "\n" + line
        else:
            paras.append(line)
    return "\n\n".join(paras)


# --- parsing ----------------------------------------------------------------

def read_seed(path):
    with open(path, encoding="utf-8") as f:
        lines = [clean_spaces(line) for line in f.read().split("\n")]

    talks = []
    boundaries = []       # number of talks seen at each "No items found."
    current = None
    for line in lines:
        if line == "No items found.":
            boundaries.append(len(talks))
        track = TRACK_NAMES.get(line.casefold())
        if track is not None:
            current = {"track": track, "lines": []}
            talks.append(current)
        elif current is not None and not BOILERPLATE_RE.match(line):
            current["lines"].append(line)

    for talk in talks:
        split_talk(talk)
    return talks, boundaries


def is_person_line(line):
    return (bool(line) and len(line) <= 60 and not line.startswith("- ")
            and not re.search(r"[.!?:]$", line))


def split_talk(talk):
    body = talk.pop("lines")
    while body and not body[0]:
        body.pop(0)
    if not body:
        raise SystemExit("seed: a talk of track %s has no title" % talk["track"])
    talk["title"] = clean_text(body.pop(0))
    while body and not body[-1]:
        body.pop()

    # The speakers are the trailing run of short lines.
    cut = len(body)
    while cut > 0 and is_person_line(body[cut - 1]):
        cut -= 1
    talk["persons"] = parse_persons(body[cut:])
    text = body[:cut]

    marker = next((i for i, line in enumerate(text) if line in LONG_TEXT_MARKERS), None)
    if marker is None:
        teaser, long_text = text, []
    else:
        teaser, long_text = text[:marker], text[marker + 1:]
    talk["abstract"] = paragraphs(teaser)
    talk["description"] = paragraphs(long_text)


def parse_persons(lines):
    """Speakers: a name, maybe repeated as photo caption, then affiliation.

    Without the caption repeat, one affiliation line follows the name; with
    it, all lines up to the next repeated name are role and organization.
    """
    persons = []
    i = 0
    while i < len(lines):
        name = lines[i]
        i += 1
        affiliation = []
        if i < len(lines) and lines[i] == name:
            i += 1
            while i < len(lines) and not (i + 1 < len(lines) and lines[i + 1] == lines[i]):
                affiliation.append(lines[i])
                i += 1
        elif i < len(lines):
            affiliation.append(lines[i])
            i += 1
        persons.append(make_person(name, affiliation))

    hosts = [p for p in persons if (p["public_name"], p.get("affiliation")) in HOSTS]
    if hosts and len(hosts) < len(persons):
        persons = [p for p in persons if p not in hosts]
    for p in persons:
        p.pop("affiliation")
    return persons


def make_person(name, affiliation):
    person = {"public_name": clean_spaces(name), "affiliation": ", ".join(affiliation)}
    if len(affiliation) >= 2:
        person["organization"] = clean_spaces(affiliation[-1])
        person["role"] = clean_spaces(", ".join(affiliation[:-1]))
    elif affiliation:
        m = re.match(r"^((?:CTO|CEO|CISO|CFO|COO|VP)\b[^,]*), (.+)$", affiliation[0])
        if m:
            person["role"], person["organization"] = m.group(1), m.group(2)
        else:
            person["organization"] = clean_spaces(affiliation[0])
    return person


# --- output -----------------------------------------------------------------

def slugify(text, limit=64):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def to_minutes(hhmm):
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def hhmm(minutes):
    return "%02d:%02d" % divmod(minutes, 60)


def iso(date, minutes):
    moment = datetime.datetime.combine(date, datetime.time(*divmod(minutes, 60)),
                                       BERLIN_WINTER)
    return moment.isoformat()


def assign_ids(talks):
    """Person ids in order of first appearance in the seed, across editions."""
    ids = {}
    for talk in talks:
        for person in talk["persons"]:
            name = person["public_name"]
            ids.setdefault(name, len(ids) + 1)
            person["id"] = ids[name]
            person["guid"] = str(uuid.uuid5(OC3_NAMESPACE, "person:" + name))


def lay_out(edition, talks):
    """Return [(talk, room, start_minutes, duration_minutes)]."""
    placed = []
    keynotes = [t for t in talks if t["track"] == "Keynote"]
    # The welcome session opens the day.
    keynotes.sort(key=lambda t: not t["title"].lower().startswith("welcome"))
    clock = to_minutes(OPENING[0])
    for talk in keynotes:
        placed.append((talk, edition.rooms[0], clock, duration_for("Keynote")))
        clock += duration_for("Keynote")
    if clock > to_minutes(OPENING[1]):
        raise SystemExit("%s: the keynotes do not fit the opening" % edition.acronym)

    queues = {}
    for talk in talks:
        if talk["track"] != "Keynote":
            queues.setdefault(talk["track"], []).append(talk)
    for room in edition.rooms:
        block = 0
        clock = to_minutes(BLOCKS[0][0])
        for track in edition.layout.get(room, []):
            talk = queues[track].pop(0)
            length = duration_for(track)
            while clock + length > to_minutes(BLOCKS[block][1]):
                block += 1
                if block == len(BLOCKS):
                    raise SystemExit("%s: %s is full" % (edition.acronym, room))
                clock = to_minutes(BLOCKS[block][0])
            placed.append((talk, room, clock, length))
            clock += length
    left = [t["title"] for queue in queues.values() for t in queue]
    if left:
        raise SystemExit("%s: talks without a slot: %s" % (edition.acronym, left))
    return placed


def make_event(edition, talk, room, start, length):
    ordered_person_keys = ("id", "guid", "public_name", "organization", "role")
    persons = [{k: p[k] for k in ordered_person_keys if k in p} for p in talk["persons"]]
    return {
        "id": talk["id"],
        "guid": str(uuid.uuid5(OC3_NAMESPACE, "event:%s:%s" % (edition.file_stem, talk["title"]))),
        "date": iso(edition.date, start),
        "start": hhmm(start),
        "end": iso(edition.date, start + length),
        "duration": hhmm(length),
        "room": room,
        "slug": "%s-%d-%s" % (edition.file_stem, talk["id"], slugify(talk["title"])),
        # The schema requires a URL string; the pages give none per talk.
        "url": "",
        "title": talk["title"],
        "subtitle": "",
        "track": talk["track"],
        "type": event_type(talk["track"]),
        "language": "en",
        "abstract": talk["abstract"],
        "description": talk["description"],
        "recording_license": "",
        "do_not_record": False,
        "persons": persons,
        "links": [],
    }


def conference_description(edition):
    parts = [
        edition.summary,
        "Titles, texts and speakers come from the conference's Speakers & Talks "
        "pages; scrape damage (glued words, non-breaking spaces) was repaired and "
        "web addresses were left out.",
        "The source pages carry no schedule: the date, times and rooms in this "
        "file are illustrative only, laid out as a one-day program.",
    ]
    if edition.acronym == "oc3_2022":
        parts.append(HOST_NOTE)
    else:
        parts.append(
            "No session host is listed on these pages. The panel “The status quo "
            "and potential of Confidential AI” is moderated by Felix Schuster, "
            "according to its description; only the panelists are listed as its "
            "speakers.")
    return "\n\n".join(parts)


def build(edition, talks):
    placed = lay_out(edition, talks)
    placed.sort(key=lambda p: (p[2], edition.rooms.index(p[1])))
    rooms = {room: [] for room in edition.rooms}
    for talk, room, start, length in placed:
        rooms[room].append(make_event(edition, talk, room, start, length))
    day_start = min(p[2] for p in placed)
    day_end = max(p[2] + p[3] for p in placed)
    date = edition.date.isoformat()
    conference = {
        "acronym": edition.acronym,
        "title": edition.title,
        "description": conference_description(edition),
        "start": date,
        "end": date,
        "daysCount": 1,
        "timeslot_duration": "00:15",
        "time_zone_name": "Europe/Berlin",
        "tracks": [{"name": name, "slug": slugify(name), "color": color}
                   for name, color in edition.tracks],
        "rooms": [{"name": room, "slug": slugify(room),
                   "guid": str(uuid.uuid5(OC3_NAMESPACE, "room:%s:%s" % (edition.file_stem, room)))}
                  for room in edition.rooms],
        "days": [{
            "index": 1,
            "date": date,
            "day_start": iso(edition.date, day_start),
            "day_end": iso(edition.date, day_end),
            "rooms": rooms,
        }],
    }
    return {
        "schedule": {
            "version": "%s (from seed)" % GENERATOR_VERSION,
            "conference": conference,
        },
        "generator": {"name": "seed-to-schedule.py", "version": GENERATOR_VERSION},
    }


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: %s SEED_FILE OUTPUT_DIR\n" % os.path.basename(argv[0]))
        return 2
    seed, out_dir = argv[1], argv[2]
    talks, boundaries = read_seed(seed)
    if len(talks) != 50:
        raise SystemExit("seed: expected 50 talks, found %d" % len(talks))
    if 20 not in boundaries:
        raise SystemExit("seed: the first edition does not end after 20 talks")
    for number, talk in enumerate(talks, start=1):
        talk["id"] = number
    assign_ids(talks)

    os.makedirs(out_dir, exist_ok=True)
    for edition in EDITIONS:
        mine = talks[edition.first_talk:edition.last_talk]
        titles = [t["title"] for t in mine]
        if len(set(titles)) != len(titles):
            raise SystemExit("%s: duplicate titles" % edition.acronym)
        known = {name for name, _ in edition.tracks}
        unknown = {t["track"] for t in mine} - known
        if unknown:
            raise SystemExit("%s: unexpected tracks %s" % (edition.acronym, sorted(unknown)))
        data = build(edition, mine)
        path = os.path.join(out_dir, edition.file_stem + ".json")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        print("%s: %d talks" % (os.path.basename(path), len(mine)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
