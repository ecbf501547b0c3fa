#!/usr/bin/env bash
# Fuzzes the parsers, validators, normalizer, request JSON and the slip's line layout with
# cargo-fuzz (libFuzzer, nightly). Installs what it needs: the nightly toolchain (rustup) and
# cargo-fuzz, once, into ~/.cache/sanad-tools (SANAD_TOOLS_DIR).
#   bash scripts/fuzz.sh SECONDS [TARGET...]      each target for SECONDS (all targets by default)
#   bash scripts/fuzz.sh --minimize [TARGET...]    shrink the committed corpora in fuzz/corpus
# New inputs found go to a scratch corpus ($SANAD_FUZZ_WORK, default /tmp/sanad-fuzz), so the
# committed corpora stay small; a crash, a timeout (-timeout) or running out of memory
# (-rss_limit_mb, -malloc_limit_mb) fails the run and leaves its input in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

targets_all=(tracking_code national_code national_id mobile jalali_date normalize request_json slip_layout)
minimize=0
if [ "${1:-}" = --minimize ]; then minimize=1; shift; else seconds=${1:?SECONDS or --minimize}; shift; fi
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=("${targets_all[@]}")

tools=${SANAD_TOOLS_DIR:-$HOME/.cache/sanad-tools}
export PATH="$tools/bin:$PATH"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
if ! command -v cargo-fuzz >/dev/null; then
  cargo install --locked --root "$tools" cargo-fuzz --version '^0.13'
fi
# Its own build folder: nightly and the fuzzing flags would otherwise rebuild the main one.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}/fuzz"
work=${SANAD_FUZZ_WORK:-/tmp/sanad-fuzz}

# Safe Rust only (no sanitizer needed for memory errors): we look for panics, hangs and
# unbounded allocation, and run about twice as many inputs a second without ASan.
(cd fuzz && cargo +nightly fuzz build --sanitizer none)
bin="$CARGO_TARGET_DIR/x86_64-unknown-linux-gnu/release"

fuzz_one() {
  local t=$1 log="$work/$1.log" status=0
  mkdir -p "$work/$t" "fuzz/artifacts/$t"
  "$bin/$t" "$work/$t" "fuzz/corpus/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
    -max_len=8192 -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" >"$log" 2>&1 || status=$?
  echo "== fuzz $t, ${seconds}s: $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') inputs, peak $(grep -E '^stat::peak_rss_mb' "$log" | awk '{print $2}') MB"
  if [ "$status" != 0 ]; then
    tail -n 40 "$log" >&2
    echo "fuzz $t FAILED (exit $status): the input is in fuzz/artifacts/$t/" >&2
    return 1
  fi
}

if [ "$minimize" = 1 ]; then
  for t in "${targets[@]}"; do
    mkdir -p "$work/$t"
    fresh=$(mktemp -d)
    "$bin/$t" -merge=1 "$fresh" "fuzz/corpus/$t" "$work/$t" >/dev/null 2>&1
    rm -rf "fuzz/corpus/$t" && mv "$fresh" "fuzz/corpus/$t" && chmod 755 "fuzz/corpus/$t"
    echo "$t: $(ls "fuzz/corpus/$t" | wc -l) inputs kept"
  done
  exit 0
fi

# SANAD_FUZZ_JOBS targets at a time (default 1).
jobs=${SANAD_FUZZ_JOBS:-1}
failed=0
pids=()
for t in "${targets[@]}"; do
  fuzz_one "$t" & pids+=($!)
  if [ ${#pids[@]} -ge "$jobs" ]; then
    for p in "${pids[@]}"; do wait "$p" || failed=1; done
    pids=()
  fi
done
for p in "${pids[@]}"; do wait "$p" || failed=1; done
exit $failed
