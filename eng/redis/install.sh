#!/usr/bin/env bash
# Make sure Debian's redis-server is installed (the web host's scale-out tests start their own instances of it on
# 127.0.0.1). Installs it with apt-get when missing (needs root, as on CI); prints the redis-server path on stdout.
set -euo pipefail

die() { echo "eng/redis/install.sh: $*" >&2; exit 1; }

if ! command -v redis-server >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || die "redis-server is missing and installing it needs root (apt-get install redis-server)"
  command -v apt-get >/dev/null 2>&1 || die "redis-server is missing and apt-get is not available"
  echo "eng/redis/install.sh: apt-get install redis-server" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends redis-server >&2 || die "apt-get install redis-server failed"
fi

server="$(command -v redis-server)"
ver="$("$server" --version 2>&1)" || die "$server does not run: $ver"
echo "eng/redis/install.sh: ok: $ver" >&2
echo "$server"
