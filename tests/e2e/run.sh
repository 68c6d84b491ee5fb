#!/usr/bin/env bash
# End-to-end suite: PolicyBot (src/PolicyBot, local mode) in the Microsoft 365 Agents Playground,
# a Teams-like client, driven in headless Debian Chromium with playwright-core.
#   bash tests/e2e/run.sh            # from anywhere; screenshots and logs land in tests/e2e/artifacts/
# Env: E2E_BOT_COMMAND='node my-bot.js' runs the scenarios against another bot (gets PORT, DataFolder).
set -euo pipefail
cd "$(dirname "$0")"
REPO_ROOT="$(cd ../.. && pwd)"

# Node 20.19 or later (the Playground package's own floor); say so plainly rather than fail deep inside npm.
NODE_NEEDED="20.19.0"
NODE_FOUND="$(node --version 2>/dev/null | sed 's/^v//' || true)"
if [ -z "$NODE_FOUND" ] || [ "$(printf '%s\n%s\n' "$NODE_NEEDED" "$NODE_FOUND" | sort -V | head -1)" != "$NODE_NEEDED" ]; then
  echo "tests/e2e: Node.js $NODE_NEEDED or later is needed (found: ${NODE_FOUND:-none})." >&2
  exit 1
fi

# Debian's Chromium, never a downloaded browser build.
if [ ! -x /usr/bin/chromium ]; then
  if ! command -v apt-get >/dev/null; then
    echo "tests/e2e: /usr/bin/chromium is missing and apt-get is not available to install it; install Debian's chromium package." >&2
    exit 1
  fi
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# The campaign report's chart draws text with DejaVu Sans (a fresh Debian has no fonts), and the bot will not start
# without the time zone data its DistrictTimeZone (America/Denver by default) is read from (a minimal image lacks it).
if { [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || [ ! -f /usr/share/zoneinfo/America/Denver ]; } \
    && command -v apt-get >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-dejavu-core tzdata >/dev/null
fi

npm ci --no-audit --no-fund --loglevel=error

# Build the bot once, outside the working tree (no race with other builds over src/*/obj).
if [ -z "${E2E_BOT_COMMAND:-}" ] && [ -z "${E2E_BOT_DLL:-}" ]; then
  # One build folder per clone (named by a hash of its path), so two clones on a machine never overwrite each other's.
  export E2E_BOT_BUILD_DIR="${E2E_BOT_BUILD_DIR:-${TMPDIR:-/tmp}/policybot-e2e-build-$(printf '%s' "$REPO_ROOT" | md5sum | cut -c1-8)}"
  echo "Building src/PolicyBot into $E2E_BOT_BUILD_DIR ..."
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet build "$REPO_ROOT/src/PolicyBot/PolicyBot.csproj" \
    -c Release -nologo -v q --artifacts-path "$E2E_BOT_BUILD_DIR"
  export E2E_BOT_DLL="$E2E_BOT_BUILD_DIR/bin/PolicyBot/release/PolicyBot.dll"
fi

rm -rf artifacts && mkdir -p artifacts
# TAP on stdout (it ends with the runner's summary); the readable spec report goes to artifacts/.
exec node --test --test-concurrency=1 \
  --test-reporter=tap --test-reporter-destination=stdout \
  --test-reporter=spec --test-reporter-destination=artifacts/report.txt \
  test/*.test.js
