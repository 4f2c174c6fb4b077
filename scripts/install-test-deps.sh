#!/usr/bin/env bash
# What the tests need beyond the .NET SDK. Idempotent: installs only what is missing.
set -euo pipefail
# Nothing yet beyond NuGet packages (restored by dotnet test).
exit 0
