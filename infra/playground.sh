#!/usr/bin/env bash
# Starts the Microsoft 365 Agents Playground as Teams, one instance per persona, behind the local hub.
# Usage: infra/playground.sh BOT_ENDPOINT [HUB_PORT PARTNER_MANAGER_PORT SPECIALIST_PORT LEAD_PORT]
# Defaults: hub 56100, partner manager 56150, specialist 56151, lead 56152. Stops them all on exit.
set -euo pipefail
infra="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
endpoint="${1:?usage: playground.sh BOT_ENDPOINT [HUB PM SPECIALIST LEAD]}"
hub="${2:-56100}"; pm="${3:-56150}"; specialist="${4:-56151}"; lead="${5:-56152}"
logs="${PLAYGROUND_LOGS:-$infra/.playground}"
mkdir -p "$logs"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

node "$infra/playground-hub.js" "$hub" "$pm" "$specialist" "$lead" \
  --shared "19:escalations@thread.tacv2,19:queue@thread.tacv2,group-escalations" &
pids+=($!)

start() { # persona port
  M365_AGENTS_PLAYGROUND_CONFIG_PATH="$infra/playground/$1.yml" \
  M365_AGENTS_PLAYGROUND_LOGFILE="$logs/$1.log" \
    "$infra/node_modules/.bin/agentsplayground" -e "$endpoint" -c msteams -p "$2" \
      --service-url "http://127.0.0.1:$hub/$2/_connector" --disable-telemetry < /dev/null > "$logs/$1.out" 2>&1 &
  pids+=($!)
}
start partner-manager "$pm"
start specialist "$specialist"
start lead "$lead"

# Ready when every persona's page answers: the line README.md tells a newcomer to wait for.
for port in "$pm" "$specialist" "$lead"; do
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "http://localhost:$port" && break
    sleep 0.5
  done
done
echo "Ready: Agents Playground (Teams, channel msteams) talking to $endpoint:"
echo "  partner manager  http://localhost:$pm"
echo "  specialist       http://localhost:$specialist"
echo "  lead             http://localhost:$lead"
wait -n "${pids[@]}"
echo "A playground process stopped; see $logs" >&2
