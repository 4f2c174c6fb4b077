#!/usr/bin/env bash
# The whole test suite on a fresh machine that has only the .NET SDK:
# installs what the tests need, then runs every test. Extra arguments go to 'dotnet test'.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

bash scripts/install-test-deps.sh
# The crash test kills and restarts the service as it ships: a framework-dependent publish of Bot.
dotnet publish Bot/Bot.csproj -c Release -o .artifacts/nokobot --nologo -v quiet
export NOKOBOT_PUBLISHED="$PWD/.artifacts/nokobot"
dotnet test --solution NokoBot.sln "$@"
