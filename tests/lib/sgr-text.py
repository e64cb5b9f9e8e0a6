#!/usr/bin/env python3
"""sgr-text.py FG: read one screen line as tmux capture-pane -e writes it
(text and SGR escape sequences) and print the text drawn in foreground
colour FG (0-255), the runs joined by '|'; nothing when none is."""
import re
import sys


def main():
    want = int(sys.argv[1])
    line = sys.stdin.read().rstrip("\n")
    fg = None
    runs, cur = [], ""
    pos = 0
    for m in re.finditer(r"\x1b\[([0-9;:]*)m", line):
        text = line[pos:m.start()]
        pos = m.end()
        if fg == want:
            cur += text
        elif cur:
            runs.append(cur)
            cur = ""
        ps = [int(p) if p else 0 for p in re.split("[;:]", m.group(1))]
        i = 0
        while i < len(ps):
            p = ps[i]
            if p == 0 or p == 39:
                fg = None
            elif 30 <= p <= 37:
                fg = p - 30
            elif 90 <= p <= 97:
                fg = p - 90 + 8
            elif p in (38, 48) and i + 2 < len(ps) and ps[i + 1] == 5:
                if p == 38:
                    fg = ps[i + 2]
                i += 2
            i += 1
        if fg != want and cur:
            runs.append(cur)
            cur = ""
    if fg == want:
        cur += line[pos:]
    if cur:
        runs.append(cur)
    print("|".join(r for r in runs if r.strip() != ""))


main()
