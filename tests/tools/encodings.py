#!/usr/bin/env python3
"""The three encodings of tests/data/encodings/ load, check and run as their
header comments say.

    encodings.py GOVSIM DATA_DIR      (the ctest encodings)

Each file is a provider-collaborative body written from its terms of
reference: A, a joint committee of five trusts; B, committees in common of
three trusts sharing a chief executive and a chair; C, a joint provider
committee of four trusts exercising functions the ICB delegated.  Every
behaviour in them has probability 0 or 1, so each fact asserted here is
certain; the figures were worked by hand from the clauses, and each
assertion says how.  Whole outputs are not compared: only the facts the
terms of reference decide (exit codes, finding ids, counts, dated
sentences).  A few facts are checked on a copy of a file with one thing
changed (a director's post, a pathway, a matter's owner), written to a
scratch directory.
"""
import json
import os
import subprocess
import sys
import tempfile

FAILURES = []


def fail(what):
    FAILURES.append(what)
    print("FAIL: " + what)


def expect(cond, what):
    if not cond:
        fail(what)


def govsim(*args):
    proc = subprocess.run([GOVSIM] + list(args), capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def check(path, *extra):
    """Exit status and the finding rule ids (JSON, one entry per finding)."""
    rc, out, err = govsim("check", "--format", "json", path, *extra)
    if rc == 2:
        fail("%s does not load: %s" % (path, err.strip()))
        return rc, [], []
    findings = json.loads(out)["files"][0]["findings"]
    return rc, [f["rule"] for f in findings], findings


def run(path):
    """The text trace and summary, and the JSON report, with seed 1."""
    rc, text, err = govsim("run", path, "--seed", "1", "--trace")
    expect(rc == 0, "%s: run exit %d: %s" % (path, rc, err.strip()))
    rc, out, err = govsim("run", path, "--seed", "1", "--format", "json")
    expect(rc == 0, "%s: run --format json exit %d: %s" % (path, rc, err.strip()))
    return text, json.loads(out)


def line_of(text, *parts):
    """Index of the first line holding every part, or -1."""
    for i, line in enumerate(text.splitlines()):
        if all(p in line for p in parts):
            return i
    return -1


def has(text, name, *parts):
    i = line_of(text, *parts)
    expect(i >= 0, "%s: no line with %r" % (name, parts))
    return i


def hasnt(text, name, *parts):
    expect(line_of(text, *parts) < 0, "%s: unexpected line with %r" % (name, parts))


def before(text, name, first, second):
    i, j = line_of(text, *first), line_of(text, *second)
    expect(0 <= i < j, "%s: %r should come before %r (lines %d, %d)" % (name, first, second, i, j))


def breaches(report):
    b = report["breaches"]
    kinds = {k["breach"]: k["count"] for k in b["by_kind"]}
    return b["total"], kinds, [(e["date"], e["breach"], e["org"]) for e in b["examples"]]


def variant(src, dst, old, new):
    with open(src, encoding="utf-8") as f:
        s = f.read()
    if old not in s:
        fail("%s: the text to change for %s is gone: %r" % (src, dst, old))
    with open(dst, "w", encoding="utf-8") as f:
        f.write(s.replace(old, new))
    return dst


def encoding_a(path, scratch):
    name = "A"
    rc, rules, _ = check(path)
    # No errors: a joint committee is exempt from ft-committee-non-director;
    # one warning, since the ladder's last step is a referral the boards
    # may refuse.
    expect(rc == 0, "A: check exit %d, expected 0" % rc)
    expect(rules == ["ladder-cannot-bind"], "A: findings %r" % rules)
    text, report = run(path)
    expect("…" not in text, "A: a name is truncated")
    # 6 proposals: a1, a2, a4, u2 at meetings, u1 by chair's action, a3 by
    # the referral; only a3 goes to dispute resolution.
    has(text, name, "6 proposals arrived: 6 approved, 0 rejected, 0 gridlocked, "
        "0 still pending at the end; 0 missed a deadline; 1 went to dispute resolution.")
    # One vote per trust, reported per organisation, untruncated title.
    has(text, name, "2025-04-10 Wealdmoor Joint Committee: 'Elective recovery allocation for "
        "orthopaedic and ophthalmic waiting lists 2025/26' approved, 5 of 5 organisations for, 0 against")
    # a3: Ashford and Brackenmoor for, Calderbridge and Dunholme against,
    # Ellesmere split 1-1 and abstains: 2-2 between trusts.
    tie = ("2025-06-05 Wealdmoor Joint Committee: 'Reconfiguration of hyperacute stroke services' "
           "not carried — the organisations' votes tied 2–2",)
    has(text, name, *tie)
    before(text, name, tie, ("2025-06-05", "'Reconfiguration of hyperacute stroke services' "
                             "goes to dispute resolution"))
    hasnt(text, name, "Wealdmoor Joint Committee: 'Reconfiguration of hyperacute stroke services' rejected")
    # Reconsidered 3 Jul (cooling off to 19 Jun, next meeting 3 Jul): tie again.
    has(text, name, "2025-07-03", "level 1 of Wealdmoor dispute procedure (Reconsideration) did not carry it")
    # Boards meet 15, 16, 17, 18, 21 Jul: the fifth approval agrees it.
    has(text, name, "2025-07-17 Calderbridge Board", "approved, 3 for and 2 against")
    # A board's vote on the referral is a vote in dispute resolution, said
    # once, after the one bracket naming its trust.
    has(text, name, "2025-07-15 Ashford Downs Board (Ashford Downs NHS Foundation Trust), "
        "in dispute resolution: 'Reconfiguration of hyperacute stroke services' approved")
    hasnt(text, name, "(escalation)")
    has(text, name, "2025-07-21 'Reconfiguration of hyperacute stroke services': level 2 of "
        "Wealdmoor dispute procedure (Referral) settles the dispute — approved")
    # Breaches: a2 (GBP 2.5m) exceeds Brackenmoor's GBP 2m; a1 at exactly
    # GBP 2m does not (inclusive); the referral's approval (GBP 3m) does
    # not either: Brackenmoor's own board consented to it.
    total, kinds, ex = breaches(report)
    expect(total == 1 and kinds["over-limit"] == 1, "A: breaches %d %r" % (total, kinds))
    expect(sorted(ex) == [("2025-05-08", "over-limit", "brk")],
           "A: breaches %r" % ex)
    # Quorum by role per party: 31 Jul, both of Ellesmere's away; 28 Aug,
    # Brackenmoor's chief executive alone makes Brackenmoor's part.
    # The rule counts only a chair or chief executive of each trust (ToR's
    # roles="chair chief-executive"), so the line says which were missing.
    has(text, name, "2025-07-31 Wealdmoor Joint Committee: inquorate — no chair or chief "
        "executive of Ellesmere Vale NHS Foundation Trust present, the quorum needs 1 from each party")
    has(text, name, "2025-08-28 Wealdmoor Joint Committee: quorate — 9 of 10 present")
    # Urgent decisions: u1 within GBP 250,000, u2 above it.
    has(text, name, "2025-11-25 'Winter escalation beds' approved by chair's action",
        "reported to the meeting of 2025-12-18")
    has(text, name, "2025-11-26 'Winter mutual-aid staffing' is urgent but worth £400,000",
        "goes to the meeting of 2025-12-18")
    has(text, name, "2025-12-18 Wealdmoor Joint Committee: 'Winter mutual-aid staffing' approved")

    # Grouped check output: with every trust's limit at GBP 2m and a
    # pathway taking elective recovery to the committee, delegation-gap
    # fires once per trust (5) at the gateway's line: one block by default,
    # five with --full, five entries in JSON.
    gap = os.path.join(scratch, "A-gap.xml")
    variant(path, gap, "<!-- ToR 8 -->",
            '<pathway id="pw" name="Elective route" matters="elective"><gateway body="jc"/></pathway>')
    with open(gap, encoding="utf-8") as f:
        s = f.read().replace('limit="5000000"', 'limit="2000000"')
    with open(gap, "w", encoding="utf-8") as f:
        f.write(s)
    _, rules, _ = check(gap)
    expect(rules.count("delegation-gap") == 5, "A-gap: %r" % rules)
    rc, out, _ = govsim("check", gap)
    heads = [l for l in out.splitlines() if "[delegation-gap]" in l]
    expect(len(heads) == 1 and "5 findings of this rule at this line" in heads[0],
           "A-gap grouped: %r" % heads)
    rc, out, _ = govsim("check", "--full", gap)
    heads = [l for l in out.splitlines() if "[delegation-gap]" in l]
    expect(len(heads) == 5, "A-gap --full: %d blocks" % len(heads))


def encoding_b(path, scratch):
    name = "B"
    rc, rules, _ = check(path)
    # The shared chair and chief executive are directors of both
    # foundation trusts by their posts, and the director of nursing is an
    # observer: no ft-committee-non-director.  All three must agree: one
    # warning.  The urgent items u1 and u2 go to the committees in common,
    # which can have no urgent route: one urgent-without-route each.
    expect(rc == 0, "B: check exit %d, expected 0" % rc)
    expect(rules == ["unanimity-many-parties", "urgent-without-route",
                     "urgent-without-route"], "B: findings %r" % rules)
    # A post at Marlow Heath without director="true": a true finding, one,
    # for that committee and that person.
    nd = variant(path, os.path.join(scratch, "B-non-director.xml"),
                 '<person id="grp-ceo" name="Group chief executive" org="hfd" role="chief-executive" '
                 'director="true">\n    <post org="kb" director="true"/>\n    <post org="mh" director="true"/>',
                 '<person id="grp-ceo" name="Group chief executive" org="hfd" role="chief-executive" '
                 'director="true">\n    <post org="kb" director="true"/>\n    <post org="mh"/>')
    rc, rules, findings = check(nd)
    expect(rc == 1, "B-non-director: check exit %d, expected 1" % rc)
    nds = [f for f in findings if f["rule"] == "ft-committee-non-director"]
    expect(len(nds) == 1, "B-non-director: %d ft-committee-non-director findings" % len(nds))
    if nds:
        ids = {e["id"] for e in nds[0]["elements"]}
        expect({"mh-gc", "grp-ceo"} <= ids, "B-non-director: names %r" % ids)
        # One person, who serves Marlow Heath by a post without
        # director="true": the clause on the post closes before the reason.
        expect("but one member is not a director of the trust — Group chief executive ('grp-ceo'), "
               "who serves Marlow Heath NHS Foundation Trust ('mh') but not as a director: only "
               "a foundation trust's directors" in nds[0]["message"],
               "B-non-director: %r" % nds[0]["message"])

    text, report = run(path)
    expect("…" not in text, "B: a name is truncated")
    has(text, name, "7 proposals arrived: 7 approved, 0 rejected, 0 gridlocked, "
        "0 still pending at the end; 0 missed a deadline; 1 went to dispute resolution.")
    # Counted once: 2 shared people + 3 own in each of 3 trusts = 11 people
    # for 15 seats; the 2 observers are named, not counted.
    full = ("quorate — 11 of 11 present: Hallowfield Group Committee 5 of 5, Kestrel Bay Group "
            "Committee 5 of 5, Marlow Heath Group Committee 5 of 5; in attendance, not voting: "
            "ICB director of strategy and Marlow Heath director of nursing")
    has(text, name, "2025-04-29 Tamar Ridge Committees in Common: " + full)
    # 19 Aug: the shared chief executive is away from all three at once.
    has(text, name, "2025-08-19 Tamar Ridge Committees in Common: quorate — 10 of 11 present: "
        "Hallowfield Group Committee 4 of 5, Kestrel Bay Group Committee 4 of 5, "
        "Marlow Heath Group Committee 4 of 5")
    # Consensus, then a simple majority at once: Hallowfield NED 1 objects
    # to b1, then 4-1.
    before(text, name, ("2025-04-29 Hallowfield Group Committee", "blocked",
                        "objecting: Hallowfield NED 1; put to a simple majority vote at once"),
           ("2025-04-29 Hallowfield Group Committee", "approved, 4 for and 1 against"))
    # Working-day notice around bank holidays: b1 (Mon 14 Apr, past Good
    # Friday and Easter Monday to Wed 23 Apr) is taken on 29 Apr; b2 (Mon
    # 19 May) reaches its fifth working day on 27 May, past the spring bank
    # holiday; b3 (Tue 20 May) on 28 May, so 24 Jun.  (Each item's notice
    # is counted from its own arrival: an earlier item's nine days over
    # Easter are not reused.)
    has(text, name, "2025-04-29 Outcome: 'Consolidation of the three trusts' administrative estate' approved")
    has(text, name, "2025-05-19 'Shared electronic patient record, phase 1'", "first possible meeting 2025-05-27")
    has(text, name, "2025-05-20 'Shared electronic patient record, phase 2'", "first possible meeting 2025-06-24")
    has(text, name, "2025-05-27 Outcome: 'Shared electronic patient record, phase 1' approved, 8 days after arrival")
    has(text, name, "2025-06-24 Outcome: 'Shared electronic patient record, phase 2' approved")
    # The split: reported, then not carried, then to dispute resolution;
    # never "rejected" for the group.
    split = ("2025-06-24 Tamar Ridge Committees in Common: split on 'Single site for emergency general "
             "surgery' — approved by Hallowfield Group Committee and Marlow Heath Group Committee (2 of 3)",)
    notc = ("2025-06-24 Tamar Ridge Committees in Common: 'Single site for emergency general surgery' "
            "not carried, 2 of 3",)
    todr = ("2025-06-24", "'Single site for emergency general surgery' goes to dispute resolution")
    before(text, name, split, notc)
    before(text, name, notc, todr)
    hasnt(text, name, "Tamar Ridge Committees in Common: 'Single site for emergency general surgery' rejected")
    # Five working days from Tue 24 Jun: Tue 1 Jul; ten from Tue 22 Jul:
    # Tue 5 Aug (no bank holiday in either).
    has(text, name, "reconsideration after cooling off until 2025-07-01")
    has(text, name, "the chair's decision, by 2025-08-05")
    has(text, name, "2025-08-05 'Single site for emergency general surgery': level 2 of Tamar Ridge "
        "disagreement procedure (Group chair) settles the dispute — approved")
    # The chair's decision binds each trust: GBP 750,000 is over Marlow
    # Heath's GBP 500,000 only.
    total, kinds, ex = breaches(report)
    expect(total == 1 and ex == [("2025-08-05", "over-limit", "mh")], "B: breaches %d %r" % (total, ex))


def encoding_c(path, scratch):
    name = "C"
    rc, rules, _ = check(path)
    expect(rc == 0, "C: check exit %d, expected 0" % rc)
    expect(rules == ["unanimity-many-parties"], "C: findings %r" % rules)
    text, report = run(path)
    expect("…" not in text, "C: a name is truncated")
    has(text, name, "7 proposals arrived: 7 approved, 0 rejected, 0 gridlocked, "
        "0 still pending at the end; 0 missed a deadline; 4 went to dispute resolution.")
    # An ICB function binds the ICB alone.
    has(text, name, "2025-06-16 Severnside Joint Provider Committee: 'Commissioning of additional cataract "
        "capacity across Severnside' approved, 4 of 4 organisations for, 0 against",
        "binds Severnside Integrated Care Board")
    # Quorum by role per party: Quarry Hill has no chief executive of its
    # own; the shared one meets it for Pennyford and Quarry Hill.  8 of 8:
    # the seats listed are 9 but the time-limited NED's is vacant that day
    # and not counted (README), the people present 8; the observer is not
    # counted.
    has(text, name, "2025-06-16 Severnside Joint Provider Committee: quorate — 8 of 8 present; "
        "in attendance, not voting: ICB director of commissioning")
    # Awards: c2 at GBP 4,000,000 (within, inclusive), c3 GBP 4,500,000 on
    # 15 Oct and c4 GBP 4,200,000 on 14 Feb over the ICB's GBP 4m; nothing
    # for the trusts (s0's award of GBP 800,000 is within their GBP 1m).
    total, kinds, ex = breaches(report)
    expect(total == 2 and kinds["joint-committee-without-delegation"] == 0
           and kinds["affected-organisation-no-say"] == 0, "C: breaches %d %r" % (total, kinds))
    expect(sorted(ex) == [("2025-10-15", "over-limit", "icb"), ("2026-02-14", "over-limit", "icb")],
           "C: breaches %r" % ex)
    has(text, name, "2025-09-14 'Orthopaedic elective hub contract': level 2", "settles the dispute — approved")
    # The amendment of 1 Oct reaches the first meeting on or after it.
    has(text, name, "2025-10-16 Severnside Joint Provider Committee: amended terms of reference take effect "
        "(change of 2025-10-01")
    # ToR 7's variation: a majority of the trusts, so still one vote each.
    has(text, name, "(change of 2025-10-01, line 141): voting by simple majority, one vote per organisation")
    # The same kind of item before and after: blocked by Oakhurst under
    # consensus (16 Sep); 3 trusts to 1 under the majority (16 Nov).
    has(text, name, "2025-09-16 Severnside Joint Provider Committee: 'Single payroll service hosted by "
        "Oakhurst' blocked")
    has(text, name, "2025-11-16 Severnside Joint Provider Committee: 'Single procurement team hosted by "
        "Oakhurst' approved, 3 of 4 organisations for, 1 against")
    has(text, name, "2025-12-16 Severnside Joint Provider Committee: 'Dermatology community service "
        "contract' not carried — the organisations' votes tied 2–2")
    # The shared chief executive away: no chief executive for Pennyford or
    # Quarry Hill; s2 is taken at the next meeting.
    # The common chair and Pennyford's NED serve Pennyford and are there,
    # but the rule counts chief executives only (ToR 6).
    # Both trusts are short, and the line names both.
    has(text, name, "2026-01-16 Severnside Joint Provider Committee: inquorate — no chief executive "
        "of Pennyford Teaching Hospitals NHS Foundation Trust or of Quarry Hill Community NHS Trust "
        "present, the quorum needs 1 from each party")
    has(text, name, "2026-02-16 Severnside Joint Provider Committee: 'Shared occupational health service' "
        "approved, 4 of 4 organisations for")
    # The ICB's limit is judged whoever leads and whoever is affected: c3
    # led by Norbury and affecting Oakhurst alone still breaches it.
    lead = variant(path, os.path.join(scratch, "C-trust-lead.xml"),
                   'value="4500000"\n            lead="icb" affects="nb oh"',
                   'value="4500000"\n            lead="nb" affects="oh"')
    _, report = run(lead)
    total, kinds, ex = breaches(report)
    expect(sorted(ex) == [("2025-10-15", "over-limit", "icb"), ("2026-02-14", "over-limit", "icb")],
           "C-trust-lead: breaches %r" % ex)
    # Without function-of the same file gives what the issue complained of:
    # each of the 4 commissioning approvals binds the 4 trusts, none of
    # which delegated commissioning (4 x 4 = 16), and the ICB, affected
    # with no member, had no say 4 times.
    nf = variant(path, os.path.join(scratch, "C-not-icb-function.xml"), ' function-of="icb"', "")
    _, report = run(nf)
    total, kinds, _ = breaches(report)
    expect(kinds["joint-committee-without-delegation"] == 16 and kinds["affected-organisation-no-say"] == 4,
           "C-not-icb-function: %r" % kinds)


def main():
    global GOVSIM
    if len(sys.argv) != 3:
        sys.exit("usage: encodings.py GOVSIM DATA_DIR")
    GOVSIM, data = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="govsim-encodings-") as scratch:
        encoding_a(os.path.join(data, "A-five-trusts-jc.xml"), scratch)
        encoding_b(os.path.join(data, "B-three-trusts-cic.xml"), scratch)
        encoding_c(os.path.join(data, "C-icb-delegated-jpc.xml"), scratch)
    if FAILURES:
        print("%d failed" % len(FAILURES))
        return 1
    print("encodings: all facts hold")
    return 0


GOVSIM = None
if __name__ == "__main__":
    sys.exit(main())
