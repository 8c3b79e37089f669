#!/usr/bin/env python3
"""The guides of docs/ stay true: every command they show is run and its
output compared with the output they show.

    guides.py check GOVSIM SOURCE_DIR GUIDE...    (the ctest guide-NAME)
    guides.py update [GOVSIM [SOURCE_DIR [GUIDE...]]]

`update` rewrites the shown outputs in place with what the commands print
now, for when behaviour changes on purpose; with no arguments it uses
build/sim/govsim and every docs/*.md of the tree holding this script:

    python3 tests/tools/guides.py update

The convention (docs/README.md says it for guide writers):

- A fenced block opened with ```console holds commands and their output.
  Each line that starts with "$ " is a command; the lines after it, up to
  the next command or the end of the block, are exactly what it prints,
  standard output and standard error together.  Other fenced blocks (xml,
  text, ...) are not run.
- A command is run by /bin/sh with the govsim under test first on PATH,
  in a scratch directory of the guide's own where `scenarios` is the
  source tree's scenarios folder.  The commands of one guide run in order
  in that one directory, so a file one command writes is there for the
  next, as it would be for a reader following the guide from the top of
  the source tree.  Pipes (| head, | grep) are fine; a command must be
  deterministic (a fixed seed, which every scenario has) and quick.
- Trailing spaces and trailing blank lines are not compared.  The exit
  status is not compared, but a command killed by a signal, or running
  over 120 seconds, fails.
"""
import difflib
import glob
import os
import subprocess
import sys
import tempfile

FENCE_OPEN = "```console"
FENCE = "```"
TIMEOUT = 120


def parse(lines):
    """The console blocks of a guide: a list of (first line, last line,
    [(command, line number, [output lines])]), lines counted from 0, the
    fences excluded."""
    blocks = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != FENCE_OPEN:
            i += 1
            continue
        start = i + 1
        j = start
        while j < len(lines) and lines[j].strip() != FENCE:
            j += 1
        if j == len(lines):
            raise SystemExit("line %d: a ```console block is never closed" % (i + 1))
        commands = []
        for k in range(start, j):
            if lines[k].startswith("$ "):
                commands.append((lines[k][2:], k, []))
            elif commands:
                commands[-1][2].append(lines[k])
            elif lines[k].strip():
                raise SystemExit("line %d: a ```console block must start with a "
                                 "'$ ' command" % (k + 1))
        blocks.append((start, j, commands))
        i = j + 1
    return blocks


def normalise(lines):
    out = [l.rstrip() for l in lines]
    while out and not out[-1]:
        out.pop()
    return out


def run(command, cwd, govsim_dir):
    env = dict(os.environ)
    env["PATH"] = govsim_dir + os.pathsep + env.get("PATH", "")
    env.setdefault("LC_ALL", "C.UTF-8")
    try:
        r = subprocess.run(["/bin/sh", "-c", command], cwd=cwd, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "timed out after %d s" % TIMEOUT
    text = r.stdout.decode("utf-8", errors="replace")
    if r.returncode < 0:
        return None, "killed by signal %d:\n%s" % (-r.returncode, text)
    return normalise(text.split("\n")), None


def guide(path, govsim, source, update):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks = parse(lines)
    govsim_dir = os.path.dirname(os.path.abspath(govsim))
    failures = 0
    replaced = []
    with tempfile.TemporaryDirectory(prefix="govsim-guide-") as work:
        os.symlink(os.path.join(os.path.abspath(source), "scenarios"),
                   os.path.join(work, "scenarios"))
        for start, end, commands in blocks:
            new = []
            for command, lineno, shown in commands:
                got, error = run(command, work, govsim_dir)
                if error:
                    print("%s:%d: %s: %s" % (path, lineno + 1, command, error))
                    failures += 1
                    got = normalise(shown)
                elif got != normalise(shown) and not update:
                    print("%s:%d: the output of '%s' differs from the guide's:"
                          % (path, lineno + 1, command))
                    sys.stdout.writelines(
                        l + "\n" for l in difflib.unified_diff(
                            normalise(shown), got, "shown", "printed", lineterm=""))
                    failures += 1
                new.append("$ " + command)
                new.extend(got)
            replaced.append((start, end, new))
    if update and not failures:
        for start, end, new in reversed(replaced):
            lines[start:end] = new
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
    count = sum(len(b[2]) for b in blocks)
    print("%s: %d commands, %d failed" % (path, count, failures))
    return failures


def main(argv):
    if len(argv) < 2 or argv[1] not in ("check", "update"):
        raise SystemExit(__doc__)
    update = argv[1] == "update"
    here = os.path.dirname(os.path.abspath(__file__))
    source = os.path.normpath(os.path.join(here, "..", ".."))
    govsim = os.path.join(source, "build", "sim", "govsim")
    rest = argv[2:]
    if rest:
        govsim = rest.pop(0)
    if rest:
        source = rest.pop(0)
    guides = rest or sorted(glob.glob(os.path.join(source, "docs", "*.md")))
    if not os.access(govsim, os.X_OK):
        raise SystemExit("guides.py: no govsim at %s (build first)" % govsim)
    failures = sum(guide(g, govsim, source, update) for g in guides)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
