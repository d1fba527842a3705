# House rule: engine/ includes nothing from editor/ or tools/, and no SFML or ImGui header.
"""Usage: engine_includes.py ROOT       check ROOT/engine (exit 1 and one line per violation)
       engine_includes.py --self-test  plant each kind of violation in a temp tree and make
                                       sure the check catches it (and passes a clean tree)

A quoted include must resolve to a file inside engine/ (next to the including file or from
engine/, the engine's include root); anything else is a violation, so a header reached by a
relative path (../../editor/app.h) or by an extra include directory cannot slip through.
The engine's CMake files must not link SFML, ImGui or the editor's libraries either.
"""
import os
import re
import sys
import tempfile

SOURCE_EXT = (".h", ".hpp", ".hh", ".inc", ".cpp", ".cc", ".cxx", ".c")
INCLUDE_RE = re.compile(r'^\s*#\s*(?:include|import|include_next)\s*([<"])([^>"]+)[>"]')
# Angle-bracket headers the engine may never use (UI toolkits).
FORBIDDEN_SYSTEM_RE = re.compile(r"^(SFML/|imgui|imconfig|implot|GL/|GLFW/|SDL)", re.IGNORECASE)
FORBIDDEN_LINK_RE = re.compile(r"\b(sfml-\w+|SFML::\w+|PkgConfig::IMGUI|OpenGL::\w+|"
                               r"graphony_editor\w*|imgui)\b", re.IGNORECASE)
MIN_ENGINE_SOURCES = 10  # far fewer means the check is looking in the wrong place


def Inside(path, root):
    path, root = os.path.realpath(path), os.path.realpath(root)
    return path == root or path.startswith(root + os.sep)


def CheckFile(path, engine, root):
    problems = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE_RE.match(line)
            if not m:
                continue
            kind, name = m.groups()
            where = f"{os.path.relpath(path, root)}:{number}"
            first = name.replace("\\", "/").split("/")[0]
            if FORBIDDEN_SYSTEM_RE.match(name) or FORBIDDEN_SYSTEM_RE.match(os.path.basename(name)):
                problems.append(f"{where}: includes UI header {name}")
                continue
            if first in ("editor", "tools") or (kind == "<" and ".." in name.split("/")):
                problems.append(f"{where}: includes {name} from outside engine/")
                continue
            if kind == "<":
                continue  # system and third-party library headers
            candidates = [os.path.join(os.path.dirname(path), name), os.path.join(engine, name)]
            found = [c for c in candidates if os.path.isfile(c)]
            if not found:
                problems.append(f'{where}: "{name}" is not a file in engine/ '
                                "(editor/tools header or unknown include path)")
            elif not all(Inside(c, engine) for c in found):
                outside = [os.path.relpath(c, root) for c in found if not Inside(c, engine)]
                problems.append(f'{where}: "{name}" resolves outside engine/ ({outside[0]})')
    return problems


def CheckCMake(path, root):
    problems = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            code = line.split("#", 1)[0]
            m = FORBIDDEN_LINK_RE.search(code)
            if m:
                problems.append(f"{os.path.relpath(path, root)}:{number}: links {m.group(1)}")
    return problems


def Check(root):
    """Returns (number of engine sources checked, list of violations)."""
    engine = os.path.join(root, "engine")
    sources, problems = 0, []
    for directory, _, files in os.walk(engine):
        for name in sorted(files):
            path = os.path.join(directory, name)
            if name.endswith(SOURCE_EXT):
                sources += 1
                problems += CheckFile(path, engine, root)
            elif name == "CMakeLists.txt" or name.endswith(".cmake"):
                problems += CheckCMake(path, root)
    return sources, problems


def Main(root):
    sources, problems = Check(root)
    if sources < MIN_ENGINE_SOURCES:
        print(f"{root}/engine: found only {sources} source files; wrong root?")
        return 1
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"engine includes: {sources} files checked, none reaches editor/, tools/, SFML or ImGui")
    return 0


def SelfTest():
    """Each planted violation must be reported; the clean tree must pass."""
    plants = {
        "sfml": ("engine/core/a.cpp", "#include <SFML/Graphics.hpp>\n"),
        "imgui": ("engine/core/a.cpp", '#include "imgui.h"\n'),
        "imgui_angle": ("engine/synth/a.h", "#  include <imgui.h>\n"),
        "editor_path": ("engine/core/a.cpp", '#include "editor/app.h"\n'),
        "editor_bare": ("engine/core/a.cpp", '#include "view_canvas.h"\n'),
        "editor_logic": ("engine/core/a.cpp", '#include "logic/document.h"\n'),
        "relative": ("engine/core/a.cpp", '#include "../../editor/app.h"\n'),
        "tools": ("engine/core/a.cpp", '#include "tools/cli/cmd_play.h"\n'),
        "tools_angle": ("engine/core/a.cpp", "#include <tools/cli/cmd_play.h>\n"),
        "link": ("engine/core/CMakeLists.txt", "target_link_libraries(x PRIVATE sfml-graphics)\n"),
    }
    failures = 0
    for label, plant in [("clean", None)] + list(plants.items()):
        with tempfile.TemporaryDirectory() as root:
            files = {
                "engine/core/score.h": "#pragma once\n#include <string>\n",
                "engine/core/score.cpp": '#include "core/score.h"\n#include "score.h"\n',
                "engine/core/CMakeLists.txt": "target_link_libraries(x PUBLIC PkgConfig::SNDFILE)\n",
                "editor/app.h": "#pragma once\n", "editor/view_canvas.h": "#pragma once\n",
                "editor/logic/document.h": "#pragma once\n", "tools/cli/cmd_play.h": "#pragma once\n",
            }
            for i in range(MIN_ENGINE_SOURCES):
                files[f"engine/synth/part{i}.cpp"] = '#include "core/score.h"\n#include <vector>\n'
            if plant:
                files[plant[0]] = files.get(plant[0], "") + plant[1]
            for rel, text in files.items():
                os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
                with open(os.path.join(root, rel), "w") as f:
                    f.write(text)
            _, problems = Check(root)
            caught = bool(problems)
            ok = caught if plant else not caught
            print(f"self-test {label}: {'ok' if ok else 'WRONG'} {problems[:1]}")
            failures += not ok
    with tempfile.TemporaryDirectory() as empty:  # no engine at all: must not pass
        if Main(empty) == 0:
            print("self-test empty tree: WRONG (passed)")
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--self-test":
        sys.exit(SelfTest())
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(Main(sys.argv[1]))
