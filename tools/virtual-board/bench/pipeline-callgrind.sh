#!/usr/bin/env bash
# x86 instructions per hop of CommandPipeline.Process on the virtual board's nanoCLR (managed code, interpreted), from
# two harness runs (150 and 1150 hops) under callgrind: (count(1150) - count(150)) / 1000. Projected to a 240 MHz
# ESP32 at 20-45 ns per nanoCLR x86 instruction. Not part of CI; compare commits by running it at each.
# Usage: tools/virtual-board/bench/pipeline-callgrind.sh   (builds the board first, cached)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
"$REPO/tools/virtual-board/build.sh" >/dev/null
VB=$REPO/build/virtual-board
CACHE=${VA_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/voiceassistant}/virtual-board
# The MetadataProcessor of the newest tools stage (build.sh just ensured one exists).
MDP_DLL=${VA_MDP_DLL:-$(ls -t "$CACHE"/tools-*/mdp/nanoFramework.Tools.MetadataProcessor.dll | head -1)}
CORLIB=${NUGET_PACKAGES:-$HOME/.nuget/packages}/nanoframework.corelibrary/1.17.11/lib/mscorlib.dll
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for hops in 150 1150; do
  echo "namespace PipelineHarness { internal static class HopCount { public const int Hops = $hops; } }" > "$out/Hops.g.cs"
  dotnet build "$HERE/PipelineHarness" -c Release -p:HopsFile="$out/Hops.g.cs" --artifacts-path "$out/art$hops" -nologo -v q >"$out/build.log" 2>&1 \
    || { tail -20 "$out/build.log"; exit 1; }
  dll=$(find "$out/art$hops/bin" -name VoiceAssistant.PipelineHarness.dll | head -1)
  core=$(find "$out/art$hops/bin" -name VoiceAssistant.Core.dll | head -1)
  dotnet "$MDP_DLL" -loadHints mscorlib "$CORLIB" -loadHints VoiceAssistant.Core "$core" -parse "$dll" \
    -compile "$out/h$hops.pe" false >"$out/mdp.log" 2>&1
  if grep -qiE "error|exception" "$out/mdp.log" || [ ! -s "$out/h$hops.pe" ]; then cat "$out/mdp.log"; exit 1; fi
  dotnet "$MDP_DLL" -loadHints mscorlib "$CORLIB" -parse "$core" -compile "$out/core$hops.pe" false >"$out/mdp.log" 2>&1
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.$hops" "$VB/nanoclr" "$VB/pe/mscorlib.pe" "$out/core$hops.pe" \
    "$out/h$hops.pe" >"$out/run.$hops" 2>&1
  grep -h HARNESS "$out/run.$hops"
done
total() { grep -m1 -oE 'Collected : [0-9]+' "$1" | grep -oE '[0-9]+'; }
a=$(total "$out/run.150"); b=$(total "$out/run.1150")
awk -v a="$a" -v b="$b" 'BEGIN { d = (b - a) / 1000; printf "CommandPipeline.Process: %.0f x86 instructions per hop; ESP32 %.2f-%.2f ms at 20-45 ns\n", d, d * 20e-6, d * 45e-6 }'
