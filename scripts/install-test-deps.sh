#!/usr/bin/env bash
# What the tests need beyond the .NET SDK. Idempotent: installs only what is missing.
set -euo pipefail

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
missing=()

# The email tests run a real SMTP server on 127.0.0.1: Debian's python3-aiosmtpd under the system python.
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then missing+=(python3-aiosmtpd); fi
# The council pages' tests drive Debian's chromium through Playwright (never 'playwright install').
if [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi

if [ ${#missing[@]} -gt 0 ]; then
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi
