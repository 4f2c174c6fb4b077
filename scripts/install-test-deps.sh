#!/usr/bin/env bash
# What the tests need beyond the .NET SDK. Idempotent: installs only what is missing.
set -euo pipefail

# The email tests run real mail servers on 127.0.0.1, started by the test fixtures (never as system services):
# - SMTP: Debian's python3-aiosmtpd under the system python (Bot.Tests/Fakes/SmtpServerFixture.cs);
# - IMAP: Debian's dovecot-imapd, run in the foreground with a config of the test's own (Bot.Tests/Fakes/ImapServerFixture.cs).
# - PostgreSQL: Debian's postgresql, a cluster made by initdb and started by pg_ctl in a temp folder
#   (Bot.Tests/Fakes/PostgresServerFixture.cs); the package's own cluster is never started (policy-rc.d below).
# The council pages' tests drive Debian's chromium through Playwright (never 'playwright install').
missing=()
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then missing+=(python3-aiosmtpd); fi
if ! [ -x /usr/sbin/dovecot ] || ! [ -x /usr/bin/doveadm ] || ! [ -x /usr/lib/dovecot/imap ]; then missing+=(dovecot-imapd); fi
if ! [ -x /usr/bin/chromium ]; then missing+=(chromium); fi
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then missing+=(postgresql); fi

if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    # Another apt run on a shared machine holds the lock for a while: wait for it rather than fail.
    apt_get=($sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
    "${apt_get[@]}" update
    # Installing dovecot or postgresql must not start it as a system service (the fixtures run their own): policy-rc.d says no.
    policy=/usr/sbin/policy-rc.d
    added_policy=""
    if ! [ -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
        $sudo chmod 755 "$policy"
        added_policy=yes
    fi
    "${apt_get[@]}" install -y --no-install-recommends "${missing[@]}"
    if [ -n "$added_policy" ]; then $sudo rm -f "$policy"; fi
fi
