#!/bin/sh
# Installs what `weft bench --compare python3,pypy3` compares against on a Debian/Ubuntu machine:
# PyPy3 (Debian package pypy3) and GNU time (peak RSS of the other interpreters). Needs root (or sudo).
# python3 is expected to be CPython 3.11 already. Missing interpreters are skipped by the harness anyway.
set -e
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update
$SUDO apt-get install -y pypy3 time
pypy3 --version
