# Helpers over tools/third-party-pins.txt (sourced by the scripts that fetch third-party sources).
VA_PINS_FILE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/third-party-pins.txt

pins() { grep -vE '^(#|$)' "$VA_PINS_FILE"; }

pin_commit() { # name -> commit
  pins | awk -v n="$1" '$1 == n { print $3; found = 1 } END { exit !found }' || { echo "no pin for '$1' in $VA_PINS_FILE" >&2; return 1; }
}

fetch_pin() { # name folder: the pinned commit of name into folder (a shallow clone; reused when already there)
  local name=$1 dir=$2 url commit
  url=$(pins | awk -v n="$name" '$1 == n { print $2 }')
  commit=$(pin_commit "$name") || return 1
  if [ "$(git -C "$dir" rev-parse HEAD 2>/dev/null)" != "$commit" ]; then
    rm -rf "$dir" && git init -q "$dir"
    git -C "$dir" fetch -q --depth 1 "$url" "$commit" || { echo "could not fetch $name $commit from $url" >&2; return 1; }
    git -C "$dir" checkout -q FETCH_HEAD
  fi
}
