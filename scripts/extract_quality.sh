#!/usr/bin/env bash
# PDF extraction report: syllable F1 per gazette file (ours and pdftotext's, same run) and
# pages/s on one core and on all cores against pdftotext on the same files.
#
# Usage: scripts/extract_quality.sh [quality|speed]   (default: both)
# Speed figures need a release build; this script builds one (`cargo bench` uses the bench
# profile, which inherits release). Install pdftotext with
# `apt-get update && apt-get install -y poppler-utils` for the baseline columns.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pdftotext >/dev/null; then
    echo "note: pdftotext not found; baseline columns will be empty" >&2
fi
mkdir -p target
cargo bench --bench extract -- "$@" | tee target/extract_quality.tsv
