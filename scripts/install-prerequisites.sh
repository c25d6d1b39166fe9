#!/usr/bin/env bash
# System packages the tests need (Debian). Idempotent: installs only what is missing.
set -euo pipefail
needed=()
command -v npm >/dev/null 2>&1 || needed+=(npm)
# The Redis warm-cache tests start their own server from this binary.
[ -x /usr/bin/redis-server ] || needed+=(redis-server)
# The dedup report test renders the HTML adjudication report in Debian's headless Chromium.
[ -x /usr/bin/chromium ] || needed+=(chromium)
# scripts/fuzz.sh drives the SharpFuzz harnesses with AFL++.
command -v afl-fuzz >/dev/null 2>&1 || needed+=(afl++)
if [ ${#needed[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing packages: ${needed[*]}. Install them with: sudo apt-get install -y ${needed[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}"
fi
