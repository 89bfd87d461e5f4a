"""Lists the mutants a Stryker.NET JSON report says the tests did not detect, one per line, to work through.

For each surviving or uncovered mutant: file:line, the mutator, the original code and its replacement. With
--compile-errors, lists the mutants that did not compile instead (grouped by file and mutator), which Stryker leaves
out of the score. Usage: survivors.py REPORT.json [--compile-errors] [PATH-FILTER]
"""
import json
import sys
from collections import Counter

args = [a for a in sys.argv[1:] if not a.startswith("--")]
compile_errors = "--compile-errors" in sys.argv
equivalent = "--equivalent" in sys.argv
report = json.load(open(args[0], encoding="utf-8"))
path_filter = args[1] if len(args) > 1 else ""
wanted = {"CompileError"} if compile_errors else {"Ignored"} if equivalent else {"Survived", "NoCoverage"}


def snippet(source_lines, location):
    start, end = location["start"], location["end"]
    if start["line"] == end["line"]:
        text = source_lines[start["line"] - 1][start["column"] - 1:end["column"] - 1]
    else:
        text = source_lines[start["line"] - 1][start["column"] - 1:] + " …"
    return " ".join(text.split())


counts = Counter()
for path, data in sorted(report["files"].items()):
    short = path.replace("\\", "/").split("/src/")[-1]
    if path_filter not in short:
        continue
    lines = data["source"].split("\n")
    for m in sorted(data["mutants"], key=lambda m: (m["location"]["start"]["line"], m["location"]["start"]["column"])):
        if m["status"] not in wanted:
            continue
        if equivalent and "equivalent" not in m.get("statusReason", "").lower():
            continue
        counts[(short, m["mutatorName"])] += 1
        if not compile_errors:
            original = snippet(lines, m["location"])[:120]
            replacement = " ".join(m.get("replacement", "").split())[:120]
            status = {"Survived": "", "NoCoverage": " [no coverage]"}.get(m["status"], "")
            if equivalent:
                status = " — " + " ".join(m.get("statusReason", "").split())
            print(f"{short}:{m['location']['start']['line']}: {m['mutatorName']}{status}: {original}  ==>  {replacement}")

if compile_errors:
    for (short, mutator), n in sorted(counts.items()):
        print(f"{n:5}  {short}  {mutator}")
    print(f"{sum(counts.values()):5}  total")
