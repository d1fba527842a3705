#!/usr/bin/env bash
# Benchmark: a 24-megapixel JPEG decoded for interpretation as our loader does it (libjpeg-turbo
# scaled decoding, here 1/2 = 3000x2000) against a full-size decode of the same file (the old
# behaviour), in the same run. Reports median wall time, CPU time and peak resident memory per
# mode and their ratios, with the load average. The JPEG is generated here (nothing committed).
# usage: tools/bench/image_decode/run_bench.sh [BUILD_DIR=build] [REPETITIONS=7]
# Build first: cmake --build BUILD_DIR --target bench_image_decode (a Release build).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build=${1:-build}
reps=${2:-7}
bench="$build/tools/bench/image_decode/bench_image_decode"
[ -x "$bench" ] || { echo "build $bench first (see the header)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/make_photo.py" "$work/photo.jpg"
echo "photo: $(du -k "$work/photo.jpg" | cut -f1) kB, 6000x4000; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$work/photo.jpg" >/dev/null  # page cache warm for both modes
# Alternate the modes so a change in the machine's load hits both alike.
for ((i = 0; i < reps; i++)); do
  for mode in scaled full; do "$bench" "$mode" "$work/photo.jpg" >>"$work/$mode.txt"; done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$work" <<'PY'
import statistics, sys
rows = {}
for mode in ("scaled", "full"):
    runs = [dict(f.split("=") for f in line.split()) for line in open(f"{sys.argv[1]}/{mode}.txt")]
    med = lambda k: statistics.median(float(r[k]) for r in runs)
    rows[mode] = {"size": f'{runs[0]["width"]}x{runs[0]["height"]}', "wall": med("wall_ms"),
                  "cpu": med("cpu_ms"), "peak": med("peak_rss_kb") / 1024,
                  "decode": (med("peak_rss_kb") - med("before_kb")) / 1024, "n": len(runs)}
print(f'{"mode":8} {"output":>10} {"wall ms":>9} {"cpu ms":>9} {"peak MB":>9} {"decode MB":>10}  (median of {rows["full"]["n"]})')
for mode, r in rows.items():
    print(f'{mode:8} {r["size"]:>10} {r["wall"]:9.1f} {r["cpu"]:9.1f} {r["peak"]:9.1f} {r["decode"]:10.1f}')
s, f = rows["scaled"], rows["full"]
print(f'scaled/full: wall {s["wall"] / f["wall"]:.3f}, cpu {s["cpu"] / f["cpu"]:.3f}, '
      f'peak memory {s["peak"] / f["peak"]:.3f}, memory for decoding {s["decode"] / f["decode"]:.3f}')
PY
