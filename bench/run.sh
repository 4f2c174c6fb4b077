#!/usr/bin/env bash
# Runs every scenario in Release (or the ones named); JSON lines on stdout, a human summary on stderr.
# NOKOBOT_BENCH_COUNCILS sets the scale scenario's council count (default 10000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The footprint scenario starts the service as it ships.
dotnet publish Bot/Bot.csproj -c Release -o .artifacts/nokobot --nologo -v quiet >&2
export NOKOBOT_PUBLISHED="$PWD/.artifacts/nokobot"
dotnet run -c Release --project bench/NokoBot.Bench -- "$@"
