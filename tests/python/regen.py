#!/usr/bin/env python3
"""Regenerate the expected outputs of the Weft differential regression suite.

Usage: python3 tests/python/regen.py [name ...]

For every test program tests/python/<name>.py (files starting with "_" are
helper modules, and this script itself is skipped) run CPython on it twice,
with PYTHONHASHSEED=0 and PYTHONHASHSEED=1, cwd = tests/python, stdin from
/dev/null and a 30 s timeout.  The two stdouts must be identical, otherwise
the test is reported as non-deterministic and this script exits non-zero.

Outputs written next to the test:
  <name>.out  exact stdout bytes
  <name>.err  only if the exit status is non-zero or stderr is non-empty;
              two lines: "exit: <status>" and "last: <last non-empty stderr line>"
A stale <name>.err is removed when the test exits cleanly with empty stderr.

Names on the command line may be given as "foo", "foo.py" or a path.
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SELF = os.path.basename(__file__)
TIMEOUT = 30


def all_tests():
    names = []
    for fn in sorted(os.listdir(HERE)):
        if fn.endswith(".py") and not fn.startswith("_") and fn != SELF:
            names.append(fn[:-3])
    return names


def run(name, seed):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = str(seed)
    # Keep CPython from writing __pycache__ for helper modules and from
    # picking up user site configuration.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    # Expected output is UTF-8 regardless of the caller's locale.
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONSTARTUP", None)
    env.pop("PYTHONPATH", None)
    with open(os.devnull, "rb") as devnull:
        return subprocess.run(
            ["python3", name + ".py"],
            cwd=HERE,
            stdin=devnull,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            timeout=TIMEOUT,
        )


def last_nonempty_line(data):
    for line in reversed(data.decode("utf-8", "replace").splitlines()):
        if line.strip():
            return line.rstrip("\r\n")
    return ""


def main(argv):
    if argv:
        names = []
        for a in argv:
            base = os.path.basename(a)
            if base.endswith(".py"):
                base = base[:-3]
            names.append(base)
    else:
        names = all_tests()

    failures = []
    for name in names:
        path = os.path.join(HERE, name + ".py")
        if not os.path.exists(path):
            print("missing test: %s" % name)
            failures.append(name)
            continue
        try:
            r0 = run(name, 0)
            r1 = run(name, 1)
        except subprocess.TimeoutExpired:
            print("TIMEOUT: %s" % name)
            failures.append(name)
            continue
        if r0.stdout != r1.stdout:
            print("NON-DETERMINISTIC stdout: %s" % name)
            failures.append(name)
            continue
        if r0.returncode != r1.returncode:
            print("NON-DETERMINISTIC exit status: %s" % name)
            failures.append(name)
            continue
        with open(os.path.join(HERE, name + ".out"), "wb") as f:
            f.write(r0.stdout)
        err_path = os.path.join(HERE, name + ".err")
        if r0.returncode != 0 or r0.stderr.strip():
            last = last_nonempty_line(r0.stderr)
            if last != last_nonempty_line(r1.stderr):
                print("NON-DETERMINISTIC stderr last line: %s" % name)
                failures.append(name)
                continue
            with open(err_path, "w", encoding="utf-8", newline="\n") as f:
                f.write("exit: %d\nlast: %s\n" % (r0.returncode, last))
            print("%-40s exit %d  %s" % (name, r0.returncode, last))
        elif os.path.exists(err_path):
            os.remove(err_path)

    print("%d tests processed, %d problems" % (len(names), len(failures)))
    if failures:
        print("problems: " + " ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
