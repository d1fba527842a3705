#!/usr/bin/env bash
# CI extra (tools/test runs it when CI=true): an ASan+UBSan build running the core, interpret,
# synth and notation suites plus the hostile-file test, then every libFuzzer target for
# FUZZ_SECONDS (default 60) on its committed corpus. Any sanitizer report or crash fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jobs=$(nproc 2>/dev/null || echo 2)
build=${GRAPHONY_SANITIZE_BUILD:-$root/build-sanitize}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DGRAPHONY_SANITIZE=address,undefined >/dev/null
cmake --build "$build" -j "$jobs" --target test_core test_interpret test_synth test_notation \
  graphony-cli
# alloc_dealloc_mismatch=0: test_synth's allocation trap replaces operator new/delete, which
# ASan reports against its own nothrow new (std::stable_sort's buffer); leaks are not checked
# here (pango and fontconfig keep global caches). Memory errors and UB still abort.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:alloc_dealloc_mismatch=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The budget test measures peak memory; ASan's shadow memory is not the program's, so only
# the uninstrumented build checks that bound (GRAPHONY_SKIP_PEAK_CHECK).
for suite in core interpret synth notation; do
  (cd "$build/tests/$suite" && "./test_$suite")
done
GRAPHONY_SKIP_PEAK_CHECK=1 "$root/tests/hostile/hostile_files_test.sh" "$build/graphony-cli" "$root"
# The libFuzzer smoke run: a clang build of only the engine parts the targets link and the
# five targets (built once here, so run.sh finds them up to date), then each target for
# FUZZ_SECONDS on its committed corpus. Every target runs; any crash fails CI at the end.
fuzz_build=${GRAPHONY_FUZZ_BUILD:-$root/build-fuzz}
fuzz_targets=(image score_json bundle interpret osc)
# run.sh sets its own sanitizer options (leaks are checked there).
fuzz() { env -u ASAN_OPTIONS -u UBSAN_OPTIONS GRAPHONY_FUZZ_BUILD="$fuzz_build" \
  GRAPHONY_JOBS="$jobs" "$root/tools/fuzz/run.sh" "$@"; }
fuzz --build
crashed=()
for target in "${fuzz_targets[@]}"; do
  fuzz "$target" "${FUZZ_SECONDS:-60}" 2>"$fuzz_build/$target.log" || crashed+=("$target")
  grep -E "^(Done|stat::number_of_executed_units|stat::average_exec_per_sec)" \
    "$fuzz_build/$target.log" | sed "s/^/fuzz_$target: /" || true
done
if [ ${#crashed[@]} -gt 0 ]; then
  for target in "${crashed[@]}"; do
    echo "fuzz_$target found a crash (input saved under $fuzz_build/crashes/):" >&2
    grep -E -A12 "^==[0-9]+==ERROR|runtime error|^SUMMARY" "$fuzz_build/$target.log" | head -40 >&2 || true
  done
  exit 1
fi
