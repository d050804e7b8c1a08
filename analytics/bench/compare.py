#!/usr/bin/env python3
"""Compares the figures of `cx-align report` (JSON) with those of report.R (JSON).

Usage: compare.py JAVA.json R.json
Walks every number present in the R output and reports the largest relative difference
(|java - r| / max(1, |r|)); exits 1 when a key or value is missing on the Java side or the
largest difference exceeds 1e-9 (jsonlite prints 15 significant digits).
"""
import json
import sys


def walk(r, j, path, out):
    if isinstance(r, dict):
        for k, v in r.items():
            if not isinstance(j, dict) or k not in j:
                out.append((float("inf"), path + "/" + k, "missing in java"))
                continue
            walk(v, j[k], path + "/" + k, out)
    elif isinstance(r, list):
        if not isinstance(j, list) or len(j) != len(r):
            out.append((float("inf"), path, "list length differs"))
            return
        for i, (a, b) in enumerate(zip(r, j)):
            walk(a, b, f"{path}[{i}]", out)
    elif isinstance(r, (int, float)) and not isinstance(r, bool):
        if not isinstance(j, (int, float)):
            out.append((float("inf"), path, f"r={r} java={j}"))
            return
        out.append((abs(j - r) / max(1.0, abs(r)), path, f"r={r} java={j}"))
    elif r is None:
        if j is not None:
            out.append((float("inf"), path, f"r=NA java={j}"))
    else:
        if r != j:
            out.append((float("inf"), path, f"r={r} java={j}"))


def main():
    java = json.load(open(sys.argv[1]))
    r = json.load(open(sys.argv[2]))
    out = []
    walk(r, java, "", out)
    out.sort(reverse=True)
    print(f"compared {len(out)} figures; largest relative differences:")
    for d, p, msg in out[:5]:
        print(f"  {d:.3g}  {p}  {msg}")
    sys.exit(0 if out and out[0][0] <= 1e-9 else 1)


if __name__ == "__main__":
    main()
