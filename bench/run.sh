#!/usr/bin/env bash
# Runs every scenario in Release (or the ones named), each in a process of its own so that its peak memory is its
# own; JSON lines on stdout, a human summary on stderr.
# NOKOBOT_BENCH_COUNCILS sets the scale and web scenarios' council count (default 10000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The footprint scenario starts the service as it ships.
dotnet publish Bot/Bot.csproj -c Release -o .artifacts/nokobot --nologo -v quiet >&2
export NOKOBOT_PUBLISHED="$PWD/.artifacts/nokobot"
dotnet build bench/NokoBot.Bench -c Release --nologo -v quiet >&2
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(parser ingest scale dispatch timing restart footprint web imap)
for scenario in "${scenarios[@]}"; do
    dotnet bench/NokoBot.Bench/bin/Release/net10.0/NokoBot.Bench.dll "$scenario"
done
