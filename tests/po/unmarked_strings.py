#!/usr/bin/env python3
"""Fails when a user-visible string literal in the checked directories is not marked for
translation. xgettext -a extracts every literal, xgettext with our keywords the marked ones;
an occurrence (file:line, text) in the first and not in the second must be one of the
reviewed kinds of text no participant reads (below), or carry a `// NOT-UI: why` comment, or
be listed in po/not_user_visible.txt.
usage: unmarked_strings.py SOURCE_DIR DIRS_FILE [FILE...]   (FILEs: extra sources, for tests)
"""
import re
import subprocess
import sys
import tempfile

KEYWORDS = ["--keyword=_", "--keyword=N_", "--keyword=TranslatePlural:1,2", "--keyword=Plural:1,2", "--keyword=ngettext:1,2"]


def extract(files, cwd, extra_args):
    """msgid -> set of 'file:line' and the msgids that carry a NOT-UI comment, per location."""
    with tempfile.NamedTemporaryFile(suffix=".pot") as out:
        subprocess.run(["xgettext", "--language=C++", "--from-code=UTF-8", "--no-wrap",
                        "--add-comments=NOT-UI:", "--force-po", "-o", out.name] + extra_args + files,
                       cwd=cwd, check=True, stderr=subprocess.DEVNULL)
        text = open(out.name, encoding="utf-8").read()
    entries = {}
    for block in text.split("\n\n"):
        locs, comment, msgid, plural, cur = [], False, None, None, None
        for line in block.splitlines():
            if line.startswith("#:"):
                locs += line[2:].split()
            elif line.startswith("#.") and "NOT-UI:" in line:
                comment = True
            elif line.startswith("msgid "):
                msgid, cur = eval(line[6:]), "id"
            elif line.startswith("msgid_plural "):
                plural, cur = eval(line[13:]), "pl"
            elif line.startswith('"') and cur == "id":
                msgid += eval(line)
            elif line.startswith('"') and cur == "pl":
                plural += eval(line)
            elif line.startswith("msgstr"):
                cur = None
        if msgid:
            for loc in locs:
                entries.setdefault(msgid, {})[loc] = comment
            if plural:
                for loc in locs:
                    entries.setdefault(plural, {})[loc] = comment
    return entries


def plurals_of(files, cwd):
    """The msgid_plural texts of the marked plurals: xgettext places them on the singular's
    line, so they are matched by text, not by line."""
    with tempfile.NamedTemporaryFile(suffix=".pot") as out:
        subprocess.run(["xgettext", "--language=C++", "--from-code=UTF-8", "--no-wrap", "--force-po",
                        "-o", out.name] + KEYWORDS + files, cwd=cwd, check=True, stderr=subprocess.DEVNULL)
        return {eval(line[13:]) for line in open(out.name, encoding="utf-8") if line.startswith("msgid_plural ")}


# Kinds of literal nobody reads as words: each rule says why.
RULES = [
    # no letters once format directives, command options and the program's name are left
    # out: format-only strings, separators, symbols ("%d / %d", "graphony: %s: %s\n")
    (lambda s: not re.search(r"[^\W\d_]", re.sub(r"%[-+ #0-9.]*l?[a-zA-Z]|--[a-z][a-z-]*|\bgraphony(-cli)?\b|\\n", "", s)),
     "no words"),
    # keyboard shortcuts ("Ctrl+Shift+S", "F9")
    (lambda s: re.fullmatch(r"((Ctrl|Shift|Alt)\+)*([A-Z0-9]|F[0-9]+|[-+=])", s), "shortcut"),
    # an ImGui ID, or a label whose visible part has no letters ("##play", "+##add", "%s##row%d")
    (lambda s: "##" in s and not re.search(r"[^\W\d_]", re.sub(r"%[-+ #0-9.]*[a-z]", "", s.split("##")[0])),
     "ImGui ID"),
    # file extensions and globs (".png", "*.graphony")
    (lambda s: re.fullmatch(r"\*?\.[A-Za-z0-9]+", s), "file extension"),
    # lower-case identifiers, keys and paths without spaces: JSON keys, IDs, env vars in
    # lower case, command options, file names ("tempo", "layer.3", "--language", "a/b.json")
    (lambda s: re.fullmatch(r"[a-z0-9_.:/\-+%=,\[\]{}<>]+", s), "identifier or key"),
    # absolute paths ("/usr/share/fonts/...") and camelCase function names ("glGenFramebuffers")
    (lambda s: re.fullmatch(r"/[^ ]*|[a-z]+[A-Z][A-Za-z0-9]*", s), "path or function name"),
    # upper-case environment variables and constants ("GRAPHONY_LOCALEDIR", "LANG")
    (lambda s: re.fullmatch(r"[A-Z0-9_]+", s), "environment variable"),
    # key=value lines of the debug status file, logs and benchmarks ("bench: frames=%d ...")
    (lambda s: re.search(r"\b[a-z][a-z0-9_]*=[%\"{]?", s) and not re.search(r"[A-Z][a-z]+ [a-z]+ ", s),
     "status/log keys"),
    # a format string whose only words are format directives and units ("%d Hz", "%.0f ms")
    (lambda s: re.fullmatch(r"([%][-+ #0-9.]*[a-z]|[^\w]|Hz|kHz|ms|s|dB|px|BPM|MB|kB|x)*", s.replace(" ", "")),
     "format with units"),
]


def visible(s):
    return not any(rule(s) for rule, _ in RULES)


def main():
    src, dirs_file, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    files = subprocess.run(["bash", f"{src}/tools/po_sources.sh", dirs_file], cwd=src, check=True,
                           capture_output=True, text=True).stdout.split() + extra
    allowed = set()
    with open(f"{src}/po/not_user_visible.txt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("# "):
                allowed.add(line.encode().decode("unicode_escape").encode("latin-1").decode("utf-8"))
    every = extract(files, src, ["-a"])
    marked = extract(files, src, KEYWORDS)
    marked_plurals = plurals_of(files, src)
    bad = []
    for msgid, locs in every.items():
        for loc, not_ui in locs.items():
            if loc in marked.get(msgid, {}) or msgid in marked_plurals or not_ui or msgid in allowed or not visible(msgid):
                continue
            bad.append(f"{loc}: unmarked user-visible string {msgid!r}")
    for line in sorted(bad):
        print(line)
    n_marked = sum(len(v) for v in marked.values())
    print(f"{len(bad)} unmarked user-visible strings; {n_marked} marked occurrences in {len(files)} files")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
