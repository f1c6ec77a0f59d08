#!/usr/bin/env bash
# Fuzzes targets one after the other on one core, starting from seeds/<target> and
# corpus/<target>, then minimizes what was found into corpus/<target> (at most 200 inputs).
# Usage: fuzz/campaign.sh target:seconds... (e.g. fuzz/campaign.sh message:480 dmy:180)
# Needs the nightly toolchain and cargo-fuzz. Logs and the working corpora: target/campaign/.
set -euo pipefail
cd "$(dirname "$0")"
WORK="target/campaign"

# Longest input per target: long enough for every rule (a message of 13 SMS, a request with a
# long list of numbers), short enough to keep executions fast.
max_len() {
  case "$1" in
    message | validate) echo 4096 ;;
    phone | wire) echo 1024 ;;
    iso8601) echo 64 ;;
    *) echo 32 ;;
  esac
}

for spec in "$@"; do
  target="${spec%%:*}"
  seconds="${spec#*:}"
  corpus="$WORK/$target"
  mkdir -p "$corpus" "$WORK/artifacts/$target"
  cp -n corpus/"$target"/* seeds/"$target"/* "$corpus"/ 2>/dev/null || true
  echo "$target: fuzzing for $seconds s" >&2
  # -jobs=1 -workers=1: one fuzzing process on one core; libFuzzer writes its output to
  # fuzz-0.log, moved next to the corpus afterwards.
  nice -n 10 cargo +nightly fuzz run -O "$target" "$corpus" -- \
    -jobs=1 -workers=1 -max_total_time="$seconds" -max_len="$(max_len "$target")" \
    -dict="dict/$target.dict" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$WORK/artifacts/$target/" || echo "$target: stopped on a finding" >&2
  mv -f fuzz-0.log "$WORK/$target.log" 2>/dev/null || true
  echo "$target: minimizing" >&2
  # The working corpus keeps every feature (edges and hit counts) for the next run. The
  # committed one keeps at most 200 inputs, chosen for the edges they cover (trim-corpus.mjs,
  # from a merge with -use_counters=0, which records each input's edges).
  nice -n 10 cargo +nightly fuzz cmin -O "$target" "$corpus" -- -max_len="$(max_len "$target")"
  rm -rf "$WORK/edges" corpus/"$target"
  mkdir -p "$WORK/edges"
  nice -n 10 "target/$(rustc -vV | sed -n 's/^host: //p')/release/$target" -merge=1 \
    -use_counters=0 -max_len="$(max_len "$target")" -merge_control_file="$WORK/$target.merge" \
    "$WORK/edges" "$corpus" >/dev/null 2>&1
  echo "$target: $(node trim-corpus.mjs "$WORK/$target.merge" corpus/"$target" 200)" >&2
done
