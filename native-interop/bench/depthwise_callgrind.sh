#!/usr/bin/env bash
# x86 instructions per Invoke of the shipped model (TFLM from ../shared/vendor), DepthwiseConv2D by TFLM's reference
# kernel vs va::depthwise_conv_s8, both compiled -O2 without auto-vectorisation (a classic ESP32 has no SIMD, so
# vectorised x86 counts would not project). Projection: ≈ 6.25 ns per x86 instruction of native code (240 MHz).
# Not part of CI. Usage: native-interop/bench/depthwise_callgrind.sh [invokes] [model.tflite]
set -euo pipefail
cd "$(dirname "$0")/../.."
invokes="${1:-20}"
model="${2:-$PWD/models/yes-no/model.tflite}"
build=build/bench-depthwise
cmake -S native-interop -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS=-fno-tree-vectorize -fno-tree-slp-vectorize" >/dev/null   # RelWithDebInfo = -O2 -g
cmake --build "$build" --parallel 2 --target va_depthwise_bench >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for k in reference ours; do
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.$k" "$build/va_depthwise_bench" "$k" "$invokes" "$model" >"$out/run.$k" 2>&1
  callgrind_annotate --inclusive=yes "$out/cg.$k" >"$out/annotate.$k"
done
# Inclusive count of the largest entry whose name contains $2, per Invoke.
count() { awk -v f="$2" -v n="$invokes" 'index($0, f) { gsub(",", "", $1); if ($1 + 0 > m) m = $1 + 0 } END { printf "%.0f", m / n }' "$1"; }
ref_invoke=$(count "$out/annotate.reference" 'tflite::MicroInterpreter::Invoke()')
our_invoke=$(count "$out/annotate.ours" 'tflite::MicroInterpreter::Invoke()')
ref_dw=$(count "$out/annotate.reference" 'DepthwiseConvEval')
our_dw=$(count "$out/annotate.ours" 'va::(anonymous namespace)::eval')
our_kernel=$(count "$out/annotate.ours" 'va::depthwise_conv_s8(')
grep -h "invokes" "$out/run.reference" "$out/run.ours"
printf '%-46s %12s %12s %9s\n' "per Invoke ($invokes, $(basename "$model"))" reference ours ratio
row() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%-46s %12d %12d %8.1fx\n", n, a, b, a / b }'; }
row "DepthwiseConv2D Eval (x86 instructions)" "$ref_dw" "$our_dw"
printf '%-46s %12s %12d\n' "  of which va::depthwise_conv_s8" "" "$our_kernel"
row "MicroInterpreter::Invoke (x86 instructions)" "$ref_invoke" "$our_invoke"
awk -v a="$ref_invoke" -v b="$our_invoke" 'BEGIN { printf "%-46s %11.2f %12.2f\n", "Invoke, ESP32 projection (ms, 6.25 ns/instr)", a * 6.25e-6, b * 6.25e-6 }'
