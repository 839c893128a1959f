#!/usr/bin/env python3
"""Errors and warnings per document, by rule, of `vbqppl check --format json` reports.

Usage: warning_budget.py REPORT.json [BASELINE.json]

The held-out set (20 % of the corpus, not used for tuning) is every file whose base name's
MD5 digest has a first byte divisible by 5: `md5(basename)[0] % 5 == 0`.
A finding counts once however many places it lists (`also_at`): the runner folds repeats of one
rule in one document into one finding. `places/doc` counts every place, for comparison with
reports made before the folding.
"""
import hashlib, json, os, sys
from collections import Counter


def held_out(path):
    return hashlib.md5(os.path.basename(path).encode()).digest()[0] % 5 == 0


def tally(report):
    out = {}
    for split in ("tune", "held_out"):
        out[split] = {"docs": 0, "error": Counter(), "warning": Counter(), "places": Counter()}
    for d in report["documents"]:
        s = out["held_out" if held_out(d["path"]) else "tune"]
        s["docs"] += 1
        for f in d.get("findings", []):
            if f["severity"] in ("error", "warning"):
                s[f["severity"]][f["rule"]] += 1
                s["places"][f["severity"]] += 1 + len(f.get("also_at", []))
    return out


def main():
    cur = tally(json.load(open(sys.argv[1])))
    base = tally(json.load(open(sys.argv[2]))) if len(sys.argv) > 2 else None
    for split in ("tune", "held_out"):
        c = cur[split]
        n = max(c["docs"], 1)
        print(f"== {split}: {c['docs']} documents")
        for sev in ("error", "warning"):
            line = f"  {sev}s/doc: {sum(c[sev].values()) / n:.3f}"
            if base:
                b = base[split]
                line += f"  (before {sum(b[sev].values()) / max(b['docs'], 1):.3f})"
            print(line + f"  places/doc: {c['places'][sev] / n:.3f}")
        rules = sorted(set(c["error"]) | set(c["warning"]) | (set(base[split]["error"]) | set(base[split]["warning"]) if base else set()))
        for r in rules:
            row = f"    {r}: E {c['error'][r]:4d} W {c['warning'][r]:4d}"
            if base:
                b = base[split]
                row += f"   before E {b['error'][r]:4d} W {b['warning'][r]:4d}"
            print(row)


main()
