#!/usr/bin/env bash
# Formats every C# file in bot/, cards/ and tests/ as .editorconfig asks; infra/test.sh fails until this has run.
# CSharpier wraps lines to max_line_length (120), then `dotnet format` applies the rest (usings, file-scoped
# namespaces, braces). The two agree, so a second run changes nothing. dotnet format leaves the benchmarks alone:
# their console tables use interpolation alignment ({x,-48}), which CSharpier writes with a space after the comma
# and dotnet format without one, so there CSharpier alone decides.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
dotnet csharpier format bot cards tests
dotnet format EscalationBot.sln --exclude tests/EscalationBot.Benchmarks
