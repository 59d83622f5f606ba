#!/usr/bin/env bash
# Runs a command (a GUI test) on an X server and a session bus of its own.
#
# Each GUI test gets a private Xvfb: no other test's windows, focus or
# pointer, and no server reset between two of its own clients (-noreset:
# a script that quits the application and starts it again would otherwise
# race the reset of a shared server). Xvfb picks a free display itself
# (-displayfd, which tells the number once the server accepts clients), so
# no two servers race for one number, also beside other X servers of the
# machine. The wait for it is generous: a loaded machine can take seconds.
#
# The screen is 1280 × 800 unless HL_SCREEN says otherwise (WxHxDEPTH).
#
# Without Xvfb the command runs as it is (GUI tests then skip).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

if ! command -v Xvfb >/dev/null; then
  exec "$@"
fi

dir=$(mktemp -d)
xvfb=""
cleanup () {
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP

Xvfb -displayfd 3 -screen 0 "${HL_SCREEN:-1280x800x24}" -nolisten tcp -noreset \
  3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
for _ in $(seq 1 1200); do
  [ -s "$dir/display" ] && break
  kill -0 "$xvfb" 2>/dev/null || break
  sleep 0.05
done
if ! [ -s "$dir/display" ]; then
  echo "with-display: Xvfb did not start within 60 s:" >&2
  cat "$dir/xvfb.log" >&2
  exit 1
fi
DISPLAY=:$(head -n 1 "$dir/display")
export DISPLAY

if command -v dbus-run-session >/dev/null; then
  dbus-run-session -- "$@"
else
  "$@"
fi
