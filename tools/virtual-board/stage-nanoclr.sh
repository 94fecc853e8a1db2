#!/usr/bin/env bash
# Stage of build.sh (sourced by it, not run alone): nanoCLR for Linux with our interop, TFLM and the virtual peripherals.
# ---- nanoCLR for Linux with our interop, TFLM and the virtual peripherals ----
clr_key=$( { echo "$tools_key"; g++ --version | head -1; cmake --version | head -1;
  hash_tree "$REPO/native-interop" \( -name '*.cpp' -o -name '*.h' -o -name '*.cc' -o -name '*.cmake' \) -not -path '*/tests/*' -not -path '*/bench/*';
  hash_tree "$HERE" \( -name '*.cpp' -o -name '*.h' -o -name CMakeLists.txt -o -name stage-nanoclr.sh \); } | sha256sum | cut -c1-16)
CLR_DIR=$CACHE/nanoclr-$clr_key
if [ ! -x "$CLR_DIR/bin/nanoFramework.nanoCLR.test" ]; then
  step "building nanoCLR for Linux with VoiceAssistant.Interop, TFLM and the virtual peripherals (-O2; once per native source change)"
  tmp=$(mktemp -d "$CACHE/nanoclr-tmp.XXXXXX")
  mkdir -p "$tmp/flatbuffers"
  cp -r "$SRC/flatbuffers/include" "$tmp/flatbuffers/"
  (cd "$tmp/flatbuffers" && patch -s -p1 < "$SRC/tflite-micro/tensorflow/lite/micro/tools/make/flatbuffers.patch")
  cmake -S "$HERE" -B "$tmp/build" -G Ninja -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" \
    "-DCMAKE_C_FLAGS_RELEASE=-O2 -DNDEBUG" -DNF_ROOT="$SRC/nf-interpreter" -DVA_REPO="$REPO" -DVA_SKELETONS="$TOOLS/skeletons" \
    -DVA_TFLM_ROOT="$SRC/tflite-micro" -DVA_FLATBUFFERS_INCLUDE="$tmp/flatbuffers/include" -DVA_GEMMLOWP_ROOT="$SRC/gemmlowp" \
    -DVA_RUY_ROOT="$SRC/ruy" > "$tmp/configure.log" 2>&1 || { tail -30 "$tmp/configure.log" >&2; die "nanoCLR configure failed"; }
  cmake --build "$tmp/build" --parallel "$(nproc)" > "$tmp/build.log" 2>&1 || { grep -m20 -E "error|Error" "$tmp/build.log" >&2; die "nanoCLR build failed (log: $tmp/build.log)"; }
  mkdir -p "$tmp/bin"
  cp "$tmp/build/bin/nanoFramework.nanoCLR.test" "$tmp/build/lib/nanoFramework.nanoCLR.so" "$tmp/bin/"
  cp "$tmp/configure.log" "$tmp/build.log" "$tmp/bin/"
  rm -rf "$tmp/build" "$tmp/flatbuffers"
  rm -rf "$CLR_DIR" && mv "$tmp" "$CLR_DIR"
fi

