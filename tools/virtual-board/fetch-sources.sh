#!/usr/bin/env bash
# For a machine without ../shared/vendor/nanoframework-posix-kit: clones the pinned commits the virtual board
# builds from (tools/third-party-pins.txt) into <folder>/src (the kit's layout), then:
#   VA_POSIX_KIT=<folder> tools/virtual-board/run.sh build
# UNTESTED HERE (this project's build machines have no access to the repositories); the pins are the kit's.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
dest=${1:?usage: fetch-sources.sh <folder>}
mkdir -p "$dest/src"
# shellcheck source=tools/pins.sh
. "$HERE/../pins.sh"
while read -r name _ _; do
  fetch_pin "$name" "$dest/src/$name"
  echo "$name $(git -C "$dest/src/$name" rev-parse HEAD)"
done < <(pins)
echo "sources ready: VA_POSIX_KIT=$dest tools/virtual-board/run.sh build"
