#!/usr/bin/python3
"""Reads an `strace -f` log: fails on any AF_INET/AF_INET6 socket or connect, and (with
--only) on any program the traced process itself started other than those named.
usage: strace_check.py LOG [--only /usr/bin/lilypond,/usr/bin/qpdf] [--needs-unix]"""
import re
import sys

log_path = sys.argv[1]
only = None
needs_unix = "--needs-unix" in sys.argv
if "--only" in sys.argv:
    only = set(sys.argv[sys.argv.index("--only") + 1].split(","))
lines = open(log_path, encoding="utf-8", errors="replace").read().splitlines()
if not lines:
    sys.exit(f"{log_path}: empty: strace saw nothing")
root = int(lines[0].split()[0])
if "execve(" not in lines[0] or not any(re.match(rf"^{root}\s+\+\+\+ exited", l) for l in lines):
    sys.exit(f"{log_path}: strace did not see the process start and end")
problems = []
parent, execs, unix = {}, {}, 0
for line in lines:
    m = re.match(r"^(\d+)\s+(.*)$", line)
    if not m:
        continue
    pid, rest = int(m.group(1)), m.group(2)
    if re.search(r"\bsocket\((AF|PF)_INET6?\b", rest) or "sa_family=AF_INET" in rest:
        problems.append(line)
    if re.search(r"\bsocket\(AF_UNIX\b", rest):
        unix += 1
    c = re.search(r"\b(clone3?|vfork|fork)\b.*= (\d+)$", rest)
    if c:
        parent[int(c.group(2))] = pid
    e = re.match(r'execve\("([^"]+)"', rest)
    if e and pid not in execs:
        execs[pid] = e.group(1)


def image(pid):  # the program a pid runs: its own execve, else its parent's (threads, forks)
    seen = set()
    while pid not in execs and pid in parent and pid not in seen:
        seen.add(pid)
        pid = parent[pid]
    return pid


started = []
for pid, path in execs.items():
    if pid != root and pid in parent and image(parent[pid]) == root:
        started.append(path)
        if only is not None and path not in only:
            problems.append(f"started {path} (only {', '.join(sorted(only))} may run)")
for p in problems:
    print("  " + p)
if needs_unix and unix == 0:
    sys.exit(f"{log_path}: no unix socket either: did the process reach its display?")
print(f"{log_path}: {len(lines)} lines, {len(parent)} clones, {unix} unix sockets, "
      f"started: {', '.join(started) or 'nothing'}")
sys.exit(1 if problems else 0)
