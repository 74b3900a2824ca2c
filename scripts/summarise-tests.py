#!/usr/bin/env python3
"""Sum the results of several `dotnet test` runs and print the closing line.

Usage: summarise-tests.py NAME:EXITCODE:TRXFILE ...

Counts come from each TRX file's <UnitTestResult outcome=...> elements, which
(unlike <Counters>) also show skipped tests. A project that left no TRX file, or
that exited non-zero without any failed test in its TRX (a crashed or aborted
test host), is counted as one failure so it cannot pass unnoticed.
The last line printed is exactly `N passed, N failed[, N skipped]`.
Exit code: 1 if anything failed or no test ran at all, else 0.
"""
import os
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"

passed = failed = skipped = 0
for arg in sys.argv[1:]:
    name, code, trx = arg.split(":", 2)
    p = f = s = 0
    if not os.path.isfile(trx):
        print(f"FAILED: {name} did not run (no results file; exit code {code}) - counted as 1 failure")
        failed += 1
        continue
    for result in ET.parse(trx).getroot().iter(NS + "UnitTestResult"):
        outcome = result.get("outcome")
        if outcome == "Passed":
            p += 1
        elif outcome in ("NotExecuted", "Inconclusive"):
            s += 1
        else:  # Failed, Error, Timeout, Aborted, ...
            f += 1
    print(f"  {name}: passed={p} failed={f} skipped={s}")
    if code != "0" and f == 0:
        print(f"FAILED: {name} exited with code {code} but reported no failed test"
              " (test host crashed or run aborted?) - counted as 1 failure")
        f = 1
    passed, failed, skipped = passed + p, failed + f, skipped + s

if passed + failed == 0:
    print("FAILED: no test ran")
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed or passed + failed == 0 else 0)
