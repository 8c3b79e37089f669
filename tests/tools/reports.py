#!/usr/bin/env python3
"""Checks govsim's reports as a program reading them would.

Each subcommand runs the govsim binary it is given, reads what it wrote
with a standard parser, and exits non-zero with a message on the first
problem.  Used by tests/CMakeLists.txt; needs Python 3 and, for `json`,
the jsonschema package (Debian's python3-jsonschema).

  json GOVSIM SCHEMA_DIR SCENARIO     run (with --trace) and check as JSON,
                                      validated against their schemas
  power GOVSIM SCHEMA_DIR SCENARIO    power --format json, validated, and
                                      --format csv agreeing with it; a body
                                      voting one vote per organisation has
                                      the parties' game and the game over
                                      its members, each with their parties
  power-reference GOVSIM REFERENCE SCENARIO BODY [DATE]
                                      the game over the people of a body
                                      voting one vote per organisation, as
                                      govsim power's JSON gives it, against
                                      bench/power-reference.py parties on
                                      the game read from the scenario file
                                      (the rules in force on DATE, by
                                      default the period's first day)
  roundtrip GOVSIM SCENARIO           names and numbers of the scenario file
                                      come back unchanged in JSON and CSV
  csv GOVSIM SCENARIO                 every CSV table parses (RFC 4180, CRLF,
                                      one header, equal widths) and agrees
                                      with the JSON document
  html GOVSIM CHROMIUM SCENARIO DIR   the HTML report is self-contained and
                                      escaped, renders in headless Chromium
                                      without console errors, its
                                      screenshot (DIR/NAME.png) is not blank
                                      and it prints (DIR/NAME.pdf)
  graph GOVSIM SCENARIO               DOT and SVG of the structure
  page KIND GOVSIM CHROMIUM SCENARIO DIR
                                      the HTML page of `montecarlo` (KIND
                                      study), `compare` (compare: the
                                      file's variants, or an inline one;
                                      sweep) or `power`: self-contained,
                                      escaped, the same bytes twice (and on
                                      one thread or two), the figures of the
                                      JSON of the same command in it, and
                                      rendered by headless Chromium
"""
import csv
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib

NS = {"s": "urn:govsim:scenario:1"}


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def run(cmd, ok=(0,)):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in ok:
        fail("%s exited %d: %s" % (" ".join(cmd), p.returncode,
                                   p.stderr.decode("utf-8", "replace")))
    return p.stdout


def validator(schema_dir, kind):
    import jsonschema
    path = os.path.join(schema_dir, "govsim-%s-1.schema.json" % kind)
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate(v, doc, what):
    errors = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        fail("%s: %d schema error(s); first at %s: %s"
             % (what, len(errors), "/".join(map(str, e.path)), e.message))


def cmd_json(govsim, schema_dir, scenario):
    out = run([govsim, "run", scenario, "--format", "json", "--trace"])
    doc = json.loads(out.decode("utf-8"))
    validate(validator(schema_dir, "run"), doc, scenario + " (run)")
    if doc["kind"] != "run" or not doc["records"]:
        fail("run document without records")
    # Every record names each field of its kind: the kinds agree with the
    # text trace line for line.
    text = run([govsim, "run", scenario, "--trace"]).decode("utf-8")
    n_lines = len([l for l in text.split("\n\n")[0].splitlines() if l])
    if n_lines != len(doc["records"]):
        fail("%d records in JSON, %d trace lines" % (len(doc["records"]), n_lines))
    out = run([govsim, "check", scenario, "--format", "json"], ok=(0, 1))
    doc = json.loads(out.decode("utf-8"))
    validate(validator(schema_dir, "check"), doc, scenario + " (check)")
    print("ok: %s: run and check JSON valid" % scenario)


def cmd_power(govsim, schema_dir, scenario):
    out = run([govsim, "power", scenario, "--format", "json"])
    doc = json.loads(out.decode("utf-8"))
    validate(validator(schema_dir, "power"), doc, scenario + " (power)")
    rows, _ = read_csv(run([govsim, "power", scenario, "--format", "csv"]),
                       scenario + " (power CSV)")
    # One vote per organisation: the parties' game, then the game over the
    # people, every member a player with the parties they vote in.
    per_org = per_org_bodies(scenario, doc)
    for b in doc["bodies"]:
        if b["body"] not in per_org:
            continue
        kinds = [g["players"] for g in b["games"]]
        if kinds != ["organisations", "party-members"]:
            fail("%s: %s votes one vote per organisation but its games are %r"
                 % (scenario, b["body"], kinds))
        members, parties = per_org[b["body"]]
        people = b["games"][1]["indices"]
        if [i["person"] for i in people] != members:
            fail("%s: %s: the game over the people has players %r, not the "
                 "members %r" % (scenario, b["body"],
                                 [i["person"] for i in people], members))
        for i in people:
            if "parties" not in i:
                fail("%s: %s: %s has no parties in the game over the people"
                     % (scenario, b["body"], i["person"]))
            if not set(i["parties"]) <= set(parties):
                fail("%s: %s: %s votes in %r, not the body's parties"
                     % (scenario, b["body"], i["person"], i["parties"]))
        if not any(i["parties"] for i in people):
            fail("%s: %s: no member votes in any party" % (scenario, b["body"]))
    # Then, per body, the rows of every game's players (the game over the
    # people as "party-members") and of observers (no power).
    want = []
    for b in doc["bodies"]:
        want += [(b["body"], g["players"],
                  i.get("person") or i.get("body") or i["organisation"],
                  i["banzhaf"]) for g in b["games"] for i in g["indices"]]
        want += [(b["body"], "observers", o["person"], o["banzhaf"])
                 for o in b.get("observers", [])]
    got = [(r["body"], r["players"], r["player"], float(r["banzhaf"])) for r in rows]
    if got != want:
        fail("power CSV and JSON disagree")
    print("ok: %s: power JSON valid, %d CSV rows agree, %d bodies voting one "
          "vote per organisation" % (scenario, len(rows), len(per_org)))


def per_org_bodies(scenario, doc):
    """The bodies of @scenario voting one vote per organisation under the
    terms in force on the day each was analysed ("on" in @doc), read from
    the file: id -> (member ids, party ids)."""
    root = ET.parse(scenario).getroot()
    on = {b["body"]: b["on"] for b in doc["bodies"]}
    out = {}
    for body in root:
        ident = body.get("id")
        if ident not in on or body.get("parties") is None:
            continue
        voting = body.find("s:voting", NS)
        for a in root.findall("s:amend-body", NS):
            if (a.get("body") == ident and a.get("date") <= on[ident]
                    and a.find("s:voting", NS) is not None):
                voting = a.find("s:voting", NS)
        if voting is not None and voting.get("per") == "organisation":
            out[ident] = ([m.get("person") for m in body.findall("s:member", NS)],
                          body.get("parties").split())
    return out


def party_game(scenario, body_id, on):
    """The parties, the rule and each member's parties of @body_id on day
    @on (YYYY-MM-DD), read from the scenario file: a member serves their
    own organisation and those of their posts; a seat held from a later day
    or until this one or an earlier one is vacant (in no party)."""
    root = ET.parse(scenario).getroot()
    orgs_of = {}
    for p in root.findall("s:person", NS):
        orgs_of[p.get("id")] = {p.get("org")} | {
            q.get("org") for q in p.findall("s:post", NS)}
    body = [e for e in root if e.get("id") == body_id]
    if len(body) != 1:
        fail("%s: no body %r" % (scenario, body_id))
    body = body[0]
    parties = body.get("parties").split()
    voting = body.find("s:voting", NS)
    for a in root.findall("s:amend-body", NS):
        if (a.get("body") == body_id and a.get("date") <= on
                and a.find("s:voting", NS) is not None):
            voting = a.find("s:voting", NS)
    if voting is None or voting.get("per") != "organisation":
        fail("%s: %s does not vote one vote per organisation" % (scenario, body_id))
    for attr in ("casting", "of", "fraction", "quota"):
        if voting.get(attr) is not None:
            fail("%s: the reference does not read %s=" % (scenario, attr))
    rule = voting.get("rule", "simple-majority")
    if voting.get("then") is not None:
        rule += " then " + voting.get("then")
    members = []
    for m in body.findall("s:member", NS):
        held = ((m.get("from") or on) <= on
                and (m.get("until") is None or m.get("until") > on))
        mine = orgs_of[m.get("person")] if held else set()
        members.append((m.get("person"),
                        [k for k, org in enumerate(parties) if org in mine]))
    return parties, rule, members


def cmd_power_reference(govsim, reference, scenario, body_id, on=None):
    if on is None:
        on = ET.parse(scenario).getroot().get("start")
    parties, rule, members = party_game(scenario, body_id, on)
    text = "%d %s\n" % (len(parties), rule) + "".join(
        (" ".join(map(str, ps)) if ps else "-") + "\n" for _, ps in members)
    p = subprocess.run([sys.executable, reference, "parties"],
                       input=text.encode("utf-8"), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if p.returncode != 0:
        fail("%s parties: %s" % (reference, p.stderr.decode("utf-8", "replace")))
    ref = json.loads(p.stdout.decode("utf-8"))
    doc = json.loads(run([govsim, "power", scenario, "--format", "json",
                          "--body", body_id, "--on", on]).decode("utf-8"))
    games = [g for b in doc["bodies"] if b["body"] == body_id
             for g in b["games"] if g["players"] == "party-members"]
    if len(games) != 1:
        fail("%s: %s: %d games over the people, not one"
             % (scenario, body_id, len(games)))
    g = games[0]
    what = "%s: %s on %s" % (scenario, body_id, on)
    if not g["method"].startswith("exact"):
        fail("%s: method %s, not exact" % (what, g["method"]))
    n = len(members)
    if len(g["indices"]) != n:
        fail("%s: %d players, the scenario has %d members"
             % (what, len(g["indices"]), n))
    win = int(ref["winning_coalitions"])
    for key in ("winning_coalitions", "minimal_winning_coalitions",
                "minimal_blocking_coalitions", "can_pass"):
        if g[key] != ref[key]:
            fail("%s: %s %r, the reference %r" % (what, key, g[key], ref[key]))
    size = (g["smallest_blocking_coalition"] or {}).get("size")
    if size != ref["smallest_blocking"]:
        fail("%s: smallest blocking coalition %r, the reference %r"
             % (what, size, ref["smallest_blocking"]))

    def near(a, b, name):
        if abs(a - b) > 1e-12:
            fail("%s: %s %r, the reference %r" % (what, name, a, b))

    near(g["coleman_power_to_act"], win / 2 ** n, "Coleman's power to act")
    total = sum(int(r["swings"]) for r in ref["players"])
    nfact = int(ref["n_factorial"])
    for (person, ps), ix, r in zip(members, g["indices"], ref["players"]):
        who = "%s's" % person
        if ix["person"] != person:
            fail("%s: player %s where the scenario has %s" % (what, ix["person"], person))
        if ix["parties"] != [parties[k] for k in ps]:
            fail("%s: %s parties %r, the scenario's %r"
                 % (what, who, ix["parties"], [parties[k] for k in ps]))
        swings = int(r["swings"])
        for key in ("swings", "veto", "dummy"):
            if ix[key] != r[key]:
                fail("%s: %s %s %r, the reference %r" % (what, who, key, ix[key], r[key]))
        near(ix["banzhaf_raw"], swings / 2 ** (n - 1), who + " raw Banzhaf")
        near(ix["banzhaf"], swings / total if total else 0.0, who + " Banzhaf")
        near(ix["shapley_shubik"], int(r["shapley_numerator"]) / nfact,
             who + " Shapley-Shubik")
        if 0 < win < 2 ** n:
            near(ix["coleman_prevent"], swings / win, who + " Coleman prevent")
            near(ix["coleman_initiate"], swings / (2 ** n - win),
                 who + " Coleman initiate")
    print("ok: %s: %d members, %s winning coalitions, as the reference"
          % (what, n, ref["winning_coalitions"]))


def cmd_study(govsim, schema_dir, scenario):
    out = run([govsim, "montecarlo", scenario, "--runs", "40", "--quiet",
               "--format", "json"])
    doc = json.loads(out.decode("utf-8"))
    validate(validator(schema_dir, "study"), doc, scenario + " (study)")
    for k in ("approved", "rejected", "gridlocked", "pending"):
        e = doc["whole"][k]
        if not (e["ci"][0] <= e["value"] <= e["ci"][1]):
            fail("%s: the estimate of %s lies outside its interval" % (scenario, k))
    print("ok: %s: study JSON valid" % scenario)


def read_csv(data, what):
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        fail(what + ": byte-order mark")
    if "\n" in text.replace("\r\n", "") and not re.search(r'"[^"]*\n', text):
        fail(what + ": a bare LF line end")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not rows:
        fail(what + ": no header")
    width = len(rows[0])
    for i, r in enumerate(rows):
        if len(r) != width:
            fail("%s: row %d has %d fields, the header %d" % (what, i, len(r), width))
    return [dict(zip(rows[0], r)) for r in rows[1:]], rows[0]


TABLES = ["proposals", "matters", "tallies", "bodies", "meetings", "gateways",
          "breaches", "records"]


def cmd_csv(govsim, scenario):
    doc = json.loads(run([govsim, "run", scenario, "--format", "json",
                          "--trace"]).decode("utf-8"))
    tables = {}
    for t in TABLES:
        tables[t], _ = read_csv(run([govsim, "run", scenario, "--format", "csv",
                                     "--table", t]), "%s %s" % (scenario, t))
    default, _ = read_csv(run([govsim, "run", scenario, "--format", "csv"]),
                          scenario)
    if default != tables["proposals"]:
        fail("the default table is not proposals")
    if len(tables["proposals"]) != len(doc["proposals"]):
        fail("proposals: CSV and JSON disagree on the count")
    for row, p in zip(tables["proposals"], doc["proposals"]):
        for k in ("case", "title", "matter", "value", "outcome", "arrives"):
            want = "" if p[k] is None else str(p[k])
            if row[k] != want:
                fail("proposal %s: %s is %r in CSV, %r in JSON" % (p["case"], k, row[k], want))
    if len(tables["records"]) != len(doc["records"]):
        fail("records: %d in CSV, %d in JSON" % (len(tables["records"]), len(doc["records"])))
    for row, r in zip(tables["records"], doc["records"]):
        if row["kind"] != r["kind"] or row["date"] != r["date"]:
            fail("records disagree: %r vs %r" % (row, r))
    n_breach = sum(1 for r in doc["records"] if r["kind"].startswith("breach"))
    if len(tables["breaches"]) != n_breach:
        fail("breaches: %d rows, %d breach records" % (len(tables["breaches"]), n_breach))
    n_meet = sum(1 for r in doc["records"] if r["kind"] in ("meeting", "inquorate"))
    if len(tables["meetings"]) != n_meet:
        fail("meetings: %d rows, %d meeting records" % (len(tables["meetings"]), n_meet))
    if len(tables["tallies"]) != len(doc["tallies"]):
        fail("tallies: CSV and JSON disagree")
    rows, header = read_csv(run([govsim, "check", scenario, "--format", "csv"],
                                ok=(0, 1)), scenario + " findings")
    cj = json.loads(run([govsim, "check", scenario, "--format", "json"],
                        ok=(0, 1)).decode("utf-8"))
    if len(rows) != len(cj["files"][0]["findings"]):
        fail("findings: CSV and JSON disagree")
    print("ok: %s: %d CSV tables read back" % (scenario, len(TABLES) + 1))


STUDY_TABLES = ["headline", "matters", "bodies", "breaches", "proposals"]
STUDY_ABOUT = {"headline": [], "matters": ["matter", "matter_name"],
               "bodies": ["body", "body_name"],
               "breaches": ["body", "body_name", "organisation", "kind"],
               "proposals": ["proposal", "title"]}


def flat(obj, skip=(), prefix=""):
    """The (metric, figure) pairs of a JSON object of the study, nested
    objects that are not estimates joined with '_'."""
    out = []
    for k, v in obj.items():
        if k in skip:
            continue
        if isinstance(v, dict) and "value" not in v:
            out += flat(v, (), prefix + k + "_")
        else:
            out.append((prefix + k, v))
    return out


def study_rows(doc, table):
    """The rows a study table should hold, built from the JSON alone."""
    rows = []
    if table == "headline":
        rows = [((), m, v) for m, v in flat(doc["whole"])]
    elif table == "matters":
        rows = [((m["id"], m["name"]), k, v) for m in doc["matters"]
                for k, v in flat(m, ("id", "name"))]
    elif table == "bodies":
        rows = [((b["id"], b["name"]), k, v) for b in doc["bodies"]
                for k, v in flat(b, ("id", "name"))]
    elif table == "breaches":
        br = doc["breaches"]
        rows = [(("", "", "", ""), "any", br["any"])]
        rows += [(("", "", "", k), "any", v) for k, v in br["by_kind"].items()]
        rows += [((w["body"], w["body_name"], w["organisation"] or "", w["kind"]),
                  k, v) for w in br["where"]
                 for k, v in flat(w, ("body", "body_name", "organisation", "kind"))]
    elif table == "proposals":
        rows = [((p["id"], p["title"]), k, v) for p in doc["proposals"]
                for k, v in flat(p, ("id", "title"))]
    return rows


def num(cell):
    return None if cell == "" else float(cell)


def check_study_table(doc, table, data, what):
    rows, header = read_csv(data, what)
    about = STUDY_ABOUT[table]
    want_header = about + ["metric", "estimate", "low", "high", "level",
                           "interval", "replications"]
    if header != want_header:
        fail("%s: header %r" % (what, header))
    want = study_rows(doc, table)
    if len(rows) != len(want):
        fail("%s: %d rows, the JSON has %d figures" % (what, len(rows), len(want)))
    for row, (names, metric, v) in zip(rows, want):
        got_names = tuple(row[k] for k in about)
        if got_names != tuple(names) or row["metric"] != metric:
            fail("%s: row %r, the JSON's %r %s" % (what, row, names, metric))
        if int(row["replications"]) != doc["replications"]:
            fail("%s: replications %s" % (what, row["replications"]))
        cells = (num(row["estimate"]), num(row["low"]), num(row["high"]),
                 num(row["level"]))
        if v is None:
            ok = cells == (None,) * 4
        elif isinstance(v, dict):
            ok = cells == (v["value"], v["ci"][0], v["ci"][1], v["level"])
            ok = ok and row["interval"] in ("wilson", "t", "batch_t")
            if row["interval"] == "wilson" and not 0 <= v["value"] <= 1:
                ok = False
        else:
            ok = cells == (float(v), None, None, None) and row["interval"] == ""
        if not ok:
            fail("%s: %s %s is %r in CSV, %r in JSON" % (what, names, metric, row, v))
    return rows


def cmd_study_csv(govsim, scenario):
    """Every table of `montecarlo --format csv` agrees with the JSON of the
    same study, figure for figure and name for name; the bytes do not depend
    on the threads; `merge` of two shards writes the same tables and an HTML
    page."""
    base = [govsim, "montecarlo", scenario, "--runs", "40", "--quiet",
            "--seed", "7"]
    doc = json.loads(run(base + ["--format", "json"]).decode("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        for k in (1, 2):
            part = os.path.join(tmp, "part%d" % k)
            run(base + ["--shard", "%d/2" % k, "-o", part])
            parts.append(part)
        for table in STUDY_TABLES:
            what = "%s study %s" % (scenario, table)
            data = run(base + ["--format", "csv", "--table", table])
            rows = check_study_table(doc, table, data, what)
            if run(base + ["--format", "csv", "--table", table,
                           "--threads", "1"]) != data:
                fail(what + ": not the same bytes on one thread")
            merged = run([govsim, "merge"] + parts + ["--format", "csv",
                                                      "--table", table])
            if merged != data:
                fail(what + ": merge of two shards writes other bytes")
            if table == "breaches" and doc["breaches"]["any"] is not None:
                # By hand: every replication breaching is p = 1 of R = 40
                # trials; Wilson's lower bound at p = 1 is R / (R + z²).
                e = doc["breaches"]["any"]
                if e["value"] == 1:
                    z = 1.959963984540054
                    if abs(float(rows[0]["low"]) - 40 / (40 + z * z)) > 1e-12:
                        fail(what + ": Wilson's bound at p = 1 is not R/(R+z²)")
        if run(base + ["--format", "csv"]) != run(base + ["--format", "csv",
                                                        "--table", "headline"]):
            fail("the default study table is not headline")
        page = run([govsim, "merge"] + parts + ["--format", "html"]).decode("utf-8")
        one = run(base + ["--format", "html"]).decode("utf-8")
        if page != one:
            fail(scenario + ": the merged study's page differs from one run's")
        self_contained(page)
    print("ok: %s: %d study CSV tables agree with the JSON, merge too"
          % (scenario, len(STUDY_TABLES)))


COMPARE_TABLES = ["headline", "bodies", "terms", "findings", "fates"]


def compare_rows(doc, table):
    """The rows a comparison table should hold, from the JSON alone."""
    rows = []
    for v in doc["versions"]:
        name = v["version"]
        if table == "headline":
            rows += [((name,), k, m) for k, m in v["headline"].items()]
        elif table == "bodies":
            rows += [((name, b["id"], b["name"]), k, m) for b in v["bodies"]
                     if b["in_variant"]
                     for k, m in b.items()
                     if k not in ("id", "name", "in_variant")]
        elif table == "terms":
            rows += [(name, c["subject"], c["setting"], c["before"] or "",
                      c["after"] or "", c["target"] or "",
                      str(c["line_baseline"]), str(c["line_variant"]))
                     for c in v["terms_changed"]]
        elif table == "findings":
            for change in ("appeared", "vanished"):
                rows += [(name, change, f["rule"], f["severity"], str(f["line"]),
                          f["message"]) for f in v["findings_" + change]]
        elif table == "fates":
            rows += [(name, "", f["from"], f["to"], str(f["replications"]))
                     for f in v["cases"]["fates"]]
            rows += [(name, c["title"], f["from"], f["to"], str(f["replications"]))
                     for c in v["cases"]["most_changed"] for f in c["fates"]]
    return rows


def est3(e):
    return (None, None, None) if e is None else (e["value"], e["ci"][0], e["ci"][1])


def cmd_compare_csv(govsim, scenario):
    """Every table of `compare --format csv` agrees with the JSON of the
    same comparison; the bytes do not depend on the threads."""
    root = ET.parse(scenario).getroot()
    extra = [] if root.findall("s:variant", NS) else \
        ["--variant", "quorum-all: %s/quorum@present=3" % root.find("s:board", NS).get("id")]
    cmd = [govsim, "compare", scenario, "--runs", "40", "--quiet"] + extra
    doc = json.loads(run(cmd + ["--format", "json"]).decode("utf-8"))
    for table in COMPARE_TABLES:
        what = "%s compare %s" % (scenario, table)
        data = run(cmd + ["--format", "csv", "--table", table])
        if run(cmd + ["--format", "csv", "--table", table, "--threads", "1"]) != data:
            fail(what + ": not the same bytes on one thread")
        rows, header = read_csv(data, what)
        want = compare_rows(doc, table)
        if len(rows) != len(want):
            fail("%s: %d rows, the JSON has %d" % (what, len(rows), len(want)))
        for row, w in zip(rows, want):
            if table in ("headline", "bodies"):
                names, key, m = w
                about = header[:len(names)]
                d = m["difference"]
                got = (tuple(row[k] for k in about), row["metric"],
                       (num(row["a"]), num(row["a_low"]), num(row["a_high"])),
                       (num(row["b"]), num(row["b_low"]), num(row["b_high"])),
                       (num(row["difference"]), num(row["low"]), num(row["high"])),
                       row["excludes_zero"], row["identical"],
                       (num(row["low_unpaired"]), num(row["high_unpaired"])),
                       int(row["replications"]))
                exp = (tuple(names), key, est3(m["baseline"]), est3(m["variant"]),
                       est3(d),
                       "" if d is None else str(int(d["excludes_zero"])),
                       "" if d is None else str(int(d["identical"])),
                       (None, None) if d is None or d["ci_unpaired"] is None
                       else tuple(d["ci_unpaired"]),
                       doc["replications"])
                if got != exp:
                    fail("%s: %r in CSV, %r in JSON" % (what, got, exp))
            elif tuple(row[k] for k in header) != w:
                fail("%s: %r in CSV, %r in JSON" % (what, row, w))
    if run(cmd + ["--format", "csv"]) != run(cmd + ["--format", "csv", "--table",
                                                   "headline"]):
        fail("the default comparison table is not headline")
    print("ok: %s: %d comparison CSV tables agree with the JSON"
          % (scenario, len(COMPARE_TABLES)))


def cmd_roundtrip(govsim, scenario):
    root = ET.parse(scenario).getroot()
    names = {}
    for tag in ("organisation", "person", "matter", "board", "committee",
                "joint-committee"):
        for e in root.findall("s:" + tag, NS):
            names[e.get("id")] = e.get("name")
    proposals = {e.get("id"): e for e in root.findall("s:proposal", NS)}
    doc = json.loads(run([govsim, "run", scenario, "--format", "json",
                          "--trace"]).decode("utf-8"))
    if doc["scenario"]["name"] != root.get("name"):
        fail("scenario name %r came back as %r" % (root.get("name"), doc["scenario"]["name"]))
    seen = 0
    def walk(x):
        nonlocal seen
        if isinstance(x, dict):
            for k, v in x.items():
                if k.endswith("_name") and k[:-5] in x and x[k[:-5]] in names:
                    if names[x[k[:-5]]] != v:
                        fail("%s %r: name %r came back as %r" % (k, x[k[:-5]], names[x[k[:-5]]], v))
                    seen += 1
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(doc)
    if seen == 0:
        fail("no named id found in the JSON")
    rows, _ = read_csv(run([govsim, "run", scenario, "--format", "csv"]), scenario)
    for p, row in zip(doc["proposals"], rows):
        src = proposals[p["proposal"]]
        if p["title"] != src.get("title") or row["title"] != src.get("title"):
            fail("title %r came back as %r / %r" % (src.get("title"), p["title"], row["title"]))
        if p["value"] != int(src.get("value")) or int(row["value"]) != int(src.get("value")):
            fail("value %s came back as %r / %r" % (src.get("value"), p["value"], row["value"]))
        if names[p["matter"]] != p["matter_name"] or row["matter_name"] != p["matter_name"]:
            fail("matter name changed: %r" % row["matter_name"])
    # The raw bytes are UTF-8, not \\u escapes only: a reader sees the letters.
    raw = run([govsim, "run", scenario, "--format", "json"]).decode("utf-8")
    if "Zoë" not in raw and "\\u00eb" not in raw:
        fail("non-ASCII name missing from the JSON text")
    print("ok: %s: %d names and every title and value round-trip" % (scenario, seen))


def png_stats(path):
    """(width, height, distinct colours in a sample, share of non-white)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(path + ": not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                fail(path + ": unexpected PNG format")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    colours, inked, total = set(), 0, 0
    off = 0
    for y in range(h):
        ft = raw[off]
        line = bytearray(raw[off + 1:off + 1 + stride])
        off += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 255
        prev = line
        if y % 4 == 0:
            for x in range(0, w, 4):
                px = bytes(line[x * bpp:x * bpp + 3])
                colours.add(px)
                total += 1
                inked += px != b"\xff\xff\xff"
    return w, h, len(colours), inked / max(total, 1)


def self_contained(html):
    """No script, nothing fetched: no external reference of any kind."""
    if re.search(r"<script", html, re.I):
        fail("a <script> element (or an unescaped name) in the page")
    for m in re.finditer(r'\b(?:src|href)\s*=\s*"([^"#][^"]*)"', html):
        fail("an external reference: %s" % m.group(1))
    if re.search(r"url\((?!#)", html) or "@import" in html or "@font-face" in html:
        fail("a stylesheet that fetches something")
    # Namespace names (xmlns="http://www.w3.org/2000/svg") name, they do
    # not fetch; anything else with a scheme would.
    bare = re.sub(r'\sxmlns(?::\w+)?="[^"]*"', "", html)
    m = re.search(r".{0,40}https?:.{0,40}", bare, re.I)
    if m:
        fail("an http: or https: reference in the page: %s" % m.group(0))


def escaped_in(text, html, what):
    import html as H
    if H.escape(text, quote=True).replace("&#x27;", "&#39;") not in html \
            and H.escape(text, quote=True).replace("&#x27;", "&apos;") not in html:
        fail("%s %r is not in the page, escaped" % (what, text))


def render(chromium, page, outdir, name):
    """Headless Chromium draws @page to DIR/NAME.png and prints it to
    DIR/NAME.pdf: no console message, a picture that is not blank."""
    prof = tempfile.mkdtemp(prefix="govsim-chromium-")
    png = os.path.join(outdir, name + ".png")
    try:
        p = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--no-first-run", "--user-data-dir=" + prof,
             "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
             "--window-size=1200,2400", "--screenshot=" + png,
             "file://" + os.path.abspath(page)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    log = p.stderr.decode("utf-8", "replace")
    console = [l for l in log.splitlines() if "CONSOLE" in l or "Uncaught" in l]
    if console:
        fail("console messages:\n" + "\n".join(console))
    if p.returncode != 0 or not os.path.exists(png):
        fail("chromium exited %d without a screenshot:\n%s" % (p.returncode, log[-2000:]))
    # It prints: Chromium's print to PDF gives at least one page.
    pdf = os.path.join(outdir, name + ".pdf")
    prof = tempfile.mkdtemp(prefix="govsim-chromium-")
    try:
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--no-first-run", "--user-data-dir=" + prof,
             "--no-pdf-header-footer", "--print-to-pdf=" + pdf,
             "file://" + os.path.abspath(page)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    if not os.path.exists(pdf):
        fail("chromium did not print the page to PDF")
    with open(pdf, "rb") as f:
        pages = len(re.findall(rb"/Type\s*/Page[^s]", f.read()))
    if pages < 1:
        fail("the printed PDF has no page")
    w, h, colours, inked = png_stats(png)
    if colours < 8 or inked < 0.01:
        fail("%s looks blank: %d colours, %.1f%% ink" % (png, colours, inked * 100))
    print("ok: %s: %dx%d screenshot, %d colours, %.1f%% ink; printed on %d pages"
          % (png, w, h, colours, inked * 100, pages))


def cmd_html(govsim, chromium, scenario, outdir):
    name = os.path.splitext(os.path.basename(scenario))[0]
    os.makedirs(outdir, exist_ok=True)
    page = os.path.join(outdir, name + ".html")
    run([govsim, "run", scenario, "--format", "html", "-o", page])
    with open(page, encoding="utf-8") as f:
        html = f.read()
    self_contained(html)
    for section in ("headline", "gridlock", "breaches", "structure", "charts",
                    "matters", "bodies", "journeys"):
        if 'id="%s"' % section not in html:
            fail("no %s section" % section)
    if html.count("<svg") < 4:
        fail("expected the structure and three charts as inline SVG")
    root = ET.parse(scenario).getroot()
    title = root.get("name")
    import html as H
    if H.escape(title, quote=True).replace("&#x27;", "&#39;") not in html:
        fail("the scenario name is not in the page, escaped")
    render(chromium, page, outdir, name)


def fmt(v, digits, sign=False):
    """As govsim writes a number: fixed decimals, never "-0.000"."""
    t = ("%+.*f" if sign else "%.*f") % (digits, v)
    if t.startswith("-") and set(t[1:]) <= set("0."):
        t = ("+" if sign else "") + t[1:]
    return t


def est_cells(e, digits, sign=False):
    """The two cells of an estimate {value, ci} in a page."""
    return '<td>%s</td><td class="ci">%s – %s</td>' % (
        fmt(e["value"], digits, sign), fmt(e["ci"][0], digits, sign),
        fmt(e["ci"][1], digits, sign))


def page_twice(cmd, outdir, name, threads=True):
    """Writes the page with -o twice (on one thread and on two where the
    command has threads) and returns it: both must be the same bytes."""
    os.makedirs(outdir, exist_ok=True)
    a = os.path.join(outdir, name + ".html")
    b = os.path.join(outdir, name + "-again.html")
    run(cmd + (["-j", "1"] if threads else []) + ["--format", "html", "-o", a])
    run(cmd + (["-j", "2"] if threads else []) + ["--format", "html", "-o", b])
    with open(a, "rb") as f:
        one = f.read()
    with open(b, "rb") as f:
        two = f.read()
    if one != two:
        fail("%s: two runs of %s gave different pages" % (name, " ".join(cmd)))
    os.remove(b)
    return a, one.decode("utf-8")


def section(html, ident):
    """The text of <section id=IDENT> up to its end."""
    m = re.search(r'<section id="%s"[^>]*>(.*?)</section>' % re.escape(ident),
                  html, re.S)
    if not m:
        fail("no section %s" % ident)
    return m.group(1)


def page_study(govsim, chromium, scenario, outdir):
    name = "study-" + os.path.splitext(os.path.basename(scenario))[0]
    cmd = [govsim, "montecarlo", scenario, "--runs", "60", "--quiet"]
    page, html = page_twice(cmd, outdir, name)
    self_contained(html)
    doc = json.loads(run(cmd + ["--format", "json"]).decode("utf-8"))
    escaped_in(doc["scenario"]["name"], html, "the scenario name")
    head = section(html, "headline")
    want = [est_cells(doc["whole"]["proposals_per_period"], 1)]
    want += [est_cells(doc["whole"][k], 3)
             for k in ("approved", "rejected", "gridlocked", "pending", "late")]
    want.append(est_cells(doc["breaches"]["any"], 3))
    for w in want:
        if w not in head:
            fail("the headline table lacks %s (from the JSON)" % w)
    if "Wilson" not in head:
        fail("the headline chart does not name its intervals")
    for ident in ("settings", "matters", "bodies", "breaches", "days"):
        section(html, ident)
    if html.count("<svg") < 4:
        fail("expected at least four charts as inline SVG")
    # The settings reproduce the study: the command on the page, run with
    # --format json, gives the same numbers.
    settings = section(html, "settings")
    m = re.search(r'<pre class="cmd">([^<]*)</pre>', settings)
    if not m:
        fail("no command line on the page")
    import html as H
    import shlex
    line = shlex.split(H.unescape(m.group(1)))
    if line[:2] != ["govsim", "montecarlo"]:
        fail("the command line is not govsim montecarlo: %r" % line)
    again = json.loads(run([govsim] + line[1:] + ["--quiet", "--format", "json"]).decode("utf-8"))
    if again != doc:
        fail("the page's command line does not reproduce the study")
    if "<td>seed</td><td>%d</td>" % doc["scenario"]["seed"] not in settings or \
            "<td>replications</td><td>%d</td>" % doc["replications"] not in settings:
        fail("the settings table lacks the seed or the replications")
    # With --precision the page says how many replications it took, and
    # its command line runs exactly those.
    pcmd = [govsim, "montecarlo", scenario, "--runs", "3000", "--precision",
            "0.2", "--quiet", "--format", "html"]
    ptext = run(pcmd).decode("utf-8")
    m = re.search(r'<pre class="cmd">([^<]*)</pre>', ptext)
    pline = shlex.split(H.unescape(m.group(1)))
    pdoc = json.loads(run([govsim] + pline[1:] + ["--quiet", "--format", "json"]).decode("utf-8"))
    if "<td>replications</td><td>%d</td>" % pdoc["replications"] not in ptext:
        fail("--precision: the page's replications and its command disagree")
    if "precision asked" not in ptext or "Stopped after %d" % pdoc["replications"] not in ptext:
        fail("--precision: the page does not say what was asked and reached")
    render(chromium, page, outdir, name)


def page_compare(govsim, chromium, scenario, outdir):
    base = os.path.splitext(os.path.basename(scenario))[0]
    name = "compare-" + base
    root = ET.parse(scenario).getroot()
    extra = [] if root.findall("s:variant", NS) else \
        ["--variant", "quorum-all: %s/quorum@present=3" % root.find("s:board", NS).get("id")]
    cmd = [govsim, "compare", scenario, "--runs", "40"] + extra
    page, html = page_twice(cmd, outdir, name)
    self_contained(html)
    doc = json.loads(run(cmd + ["--format", "json"]).decode("utf-8"))
    escaped_in(doc["scenario"], html, "the scenario name")
    section(html, "versions")
    for i, v in enumerate(doc["versions"]):
        sec = section(html, "v%d" % (i + 1))
        escaped_in(v["version"], sec, "the version's name")
        for c in v["terms_changed"]:
            escaped_in(c["target"], sec, "the changed setting")
            escaped_in(c["after"], sec, "the changed value")
        if sec.count("<b>appears</b>") != len(v["findings_appeared"]) or \
                sec.count("<b>vanishes</b>") != len(v["findings_vanished"]):
            fail("%s: the findings that appear or vanish disagree with the JSON"
                 % v["version"])
        table = re.search(r'<table class="headline-table">(.*?)</table>', sec, re.S).group(1)
        for key, h in v["headline"].items():
            digits = 3 if key.startswith("p_") else 1 if "days" in key else 2
            for w in (est_cells(h["baseline"], digits), est_cells(h["variant"], digits),
                      est_cells(h["difference"], digits, True)):
                if w not in table:
                    fail("%s: %s lacks %s (from the JSON)" % (v["version"], key, w))
            mark = 'class="excl"' in table.split(est_cells(h["difference"], digits, True))[1][:60]
            if mark != h["difference"]["excludes_zero"]:
                fail("%s: %s: the mark where the interval excludes zero is wrong"
                     % (v["version"], key))
        fates = re.search(r'<table class="fates">(.*?)</table>', sec, re.S).group(1)
        for f in v["cases"]["fates"]:
            row = re.search(r"<tr><td>%s</td>(.*?)</tr>" % re.escape(f["from"]), fates)
            if not row or "<td>%d</td>" % f["replications"] not in row.group(1):
                fail("%s: the transition %s → %s (%d) is not in the table"
                     % (v["version"], f["from"], f["to"], f["replications"]))
        if sec.count("<svg") < 5:
            fail("%s: expected the side-by-side bars and the differences" % v["version"])
    render(chromium, page, outdir, name)


def page_sweep(govsim, chromium, scenario, outdir):
    name = "sweep-" + os.path.splitext(os.path.basename(scenario))[0]
    cmd = [govsim, "compare", scenario, "--sweep", "alliance-jc/quorum@present=3..6",
           "--variant", "majority", "--runs", "30"]
    page, html = page_twice(cmd, outdir, name)
    self_contained(html)
    doc = json.loads(run(cmd + ["--format", "json"]).decode("utf-8"))
    pts = section(html, "points")
    for p in doc["points"]:
        for key in ("p_approved", "p_gridlocked", "p_late", "p_any_breach"):
            w = est_cells(p["headline"][key]["variant"], 3)
            if w not in pts:
                fail("sweep point %r lacks %s %s" % (p["settings"], key, w))
    if section(html, "charts").count("<svg") != 2:
        fail("expected two line charts")
    render(chromium, page, outdir, name)


def page_power(govsim, chromium, scenario, outdir):
    name = "power-" + os.path.splitext(os.path.basename(scenario))[0]
    cmd = [govsim, "power", scenario]
    page, html = page_twice(cmd, outdir, name, threads=False)
    self_contained(html)
    doc = json.loads(run(cmd + ["--format", "json"]).decode("utf-8"))
    root = ET.parse(scenario).getroot()
    escaped_in(root.get("name"), html, "the scenario name")
    for i, b in enumerate(doc["bodies"]):
        sec = section(html, "body-%d" % (i + 1))
        escaped_in(b["body_name"], sec, "the body name")
        charts = 0
        for g in b["games"]:
            charts += 1 + (1 if g["organisations"] else 0)
            for ix in g["indices"]:
                who = ix.get("person_name") or ix.get("body_name")
                escaped_in(who, sec, "the player's name")
                cells = "".join("<td>%s</td>" % fmt(ix[k], 4) for k in
                                ("banzhaf", "banzhaf_raw", "shapley_shubik",
                                 "coleman_prevent", "coleman_initiate"))
                if cells not in sec:
                    fail("%s: %s's indices %s are not in the page" % (b["body"], who, cells))
            for o in g["organisations"]:
                cells = "<td>%d</td><td>%s</td><td>%s</td>" % (
                    o["players"], fmt(o["banzhaf"], 4), fmt(o["shapley_shubik"], 4))
                if cells not in sec:
                    fail("%s: organisation %s: %s not in the page" % (b["body"], o["organisation"], cells))
        if sec.count("<svg") < charts:
            fail("%s: expected %d index charts, found %d" % (b["body"], charts, sec.count("<svg")))
    render(chromium, page, outdir, name)


def cmd_page(kind, *args):
    kinds = {"study": page_study, "compare": page_compare, "sweep": page_sweep,
             "power": page_power}
    if kind not in kinds:
        fail("no page kind %r" % kind)
    kinds[kind](*args)
    print("ok: %s page of %s" % (kind, args[2]))


def cmd_graph(govsim, scenario):
    dot = run([govsim, "graph", scenario]).decode("utf-8")
    if not dot.startswith("digraph structure {"):
        fail("DOT does not start with the digraph")
    if "cluster_o0" not in dot:
        fail("no organisation cluster in the DOT")
    svg = run([govsim, "graph", scenario, "--format", "svg"]).decode("utf-8")
    root = ET.fromstring(svg.encode("utf-8"))
    if not root.tag.endswith("svg"):
        fail("SVG output is not an svg document")
    check = json.loads(run([govsim, "check", scenario, "--format", "json"],
                           ok=(0, 1)).decode("utf-8"))
    flagged = any(f["elements"] for f in check["files"][0]["findings"]
                  if any(e["element"] in ("body", "organisation", "delegation",
                                          "pathway", "gateway", "ladder", "level")
                         for e in f["elements"]))
    if flagged and "#c0392b" not in svg:
        fail("findings not drawn in red")
    print("ok: %s: DOT %d bytes, SVG %d bytes" % (scenario, len(dot), len(svg)))


def main(argv):
    cmds = {"json": cmd_json, "power": cmd_power, "study": cmd_study,
            "power-reference": cmd_power_reference,
            "csv": cmd_csv, "study-csv": cmd_study_csv,
            "compare-csv": cmd_compare_csv,
            "roundtrip": cmd_roundtrip, "html": cmd_html, "graph": cmd_graph,
            "page": cmd_page}
    if len(argv) < 2 or argv[1] not in cmds:
        print(__doc__, file=sys.stderr)
        return 2
    cmds[argv[1]](*argv[2:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
