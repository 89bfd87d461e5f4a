#!/usr/bin/env bash
# Mutation testing of the health logic with Stryker.NET (pinned in dotnet-tools.json):
#   core   — HealthTwin.Agents Metrics, BuiltIn (the ten agents) and the orchestrator's merge and ordering,
#            against tests/HealthTwin.Agents.Tests
#   import — the wearable importers' parsers (HealthTwin.Import), against tests/HealthTwin.Import.Tests
# Prints the score per file and per area, and exits 1 when an area is under its minimum in
# eng/mutation/thresholds.json. Not part of .ci/run: a full run takes tens of minutes on two cores.
# Reports (HTML and JSON) go to artifacts/mutation/<run>/. Latest results: docs/testing.md.
#   bash eng/mutation.sh [core|import|all] [STRYKER ARGS...]   (default: all)
# Extra arguments go to Stryker, for example one area or file of a run (a full core run takes hours on two cores):
#   bash eng/mutation.sh core --mutate '**/Metrics/**/*.cs'
# The mutants no test detected, to work through: python3 eng/mutation/survivors.py artifacts/mutation/core/…/mutation-report.json
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null

status=0
run() {
  local name="$1" tests="$2" out="$PWD/artifacts/mutation/$1"
  shift 2
  rm -rf "$out" && mkdir -p "$out"
  (cd "$tests" && dotnet stryker --config-file "$OLDPWD/eng/mutation/$name.json" --output "$out" --skip-version-check "$@") || return 1
  local report
  report="$(find "$out" -name mutation-report.json | head -n 1)"
  [ -n "$report" ] || { echo "no mutation report was written for $name" >&2; return 1; }
  python3 eng/mutation/score.py "$report" "$name" eng/mutation/thresholds.json
}

what="${1:-all}"
[ "$#" -gt 0 ] && shift
case "$what" in
  core) run core tests/HealthTwin.Agents.Tests "$@" || status=1 ;;
  import) run import tests/HealthTwin.Import.Tests "$@" || status=1 ;;
  all)
    run core tests/HealthTwin.Agents.Tests "$@" || status=1
    run import tests/HealthTwin.Import.Tests "$@" || status=1
    ;;
  *) echo "usage: bash eng/mutation.sh [core|import|all] [STRYKER ARGS...]" >&2; exit 2 ;;
esac
exit "$status"
