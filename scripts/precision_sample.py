#!/usr/bin/env python3
"""Draw a reproducible random sample of findings for a judged-precision measurement.

Usage:
    vbqppl check --format json --as-of 2026-12-01 ../shared/corpus > /tmp/check.json
    python3 scripts/precision_sample.py /tmp/check.json SEED [--errors 40] [--warnings 80]
        [--reserve 20] [--corpus ../shared/corpus] [--extra] > sample.tsv

Sampling frame: every `error` and `warning` finding (info is skipped) on a real
Vietnamese document of the corpus.  Excluded from the frame: text-vbpl pages whose
metadata.jsonl `kind` is not `full-vi` (English translations, metadata-only pages,
"not found" pages), because they are not legal documents.  Then, in draw order,
findings on other non-documents are skipped (see `not_a_document`: English
translations, portal pages saved as .pdf without the document text).

Draw: findings are put in a canonical order (document path, then the order in the
JSON); one `random.Random(SEED)` shuffles the errors first, then the warnings.  The
first N errors (uniform over all errors) and the first M warnings (uniform over all
warnings, hence proportional to rule frequency) form the sample, ids E001.. and
W001..; the next `--reserve` of each stratum are printed with ids ER001.., WR001..
A finding that cannot be located in its source is marked "not locatable" and
replaced by the next reserve of its stratum, in order.

Output: a TSV skeleton with the columns of docs/precision/*.tsv
    id, path, rule, severity, line, excerpt, verdict, cause, reasoning
(verdict/cause/reasoning empty; fill them by hand).  `--extra` appends the
message, start and end columns to help the judge (drop them before committing).
Draw a FRESH sample (new seed) to measure after a fix; never re-judge the sample
that was used to tune the fix.
"""
import argparse
import json
import os
import random
import re
import sys


def frame(report, corpus):
    excluded = set()
    meta = os.path.join(corpus, "text-vbpl", "metadata.jsonl")
    if os.path.exists(meta):
        for line in open(meta, encoding="utf-8"):
            rec = json.loads(line)
            if rec.get("kind") != "full-vi":
                excluded.add("text-vbpl/" + os.path.basename(rec["file"]))
    errors, warnings, skipped = [], [], 0
    for doc in sorted(report["documents"], key=lambda d: d["path"]):
        rel = doc["path"].split("/corpus/", 1)[-1]
        for i, f in enumerate(doc.get("findings") or []):
            if f["severity"] not in ("error", "warning"):
                continue
            if rel in excluded:
                skipped += 1
                continue
            item = (rel, i, f)
            (errors if f["severity"] == "error" else warnings).append(item)
    return errors, warnings, skipped


def not_a_document(corpus, rel, cache={}):
    """Reason why a source file is not a real Vietnamese legal document, or None.

    Checked after the shuffle, so skipping a file only removes its findings from the
    draw order (the same as replacing them by the next draw): English translations
    (html/txt whose words are mostly English function words) and portal pages saved
    under a .pdf name that hold no document text (no "Điều 1").
    """
    if rel in cache:
        return cache[rel]
    reason = None
    path = os.path.join(corpus, rel)
    ext = rel.rsplit(".", 1)[-1].lower()
    try:
        if ext in ("txt", "html", "htm", "pdf"):
            raw = open(path, "rb").read()
            if ext == "pdf" and raw[:4] == b"%PDF":
                raw = b""
            text = raw.decode("utf-8", errors="replace")
            if ext == "pdf" and text and re.search(r"(?i)<!doctype html|<html", text[:500]):
                if not re.search(r"Điều\s+1\b", re.sub(r"<[^>]+>", " ", text)):
                    reason = "portal page without the document text"
            elif text:
                words = re.findall(r"[^\W\d_]+", re.sub(r"<[^>]+>", " ", text).lower())
                eng = sum(w in ("the", "of", "and", "to", "shall", "in", "for") for w in words)
                if words and eng / len(words) > 0.08:
                    reason = "English translation"
    except OSError:
        reason = None
    cache[rel] = reason
    return reason


def clean(s, n=None):
    s = (s or "").replace("\t", " ").replace("\r", " ").replace("\n", " ⏎ ")
    return s[:n] if n else s


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("json")
    ap.add_argument("seed", type=int)
    ap.add_argument("--errors", type=int, default=40)
    ap.add_argument("--warnings", type=int, default=80)
    ap.add_argument("--reserve", type=int, default=20)
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("--extra", action="store_true")
    a = ap.parse_args()

    report = json.load(open(a.json, encoding="utf-8"))
    errors, warnings, skipped = frame(report, a.corpus)
    rng = random.Random(a.seed)
    rng.shuffle(errors)
    rng.shuffle(warnings)
    skipped_after = {}
    kept = []
    for items in (errors, warnings):
        keep = []
        for it in items:
            why = not_a_document(a.corpus, it[0])
            if why:
                skipped_after[why] = skipped_after.get(why, 0) + 1
            else:
                keep.append(it)
        kept.append(keep)
    errors, warnings = kept
    print(f"# frame: {len(errors)} errors, {len(warnings)} warnings "
          f"({skipped} findings on non-full-vi text-vbpl pages excluded before the draw; "
          f"skipped in draw order: {skipped_after}); seed {a.seed}", file=sys.stderr)

    cols = ["id", "path", "rule", "severity", "line", "excerpt", "verdict", "cause", "reasoning"]
    if a.extra:
        cols += ["message", "start", "end"]
    print("\t".join(cols))
    for items, n, pre in ((errors, a.errors, "E"), (warnings, a.warnings, "W")):
        for k, (rel, _, f) in enumerate(items[: n + a.reserve]):
            ident = f"{pre}{k + 1:03d}" if k < n else f"{pre}R{k - n + 1:03d}"
            row = [ident, rel, f["rule"], f["severity"], str(f.get("line", "")),
                   clean(f.get("excerpt"), 120), "", "", ""]
            if a.extra:
                row += [clean(f.get("message")), str(f.get("start")), str(f.get("end"))]
            print("\t".join(row))


if __name__ == "__main__":
    main()
