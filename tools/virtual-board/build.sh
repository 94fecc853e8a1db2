#!/usr/bin/env bash
# Builds the virtual board and the device assemblies, reusing what is cached:
#   tools   (MetadataProcessor, nanoFramework reference assemblies and their .pe files, native skeletons)
#           cached by the hash of the pinned sources, our build projects and the .NET SDK version;
#   nanoCLR (nanoCLR for Linux + VoiceAssistant.Interop + TFLM + our virtual peripherals, -O2)
#           cached by that hash plus the compiler and every native source of ours;
#   pe      (VoiceAssistant.Core/.Interop, the app, the device tests: built against the real reference
#           assemblies, converted by the real MetadataProcessor) into build/virtual-board/pe, every time
#           (dotnet builds incrementally).
# The interop stubs the MetadataProcessor generates from this build must equal native-interop/nanoframework/stubs.
# Sources: $VA_POSIX_KIT (default ../shared/vendor/nanoframework-posix-kit); see README.md for a machine without it.
# Cache: $VA_CACHE_DIR (default ~/.cache/voiceassistant). Prints progress on stderr, the board's folders on stdout.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
# shellcheck source=tools/virtual-board/common.sh
. "$HERE/common.sh"

KIT=${VA_POSIX_KIT:-$REPO/../shared/vendor/nanoframework-posix-kit}
SRC=$KIT/src
if [ ! -d "$SRC/nf-interpreter/targets/posix/nanoCLR" ] || [ ! -d "$SRC/metadata-processor" ]; then
  die "no nanoFramework sources at $SRC: put the posix kit at ../shared/vendor/nanoframework-posix-kit, or set VA_POSIX_KIT to a folder whose src/ holds the pinned repositories (tools/virtual-board/README.md)"
fi
for tool in cmake ninja g++ dotnet patch; do
  command -v "$tool" >/dev/null || die "$tool is missing (Debian: apt-get install cmake ninja-build g++ patch; and the .NET 10 SDK)"
done

# nanoFramework's mscorlib comes from its NuGet package, which any firmware project's restore brings.
if [ ! -f "${NUGET_PACKAGES:-$HOME/.nuget/packages}/nanoframework.corelibrary/1.17.11/lib/mscorlib.dll" ]; then
  dotnet restore "$REPO/firmware/VoiceAssistant.Core.Nano" -v q >/dev/null || die "could not restore nanoFramework.CoreLibrary 1.17.11"
fi

CACHE=${VA_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/voiceassistant}/virtual-board
mkdir -p "$CACHE"
t0=$(date +%s)
step() { echo "virtual board: $1 ($(( $(date +%s) - t0 )) s)" >&2; }

hash_tree() { # folder [find filters...] -> sha256 of relative paths and contents
  (cd "$1" && shift && find . -type f "$@" -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16
}

# Each stage is cached under its own key (the stage script is part of the key).
# shellcheck source=tools/virtual-board/stage-tools.sh
. "$HERE/stage-tools.sh"
# shellcheck source=tools/virtual-board/stage-nanoclr.sh
. "$HERE/stage-nanoclr.sh"

# ---- our device assemblies as .pe files ----
step "building the device assemblies against the reference assemblies and converting them"
OUT=$REPO/build/virtual-board
mkdir -p "$OUT/pe" "$OUT/dll"
ART=$OUT/artifacts
for proj in tests/CompileChecks/VoiceAssistant.App.Nano tests/CompileChecks/VoiceAssistant.Device.Tests.Nano; do
  dotnet build "$REPO/$proj" -c Release -p:NanoReferenceAssemblies="$TOOLS/refs/" --artifacts-path "$ART" -nologo -v q \
    > "$OUT/build.log" 2>&1 || { grep -E "error" "$OUT/build.log" | sort -u | head -20 >&2; die "$proj failed to build against the reference assemblies"; }
done
for name in VoiceAssistant.Core:VoiceAssistant.Core.Nano VoiceAssistant.Interop:VoiceAssistant.Interop.Nano \
            VoiceAssistant:VoiceAssistant.App.Nano NFUnitTest:VoiceAssistant.Device.Tests.Nano; do
  cp "$ART/bin/${name#*:}/release/${name%%:*}.dll" "$OUT/dll/"
done
D=$OUT/dll; R=$TOOLS/refs
CORE="VoiceAssistant.Core=$D/VoiceAssistant.Core.dll"; INTEROP="VoiceAssistant.Interop=$D/VoiceAssistant.Interop.dll"
rm -rf "$OUT/stubs"
mdp "$D/VoiceAssistant.Core.dll" "$OUT/pe/VoiceAssistant.Core.pe" >/dev/null
mdp "$D/VoiceAssistant.Interop.dll" "$OUT/pe/VoiceAssistant.Interop.pe" "$CORE" -- \
  -generateskeleton "$OUT/stubs" VoiceAssistant.Interop VoiceAssistant.Interop false >/dev/null
mdp "$D/VoiceAssistant.dll" "$OUT/pe/VoiceAssistant.pe" "$CORE" "$INTEROP" "nanoFramework.Runtime.Events=$R/nanoFramework.Runtime.Events.dll" \
  "System.Device.Gpio=$R/System.Device.Gpio.dll" "System.Device.I2s=$R/System.Device.I2s.dll" \
  "nanoFramework.Hardware.Esp32=$R/nanoFramework.Hardware.Esp32.dll" >/dev/null
mdp "$D/NFUnitTest.dll" "$OUT/pe/NFUnitTest.pe" "$CORE" "$INTEROP" "nanoFramework.TestFramework=$R/nanoFramework.TestFramework.dll" >/dev/null
cp "$TOOLS"/pe/*.pe "$OUT/pe/"

# The committed interop stubs must be what the MetadataProcessor generates from this very build (a checksum match
# alone misses a shifted method table).
for f in VoiceAssistant_Interop.cpp VoiceAssistant_Interop.h VoiceAssistant_Interop_VoiceAssistant_Interop_Abi_mshl.cpp; do
  if ! diff -q <(tr -d '\r' < "$OUT/stubs/$f") "$REPO/native-interop/nanoframework/stubs/$f" >/dev/null; then
    diff <(tr -d '\r' < "$OUT/stubs/$f") "$REPO/native-interop/nanoframework/stubs/$f" | head -20 >&2 || true
    die "native-interop/nanoframework/stubs/$f differs from the stubs the MetadataProcessor generates from this build of VoiceAssistant.Interop (regenerate them: native-interop/README.md)"
  fi
done
[ "$(table_checksum "$REPO/native-interop/nanoframework/stubs/VoiceAssistant_Interop.cpp")" = "$(pe_checksum "$OUT/pe/VoiceAssistant.Interop.pe")" ] \
  || die "VoiceAssistant.Interop.pe and the committed stubs disagree on the native checksum"

ln -sfn "$CLR_DIR/bin/nanoFramework.nanoCLR.test" "$OUT/${VA_NANOCLR_LINK:-nanoclr}"
# Keep the cache from growing without bound: entries unused for 30 days and abandoned temporary builds go.
touch "$TOOLS" "$CLR_DIR"
find "$CACHE" -mindepth 1 -maxdepth 1 \( -name '*-tmp.*' -mmin +720 -o -mtime +30 \) -exec rm -rf {} + 2>/dev/null || true
step "ready: $OUT/${VA_NANOCLR_LINK:-nanoclr}, .pe files in $OUT/pe"
echo "$OUT"
