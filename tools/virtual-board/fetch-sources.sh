#!/usr/bin/env bash
# For a machine without ../shared/vendor/nanoframework-posix-kit: clones the pinned commits the virtual board
# builds from into <folder>/src (the kit's layout), then: VA_POSIX_KIT=<folder> tools/virtual-board/run.sh build
# UNTESTED HERE (this project's build machines have no access to the repositories); the pins are the kit's.
set -euo pipefail
dest=${1:?usage: fetch-sources.sh <folder>}
mkdir -p "$dest/src"
cd "$dest/src"
pins=(
  "nf-interpreter https://github.com/nanoframework/nf-interpreter a3e8139a1ba778e33ca81b023099765eada6c456"
  "metadata-processor https://github.com/nanoframework/metadata-processor 4541b46b25b6ddca89514c6627aa9973021b36d6"
  "mustache-sharp https://github.com/jehugaleahsa/mustache-sharp eada46d86b1284d73dbab2965c81d19a2f0ece6e"
  "System.Device.I2s https://github.com/nanoframework/System.Device.I2s 9bb5e92e47b4520673862afb19a7c4809b3b395b"
  "System.Device.Gpio https://github.com/nanoframework/System.Device.Gpio 8b832b8512adcf2b8d5802095402d3bd11fb8b10"
  "nanoFramework.Hardware.Esp32 https://github.com/nanoframework/nanoFramework.Hardware.Esp32 1c9a241fd73b9e654012ebee524e63b9442a36a8"
  "nanoFramework.Runtime.Events https://github.com/nanoframework/nanoFramework.Runtime.Events 3becfe40f827cea4e80e4710346541c93bd4dfc8"
  "nanoFramework.TestFramework https://github.com/nanoframework/nanoFramework.TestFramework d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4"
  "tflite-micro https://github.com/tensorflow/tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424"
  "flatbuffers https://github.com/google/flatbuffers 187240970746d00bbd26b0f5873ed54d2477f9f3"
  "gemmlowp https://github.com/google/gemmlowp 719139ce755a0f31cbf1c37f7f98adcc7fc9f425"
  "ruy https://github.com/google/ruy d37128311b445e758136b8602d1bbd2a755e115d"
)
for pin in "${pins[@]}"; do
  read -r name url commit <<< "$pin"
  if [ ! -d "$name/.git" ]; then
    git init -q "$name"
    git -C "$name" fetch -q --depth 1 "$url" "$commit"
    git -C "$name" checkout -q FETCH_HEAD
  fi
  echo "$name $(git -C "$name" rev-parse HEAD)"
done
echo "sources ready: VA_POSIX_KIT=$dest tools/virtual-board/run.sh build"
