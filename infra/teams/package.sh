#!/usr/bin/env bash
# Builds the Teams app package artifacts/teams/EscalationBot.zip (manifest.json, color.png, outline.png) with the
# bot's id and host filled in, after validating the manifest offline against its schema. Installs the npm tools first.
# Usage: bash infra/teams/package.sh BOT_ID BOT_HOST [--website URL] [--privacy URL] [--terms URL] [--out FILE]
set -euo pipefail
infra="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$infra/ensure-tools.sh"
exec node "$infra/teams/package.js" "$@"
