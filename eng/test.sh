#!/usr/bin/env bash
# The README's test command: installs what the tests need (the loopback S3 server, redis-server, the pinned
# supabase-js client, poppler-utils, clang for the AOT test), builds everything with
# warnings as errors, runs every test project, and prints the totals over all of them as the last line:
#   N passed, N failed[, N skipped]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Tests never reach AWS: no instance-metadata lookups, no real credentials.
export AWS_EC2_METADATA_DISABLED=true

if [ -f eng/s3/install.sh ]; then
  HEALTHTWIN_S3_NODE="$(bash eng/s3/install.sh)"
  export HEALTHTWIN_S3_NODE
  export HEALTHTWIN_S3_SERVE="$PWD/eng/s3/serve.mjs"
fi

# Debian's redis-server for the web host's scale-out tests (each test starts its own on 127.0.0.1).
if [ -f eng/redis/install.sh ]; then
  HEALTHTWIN_REDIS_SERVER="$(bash eng/redis/install.sh)"
  export HEALTHTWIN_REDIS_SERVER
fi

# The original app's client (@supabase/supabase-js, pinned) for the web host's tests; runs on the Node 22 above.
if [ -f eng/supabase/install.sh ]; then
  HEALTHTWIN_SUPABASE_CLIENT="$(bash eng/supabase/install.sh)"
  export HEALTHTWIN_SUPABASE_CLIENT
fi

# The report tests render PDFs to bitmaps with poppler's pdftoppm and list fonts with pdffonts.
command -v pdftoppm >/dev/null || (apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null)

# The Native AOT publish test links with clang (and zlib), as .NET's ILCompiler does on Linux.
if ! command -v clang >/dev/null || ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends clang zlib1g-dev >/dev/null
fi

dotnet build HealthTwin.sln -c Release -warnaserror -nologo -v:q

results="$(mktemp -d)"
status=0
# One test assembly at a time (-m:1): several tests measure time against real timeouts, and the packaging tests
# (pack, README build, Native AOT publish) would otherwise load both cores while they run.
dotnet test HealthTwin.sln -c Release --no-build --nologo -v:q -m:1 \
  --logger "trx" --results-directory "$results" || status=$?

py=0
python3 - "$results" <<'PY' || py=$?
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
ns = {'t': 'http://microsoft.com/schemas/VisualStudio/TeamTest/2010'}
files = glob.glob(sys.argv[1] + '/**/*.trx', recursive=True)
for f in files:
    c = ET.parse(f).getroot().find('t:ResultSummary/t:Counters', ns)
    passed += int(c.get('passed', 0))
    failed += int(c.get('failed', 0)) + int(c.get('error', 0)) + int(c.get('timeout', 0)) + int(c.get('aborted', 0))
    skipped += int(c.get('notExecuted', 0))
if not files:
    print('no test results were written', file=sys.stderr)
    failed += 1
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed else 0)
PY
rm -rf "$results"
[ "$status" -eq 0 ] && [ "$py" -eq 0 ]
