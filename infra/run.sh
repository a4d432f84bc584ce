#!/usr/bin/env bash
# Runs EscalationBot on the local defaults: Azurite (Table Storage, data kept in infra/.azurite),
# Hangfire in memory, and the bot on http://localhost:3978/api/messages in local mode (no auth).
# Ctrl+C stops everything it started.
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
dotnet run --project "$root/bot" "$@" &
pids+=($!)
wait -n "${pids[@]}"
