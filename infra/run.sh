#!/usr/bin/env bash
# Runs EscalationBot on the local defaults: Azurite (Table Storage, data kept in infra/.azurite),
# Hangfire in memory, the bot on http://localhost:3978/api/messages in local mode (no auth), and the
# Microsoft 365 Agents Playground as Teams, one browser tab per persona:
#   partner manager http://localhost:56150   specialist http://localhost:56151   lead http://localhost:56152
# Ctrl+C stops everything it started. BOT_PORT changes the bot's port; NO_PLAYGROUND=1 skips the playground.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
infra="$root/infra"
"$infra/ensure-tools.sh"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

table_port="${AZURITE_TABLE_PORT:-10002}"
if (exec 3<>"/dev/tcp/127.0.0.1/$table_port") 2>/dev/null; then
  echo "Something already listens on 127.0.0.1:$table_port; using it as Azurite."
else
  mkdir -p "$infra/.azurite"
  "$infra/node_modules/.bin/azurite-table" --tableHost 127.0.0.1 --tablePort "$table_port" \
    --location "$infra/.azurite" --silent --disableTelemetry &
  pids+=($!)
  echo "Azurite (Table Storage) on 127.0.0.1:$table_port, data in infra/.azurite"
fi

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__Tables="${ConnectionStrings__Tables:-DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;}"
bot_port="${BOT_PORT:-3978}"
dotnet run --project "$root/bot" --urls "http://localhost:$bot_port" "$@" &
pids+=($!)

if [ -z "${NO_PLAYGROUND:-}" ]; then
  for _ in $(seq 1 120); do
    curl -fs "http://localhost:$bot_port/healthz/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  "$infra/playground.sh" "http://localhost:$bot_port/api/messages" &
  pids+=($!)
fi
wait -n "${pids[@]}"
