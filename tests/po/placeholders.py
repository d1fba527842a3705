#!/usr/bin/env python3
"""Fails when a translation breaks a named placeholder: i18n::Fill fills "{names}" and the like
after translation, and msgfmt does not check them. Each msgstr must keep every {placeholder}
of its msgid and add none (a plural form may leave out {count}: "one participant"). A
planted broken translation is checked first, so the check is known to catch one.
usage: placeholders.py SOURCE_DIR"""
import glob
import re
import sys

PLACEHOLDER = re.compile(r"(?<!\{)\{[a-z_]+\}(?!\})")


def entries(text):
    """(msgid, msgid_plural or None, [msgstr forms]) of each non-header entry."""
    for block in text.split("\n\n"):
        fields, cur = {}, None
        for line in block.splitlines():
            m = re.match(r"(msgid|msgid_plural|msgstr(?:\[\d+\])?) (\".*\")$", line)
            if m:
                cur = m.group(1)
                fields[cur] = eval(m.group(2))
            elif line.startswith('"') and cur:
                fields[cur] += eval(line)
            elif not line.startswith('"'):
                cur = None
        if not fields.get("msgid"):
            continue
        forms = [v for k, v in sorted(fields.items()) if k.startswith("msgstr")]
        yield fields["msgid"], fields.get("msgid_plural"), forms


def problems(name, text):
    out = []
    for msgid, plural, forms in entries(text):
        wanted = set(PLACEHOLDER.findall(msgid)) | set(PLACEHOLDER.findall(plural or ""))
        for form in forms:
            if not form:
                continue  # untranslated: po_complete reports it
            have = set(PLACEHOLDER.findall(form))
            missing = wanted - have - ({"{count}"} if plural else set())
            extra = have - wanted
            if missing or extra:
                out.append(f"{name}: {msgid!r} -> {form!r}: "
                           f"missing {sorted(missing)}, unknown {sorted(extra)}")
    return out


def main():
    planted = 'msgid "Music by {names}"\nmsgstr "Muzyka: {nmaes}"\n'
    if not problems("planted", planted):
        print("FAIL: a planted broken placeholder was not caught")
        return 1
    found, count = [], 0
    for path in sorted(glob.glob(f"{sys.argv[1]}/po/*.po") + glob.glob(f"{sys.argv[1]}/po/*/*.po")):
        text = open(path, encoding="utf-8").read()
        count += sum(1 for _ in entries(text))
        found += problems(path, text)
    for p in found:
        print("FAIL:", p)
    print(f"{len(found)} broken placeholders in {count} messages")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
