#!/usr/bin/env bash
# Portfolio benchmark: the booklet of a course of 8 sessions x 3 scores, against printing
# the 24 scores one by one with `print` (the same pages: graphic, legend, every part), in the
# same run. The last line is the ratio (portfolio time / the 24 prints' time).
# usage: tools/bench/portfolio/bench_portfolio.sh [build/graphony-cli]
set -euo pipefail
cli=$(realpath "${1:-build/graphony-cli}")
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d /tmp/graphony-bench-portfolio-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
"$cli" course new c --title "Bench Course" --theme "new beginnings" --site "Ward 3" >/dev/null
for p in "Ana López" "Bruno Costa" "Chiara Rossi" "Dmitri Volkov"; do
  "$cli" course add-person c "$p" --credit-by-name yes --consent group,exhibition >/dev/null
done
for s in $(seq 1 8); do
  d=$(printf '2026-10-%02d' "$s")
  "$cli" course add-session c --date "$d" >/dev/null
  for k in 1 2 3; do
    "$cli" course new-score c --session "$d" --title "Piece $s-$k" \
      --picture "$root/tests/pictures/horse.png" >/dev/null
  done
  printf 'A poem for session %s\n' "$s" >"c/$d/poem.txt"
done
now() { date +%s.%N; }
t0=$(now)
for f in c/*/*.graphony; do
  "$cli" print "$f" -o "one-$(basename "$(dirname "$f")")-$(basename "$f" .graphony).pdf" \
    --pages graphic,legend,notation --part all >/dev/null 2>&1
done
t1=$(now)
"$cli" portfolio c -o book.pdf >/dev/null 2>&1
t2=$(now)
prints=$(echo "$t1 - $t0" | bc -l)
book=$(echo "$t2 - $t1" | bc -l)
pages=$(qpdf --show-npages book.pdf)
printf '24 prints one by one: %.2f s\n' "$prints"
printf 'portfolio (%s pages, 24 scores): %.2f s\n' "$pages" "$book"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'ratio portfolio/prints: %.2f\n' "$(echo "$book / $prints" | bc -l)"
