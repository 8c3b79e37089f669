#!/usr/bin/env python3
"""The quick start's package list and ./setup's use of it.

    setup-packages.py SOURCE_DIR

Checks that the README's prerequisites line names exactly the packages of
tools/packages.txt, build part then test part, in the file's order; that
.ci/run runs `./setup --test`; and runs `./setup --install-only` (with and
without --test) against stand-ins for dpkg-query, apt-get, sudo and id on
PATH, so nothing is installed: with nothing missing it calls neither apt-get
nor sudo; with packages missing it runs `apt-get update`, then installs
exactly the missing ones, through sudo only when not root; without --test a
missing test package is left alone.
"""
import os
import re
import stat
import subprocess
import sys
import tempfile

src = sys.argv[1]
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


packages = {"build": [], "test": []}
with open(os.path.join(src, "tools", "packages.txt"), encoding="utf-8") as f:
    for line in f:
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        if len(fields) < 3 or fields[1] not in packages:
            fail("tools/packages.txt: bad line: " + line.rstrip())
            continue
        packages[fields[1]].append(fields[0])

with open(os.path.join(src, "README.md"), encoding="utf-8") as f:
    readme = f.read()
m = re.search(r"^    Prerequisites: (.*)$", readme, re.M)
if not m:
    fail("README.md has no line '    Prerequisites: ...'")
else:
    build, _, test = m.group(1).partition("; for the tests also ")
    if build.split() != packages["build"]:
        fail("README build packages %s != tools/packages.txt %s"
             % (build.split(), packages["build"]))
    if test.split() != packages["test"]:
        fail("README test packages %s != tools/packages.txt %s"
             % (test.split(), packages["test"]))
for cmd in ("./setup\n", "./setup --test\n"):
    if "\n    " + cmd not in readme.split("## What govsim is")[0]:
        fail("README's top does not show '%s'" % cmd.strip())

with open(os.path.join(src, ".ci", "run"), encoding="utf-8") as f:
    if "./setup --test" not in f.read():
        fail(".ci/run does not run ./setup --test")

STUBS = {
    "dpkg-query": """#!/bin/sh
pkg=""
for a in "$@"; do pkg="$a"; done
echo "dpkg-query $pkg" >>"$STUB_LOG"
for m in $STUB_MISSING; do
  [ "$m" = "$pkg" ] && { echo "dpkg-query: no packages found matching $pkg" >&2; exit 1; }
done
printf 'install ok installed'
""",
    "apt-get": """#!/bin/sh
echo "apt-get $*" >>"$STUB_LOG"
""",
    "sudo": """#!/bin/sh
echo "sudo" >>"$STUB_LOG"
exec "$@"
""",
    "id": """#!/bin/sh
echo "$STUB_UID"
""",
}

with tempfile.TemporaryDirectory() as tmp:
    bindir = os.path.join(tmp, "bin")
    os.mkdir(bindir)
    for name, text in STUBS.items():
        path = os.path.join(bindir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(path, stat.S_IRWXU)
    log = os.path.join(tmp, "log")

    def setup(args, missing, uid):
        if os.path.exists(log):
            os.unlink(log)
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"],
                   STUB_LOG=log, STUB_MISSING=" ".join(missing), STUB_UID=str(uid))
        r = subprocess.run([os.path.join(src, "setup")] + args + ["--install-only"],
                           env=env, capture_output=True, text=True)
        lines = open(log, encoding="utf-8").read().splitlines() if os.path.exists(log) else []
        return r, [l for l in lines if not l.startswith("dpkg-query ")], \
            [l.split()[1] for l in lines if l.startswith("dpkg-query ")]

    def install_line(pkgs):
        return "apt-get install -y --no-install-recommends " + " ".join(pkgs)

    # Nothing missing: each package asked about once, no apt-get, no sudo.
    for args, asked in (([], packages["build"]),
                        (["--test"], packages["build"] + packages["test"])):
        r, calls, queried = setup(args, [], 1000)
        if r.returncode != 0 or calls or queried != asked or r.stdout:
            fail("nothing missing, %s: exit %d, calls %s, queried %s, output %r"
                 % (args, r.returncode, calls, queried, r.stdout))

    b, t = packages["build"], packages["test"]
    cases = [
        # (arguments, missing, uid, expected calls)
        ([], [b[1], t[0]], 1000, ["sudo", "apt-get update", "sudo", install_line([b[1]])]),
        ([], [b[0]], 0, ["apt-get update", install_line([b[0]])]),
        ([], [t[0], t[-1]], 1000, []),
        (["--test"], [t[-1], b[2], t[0]], 1000,
         ["sudo", "apt-get update", "sudo", install_line([b[2], t[0], t[-1]])]),
        (["--test"], [t[2]], 0, ["apt-get update", install_line([t[2]])]),
    ]
    for args, missing, uid, expected in cases:
        r, calls, _ = setup(args, missing, uid)
        if r.returncode != 0 or calls != expected:
            fail("%s missing %s as uid %d: exit %d, calls %s, expected %s; stderr %r"
                 % (args, missing, uid, r.returncode, calls, expected, r.stderr))

    r = subprocess.run([os.path.join(src, "setup"), "--bogus"], capture_output=True, text=True)
    if r.returncode != 2 or "unknown option '--bogus'" not in r.stderr:
        fail("./setup --bogus: exit %d, stderr %r" % (r.returncode, r.stderr))

if failures:
    sys.exit(1)
print("setup-packages: README, tools/packages.txt, .ci/run and ./setup agree")
