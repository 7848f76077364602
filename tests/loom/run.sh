#!/bin/sh
# Runs the loom models (exhaustive interleavings up to LOOM_MAX_PREEMPTIONS preemptions).
# Usage: tests/loom/run.sh   (from anywhere; uses its own target dir so normal builds stay cached)
set -e
cd "$(dirname "$0")/../.."
export RUSTFLAGS="--cfg loom"
export LOOM_MAX_PREEMPTIONS="${LOOM_MAX_PREEMPTIONS:-2}"
exec cargo test --release -p weft-loom --target-dir target/loom -- --test-threads=2 "$@"
