#!/usr/bin/env bash
# The bash completion of hairline: commands, each command's options, the
# values of --format and --stage, and design files, asked of the built
# program as a user's shell would.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

# shellcheck source=/dev/null
source "$HL_SOURCE_DIR/data/hairline.bash-completion"
bindir=$(dirname "$HAIRLINE")
export PATH="$bindir:$PATH"
status=0

# complete WORD... : COMPREPLY for the last word, one per line, sorted.
complete_words () {
  COMP_WORDS=(hairline "$@")
  COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
  COMPREPLY=()
  _hairline
  printf '%s\n' "${COMPREPLY[@]}" | sort
}

expect () {
  local what=$1 got=$2 want=$3
  if [ "$got" = "$want" ]; then
    echo "ok: $what"
  else
    echo "FAIL: $what: got [$got], want [$want]" >&2
    status=1
  fi
}

expect_has () {
  local what=$1 got=$2 word=$3
  if grep -qxF -- "$word" <<<"$got"; then
    echo "ok: $what offers $word"
  else
    echo "FAIL: $what does not offer $word (got: $(echo $got))" >&2
    status=1
  fi
}

# Every command the program lists, and only those starting with the word.
all=$(complete_words "")
for c in validate stats dots render report; do
  expect_has "commands" "$all" "$c"
done
expect "commands starting with r" "$(complete_words r)" "$(printf 'render\nreport')"
expect "options before a command" "$(complete_words --v)" "--version"

got=$(complete_words dots --)
for o in --output --format --view --follow-symlinks --help --version; do
  expect_has "dots --" "$got" "$o"
done
expect "validate --j" "$(complete_words validate --j)" "--json"
expect "--format" "$(complete_words dots d.json --format "")" "$(printf 'csv\njson')"
expect "--stage h" "$(complete_words render --stage h)" "healed"

# Designs: .hairline and .json files and folders, not photos.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/sub"
touch "$dir/a.hairline" "$dir/b.json" "$dir/c.png"
expect "designs" "$(cd "$dir" && complete_words stats "")" "$(printf 'a.hairline\nb.json\nsub')"
# -o takes any file name.
expect "-o" "$(cd "$dir" && complete_words render a.hairline -o c)" "c.png"

exit $status
