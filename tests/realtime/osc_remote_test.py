#!/usr/bin/python3
"""OSC remote control of `graphony-cli play` (run by rt_osc.sh under a private JACK dummy
server). OSC packets are built by hand on a raw UDP socket; the player's playhead messages
(/graphony/playhead f beat, i playing, f bpm) come back to a second socket and show what it
did. Checks play, seek, tempo, loop and stop; then 10,000 malformed packets, after which
the player is alive, logged each kind once, and still obeys play and stop.

  osc_remote_test.py GRAPHONY_CLI SCORE
"""
import os
import random
import select
import signal
import socket
import struct
import subprocess
import sys
import time

CLI, SCORE = sys.argv[1], sys.argv[2]
FAILURES = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        FAILURES.append(what)


def pad(b):
    return b + b"\0" * (4 - len(b) % 4)


def osc(address, *args):
    """An OSC message: padded address, ',' + type tags, big-endian arguments."""
    tags, data = ",", b""
    for a in args:
        if isinstance(a, tuple):  # (tag, raw bytes) for hand-made arguments
            tags += a[0]
            data += a[1]
        elif isinstance(a, int):
            tags += "i"
            data += struct.pack(">i", a)
        elif isinstance(a, float):
            tags += "f"
            data += struct.pack(">f", a)
        elif isinstance(a, str):
            tags += "s"
            data += pad(a.encode())
    return pad(address.encode()) + pad(tags.encode()) + data


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Playhead:
    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]

    def read(self, seconds):
        """Every playhead message received within `seconds`: (time, beat, playing, bpm)."""
        out, end = [], time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return out
            r, _, _ = select.select([self.sock], [], [], left)
            if not r:
                continue
            data = self.sock.recv(1024)
            address = data[:data.index(b"\0")]
            if address != b"/graphony/playhead":
                continue
            tags_at = (len(address) // 4 + 1) * 4
            if data[tags_at:tags_at + 4] != b",fif":
                continue
            beat, playing, bpm = struct.unpack(">fif", data[tags_at + 8:tags_at + 20])
            out.append((time.monotonic(), beat, playing, bpm))

    def latest(self, seconds=0.3):
        got = self.read(seconds)
        return got[-1] if got else None


def rate(samples):
    """Beats per second between the first and last sample."""
    if len(samples) < 2 or samples[-1][0] == samples[0][0]:
        return 0.0
    return (samples[-1][1] - samples[0][1]) / (samples[-1][0] - samples[0][0])


def malformed(rng):
    """One packet from a family of broken ones."""
    kind = rng.randrange(12)
    valid = osc("/graphony/seek", 4.0)
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
    if kind == 1:
        return valid[:rng.randrange(1, len(valid))]  # truncated
    if kind == 2:
        return osc("/graphony/seek", (rng.choice("fd"),
                   struct.pack(">f", float("nan")) if rng.random() < 0.5 else
                   struct.pack(">d", float("inf"))))
    if kind == 3:
        return osc("/graphony/seek", -5.0 - rng.random() * 1e6)
    if kind == 4:
        return osc("/graphony/tempo", rng.choice([0.0, -60.0, 1e9, 5.0]))
    if kind == 5:
        return osc("/graphony/loop", 8.0, 2.0)  # end before start
    if kind == 6:
        return osc("/graphony/seek", "twelve")
    if kind == 7:
        return osc("/graphony/nothing-here", 1)
    if kind == 8:
        return osc("/graphony/play", 1, 2, 3)
    if kind == 9:
        return b"#bundle\0" + b"\0" * 8 + struct.pack(">i", len(valid)) + valid
    if kind == 10:  # a type tag string claiming more arguments than the packet holds
        return pad(b"/graphony/loop") + pad(b",ffffffff") + struct.pack(">f", 1.0)
    return pad(b"/graphony/seek") + b"no-comma" + struct.pack(">f", 1.0)


def main():
    port = free_port()
    head = Playhead()
    proc = subprocess.Popen([CLI, "play", SCORE, "--osc-port", str(port),
                             "--osc-send", f"127.0.0.1:{head.port}", "--for", "90"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    send = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    target = ("127.0.0.1", port)
    try:
        first = head.read(5.0)
        check(bool(first), "the player sends its playhead while waiting")
        if not first:
            return
        check(all(p == 0 for _, _, p, _ in first) and abs(first[-1][1]) < 0.01,
              "under remote control it waits at beat 0 for /graphony/play")

        send.sendto(osc("/graphony/play"), target)
        head.read(0.3)
        moving = head.read(1.5)
        r = rate(moving)
        print(f"after play: beat {moving[-1][1]:.2f}, {r:.2f} beats/s (score: 2 beats/s)")
        check(moving and all(p == 1 for _, _, p, _ in moving), "/graphony/play: it plays")
        check(1.6 <= r <= 2.4, f"the playhead moves at the score's tempo ({r:.2f} beats/s)")

        send.sendto(osc("/graphony/seek", 20.0), target)
        head.read(0.25)
        at = head.latest()
        check(at is not None and 20.0 <= at[1] <= 21.5, f"/graphony/seek 20: beat {at and at[1]:.2f}")

        send.sendto(osc("/graphony/tempo", 60.0), target)
        head.read(0.3)
        slow = head.read(1.5)
        r = rate(slow)
        check(0.8 <= r <= 1.2 and abs(slow[-1][3] - 60) < 0.5,
              f"/graphony/tempo 60: {r:.2f} beats/s, reported {slow[-1][3]:.1f} bpm")
        send.sendto(osc("/graphony/tempo/scale", 1.0), target)

        send.sendto(osc("/graphony/loop", 30.0, 31.0), target)
        send.sendto(osc("/graphony/seek", 30.0), target)
        head.read(0.3)
        looped = head.read(2.0)
        beats = [b for _, b, _, _ in looped]
        check(beats and min(beats) >= 29.95 and max(beats) <= 31.05 and
              any(b2 < b1 for b1, b2 in zip(beats, beats[1:])),
              f"/graphony/loop 30 31: stays in the loop and wraps ({min(beats):.2f}..{max(beats):.2f})")
        send.sendto(osc("/graphony/loop/off"), target)

        send.sendto(osc("/graphony/stop"), target)
        head.read(0.3)
        still = head.read(0.8)
        check(still and all(p == 0 for _, _, p, _ in still) and
              max(b for _, b, _, _ in still) - min(b for _, b, _, _ in still) < 1e-3,
              "/graphony/stop: it stops where it was")

        # 10,000 malformed packets, in bursts the socket buffer can hold.
        rng = random.Random(19)
        for i in range(10000):
            send.sendto(malformed(rng), target)
            if i % 200 == 199:
                time.sleep(0.02)
        head.read(0.5)
        check(proc.poll() is None, "alive after 10,000 malformed packets")
        at = head.latest()
        check(at is not None and at[2] == 0, "the malformed packets changed nothing")
        send.sendto(osc("/graphony/play"), target)
        head.read(0.3)
        check(all(p == 1 for _, _, p, _ in head.read(0.5)), "still obeys /graphony/play")
        send.sendto(osc("/graphony/stop"), target)
        head.read(0.3)
        check(all(p == 0 for _, _, p, _ in head.read(0.5)), "still obeys /graphony/stop")
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    print(out.strip())
    logged = [l for l in err.splitlines() if l.startswith("OSC: ignored")]
    print("\n".join(logged))
    check(proc.returncode == 0, f"clean exit after Ctrl+C ({proc.returncode})")
    check(1 <= len(logged) <= 7, f"each kind of bad message logged once ({len(logged)} lines)")
    ignored = int(out.split(" ignored")[0].split()[-1]) if " ignored" in out else 0
    check(ignored >= 9000, f"the malformed packets were received and ignored ({ignored})")

    # Bad options: a bind address that is not one, a port in use.
    p = subprocess.run([CLI, "play", SCORE, "--osc-port", str(port), "--osc-bind", "999.1.2.3"],
                       capture_output=True, text=True, timeout=30)
    check(p.returncode == 1 and "999.1.2.3" in p.stderr, "a bad bind address: exit 1, named")
    blocker = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    blocker.bind(("127.0.0.1", port))
    p = subprocess.run([CLI, "play", SCORE, "--osc-port", str(port)], capture_output=True,
                       text=True, timeout=30)
    check(p.returncode == 1 and str(port) in p.stderr, "a port in use: exit 1, named")
    blocker.close()


main()
if FAILURES:
    sys.exit(f"FAIL: {len(FAILURES)} check(s) failed")
print("PASS")
