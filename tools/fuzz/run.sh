#!/usr/bin/env bash
# Runs one libFuzzer target on its seed corpus: tools/fuzz/run.sh TARGET SECONDS
# TARGET: image | score_json | bundle | interpret | osc. Builds build-fuzz/ (clang, ASan+UBSan+fuzzer;
# only the engine parts the targets link) if needed. tools/fuzz/run.sh --build builds all four
# targets and runs none (CI does that once, then runs each). New inputs go to
# build-fuzz/corpus/TARGET (the committed seeds in tools/fuzz/corpus/TARGET are only read);
# a crash is saved as build-fuzz/crashes/TARGET-* and makes the script exit non-zero. Add
# every crash to tools/fuzz/corpus/TARGET as a regression case once it is fixed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
target=${1:?usage: run.sh TARGET SECONDS | run.sh --build}
build=${GRAPHONY_FUZZ_BUILD:-$root/build-fuzz}
if [ "$target" = "--build" ]; then
  targets=(fuzz_image fuzz_score_json fuzz_bundle fuzz_interpret fuzz_osc)
else
  seconds=${2:?usage: run.sh TARGET SECONDS}
  seeds=$root/tools/fuzz/corpus/$target
  [ -d "$seeds" ] || { echo "run.sh: no seed corpus $seeds" >&2; exit 2; }
  targets=("fuzz_$target")
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DGRAPHONY_FUZZ=ON "${launcher[@]}" >/dev/null
fi
cmake --build "$build" -j "${GRAPHONY_JOBS:-2}" --target "${targets[@]}" >/dev/null
[ "$target" = "--build" ] && exit 0
mkdir -p "$build/corpus/$target" "$build/crashes"
# Leaks are reported too (detect_leaks); a slow input (>25 s) counts as a failure.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 \
  -max_len=262144 -print_final_stats=1 -artifact_prefix="$build/crashes/$target-" \
  "$build/corpus/$target" "$seeds"
