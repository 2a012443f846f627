#!/usr/bin/env bash
# Installs the Debian packages TurnKeeper needs to build, test and make its demo meeting:
#   libasound2-dev  ALSA headers and library (capture, chimes)
#   libsqlite3-dev  the system SQLite that GRDB links against
#   alsa-utils      arecord/aplay/aplay -L, used by tests and for checking devices by hand
#   espeak-ng, sox  speech synthesis and sound tools for the demo meeting and test fixtures
#   python3-numpy   the labelled-meeting synthesizer's arithmetic
#   strace          the confidentiality audit test (which files the program writes)
#   chromium        headless rendering of HTML reports to PNG (scripts/render-report, its test)
#   fonts-dejavu-core  a font with the report's symbols (✔ ✘ ·) for that rendering
#   tmux            a terminal for capturing the live view of `record` in tests
#   time            GNU time (/usr/bin/time -v): peak memory in the performance measurements
# Safe to run again; does nothing when everything is there. Needs root (or sudo).
set -euo pipefail
packages=(libasound2-dev libsqlite3-dev alsa-utils espeak-ng sox python3 python3-numpy pkg-config strace chromium
  fonts-dejavu-core tmux time)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
echo "install-deps: done"
