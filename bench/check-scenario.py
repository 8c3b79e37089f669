#!/usr/bin/env python3
"""check-scenario.py - scenarios for timing `govsim check` at scale.

    check-scenario.py committees K   one trust, a board and K committees,
        each with two members, its own matter, a delegation from the board
        with its own limit, and a pathway of two gateways (the committee,
        then the board above its limit); a proposal of each matter;
    check-scenario.py bodies N       one trust and N committees (two
        members each) and no scheme of delegation.

Writes the scenario to standard output (bench/check-scaling.sh uses it).
"""
import sys


def head(out):
    out.append('<?xml version="1.0" encoding="UTF-8"?>')
    out.append('<scenario xmlns="urn:govsim:scenario:1" name="check scale" '
               'start="2024-04-01" horizon="P1Y">')
    out.append('<organisation id="t" name="Trust" kind="nhs-trust"/>')
    out.append('<person id="chair" name="Chair" org="t" role="chair" director="true"/>')
    out.append('<person id="ned" name="NED" org="t" role="ned" director="true"/>')


def committees(k, pathways):
    out = []
    head(out)
    for i in range(k):
        out.append('<matter id="m%d" name="Matter %d"/>' % (i, i))
    out.append('<board id="board" name="Board" org="t"><member person="chair"/>'
               '<member person="ned"/><quorum present="1"/>'
               '<meets first="2024-04-10" every="P1M" capacity="50"/></board>')
    for i in range(k):
        out.append('<committee id="c%d" name="Committee %d" org="t">'
                   '<member person="chair"/><member person="ned"/>'
                   '<quorum present="1"/><meets first="2024-04-05" every="P1M" '
                   'capacity="5"/></committee>' % (i, i))
    if pathways:
        out.append('<scheme org="t">')
        for i in range(k):
            out.append('<delegation id="d%d" by="board" to="c%d" matters="m%d" '
                       'limit="%d"/>' % (i, i, i, 100000 + 1000 * i))
        out.append('</scheme>')
        for i in range(k):
            out.append('<pathway id="p%d" name="Route %d" matters="m%d" '
                       'up-to="10000000"><gateway body="c%d"/>'
                       '<gateway body="board" over="%d" locked="true"/>'
                       '</pathway>' % (i, i, i, i, 100000 + 1000 * i))
        for i in range(k):
            out.append('<proposal id="x%d" title="X %d" matter="m%d" value="5000" '
                       'lead="t" arrives="2024-05-01" pathway="p%d"/>'
                       % (i, i, i, i))
    out.append('</scenario>')
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    what, n = sys.argv[1], int(sys.argv[2])
    sys.stdout.write(committees(n, what == "committees"))
