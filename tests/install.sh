#!/usr/bin/env bash
# meson install into a --destdir: binaries, desktop file, metainfo, icons,
# GSettings schema, JSON schema, samples, translations, the design file
# type, its thumbnailer, the D-Bus service, manual pages and bash
# completion land where a packager expects them, and the installed copies
# still pass their validators.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

meson install -C "$HL_BUILD_DIR" --no-rebuild --destdir "$dir" >"$dir/install.log" 2>&1 ||
  { cat "$dir/install.log"; exit 1; }
prefix=$(meson introspect "$HL_BUILD_DIR" --buildoptions |
         python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"))')
root="$dir$prefix"
id=org.hairlinestudio.HairlineStudio

expected=(
  bin/hairline
  share/hairline-studio/hairline-design.schema.json
  share/hairline-studio/samples/front-consultation.json
  share/hairline-studio/samples/head-chart-consultation.json
  share/hairline-studio/samples/astronaut.png
  share/locale/fr/LC_MESSAGES/hairline-studio.mo
  share/man/man1/hairline.1
  share/bash-completion/completions/hairline
  "share/mime/packages/$id.xml"
  share/thumbnailers/hairline.thumbnailer
)
if [ "${HL_GUI:-true}" = true ]; then
  expected+=(
    bin/hairline-studio
    "share/applications/$id.desktop"
    "share/metainfo/$id.metainfo.xml"
    "share/glib-2.0/schemas/$id.gschema.xml"
    "share/glib-2.0/schemas/$id.enums.xml"
    "share/icons/hicolor/scalable/apps/$id.svg"
    "share/icons/hicolor/symbolic/apps/$id-symbolic.svg"
    share/man/man1/hairline-studio.1
    "share/dbus-1/services/$id.service"
  )
fi

status=0
for f in "${expected[@]}"; do
  if [ -s "$root/$f" ]; then
    echo "installed: $f"
  else
    echo "MISSING: $root/$f" >&2
    status=1
  fi
done
[ -x "$root/bin/hairline" ] || { echo "bin/hairline is not executable" >&2; status=1; }

# The design type: a glob, and valid for shared-mime-info.
grep -q '<glob pattern="\*.hairline"/>' "$root/share/mime/packages/$id.xml" ||
  { echo "the design type has no glob" >&2; status=1; }
if command -v update-mime-database >/dev/null; then
  cp -r "$root/share/mime" "$dir/mime-check"
  update-mime-database "$dir/mime-check" || status=1
  grep -q "application/x-hairline-design" "$dir/mime-check/globs2" ||
    { echo "update-mime-database did not take the design type" >&2; status=1; }
fi
grep -qx "Exec=$prefix/bin/hairline thumbnail --size %s %i %o" "$root/share/thumbnailers/hairline.thumbnailer" ||
  { echo "the thumbnailer does not run the installed hairline" >&2; status=1; }

# The installed copies, read back by their own tools.
"$root/bin/hairline" validate "$root/share/hairline-studio/samples/front-consultation.json" >/dev/null ||
  { echo "the installed sample does not validate" >&2; status=1; }
if [ "${HL_GUI:-true}" = true ]; then
  desktop-file-validate "$root/share/applications/$id.desktop" || status=1
  appstreamcli validate --no-net "$root/share/metainfo/$id.metainfo.xml" || status=1
  glib-compile-schemas --strict --dry-run "$root/share/glib-2.0/schemas" || status=1
  grep -q "<binary>hairline</binary>" "$root/share/metainfo/$id.metainfo.xml" ||
    { echo "metainfo does not provide the CLI" >&2; status=1; }
  grep -q "<mediatype>application/x-hairline-design</mediatype>" "$root/share/metainfo/$id.metainfo.xml" ||
    { echo "metainfo does not provide the design type" >&2; status=1; }
  # One process, started by the session bus: the launcher says so, and the
  # service starts the installed program under the application's name.
  grep -qx "DBusActivatable=true" "$root/share/applications/$id.desktop" ||
    { echo "the desktop file is not DBusActivatable" >&2; status=1; }
  grep -qx "Name=$id" "$root/share/dbus-1/services/$id.service" ||
    { echo "the D-Bus service has another name" >&2; status=1; }
  grep -qx "Exec=$prefix/bin/hairline-studio --gapplication-service" "$root/share/dbus-1/services/$id.service" ||
    { echo "the D-Bus service does not run the installed program" >&2; status=1; }
  # Its own type and photos, not every JSON file.
  mimes=$(sed -n 's/^MimeType=//p' "$root/share/applications/$id.desktop")
  case ";$mimes" in
    *";application/json;"*) echo "the launcher claims application/json" >&2; status=1 ;;
  esac
  case ";$mimes" in
    *";application/x-hairline-design;"*) ;;
    *) echo "the launcher does not claim application/x-hairline-design" >&2; status=1 ;;
  esac
fi
exit $status
