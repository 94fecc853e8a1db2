#!/usr/bin/env bash
# The ESP32 firmware image with the voice assistant's native interop (feature kernel + TFLM host with our int8
# DepthwiseConv2D + TFLM itself), built from pinned nf-interpreter sources on the user's machine:
#
#   tools/firmware-image/build.sh [--target ESP32_REV0] [--work <folder>] [--dry-run]
#   va flash --target ESP32_REV0 --clrfile build/firmware-image/ESP32_REV0/nanoCLR.bin
#
# Needs: git, cmake >= 3.25, ninja, and ESP-IDF at the version the pinned nf-interpreter names (IDF_PATH set,
# export.sh sourced, so xtensa-esp32-elf-gcc is on PATH) — e.g. inside nf-interpreter's ESP32 dev container.
# Sources: nf-interpreter at its pin (tools/third-party-pins.txt) is cloned into <work>/src; TFLM, flatbuffers,
# gemmlowp and ruy come from ../shared/vendor/nanoframework-posix-kit when present (the same pins), else are cloned.
# Our sources join nf-interpreter only through native-interop/nanoframework's FindINTEROP module (config mode): the
# module and the TFLM source list CI builds the virtual board and configures tests/image_module with. Nothing is
# copied into nf-interpreter.
# --dry-run checks the arguments and prints what would run, without ESP-IDF or network.
# Exit codes: 0 built (or dry run); 1 the build failed; 2 bad arguments or a missing prerequisite.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
# shellcheck source=tools/pins.sh
. "$REPO/tools/pins.sh"
die() { echo "firmware image: $1" >&2; exit "${2:-1}"; }
usage() { sed -n '5,6p' "$0" | sed 's/^#  *//' >&2; exit 2; }

# Classic ESP32 targets of nf-interpreter's CMakePresets (the app's memory budget is the classic ESP32's).
TARGETS="ESP32_REV0 ESP32_REV3 ESP32_PSRAM_REV0 ESP32_PSRAM_REV3 ESP32_PICO ESP32_ETHERNET_KIT_1.2"
target=ESP32_REV0
work=$REPO/build/firmware-image
dry_run=0
while [ $# -gt 0 ]; do
  case $1 in
    --target) [ $# -ge 2 ] || usage; target=$2; shift 2 ;;
    --work) [ $# -ge 2 ] || usage; work=$2; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage ;;
    *) echo "firmware image: unknown argument '$1'" >&2; usage ;;
  esac
done
case " $TARGETS " in
  *" $target "*) ;;
  *) die "unknown target '$target' (classic ESP32 targets: $TARGETS)" 2 ;;
esac
mkdir -p "$work" && work=$(cd "$work" && pwd)

kit=${VA_POSIX_KIT:-$REPO/../shared/vendor/nanoframework-posix-kit}/src
src_of() { # name -> the folder its pinned sources are (or will be) in
  if [ "$1" != nf-interpreter ] && [ -d "$kit/$1" ]; then (cd "$kit/$1" && pwd); else echo "$work/src/$1"; fi
}
nf=$(src_of nf-interpreter)
tflm=$(src_of tflite-micro)
flatbuffers_include=$work/flatbuffers/include
checksum=$(grep -m1 -oE '0x[0-9A-Fa-f]{8}' "$REPO/native-interop/nanoframework/stubs/VoiceAssistant_Interop.cpp")
native_version=$(sed -nE 's/.*AssemblyNativeVersion\("([0-9.]+)"\).*/\1/p' "$REPO/firmware/VoiceAssistant.Interop/Properties/AssemblyInfo.cs")
configure=(cmake --preset "$target"
  -DNF_INTEROP_ASSEMBLIES=VoiceAssistant.Interop
  "-DINTEROP-VoiceAssistant.Interop_DIR=$REPO/native-interop/nanoframework"
  -DVA_WITH_TFLM=ON "-DVA_TFLM_SOURCE_DIR=$tflm"
  "-DVA_TFLM_INCLUDE_DIRS=$flatbuffers_include;$(src_of gemmlowp);$(src_of ruy)"
  -DAPI_System.Device.I2s=ON -DAPI_System.Device.Gpio=ON -DAPI_Hardware.Esp32=ON -DAPI_nanoFramework.Runtime.Events=ON
  "-DESP32_IDF_PATH=${IDF_PATH:-<IDF_PATH>}")
image=$work/$target/nanoCLR.bin

if [ "$dry_run" = 1 ]; then
  echo "target:        $target"
  echo "nf-interpreter $(pin_commit nf-interpreter) in $nf"
  echo "tflite-micro   $(pin_commit tflite-micro) in $tflm"
  echo "interop module $REPO/native-interop/nanoframework (native checksum $checksum, native version $native_version)"
  echo "configure:     (cd $nf && ${configure[*]})"
  echo "build:         (cd $nf && cmake --build --preset $target)"
  echo "check:         $nf/build/native_assemblies.csv lists VoiceAssistant.Interop,$native_version,$checksum"
  echo "image:         $image"
  echo "flash:         va flash --target $target --clrfile $image"
  exit 0
fi

# ---- prerequisites (before anything is fetched) ----
for tool in git cmake ninja; do
  command -v "$tool" >/dev/null || die "$tool is missing (Debian: apt-get install git cmake ninja-build)" 2
done
[ -n "${IDF_PATH:-}" ] && [ -d "$IDF_PATH" ] \
  || die "ESP-IDF not found: set IDF_PATH to an ESP-IDF checkout at the version nf-interpreter $(pin_commit nf-interpreter | cut -c1-7) names and source its export.sh (or run inside nf-interpreter's ESP32 dev container)" 2
command -v xtensa-esp32-elf-gcc >/dev/null \
  || die "xtensa-esp32-elf-gcc is not on PATH: source \$IDF_PATH/export.sh first" 2

# ---- sources at their pins ----
for name in nf-interpreter tflite-micro flatbuffers gemmlowp ruy; do
  dir=$(src_of "$name")
  case $dir in "$work"/*) echo "firmware image: fetching $name $(pin_commit "$name" | cut -c1-7)" >&2; fetch_pin "$name" "$dir" || die "could not fetch $name" ;; esac
done
idf_tag=$(sed -nE 's/.*set\(ESP32_IDF_TAG "([^"]+)".*/\1/p' "$nf/targets/ESP32/CMakeLists.txt")
[ -n "$idf_tag" ] || die "could not read ESP32_IDF_TAG from $nf/targets/ESP32/CMakeLists.txt"
have=$(git -C "$IDF_PATH" describe --tags --exact-match 2>/dev/null || echo unknown)
[ "$have" = "v$idf_tag" ] || die "ESP-IDF at $IDF_PATH is '$have'; nf-interpreter $(pin_commit nf-interpreter | cut -c1-7) needs v$idf_tag" 2
grep -q "\"name\": \"$target\"" "$nf/targets/ESP32/CMakePresets.json" 2>/dev/null || grep -rqs "\"$target\"" "$nf/config" "$nf/targets/ESP32" \
  || die "nf-interpreter has no preset '$target'"

# TFLM's flatbuffers patch, on a copy (the pinned trees stay untouched).
rm -rf "$work/flatbuffers" && mkdir -p "$work/flatbuffers"
cp -r "$(src_of flatbuffers)/include" "$work/flatbuffers/"
(cd "$work/flatbuffers" && patch -s -p1 < "$tflm/tensorflow/lite/micro/tools/make/flatbuffers.patch") || die "TFLM's flatbuffers.patch did not apply"

# ---- configure, build, check ----
log=$work/$target.configure.log
echo "firmware image: configuring nf-interpreter for $target with VoiceAssistant.Interop" >&2
(cd "$nf" && "${configure[@]}") > "$log" 2>&1 || { tail -30 "$log" >&2; die "configure failed (log: $log)"; }
grep -A3 "Interop assemblies included" "$log" | grep -q "VoiceAssistant.Interop" || die "the configure log does not list VoiceAssistant.Interop among the interop assemblies (log: $log)"
grep -q "VoiceAssistant.Interop: -ffp-contract=off set" "$log" || die "the feature kernel's -ffp-contract=off was not applied (log: $log)"
echo "firmware image: building (tens of minutes the first time)" >&2
(cd "$nf" && cmake --build --preset "$target") > "$work/$target.build.log" 2>&1 \
  || { grep -m20 -E "error" "$work/$target.build.log" >&2; die "build failed (log: $work/$target.build.log)"; }
grep -qx "VoiceAssistant.Interop,$native_version,$checksum" "$nf/build/native_assemblies.csv" \
  || die "$nf/build/native_assemblies.csv lacks VoiceAssistant.Interop,$native_version,$checksum: the image would refuse the app's VoiceAssistant.Interop.pe"
mkdir -p "$work/$target"
cp "$nf/build/nanoCLR.bin" "$image.tmp" && mv "$image.tmp" "$image"
echo "firmware image: $image"
echo "next: va flash --target $target --clrfile $image   (then deploy the app: va deploy)"
