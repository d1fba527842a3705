# House rule: editor text fields go through text::InputText, which shapes Arabic when idle.
"""Usage: editor_text_fields.py ROOT       check ROOT/editor (exit 1, one line per violation)
       editor_text_fields.py --self-test  plant a raw ImGui::InputText in a temp tree and make
                                         sure the check catches it (and passes a clean tree)

ImGui draws a field's text unshaped: an Arabic name shows reversed and unjoined unless
its shaped text is drawn over it right after the field. text::InputText (editor/text/rtl_layout.h)
does both; a raw ImGui::InputText* call outside editor/text/ is the one that forgot.
"""
import os
import re
import sys
import tempfile

RAW_FIELD_RE = re.compile(r"\bImGui::InputText(?:WithHint|Multiline)?\s*\(")
WRAPPED_FIELD_RE = re.compile(r"\btext::InputText\s*\(")
MIN_WRAPPED_FIELDS = 5  # fewer means the check is looking in the wrong place


def Check(root):
    editor = os.path.join(root, "editor")
    allowed = os.path.join(editor, "text") + os.sep
    problems, wrapped = [], 0
    for folder, _, files in os.walk(editor):
        for name in sorted(files):
            if not name.endswith((".cpp", ".h")):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                for number, line in enumerate(f, 1):
                    code = line.split("//", 1)[0]
                    wrapped += len(WRAPPED_FIELD_RE.findall(code))
                    if RAW_FIELD_RE.search(code) and not path.startswith(allowed):
                        problems.append(f"{os.path.relpath(path, root)}:{number}: raw ImGui text "
                                        "field; use text::InputText so Arabic shows joined")
    if wrapped < MIN_WRAPPED_FIELDS:
        problems.append(f"{editor}: only {wrapped} text::InputText calls found (want at least "
                        f"{MIN_WRAPPED_FIELDS}): is this the editor's source?")
    return problems


def SelfTest():
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "editor", "text"))
        view = os.path.join(root, "editor", "view.cpp")
        fields = "".join(f'  text::InputText("##f{i}", buf, 8);\n' for i in range(MIN_WRAPPED_FIELDS))
        with open(view, "w") as f:
            f.write(fields + '  // ImGui::InputText("##c", buf, 8); in a comment is fine\n')
        with open(os.path.join(root, "editor", "text", "rtl_layout.cpp"), "w") as f:
            f.write('  ImGui::InputText(id, buf, size, flags);\n')
        if Check(root):
            return "a clean tree was flagged: " + "; ".join(Check(root))
        with open(view, "a") as f:
            f.write('  ImGui::InputTextWithHint("##h", "hint", buf, 8);\n')
        if not any("view.cpp:" in p for p in Check(root)):
            return "a raw ImGui::InputTextWithHint in editor/view.cpp was not caught"
        os.remove(view)
        if not Check(root):
            return "a tree without wrapped fields passed"
    return None


def main():
    if sys.argv[1:] == ["--self-test"]:
        failure = SelfTest()
        print(failure or "self-test: a planted raw field and an empty tree are both caught")
        return 1 if failure else 0
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    problems = Check(sys.argv[1])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
