#!/usr/bin/env bash
# Installs the npm tools pinned in infra/package-lock.json when they are missing or out of date.
set -euo pipefail
infra="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
stamp="$infra/node_modules/.installed-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$infra/package-lock.json" "$stamp"; then
  echo "Installing the local tools (Azurite, Adaptive Cards parser, Teams manifest schemas) into infra/node_modules…"
  (cd "$infra" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$infra/package-lock.json" "$stamp"
fi
