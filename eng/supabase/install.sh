#!/usr/bin/env bash
# Install the pinned @supabase/supabase-js (the original app's client) into eng/supabase/node_modules.
# Prints the absolute path of this folder on stdout (the web host's tests run app-client.mjs from it with the
# pinned Node 22 of eng/s3); progress and errors go to stderr.
# Idempotent: runs `npm ci` only when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

die() { echo "eng/supabase/install.sh: $*" >&2; exit 1; }

command -v npm >/dev/null 2>&1 || die "npm not found on PATH (needed to install @supabase/supabase-js)"
[ -f package-lock.json ] || die "package-lock.json missing in $PWD"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || [ ! -f node_modules/@supabase/supabase-js/package.json ]; then
  echo "eng/supabase/install.sh: npm ci in $PWD" >&2
  npm ci --no-audit --no-fund --ignore-scripts --engine-strict=false >&2 || die "npm ci failed in $PWD"
fi

ver="$(sed -n 's/^  "version": "\(.*\)",$/\1/p' node_modules/@supabase/supabase-js/package.json | head -1)"
[ -n "$ver" ] || die "@supabase/supabase-js not installed in $PWD/node_modules"
echo "eng/supabase/install.sh: ok: @supabase/supabase-js $ver" >&2
echo "$PWD"
