#!/usr/bin/env bash
# The window opened on a design at the edge of the dot budget (two zones
# needing about 8 million candidates together) stays responsive: Ctrl+Q
# quits promptly while the design is still being stippled, and again once
# it is shown. Prints the times; fails only past a generous 5 s.
#
# Exit 77 (skipped) without a display or xdotool.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

app="$HL_BUILD_DIR/src/app/hairline-studio"
[ -n "${DISPLAY:-}" ] || { echo "no display: skipped"; exit 77; }
command -v xdotool >/dev/null || { echo "no xdotool: skipped"; exit 77; }

dir=$(mktemp -d)
# A data folder of its own: no recovery copies of other runs to offer.
export XDG_DATA_HOME="$dir/data"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT

zone () {
  local x0=$1 x1=$(($1 + 5200))
  printf '{"name": "Z%s", "kind": "custom", "density": 400, "boundary": [[%s, 0], [%s, 0], [%s, 5200], [%s, 5200]]}' \
    "$1" "$x0" "$x1" "$x1" "$x0"
}
printf '{"format": "hairline-studio-design", "version": 2, "engine_version": 1, "seed": 1, "views": [{"name": "v", "zones": [%s, %s]}]}\n' \
  "$(zone 0)" "$(zone 3000)" > "$dir/edge.json"
"$HAIRLINE" validate "$dir/edge.json"

export XDG_DATA_HOME="$dir/data"

now () { date +%s%N; }

# $1: seconds to wait after the window appears before pressing Ctrl+Q.
quit_after () {
  local win="" t0 t1
  "$app" "$dir/edge.json" 2> "$dir/app.log" &
  pid=$!
  for _ in $(seq 1 1200); do   # up to 60 s on a loaded machine
    win=$(xdotool search --onlyvisible --pid "$pid" --name 'Hairline Studio$' 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.05
  done
  [ -n "$win" ] || { echo "the window did not appear"; cat "$dir/app.log"; exit 1; }
  sleep "$1"
  t0=$(now)
  # The key release may reach a window already gone.
  xdotool key --window "$win" ctrl+q 2>/dev/null || true
  for _ in $(seq 1 500); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  t1=$(now)
  if kill -0 "$pid" 2>/dev/null; then
    echo "Ctrl+Q $1 s after the window appeared: still running after 5 s"
    exit 1
  fi
  wait "$pid" || { echo "exit status $?"; cat "$dir/app.log"; exit 1; }
  pid=""
  echo "Ctrl+Q $1 s after the window appeared: quit in $(( (t1 - t0) / 1000000 )) ms"
}

quit_after 0.3    # still stippling on the worker
quit_after 8      # shown
