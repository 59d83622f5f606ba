#!/usr/bin/env python3
"""The Flatpak manifest is well-formed, grants only what the app needs, pins
every downloaded source, and builds a module for each dependency meson
finds that the GNOME runtime does not provide. Speaks TAP.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import json
import os
import re
import subprocess
import sys

SOURCE = os.environ["HL_SOURCE_DIR"]
BUILD = os.environ["HL_BUILD_DIR"]
APP_ID = "org.hairlinestudio.HairlineStudio"
MANIFEST = os.path.join(SOURCE, "build-aux", APP_ID + ".json")

# pkg-config names the GNOME 47 runtime (or its freedesktop base) provides.
RUNTIME = {"glib-2.0", "gobject-2.0", "gio-2.0", "gdk-pixbuf-2.0", "cairo", "libpng", "libjpeg",
           "gtk4", "libadwaita-1", "pangocairo", "pixman-1"}
# pkg-config name -> the manifest module that builds it.
MODULES = {"libcjson": "cjson"}
# All the sandbox may grant: a display, shared memory, the GPU. Files come
# through the portal, so no --filesystem; no network.
ALLOWED_FINISH_ARGS = {"--socket=wayland", "--socket=fallback-x11",
                       "--share=ipc", "--device=dri"}

results = []


def check(ok, name, detail=""):
    results.append((bool(ok), name, detail))


with open(MANIFEST, encoding="utf-8") as f:
    manifest = json.load(f)

check(manifest.get("app-id") == APP_ID, "app-id is " + APP_ID, manifest.get("app-id"))
check(manifest.get("runtime") == "org.gnome.Platform"
      and manifest.get("sdk") == "org.gnome.Sdk"
      and manifest.get("runtime-version") == "47",
      "GNOME 47 runtime and SDK")
check(manifest.get("command") == "hairline-studio", "command is the installed binary")

finish = manifest.get("finish-args", [])
check(set(finish) == ALLOWED_FINISH_ARGS,
      "finish-args are exactly wayland, fallback-x11, ipc and dri",
      " ".join(sorted(set(finish) ^ ALLOWED_FINISH_ARGS)))
check(not any(a.startswith("--filesystem") for a in finish), "no filesystem access")

modules = manifest.get("modules", [])
names = [m.get("name") for m in modules if isinstance(m, dict)]
check(len(names) == len(modules) and len(set(names)) == len(names), "modules are objects with unique names")
check(names and names[-1] == "hairline-studio"
      and modules[-1].get("buildsystem") == "meson",
      "the app is the last module, built with meson")

for module in modules:
    for source in module.get("sources", []):
        if source.get("type") in ("archive", "file"):
            url = source.get("url", "")
            check(url.startswith("https://"), "%s: source fetched over https" % module["name"], url)
            check(re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")),
                  "%s: source pinned by sha256" % module["name"])
            check(re.search(r"/v?\d+(\.\d+)+\.tar\.(gz|xz|bz2)$", url),
                  "%s: URL names a release, not a branch" % module["name"], url)
        elif source.get("type") == "git":
            check("commit" in source or "tag" in source,
                  "%s: git source pinned" % module["name"])

# What meson found when it configured this build.
out = subprocess.run(["meson", "introspect", BUILD, "--dependencies"],
                     check=True, capture_output=True, text=True).stdout
deps = {d["name"] for d in json.loads(out)}
check(deps, "meson reports its dependencies", out[:200])
for dep in sorted(deps - RUNTIME):
    module = MODULES.get(dep)
    check(module in names, "%s is built by a manifest module" % dep,
          "expected module %r in %s" % (module, names))
# And no module is left over for a dependency meson no longer has.
wanted = {MODULES[d] for d in deps if d in MODULES} | {"hairline-studio"}
for name in names:
    check(name in wanted, "module %s is needed by a meson dependency" % name)

print("1..%d" % len(results))
failed = 0
for i, (ok, name, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok:
        failed += 1
        if detail:
            print("# " + str(detail))
sys.exit(1 if failed else 0)
