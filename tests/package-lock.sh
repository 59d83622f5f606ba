#!/usr/bin/env bash
# build-aux/deps on a busy machine: while another process holds the package
# manager's lock, it waits and says so, then installs only what is missing;
# past its timeout it gives up with a message and installs nothing. Nothing
# is really installed: apt-get, sudo and dpkg-query are stand-ins that log
# what they are asked, and the lock is a file of our own held open by a
# background process.
#
# Exit 77 (skipped) without fuser.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

command -v fuser >/dev/null || { echo "no fuser: skipped"; exit 77; }

dir=$(mktemp -d)
holder=""
trap 'kill "$holder" 2>/dev/null || true; rm -rf "$dir"' EXIT

# shellcheck source=build-aux/deps
source "$HL_SOURCE_DIR/build-aux/deps"

export HL_PACKAGE_LOCKS="$dir/lock-frontend $dir/lists-lock"
export HL_LOCK_POLL=1
touch "$dir/lock-frontend" "$dir/lists-lock"

fail () {
  echo "FAIL: $*" >&2
  exit 1
}

# Stand-ins (called by build-aux/deps). Only "pngcheck" is missing; apt-get records its arguments
# and whether the lock holder was still running when it was called.
# shellcheck disable=SC2317
dpkg-query () {
  local pkg=${*: -1}
  if [ "$pkg" = pngcheck ]; then
    echo -n "unknown ok not-installed"
  else
    echo -n "install ok installed"
  fi
}
# shellcheck disable=SC2317
apt-get () {
  if [ -n "$holder" ] && kill -0 "$holder" 2>/dev/null; then
    echo "while-locked $*" >> "$dir/apt.log"
  else
    echo "$*" >> "$dir/apt.log"
  fi
}
# shellcheck disable=SC2317
sudo () { "$@"; }

hold_lock () {
  # The subshell keeps the file open for $1 seconds, as apt keeps its lock.
  ( exec 9>"$dir/lock-frontend"; sleep "$1" ) &
  holder=$!
  # Until fuser sees it, the test would race the holder's start.
  for _ in $(seq 50); do
    fuser -s "$dir/lock-frontend" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "the lock holder never showed up in fuser"
}

# 1. Only the missing package is asked for.
[ "$(hl_missing_packages)" = pngcheck ] || fail "missing packages: '$(hl_missing_packages)'"

# 2. A held lock: wait (with messages), then update and install.
hold_lock 6
start=$(date +%s)
out=$(HL_LOCK_TIMEOUT=60 hl_install_packages 2>&1) || fail "install failed: $out"
elapsed=$(( $(date +%s) - start ))
echo "$out"
grep -q "waiting for another package manager to finish" <<<"$out" || fail "no waiting message"
[ "$(grep -c waiting <<<"$out")" -ge 2 ] || fail "expected a message every second while waiting"
[ "$elapsed" -ge 4 ] || fail "returned after ${elapsed} s while the lock was held for 6 s"
grep -q while-locked "$dir/apt.log" && fail "apt-get ran while the lock was held: $(cat "$dir/apt.log")"
grep -q -- "-o DPkg::Lock::Timeout=60 update -q" "$dir/apt.log" || fail "no apt-get update: $(cat "$dir/apt.log")"
grep -qx -- "-o DPkg::Lock::Timeout=60 install -y -q --no-install-recommends pngcheck" "$dir/apt.log" ||
  fail "install line: $(cat "$dir/apt.log")"
wait "$holder" || true
holder=""

# 3. A lock held past the timeout: a message, a failure, no apt-get.
rm -f "$dir/apt.log"
hold_lock 30
if out=$(HL_LOCK_TIMEOUT=2 hl_install_packages 2>&1); then
  fail "succeeded while the lock was held past the timeout: $out"
fi
echo "$out"
grep -q "still holds" <<<"$out" || fail "no message on giving up"
[ ! -e "$dir/apt.log" ] || fail "apt-get ran: $(cat "$dir/apt.log")"
kill "$holder"
wait "$holder" 2>/dev/null || true
holder=""

# 4. Nothing missing: no waiting, no apt-get at all.
# shellcheck disable=SC2317
dpkg-query () { echo -n "install ok installed"; }
hold_lock 30
out=$(HL_LOCK_TIMEOUT=2 hl_install_packages 2>&1) || fail "failed with nothing to install: $out"
echo "$out"
grep -q "Debian packages present" <<<"$out" || fail "expected 'present': $out"
[ ! -e "$dir/apt.log" ] || fail "apt-get ran: $(cat "$dir/apt.log")"

echo "ok: waits for the lock, gives up after its timeout, installs only what is missing"
