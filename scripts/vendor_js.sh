#!/usr/bin/env bash
# How the dashboard's charting JS was vendored: the minified browser builds of vega, vega-lite and
# vega-embed, taken from their npm packages (all BSD-3-Clause) with their licence files, copied into
# src/realpolitik/web/static/vendor/. Run once by hand when upgrading; the package never fetches JS at run time.
set -euo pipefail

VEGA=5.30.0
VEGA_LITE=5.21.0
VEGA_EMBED=6.26.0

here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/src/realpolitik/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$dest"
cd "$work"
for spec in "vega@$VEGA" "vega-lite@$VEGA_LITE" "vega-embed@$VEGA_EMBED"; do
  npm pack --silent "$spec" >/dev/null
done
for name in vega vega-lite vega-embed; do
  tarball="$(ls "$name"-[0-9]*.tgz)"
  mkdir "$name"
  tar -xzf "$tarball" -C "$name"
  cp "$name/package/build/$name.min.js" "$dest/$name.min.js"
  cp "$name/package/LICENSE" "$dest/$name.LICENSE"
done
cat > "$dest/VERSIONS" <<END
vega $VEGA (BSD-3-Clause)
vega-lite $VEGA_LITE (BSD-3-Clause)
vega-embed $VEGA_EMBED (BSD-3-Clause)
END
ls -l "$dest"
