#!/usr/bin/env bash
# Runs every scenario in Release; JSON lines on stdout, a human summary on stderr.
# NOKOBOT_BENCH_COUNCILS sets the scale scenario's council count (default 10000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet run -c Release --project bench/NokoBot.Bench -- "$@"
