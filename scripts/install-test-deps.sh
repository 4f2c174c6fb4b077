#!/usr/bin/env bash
# What the tests need beyond the .NET SDK. Idempotent: installs only what is missing.
set -euo pipefail

# The email tests run a real SMTP server on 127.0.0.1: Debian's python3-aiosmtpd under the system python.
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends python3-aiosmtpd
fi
