#!/usr/bin/env bash
# Run the brokerage scheduler on B2B instances, accumulating benchmarks/results/b2b.md.
#   benchmarks/b2b/run.sh originals        # the 20 originals, 10 s each
#   benchmarks/b2b/run.sh crafted PATTERN  # crafted variants matching PATTERN, 60 s each
# NICE (default 5) is the niceness; OUT (a Markdown file) and JSON_DIR send the results
# elsewhere than benchmarks/results/ (e.g. a scratch run on a shared machine).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${B2B_DATA:-../shared/bench/b2b/instances}
OUT=${OUT:-benchmarks/results/b2b.md}
JSON_DIR=${JSON_DIR:-benchmarks/results/b2b-json}
case "${1:-originals}" in
  originals) files=("$DATA"/*.original.dzn); limit=${LIMIT:-60} ;;
  crafted) files=($(ls "$DATA"/${2:-*}.dzn | grep -v '\.original\.dzn$')); limit=${LIMIT:-60} ;;
  *) echo "usage: $0 originals | crafted [PATTERN]" >&2; exit 2 ;;
esac
mkdir -p "$JSON_DIR"
for f in "${files[@]}"; do
  name=$(basename "$f" .dzn)
  if [[ -n "${SKIP_DONE:-}" && -f "$JSON_DIR/$name.json" ]]; then continue; fi
  nice -n "${NICE:-5}" uv run liqa bench b2b "$f" --time-limit "$limit" --fairness 2 --workers 2 \
    --json "$JSON_DIR/$name.json" --markdown "$OUT"
  python3 "$DATA/../check.py" check "$f" "$JSON_DIR/$name.json" --fairness 2 \
    | tail -1 | sed "s/^/$name check.py: /" || true
done
