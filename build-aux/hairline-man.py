#!/usr/bin/env python3
# Writes the hairline(1) manual page from the program's own --help, so the
# page lists every command and option the built program has.
#
# Usage: hairline-man.py HAIRLINE VERSION OUTPUT
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys


def help_text(program, *args):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    return subprocess.run([program, *args, '--help'], env=env, check=True,
                          capture_output=True, text=True).stdout


def roff(text):
    """Text as roff: backslashes, hyphens of options and leading dots escaped."""
    text = text.replace('\\', '\\e').replace('-', '\\-')
    text = re.sub(r'^([.\'])', r'\\&\1', text, flags=re.M)
    return ascii_only(text)


def ascii_only(text):
    """Characters beyond ASCII as groff's \\[uXXXX] escapes."""
    return ''.join(c if ord(c) < 128 else '\\[u%04X]' % ord(c) for c in text)


def commands(main_help):
    listed, inside = [], False
    for line in main_help.splitlines():
        if line.startswith('Commands:'):
            inside = True
            continue
        if inside:
            if not line.startswith('  '):
                break
            name, summary = line.strip().split(None, 1)
            listed.append((name, summary.strip()))
    return listed


def parse_command(text):
    """Usage line, description paragraph and (option, description) pairs."""
    lines = text.splitlines()
    usage = lines[1].strip() if len(lines) > 1 else ''
    description, options, section = [], [], None
    for line in lines[2:]:
        if line.endswith('Options:') and not line.startswith(' '):
            section = line
            continue
        if section is None:
            description.append(line)
        elif section.startswith('Application') and line.startswith('  '):
            m = re.match(r'\s+(\S.*?)(?:\s{2,}(.*))?$', line)
            if m:
                options.append((m.group(1), m.group(2) or ''))
    return usage, '\n'.join(description).strip(), options


def main():
    program, version, output = sys.argv[1:4]
    main_help = help_text(program)
    out = []
    out.append('.TH HAIRLINE 1 "" "Hairline Studio %s" "User Commands"' % version)
    out.append('.nh')
    out.append('.SH NAME')
    out.append('hairline \\- check, measure and export scalp micropigmentation designs')
    out.append('.SH SYNOPSIS')
    out.append('.B hairline')
    out.append('.I COMMAND')
    out.append('[\\fIOPTION\\fR\u2026] [\\fIARGUMENT\\fR\u2026]')
    out.append('.br')
    out.append('.B hairline')
    out.append('\\-\\-help | \\-\\-version')
    out.append('.SH DESCRIPTION')
    out.append('Hairline Studio without its window: validate design files, print '
               'their areas, densities and dot counts, write the dots of a view '
               'as CSV or JSON, render PNG mockups and write the consultation '
               'sheet (PDF). A design is the JSON file Hairline Studio saves '
               '(\\fI.hairline\\fR or \\fI.json\\fR).')
    out.append('.PP')
    out.append('A DESIGN argument of \\fB\\-\\fR reads the design from standard '
               'input; its photo paths are then relative to the current folder. '
               'An output of \\fB\\-o \\-\\fR writes to standard output '
               '(\\fBdots\\fR, \\fBrender\\fR, \\fBreport\\fR). Every command '
               'takes \\fB\\-\\-help\\fR and \\fB\\-\\-version\\fR.')
    out.append('.SH COMMANDS')
    for name, summary in commands(main_help):
        usage, description, options = parse_command(help_text(program, name))
        out.append('.SS "%s"' % roff(usage))
        out.append(roff(description).replace('\n\n', '\n.PP\n'))
        for option, text in options:
            out.append('.TP')
            out.append('\\fB%s\\fR' % roff(option))
            out.append(roff(text))
    out.append('.SH "EXIT STATUS"')
    out.append('.TP\n0\nSuccess.\n.TP\n1\nBad input: a design that breaks a rule '
               '(the message names the file and the JSON path), a photo that '
               'cannot be read, an output that cannot be written.\n.TP\n2\n'
               'Usage error: an unknown command or option, a missing argument.')
    out.append('.SH EXAMPLES')
    out.append('.nf')
    out.append('hairline validate \\-\\-json design.hairline')
    out.append('hairline dots design.hairline \\-o \\- | head')
    out.append('hairline render design.hairline \\-\\-stage healed \\-o mockup.png')
    out.append('cat design.json | hairline stats \\-')
    out.append('.fi')
    out.append('.SH "SEE ALSO"')
    out.append('.BR hairline\\-studio (1)')
    with open(output, 'w', encoding='utf-8') as f:
        f.write(ascii_only('\n'.join(out)) + '\n')


if __name__ == '__main__':
    main()
