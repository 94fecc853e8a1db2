#!/usr/bin/env bash
# Runs every host test: the native feature kernel (CMake + GoogleTest via CTest) and the .NET
# tests (xunit), which include the native == managed equality tests. Exit code is non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
config="${CONFIGURATION:-Release}"

if [ -f native-interop/CMakeLists.txt ]; then
  echo "== native kernel: configure, build, test"
  cmake -S native-interop -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native --parallel 2
  ctest --test-dir build/native --output-on-failure
fi

echo "== .NET: build and test"
dotnet build VoiceAssistant.slnx -c "$config" --nologo -v quiet
dotnet test VoiceAssistant.slnx -c "$config" --no-build --nologo
