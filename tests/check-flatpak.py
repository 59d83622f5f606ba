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

# Patches: Debian's security fixes to cJSON (build-aux/flatpak/). Each
# file exists, names its origin and CVE, is a well-formed unified diff
# (every hunk's line counts add up), and comes after its module's archive.
# When the release archive is at hand (HL_CJSON_ARCHIVE, or
# flatpak-builder's download cache in the source tree), they are applied
# to it in order with patch -p1, as flatpak-builder does.
MANIFEST_DIR = os.path.dirname(MANIFEST)
HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def diff_problems(text):
    """What is wrong with unified diff @text (empty when nothing), and
    the files it changes."""
    lines = text.split("\n")
    files, i, hunks = [], 0, 0
    while i < len(lines):
        if lines[i].startswith("--- ") and i + 1 < len(lines) and lines[i + 1].startswith("+++ "):
            files.append(lines[i + 1][4:].split("\t")[0].split("/", 1)[-1])
            i += 2
            while i < len(lines) and lines[i].startswith("@@"):
                m = HUNK.match(lines[i])
                if not m:
                    return ["malformed hunk header: " + lines[i]], files
                old = int(m.group(2) or 1)
                new = int(m.group(4) or 1)
                i += 1
                while old > 0 or new > 0:
                    if i >= len(lines):
                        return ["a hunk ends early in " + files[-1]], files
                    line = lines[i]
                    if line.startswith("\\"):
                        i += 1
                        continue
                    tag = line[:1] if line else " "
                    if tag == " ":
                        old, new = old - 1, new - 1
                    elif tag == "-":
                        old -= 1
                    elif tag == "+":
                        new -= 1
                    else:
                        return ["unexpected line in a hunk of %s: %r" % (files[-1], line)], files
                    i += 1
                if old < 0 or new < 0:
                    return ["a hunk's line counts do not add up in " + files[-1]], files
                hunks += 1
            continue
        i += 1
    if not files or not hunks:
        return ["no unified diff"], files
    return [], files


def find_archive(source):
    """The module's release archive on this machine, or None."""
    env = os.environ.get("HL_CJSON_ARCHIVE")
    if env and os.path.isfile(env):
        return env
    cache = os.path.join(SOURCE, ".flatpak-builder", "downloads", source.get("sha256", "-"))
    if os.path.isdir(cache):
        for name in os.listdir(cache):
            return os.path.join(cache, name)
    return None


for module in modules:
    sources = module.get("sources", [])
    patches = [s for s in sources if s.get("type") == "patch"]
    if not patches:
        continue
    archives = [s for s in sources if s.get("type") == "archive"]
    first_patch = next(i for i, s in enumerate(sources) if s.get("type") == "patch")
    check(archives and sources.index(archives[0]) < first_patch,
          "%s: the patches follow the archive they apply to" % module["name"])
    for source in patches:
        rel = source.get("path", "")
        path = os.path.join(MANIFEST_DIR, rel)
        check(rel.startswith("flatpak/") and os.path.isfile(path),
              "%s: patch %s exists under build-aux/flatpak/" % (module["name"], rel), path)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        header = text.split("\n--- ", 1)[0]
        check(re.search(r"CVE-\d{4}-\d{4,}", header) and "Debian" in header
              and "sources.debian.org" in header,
              "%s: patch %s names its Debian origin and CVE" % (module["name"], rel))
        problems, files = diff_problems(text)
        check(not problems, "%s: patch %s is a well-formed unified diff" % (module["name"], rel),
              "; ".join(problems))
        check(any(f in ("cJSON.c", "cJSON_Utils.c") for f in files),
              "%s: patch %s changes cJSON's sources" % (module["name"], rel), files)

    archive = find_archive(archives[0]) if archives else None
    if archive is None:
        print("# %s: no release archive at hand (HL_CJSON_ARCHIVE); patches not applied" % module["name"])
        continue
    import hashlib
    import tarfile
    import tempfile
    with open(archive, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    check(digest == archives[0].get("sha256"), "%s: the archive at hand is the pinned one" % module["name"],
          digest)
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(archive) as tar:
            top = os.path.commonpath(tar.getnames())
            tar.extractall(tmp)
        tree = os.path.join(tmp, top)
        for source in patches:
            path = os.path.join(MANIFEST_DIR, source.get("path", ""))
            with open(path, "rb") as f:
                run = subprocess.run(["patch", "-p1", "--batch", "--forward"], cwd=tree, stdin=f,
                                     capture_output=True, text=True)
            check(run.returncode == 0, "%s: patch %s applies to the release archive"
                  % (module["name"], source.get("path")), run.stdout[-400:] + run.stderr[-400:])

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
