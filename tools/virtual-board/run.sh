#!/usr/bin/env bash
# The virtual board: the firmware's real .pe files on nanoCLR for Linux with our native interop (feature kernel +
# TFLM) and virtual I2S microphone / GPIO / ESP32 pin configuration.
#
#   tools/virtual-board/run.sh app <file.wav> [more.wav ...]   the app hears each file (16 kHz mono 16-bit PCM)
#   tools/virtual-board/run.sh tests                           the device tests (nanoFramework.TestFramework)
#   tools/virtual-board/run.sh build                           build only (cached; see build.sh)
#
# Exit codes: 0 ok; 1 the app halted, ended early or a device test failed/skipped; 2 bad arguments or a missing
# file; 3 the virtual board refused its input (e.g. a WAV it cannot play); 124 a run timed out
# (VA_VIRTUAL_BOARD_TIMEOUT seconds, default 300). VA_NANOCLR runs another nanoCLR build instead of ours;
# VA_VIRTUAL_BOARD_NO_BUILD=1 skips the build step (use what build/virtual-board, or VA_VIRTUAL_BOARD_DIR, holds).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
# shellcheck source=tools/virtual-board/common.sh
. "$HERE/common.sh"

usage() { sed -n '5,7p' "$0" | sed 's/^# //' >&2; exit 2; }
[ $# -ge 1 ] || usage
command=$1; shift
case $command in
  app) [ $# -ge 1 ] || usage ;;
  tests|build) [ $# -eq 0 ] || usage ;;
  *) usage ;;
esac
for wav in "$@"; do
  [ -f "$wav" ] || { echo "virtual board: no such file: $wav" >&2; exit 2; }
done

OUT=${VA_VIRTUAL_BOARD_DIR:-$REPO/build/virtual-board}
if [ "${VA_VIRTUAL_BOARD_NO_BUILD:-0}" != 1 ]; then
  bash "$HERE/build.sh" >/dev/null || exit 1
fi
[ "$command" = build ] && { echo "$OUT"; exit 0; }

CLR=${VA_NANOCLR:-$OUT/nanoclr}
[ -x "$CLR" ] || { echo "virtual board: no nanoCLR at $CLR (run tools/virtual-board/run.sh build)" >&2; exit 2; }
TIMEOUT=${VA_VIRTUAL_BOARD_TIMEOUT:-300}

pe_files() { # names -> paths, or exit 2 naming the missing one
  local name
  for name in "$@"; do
    [ -s "$OUT/pe/$name.pe" ] || { echo "virtual board: missing $OUT/pe/$name.pe (run tools/virtual-board/run.sh build)" >&2; exit 2; }
    echo "$OUT/pe/$name.pe"
  done
}

# run_board <stop-pattern> <pe files...>: runs nanoCLR, echoing its output (its stderr, where the virtual board
# reports a refused input, goes straight to ours); stops it at the first line matching the pattern (a halted app
# repeats its error forever). Returns nanoCLR's exit code (124 after a timeout).
run_board() {
  local pattern=$1; shift
  local fifo line rc stopped=0
  fifo=$(mktemp -u) && mkfifo "$fifo" || exit 1
  timeout --kill-after=5 "$TIMEOUT" "$CLR" "$@" > "$fifo" &
  local pid=$!
  while IFS= read -r line; do
    printf '%s\n' "$line"
    if [ -n "$pattern" ] && [[ ${line%$'\r'} =~ $pattern ]]; then
      stopped=1
      kill "$pid" 2>/dev/null
      break
    fi
  done < "$fifo"
  wait "$pid"; rc=$?
  rm -f "$fifo"
  if [ "$stopped" = 0 ] && { [ "$rc" = 124 ] || [ "$rc" = 137 ]; }; then
    echo "virtual board: timed out after $TIMEOUT s" >&2
    rc=124
  fi
  return "$rc"
}

if [ "$command" = app ]; then
  mapfile -t pes < <(pe_files mscorlib nanoFramework.Runtime.Events System.Device.Gpio System.Device.I2s \
    nanoFramework.Hardware.Esp32 VoiceAssistant.Core VoiceAssistant.Interop VoiceAssistant) || exit 2
  [ ${#pes[@]} -eq 8 ] || exit 2
  status=0
  for wav in "$@"; do
    echo "== virtual board: app on $wav"
    end=$(mktemp)
    VA_VIRTUAL_I2S_WAV=$wav run_board '^ERROR ' "${pes[@]}" | tee "$end"
    rc=${PIPESTATUS[0]}
    if grep -q '^ERROR ' "$end"; then
      echo "virtual board: the app halted: $(grep -m1 '^ERROR ' "$end")" >&2; rc=1
    elif [ "$rc" = 0 ] && ! grep -q '^VB END ' "$end"; then
      echo "virtual board: the app stopped before the audio ended (an uncaught exception ends nanoCLR silently)" >&2; rc=1
    fi
    rm -f "$end"
    [ "$rc" = 0 ] || status=$rc
  done
  exit $status
fi

# Device tests: the launcher prints "Test passed|failed|skipped,<Class>.<Method>.<n>,..." per test and "Done."; its
# exit code is always 0, so the lines decide.
mapfile -t pes < <(pe_files mscorlib nanoFramework.TestFramework nanoFramework.UnitTestLauncher VoiceAssistant.Core \
  VoiceAssistant.Interop NFUnitTest) || exit 2
[ ${#pes[@]} -eq 6 ] || exit 2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
run_board '^Done\.' "${pes[@]}" > "$log"
rc=$?
cat "$log"
passed=$(grep -c '^Test passed,' "$log")
failed=$(grep -c '^Test failed,' "$log")
skipped=$(grep -c '^Test skipped,' "$log")
echo "device tests on the virtual board: $passed passed, $failed failed, $skipped skipped"
if ! grep -q '^Done\.' "$log"; then
  echo "virtual board: the test launcher did not finish (no 'Done.' line; exit $rc)" >&2; exit 1
fi
if grep -q "lacks the voice assistant interop" "$log"; then
  echo "virtual board: this nanoCLR ($CLR) has no VoiceAssistant.Interop native assembly compiled in" >&2; exit 1
fi
[ "$passed" -gt 0 ] && [ "$failed" = 0 ] && [ "$skipped" = 0 ] || exit 1
exit 0
