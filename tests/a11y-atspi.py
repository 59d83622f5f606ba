#!/usr/bin/python3
# A screen reader's walk of the application, on the AT-SPI tree (what
# Orca reads), not on GTK's side of it: the running program under its own
# X server and session bus, its accessibility bus started as a desktop
# starts it. The main window with a design and a zone chosen, each tool's
# options, the Preferences window and the export dialog: every control
# (buttons, toggles, menu buttons, spin buttons, colour buttons, combo
# boxes, entries, check boxes, switches, sliders) has a name; no name
# shows a mnemonic underline ("_Open") or a doubled label ("Open Open");
# no name is a GTK class name ("GtkMenuButton").
#
# Usage: a11y-atspi.py APP DESIGN   (exit 77: skipped without pyatspi,
# a display or xdotool)
#
# SPDX-License-Identifier: GPL-3.0-or-later
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

APP, DESIGN = sys.argv[1], sys.argv[2]
APP_ID = 'org.hairlinestudio.HairlineStudio'

CONTROLS = {
    'push button', 'toggle button', 'check box', 'radio button', 'spin button',
    'combo box', 'text', 'entry', 'password text', 'slider', 'switch', 'menu button',
}
MNEMONIC = re.compile(r'(^|[\s(])_[^\s_]')
CLASS_NAME = re.compile(r'^(Gtk|Adw|Hl)[A-Z]\w*$')

problems = []
seen = 0


def role_name(node):
    try:
        return node.getRoleName()
    except Exception:
        return ''


def check_tree(node, where, path=()):
    """Every control under @node is named, without a mnemonic leak."""
    global seen
    try:
        name = node.name or ''
        role = role_name(node)
        count = node.childCount
    except Exception:
        return
    here = path + ('%s %r' % (role, name),)
    if role in CONTROLS:
        seen += 1
        words = name.split()
        if not name.strip():
            problems.append((where, 'a %s without a name (in %s)' % (role, ' > '.join(here[-4:-1]))))
        elif MNEMONIC.search(name):
            problems.append((where, '%s %r shows its mnemonic' % (role, name)))
        elif CLASS_NAME.match(name):
            problems.append((where, '%s named by its class, %r (in %s)' % (role, name, ' > '.join(here[-4:-1]))))
        elif len(words) >= 2 and len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
            problems.append((where, '%s %r says its label twice' % (role, name)))
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            check_tree(child, where, here)


def find_app(desktop, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        for i in range(desktop.childCount):
            a = desktop.getChildAtIndex(i)
            if a is not None and a.name == 'hairline-studio':
                return a
        time.sleep(0.2)
    return None


def frames(app):
    return [app.getChildAtIndex(i) for i in range(app.childCount)
            if app.getChildAtIndex(i) is not None]


def wait_for(predicate, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    return None


def find(node, role, name=None):
    """The first node of @role (and @name) under @node, depth first."""
    try:
        if role_name(node) == role and (name is None or node.name == name):
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


def activate_app_action(action):
    subprocess.run(['gdbus', 'call', '--session', '--dest', APP_ID, '--object-path',
                    '/' + APP_ID.replace('.', '/'), '--method',
                    'org.freedesktop.Application.ActivateAction', action, '[]', '{}'],
                   check=True, stdout=subprocess.DEVNULL)


def key(window_title, keys):
    win = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', window_title],
                         capture_output=True, text=True).stdout.split()
    if win:
        subprocess.run(['xdotool', 'key', '--window', win[0]] + keys, check=False)
    time.sleep(0.8)


def session(part):
    """Starts the application and walks @part of it: 'main' (the window,
    each tool's options, the zone panel with a zone chosen, Preferences)
    or 'export' (the export dialog). A dialog is walked in a process of its
    own: after one dialog was closed, the next did not reliably reach the
    tree under Xvfb without a window manager."""
    workdir = tempfile.mkdtemp()
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(workdir, 'data'))
    # The real accessibility backend: not the test one, not silenced.
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    proc = subprocess.Popen([APP, DESIGN], env=env, stderr=subprocess.DEVNULL)
    try:
        desktop = pyatspi.Registry.getDesktop(0)
        app = find_app(desktop)
        if app is None:
            problems.append((part, 'the application did not appear on the AT-SPI bus'))
            return
        main_frame = wait_for(lambda: next((f for f in frames(app) if 'Hairline Studio' in (f.name or '')), None))
        if main_frame is None:
            problems.append((part, 'no main window on the AT-SPI bus'))
            return
        time.sleep(2)
        title = main_frame.name
        print('# %s: main window %r' % (part, title))

        if part == 'main':
            # A zone chosen: its parameters (spin buttons, shades) show.
            zones = wait_for(lambda: find(main_frame, 'list', 'Zones'))
            if zones is None:
                problems.append(('main window', 'no list named Zones'))
            else:
                zones.querySelection().selectChild(0)
                time.sleep(1)
            check_tree(main_frame, 'main window')

            # Each tool's options bar: the landmark and zone kinds, the ruler's.
            for tool_key in ['r', 'l', 'h', 'z', 'b', 'e', 'i', 'v']:
                key(title, [tool_key])
                check_tree(main_frame, 'tool %s' % tool_key)

            activate_app_action('preferences')
            prefs = wait_for(lambda: next((f for f in frames(app) if f.name == 'Preferences'), None))
            if prefs is None:
                problems.append(('preferences', 'no Preferences window'))
            else:
                check_tree(prefs, 'preferences')
        else:
            key(title, ['ctrl+e'])
            export = wait_for(lambda: next((f for f in frames(app)
                                            if f is not None and f.name and f.name != title), None), timeout=15)
            if export is None:
                problems.append(('export dialog', 'no export dialog after Ctrl+E'))
            else:
                print('# export dialog: %r' % export.name)
                check_tree(export, 'export dialog')
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    session('main')
    session('export')
    print('# %d controls read' % seen)
    first = {}
    for where, what in problems:
        first.setdefault(what, where)
    for what, where in first.items():
        print('FAIL: %s (first seen: %s)' % (what, where))
    if seen < 40:
        print('FAIL: only %d controls on the tree' % seen)
        return 1
    if problems:
        return 1
    print('ok: every control has a name, none shows a mnemonic or a class name')
    return 0


if __name__ == '__main__':
    sys.exit(main())
