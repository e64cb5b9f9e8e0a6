#!/usr/bin/env python3
"""The manual pages, completions and example files against the code.

tests/dump-tables prints the code's own tables (config options, actions,
contexts, key names, default bindings, colour elements, colours and
attributes); `tidings --help` prints the command-line option table. Each
table must match its section of doc/tidings.1 or doc/tidings-config.5 both
ways: everything in the code documented, nothing documented that the code
lacks. The same goes for the completions and contrib/config.example, and
every shipped config file must load without error.
"""
import os
import re
import shlex
import subprocess
import sys

TOP = os.environ.get("TOP_SRCDIR", os.path.join(os.path.dirname(__file__),
                                                "..", ".."))
TIDINGS = os.environ.get("TIDINGS", "tidings")
DUMP = os.path.join(os.path.dirname(TIDINGS), "tests", "dump-tables")

results = []


def check(name, problems):
    """One TAP line; problems is a list of strings (empty: ok)."""
    results.append((name, problems))


def both_ways(name, code, doc):
    code, doc = set(code), set(doc)
    problems = ["in the code, not documented: %s" % x
                for x in sorted(code - doc)]
    problems += ["documented, not in the code: %s" % x
                 for x in sorted(doc - code)]
    check(name, problems)


ESCAPES = [("\\(em", "\u2014"), ("\\(aq", "'"), ("\\(dq", '"'),
           ("\\(:a", "\u00e4"), ("\\-", "-"), ("\\&", ""), ("\\e", "\\")]


def unroff_text(s):
    s = re.sub(r"\\f[BIRP]", "", s)
    for a, b in ESCAPES:
        s = s.replace(a, b)
    return s


def unroff(line):
    """A roff line as the reader sees its text."""
    m = re.match(r"^\.(B|I|BR|RB|BI|IB|IR|RI)\s+(.*)$", line)
    if m:
        try:
            args = shlex.split(m.group(2).replace("\\", "\\\\"))
        except ValueError:
            args = m.group(2).split()
        sep = " " if len(m.group(1)) == 1 else ""
        return unroff_text(sep.join(args))
    return unroff_text(line)


def sections(path):
    """{(level, name): [(tags, body lines)]} for the .TP/.TQ entries, and
    {(level, name): [text lines]} for everything."""
    entries, text = {}, {}
    cur = None
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        ln = lines[i]
        m = re.match(r'^\.(SH|SS)\s+"?(.*?)"?\s*$', ln)
        if m:
            cur = (m.group(1), unroff_text(m.group(2)))
            entries.setdefault(cur, [])
            text.setdefault(cur, [])
        elif cur is not None and ln in (".TP", ".TQ") and i + 1 < len(lines):
            tag = unroff(lines[i + 1])
            if ln == ".TQ" and entries[cur]:
                entries[cur][-1][0].append(tag)
            else:
                entries[cur].append(([tag], []))
            text[cur].append(tag)
            i += 1
        elif cur is not None and not ln.startswith('.\\"'):
            t = unroff(ln) if not re.match(r"^\.[A-Za-z]{1,2}$", ln) else ""
            text[cur].append(t)
            if entries[cur] and not ln.startswith((".SH", ".SS")):
                entries[cur][-1][1].append(t)
        i += 1
    return entries, text


def tags(entries, key):
    return [t.split()[0] for tl, _ in entries.get(key, []) for t in tl]


def run(argv):
    return subprocess.run(argv, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True)


def main():
    dump = run([DUMP])
    if dump.returncode != 0:
        print("1..1\nnot ok 1 - dump-tables runs\n# " + dump.stderr)
        return 1
    rows = [ln.split("\t") for ln in dump.stdout.splitlines()]
    table = {}
    for r in rows:
        table.setdefault(r[0], []).append(r[1:])

    env = dict(os.environ, LC_ALL="C", LANGUAGE="")
    helptext = subprocess.run([TIDINGS, "--help"], stdout=subprocess.PIPE,
                              universal_newlines=True, env=env).stdout
    cli = [m.group(1) for m in
           (re.match(r"^\s+((?:-\w, )?--[a-z-]+(?:=\S+)?)", ln)
            for ln in helptext.splitlines()) if m]
    longs = [m for c in cli for m in re.findall(r"--[a-z-]+", c)]
    shorts = [m for c in cli for m in re.findall(r"(?<![-\w])-[A-Za-z]\b", c)]

    man1 = os.path.join(TOP, "doc", "tidings.1")
    man5 = os.path.join(TOP, "doc", "tidings-config.5")
    e1, t1 = sections(man1)
    e5, t5 = sections(man5)

    # tidings(1)
    both_ways("tidings(1) OPTIONS match --help (names and arguments)",
              cli, [t for tl, _ in e1.get(("SH", "OPTIONS"), [])
                    for t in tl])
    keys_code = {}
    for key, action, _ctx in table.get("bind", []):
        keys_code.setdefault(action, set()).add(key)
    keys_doc, bad = {}, []
    for tl, _ in e1.get(("SH", "KEYS"), []):
        for t in tl:
            if "\u2014" not in t:
                bad.append("entry without ' \\(em action': " + t)
                continue
            k, a = t.split("\u2014", 1)
            keys_doc[a.strip()] = set(x.strip() for x in k.split(","))
    both_ways("tidings(1) KEYS: every default binding, as the code has it",
              ["%s: %s" % (a, " ".join(sorted(k)))
               for a, k in keys_code.items()],
              ["%s: %s" % (a, " ".join(sorted(k)))
               for a, k in keys_doc.items()])
    if bad:
        check("tidings(1) KEYS entries well formed", bad)
    statuses = re.findall(r"#define\s+EXIT_\w+\s+(\d+)",
                          open(os.path.join(TOP, "src", "main-modes.h"))
                          .read())
    both_ways("tidings(1) EXIT STATUS matches main-modes.h", statuses,
              tags(e1, ("SH", "EXIT STATUS")))
    env_code = set()
    for dirpath, _dirs, files in os.walk(os.path.join(TOP, "src")):
        for f in files:
            if f.endswith(".c"):
                src = open(os.path.join(dirpath, f), encoding="utf-8",
                           errors="replace").read()
                env_code.update(re.findall(r'getenv\("([A-Za-z_]+)"\)', src))
    env_doc = set()
    for tl, _ in e1.get(("SH", "ENVIRONMENT"), []):
        for t in tl:
            env_doc.update(re.findall(r"[A-Za-z_]+", t))
    check("tidings(1) ENVIRONMENT names every variable src/ reads",
          ["getenv(%s) not documented" % v
           for v in sorted(env_code - env_doc)])
    files_doc = " ".join(tags(e1, ("SH", "FILES")))
    check("tidings(1) FILES names the XDG paths of conf-paths.c",
          ["missing: " + p for p in ("$XDG_CONFIG_HOME/tidings/config",
                                     "$XDG_CONFIG_HOME/tidings/urls",
                                     "$XDG_DATA_HOME/tidings/cache.db")
           if p not in files_doc])

    version = subprocess.run([TIDINGS, "--version"], stdout=subprocess.PIPE,
                             universal_newlines=True).stdout.split("\n")[0]
    for page in (man1, man5):
        th = [unroff(ln) for ln in open(page, encoding="utf-8")
              if ln.startswith(".TH ")]
        check("%s names the version (%s)" % (os.path.basename(page),
                                             version),
              [] if th and ('"%s"' % version) in th[0] else
              ["not in .TH: " + (th[0] if th else "no .TH")])

    # tidings-config(5)
    opt_doc, bad = {}, []
    for tl, body in e5.get(("SH", "OPTIONS"), []):
        m = re.match(r"^(\S+) (\S+) \(default: (.*)\)$", tl[0])
        if not m:
            bad.append("entry not 'name type (default: X)': " + tl[0])
            continue
        # A default with blanks is quoted, as the config file needs it.
        d = m.group(3)
        if len(d) >= 2 and d[0] == d[-1] == '"':
            d = d[1:-1]
        opt_doc[m.group(1)] = (m.group(2), d,
                               " ".join(body))
    both_ways("tidings-config(5) OPTIONS: every option, with its type and "
              "default",
              ["%s %s %s" % (o[0], o[1], o[2]) for o in table["option"]],
              ["%s %s %s" % (n, v[0], v[1]) for n, v in opt_doc.items()])
    for name, choice in table.get("choice", []):
        if name in opt_doc and choice not in opt_doc[name][2].replace(
                ",", " ").split():
            bad.append("choice %s of %s not documented" % (choice, name))
    check("tidings-config(5) OPTIONS entries well formed, choices listed",
          bad)
    for what, sec in (("action", "ACTIONS"), ("context", "CONTEXTS"),
                      ("keyname", "KEY NAMES"), ("element", "ELEMENTS"),
                      ("colour", "COLOUR NAMES"),
                      ("attr", "ATTRIBUTES")):
        both_ways("tidings-config(5) %s match the code's %s table" %
                  (sec, what), [r[0] for r in table.get(what, [])],
                  tags(e5, ("SS", sec)))
    binds = [" ".join(ln.split()[1:])
             for ln in t5.get(("SS", "DEFAULT BINDINGS"), [])
             if ln.startswith("bind-key ")]
    both_ways("tidings-config(5) DEFAULT BINDINGS match the code's",
              [" ".join(r) for r in table.get("bind", [])], binds)

    # The pages render without warnings.
    for page in (man1, man5):
        r = run(["groff", "-man", "-Tutf8", "-ww", "-z", page]) \
            if os.path.exists("/usr/bin/groff") else None
        if r is not None:
            check("%s renders without groff warnings" %
                  os.path.basename(page),
                  [ln for ln in r.stderr.splitlines() if ln])

    # contrib/: completions, the example config, themes.
    contrib = os.path.join(TOP, "contrib")
    for comp in ("completion/bash/tidings", "completion/zsh/_tidings"):
        p = os.path.join(contrib, comp)
        if not os.path.exists(p):
            check("contrib/%s exists" % comp, ["missing"])
            continue
        # The shell's own commands' flags are not tidings options.
        src = re.sub(r"\b(compgen|compopt|complete|_arguments|local)"
                     r"( -\w+)*", "", open(p).read())
        words = set(re.findall(r"(?<![\w-])--?[A-Za-z][\w-]*", src))
        both_ways("contrib/%s offers every option of --help" % comp,
                  longs + shorts, words)
    example = os.path.join(contrib, "config.example")
    if os.path.exists(example):
        lines = [ln.strip() for ln in open(example, encoding="utf-8")]
        doc = {}
        for ln in lines:
            m = re.match(r'^#\s?([a-z][a-z-]*) ("[^"]*"|\S+)$', ln)
            if m and m.group(1) not in ("bind-key", "unbind-key", "color"):
                v = m.group(2)
                doc[m.group(1)] = v[1:-1] if v.startswith('"') else v
        both_ways("contrib/config.example: every option with its default",
                  ["%s %s" % (o[0], o[2]) for o in table["option"]],
                  ["%s %s" % kv for kv in doc.items()])
        known = set(o[0] for o in table["option"]) | {
            "bind-key", "unbind-key", "color", "feed-fulltext"}
        uncommented = "\n".join(
            ln[2:] if ln.startswith("# ") and ln[2:].split(" ")[0] in known
            else ln for ln in lines)
        tmp = os.path.join(os.environ.get("TMPDIR", "/tmp"),
                           "man-sync-%d.conf" % os.getpid())
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(uncommented + "\n")
        r = run([DUMP, "check", tmp])
        os.unlink(tmp)
        check("contrib/config.example loads with every line uncommented",
              r.stderr.splitlines() if r.returncode else [])
    else:
        check("contrib/config.example exists", ["missing"])
    themes = os.path.join(contrib, "themes")
    names = sorted(os.listdir(themes)) if os.path.isdir(themes) else []
    if len(names) < 2:
        check("contrib/themes/ has two themes", ["found %d" % len(names)])
    for n in names:
        p = os.path.join(themes, n)
        r = run([DUMP, "check", p])
        ncolor = sum(1 for ln in open(p) if ln.startswith("color "))
        check("contrib/themes/%s loads, colours every element" % n,
              (r.stderr.splitlines() if r.returncode else []) +
              (["%d color lines for %d elements" %
                (ncolor, len(table["element"]))]
               if ncolor < len(table["element"]) else []))

    print("1..%d" % len(results))
    failed = 0
    for i, (name, problems) in enumerate(results, 1):
        if problems:
            failed += 1
            print("not ok %d - %s" % (i, name))
            for p in problems:
                print("# " + p)
        else:
            print("ok %d - %s" % (i, name))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
