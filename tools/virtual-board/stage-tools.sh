#!/usr/bin/env bash
# Stage of build.sh (sourced by it, not run alone): MetadataProcessor, reference assemblies, their .pe files, native skeletons.
# ---- tools: MetadataProcessor, reference assemblies, their .pe files and native skeletons ----
tools_key=$( { hash_tree "$SRC"; hash_tree "$HERE/dotnet" -not -path '*/bin/*' -not -path '*/obj/*'; cat "$HERE/stage-tools.sh" "$HERE/common.sh" | sha256sum; dotnet --version; } | sha256sum | cut -c1-16)
TOOLS=$CACHE/tools-$tools_key
if [ ! -f "$TOOLS/done" ]; then
  step "building the MetadataProcessor and the reference assemblies (once per source change)"
  tmp=$(mktemp -d "$CACHE/tools-tmp.XXXXXX")
  art=$tmp/artifacts
  dotnet build "$HERE/dotnet/mdp/Console/MetadataProcessor.Console.csproj" -c Release -p:NfSources="$SRC/" \
    --artifacts-path "$art" -nologo -v q > "$tmp/mdp.build.log" 2>&1 || { tail -20 "$tmp/mdp.build.log" >&2; die "MetadataProcessor build failed"; }
  mkdir -p "$tmp/mdp" && cp -r "$art/bin/MetadataProcessor.Console/release/." "$tmp/mdp/"
  for p in nanoFramework.UnitTestLauncher System.Device.Gpio System.Device.I2s nanoFramework.Hardware.Esp32; do
    dotnet build "$HERE/dotnet/refs/$p/$p.csproj" -c Release -p:NfSources="$SRC/" --artifacts-path "$art" -nologo -v q \
      > "$tmp/refs.$p.build.log" 2>&1 || { tail -20 "$tmp/refs.$p.build.log" >&2; die "reference assembly $p failed to build"; }
  done
  mkdir -p "$tmp/refs" "$tmp/pe" "$tmp/skeletons"
  for p in nanoFramework.Runtime.Events nanoFramework.TestFramework nanoFramework.UnitTestLauncher System.Device.Gpio System.Device.I2s nanoFramework.Hardware.Esp32; do
    cp "$art/bin/$p/release/$p.dll" "$tmp/refs/"
  done
  export MDP_DLL=$tmp/mdp/nanoFramework.Tools.MetadataProcessor.dll
  cp "$(corlib_dir)/mscorlib.pe" "$tmp/pe/"
  # Sanity: this MetadataProcessor turns the package's mscorlib.dll into the package's mscorlib.pe.
  mdp "$(corlib_dir)/mscorlib.dll" "$tmp/mscorlib.check.pe" -- >/dev/null
  cmp -s "$tmp/mscorlib.check.pe" "$(corlib_dir)/mscorlib.pe" || die "MetadataProcessor sanity check failed: mscorlib.pe differs from the package's"
  R=$tmp/refs
  EV="nanoFramework.Runtime.Events=$R/nanoFramework.Runtime.Events.dll"
  # The exclusion lists are the ones each library's .nfproj gives its MetadataProcessor run.
  mdp "$R/nanoFramework.Runtime.Events.dll" "$tmp/pe/nanoFramework.Runtime.Events.pe" -- -excludeClassByName ThisAssembly
  mdp "$R/nanoFramework.TestFramework.dll" "$tmp/pe/nanoFramework.TestFramework.pe"
  mdp "$R/nanoFramework.UnitTestLauncher.dll" "$tmp/pe/nanoFramework.UnitTestLauncher.pe" "nanoFramework.TestFramework=$R/nanoFramework.TestFramework.dll"
  mdp "$R/System.Device.I2s.dll" "$tmp/pe/System.Device.I2s.pe" -- -excludeClassByName ThisAssembly \
    -generateskeleton "$tmp/skeletons/i2s" VirtualBoard_System_Device_I2s System.Device.I2s true
  mdp "$R/System.Device.Gpio.dll" "$tmp/pe/System.Device.Gpio.pe" "$EV" -- -excludeClassByName GpioPinEvent \
    -excludeClassByName GpioPinEventListener -excludeClassByName GpioPinValueChangedEventArgs \
    -excludeClassByName PinValueChangedEventArgs -excludeClassByName PinNumberingScheme -excludeClassByName WaitEventResult \
    -excludeClassByName WaitForEventResult -excludeClassByName ThisAssembly \
    -generateskeleton "$tmp/skeletons/gpio" VirtualBoard_System_Device_Gpio System.Device.Gpio true
  mdp "$R/nanoFramework.Hardware.Esp32.dll" "$tmp/pe/nanoFramework.Hardware.Esp32.pe" "$EV" -- -excludeClassByName ThisAssembly \
    -excludeClassByName DeviceFunction -excludeClassByName DeviceTypes -excludeClassByName Logging_LogLevel \
    -generateskeleton "$tmp/skeletons/esp32" VirtualBoard_Hardware_Esp32 nanoFramework.Hardware.Esp32 true
  # Each generated table must carry the checksum of the .pe the board loads (the runtime refuses a mismatch;
  # the slot order agrees because both come from the same assembly in the same run).
  for pair in i2s/System_Device_I2s.cpp:System.Device.I2s gpio/System_Device_Gpio.cpp:System.Device.Gpio \
              esp32/nanoFramework_Hardware_Esp32.cpp:nanoFramework.Hardware.Esp32; do
    table=$tmp/skeletons/${pair%%:*}; pe=$tmp/pe/${pair#*:}.pe
    [ "$(table_checksum "$table")" = "$(pe_checksum "$pe")" ] || die "native table $table and $pe disagree on the checksum"
  done
  rm -rf "$art"
  touch "$tmp/done"
  rm -rf "$TOOLS" && mv "$tmp" "$TOOLS"
fi
export MDP_DLL=$TOOLS/mdp/nanoFramework.Tools.MetadataProcessor.dll

