# Helpers shared by build.sh and run.sh (sourced, not run).

die() { echo "virtual board: $*" >&2; exit 1; }

corlib_dir() { # the nanoFramework.CoreLibrary package's lib/ (restored by any build of the firmware projects)
  local dir=${NUGET_PACKAGES:-$HOME/.nuget/packages}/nanoframework.corelibrary/1.17.11/lib
  [ -f "$dir/mscorlib.dll" ] || die "nanoFramework.CoreLibrary 1.17.11 is not in $dir (dotnet restore firmware/VoiceAssistant.Core.Nano)"
  echo "$dir"
}

# mdp <dll> <out.pe> [name=path ...] [-- more MetadataProcessor arguments]: dll -> .pe with the MetadataProcessor
# at $MDP_DLL. Its console can exit 0 on failure, so its output is checked too.
mdp() {
  local dll=$1 out=$2; shift 2
  local args=(-loadHints mscorlib "$(corlib_dir)/mscorlib.dll")
  while [ $# -gt 0 ]; do
    if [ "$1" = "--" ]; then shift; break; fi
    args+=(-loadHints "${1%%=*}" "${1#*=}"); shift
  done
  local log=${out%.pe}.mdp.log
  if ! dotnet "$MDP_DLL" "${args[@]}" -parse "$dll" -compile "$out" false "$@" > "$log" 2>&1 \
     || grep -qiE "error|exception|unable|unknown command" "$log" || [ ! -s "$out" ]; then
    grep -v '^$' "$log" | tail -15 >&2
    die "MetadataProcessor failed on $dll (log: $log)"
  fi
}

pe_checksum() { # native methods checksum in a .pe header (u32 at byte 20), as 0xXXXXXXXX
  printf '0x%08X\n' "0x$(od -An -tx4 -j20 -N4 "$1" | tr -d ' ')"
}

table_checksum() { # the checksum in a MetadataProcessor native table (.cpp)
  grep -m1 -oE '0x[0-9A-Fa-f]{8}' "$1" | tr 'a-f' 'A-F' | sed 's/^0X/0x/'
}
