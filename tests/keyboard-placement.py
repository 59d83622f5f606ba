#!/usr/bin/python3
# Calibration, a landmark and a hairline placed with the keyboard alone:
# the real application under X, driven by xdotool key presses only (the
# pointer stays off the window). With a tool that places points, the
# arrows move a keyboard cursor (Shift: ten times further) and Enter places
# there; the canvas's accessible description, read on the AT-SPI tree as a
# screen reader reads it, says where the cursor is. The saved design is
# then read back.
#
# The photo (512 px) fills the canvas's height and sits at its middle: the
# cursor starts at the canvas's middle, image point (256, 256); a step is
# 2 screen px, 20 with Shift, and the photo shows at 656 / 512 screen px
# per image px.
#
# Arguments: the application, the sample photo. Exit 77 (skipped) without
# a display, xdotool or python3-pyatspi.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
except ImportError:
    print('no pyatspi (python3-pyatspi): skipped')
    sys.exit(77)
if not os.environ.get('DISPLAY') or not shutil.which('xdotool'):
    print('no display or xdotool: skipped')
    sys.exit(77)

APP, PHOTO = sys.argv[1], sys.argv[2]
CURSOR = re.compile(r'keyboard cursor at (-?\d+), (-?\d+) px')
failures = []


def check(ok, what):
    print('%s: %s' % ('ok' if ok else 'FAILED', what))
    if not ok:
        failures.append(what)


def wait_for(predicate, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    return None


def find(node, role, name=None):
    try:
        if node.getRoleName() == role and (name is None or node.name == name):
            return node
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                hit = find(child, role, name)
                if hit is not None:
                    return hit
    except Exception:
        pass
    return None


def find_app(desktop):
    for i in range(desktop.childCount):
        a = desktop.getChildAtIndex(i)
        if a is not None and a.name == 'hairline-studio':
            return a
    return None


workdir = tempfile.mkdtemp()
shutil.copy(PHOTO, workdir)
with open(PHOTO, 'rb') as f:
    sha = hashlib.sha256(f.read()).hexdigest()
design = os.path.join(workdir, 'client.json')
with open(design, 'w') as f:
    json.dump({'format': 'hairline-studio-design', 'version': 2, 'engine_version': 1, 'seed': 7,
               'views': [{'name': 'front',
                          'photo': {'path': 'astronaut.png', 'sha256': sha, 'width': 512, 'height': 512}}]}, f)

env = dict(os.environ, XDG_DATA_HOME=os.path.join(workdir, 'data'))
env.pop('GTK_A11Y', None)
env.pop('NO_AT_BRIDGE', None)
# The pointer off the window: the keyboard alone.
subprocess.run(['xdotool', 'mousemove', '1275', '795'], check=False)
proc = subprocess.Popen([APP, 'client.json'], cwd=workdir, env=env, stderr=subprocess.DEVNULL)
try:
    app = wait_for(lambda: find_app(pyatspi.Registry.getDesktop(0)))
    check(app is not None, 'the application is on the AT-SPI bus')
    if app is None:
        sys.exit(1)
    canvas = wait_for(lambda: find(app, 'image', 'Design canvas'))
    check(canvas is not None, 'the canvas is on the AT-SPI tree')
    win = wait_for(lambda: subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(proc.pid),
                                           '--name', 'client.json'],
                                          capture_output=True, text=True).stdout.split())
    check(bool(win), 'the window is on screen')
    if canvas is None or not win:
        sys.exit(1)
    win = win[0]
    time.sleep(1.5)

    def key(*keys):
        subprocess.run(['xdotool', 'key', '--window', win] + list(keys), check=False)
        time.sleep(0.4)

    def said():
        return canvas.description or ''

    def cursor_said():
        m = wait_for(lambda: CURSOR.search(said()), timeout=5)
        return (int(m.group(1)), int(m.group(2))) if m else None

    def near(a, b, tolerance=3):
        return a is not None and abs(a[0] - b[0]) <= tolerance and abs(a[1] - b[1]) <= tolerance

    scale = 656 / 512          # screen px per image px
    small, big = 2 / scale, 20 / scale

    # 1. The glabella (the landmark tool's first): the first arrow shows
    # the cursor at the canvas's middle; two big steps up; Enter.
    key('l')
    key('Right')
    at = cursor_said()
    print('# said: %s' % said())
    check(near(at, (256, 256)), 'the cursor shows at the canvas middle (%s)' % (at,))
    key('shift+Up', 'shift+Up')
    glabella = (256, 256 - 2 * big)
    at = cursor_said()
    check(near(at, glabella), 'two big steps up: %s' % (at,))
    key('Return')

    # 2. The ruler across 3 big steps to the right (Enter, arrows, Enter),
    # its length typed: 63 mm.
    key('r')
    key('Left')
    start = (glabella[0] - small, glabella[1])
    key('Return')
    check('measuring' in said(), 'Enter starts the ruler at the cursor')
    key('shift+Right', 'shift+Right', 'shift+Right')
    key('Return')
    time.sleep(0.6)
    key('ctrl+a')
    subprocess.run(['xdotool', 'type', '--window', win, '63'], check=False)
    key('Return')

    # 3. A hairline of three points, each placed by Enter; Enter without
    # moving finishes it.
    key('h')
    key('shift+Down')
    p1 = (start[0] + 3 * big, start[1] + big)
    key('Return')
    key('shift+Left', 'shift+Left')
    key('Return')
    key('shift+Left', 'shift+Left')
    key('Return')
    at = cursor_said()
    check(near(at, (p1[0] - 4 * big, p1[1])), 'the cursor where the last point went: %s' % (at,))
    key('Return')

    key('ctrl+s')
    wait_for(lambda: '"hairline"' in open(design).read(), timeout=10)
    time.sleep(1)
    key('ctrl+q')
    proc.wait(timeout=30)
finally:
    if proc.poll() is None:
        proc.kill()
        proc.wait()

saved = json.load(open(design))
view = saved['views'][0]
g = view.get('landmarks', {}).get('glabella')
print('# glabella %s, calibration %s' % (g, view.get('calibration')))
check(g is not None and near((g['x'], g['y']) if isinstance(g, dict) else tuple(g), glabella),
      'the glabella where Enter placed it')
cal = view.get('calibration', {})
check(cal.get('source') == 'ruler' and cal.get('reference', {}).get('length_mm') == 63,
      'calibrated with the ruler, 63 mm typed')
expected = 63 / (3 * big)
check(abs(cal.get('mm_per_px', 0) - expected) < 0.05 * expected,
      '%.3f mm/px, the ruler 3 big steps long (%.3f)' % (cal.get('mm_per_px', 0), expected))
hairline = view.get('hairline', [])
check(len(hairline) == 3, 'a hairline of three points (%d)' % len(hairline))
if len(hairline) == 3:
    xs = [p[0] if isinstance(p, list) else p['x'] for p in hairline]
    check(abs(xs[0] - p1[0]) <= 3 and abs(xs[1] - xs[0] + 2 * big) <= 3 and abs(xs[2] - xs[1] + 2 * big) <= 3,
          'its points two big steps apart: %s' % xs)
shutil.rmtree(workdir, ignore_errors=True)
sys.exit(1 if failures else 0)
