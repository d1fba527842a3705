"""Shared by the Python CLI tests: run graphony-cli and check its exit status; check a message is one line."""
import subprocess
import sys


def run_cli(cli, *args, expect=0, cwd=None, env=None, timeout=180):
    """Runs CLI with ARGS; exits the test with both outputs unless it exits with EXPECT."""
    args = [str(a) for a in args]
    r = subprocess.run([str(cli), *args], capture_output=True, text=True, timeout=timeout,
                       cwd=cwd, env=env)
    if r.returncode != expect:
        sys.exit(f"FAIL: {' '.join(args)} exited {r.returncode}, wanted {expect}\n"
                 f"stdout: {r.stdout}\nstderr: {r.stderr}")
    return r


def one_line(text, *must_contain):
    """Fails unless TEXT is exactly one non-empty line holding each of MUST_CONTAIN."""
    text = text.strip()
    if not text or "\n" in text:
        sys.exit(f"FAIL: wanted exactly one line, got:\n{text}")
    for part in must_contain:
        if part not in text:
            sys.exit(f"FAIL: {part!r} not in: {text}")
    print("  said:", text)
