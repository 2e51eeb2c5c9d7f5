#!/usr/bin/env bash
# Trunk's post-build step for dist/ (Trunk.toml): minify the loader and the
# wasm-bindgen glue, then give the widget's files immutable, versioned names
# and bind them together with Subresource Integrity:
#   pkg/dateline-<v>.js, pkg/dateline-<v>_bg.wasm   the module and the wasm
#   dateline-<v>.js                                 the loader, immutable
#   dateline.js                                     the same loader, for a short cache
#   integrity.json                                  the SRI hash of each file
# Every loader copy names its own version's pkg files and carries the
# wasm's hash (it fetches the wasm with `integrity`), so one version's
# loader can never run another version's wasm. The module's hash is for
# the page's import map (docs/EMBED.md): import() itself takes none.
# Run by Trunk with TRUNK_STAGING_DIR and TRUNK_SOURCE_DIR set.
set -euo pipefail
src=${TRUNK_SOURCE_DIR:?} d=${TRUNK_STAGING_DIR:?}
terser="$src/node_modules/.bin/terser"
v=$(sed -n 's/^version = "\([^"]*\)"/\1/p' "$src/Cargo.toml" | head -1)
lv=$(sed -n 's/^ *var VERSION = "\([^"]*\)";.*/\1/p' "$src/loader/dateline.js" | head -1)
if [ "$v" != "$lv" ]; then
  echo "finish-dist: Cargo.toml says version $v but loader/dateline.js says $lv; make them equal" >&2
  exit 1
fi
sri() { node -e 'process.stdout.write("sha384-" + require("crypto").createHash("sha384").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$1"; }

"$terser" "$d/pkg/dateline.js" --module --compress --mangle --comments false -o "$d/pkg/dateline-$v.js"
rm "$d/pkg/dateline.js"
mv "$d/pkg/dateline_bg.wasm" "$d/pkg/dateline-${v}_bg.wasm"
glue=$(sri "$d/pkg/dateline-$v.js") wasm=$(sri "$d/pkg/dateline-${v}_bg.wasm")
"$terser" "$d/dateline.js" --compress --mangle --comments false -o "$d/dateline.js"
sed -i -e "s|sha384-WASM|$wasm|" "$d/dateline.js"
grep -q "$wasm" "$d/dateline.js" || { echo "finish-dist: the loader's integrity placeholder is missing" >&2; exit 1; }
cp "$d/dateline.js" "$d/dateline-$v.js"
loader=$(sri "$d/dateline-$v.js")
cat >"$d/integrity.json" <<JSON
{
  "version": "$v",
  "dateline.js": "$loader",
  "dateline-$v.js": "$loader",
  "pkg/dateline-$v.js": "$glue",
  "pkg/dateline-${v}_bg.wasm": "$wasm"
}
JSON
