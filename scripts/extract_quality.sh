#!/usr/bin/env bash
# PDF extraction report: syllable F1 per gazette file (ours and pdftotext's, same run) and
# pages/s on one core and on all cores against pdftotext on the same files.
#
# Usage: scripts/extract_quality.sh [quality] [speed] [parallel]   (default: all three)
# `speed` runs pinned to one core (`taskset -c 0`, when present): our thread and every
# pdftotext process share that core, passes alternate, the ratio is taken per pass.
# VBQPPL_BENCH_REPS sets the passes (default 5). Speed figures need a release build; this
# script builds one (`cargo bench` uses the bench profile, which inherits release). Install
# pdftotext with `apt-get update && apt-get install -y poppler-utils` for the baseline columns.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pdftotext >/dev/null; then
    echo "note: pdftotext not found; baseline columns will be empty" >&2
fi
mkdir -p target
modes=("$@")
if [ ${#modes[@]} -eq 0 ]; then
    modes=(quality speed parallel)
fi
cargo bench --bench extract --no-run
: >target/extract_quality.tsv
for mode in "${modes[@]}"; do
    pin=()
    if [ "$mode" = speed ] && command -v taskset >/dev/null; then
        pin=(taskset -c 0)
    fi
    "${pin[@]}" cargo bench --bench extract -- "$mode" | tee -a target/extract_quality.tsv
done
