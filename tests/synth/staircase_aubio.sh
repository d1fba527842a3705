#!/bin/sh
# Third-party pitch check: render the C4..C5 staircase with sine and flute, then let aubio's
# yinfft tracker (pitch_windows.py) confirm every note within 5 cents (yin: yinfft reads a pure C4 from sox 12 cents sharp).
set -eu
fixture=$1
pitch_windows=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for inst in sine flute; do
  "$fixture" "$inst" "$dir/$inst.wav"
  /usr/bin/python3 "$pitch_windows" "$dir/$inst.wav" --seg 1 --expect 60,62,64,65,67,69,71,72 --tol 0.05 --method yin
done
