#!/usr/bin/python3
"""graphony-cli in the user's language, checked against the compiled catalogues (never a
hard-coded translation): `LANGUAGE=pl|zh_CN|ar graphony-cli --help` prints the translated
usage line and command summary; a bad score's error comes out in Polish, names the file, is
one line, exits 1; LANGUAGE=en, or nothing but LANG=C, gives English. The checks are shown to
fail on output that is not translated (catalogues hidden with GRAPHONY_LOCALEDIR). That every
translation keeps its {placeholders} is checked for all catalogues by tests/po/placeholders.py.
usage: cli_i18n_test.py GRAPHONY_CLI LOCALE_DIR"""
import gettext
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from cli_run import one_line, run_cli  # noqa: E402

CLI, LOCALE_DIR = sys.argv[1], Path(sys.argv[2])
USAGE = "usage: graphony-cli COMMAND [options]"
SUMMARY = "check score files (.graphony or score.json), one line per file"
EMPTY = "file is empty"
RANGE = "{name} must be between {low} and {high} {unit} (got {value})"


def catalogue(lang):
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / "graphony.mo"
    with open(mo, "rb") as f:
        return gettext.GNUTranslations(f)


def env_for(**values):
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(values)
    return env


def translated(cat, msgid):
    text = cat.gettext(msgid)
    if text == msgid:
        sys.exit(f"FAIL: the catalogue has no translation of {msgid!r}")
    return text


def help_problems(output, cat):
    """What is missing from --help output for the language of `cat` (empty: all there)."""
    return [t for t in (translated(cat, USAGE), translated(cat, SUMMARY)) if t not in output]


failed = False
for lang in ("pl", "zh_CN", "ar"):
    cat = catalogue(lang)
    out = run_cli(CLI, "--help", env=env_for(LANGUAGE=lang)).stdout
    missing = help_problems(out, cat)
    if missing:
        print(f"FAIL: LANGUAGE={lang} --help lacks {missing}\n{out}")
        failed = True
    else:
        print(f"ok: LANGUAGE={lang} --help says {translated(cat, USAGE)!r}")
    # The command's own --help too.
    full = run_cli(CLI, "validate", "--help", env=env_for(LANGUAGE=lang)).stdout
    first = translated(cat, "usage: graphony-cli validate FILE...\n\n"
                       "Checks each score: that it opens, its values are in range, its images decode.\n"
                       "Prints 'FILE: ok (...)' on stdout or one line naming the problem on stderr.\n"
                       "Exit status: 0 all valid, 1 any invalid, 2 usage error.\n\n"
                       "Pictures (PNG, JPEG) are decoded within one memory budget per score, 1024 MB unless\n"
                       "GRAPHONY_IMAGE_MEMORY_MB says otherwise; beyond it they are decoded at a smaller size,\n"
                       "and a score whose pictures do not fit even at 1/8 size is refused.\n")
    if full != first:
        print(f"FAIL: LANGUAGE={lang} validate --help is not the translated text:\n{full}")
        failed = True

# The checks can fail: with the catalogues out of reach the output is English, and is caught.
hidden = run_cli(CLI, "--help", env=env_for(LANGUAGE="pl", GRAPHONY_LOCALEDIR="/nonexistent")).stdout
if not help_problems(hidden, catalogue("pl")):
    print("FAIL: the Polish check passed on untranslated output")
    failed = True
else:
    print("ok: the Polish check fails on untranslated output")

# English when asked for, and when only LANG=C is set.
for env in (env_for(LANGUAGE="en"), env_for(LANG="C")):
    out = run_cli(CLI, "--help", env=env).stdout
    if USAGE not in out or SUMMARY not in out:
        print(f"FAIL: English --help expected with {env.get('LANGUAGE', 'LANG=C')}:\n{out}")
        failed = True
print("ok: English with LANGUAGE=en and with LANG=C")

pl = catalogue("pl")
with tempfile.TemporaryDirectory() as tmp:
    # An empty file: the engine's reading error, translated, still naming the file.
    empty = Path(tmp) / "pusty.graphony"
    empty.write_bytes(b"")
    r = run_cli(CLI, "validate", empty, expect=1, env=env_for(LANGUAGE="pl"))
    one_line(r.stderr, str(empty), translated(pl, EMPTY))
    # A value out of range: the validation message with its values filled in Polish order.
    bad = Path(tmp) / "tempo.json"
    bad.write_text('{"format_version": 2, "tempo_bpm": 900}')
    r = run_cli(CLI, "validate", bad, expect=1, env=env_for(LANGUAGE="pl"))
    want = translated(pl, RANGE)
    for key, value in (("name", "tempo"), ("low", "20"), ("high", "400"),
                       ("unit", translated(pl, "bpm")), ("value", "900")):
        want = want.replace("{" + key + "}", value)
    one_line(r.stderr, str(bad), want)
    # The same file in English.
    r = run_cli(CLI, "validate", bad, expect=1, env=env_for(LANG="C"))
    one_line(r.stderr, f"{bad}: tempo must be between 20 and 400 bpm (got 900)")
    # Usage errors (exit 2) are translated too.
    r = run_cli(CLI, "validate", "--nope", expect=2, env=env_for(LANGUAGE="pl"))
    one_line(r.stderr, translated(pl, "unknown option {option} (see --help)").replace("{option}", "--nope"))

if failed:
    sys.exit(1)
print("PASS: graphony-cli speaks Polish, Chinese and Arabic, and English when asked")
