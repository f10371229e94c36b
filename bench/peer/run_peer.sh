#!/usr/bin/env bash
# Runs the brute-force peer (brute_force_peer.py) with the settings quoted in issue 5 on a Kaggle-layout data folder
# and scores every submission with our own evaluator (`./landmarks evaluate`). Prints a table: setting, GAP, top-1
# accuracy, wall seconds of the whole peer process, its CPU seconds (all threads), and the 1-minute load average just
# before the run (the machine is shared, so a high load means the wall time is not a fair figure).
#
# Usage: bench/peer/run_peer.sh DATA_DIR [OUT_DIR [SETTING ...]]
#   DATA_DIR  folder with train.csv, test.csv, solution.csv (e.g. ../shared/data/landmarks-dev)
#   OUT_DIR   where submissions, logs and results.tsv go (default: a new folder under /tmp)
#   SETTING   any of: 640-1000 1024-4000 1024-4000-one-to-one 1024-4000-min35 (default: all four, in that order);
#             a setting may be given twice to time it twice.
#
# Environment:
#   PEER_PYTHON            interpreter that sees python3-opencv (default /usr/bin/python3, the Debian one)
#   LANDMARKS_SKIP_BUILD   passed to ./landmarks; defaults to 1 when the cli jar is already built
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
PEER_PYTHON="${PEER_PYTHON:-/usr/bin/python3}"

if [ $# -lt 1 ]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2
  exit 2
fi
DATA_DIR="$(cd "$1" && pwd)"
OUT_DIR="${2:-$(mktemp -d /tmp/peer-bench.XXXXXX)}"
shift $(( $# >= 2 ? 2 : 1 ))
SETTINGS=("$@")
[ ${#SETTINGS[@]} -gt 0 ] || SETTINGS=(640-1000 1024-4000 1024-4000-one-to-one 1024-4000-min35)
mkdir -p "$OUT_DIR"

if [ -z "${LANDMARKS_SKIP_BUILD:-}" ] && ls "$ROOT"/cli/target/cli-*.jar >/dev/null 2>&1; then
  export LANDMARKS_SKIP_BUILD=1
fi
"$PEER_PYTHON" -c 'import cv2' 2>/dev/null || {
  echo "run_peer: $PEER_PYTHON cannot import cv2; install python3-opencv (apt-get install -y python3-opencv)" >&2
  exit 1
}

# The peer's options for each setting name; the threshold default (8 px at 1024, scaled) lives in the script.
options_for() {
  case "$1" in
    640-1000) echo "--max-side 640 --features 1000" ;;
    1024-4000) echo "--max-side 1024 --features 4000" ;;
    1024-4000-one-to-one) echo "--max-side 1024 --features 4000 --one-to-one" ;;
    1024-4000-min35) echo "--max-side 1024 --features 4000 --min-inliers 35" ;;
    *) echo "run_peer: unknown setting $1" >&2; return 1 ;;
  esac
}

RESULTS="$OUT_DIR/results.tsv"
printf 'setting\trun\tGAP\ttop1\twall_s\tcpu_s\tload1_before\n' > "$RESULTS"
run=0
for setting in "${SETTINGS[@]}"; do
  run=$((run + 1))
  options="$(options_for "$setting")"
  name="$(printf '%02d' "$run")-$setting"
  load1="$(cut -d' ' -f1 /proc/loadavg)"
  echo "run_peer: $name ($options), load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  start=$(date +%s.%N)
  # shellcheck disable=SC2086 # options are a list of words on purpose
  "$PEER_PYTHON" "$BENCH_DIR/brute_force_peer.py" "$DATA_DIR/train.csv" "$DATA_DIR/test.csv" \
    --out "$OUT_DIR/$name.csv" $options 2> "$OUT_DIR/$name.log"
  end=$(date +%s.%N)
  wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
  "$ROOT/landmarks" evaluate "$OUT_DIR/$name.csv" "$DATA_DIR/solution.csv" > "$OUT_DIR/$name.gap" 2>> "$OUT_DIR/$name.log"
  gap=$(awk 'NR == 1 { print $2 }' "$OUT_DIR/$name.gap")
  top1=$(awk '/^top-1 accuracy/ { print $3 }' "$OUT_DIR/$name.gap")
  cpu=$(awk '/^peer: total CPU time/ { print $5 }' "$OUT_DIR/$name.log")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$setting" "$run" "$gap" "$top1" "$wall" "$cpu" "$load1" >> "$RESULTS"
  grep '^peer:' "$OUT_DIR/$name.log" | tail -5 >&2
  echo "run_peer: $name GAP $gap top-1 $top1 wall ${wall}s" >&2
done
column -t -s $'\t' "$RESULTS"
echo "run_peer: submissions, logs and results.tsv in $OUT_DIR" >&2
