#!/usr/bin/env bash
# Packs everything users install, all at the version in VERSION, into build/packages (or $1):
#   VoiceAssistant.Cli        the `va` .NET tool (framework-dependent, .NET 10, the shipped model built in)
#   VoiceAssistant.Core       nanoFramework library package (.dll, .pe, .pdbx, .xml in lib/)
#   VoiceAssistant.Interop    nanoFramework library package; its description names the native checksum
# The nanoFramework packages take the assemblies the virtual board runs: built against nanoFramework's mscorlib
# and the reference assemblies, converted by the real MetadataProcessor (tools/virtual-board/build.sh, cached).
# Env: CONFIGURATION (Release), VA_PACK_NO_BUILD=1 packs the tool from an existing Release build.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT=$(mkdir -p "${1:-$REPO/build/packages}" && cd "${1:-$REPO/build/packages}" && pwd)
config=${CONFIGURATION:-Release}
die() { echo "pack: $*" >&2; exit 1; }
command -v dotnet >/dev/null || die "dotnet is missing (the .NET 10 SDK)"
version=$(tr -d ' \r\n' < "$REPO/VERSION")
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "VERSION must hold major.minor.patch, found '$version'"

# Old packages of this version would be installed instead of the new ones by a NuGet cache that already saw them;
# the folder only ever holds this build's.
rm -f "$OUT"/VoiceAssistant.*.nupkg

echo "pack: the va tool $version" >&2
no_build=()
[ "${VA_PACK_NO_BUILD:-0}" = 1 ] && no_build=(--no-build)
dotnet pack "$REPO/tools/VoiceAssistant.Cli" -c "$config" "${no_build[@]}" -o "$OUT" -nologo -v q >/dev/null \
  || die "packing the va tool failed (dotnet pack tools/VoiceAssistant.Cli)"

echo "pack: nanoFramework packages $version (the virtual board's build of the device assemblies)" >&2
board=$(bash "$REPO/tools/virtual-board/build.sh") || die "the device assemblies did not build (tools/virtual-board/build.sh)"
# shellcheck source=tools/virtual-board/common.sh
. "$REPO/tools/virtual-board/common.sh"
die() { echo "pack: $*" >&2; exit 1; }  # common.sh's die names the virtual board
lib=$(mktemp -d); trap 'rm -rf "$lib"' EXIT
for name in VoiceAssistant.Core VoiceAssistant.Interop; do
  cp "$board/dll/$name.dll" "$board/pe/$name.pe" "$board/pe/$name.pdbx" "$lib/"
  xml=$(find "$board/artifacts/bin" -path "*/release/$name.xml" | head -1)
  [ -n "$xml" ] || die "no XML documentation for $name in $board/artifacts"
  cp "$xml" "$lib/"
done
checksum=$(pe_checksum "$lib/VoiceAssistant.Interop.pe")
native_version=$(sed -nE 's/.*AssemblyNativeVersion\("([0-9.]+)"\).*/\1/p' "$REPO/firmware/VoiceAssistant.Interop/Properties/AssemblyInfo.cs")
[ -n "$native_version" ] || die "no AssemblyNativeVersion in firmware/VoiceAssistant.Interop/Properties/AssemblyInfo.cs"
for name in VoiceAssistant.Core VoiceAssistant.Interop; do
  dotnet pack "$HERE/nanoframework/NanoPackage.csproj" -p:NoBuild=true -p:NuspecFile="$HERE/nanoframework/$name.nuspec" \
    -p:PackLib="$lib" -p:PackChecksum="$checksum" -p:PackNativeVersion="$native_version" -p:PackageId="$name" \
    -o "$OUT" -nologo -v q >/dev/null || die "packing $name failed"
done
ls "$OUT"/VoiceAssistant.*.nupkg >&2
echo "$OUT"
