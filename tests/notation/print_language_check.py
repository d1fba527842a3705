#!/usr/bin/env python3
"""Checks that a printed PDF is in one language: pdftotext holds the translated legend
heading, the "Scale and range" heading, the credits line and the page footer, each the
msgstr that po/print/LANG.po gives (English: the msgid), filled as the print fills it; and
pdffonts lists the Noto faces for that script, embedded.
usage: print_language_check.py SOURCE_DIR LANG PDF
exit 0 when all is there, 1 (naming what is missing) otherwise."""
import re
import subprocess
import sys
import unicodedata

# The messages the check looks for, and what each placeholder is filled with in the demo.
MESSAGES = {
    "Legend: who plays which colour": {},
    "Scale and range": {},
    "Music by {names}": None,  # the names differ by language: the words around them are checked
    "page {number}": {"number": "1"},
}
# The embedded faces each language must show in pdffonts (PostScript name prefixes).
FONTS = {
    "en": ["NotoSans-"],
    "pl": ["NotoSans-"],
    "zh_CN": ["NotoSansCJK"],
    "ar": ["NotoSansArabic"],
}


def po_messages(path):
    """msgid -> msgstr (singular messages) of a .po file, skipping fuzzy entries."""
    text = open(path, encoding="utf-8").read()
    out = {}
    for block in text.split("\n\n"):
        if "#, fuzzy" in block:
            continue
        msgid = msgstr = None
        cur = None
        for line in block.splitlines():
            if line.startswith("msgid "):
                msgid, cur = eval(line[6:]), "id"
            elif line.startswith("msgstr "):
                msgstr, cur = eval(line[7:]), "str"
            elif line.startswith('"') and cur == "id":
                msgid += eval(line)
            elif line.startswith('"') and cur == "str":
                msgstr += eval(line)
            else:
                cur = None
        if msgid and msgstr:
            out[msgid] = msgstr
    return out


def squash(text):
    """Compares the words as read, not as laid out: Arabic presentation forms back to letters
    (NFKC); no white space (pdftotext spaces CJK and Arabic letters and wraps lines), bidi
    marks, vowel marks or punctuation (the bidi algorithm moves a colon next to a Latin name
    to the other side of it). poppler writes the lam-alef ligature (U+0644 + an alef) as
    alef + lam: both sides are put in that order."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if not c.isspace() and unicodedata.category(c)[0] not in "CMP")
    return re.sub("\u0644([\u0622\u0623\u0625\u0627])", "\\1\u0644", text)


def main():
    src, lang, pdf = sys.argv[1:4]
    translations = {} if lang == "en" else po_messages(f"{src}/po/print/{lang}.po")
    text = squash(subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True,
                                 text=True).stdout)
    problems = []
    for msgid, values in MESSAGES.items():
        msgstr = msgid if lang == "en" else translations.get(msgid)
        if msgstr is None:
            problems.append(f"po/print/{lang}.po has no translation of {msgid!r}")
            continue
        if lang != "en" and msgstr == msgid:
            problems.append(f"po/print/{lang}.po leaves {msgid!r} in English")
        pieces = [msgstr]
        if values is None:  # the words around the placeholder, each on its own
            pieces = [p for p in re.split(r"\{[a-z]+\}", msgstr) if p.strip()]
        else:
            for key, value in values.items():
                pieces = [p.replace("{" + key + "}", value) for p in pieces]
        for piece in pieces:
            # Right-to-left lines may come out in either order: accept the reversed form too.
            if squash(piece) not in text and squash(piece)[::-1] not in text:
                problems.append(f"{pdf}: pdftotext does not show {piece!r} ({msgid!r})")
    fonts = subprocess.run(["pdffonts", pdf], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    for prefix in FONTS[lang]:
        # A row: NAME TYPE... EMB SUB UNI OBJECT ID; EMB is the fourth column from the end.
        embedded = [r[0] for r in rows if prefix in r[0] and len(r) >= 5 and r[-5] == "yes"]
        if not embedded:
            problems.append(f"{pdf}: pdffonts lists no embedded {prefix}* font:\n{fonts}")
    for p in problems:
        print("FAIL:", p)
    if not problems:
        print(f"{lang}: translated text and embedded {', '.join(FONTS[lang])} fonts found")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
