"""Prints the mutation score per file and per area from a Stryker.NET JSON report, and checks the area minimums.

Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker computes it; compile errors and
ignored mutants do not count; the mutants marked equivalent in the source (`// Stryker disable once … : equivalent, …`)
are ignored and counted apart, per area. Usage: score.py REPORT.json RUN THRESHOLDS.json
"""
import json
import sys
from collections import defaultdict

report_path, run, thresholds_path = sys.argv[1], sys.argv[2], sys.argv[3]
report = json.load(open(report_path, encoding="utf-8"))
minimums = json.load(open(thresholds_path, encoding="utf-8"))[run]

DETECTED = {"Killed", "Timeout"}
UNDETECTED = {"Survived", "NoCoverage"}


def area(path):
    parts = path.replace("\\", "/").split("/")
    for name in minimums:
        if name in parts:
            return name
    return next(iter(minimums))


files = []
areas = defaultdict(lambda: [0, 0])
equivalents = defaultdict(int)
for path, data in sorted(report["files"].items()):
    statuses = [m["status"] for m in data["mutants"]]
    equivalents[area(path)] += sum(
        m["status"] == "Ignored" and "equivalent" in m.get("statusReason", "").lower() for m in data["mutants"])
    detected = sum(s in DETECTED for s in statuses)
    undetected = sum(s in UNDETECTED for s in statuses)
    if detected + undetected == 0:
        continue
    short = path.replace("\\", "/").split("/src/")[-1]
    files.append((short, detected, undetected))
    a = areas[area(path)]
    a[0] += detected
    a[1] += undetected

print(f"{'file':70} {'killed':>7} {'survived':>9} {'score':>7}")
for short, detected, undetected in files:
    print(f"{short:70} {detected:7} {undetected:9} {100 * detected / (detected + undetected):6.1f}%")

failed = False
for name, (detected, undetected) in sorted(areas.items()):
    score = 100 * detected / (detected + undetected)
    minimum = minimums.get(name, 0)
    verdict = "ok" if score >= minimum else "BELOW"
    failed |= score < minimum
    print(f"{run}/{name}: {score:.1f}% ({detected} detected, {undetected} undetected, "
          f"{equivalents[name]} marked equivalent and not scored); minimum {minimum}% {verdict}")

sys.exit(1 if failed else 0)
