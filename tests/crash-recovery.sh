#!/usr/bin/env bash
# Unsaved work survives a crash: the real application under X, driven by
# xdotool, draws a hairline, waits for its recovery copy, is killed with
# SIGKILL; the next start offers the work back, Enter restores it into the
# design's own file (unsaved), Ctrl+S saves it there and Ctrl+Q quits
# leaving no recovery copy behind.
#
# Exit 77 (skipped) without a display or xdotool.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

app="$HL_BUILD_DIR/src/app/hairline-studio"
[ -n "${DISPLAY:-}" ] || { echo "no display: skipped"; exit 77; }
command -v xdotool >/dev/null || { echo "no xdotool: skipped"; exit 77; }

dir=$(mktemp -d)
pid=""
# On failure, what the application printed says why.
trap 'status=$?; kill -9 "$pid" 2>/dev/null || true
      [ "$status" -eq 0 ] || tail -n 40 "$dir"/app*.log >&2 2>/dev/null || true
      rm -rf "$dir"' EXIT
export XDG_DATA_HOME="$dir/data"
recovery="$XDG_DATA_HOME/hairline-studio/recovery"
cp "$HL_SAMPLES_DIR/astronaut.png" "$dir/"
sha=$(sha256sum "$dir/astronaut.png" | cut -d' ' -f1)
cat > "$dir/client.json" <<JSON
{"format": "hairline-studio-design", "version": 2, "engine_version": 1, "seed": 7,
 "views": [{"name": "front",
            "photo": {"path": "astronaut.png", "sha256": "$sha", "width": 512, "height": 512}}]}
JSON
cp "$dir/client.json" "$dir/before.json"

# The visible windows of process $1 other than its main windows (named
# "DESIGN — Hairline Studio", or "Hairline Studio" while empty): the
# question it asks.
dialogs () {
  local w
  for w in $(xdotool search --onlyvisible --pid "$1" --name '.' 2>/dev/null || true); do
    case "$(xdotool getwindowname "$w" 2>/dev/null)" in
      *"Hairline Studio") ;;
      *) echo "$w" ;;
    esac
  done
}

wait_window () {
  local w=""
  for _ in $(seq 1 600); do   # up to 60 s on a loaded machine
    w=$(xdotool search --onlyvisible --pid "$1" --name 'Hairline Studio$' 2>/dev/null | head -1 || true)
    [ -n "$w" ] && { echo "$w"; return 0; }
    sleep 0.1
  done
  echo "the window did not appear" >&2
  return 1
}

# 1. Edit, wait for the recovery copy, crash.
(cd "$dir" && exec "$app" client.json 2> "$dir/app1.log") &
pid=$!
win=$(wait_window "$pid")
sleep 1.5
xdotool key --window "$win" h; sleep 0.4
for p in "265 178" "275 130" "338 112" "400 130" "410 178"; do
  xdotool mousemove $p click 1; sleep 0.3
done
xdotool key --window "$win" Return
sleep 3.5
ls "$recovery"/*.json >/dev/null 2>&1 || { echo "no recovery copy after 3.5 s of quiet"; exit 1; }
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
cmp -s "$dir/client.json" "$dir/before.json" || { echo "the design file changed without a save"; exit 1; }

# 2. The next start offers it; Enter restores it.
(cd "$dir" && exec "$app" 2> "$dir/app2.log") &
pid=$!
win=$(wait_window "$pid")
sleep 1.5
asked=$(dialogs "$pid")
[ -n "$asked" ] || { echo "the next start did not offer the unsaved work"; exit 1; }
for w in $asked; do
  xdotool key --window "$w" Return
done
sleep 2
win=$(wait_window "$pid")
xdotool key --window "$win" ctrl+s
for _ in $(seq 1 50); do
  grep -q '"hairline"' "$dir/client.json" && break
  sleep 0.1
done
sleep 1
xdotool key --window "$win" ctrl+q 2>/dev/null || true
for _ in $(seq 1 50); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
  echo "the restored design did not save, or Ctrl+Q did not quit"
  cat "$dir/app2.log" >&2
  exit 1
fi
wait "$pid" || { echo "the application failed"; cat "$dir/app2.log" >&2; exit 1; }

"$HAIRLINE" validate "$dir/client.json"
python3 - "$dir/client.json" <<'PY'
import json, sys
view = json.load(open(sys.argv[1]))["views"][0]
if len(view.get("hairline", [])) != 5:
    sys.exit("crash-recovery: the restored hairline is not in the saved file")
print("crash-recovery: the hairline drawn before the kill was restored and saved")
PY
left=$(ls -A "$recovery" 2>/dev/null | wc -l)
[ "$left" -eq 0 ] || { echo "recovery copies left behind: $(ls "$recovery")"; exit 1; }
