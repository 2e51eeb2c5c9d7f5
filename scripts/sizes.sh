#!/usr/bin/env bash
# Print raw, gzip and brotli (quality 11) byte counts of everything the
# publisher's one script tag loads. With --budget, fail when the brotli total
# exceeds the number in size-budget.txt (the one place the budget lives).
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${DIST:-dist}
v=$(sed -n 's/^version = "\([^"]*\)"/\1/p' Cargo.toml | head -1)
files=("$dist/dateline.js" "$dist/pkg/dateline-$v.js" "$dist/pkg/dateline-${v}_bg.wasm")
printf '%-28s %10s %10s %10s\n' "what the script tag loads" raw gzip brotli
t_raw=0 t_gz=0 t_br=0
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "missing $f: run make build" >&2; exit 1; }
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
  t_raw=$((t_raw + raw)) t_gz=$((t_gz + gz)) t_br=$((t_br + br))
  printf '%-28s %10d %10d %10d\n' "${f#"$dist"/}" "$raw" "$gz" "$br"
done
printf '%-28s %10d %10d %10d\n' total "$t_raw" "$t_gz" "$t_br"
if [ -f "$dist/integrity.json" ] && [ "${1:-}" != "--budget" ]; then
  echo "Subresource Integrity (dist/integrity.json; dateline-$v.js is the immutable copy of dateline.js):"
  sed -n 's/^ *"\([^"]*\)": "\(sha384-[^"]*\)",\{0,1\}$/  \1  \2/p' "$dist/integrity.json"
fi
if [ "${1:-}" = "--budget" ]; then
  budget=$(grep -Eo '^[0-9]+' size-budget.txt | head -1)
  if [ "$t_br" -gt "$budget" ]; then
    echo "size budget: FAILED, brotli total $t_br bytes > budget $budget bytes (size-budget.txt)"
    exit 1
  fi
  echo "size budget: ok, brotli total $t_br bytes <= budget $budget bytes (size-budget.txt)"
fi
