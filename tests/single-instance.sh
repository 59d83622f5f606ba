#!/usr/bin/env bash
# One process per session: a second launch on another design opens it in a
# new window of the running application and ends; a launch on a design
# that is already open (by another path: a link) brings its window
# forward instead of opening it twice; the freedesktop Application
# interface opens files too; and the session bus starts the application
# through its D-Bus service file (DBusActivatable) when it is not running.
#
# Runs on its own X server and session bus (with-display.sh). Exit 77
# (skipped) without a display, xdotool or gdbus.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

app="$HL_BUILD_DIR/src/app/hairline-studio"
id=org.hairlinestudio.HairlineStudio
object=/org/hairlinestudio/HairlineStudio
[ -n "${DISPLAY:-}" ] || { echo "no display: skipped"; exit 77; }
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || { echo "no session bus: skipped"; exit 77; }
command -v xdotool >/dev/null || { echo "no xdotool: skipped"; exit 77; }
command -v gdbus >/dev/null || { echo "no gdbus: skipped"; exit 77; }

dir=$(mktemp -d)
pid=""
cleanup () {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
export XDG_DATA_HOME="$dir/data"
cp "$HL_SAMPLES_DIR/head-chart-consultation.json" "$dir/alpha.json"
cp "$HL_SAMPLES_DIR/head-chart-consultation.json" "$dir/beta.json"
cp "$HL_SAMPLES_DIR/head-chart-consultation.json" "$dir/gamma.json"
cp "$HL_SAMPLES_DIR/head-chart-consultation.json" "$dir/delta.json"
ln -s alpha.json "$dir/alpha-link.json"

# names: the titles of the application's visible windows, one a line.
names () {
  local w
  for w in $(xdotool search --onlyvisible --pid "$pid" --name '' 2>/dev/null); do
    xdotool getwindowname "$w" 2>/dev/null || true
  done
}
# windows NAME: how many visible windows of the application have a title
# starting with NAME (the same count twice in a row: windows that come or
# go while xdotool looks are not miscounted).
windows () {
  local a b
  b=$(names | grep -c "^$1" || true)
  while a=$b; sleep 0.2; b=$(names | grep -c "^$1" || true); [ "$a" != "$b" ]; do :; done
  echo "$a"
}
# wait_windows NAME N: until N windows show NAME (60 s at most).
wait_windows () {
  for _ in $(seq 1 600); do
    [ "$(windows "$1")" -eq "$2" ] && return 0
    sleep 0.1
  done
  echo "FAIL: $(windows "$1") windows show $1, not $2; the windows:" >&2
  names >&2
  cat "$dir/app.log" >&2
  exit 1
}
# launch FILE: a second start, which must hand FILE over and end.
launch () {
  local status=0
  (cd "$dir" && timeout 60 "$app" "$1" 2>> "$dir/second.log") || status=$?
  [ "$status" -eq 0 ] || { echo "FAIL: the second launch on $1 ended with $status" >&2; cat "$dir/second.log" >&2; exit 1; }
  echo "ok: the second launch on $1 ended (status 0)"
}
# processes: how many processes run this build's application.
processes () {
  pgrep -c -f -x -- "$app( .*)?" || true
}

(cd "$dir" && exec "$app" alpha.json 2> "$dir/app.log") &
pid=$!
wait_windows alpha 1
echo "ok: the first launch shows alpha"

launch beta.json
wait_windows beta 1
[ "$(windows alpha)" -eq 1 ] || { echo "FAIL: alpha's window is gone:" >&2; names >&2; exit 1; }
[ "$(processes)" -eq 1 ] || { echo "FAIL: $(processes) processes, not 1" >&2; exit 1; }
echo "ok: beta opened in a new window of the running process; one process"

# The same design again, by a link: no second window for it.
launch alpha-link.json
sleep 1
wait_windows alpha 1
[ "$(windows '.*Hairline Studio$')" -eq 2 ] ||
  { echo "FAIL: not 2 windows after opening alpha again:" >&2; names >&2; exit 1; }
echo "ok: alpha opened again keeps one window"

# What a D-Bus launcher calls.
gdbus call --session --dest "$id" --object-path "$object" \
  --method org.freedesktop.Application.Open "['file://$dir/gamma.json']" '{}' >/dev/null
wait_windows gamma 1
echo "ok: org.freedesktop.Application.Open opened gamma"

gdbus call --session --dest "$id" --object-path "$object" \
  --method org.freedesktop.Application.ActivateAction quit '[]' '{}' >/dev/null
for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "FAIL: app.quit did not end the process" >&2; exit 1; fi
wait "$pid" || { echo "FAIL: the application ended with an error" >&2; exit 1; }
pid=""
echo "ok: app.quit ended the one process"

# D-Bus activation: a bus of our own that knows the service file, the
# application not running; asking it to open a file starts it.
mkdir "$dir/services"
sed "s|@app_id@|$id|; s|@bindir@/hairline-studio|$app|" \
  "$HL_SOURCE_DIR/data/$id.service.in" > "$dir/services/$id.service"
cat > "$dir/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=$dir</listen>
  <servicedir>$dir/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
dbus-run-session --config-file="$dir/bus.conf" -- bash -c '
  set -eu
  gdbus call --session --dest "$1" --object-path "$2" \
    --method org.freedesktop.Application.Open "[\"file://$3/delta.json\"]" "{}" >/dev/null
  for _ in $(seq 1 600); do
    xdotool search --onlyvisible --name delta >/dev/null 2>&1 && break
    sleep 0.1
  done
  xdotool search --onlyvisible --name delta >/dev/null || { echo "FAIL: D-Bus activation showed no window" >&2; exit 1; }
  gdbus call --session --dest "$1" --object-path "$2" \
    --method org.freedesktop.Application.ActivateAction quit "[]" "{}" >/dev/null
  for _ in $(seq 1 300); do
    gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
      --method org.freedesktop.DBus.NameHasOwner "$1" | grep -q false && exit 0
    sleep 0.1
  done
  echo "FAIL: the activated application did not quit" >&2
  exit 1
' activate "$id" "$object" "$dir"
echo "ok: the session bus started the application from its service file and it opened delta"
