#!/usr/bin/env bash
# Runs every test: the native feature kernel (CMake + GoogleTest via CTest), the .NET tests (xunit), which include
# the native == managed equality tests, and the firmware on the virtual board (device tests, the app against the
# host twin). Exit code is non-zero on any
# failure; the last line totals all suites as "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
config="${CONFIGURATION:-Release}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
if [ -f native-interop/CMakeLists.txt ]; then
  echo "== native kernel: configure, build, test"
  cmake -S native-interop -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native --parallel 2
  ctest --test-dir build/native --output-on-failure 2>&1 | tee -a "$log" || status=1
fi

# The virtual board (nanoCLR for Linux + our interop and virtual peripherals, cached in ~/.cache) and the device
# assemblies as .pe files; tests/VoiceAssistant.VirtualBoard.Tests then run them. Needs the posix kit in ../shared.
echo "== virtual board: build (cached)"
if [ -d ../shared/vendor/nanoframework-posix-kit ] || [ -n "${VA_POSIX_KIT:-}" ]; then
  bash tools/virtual-board/build.sh >/dev/null || status=1
else
  echo "virtual board: no ../shared/vendor/nanoframework-posix-kit; its tests will be skipped (failed on CI)"
fi

echo "== .NET: build and test"
dotnet build VoiceAssistant.slnx -c "$config" --nologo -v quiet

# What users install (the va tool, the nanoFramework packages) into build/packages; tests/VoiceAssistant.Packaging.Tests
# then install and run them. The nanoFramework packages need the virtual board's build of the device assemblies.
echo "== packages: pack"
if [ -d ../shared/vendor/nanoframework-posix-kit ] || [ -n "${VA_POSIX_KIT:-}" ]; then
  CONFIGURATION="$config" VA_PACK_NO_BUILD=1 bash tools/packaging/pack.sh >/dev/null || status=1
else
  echo "packages: no ../shared/vendor/nanoframework-posix-kit; the packaging tests will be skipped (failed on CI)"
fi
dotnet test VoiceAssistant.slnx -c "$config" --no-build --nologo 2>&1 | tee -a "$log" || status=1

# Totals: CTest's "N tests failed out of M" and each xunit assembly's "Failed: a, Passed: b, Skipped: c".
awk '
  /tests passed, [0-9]+ tests failed out of [0-9]+/ { f += $4; p += $9 - $4 }
  /^(Passed|Failed)! +- Failed:/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1); } }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
