#!/usr/bin/env bash
# po/POTFILES.in is in step with the sources: every file it names exists,
# every source file that marks a string for translation is named, and
# xgettext extracts a catalogue from them (into a folder of its own, not
# po/) that holds the marked strings of the C code, the .ui files, the
# desktop file, the metainfo and the schema.
#
# Exit 77 (skipped) without xgettext.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

command -v xgettext >/dev/null || { echo "no xgettext: skipped"; exit 77; }
cd "$HL_SOURCE_DIR"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

status=0
grep -v '^#' po/POTFILES.in | sed '/^$/d' > "$dir/listed"
while read -r f; do
  [ -f "$f" ] || { echo "po/POTFILES.in names a missing file: $f" >&2; status=1; }
done < "$dir/listed"

# Files that mark strings: gettext calls in C, translatable="yes" in .ui.
{ grep -rlE '\b(N_|_|ngettext|C_|NC_)\(' --include='*.c' src || true
  grep -rl 'translatable="yes"' --include='*.ui' ui || true; } | sort > "$dir/marking"
while read -r f; do
  grep -qxF "$f" "$dir/listed" || { echo "$f marks strings but is not in po/POTFILES.in" >&2; status=1; }
done < "$dir/marking"

# The options of meson's glib preset.
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
  --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
  --files-from="$dir/listed" --output="$dir/hairline-studio.pot" --package-name=hairline-studio

for msgid in "Preferences" "Millimetres (mm)" "Restore Unsaved Work?" "Hairline Studio" \
             "Design scalp micropigmentation hairlines" "Unit of lengths"; do
  grep -qxF "msgid \"$msgid\"" "$dir/hairline-studio.pot" ||
    { echo "the catalogue lacks \"$msgid\"" >&2; status=1; }
done
grep -q '^msgid_plural' "$dir/hairline-studio.pot" || { echo "no plural forms extracted" >&2; status=1; }
echo "$(grep -c '^msgid "' "$dir/hairline-studio.pot") strings from $(wc -l < "$dir/listed") files"
exit $status
