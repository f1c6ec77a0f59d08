#!/usr/bin/env bash
# The package's bytes do not depend on what was built before: builds pkg/, then the benchmark's
# crossing module over the same crate (as scripts/bench does), then pkg/ again, and compares.
source "$(dirname "$0")/../../scripts/setup.sh"
cd "$ROOT"

checksums() { (cd pkg && find . -type f | sort | xargs sha256sum); }

scripts/build
before="$(checksums)"
say "building bench/crossing over the same crate, as scripts/bench does"
CARGO_TARGET_DIR="$ROOT/target" cargo build --quiet --release --target wasm32-unknown-unknown \
  --manifest-path "$ROOT/bench/crossing/Cargo.toml"
scripts/build
after="$(checksums)"
if [ "$before" != "$after" ]; then
  echo "pkg/ differs after building bench/crossing:" >&2
  diff <(echo "$before") <(echo "$after") >&2
  exit 1
fi
echo "pkg/ identical after building bench/crossing ($(echo "$after" | wc -l) files)"
