#!/usr/bin/env bash
# Regenerates tests/VoiceAssistant.Device.Tests/Generated/DeviceVectors.g.cs from our own synthesised speech,
# with the shipped model's score cases (models/yes-no; pass --manifest <other>.manifest.json for another model).
# Needs espeak-ng and sox (apt-get install -y espeak-ng sox). The audio is made in a temporary folder, never
# committed; the generated C# holds the one second that the device tests use. Runs give identical files: sox's
# dither (which keeps the lead-in from being digital silence) is seeded the same every run (-R).
# Other arguments go to the generator (e.g. --root <folder>); VA_CODEGEN replaces `dotnet run` of it (tests).
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
read -r -a codegen <<< "${VA_CODEGEN:-dotnet run --project tools/VoiceAssistant.Codegen --}"
manifest=(--manifest models/yes-no/model.manifest.json)
for a in "$@"; do
  if [ "$a" = "--manifest" ]; then manifest=(); fi
done
text="yes"
espeak-ng -v en-us -s 150 -w "$tmp/speech.wav" "$text"
# 16 kHz mono int16, 0.3 s of silence before, trimmed to one second, zero-filled to exactly one second.
sox -R "$tmp/speech.wav" -r 16000 -c 1 -b 16 -e signed-integer -t raw "$tmp/speech.raw" pad 0.3 trim 0 1
truncate -s 32000 "$tmp/speech.raw"
source="espeak-ng $(espeak-ng --version | awk '{print $4}') -v en-us -s 150 '$text', sox -R 16 kHz mono, 0.3 s lead, 1 s"
"${codegen[@]}" device-vectors --pcm16 "$tmp/speech.raw" --source "$source" "${manifest[@]}" "$@"
