#!/usr/bin/env python3
"""Print the mutation score per rule file from a Stryker JSON report, and each mutant that no test caught.

Usage: summarise-mutation.py REPORT.json FILE ...   (FILE relative to the repository root)

Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker counts it; mutants that do
not compile or that Stryker ignores do not count. A surviving mutant listed in scripts/mutation-equivalent.tsv
(file, mutator, replacement, text on the mutated line or the line above it, reason) is an equivalent mutant: it
behaves exactly like the original, so no test can catch it. It is marked as such, and the score without the
equivalent mutants is shown as well.
"""
import csv
import json
import os
import sys

report_path, files = sys.argv[1], sys.argv[2:]
report = json.load(open(report_path, encoding="utf-8"))
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)

equivalent = []
with open(os.path.join(here, "mutation-equivalent.tsv"), encoding="utf-8") as f:
    for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        if row and not row[0].startswith("#") and len(row) >= 5:
            equivalent.append(row[:5])


def reason_equivalent(path, mutant, line):
    """The reason a mutant is equivalent: same file, mutator and replacement, and its line holds the listed text."""
    for file, mutator, replacement, text, reason in equivalent:
        if (path.endswith(file) and mutant["mutatorName"] == mutator
                and mutant.get("replacement", "").strip() == replacement.strip() and text.strip() in line):
            return reason
    return None


by_path = {os.path.relpath(p, root) if os.path.isabs(p) else p: v for p, v in report["files"].items()}
rows, notes = [], []
for file in files:
    data = next((v for p, v in by_path.items() if p.endswith(file) or file.endswith(p)), None)
    name = os.path.basename(file)
    if data is None:
        rows.append((name, None, 0, 0, 0, 0, 0))
        continue
    lines = data["source"].splitlines()
    killed = survived = nocov = timeout = equiv = 0
    for m in sorted(data["mutants"], key=lambda m: (m["location"]["start"]["line"], m["location"]["start"]["column"])):
        status = m["status"]
        if status == "Killed":
            killed += 1
        elif status == "Timeout":
            timeout += 1
        elif status in ("Survived", "NoCoverage"):
            if status == "Survived":
                survived += 1
            else:
                nocov += 1
            line = m["location"]["start"]["line"]
            original = lines[line - 1].strip() if 0 < line <= len(lines) else ""
            above = lines[line - 2].strip() if 1 < line <= len(lines) + 1 else ""
            why = reason_equivalent(file, m, above + "\n" + original)
            if why:
                equiv += 1
            notes.append(f"  {name}:{line} {status}{' (equivalent: ' + why + ')' if why else ''}\n"
                         f"      {m['mutatorName']}: {m.get('replacement', '')[:110]}\n"
                         f"      in: {original[:110]}")
    detected = killed + timeout
    valid = detected + survived + nocov
    rows.append((name, detected / valid * 100 if valid else None, killed, timeout, survived, nocov, equiv))

print(f"{'file':<28} {'score':>7} {'w/o eq.':>8} {'killed':>7} {'timeout':>8} {'survived':>9} {'no cov.':>8} {'equiv.':>7}")
for name, score, killed, timeout, survived, nocov, equiv in rows:
    valid = killed + timeout + survived + nocov
    without = (killed + timeout) / (valid - equiv) * 100 if valid - equiv > 0 else None
    fmt = lambda x: "n/a" if x is None else f"{x:.1f}%"
    print(f"{name:<28} {fmt(score):>7} {fmt(without):>8} {killed:>7} {timeout:>8} {survived:>9} {nocov:>8} {equiv:>7}")

total_detected = sum(r[2] + r[3] for r in rows)
total_valid = sum(r[2] + r[3] + r[4] + r[5] for r in rows)
if total_valid:
    print(f"{'all':<28} {total_detected / total_valid * 100:>6.1f}%")
if notes:
    print("\nMutants no test caught (line numbers of the mutated source):")
    print("\n".join(notes))
print(f"\nReport: {os.path.join(os.path.dirname(report_path), 'mutation-report.html')}")
