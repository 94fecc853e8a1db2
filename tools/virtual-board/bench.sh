#!/usr/bin/env bash
# Per-hop cost of the firmware on the virtual board, counted by callgrind, projected to a 240 MHz ESP32.
#   tools/virtual-board/bench.sh [recording.wav]      (default samples/yes-no.wav; 16 kHz mono 16-bit)
# Builds nanoCLR at -O2 without auto-vectorisation (a classic ESP32 has no SIMD, so vectorised x86 counts would not
# project), runs the app under callgrind on the recording once and twice in a row, and takes the difference: the
# steady-state cost of the recording's hops, start-up excluded. Split by callgrind's inclusive counts:
#   native kernel  = VoiceAssistant.Interop's PushAudio handler (PCM conversion, MFCC, quantiser, window)
#   invoke         = its Invoke handler (TFLM), per inference (callgrind's call count of the handler)
#   board          = the virtual I2S read and GPIO writes (the chip's DMA and pin writes; not counted for the chip)
#   managed        = everything else nanoCLR executes per hop: the interpreted loop, recogniser, actions, timing
# Projection: managed 20-45 ns per nanoCLR x86 instruction, native 6.25 ns per x86 instruction (README "On the board").
# Not a test: it prints a table. Needs valgrind. Takes a few minutes.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
# shellcheck source=tools/virtual-board/common.sh
. "$HERE/common.sh"
command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null || die "valgrind is missing (apt-get install valgrind)"
wav=${1:-$REPO/samples/yes-no.wav}
[ -f "$wav" ] || die "no such file: $wav"

OPT="-O2 -fno-tree-vectorize -fno-tree-slp-vectorize"
OUT=$(VA_NANOCLR_OPT="$OPT" VA_NANOCLR_LINK=nanoclr-bench bash "$HERE/build.sh")
CLR=$OUT/nanoclr-bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The recording twice in a row (same header, data doubled).
sox "$wav" "$wav" "$work/twice.wav" 2>/dev/null || die "sox failed to concatenate $wav (apt-get install sox)"

pes=()
for name in mscorlib nanoFramework.Runtime.Events System.Device.Gpio System.Device.I2s nanoFramework.Hardware.Esp32 \
            VoiceAssistant.Core VoiceAssistant.Interop VoiceAssistant; do
  pes+=("$OUT/pe/$name.pe")
done

count() { # wav label -> writes $work/<label>.{out,cg}
  echo "callgrind: the app on $(basename "$1") ..." >&2
  VA_VIRTUAL_I2S_WAV=$1 valgrind --tool=callgrind --callgrind-out-file="$work/$2.cg" "$CLR" "${pes[@]}" > "$work/$2.out" 2> "$work/$2.err" \
    || die "callgrind run failed: $(tail -3 "$work/$2.err")"
  grep -q '^VB END ' "$work/$2.out" || die "the app did not reach the end of the audio under callgrind"
}
count "$wav" once
count "$work/twice.wav" twice

# inclusive <label> <function pattern>: inclusive instruction count of the functions matching the pattern
inclusive() {
  callgrind_annotate --inclusive=yes --threshold=100 "$work/$1.cg" 2>/dev/null \
    | awk -v pat="$2" 'index($0, pat) { gsub(",", "", $1); s += $1 } END { printf "%.0f\n", s }'
}
# calls <label> <function pattern>: how many times functions matching the pattern were called (callgrind's calls=
# lines under a cfn= naming them; names are compressed to "(id)" after their first appearance in fn= or cfn=).
calls() {
  awk -v pat="$2" '
    /^c?fn=/ {
      rest = substr($0, index($0, "=") + 1); name = rest
      if (substr(rest, 1, 1) == "(") {
        close_ = index(rest, ")"); id = substr(rest, 2, close_ - 2); nm = substr(rest, close_ + 1); sub(/^ /, "", nm)
        if (nm != "") names[id] = nm
        name = names[id]
      }
      if (substr($0, 1, 1) == "c") target = name
      next
    }
    /^calls=/ { if (target != "" && index(target, pat)) { split(substr($0, 7), a, " "); s += a[1] } target = ""; next }
    END { printf "%.0f\n", s }' "$work/$1.cg"
}
total() { callgrind_annotate "$work/$1.cg" 2>/dev/null | awk '/PROGRAM TOTALS/ && !done { gsub(",", "", $1); print $1; done = 1 }'; }
hops() { sed -n 's/^VB END audio .*, \([0-9]*\) reads.*/\1/p' "$work/$1.out"; }

H=$(( $(hops twice) - $(hops once) ))
T=$(( $(total twice) - $(total once) ))
P=$(( $(inclusive twice '::NativePushAudio___') - $(inclusive once '::NativePushAudio___') ))
I=$(( $(inclusive twice '::NativeInvoke___') - $(inclusive once '::NativeInvoke___') ))
C=$(( $(calls twice '::NativeInvoke___') - $(calls once '::NativeInvoke___') ))
N=$(sed -n 's/^READY .* invoke every \([0-9]*\) row(s).*/\1/p' "$work/once.out")
B=$(( $(inclusive twice 'I2sDevice::Read___') - $(inclusive once 'I2sDevice::Read___') \
    + $(inclusive twice 'GpioPin::WriteNative___') - $(inclusive once 'GpioPin::WriteNative___') ))
M=$(( T - P - I - B ))
[ "$H" -gt 0 ] || die "no hops counted"
[ "$C" -gt 0 ] || die "no inference counted"
[ -n "$N" ] || die "the app did not print its invoke cadence (READY line)"

awk -v H="$H" -v T="$T" -v P="$P" -v I="$I" -v C="$C" -v N="$N" -v B="$B" -v M="$M" -v date="$(date -u +%F)" \
    -v commit="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)" -v opt="$OPT" '
function c(n,   s, out) { s = sprintf("%.0f", n); out = ""; while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) } return s out }
BEGIN {
  m = M / H; p = P / H; inv = I / C
  printf "Per 20 ms hop in steady state (%d hops, %d inferences, the app invoking every %d row(s); %s, commit %s; nanoCLR %s)\n\n", H, C, N, date, commit, opt
  printf "| per 20 ms hop | x86 instructions | projected, 240 MHz ESP32 |\n|---|---:|---:|\n"
  printf "| managed per-hop work (interpreted: loop, recogniser, actions, timing) | %s | %.1f-%.1f ms |\n", c(m), m * 20e-6, m * 45e-6
  printf "| native feature kernel (PushAudio: PCM, MFCC, window) | %s | %.2f ms |\n", c(p), p * 6.25e-6
  printf "| TFLM Invoke, per inference | %s | %.2f ms |\n", c(inv), inv * 6.25e-6
  printf "| virtual board (I2S read, GPIO; not on the chip) | %s | - |\n", c(B / H)
  for (n = 1; n <= 4; n++) {
    ms = m * 45e-6 + p * 6.25e-6 + inv / n * 6.25e-6
    printf "| whole loop, invoking every %d row(s)%s (pessimistic 45 ns managed) | %s | %.1f ms%s |\n", n, n == N ? ", as run" : "", c(m + p + inv / n), ms, ms <= 10 ? " (meets <= 10 ms)" : ""
  }
  printf "\nOther cadences reuse the managed figure measured at every %d row(s) (its recogniser share follows the invokes).\n", N
}'
