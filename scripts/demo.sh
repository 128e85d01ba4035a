#!/usr/bin/env bash
# The demo on a fresh Debian machine: installs what is missing (Debian packages, moto, npm
# packages; code-server on first use), then runs `npm run demo` and prints the URL to open.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-pip)
if ((${#missing[@]} > 0)); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
python3 -c 'import moto.server' >/dev/null 2>&1 || python3 -m pip install --quiet 'moto[server]'
[ -d node_modules ] || npm ci --no-audit --no-fund
exec npm run demo
