#!/usr/bin/env bash
# Runs every test: unit tests, integration tests against a real Azurite (started by the tests on a free
# port), and the official Adaptive Cards parser over every card. Installs the npm tools first if missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/infra/ensure-tools.sh"

# Formatting first: it takes under a minute, and a pull request that fails it needs only infra/format.sh.
# The tests still run when it fails, so that one run reports both.
echo "Checking the formatting (CSharpier, dotnet format)…"
formatted=0
(cd "$root" && dotnet tool restore >/dev/null && dotnet csharpier check bot cards tests \
  && dotnet format EscalationBot.sln --verify-no-changes --exclude tests/EscalationBot.Benchmarks -v q) || formatted=1
format_failure="The code is not formatted as .editorconfig asks: run infra/format.sh and commit the result."
[ "$formatted" -eq 0 ] || echo "$format_failure" >&2

log="$(mktemp)"
set +e
dotnet test "$root/EscalationBot.sln" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line for CI, summed over every test project.
# dotnet test closes each project with "Passed!  - Failed: 0, Passed: 110, Skipped: 0, Total: 110".
sum() { { grep -E '^(Passed|Failed)!' "$log" || true; } | grep -Eo "$1: +[0-9]+" | awk '{ n += $2 } END { print n + 0 }'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
if [ "$formatted" -ne 0 ]; then
  echo "$format_failure" >&2
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
