#!/usr/bin/env bash
# Instruction count per 20 ms hop of the feature kernel (host x86-64, -O2), projected to a 240 MHz ESP32 at
# 6.25 ns per x86 instruction (the factor of every native projection in this repository). Not part of CI. Usage: native-interop/bench/callgrind.sh [short_s] [long_s]
set -euo pipefail
cd "$(dirname "$0")/../.."
short="${1:-1}"
long="${2:-11}"
cmake -S native-interop -B build/bench -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null   # -O2 -g
cmake --build build/bench --target va_kernel_bench >/dev/null
out="$(mktemp -d)"
for s in "$short" "$long"; do
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.$s" build/bench/va_kernel_bench "$s" >/dev/null 2>&1
  callgrind_annotate --inclusive=yes "$out/cg.$s" >"$out/annotate.$s"
done
hops=$(( (long - short) * 50 ))
# Inclusive count of a function (largest entry), or the program total.
count() { awk -v f="$2" '
  f == "TOTAL" && /PROGRAM TOTALS/ { gsub(",", "", $1); print $1; exit }
  f != "TOTAL" && index($0, f) { gsub(",", "", $1); if ($1 + 0 > m) m = $1 + 0 } END { if (f != "TOTAL") print m + 0 }' "$1"; }
printf '%-34s %12s %10s\n' "per hop (difference / $hops hops)" instructions "ESP32 ms"
for f in TOTAL 'va::FeatureKernel::push_audio' 'va::Mfcc::compute_frame' 'va::Mfcc::fft_forward' 'va::float_sqrt' \
         'va::PcmConverter::convert' 'va::dct' 'va::mel_filterbank' 'va::float_log'; do
  a=$(count "$out/annotate.$short" "$f"); b=$(count "$out/annotate.$long" "$f")
  awk -v n="$f" -v a="$a" -v b="$b" -v h="$hops" 'BEGIN { d = (b - a) / h; printf "%-34s %12.0f %10.3f\n", n, d, d * 6.25e-6 }'
done
rm -rf "$out"
