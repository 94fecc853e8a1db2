#!/usr/bin/env bash
# Regenerates samples/yes-no.wav: "yes", "no", "left" (a distractor), "yes" spoken by espeak-ng, each in a 1.75 s
# slot, 16 kHz mono 16-bit, over faint pink noise so the silence is not digital zero.
# Needs espeak-ng and sox. Usage: samples/make-yes-no.sh [voice] [speed]
set -euo pipefail
voice=${1:-en-us+f3}
speed=${2:-110}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
parts=()
sox -n -r 16000 -c 1 -b 16 "$tmp/lead.wav" trim 0 0.5
parts+=("$tmp/lead.wav")
for word in yes no left yes; do
  n=${#parts[@]}
  espeak-ng -v "$voice" -s "$speed" -w "$tmp/raw$n.wav" "$word"
  # Trim espeak's own silence, resample, then pad the word to a 1.75 s slot.
  sox "$tmp/raw$n.wav" -r 16000 -c 1 -b 16 "$tmp/w$n.wav" silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse norm -3
  len=$(soxi -D "$tmp/w$n.wav")
  pad=$(awk -v l="$len" 'BEGIN { p = 1.75 - l; if (p < 0) p = 0; printf "%.3f", p }')
  sox "$tmp/w$n.wav" "$tmp/s$n.wav" pad 0 "$pad"
  parts+=("$tmp/s$n.wav")
done
sox "${parts[@]}" "$tmp/speech.wav"
len=$(soxi -D "$tmp/speech.wav")
sox -n -r 16000 -c 1 -b 16 "$tmp/noise.wav" synth "$len" pinknoise vol 0.004
sox -m -v 1 "$tmp/speech.wav" -v 1 "$tmp/noise.wav" -b 16 "$here/yes-no.wav"
soxi "$here/yes-no.wav"
